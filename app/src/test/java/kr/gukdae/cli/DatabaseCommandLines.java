package kr.gukdae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import kr.gukdae.testing.InProcessLauncher;
import kr.gukdae.testing.InProcessLauncher.Run;
import kr.gukdae.testing.LineRule;
import kr.gukdae.web.SharedHttpContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs commands that need the database against the shared test context's embedded database, in both
 * languages, and holds every printed line to {@link LineRule} (the rule {@link BilingualOutputTest}
 * holds the standalone commands to). The test classes that extend it each cover one area of
 * commands; none starts a context of its own.
 */
abstract class DatabaseCommandLines extends SharedHttpContext {

  static final Set<Integer> OK = Set.of(0);
  static final Set<Integer> NO = Set.of(1);

  /** A refusal: the user error exit code, its message on standard error. */
  static final Set<Integer> REFUSED = Set.of(FriendlyErrors.USER_ERROR_EXIT);

  @RegisterExtension InProcessLauncher gukdae = new InProcessLauncher();

  @Autowired ConfigurableApplicationContext context;

  /**
   * Runs the command in both languages and checks every line of both outputs, standard error (a
   * refusal, a warning) as well as standard output.
   */
  void check(List<String> data, Set<Integer> codes, String... args) {
    LineRule.check(
        String.join(" ", args),
        printed(run("ko", codes, args)),
        printed(run("en", codes, args)),
        typed(data, args));
  }

  /**
   * The data of a line plus what the user typed: command names and arguments read the same in both
   * languages (a usage line after a refusal repeats them).
   */
  static List<String> typed(List<String> data, String... args) {
    List<String> all = new java.util.ArrayList<>(data);
    all.addAll(List.of(args));
    return all;
  }

  /** Everything a run printed: standard output, then standard error. */
  static String printed(Run run) {
    return run.out() + run.err();
  }

  /** A command that records something, run once in one language and checked in it. */
  String once(String language, List<String> data, String... args) {
    Run run = run(language, OK, args);
    assertThat(run.out()).as(String.join(" ", args)).isNotBlank();
    LineRule.checkOne(String.join(" ", args), language, printed(run), typed(data, args));
    return run.out();
  }

  Run run(String language, Set<Integer> codes, String... args) {
    Locale.setDefault(Locale.Category.DISPLAY, Locale.forLanguageTag(language));
    Run run = InProcessLauncher.capture(() -> Launcher.commandLine(context).execute(args));
    assertThat(run.code()).as(run.err() + run.out()).isIn(codes);
    return run;
  }
}
