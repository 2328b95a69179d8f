package kr.gukdae.app.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.OfficeKey;
import kr.gukdae.stage.Stages;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The office's workflow on a database that already holds unsigned entries (an installation from
 * before signing): init, record a run, rotate, export, verify offline with only the public key and
 * the checkpoints, and see a half-recorded old run reported.
 */
class LedgerCommandTest {

  @TempDir Path dir;

  private record Out(int code, String text) {}

  private static Out run(Object command, String... args) {
    PrintStream old = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      var cl = new CommandLine(command);
      cl.setExecutionExceptionHandler((ex, c, p) -> {
        if (kr.gukdae.UserError.findIn(ex) == null) {
          throw ex;
        }
        c.getErr().println(ex.getMessage()); // as the launcher's FriendlyErrors does
        return 2;
      });
      cl.setErr(new java.io.PrintWriter(capture, true));
      return new Out(cl.execute(args), bytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
      System.setErr(oldErr);
    }
  }

  @Test
  void initRotateExportAndOfflineVerificationOnALegacyLedger() throws Exception {
    String url = TestDatabases.migratedUrl("h2");
    var store = new JdbcLedgerStore(TestDatabases.dataSource(url));
    // Before this change: unsigned entries, and a run killed after its programme and evidence.
    Ledger legacy = new Ledger(store, Clock.systemUTC());
    long run = legacy.append(Stages.PROGRAMME, Map.of("name", "old")).seq();
    legacy.append(Stages.EVIDENCE, Map.of("run", run, "record", Map.of()));

    var files =
        new LedgerConfig.LedgerFiles(dir.resolve("keys/office.pem"), dir.resolve("anchors"));
    Ledger office = Ledger.office(store, Clock.systemUTC(), null, files.anchors());
    Out refused = run(new StageCommand(office, null), "run", "--program", "demo", "--no-reports");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.text()).contains("gukdae ledger init");
    assertThat(store.all()).hasSize(2); // nothing half-written

    Out init = run(new LedgerCommand(office, files), "init");
    assertThat(init.code()).as(init.text()).isZero();
    assertThat(init.text()).contains("created key file", "recorded at ledger seq 3");
    OfficeKey key = OfficeKey.load(files.keyFile());
    Ledger signed = Ledger.office(store, Clock.systemUTC(), key, files.anchors());

    // A report failure after the decision is recorded is not an input error (exit 2).
    Path notADir = Files.writeString(dir.resolve("file"), "x");
    Out stage =
        run(
            new StageCommand(signed, null),
            "run",
            "--program",
            "demo",
            "--out",
            notADir.toString());
    assertThat(stage.code()).as(stage.text()).isEqualTo(StageCommand.REPORTS_FAILED);
    assertThat(stage.text()).contains("the decision is recorded", "--from-ledger");
    assertThat(Stages.replay(signed, 1).matches()).isTrue();

    Out rotate = run(new LedgerCommand(signed, files), "rotate");
    assertThat(rotate.code()).as(rotate.text()).isZero();
    Path oldPublic = dir.resolve("old.pub.pem");
    Files.writeString(oldPublic, key.publicPem());
    OfficeKey next = OfficeKey.load(files.keyFile());
    assertThat(next.fingerprint()).isNotEqualTo(key.fingerprint());
    Ledger rotated = Ledger.office(store, Clock.systemUTC(), next, files.anchors());
    rotated.append("note", Map.of("after", "rotation"));

    Path export = dir.resolve("export.jsonl");
    assertThat(run(new AuditCommand(rotated), "export", "--to", export.toString()).code()).isZero();
    AuditCommand offline = new AuditCommand(Ledger.inMemory()); // an auditor: no database, no key
    Out ok =
        run(
            offline,
            "verify",
            "--file",
            export.toString(),
            "--public-key",
            oldPublic.toString(),
            "--anchors",
            files.anchors().toString());
    assertThat(ok.code()).as(ok.text()).isZero();
    assertThat(ok.text())
        .contains("ledger intact", "2 unsigned entries from before signing", "extends all")
        .contains("WARNING: incomplete run at seq 1");

    // The auditor's copy, edited and re-hashed by hand, or cut short, fails.
    List<String> lines = Files.readAllLines(export);
    Files.write(export, lines.subList(0, lines.size() - 1));
    Out cut =
        run(
            offline,
            "verify",
            "--file",
            export.toString(),
            "--public-key",
            oldPublic.toString(),
            "--anchors",
            files.anchors().toString());
    assertThat(cut.code()).isEqualTo(1);
    assertThat(cut.text()).contains("entries cut off");
    Out stranger =
        run(
            offline,
            "verify",
            "--file",
            export.toString(),
            "--public-key",
            writePublic(OfficeKey.generate()).toString());
    assertThat(stranger.code()).isEqualTo(1);
    assertThat(stranger.text()).contains("no entry is signed by the trusted office key");

    Out checkpoint = run(new LedgerCommand(rotated, files), "checkpoint");
    assertThat(checkpoint.code()).isZero();
    assertThat(checkpoint.text()).contains("signed by key " + next.fingerprint());
  }

  private Path writePublic(OfficeKey k) throws Exception {
    return Files.writeString(dir.resolve("stranger.pub.pem"), k.publicPem());
  }
}
