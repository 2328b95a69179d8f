package kr.gukdae.eval;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation: samples, a solver chain that produces each answer, and the scorers that judge it.
 * The shape of Inspect's Task; the data comes from files, the logic from code.
 *
 * @param name registry key {@code namespace/name}
 * @param hash SHA-256 over the definition and the evaluated data, for {@code task_hashes}
 * @param demo true for the built-in sample tasks, whose numbers are labelled as demo
 */
public record Task(
    String name,
    int version,
    String description,
    List<Sample> samples,
    List<Solver> solvers,
    List<ScoreSpec> scorers,
    TaskConfig config,
    String hash,
    boolean demo) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9_.-]+(/[a-z0-9_.-]+)+");

  public Task {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(hash, "hash");
    // TaskBuilder, the only maker of tasks, refuses a bad name in the task file first
    if (name == null || !isName(name)) {
      throw new IllegalArgumentException(
          "bug: task name '" + name + "' must be namespace/name in lower case, e.g. ko/kmmlu");
    }
    samples = List.copyOf(samples);
    solvers = List.copyOf(solvers);
    scorers = List.copyOf(scorers);
    if (solvers.isEmpty() || scorers.isEmpty()) {
      // TaskBuilder always adds a solver and a scorer per metric (defaults when none are listed)
      throw new IllegalArgumentException(
          "bug: " + name + ": a task needs at least one solver and scorer");
    }
  }

  /** The first {@code limit} samples (all when limit is null or larger). */
  public List<Sample> samples(@Nullable Integer limit) {
    return limit == null || limit >= samples.size() ? samples : samples.subList(0, limit);
  }

  /** Whether a task name is {@code namespace/name} in lower case, e.g. {@code ko/kmmlu}. */
  public static boolean isName(String name) {
    return NAME.matcher(name).matches();
  }
}
