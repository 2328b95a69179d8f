package kr.gukdae.app.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.UserError;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.cli.Terminal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gukdae review attach}: the office attaches a team's report or log from the shell. */
@Component
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = "Expert review: attach a team's technical report or training log for reviewers.")
class ReviewCommand implements GukdaeCommand {

  @Spec @Nullable CommandSpec spec;

  private final ReviewService reviews;

  ReviewCommand(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public Integer call() {
    return GukdaeCommand.usage(spec);
  }

  @Command(
      name = "attach",
      mixinStandardHelpOptions = true,
      description = {
        "Stream a file into the artefact store (SHA-256 computed on the way, up to gukdae.review.max-artefact-bytes, default 256 MiB) and attach it to a team's review.",
        "The stage's panel must be open (web: the review page, or POST /api/review/panels)."
      })
  int attach(
      @Option(names = "--team", required = true, description = "team id") String team,
      @Option(names = "--stage", defaultValue = "1", description = "stage number (default 1)")
          int stage,
      @Option(
              names = "--kind",
              defaultValue = "",
              description =
                  "TECHNICAL_REPORT, TRAINING_LOG or OTHER (default: by the file: a PDF"
                      + " is a technical report, anything else a training log)")
          String kind,
      @Option(names = "--name", description = "name shown to reviewers (default: the file's)")
          @Nullable String name,
      @Parameters(paramLabel = "FILE", description = "the file to attach") Path file) {
    if (!Files.isRegularFile(file)) {
      throw UserError.of(
          file + ": 파일이 없습니다. 첨부할 보고서나 로그 파일을 지정하세요",
          file + ": no such file; give the report or log to attach");
    }
    try {
      if (Files.size(file) > reviews.maxArtefactBytes()) {
        throw UserError.of(
            file
                + ": 자료가 너무 큽니다 (최대 "
                + reviews.maxArtefactBytes()
                + "바이트). 아무것도 저장하지 않았습니다 (gukdae.review.max-artefact-bytes로 한도를 올리세요)",
            file
                + ": larger than "
                + reviews.maxArtefactBytes()
                + " bytes; nothing was stored (raise gukdae.review.max-artefact-bytes)");
      }
    } catch (IOException e) {
      throw UserError.unreadable(file, e);
    }
    String k =
        kind.isBlank()
            ? (file.toString().endsWith(".pdf") ? "TECHNICAL_REPORT" : "TRAINING_LOG")
            : kind;
    ReviewService.Attached a;
    try (InputStream in = Files.newInputStream(file)) {
      a =
          reviews.attach(
              stage,
              team,
              k,
              name == null ? String.valueOf(file.getFileName()) : name,
              in,
              // who the terminal user is, as stage decisions record it (StageCommand.cliUser)
              "cli:" + System.getProperty("user.name", "unknown"));
    } catch (IOException e) {
      throw UserError.unreadable(file, e);
    }
    System.out.printf(
        Terminal.pick(
            "산출물 %d: 팀 %s, %d단계, %s, %,d바이트, sha256 %s%n",
            "artefact %d: team %s, stage %d, %s, %,d bytes, sha256 %s%n"),
        a.id(),
        team,
        stage,
        // the service accepted the kind: it names one of Artefact.Kind
        Terminal.label(
            kr.gukdae.review.Artefact.Kind.valueOf(
                k.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'))),
        a.size(),
        a.sha256());
    return 0;
  }
}
