package kr.gukdae.app.demo;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import kr.gukdae.Bilingual;
import kr.gukdae.app.arena.RecordedBattles;
import kr.gukdae.app.arena.StageRatings;
import kr.gukdae.app.eval.EvalService;
import kr.gukdae.app.lineage.LineageEvidenceRepository;
import kr.gukdae.app.originality.OriginalityStore;
import kr.gukdae.app.programmes.Programmes;
import kr.gukdae.app.review.ReviewService;
import kr.gukdae.app.stage.ResultPrinter;
import kr.gukdae.app.stage.StageService;
import kr.gukdae.app.stage.VerificationText;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.cli.Launcher;
import kr.gukdae.cli.Terminal;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.lineage.CountRules;
import kr.gukdae.lineage.DerivativeCount;
import kr.gukdae.lineage.Lineage;
import kr.gukdae.report.Reports;
import kr.gukdae.stage.EvaluationPlan;
import kr.gukdae.stage.Explanation;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.StageDef;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.Team;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gukdae demo}: the whole programme on embedded defaults, through the same evidence chain a
 * programme office uses. The demo programme is loaded into the workspace; each team's demo model is
 * evaluated, simulated expert voters' battles are recorded in the arena, simulated reviewers submit
 * sheets through the review workflow, generated weights go through the originality check and demo
 * model-tree metadata is counted for the stage window; then the stage is decided from what those
 * features recorded. The pages show the same numbers as this print-out. Everything is labelled
 * demo, and the demo refuses a database that holds a real programme.
 */
@Component
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the demo programme end to end and serve the web UI (--no-serve to stop).")
class DemoCommand implements GukdaeCommand {

  private static final int STAGE = 1;
  private static final long SEED = 20260115L;

  private final EvalService eval;
  private final StageService stages;
  private final ReviewService reviews;
  private final RecordedBattles battles;
  private final StageRatings ratings;
  private final OriginalityStore originality;
  private final LineageEvidenceRepository lineage;
  private final Ledger ledger;
  private final Environment environment;
  private final Path home;

  @Option(names = "--no-serve", description = "stop after the reports and the decision")
  boolean noServe;

  @Option(
      names = "--out",
      description = "folder for reports and demo weights (default ~/.gukdae/demo)")
  Path out;

  DemoCommand(
      EvalService eval,
      StageService stages,
      ReviewService reviews,
      RecordedBattles battles,
      StageRatings ratings,
      OriginalityStore originality,
      LineageEvidenceRepository lineage,
      Ledger ledger,
      Environment environment,
      @Value("${gukdae.home}") Path home) {
    this.eval = eval;
    this.stages = stages;
    this.reviews = reviews;
    this.battles = battles;
    this.ratings = ratings;
    this.originality = originality;
    this.lineage = lineage;
    this.ledger = ledger;
    this.environment = environment;
    this.home = home;
  }

  @Override
  public Integer call() {
    Path dir = out != null ? out : home.resolve("demo");
    Programmes.Loaded loaded = stages.loadDemo("demo");
    Program program = loaded.program();
    StageDef stage = program.stage(STAGE);
    List<Team> teams = program.teamsIn(STAGE);
    EvaluationPlan plan = EvaluationPlan.of(program);
    System.out.println(
        Terminal.pick(
            "DEMO — 아래 숫자는 모두 내장 데모 모델과 데모 데이터로 계산한 것입니다.",
            "DEMO — every number below is computed from built-in demo models and demo"));
    System.out.println(
        Terminal.pick("실제 팀이나 모델을 나타내는 숫자는 없습니다.", "data; none describes a real team or model."));
    System.out.println();
    System.out.println(
        Terminal.pick(
            "1/5 벤치마크 (내장 샘플 행, 데모 모델):", "1/5 benchmarks (bundled sample rows, demo models):"));
    System.out.println("  " + Terminal.sampleRowsBanner());
    DemoBenchmarks.run(eval, program, STAGE, teams);
    System.out.println(
        Terminal.pick(
            "2/5 사용자 평가 (모의 블라인드 전문가 투표, Bradley–Terry):",
            "2/5 user evaluation (simulated blind expert votes, Bradley–Terry):"));
    battles.record("demo-" + SEED, DemoArena.battles(teams, STAGE, SEED), "EXPERT");
    var from = stage.start().atStartOfDay().toInstant(ZoneOffset.UTC);
    var to = stage.evaluationDate().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    StageRatings.Slice slice = ratings.rate(plan.arenaVoters().name(), from, to);
    System.out.printf(
        Locale.ROOT,
        Terminal.pick("  투표 %d표 (%s, %s .. %s)%n", "  %d votes (%s, %s .. %s)%n"),
        slice.votes(),
        Terminal.label(plan.arenaVoters()),
        from,
        to);
    slice.ratings().forEach(r -> System.out.println("  " + describe(r)));
    System.out.println(
        Terminal.pick(
            "3/5 전문가 심사 (모의 심사표, 이해 충돌 제외)",
            "3/5 expert review (simulated sheets, conflicts of interest excluded)"));
    // the bundled demo programme declares a panel; without one the demo file is broken
    var panel = Objects.requireNonNull(program.panel(), "demo programme declares no review panel");
    int sheets = DemoReviews.run(reviews, panel, teams, STAGE, SEED);
    System.out.println(
        Terminal.pick("  심사표 " + sheets + "장 제출됨", "  " + sheets + " sheets submitted"));
    System.out.println(
        Terminal.pick(
            "4/5 독자성 (생성한 가중치 대 '해외 공개' 모델):",
            "4/5 originality (generated weights vs a 'foreign public' model):"));
    DemoOriginality.run(originality, teams, STAGE, dir.resolve("weights"));
    // The teams hand these weights in as their stage submission: the checks are of exactly them.
    for (Team team : teams) {
      stages.submit(loaded, STAGE, team.id(), dir.resolve("weights").resolve(team.id()), "demo");
    }
    System.out.println(
        Terminal.pick(
            "5/5 파생 모델 (데모 모델 트리 메타데이터, 단계 기간):",
            "5/5 derivative models (demo model-tree metadata, stage window):"));
    Lineage demoTrees = Lineage.demo();
    for (Team team : teams) {
      String root = plan.lineageRoots().get(team.id());
      if (root == null) {
        continue;
      }
      DerivativeCount count = demoTrees.count(root, CountRules.defaults().window(from, to));
      lineage.save(count, demoTrees.report(), "demo model-tree metadata");
      System.out.printf(
          Locale.ROOT,
          Terminal.pick("  %-10s %-26s 집계된 파생 모델 %d개%n", "  %-10s %-26s %d counted derivatives%n"),
          team.id(),
          root,
          count.counted());
    }

    System.out.println();
    String reason =
        stages.decided(loaded, STAGE)
            ? "gukdae demo run again on this database: the demo's evidence was measured anew"
            : null;
    var decided = stages.decide(loaded, STAGE, "demo", true, reason);
    StageResult result = decided.result();
    ResultPrinter.print(result, System.out);
    System.out.println(Terminal.pick("이유:", "why:"));
    for (Explanation e : Explanation.of(result, stage.refillGateFailures())) {
      System.out.printf(
          Locale.ROOT, "  %-10s %s: %s%n", e.team(), pick(e.outcomeLabel()), pick(e.rule()));
    }
    System.out.println(
        Terminal.pick(
            "결정을 원장 seq " + decided.ledgerSeq() + "에 기록함",
            "decision recorded at ledger seq " + decided.ledgerSeq()));
    var verification = ledger.verify();
    System.out.println(VerificationText.of(verification));
    Path reports = dir.resolve("reports");
    boolean pdf = Reports.pdfFontAvailable();
    var files =
        pdf
            ? Reports.writeAll(result, program.disclosure(), reports, verification.headHash())
            : Reports.writeHtml(result, program.disclosure(), reports, verification.headHash());
    if (!pdf) {
      System.out.println(
          Terminal.pick(
              "PDF 보고서 건너뜀: 한글 글꼴 없음 (apt-get install fonts-nanum)",
              "PDF reports skipped: no Korean font (apt-get install fonts-nanum)"));
    }
    System.out.println(
        Terminal.pick(
            "보고서: " + reports.toAbsolutePath() + "에 파일 " + files.size() + "개",
            "reports: " + files.size() + " files in " + reports.toAbsolutePath()));
    if (!noServe) {
      System.out.println(
          Terminal.pick(
              "웹 화면: " + Launcher.webAddress(environment) + " (멈추려면 Ctrl-C)",
              "web UI: " + Launcher.webAddress(environment) + " (Ctrl-C to stop)"));
    }
    return 0;
  }

  private static String pick(Bilingual text) {
    return Terminal.pick(text);
  }

  private static String describe(StageRatings.Rated r) {
    return String.format(
        Locale.ROOT,
        Terminal.pick("%-18s %7.1f  [%7.1f, %7.1f]  %d표", "%-18s %7.1f  [%7.1f, %7.1f]  %d votes"),
        r.model(),
        r.rating(),
        r.low(),
        r.high(),
        r.votes());
  }
}
