package kr.gukdae.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kr.gukdae.cli.Launcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gukdae demo --no-serve} through the real launcher on a fresh embedded database, then the
 * recorded decision recomputed from the ledger and the ledger verified.
 */
class DemoCommandTest {

  @TempDir Path home;

  @AfterEach
  void clearProperties() {
    System.clearProperty("gukdae.home");
    System.clearProperty("spring.datasource.url");
  }

  @Test
  void theDemoDecidesTheStageFromComputedEvidenceAndTheLedgerReproducesIt() throws Exception {
    System.setProperty("gukdae.home", home.toString());
    System.setProperty(
        "spring.datasource.url",
        "jdbc:h2:file:" + home.resolve("db/gukdae") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");

    String out = capture(() -> Launcher.run("demo", "--no-serve"));
    assertThat(out)
        .contains("DEMO", "1/5 benchmarks", "5/5 derivative models", "[DEMO DATA]")
        .containsPattern("mugunghwa +CONTAINS COMPONENT vision_encoder \\(frozen\\)")
        .contains("ELIMINATED_GATE", "ELIMINATED_POINTS")
        .contains("added by extra call for the next stage: hallasan")
        .contains("ledger intact");
    // The frozen-encoder team is cut by the gate; every other team's weights are its own.
    assertThat(out.lines().filter(l -> l.contains("ELIMINATED_GATE")))
        .singleElement()
        .asString()
        .contains("mugunghwa");
    assertThat(out.lines().filter(l -> l.matches("\\s+\\w+\\s+ORIGINAL"))).hasSize(4);
    assertThat(home.resolve("demo/reports/stage-1-public.ko.html")).exists();
    assertThat(home.resolve("demo/reports/stage-1-team-hanbit.en.html")).exists();

    String replay = capture(() -> Launcher.run("stage", "run", "--from-ledger", "--no-reports"));
    assertThat(replay).contains("SAME result").contains("ledger intact");

    String audit = capture(() -> Launcher.run("audit", "verify"));
    assertThat(audit).contains("intact");
  }

  private static String capture(Callable<Integer> body) throws Exception {
    PrintStream old = System.out;
    var bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = body.call();
    } finally {
      System.setOut(old);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isZero();
    return text;
  }
}
