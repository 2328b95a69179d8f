package kr.gukdae.app.office;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Korean of the reasons {@link kr.gukdae.resources.Talent} records in English (recorded hires
 * keep their words, so the translation is made when printing). A reason in no known form is shown
 * as it is.
 */
final class TalentReasons {

  private TalentReasons() {}

  private record Form(Pattern english, String korean) {}

  private static final List<Form> FORMS =
      List.of(
          new Form(Pattern.compile("granted"), "지원"),
          new Form(
              Pattern.compile("hired (\\S+), not after the call date (\\S+)"),
              "채용일 $1이(가) 공모일 $2 이후가 아닙니다"),
          new Form(
              Pattern.compile("no employment contract \\(contractSha256\\) on file"),
              "근로계약서(contractSha256)가 없습니다"),
          new Form(
              Pattern.compile("team eliminated on (\\S+); support ran to (\\S+)"),
              "팀이 $1에 탈락했고 지원은 $2까지였습니다"),
          new Form(Pattern.compile("capped: (\\d+) KRW per team per year"), "상한 적용: 팀당 연 $1원"));

  private static final Pattern CONTINUES =
      Pattern.compile("(.*) \\(continues after elimination until (\\S+)\\)");

  static String of(String reason, boolean korean) {
    if (!korean) {
      return reason;
    }
    String base = reason;
    String suffix = "";
    Matcher c = CONTINUES.matcher(reason);
    if (c.matches()) {
      base = c.group(1);
      suffix = " (탈락 후에도 " + c.group(2) + "까지 지원)";
    }
    for (Form f : FORMS) {
      Matcher m = f.english().matcher(base);
      if (m.matches()) {
        return m.replaceAll(f.korean()) + suffix;
      }
    }
    return reason;
  }
}
