package kr.gukdae.app.stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.cli.GukdaeCommand;
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
import picocli.CommandLine.Option;

/** {@code gukdae stage run|what-if}: decide a stage, record it, write the reports. */
@Component
@Command(
    name = "stage",
    mixinStandardHelpOptions = true,
    description = "Stage evaluation: score teams, decide who continues, write reports.")
public class StageCommand implements GukdaeCommand {

  /** Exit code when the decision was recorded but the reports could not be written. */
  static final int REPORTS_FAILED = 3;

  private final Ledger ledger;

  public StageCommand(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public Integer call() {
    picocli.CommandLine.usage(this, System.out);
    return 0;
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Decide a stage from a programme and evidence, append everything to the audit ledger,",
        "print the ranking and decision, and write HTML/PDF reports (Korean and English).",
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
      @Option(names = "--no-reports", description = "skip writing reports") boolean noReports) {
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
              ? "recomputed from the ledger ("
                  + replay.evidence().size()
                  + " evidence records,"
                  + " decision at seq "
                  + replay.decisionSeq()
                  + "): SAME result"
              : "recomputed from the ledger: DIFFERENT from the decision at seq "
                  + replay.decisionSeq());
      if (!replay.matches()) {
        return 1;
      }
    } else {
      prog = loadProgram(program);
      result = Stages.run(prog, stage, loadEvidence(prog, evidence), target);
      ResultPrinter.print(result, System.out);
    }
    var verification = target.verify();
    System.out.println("ledger: " + verification.describe());
    if (!noReports) {
      Path dir = out.resolve("stage-" + stage);
      try {
        var files =
            Reports.writeAll(
                result, prog.disclosure(), dir, LedgerHead.describe(target, verification));
        System.out.println("reports: " + files.size() + " files in " + dir.toAbsolutePath());
      } catch (RuntimeException e) {
        // The decision is already recorded: this is not an input error (exit 2) to retry.
        System.err.println(
            "the decision is recorded in the ledger, but the reports were not written: "
                + e.getMessage()
                + ". Write them later with 'gukdae stage run --from-ledger --stage "
                + stage
                + "'.");
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
      throw new UserError("--program FILE is required (or 'demo'; or use --from-ledger)");
    }
    return "demo".equals(program) ? ProgramLoader.demo() : ProgramLoader.load(Path.of(program));
  }

  static List<Evidence> loadEvidence(Program prog, @Nullable List<String> files) {
    if (files == null || files.isEmpty()) {
      if (prog.demo()) {
        return EvidenceLoader.demo();
      }
      throw new UserError(
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
