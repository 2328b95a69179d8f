package kr.gukdae.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kr.gukdae.cli.Launcher;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A command run in this JVM with {@code System.out} and {@code System.err} captured, for CLI tests
 * that need no child process ({@link ChildJvm} is for the ones that must kill or run several). The
 * launcher reads its home and database from system properties and {@code --lang} sets the display
 * locale, so a test that registers this as an extension gets both put back after each test (the
 * build's own gukdae.home, a fresh folder under target/, included):
 *
 * <pre>{@code
 * @RegisterExtension InProcessLauncher gukdae = new InProcessLauncher();
 *
 * gukdae.home(dir);                       // gukdae.home and an H2 file database under it
 * Run run = InProcessLauncher.run("--lang", "en", "portfolio", "show");
 * }</pre>
 *
 * <p>Standard streams are process-wide: tests using it must not run in parallel with each other.
 */
public final class InProcessLauncher implements BeforeEachCallback, AfterEachCallback {

  /** What a command returned and printed. */
  public record Run(int code, String out, String err) {

    /** The standard output of a run that must succeed; any other exit fails, showing the output. */
    public String succeeded() {
      if (code != 0) {
        throw new AssertionError("exit code " + code + "\n" + err + out);
      }
      return out;
    }
  }

  private static final String[] PROPERTIES = {
    "gukdae.home", "spring.datasource.url", "spring.datasource.username"
  };

  private Locale display = Locale.getDefault(Locale.Category.DISPLAY);

  /** The properties as they were before the test (the build sets gukdae.home for every JVM). */
  private final Map<String, @Nullable String> before = new HashMap<>();

  /** {@code gukdae ARGS} through the real launcher, as a user types it. */
  public static Run run(String... args) {
    return capture(() -> Launcher.run(args));
  }

  /** Runs {@code body} (returning an exit code) with both standard streams captured. */
  public static Run capture(Callable<Integer> body) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    var o = new ByteArrayOutputStream();
    var e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = body.call();
    } catch (RuntimeException | Error x) {
      throw x;
    } catch (Exception x) {
      throw new IllegalStateException(x);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }

  /**
   * Points the launcher at {@code home} with an embedded H2 file database under it, as {@code
   * gukdae} on a fresh machine; put back as they were after the test. Returns the database URL.
   */
  public String home(Path home) {
    String url = "jdbc:h2:file:" + home.resolve("db/g") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    System.setProperty("gukdae.home", home.toString());
    System.setProperty("spring.datasource.url", url);
    return url;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    display = Locale.getDefault(Locale.Category.DISPLAY);
    for (String p : PROPERTIES) {
      before.put(p, System.getProperty(p));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (String p : PROPERTIES) {
      String value = before.get(p);
      if (value == null) {
        System.clearProperty(p);
      } else {
        System.setProperty(p, value);
      }
    }
    Locale.setDefault(Locale.Category.DISPLAY, display);
  }
}
