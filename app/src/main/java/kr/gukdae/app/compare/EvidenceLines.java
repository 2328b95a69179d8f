package kr.gukdae.app.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.eval.reference.Comparison;
import kr.gukdae.eval.reference.ComparisonRow.Compared;
import kr.gukdae.stage.Evidence;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stage evidence records ({@code {type: benchmark, team, stage, group, benchmark, score}}) for the
 * compared tasks, in the form {@code gukdae stage run --evidence} reads. Strings are written as
 * JSON strings, which YAML reads as double-quoted scalars, so no task or team name can break a
 * line.
 */
final class EvidenceLines {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EvidenceLines() {}

  /** {@code TEAM:STAGE:GROUP} from the command line. */
  record Target(String team, int stage, Evidence.Group group) {
    Target {
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(group, "group");
    }

    static Target parse(String text) {
      String usage = "--evidence '" + text + "': expected TEAM:STAGE:GROUP, e.g. hanbit:1:GLOBAL";
      String usageKo = "--evidence '" + text + "': TEAM:STAGE:GROUP 형식이어야 합니다 (예: hanbit:1:GLOBAL)";
      int last = text.lastIndexOf(':');
      int middle = last < 0 ? -1 : text.lastIndexOf(':', last - 1);
      if (middle < 1) {
        throw UserError.of(usageKo, usage);
      }
      String team = text.substring(0, middle).strip();
      int stage;
      try {
        stage = Integer.parseInt(text.substring(middle + 1, last).strip());
      } catch (NumberFormatException e) {
        throw UserError.of(usageKo + " (STAGE는 숫자입니다)", usage + " (STAGE is a number)", e);
      }
      if (team.isEmpty() || team.length() > 100 || stage < 1) {
        throw UserError.of(
            usageKo + " (TEAM은 팀 id, STAGE는 1 이상입니다)",
            usage + " (TEAM is a team id, STAGE at least 1)");
      }
      String group = text.substring(last + 1).strip().toUpperCase(Locale.ROOT);
      try {
        return new Target(team, stage, Evidence.Group.valueOf(group));
      } catch (IllegalArgumentException e) {
        throw UserError.of(
            usageKo + " (GROUP은 " + Arrays.toString(Evidence.Group.values()) + " 중 하나입니다)",
            usage + " (GROUP is one of " + Arrays.toString(Evidence.Group.values()) + ")",
            e);
      }
    }
  }

  static String write(Comparison c, Target target, Map<String, String> names) {
    for (String task : names.keySet()) {
      if (c.rows().stream().noneMatch(r -> r.task().equals(task))) {
        throw UserError.of(
            "--benchmark-name " + task + "=...: " + c.results() + "에 과제 '" + task + "'이(가) 없습니다",
            "--benchmark-name " + task + "=...: no task '" + task + "' in " + c.results());
      }
    }
    StringBuilder out = new StringBuilder();
    if (c.compared().isEmpty()) {
      return out.append("# no task had a reference; no evidence written\nevidence: []\n")
          .toString();
    }
    out.append("evidence:\n");
    for (Compared r : c.compared()) {
      String benchmark = names.getOrDefault(r.task(), r.task());
      out.append("  - {type: benchmark, team: ")
          .append(quote(target.team()))
          .append(", stage: ")
          .append(target.stage())
          .append(", group: ")
          .append(target.group().name())
          .append(", benchmark: ")
          .append(quote(benchmark))
          .append(", score: ")
          .append(
              BigDecimal.valueOf(r.percent())
                  .setScale(4, RoundingMode.HALF_UP)
                  .stripTrailingZeros()
                  .toPlainString())
          .append("}\n");
    }
    return out.toString();
  }

  private static String quote(String text) {
    return JSON.writeValueAsString(text);
  }
}
