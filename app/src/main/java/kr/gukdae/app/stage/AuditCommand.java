package kr.gukdae.app.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.cli.AppServices;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.cli.StandaloneCommand;
import kr.gukdae.cli.Terminal;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Checkpoint;
import kr.gukdae.ledger.Keys;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.ledger.Verification;
import kr.gukdae.stage.Stages;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gukdae audit verify|export}: check chain, signatures and checkpoints, or export. */
@Component
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Audit ledger: verify the hash chain, signatures and checkpoints, or export it.")
public class AuditCommand implements StandaloneCommand {

  @Spec @Nullable CommandSpec spec;

  private final AppServices services;

  /** The database opens only to read its ledger, so {@code verify --file} starts no Spring. */
  @Autowired
  public AuditCommand(AppServices services) {
    this.services = services;
  }

  /** Over a ledger already open (tests, tools). */
  public AuditCommand(Ledger ledger) {
    this(new OneLedger(ledger));
  }

  private record OneLedger(Ledger ledger) implements AppServices {
    @Override
    public <T> T get(Class<T> type) {
      return type.cast(ledger);
    }

    @Override
    public java.nio.file.Path home() {
      throw new UnsupportedOperationException("no home for a ledger given directly");
    }
  }

  @Override
  public Integer call() {
    return GukdaeCommand.usage(spec);
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Walk the chain, check every signature, and check that the chain extends every published checkpoint; report the first edited, deleted, reordered, forged or cut entry and any run recorded without its decision. Exit code 0 when intact, 1 when broken."
      })
  int verify(
      @Option(
              names = "--file",
              paramLabel = "FILE",
              description = "verify an exported/JSON-lines ledger file instead of the database")
          @Nullable Path file,
      @Option(
              names = "--head",
              paramLabel = "HASH",
              description = "expected head hash (as printed on a report) to catch a cut-off tail")
          @Nullable String head,
      @Option(
              names = "--public-key",
              paramLabel = "PEM",
              description =
                  "the office's published public key (repeatable); default: the configured key")
          @Nullable List<Path> publicKeys,
      @Option(
              names = "--anchors",
              paramLabel = "DIR",
              description =
                  "folder of published checkpoint-*.json files; default: the configured anchors")
          @Nullable Path anchors) {
    @Nullable Ledger ledger = file == null ? services.get(Ledger.class) : null;
    List<PublicKey> keys = new ArrayList<>();
    if (publicKeys != null) {
      publicKeys.forEach(p -> keys.add(Keys.readPublic(p)));
    } else if (ledger != null && ledger.key() != null) {
      keys.add(ledger.key().publicKey());
    }
    Path dir = anchors != null ? anchors : ledger != null ? ledger.anchors() : null;
    List<Checkpoint> checkpoints =
        dir != null && (anchors != null || Files.isDirectory(dir))
            ? Checkpoint.readAll(dir)
            : List.of();
    List<LedgerEntry> entries =
        ledger != null
            ? ledger.entries()
            : Ledger.inFile(Objects.requireNonNull(file, "--file")).entries();
    Verification v = Ledger.verifyWith(entries, new Ledger.Trust(keys, checkpoints, head));
    System.out.println(VerificationText.of(v));
    if (keys.isEmpty() && v.intact() && v.activeKey() != null) {
      System.out.println(
          Terminal.pick(
              "참고: 서명을 원장 자신의 키 " + v.activeKey() + "로 확인했습니다. 사무국이 공개한 키로 고정하려면 --public-key를 주세요",
              "note: signatures were checked against the chain's own key "
                  + v.activeKey()
                  + "; pass --public-key with the office's published key to pin it"));
    }
    if (dir != null && checkpoints.isEmpty()) {
      System.out.println(
          Terminal.pick("참고: " + dir + "에 체크포인트가 없습니다", "note: no checkpoints in " + dir));
    }
    for (String incomplete : incompleteRuns(entries)) {
      System.out.println(Terminal.pick("경고: ", "WARNING: ") + incomplete);
    }
    return v.intact() ? 0 : 1;
  }

  /**
   * Runs whose programme entry has no decision: half-recorded runs from before runs were appended
   * atomically. They stay in the append-only ledger; replay and reports ignore them.
   */
  static List<String> incompleteRuns(List<LedgerEntry> entries) {
    Map<Long, Integer> evidence = new LinkedHashMap<>();
    for (LedgerEntry e : entries) {
      if (e.kind().equals(Stages.PROGRAMME)) {
        evidence.put(e.seq(), 0);
      }
    }
    for (LedgerEntry e : entries) {
      long run = e.kind().equals(Stages.PROGRAMME) ? -1 : runOf(e);
      if (e.kind().equals(Stages.EVIDENCE)) {
        evidence.computeIfPresent(run, (k, n) -> n + 1);
      } else if (e.kind().equals(Stages.DECISION)) {
        evidence.remove(run);
      }
    }
    List<String> out = new ArrayList<>();
    evidence.forEach((seq, n) ->
        out.add(
            Terminal.pick(
                "seq "
                    + seq
                    + "의 실행이 미완료: 프로그램과 증거 "
                    + n
                    + "건은 있으나 결정이 없습니다 (실행이 원자적으로 기록되기 전의 기록; 결정되지 않은"
                    + " 실행이므로 무시합니다)",
                "incomplete run at seq "
                    + seq
                    + ": programme and "
                    + n
                    + " evidence records but no decision (recorded before runs were atomic;"
                    + " the run was never decided and is ignored)")));
    return out;
  }

  private static long runOf(LedgerEntry e) {
    try {
      return CanonicalJson.parse(e.payload()).path("run").asLong(-1);
    } catch (IllegalArgumentException | tools.jackson.core.JacksonException ex) {
      return -1;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Write the database ledger (entries, keys and signatures) to a JSON-lines file that anyone can verify with the office's public key and the published checkpoints."
      })
  int export(@Option(names = "--to", required = true, paramLabel = "FILE") Path to) {
    services.get(Ledger.class).exportTo(to);
    int entries = Ledger.inFile(to).entries().size();
    System.out.println(
        Terminal.pick(
            "항목 " + entries + "개를 " + to + "에 내보냈습니다",
            "exported " + entries + " entries to " + to));
    System.out.println(
        Terminal.pick("오프라인 검증: ", "verify offline: ")
            + "gukdae audit verify --file "
            + to
            + " --public-key OFFICE.pub.pem --anchors CHECKPOINTS_DIR"
            + Terminal.pick(" (형식: docs/ledger.md)", " (format: docs/ledger.md)"));
    return 0;
  }
}
