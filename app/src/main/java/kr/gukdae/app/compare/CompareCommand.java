package kr.gukdae.app.compare;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.cli.StandaloneCommand;
import kr.gukdae.eval.reference.Achievement;
import kr.gukdae.eval.reference.Baseline;
import kr.gukdae.eval.reference.Comparison;
import kr.gukdae.eval.reference.RunResults;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gukdae compare}: a run's results against a target model or the moving target. */
@Component
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Compare a results.json (a gukdae run folder or lm-eval's output) with published reference"
            + " scores: per task the reference model, its score and release date, and the"
            + " achievement ratio the stage engine uses.")
class CompareCommand implements StandaloneCommand {

  @Spec CommandSpec spec;

  @Option(
      names = "--results",
      required = true,
      paramLabel = "FILE_OR_RUN_DIR",
      description = "results.json, a gukdae run folder, or lm-eval's --output_path folder")
  Path results;

  @Option(
      names = "--references",
      defaultValue = "published",
      paramLabel = "published|demo|FILE.csv",
      description =
          "reference table: the bundled published or DEMO table, or a CSV"
              + " model,benchmark,metric,score,release_date,source (default ${DEFAULT-VALUE})")
  String references;

  @Option(names = "--target", paramLabel = "MODEL", description = "a team's target model")
  String target;

  @Option(
      names = "--best-within",
      paramLabel = "MONTHS",
      description = "per task, the best model released in the MONTHS months up to --as-of")
  Integer bestWithin;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "end of the --best-within window (default: today, UTC)")
  String asOf;

  @Option(
      names = "--goal",
      defaultValue = "" + Achievement.PROGRAMME_GOAL,
      description = "achievement ratio that counts as met (default ${DEFAULT-VALUE})")
  double goal;

  @Option(names = "--json", description = "print the comparison as JSON")
  boolean json;

  @Option(
      names = "--evidence",
      paramLabel = "TEAM:STAGE:GROUP",
      description =
          "print stage evidence records (YAML) for 'gukdae stage run --evidence', GROUP one of"
              + " KOREAN, GLOBAL, TARGET; the table is kept as comments")
  String evidence;

  @Option(
      names = "--benchmark-name",
      paramLabel = "TASK=NAME",
      description =
          "with --evidence: the programme's name for a task's benchmark, e.g."
              + " global/mmlu_pro=MMLU-Pro (repeatable)")
  Map<String, String> benchmarkNames = new LinkedHashMap<>();

  @Override
  public Integer call() {
    if (json && evidence != null) {
      throw UserError.of(
          "--json과 --evidence 중 하나만 지정하세요", "give either --json or --evidence, not both");
    }
    if (goal <= 0 || goal > 1.5) {
      throw UserError.of(
          "--goal은 0.95(95%) 같은 비율이어야 합니다. 받은 값: " + goal,
          "--goal is a ratio such as 0.95 (95%), got " + goal);
    }
    EvidenceLines.Target evidenceTarget =
        evidence == null ? null : EvidenceLines.Target.parse(evidence);
    Baseline baseline = baseline();
    ReferenceTable table = ReferenceTable.load(references);
    Comparison comparison = Comparison.of(RunResults.read(results), table.scores(), baseline, goal);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(ComparisonJson.write(comparison, table));
    } else if (evidenceTarget != null) {
      ComparisonText.table(comparison, table).lines().forEach(l -> out.println("# " + l));
      out.print(EvidenceLines.write(comparison, evidenceTarget, benchmarkNames));
    } else {
      out.print(ComparisonText.table(comparison, table));
    }
    out.flush();
    return 0;
  }

  private Baseline baseline() {
    if ((target == null) == (bestWithin == null)) {
      throw UserError.of(
          "--target MODEL(팀의 목표 모델)과 --best-within MONTHS(움직이는 목표, 예: 6) 중" + " 정확히 하나를 지정하세요",
          "give exactly one of --target MODEL (a team's target model) or --best-within MONTHS"
              + " (the moving target, e.g. 6)");
    }
    if (target != null) {
      if (asOf != null) {
        throw UserError.of(
            "--as-of는 --best-within과 함께 씁니다. --target은 출시일을 보지 않습니다",
            "--as-of goes with --best-within; --target ignores release dates");
      }
      return new Baseline.Target(target.strip());
    }
    if (bestWithin < 1 || bestWithin > 120) {
      throw UserError.of(
          "--best-within은 1에서 120 사이의 개월 수여야 합니다. 받은 값: " + bestWithin,
          "--best-within is a number of months from 1 to 120, got " + bestWithin);
    }
    LocalDate date;
    try {
      date = asOf == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(asOf.strip());
    } catch (DateTimeParseException e) {
      throw UserError.of(
          "--as-of '" + asOf + "'은(는) YYYY-MM-DD 형식의 날짜여야 합니다",
          "--as-of '" + asOf + "' must be a date YYYY-MM-DD",
          e);
    }
    return new Baseline.BestWithin(bestWithin, date);
  }
}
