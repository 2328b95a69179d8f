package kr.gukdae.cli;

import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A sub-command of {@code gukdae}. Each feature contributes its own as a Spring bean annotated with
 * picocli's {@code @Command}; the launcher collects them, so no central list needs editing. Whether
 * the HTTP server starts is decided before the context exists, in {@link Launcher}.
 */
public interface GukdaeCommand extends Callable<Integer> {

  /**
   * Prints the help of a command group run without a subcommand and returns 0. Through the spec
   * picocli injected ({@code @Spec}), so the help is the launcher's tree's: in Korean under a
   * Korean locale, as {@code --help} prints it (a {@code CommandLine} built from the bean alone
   * would not know the Korean help).
   */
  static int usage(@Nullable CommandSpec spec) {
    Objects.requireNonNull(spec, "picocli injects the spec").commandLine().usage(System.out);
    return 0;
  }
}
