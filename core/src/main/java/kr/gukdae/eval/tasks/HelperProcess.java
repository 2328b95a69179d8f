package kr.gukdae.eval.tasks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kr.gukdae.UserError;

/**
 * One running helper host ({@code host.py} in Debian's Python, see {@link PythonHelpers}): the
 * process, its temporary folder, and the threads reading its output.
 */
final class HelperProcess {
  private static final String RESOURCES = "/kr/gukdae/eval/tasks/python/";
  private static final int STDERR_KEPT = 4000;

  static final String EOF = "\u0000eof";

  /** Put in place of a reply longer than {@link #replyCap}, as soon as it passes the cap. */
  static final String TOO_LONG = "\u0000too-long";

  /** The most bytes the reply now awaited may hold; set before each request. */
  volatile long replyCap = Long.MAX_VALUE;

  final Process process;
  final Path dir;
  final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  final StringBuilder stderr = new StringBuilder();
  final OutputStream stdin;

  private HelperProcess(Process process, Path dir) {
    this.process = process;
    this.dir = dir;
    this.stdin = process.getOutputStream();
    Thread.ofPlatform().daemon().name("python-helper-out").start(() -> readLines());
    Thread.ofPlatform().daemon().name("python-helper-err").start(() -> readErr());
  }

  static HelperProcess start(String where, List<Path> folders, PythonHelpers.Limits limits) {
    Path python = Sandbox.interpreter(where);
    Path dir;
    try {
      dir = Files.createTempDirectory("gukdae-python-");
      Path host = Files.createDirectories(dir.resolve("host"));
      Path stub = Files.createDirectories(host.resolve("stub"));
      copyResource("host.py", host.resolve("host.py"));
      copyResource("datasets.py", stub.resolve("datasets.py"));
      List<String> command = new ArrayList<>(Sandbox.prefix());
      command.addAll(
          List.of(
              python.toString(),
              "-I",
              "-S",
              "-B",
              host.resolve("host.py").toString(),
              String.valueOf(limits.cpuSeconds()),
              String.valueOf(limits.addressSpace()),
              String.valueOf(limits.idleSeconds())));
      for (int i = 0; i < folders.size(); i++) {
        Path copy = Files.createDirectories(dir.resolve("helpers").resolve(String.valueOf(i)));
        try (Stream<Path> files = Files.list(folders.get(i))) {
          for (Path file : files.filter(f -> f.toString().endsWith(".py")).toList()) {
            // Links are not followed: a task folder's k.py -> ~/.gukdae/keys/… would otherwise
            // hand the helper a secret it could put into a prompt.
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
              Files.copy(file, copy.resolve(file.getFileName()));
            }
          }
        }
        command.add(copy.toString());
      }
      // A host still running when the JVM ends (it ends itself when idle) leaves no folder.
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.forEach(p -> p.toFile().deleteOnExit()); // parents first: removed last
      }
      var builder = new ProcessBuilder(command).directory(dir.resolve("helpers/0").toFile());
      if (folders.isEmpty()) {
        builder.directory(host.toFile());
      }
      builder.environment().clear();
      return new HelperProcess(builder.start(), dir);
    } catch (IOException e) {
      throw UserError.of(
          where + ": Python 도우미 프로세스를 시작할 수 없습니다 (" + e.getMessage() + ")",
          where + ": cannot start the Python helper process (" + e.getMessage() + ")",
          e);
    }
  }

  private static void copyResource(String name, Path to) throws IOException {
    try (InputStream in = HelperProcess.class.getResourceAsStream(RESOURCES + name)) {
      Files.copy(Objects.requireNonNull(in, name), to);
    }
  }

  void send(String line) throws IOException {
    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  /**
   * Reads replies, one per line, without ever holding more than {@link #replyCap} bytes of one: a
   * helper that returns a huge text must not exhaust the JVM's memory. Past the cap the line is
   * reported as {@link #TOO_LONG} at once and the rest of it is read and dropped.
   */
  private void readLines() {
    try (InputStream in = process.getInputStream()) {
      var line = new java.io.ByteArrayOutputStream();
      boolean dropping = false;
      byte[] chunk = new byte[1 << 16];
      for (int n; (n = in.read(chunk)) != -1; ) {
        int start = 0;
        for (int i = 0; i <= n; i++) {
          boolean end = i < n && chunk[i] == '\n';
          if (!end && i < n) {
            continue;
          }
          if (!dropping) {
            line.write(chunk, start, i - start);
            if (line.size() > replyCap) {
              lines.add(TOO_LONG);
              line = new java.io.ByteArrayOutputStream(); // let the big buffer go
              dropping = true;
            }
          }
          if (end) {
            if (!dropping) {
              lines.add(line.toString(StandardCharsets.UTF_8));
            }
            line.reset();
            dropping = false;
          }
          start = i + 1;
        }
      }
    } catch (IOException e) {
      // the process was stopped; the waiting caller sees EOF below
    }
    lines.add(EOF);
  }

  private void readErr() {
    try (var in =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        synchronized (stderr) {
          stderr.append(line).append('\n');
          if (stderr.length() > STDERR_KEPT) {
            stderr.delete(0, stderr.length() - STDERR_KEPT);
          }
        }
      }
    } catch (IOException e) {
      // the process was stopped
    }
  }

  String stderr() {
    try {
      process.waitFor(2, TimeUnit.SECONDS); // let its last words arrive
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  void close() {
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
