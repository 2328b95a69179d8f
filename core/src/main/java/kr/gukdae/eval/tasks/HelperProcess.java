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
      throw new UserError(
          where + ": cannot start the Python helper process (" + e.getMessage() + ")", e);
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

  private void readLines() {
    try (var in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
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
