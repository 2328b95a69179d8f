package kr.gukdae.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;
import kr.gukdae.review.ReviewBoard;
import kr.gukdae.review.ReviewSheet;
import kr.gukdae.stage.Evidence.BenchmarkResult;
import kr.gukdae.stage.Evidence.DerivativeCount;
import kr.gukdae.stage.Evidence.ReviewScore;
import kr.gukdae.stage.Evidence.UserEvaluation;
import kr.gukdae.stage.StageResult.ComponentScore;
import kr.gukdae.stage.StageResult.Ratio;
import org.jspecify.annotations.Nullable;

/** Turns one team's evidence into component points; missing evidence becomes a named problem. */
final class Scoring {

  private final Program program;
  private final MovingTarget target;
  private final @Nullable ReviewBoard board;
  private final Problems problems;
  private final List<String> notes;

  Scoring(
      Program program,
      MovingTarget target,
      @Nullable ReviewBoard board,
      Problems problems,
      List<String> notes) {
    this.program = program;
    this.target = target;
    this.board = board;
    this.problems = problems;
    this.notes = notes;
  }

  static double round(double d) {
    return Math.round(d * 10_000d) / 10_000d;
  }

  List<ComponentScore> score(Team team, List<Evidence> evidence) {
    List<ComponentScore> out = new ArrayList<>();
    for (Component c : program.scheme().components()) {
      out.add(
          switch (c.kind()) {
            case KOREAN_BENCHMARKS, GLOBAL_BENCHMARKS, TARGET_COMPARISON ->
                benchmarks(team, c, evidence);
            case EXPERT_REVIEW -> review(team, c);
            case USER_EVALUATION -> users(team, c, evidence);
            case DERIVATIVES -> derivatives(team, c, evidence);
          });
    }
    return out;
  }

  private ComponentScore benchmarks(Team team, Component c, List<Evidence> evidence) {
    Evidence.Group group =
        switch (c.kind()) {
          case KOREAN_BENCHMARKS -> Evidence.Group.KOREAN;
          case TARGET_COMPARISON -> Evidence.Group.TARGET;
          default -> Evidence.Group.GLOBAL;
        };
    Map<String, List<BenchmarkResult>> byName =
        evidence.stream()
            .filter(e -> e instanceof BenchmarkResult b && b.group() == group)
            .map(e -> (BenchmarkResult) e)
            .collect(Collectors.groupingBy(BenchmarkResult::benchmark));
    List<Ratio> ratios = new ArrayList<>();
    boolean missing = false;
    for (String b : c.benchmarks()) {
      List<BenchmarkResult> found = byName.getOrDefault(b, List.of());
      if (found.size() > 1) {
        problems.add(
            "evidence " + team.id() + "/" + b,
            "벤치마크 하나에 결과가 " + found.size() + "개입니다 (하나만 제출하세요)",
            found.size() + " results for one benchmark");
        continue;
      }
      var ref =
          group == Evidence.Group.TARGET
              ? target.target(team.targetModel(), b)
              : target.reference(b);
      if (found.isEmpty()) {
        missing = missing(team, c, StageTexts.NO_BENCHMARK_RESULT.english(group, b)) || missing;
        ratios.add(new Ratio(b, 0, ref.map(r -> r.model()).orElse("-"), 0, 0, 0));
        continue;
      }
      if (ref.isEmpty()) {
        continue; // already reported by ProgramChecks
      }
      double score = found.getFirst().score();
      double ratio = MovingTarget.ratio(score, ref.get().score());
      ratios.add(
          new Ratio(
              b,
              score,
              ref.get().model(),
              ref.get().score(),
              round(ratio),
              round(program.scheme().pointsFunction().fraction(ratio)),
              found.getFirst().clean()));
    }
    double fraction = ratios.stream().mapToDouble(Ratio::fraction).sum() / c.benchmarks().size();
    return new ComponentScore(
        c.id(), c.kind(), round(c.points() * fraction), c.points(), ratios, missing);
  }

  private ComponentScore review(Team team, Component c) {
    if (board == null || board.count(team.id()) == 0) {
      boolean missing = missing(team, c, StageTexts.NO_REVIEW_SHEETS.english());
      return new ComponentScore(c.id(), c.kind(), 0, c.points(), List.of(), missing);
    }
    try {
      double fraction = board.aggregate(team.id());
      return new ComponentScore(
          c.id(), c.kind(), round(c.points() * fraction), c.points(), List.of(), false);
    } catch (UserError e) {
      problems.add("evidence " + team.id() + "/" + c.id(), e);
      return new ComponentScore(c.id(), c.kind(), 0, c.points(), List.of(), true);
    }
  }

  private ComponentScore users(Team team, Component c, List<Evidence> evidence) {
    List<UserEvaluation> found = of(evidence, UserEvaluation.class);
    if (found.size() != 1) {
      boolean missing =
          found.isEmpty()
              ? missing(team, c, StageTexts.NO_RATING.english())
              : problem(
                  team,
                  c,
                  "사용자 평가 점수가 " + found.size() + "개입니다; 하나만 제출하세요",
                  found.size() + " user-evaluation ratings; give one");
      return new ComponentScore(c.id(), c.kind(), 0, c.points(), List.of(), missing);
    }
    Scheme s = program.scheme();
    double fraction =
        Math.max(
            0,
            Math.min(
                1,
                (found.getFirst().rating() - s.ratingFloor())
                    / (s.ratingCeiling() - s.ratingFloor())));
    return new ComponentScore(
        c.id(), c.kind(), round(c.points() * fraction), c.points(), List.of(), false);
  }

  private ComponentScore derivatives(Team team, Component c, List<Evidence> evidence) {
    List<DerivativeCount> found = of(evidence, DerivativeCount.class);
    if (found.size() != 1) {
      boolean missing =
          found.isEmpty()
              ? missing(team, c, StageTexts.NO_DERIVATIVES.english())
              : problem(
                  team,
                  c,
                  "파생 모델 수가 " + found.size() + "개입니다; 하나만 제출하세요",
                  found.size() + " derivative counts; give one");
      return new ComponentScore(c.id(), c.kind(), 0, c.points(), List.of(), missing);
    }
    double fraction = Math.min(1, found.getFirst().count() / c.fullAt());
    return new ComponentScore(
        c.id(), c.kind(), round(c.points() * fraction), c.points(), List.of(), false);
  }

  static List<ReviewSheet> sheets(List<Evidence> evidence) {
    return of(evidence, ReviewScore.class).stream()
        .map(r -> new ReviewSheet(r.reviewer(), r.team(), r.items(), r.comment()))
        .toList();
  }

  static <T extends Evidence> List<T> of(List<Evidence> evidence, Class<T> type) {
    return evidence.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Records missing evidence as an error, or as a note when the programme scores it 0. */
  private boolean missing(Team team, Component c, String what) {
    if (program.scheme().missingEvidence() == Scheme.MissingEvidence.ERROR) {
      Bilingual missing = StageTexts.read(what);
      problems.add(
          "evidence " + team.id() + "/" + c.id(),
          missing.ko() + " (증거를 제출하거나 scheme.missingEvidence: zero로 설정하세요)",
          missing.en() + " (supply it, or set scheme.missingEvidence: zero)");
    } else {
      notes.add(StageTexts.SCORED_ZERO.english(team.id(), c.id(), what));
    }
    return true;
  }

  private boolean problem(Team team, Component c, String korean, String english) {
    problems.add("evidence " + team.id() + "/" + c.id(), korean, english);
    return true;
  }
}
