package kr.gukdae.packs.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kr.gukdae.UserError;

/**
 * Runs an untrusted Python program in a child process with limits: CPU seconds, address space and
 * file size by {@code ulimit}, a wall-clock timeout after which the whole process tree is killed,
 * an empty environment, a fresh work folder, and an audit-hook guard. As root it also drops to user
 * {@code nobody} ({@code setpriv}) and cuts the network ({@code unshare -n}); otherwise those two
 * walls are missing and {@link #isolation()} says so.
 */
public final class Sandbox {

  /** Limits for one run. */
  public record Limits(Duration wall, int cpuSeconds, long memoryBytes, long fileBytes) {
    public Limits {
      if (wall.isNegative() || wall.isZero() || cpuSeconds < 1 || memoryBytes < (64L << 20)) {
        throw new IllegalArgumentException("bug: sandbox limits too small: " + this);
      }
    }

    public static final Limits DEFAULT =
        new Limits(Duration.ofSeconds(10), 10, 1L << 30, 16L << 20);
  }

  /** How a run ended. */
  public enum Status {
    PASSED,
    FAILED,
    TIMEOUT,
    MEMORY,
    BLOCKED,
    OUTPUT_LIMIT
  }

  /** The outcome; {@code reason} is one bounded line a person can read. */
  public record Result(Status status, int exitCode, String stdout, String stderr, String reason) {
    public boolean passed() {
      return status == Status.PASSED;
    }
  }

  private static final int TAIL_BYTES = 4096;
  private static final String GUARD = resource("guard.py");
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
  private static final boolean NO_NETWORK = ROOT && works("unshare", "-n", "true");
  private static final boolean DROP_USER = ROOT && works("setpriv", "--reuid=65534", "true");
  private static final String PYTHON =
      Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

  private Sandbox() {}

  /** Which operating-system walls this machine gives, for logs and docs. */
  public static String isolation() {
    return "ulimit cpu/memory/file size, timeout kill, empty environment, audit guard"
        + (NO_NETWORK ? ", no network (unshare -n)" : ", NETWORK NOT ISOLATED (not root)")
        + (DROP_USER ? ", user nobody" : ", same user as gukdae (not root)");
  }

  public static Result runPython(String program, Limits limits) {
    Path root = null;
    Process running = null;
    try {
      root = Files.createTempDirectory("gukdae-sandbox-");
      // user nobody may pass through the root (not list it) and works only inside work/.
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
      Path work = Files.createDirectory(root.resolve("work"));
      Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
      Files.writeString(work.resolve("program.py"), GUARD + "\n" + program);
      Path out = root.resolve("stdout.txt");
      Path err = root.resolve("stderr.txt");
      var builder = new ProcessBuilder(command(limits)).directory(work.toFile());
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      Map<String, String> env = builder.environment();
      env.clear();
      env.putAll(
          Map.of(
              "PATH", "/usr/local/bin:/usr/bin:/bin",
              "HOME", work.toString(),
              "TMPDIR", work.toString(),
              "LANG", "C.UTF-8",
              "PYTHONIOENCODING", "utf-8"));
      Process process = builder.start();
      running = process;
      boolean finished = process.waitFor(limits.wall().toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        killTree(process);
      }
      return classify(finished, process.exitValue(), tail(out), tail(err), limits);
    } catch (IOException e) {
      throw new UncheckedIOException("sandbox could not start: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (running != null) { // not left running after we stop waiting (no wait: interrupted)
        running.descendants().forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly();
      }
      throw UserError.of(
          "샌드박스에서 프로그램을 실행하는 중에 중단되었습니다. 다시 실행하세요",
          "interrupted while running a sandboxed program; run again",
          e);
    } finally {
      if (root != null) {
        deleteTree(root);
      }
    }
  }

  private static List<String> command(Limits limits) {
    List<String> cmd = new ArrayList<>();
    if (NO_NETWORK) {
      cmd.addAll(List.of("unshare", "-n"));
    }
    if (DROP_USER) {
      cmd.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    String ulimits =
        String.format(
            Locale.ROOT,
            "ulimit -c 0; ulimit -t %d; ulimit -v %d; ulimit -f %d; exec %s -I -B program.py",
            limits.cpuSeconds(),
            limits.memoryBytes() / 1024,
            limits.fileBytes() / 1024,
            PYTHON);
    cmd.addAll(List.of("bash", "-c", ulimits));
    return cmd;
  }

  static Result classify(boolean finished, int exit, String stdout, String stderr, Limits limits) {
    if (!finished || exit == 128 + 24 || exit == 128 + 9) {
      String why =
          finished
              ? "CPU limit of " + limits.cpuSeconds() + " s reached"
              : "timed out after " + limits.wall().toSeconds() + " s and was killed";
      return new Result(Status.TIMEOUT, exit, stdout, stderr, why);
    }
    if (exit == 128 + 25) {
      return new Result(Status.OUTPUT_LIMIT, exit, stdout, stderr, "file size limit exceeded");
    }
    String last = lastLine(stderr);
    if (exit == 0) {
      return new Result(Status.PASSED, 0, stdout, stderr, "passed");
    }
    if (last.contains("MemoryError") || stderr.contains("MemoryError")) {
      return new Result(Status.MEMORY, exit, stdout, stderr, "memory limit: " + last);
    }
    if (last.startsWith("PermissionError") || last.contains("sandbox:")) {
      return new Result(Status.BLOCKED, exit, stdout, stderr, "blocked: " + last);
    }
    return new Result(
        Status.FAILED, exit, stdout, stderr, last.isEmpty() ? "exit code " + exit : last);
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    String last = lines[lines.length - 1].strip();
    return last.length() > 200 ? last.substring(0, 200) + "…" : last;
  }

  private static void killTree(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
  }

  private static String tail(Path file) throws IOException {
    try (var raf = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, raf.length() - TAIL_BYTES);
      byte[] bytes = new byte[(int) (raf.length() - start)];
      raf.seek(start);
      raf.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp folder is harmless; the next run uses a new one.
    }
  }

  private static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String resource(String name) {
    try (InputStream in = Sandbox.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bug: missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
