package kr.gukdae.eval.tasks;

import java.util.List;
import java.util.Objects;

/**
 * An lm-evaluation-harness group: member tasks, tags or groups, and how their scores combine
 * ({@code aggregate_metric_list}): {@code weight_by_size: true} is the micro average (each sample
 * counts once), false the macro average (each member counts once).
 */
public record TaskGroup(String name, List<String> members, List<Aggregate> aggregates) {

  public TaskGroup {
    Objects.requireNonNull(name, "name");
    members = List.copyOf(members);
    aggregates = List.copyOf(aggregates);
    if (members.isEmpty()) {
      // TaskRegistry refuses a group file without tasks first; built-in groups always have some
      throw new IllegalArgumentException("bug: group " + name + " has no tasks");
    }
  }

  /** One metric to aggregate. */
  public record Aggregate(String metric, boolean weightBySize) {
    public Aggregate {
      Objects.requireNonNull(metric, "metric");
    }
  }

  /** A member's score on one metric and how many samples it rests on. */
  public record Measure(double value, long size) {
    public Measure {
      if (size < 0) {
        throw new IllegalArgumentException("bug: size must not be negative (sample counts)");
      }
    }
  }

  /** Micro (weighted by size) or macro (plain mean) average; the size is the members' total. */
  public static Measure combine(List<Measure> parts, boolean weightBySize) {
    if (parts.isEmpty()) {
      return new Measure(Double.NaN, 0);
    }
    long total = 0;
    double weighted = 0;
    double plain = 0;
    for (Measure m : parts) {
      total += m.size();
      weighted += m.value() * m.size();
      plain += m.value();
    }
    double value =
        weightBySize ? (total == 0 ? Double.NaN : weighted / total) : plain / parts.size();
    return new Measure(value, total);
  }
}
