package kr.gukdae.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real child JVM on this test's own class path, for tests that must kill a process (SIGKILL) or
 * run several at once: crash tests, worker processes, several web instances. Its standard output
 * and error are read from the start by a virtual thread, so a chatty child never blocks on a full
 * pipe, and {@link #awaitLine} can wait for what it prints. {@link #close} kills it.
 *
 * <pre>{@code
 * try (ChildJvm child = ChildJvm.main(MyChild.class).args("a", "b").start()) {
 *   child.awaitLine("ready ", Duration.ofSeconds(60));
 *   child.kill(); // SIGKILL: no shutdown hook runs
 * }
 * }</pre>
 */
public final class ChildJvm implements AutoCloseable {

  /** End of output: the queue's sentinel (compared by identity). */
  private static final String EOF = new String("<eof>");

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder seen = new StringBuilder();

  private ChildJvm(Process process) {
    this.process = process;
    Thread.ofVirtual()
        .name("child-jvm-" + process.pid())
        .start(() -> {
          try (var out =
              new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
              lines.add(line);
            }
          } catch (IOException e) {
            // the child was killed while we read: its output simply ends
          } finally {
            lines.add(EOF);
          }
        });
  }

  /** A child that runs {@code mainClass} (a class of the test or main class path). */
  public static Builder main(Class<?> mainClass) {
    return new Builder(mainClass.getName());
  }

  /** A child that runs the class named so, e.g. the application's own main class. */
  public static Builder main(String mainClass) {
    return new Builder(mainClass);
  }

  public Process process() {
    return process;
  }

  /**
   * Waits until the child prints a line starting with {@code prefix} and returns it; fails with
   * everything the child printed if it ends first or {@code timeout} passes.
   */
  public synchronized String awaitLine(String prefix, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new AssertionError(
              "child printed no line starting with '" + prefix + "' in " + timeout + ":\n" + seen);
        }
        if (line == EOF) {
          lines.add(EOF); // later waits end at once too
          throw new AssertionError(
              "child ended (exit " + process.waitFor() + ") before '" + prefix + "':\n" + seen);
        }
        seen.append(line).append('\n');
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for '" + prefix + "'", e);
    }
  }

  /** Everything the child printed so far (for a failure message). */
  public synchronized String printed() {
    for (String line; (line = lines.poll()) != null; ) {
      if (line == EOF) {
        lines.add(EOF);
        break;
      }
      seen.append(line).append('\n');
    }
    return seen.toString();
  }

  /** SIGKILL (no shutdown hook, no clean-up) and waits until the process is gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("child " + process.pid() + " still alive 30 s after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while killing child " + process.pid(), e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  /** What the child runs with; {@link #start} launches it. */
  public static final class Builder {
    private final String mainClass;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> envPrefixesRemoved = new ArrayList<>();
    private String heap = "256m";
    private @org.jspecify.annotations.Nullable Path output;

    private Builder(String mainClass) {
      this.mainClass = mainClass;
    }

    /** Maximum heap, e.g. {@code 256m} (the default). */
    public Builder heap(String heap) {
      this.heap = heap;
      return this;
    }

    /** A {@code -Dname=value} system property. */
    public Builder property(String name, String value) {
      jvmOptions.add("-D" + name + "=" + value);
      return this;
    }

    /**
     * Start-up dominates a short child's life on a busy 2-core machine: C1 only, one GC thread, and
     * class data shared between the children of one test class through {@code archive} (a file name
     * under the temporary folder, created on first use).
     */
    public Builder fastStart(String archive) {
      jvmOptions.add("-XX:TieredStopAtLevel=1");
      jvmOptions.add("-XX:+UseSerialGC");
      jvmOptions.add("-XX:+AutoCreateSharedArchive");
      jvmOptions.add(
          "-XX:SharedArchiveFile=" + Path.of(System.getProperty("java.io.tmpdir"), archive));
      return this;
    }

    public Builder args(String... more) {
      args.addAll(List.of(more));
      return this;
    }

    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    /** Drops inherited environment variables starting so, e.g. {@code GUKDAE_DB_}. */
    public Builder withoutEnv(String prefix) {
      envPrefixesRemoved.add(prefix);
      return this;
    }

    /** Sends the child's output to a file instead of {@link #awaitLine} (then it cannot wait). */
    public Builder outputTo(Path file) {
      this.output = file;
      return this;
    }

    public ChildJvm start() {
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.add("-Xmx" + heap);
      // an H2 file database opened with AUTO_SERVER serves other processes on loopback only
      command.add("-Dh2.bindAddress=127.0.0.1");
      command.addAll(jvmOptions);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(mainClass);
      command.addAll(args);
      var pb = new ProcessBuilder(command).redirectErrorStream(true);
      for (String prefix : envPrefixesRemoved) {
        pb.environment().keySet().removeIf(k -> k.startsWith(prefix));
      }
      pb.environment().putAll(env);
      if (output != null) {
        pb.redirectOutput(output.toFile());
      }
      try {
        return new ChildJvm(pb.start());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start a child JVM for " + mainClass, e);
      }
    }
  }
}
