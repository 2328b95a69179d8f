package kr.gukdae.app.stage;

import static kr.gukdae.testing.InProcessLauncher.capture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.testing.InProcessLauncher.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StageCommandTest {

  @Test
  void runPrintsTheDecisionWritesReportsAndReplaysFromTheLedger(@TempDir Path dir)
      throws Exception {
    Path ledgerFile = dir.resolve("ledger.jsonl");
    var cmd = new CommandLine(new StageCommand(Ledger.inMemory(), null));
    String out =
        capture(() ->
                cmd.execute(
                    "run",
                    "--program",
                    "demo",
                    "--ledger-file",
                    ledgerFile.toString(),
                    "--out",
                    dir.resolve("r").toString()))
            .succeeded();
    assertThat(out)
        .contains(
            "1    hanbit",
            "90.20",
            "Eliminated by the originality gate",
            "continue: hanbit, baekdu," + " gyeongbok",
            "added by extra call for the next stage: hallasan",
            "ledger intact");
    assertThat(dir.resolve("r/stage-1/stage-1-public.ko.pdf")).exists();

    String again =
        capture(() ->
                cmd.execute(
                    "run", "--from-ledger", "--ledger-file", ledgerFile.toString(), "--no-reports"))
            .succeeded();
    assertThat(again).contains("SAME result");

    var audit = new CommandLine(new AuditCommand(Ledger.inMemory()));
    assertThat(capture(() -> audit.execute("verify", "--file", ledgerFile.toString())).succeeded())
        .contains("ledger intact");
    Files.writeString(ledgerFile, Files.readString(ledgerFile).replaceFirst("hanbit", "hanbiT"));
    Run broken = capture(() -> audit.execute("verify", "--file", ledgerFile.toString()));
    assertThat(broken.out()).contains("BROKEN at seq");
    assertThat(broken.code()).isEqualTo(1);
  }

  @Test
  void whatIfAndMissingEvidenceAreReported(@TempDir Path dir) throws Exception {
    var cmd = new CommandLine(new StageCommand(Ledger.inMemory(), null));
    String out =
        capture(() ->
                cmd.execute(
                    "what-if",
                    "--program",
                    "demo",
                    "--component",
                    "user-evaluation",
                    "--points",
                    "0"))
            .out();
    assertThat(out).contains("what if user-evaluation were worth 0.00 instead of 25.00");
    Path programme = dir.resolve("p.yaml");
    Files.writeString(
        programme,
        new String(
                kr.gukdae.stage.ProgramLoader.class
                    .getResourceAsStream("demo/programme.yaml")
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            .replace("demo: true", "demo: false"));
    Path evidence = dir.resolve("e.yaml");
    Files.writeString(evidence, "- {type: derivatives, team: hanbit, stage: 1, count: 3}\n");
    var err = new java.io.StringWriter();
    cmd.setErr(new java.io.PrintWriter(err));
    cmd.setExecutionExceptionHandler((ex, c, p) -> {
      c.getErr().println(ex.getMessage());
      return 2;
    });
    int code =
        cmd.execute(
            "run",
            "--program",
            programme.toString(),
            "--evidence",
            evidence.toString(),
            "--no-reports");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("evidence hanbit/korean-benchmarks: no KOREAN result");
  }
}
