package kr.gukdae.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalService;
import kr.gukdae.eval.Metric.MetricValue;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.eval.run.TaskResult;
import kr.gukdae.stage.Component;
import kr.gukdae.stage.Evidence;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.Team;

/**
 * Runs the benchmark tasks that stand in for the demo programme's benchmarks on each team's demo
 * model and turns each task's primary metric (in percent) into benchmark evidence.
 */
final class DemoBenchmarks {

  /** Programme benchmark name → the bundled task whose sample rows stand in for it. */
  static final Map<String, String> STAND_INS =
      Map.ofEntries(
          Map.entry("KO-Math", "ko/hrm8k_gsm8k"),
          Map.entry("KO-Knowledge", "demo/ko_knowledge"),
          Map.entry("KO-LongContext", "longctx/needle_ko"),
          Map.entry("KO-Safety", "safety/ko_safety"),
          Map.entry("KMMLU-Pro", "ko/kmmlu_pro"),
          Map.entry("MMLU-Pro", "global/mmlu_pro"),
          Map.entry("AIME-2025", "demo/arith"),
          Map.entry("LiveCodeBench", "code/humaneval"),
          Map.entry("IFEval", "ifeval/ifeval"),
          Map.entry("GPQA-Diamond", "global/gpqa_diamond"));

  private final EvalService eval;

  DemoBenchmarks(EvalService eval) {
    this.eval = eval;
  }

  List<Evidence> run(Program program, int stage, List<Team> teams) {
    List<Slot> slots = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    for (Component component : program.scheme().components()) {
      Evidence.Group group =
          switch (component.kind()) {
            case KOREAN_BENCHMARKS -> Evidence.Group.KOREAN;
            case GLOBAL_BENCHMARKS -> Evidence.Group.GLOBAL;
            case TARGET_COMPARISON -> Evidence.Group.TARGET;
            default -> null;
          };
      if (group == null) {
        continue;
      }
      for (String benchmark : component.benchmarks()) {
        slots.add(new Slot(group, benchmark));
      }
    }
    List<String> tasks = STAND_INS.values().stream().distinct().sorted().toList();
    for (Team team : teams) {
      String model = DemoTeamModels.model(team.id());
      EvalOutcome outcome = eval.run(EvalRequest.demo(model, tasks), ProgressListener.NONE);
      System.out.printf(
          "  %-10s %-16s %d tasks, %d errors, run %s%n",
          team.id(), model, tasks.size(), outcome.errors(), outcome.manifest().runId());
      for (Slot slot : slots) {
        double score = 100 * primaryMetric(outcome, STAND_INS.get(slot.benchmark()));
        evidence.add(
            new Evidence.BenchmarkResult(team.id(), stage, slot.benchmark(), slot.group(), score));
      }
    }
    return evidence;
  }

  /** A benchmark as one scheme component counts it (the same one may serve two groups). */
  private record Slot(Evidence.Group group, String benchmark) {}

  /** The task's first metric, micro-averaged over its samples. */
  private static double primaryMetric(EvalOutcome outcome, String task) {
    TaskResult result =
        outcome.results().stream().filter(r -> r.name().equals(task)).findFirst().orElseThrow();
    MetricValue value = result.metrics().values().iterator().next();
    return Double.isNaN(value.value()) ? 0 : value.value();
  }
}
