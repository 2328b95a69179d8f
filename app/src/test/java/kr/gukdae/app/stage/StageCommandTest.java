package kr.gukdae.app.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StageCommandTest {

  private static String capture(Runnable body) {
    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(old);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runPrintsTheDecisionWritesReportsAndReplaysFromTheLedger(@TempDir Path dir)
      throws Exception {
    Path ledgerFile = dir.resolve("ledger.jsonl");
    var cmd = new CommandLine(new StageCommand(Ledger.inMemory(), null));
    int[] code = new int[1];
    String out =
        capture(() ->
            code[0] =
                cmd.execute(
                    "run",
                    "--program",
                    "demo",
                    "--ledger-file",
                    ledgerFile.toString(),
                    "--out",
                    dir.resolve("r").toString()));
    assertThat(code[0]).isZero();
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
            code[0] =
                cmd.execute(
                    "run",
                    "--from-ledger",
                    "--ledger-file",
                    ledgerFile.toString(),
                    "--no-reports"));
    assertThat(code[0]).isZero();
    assertThat(again).contains("SAME result");

    var audit = new CommandLine(new AuditCommand(Ledger.inMemory()));
    assertThat(capture(() -> code[0] = audit.execute("verify", "--file", ledgerFile.toString())))
        .contains("ledger intact");
    assertThat(code[0]).isZero();
    Files.writeString(ledgerFile, Files.readString(ledgerFile).replaceFirst("hanbit", "hanbiT"));
    assertThat(capture(() -> code[0] = audit.execute("verify", "--file", ledgerFile.toString())))
        .contains("BROKEN at seq");
    assertThat(code[0]).isEqualTo(1);
  }

  @Test
  void whatIfAndMissingEvidenceAreReported(@TempDir Path dir) throws Exception {
    var cmd = new CommandLine(new StageCommand(Ledger.inMemory(), null));
    String out =
        capture(() ->
            cmd.execute(
                "what-if", "--program", "demo", "--component", "user-evaluation", "--points", "0"));
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
