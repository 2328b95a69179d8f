package kr.gukdae.app.stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.cli.Terminal;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.report.Reports;
import kr.gukdae.stage.Evidence;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.Stages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gukdae stage run|what-if}: decide a stage, record it, write the reports. */
@Component
@Command(
    name = "stage",
    mixinStandardHelpOptions = true,
    description = "Stage evaluation: score teams, decide who continues, write reports.")
public class StageCommand implements GukdaeCommand {

  @Spec @Nullable CommandSpec spec;

  /** Exit code when the decision was recorded but the reports could not be written. */
  static final int REPORTS_FAILED = 3;

  private final Ledger ledger;
  private final @Nullable StageService service;

  public StageCommand(Ledger ledger, @Nullable StageService service) {
    this.ledger = ledger;
    this.service = service;
  }

  /** Who the terminal user is, as decisions record it; the CLI holds the office's database. */
  static String cliUser() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description = "Validate a programme file and store it as the current programme version.")
  int load(
      @Option(names = "--program", required = true, paramLabel = "FILE", description = "YAML")
          String program) {
    var loaded = workspaceService().load(Path.of(program), cliUser());
    System.out.printf(
        Terminal.pick(
            "프로그램 %s, 버전 %s (sha256 %s)이(가) 현재 프로그램입니다, id %d%n",
            "programme %s, version %s (sha256 %s) is current, id %d%n"),
        loaded.program().name(),
        loaded.program().version(),
        loaded.program().sourceSha256().substring(0, 12),
        loaded.id());
    return 0;
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Per team and component: which evidence is present, missing or stale.")
  int status(
      @Option(names = "--stage", defaultValue = "1", description = "stage number (default 1)")
          int stage) {
    StageService s = workspaceService();
    Readiness r = s.status(s.programmes().require(), stage);
    StatusPrinter.print(r, System.out);
    return r.complete() ? 0 : 3;
  }

  @Command(
      name = "submit",
      mixinStandardHelpOptions = true,
      description = {
        "Record the weights a team submitted for a stage: the SHA-256 of every safetensors file.",
        "The originality gate counts only a check of exactly these files."
      })
  int submit(
      @Option(names = "--team", required = true, description = "team id") String team,
      @Option(names = "--stage", defaultValue = "1", description = "stage number (default 1)")
          int stage,
      @Option(
              names = "--weights",
              required = true,
              paramLabel = "DIR",
              description = "a .safetensors file or the model directory")
          Path weights) {
    StageService s = workspaceService();
    var sub = s.submit(s.programmes().require(), stage, team, weights, cliUser());
    System.out.printf(
        Terminal.pick(
            "제출 %d: 팀 %s, %d단계, 모델 %s, 파일 %d개, 가중치 sha256 %s%n",
            "submission %d: team %s, stage %d, model %s, %d file(s), weights sha256 %s%n"),
        sub.id(),
        sub.team(),
        sub.stage(),
        sub.model(),
        sub.weights().size(),
        sub.weightsSha256());
    sub.weights()
        .forEach(f ->
            System.out.printf(
                Terminal.pick("  %s  %s  %,d바이트%n", "  %s  %s  %,d bytes%n"),
                f.sha256(),
                f.file(),
                f.bytes()));
    return 0;
  }

  private StageService workspaceService() {
    if (service == null) {
      throw UserError.of(
          "이 명령에는 데이터베이스가 필요합니다 (gukdae로 실행하세요)",
          "this command needs the database (run it through gukdae)");
    }
    return service;
  }

  @Override
  public Integer call() {
    return GukdaeCommand.usage(spec);
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Decide a stage from the evidence recorded for the current programme (--program FILE loads one first; --evidence FILE imports records produced elsewhere, marked imported), append everything to the audit ledger, print the ranking and decision, and write HTML/PDF reports (Korean and English).",
        "With --from-ledger, recompute the recorded decision from the ledger and compare."
      })
  int run(
      @Option(
              names = "--program",
              paramLabel = "FILE",
              description = "programme YAML, or 'demo' for the shipped demo programme")
          @Nullable String program,
      @Option(names = "--stage", defaultValue = "1", description = "stage number (default 1)")
          int stage,
      @Option(
              names = "--evidence",
              paramLabel = "FILE",
              description = "evidence YAML/JSON (repeatable); 'demo' with the demo programme")
          @Nullable List<String> evidence,
      @Option(
              names = "--from-ledger",
              description = "recompute the latest recorded decision of the stage from the ledger")
          boolean fromLedger,
      @Option(
              names = "--ledger-file",
              paramLabel = "FILE",
              description = "use a JSON-lines ledger file instead of the database")
          @Nullable Path ledgerFile,
      @Option(
              names = "--out",
              paramLabel = "DIR",
              defaultValue = "gukdae-reports",
              description = "report folder (default ./gukdae-reports)")
          Path out,
      @Option(names = "--no-reports", description = "skip writing reports") boolean noReports,
      @Option(
              names = "--reason",
              paramLabel = "TEXT",
              description = "why a decided stage is decided again (required then)")
          @Nullable String reason) {
    Ledger target = ledgerFile == null ? ledger : ledger.onFile(ledgerFile);
    StageResult result;
    Program prog;
    if (fromLedger) {
      Stages.Replay replay = Stages.replay(target, stage);
      prog = replay.program();
      result = replay.recomputed();
      ResultPrinter.print(result, System.out);
      System.out.println(
          replay.matches()
              ? Terminal.pick(
                  "원장에서 다시 계산함 (증거 기록 "
                      + replay.evidence().size()
                      + "개, seq "
                      + replay.decisionSeq()
                      + "의 결정): 결과가 같습니다",
                  "recomputed from the ledger ("
                      + replay.evidence().size()
                      + " evidence records,"
                      + " decision at seq "
                      + replay.decisionSeq()
                      + "): SAME result")
              : Terminal.pick(
                  "원장에서 다시 계산함: seq " + replay.decisionSeq() + "의 결정과 결과가 다릅니다",
                  "recomputed from the ledger: DIFFERENT from the decision at seq "
                      + replay.decisionSeq()));
      if (!replay.matches()) {
        return 1;
      }
    } else if (ledgerFile != null || service == null) {
      // A file ledger keeps the self-contained path: programme and evidence files in, no database.
      prog = loadProgram(program);
      result = Stages.run(prog, stage, loadEvidence(prog, evidence), target);
      ResultPrinter.print(result, System.out);
    } else {
      StageService s = service;
      var loaded =
          program == null
              ? s.programmes().require()
              : "demo".equals(program)
                  ? s.loadDemo(cliUser())
                  : s.load(Path.of(program), cliUser());
      prog = loaded.program();
      List<String> files =
          evidence == null && prog.demo() && program != null ? List.of("demo") : evidence;
      for (String f : files == null ? List.<String>of() : files) {
        var added = s.importFile(loaded, stage, "demo".equals(f) ? null : Path.of(f));
        System.out.println(
            Terminal.pick(
                f + "에서 증거 기록 " + added.size() + "개를 가져옴",
                "imported " + added.size() + " evidence record(s) from " + f));
      }
      var decided = s.decide(loaded, stage, cliUser(), true, reason);
      result = decided.result();
      ResultPrinter.print(result, System.out);
      Long superseded = decided.supersedesSeq();
      System.out.println(
          Terminal.pick(
                  "원장 seq " + decided.ledgerSeq() + "에 결정을 기록함",
                  "decision recorded at ledger seq " + decided.ledgerSeq())
              + (superseded == null
                  ? ""
                  : Terminal.pick(
                      "; seq " + superseded + "의 결정을 대체합니다",
                      "; supersedes the decision at seq " + superseded)));
    }
    var verification = target.verify();
    System.out.println(Terminal.pick("원장: ", "ledger: ") + VerificationText.of(verification));
    if (!noReports) {
      Path dir = out.resolve("stage-" + stage);
      try {
        var files =
            Reports.writeAll(
                result, prog.disclosure(), dir, LedgerHead.describe(target, verification));
        System.out.println(
            Terminal.pick(
                "보고서: " + dir.toAbsolutePath() + "에 파일 " + files.size() + "개",
                "reports: " + files.size() + " files in " + dir.toAbsolutePath()));
      } catch (RuntimeException e) {
        // The decision is already recorded: this is not an input error (exit 2) to retry.
        String later = "'gukdae stage run --from-ledger --stage " + stage + "'";
        System.err.println(
            Terminal.pick(
                "결정은 원장에 기록됐지만 보고서를 쓰지 못했습니다: " + e.getMessage() + ". 나중에 " + later + "로 쓰세요.",
                "the decision is recorded in the ledger, but the reports were not written: "
                    + e.getMessage()
                    + ". Write them later with "
                    + later
                    + "."));
        return REPORTS_FAILED;
      }
    }
    return 0;
  }

  @Command(
      name = "what-if",
      mixinStandardHelpOptions = true,
      description = "Show how the decision changes if one component's points change.")
  int whatIf(
      @Option(names = "--program", required = true, paramLabel = "FILE") String program,
      @Option(names = "--stage", defaultValue = "1") int stage,
      @Option(names = "--evidence", paramLabel = "FILE") @Nullable List<String> evidence,
      @Option(names = "--component", required = true, description = "e.g. expert-review")
          String component,
      @Option(names = "--points", required = true, description = "new points for it")
          double points) {
    Program prog = loadProgram(program);
    ResultPrinter.print(
        Stages.whatIf(prog, stage, loadEvidence(prog, evidence), component, points), System.out);
    return 0;
  }

  static Program loadProgram(@Nullable String program) {
    if (program == null) {
      throw UserError.of(
          "--program FILE이 필요합니다 ('demo'를 쓰거나 --from-ledger를 쓸 수도 있습니다)",
          "--program FILE is required (or 'demo'; or use --from-ledger)");
    }
    return "demo".equals(program) ? ProgramLoader.demo() : ProgramLoader.load(Path.of(program));
  }

  static List<Evidence> loadEvidence(Program prog, @Nullable List<String> files) {
    if (files == null || files.isEmpty()) {
      if (prog.demo()) {
        return EvidenceLoader.demo();
      }
      throw UserError.of(
          "--evidence FILE이 필요합니다: 근거 자료 없이는 아무것도 결정하지 않습니다" + " (형식은 docs/stage.md를 보세요)",
          "--evidence FILE is required: nothing is decided without evidence"
              + " (see docs/stage.md for the format)");
    }
    List<Evidence> all = new ArrayList<>();
    for (String f : files) {
      all.addAll("demo".equals(f) ? EvidenceLoader.demo() : EvidenceLoader.load(Path.of(f)));
    }
    return all;
  }
}
