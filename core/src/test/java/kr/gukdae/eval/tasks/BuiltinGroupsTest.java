package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.EvalRunner;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.eval.run.RunOptions;
import kr.gukdae.eval.run.TaskResult;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lm-eval's group names run the built-in tasks and aggregate as lm-eval does. */
class BuiltinGroupsTest {

  @TempDir Path tmp;

  private final TaskRegistry registry = TaskRegistry.create(List.of());

  @Test
  void kmmluIsFourCategoriesOf45SubjectsAndNeedsTheRealDataBeyondTheSamples() {
    RunPlan plan = registry.plan(List.of("kmmlu"));
    assertThat(plan.tasks()).hasSize(45).contains("ko/kmmlu_law", "ko/kmmlu_biology");
    assertThat(plan.groups())
        .extracting(RunPlan.Group::name)
        .containsExactly(
            "kmmlu", "kmmlu_applied_science", "kmmlu_humss", "kmmlu_other", "kmmlu_stem");
    assertThat(plan.groups().get(0).leaves()).hasSize(45);
    assertThat(plan.groups().get(0).aggregates())
        .containsExactly(new TaskGroup.Aggregate("acc", true));
    assertThat(registry.plan(List.of("kmmlu_hard")).tasks()).hasSize(45);
    assertThatThrownBy(() -> registry.load("ko/kmmlu_biology", TaskLoader.Options.DEFAULTS))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("--data-dir");
  }

  @Test
  void kobestRunsByNameWithItsGroupRowWeightedBySize() {
    RunPlan plan = registry.plan(List.of("kobest"));
    assertThat(plan.tasks())
        .containsExactly(
            "ko/kobest_boolq",
            "ko/kobest_copa",
            "ko/kobest_hellaswag",
            "ko/kobest_sentineg",
            "ko/kobest_wic");
    List<Task> tasks =
        plan.tasks().stream().map(n -> registry.load(n, TaskLoader.Options.DEFAULTS)).toList();
    EvalOutcome outcome;
    try (ModelApi api = Models.open("demo/lexical")) {
      outcome =
          EvalRunner.run(
              tasks,
              plan.groups(),
              api,
              new RunOptions(tmp, "kobest", null, null, 2, false),
              null,
              ProgressListener.NONE);
    }
    TaskResult group =
        outcome.groups().stream().filter(g -> g.name().equals("kobest")).findFirst().orElseThrow();
    double sum = 0;
    int n = 0;
    for (TaskResult r : outcome.results()) {
      if (plan.tasks().contains(r.name())) {
        sum += r.metrics().get("acc,none").value() * r.samples();
        n += r.samples();
      }
    }
    assertThat(group.samples()).isEqualTo(12);
    assertThat(group.metrics().get("acc,none").value()).isCloseTo(sum / n, within(1e-12));
    // Only KoBEST HellaSwag reports acc_norm: the group's acc_norm is that task's, as lm-eval
    // aggregates a metric over the leaves that have it.
    assertThat(group.metrics()).containsOnlyKeys("acc,none", "acc_norm,none", "f1,none");
    TaskResult hellaswag =
        outcome.results().stream()
            .filter(r -> r.name().equals("ko/kobest_hellaswag"))
            .findFirst()
            .orElseThrow();
    assertThat(group.metrics().get("acc_norm,none").value())
        .isEqualTo(hellaswag.metrics().get("acc_norm,none").value());
  }

  @Test
  void haeraeCoversItsFiveSubsets() {
    assertThat(registry.plan(List.of("haerae")).tasks()).hasSize(5);
  }
}
