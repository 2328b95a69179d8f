package kr.gukdae.eval.tasks;

import java.util.List;
import java.util.Objects;

/**
 * What a list of {@code --tasks} names stands for: the tasks to run, in order and each once, and
 * the groups named (directly or inside other groups), parents before their subgroups, each with the
 * tasks it aggregates over. lm-eval aggregates a group over all its leaf tasks, however deeply
 * nested, so that is what {@code leaves} holds.
 */
public record RunPlan(List<String> tasks, List<Group> groups) {

  public RunPlan {
    tasks = List.copyOf(tasks);
    groups = List.copyOf(groups);
  }

  /** A plain list of tasks, no groups. */
  public static RunPlan of(List<String> tasks) {
    return new RunPlan(tasks, List.of());
  }

  /**
   * One group of the run.
   *
   * @param depth 0 for a group named on the command line, 1 for its subgroups, …
   */
  public record Group(
      String name, int depth, List<String> leaves, List<TaskGroup.Aggregate> aggregates) {
    public Group {
      Objects.requireNonNull(name, "name");
      leaves = List.copyOf(leaves);
      aggregates = List.copyOf(aggregates);
    }
  }
}
