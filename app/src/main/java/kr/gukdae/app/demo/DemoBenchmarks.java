package kr.gukdae.app.demo;

import java.util.List;
import java.util.Locale;
import kr.gukdae.app.eval.EvalRequest;
import kr.gukdae.app.eval.EvalService;
import kr.gukdae.cli.Terminal;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.stage.EvaluationPlan;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.Team;

/**
 * Runs the tasks the demo programme maps its benchmarks to (bundled sample rows standing in for the
 * real sets) on each team's submitted demo model. The runs are stored like any other; the stage
 * reads their results from there.
 */
final class DemoBenchmarks {

  private DemoBenchmarks() {}

  static void run(EvalService eval, Program program, int stage, List<Team> teams) {
    List<String> tasks =
        EvaluationPlan.of(program).tasks().values().stream()
            .map(EvaluationPlan.TaskSource::task)
            .distinct()
            .sorted()
            .toList();
    for (Team team : teams) {
      String model = DemoTeamModels.submitted(team, stage);
      EvalOutcome outcome = eval.run(EvalRequest.demo(model, tasks), ProgressListener.NONE);
      System.out.printf(
          Locale.ROOT,
          Terminal.pick(
              "  %-10s %-16s 과제 %d개, 오류 %d개, 실행 %s%n",
              "  %-10s %-16s %d tasks, %d errors, run %s%n"),
          team.id(),
          model,
          tasks.size(),
          outcome.errors(),
          outcome.manifest().runId());
    }
  }
}
