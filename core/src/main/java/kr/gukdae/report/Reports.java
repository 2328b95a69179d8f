package kr.gukdae.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.stage.Disclosure;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.StageResult.TeamResult;
import org.jspecify.annotations.Nullable;

/**
 * Stage reports in Korean and English, HTML and PDF: a public summary that follows the disclosure
 * policy and one private report per team. {@code ledgerHead} is printed so a reader can check the
 * report against the audit ledger.
 */
public final class Reports {

  private Reports() {}

  public static String publicHtml(StageResult r, Disclosure d, Lang lang, @Nullable String head) {
    return HtmlRenderer.render(ReportBuilder.publicSummary(r, d, lang, head), lang);
  }

  public static String teamHtml(StageResult r, String team, Lang lang, @Nullable String head) {
    return HtmlRenderer.render(ReportBuilder.teamReport(r, teamOf(r, team), lang, head), lang);
  }

  public static byte[] publicPdf(StageResult r, Disclosure d, Lang lang, @Nullable String head) {
    return PdfRenderer.render(ReportBuilder.publicSummary(r, d, lang, head), KoreanFont.find());
  }

  public static byte[] teamPdf(StageResult r, String team, Lang lang, @Nullable String head) {
    return PdfRenderer.render(
        ReportBuilder.teamReport(r, teamOf(r, team), lang, head), KoreanFont.find());
  }

  /**
   * Writes every report into {@code dir}: {@code stage-N-public.ko.html}, {@code .en.pdf}, …, and
   * {@code stage-N-team-ID.ko.html} etc. Returns the files written.
   */
  public static List<Path> writeAll(StageResult r, Disclosure d, Path dir, @Nullable String head) {
    return write(r, d, dir, head, true);
  }

  /** As {@link #writeAll} without the PDFs, for machines that lack a Korean font. */
  public static List<Path> writeHtml(StageResult r, Disclosure d, Path dir, @Nullable String head) {
    return write(r, d, dir, head, false);
  }

  /** Whether a Korean TrueType font is there for the PDFs. */
  public static boolean pdfFontAvailable() {
    try {
      KoreanFont.find();
      return true;
    } catch (kr.gukdae.UserError e) {
      return false;
    }
  }

  private static List<Path> write(
      StageResult r, Disclosure d, Path dir, @Nullable String head, boolean pdf) {
    List<Path> written = new ArrayList<>();
    String prefix = "stage-" + r.stage() + "-";
    try {
      Files.createDirectories(dir);
      for (Lang lang : Lang.values()) {
        String suffix = "." + lang.code();
        written.add(
            write(
                dir.resolve(prefix + "public" + suffix + ".html"),
                publicHtml(r, d, lang, head).getBytes(StandardCharsets.UTF_8)));
        if (pdf) {
          written.add(
              write(dir.resolve(prefix + "public" + suffix + ".pdf"), publicPdf(r, d, lang, head)));
        }
        for (TeamResult t : r.ranking()) {
          String base = prefix + "team-" + t.team() + suffix;
          written.add(
              write(
                  dir.resolve(base + ".html"),
                  teamHtml(r, t.team(), lang, head).getBytes(StandardCharsets.UTF_8)));
          if (pdf) {
            written.add(write(dir.resolve(base + ".pdf"), teamPdf(r, t.team(), lang, head)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reports to " + dir, e);
    }
    return written;
  }

  private static Path write(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
    return file;
  }

  private static TeamResult teamOf(StageResult r, String team) {
    return r.team(team)
        .orElseThrow(() ->
            kr.gukdae.UserError.of(
                "팀 '" + team + "'은(는) " + r.stage() + " 단계 결과에 없습니다",
                "team '" + team + "' is not in stage " + r.stage() + "'s result"));
  }
}
