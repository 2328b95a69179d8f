package kr.gukdae.packs.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxTest {

  @TempDir Path outside;

  private static final Sandbox.Limits TIGHT =
      new Sandbox.Limits(Duration.ofSeconds(3), 2, 256L << 20, 1L << 20);

  // The memory limit alone: on a loaded machine Python's start and the page faults of 256 MB can
  // take longer than TIGHT's 3 s, and the bomb must end at the memory limit, not the clock.
  private static final Sandbox.Limits MEMORY_ONLY =
      new Sandbox.Limits(Duration.ofSeconds(60), 30, 256L << 20, 1L << 20);

  @Test
  void aCleanProgramPassesAndAFailingAssertionIsTheReason() {
    assertThat(Sandbox.runPython("assert 1 + 1 == 2\nprint('ok')", TIGHT).status())
        .isEqualTo(Sandbox.Status.PASSED);
    var failed = Sandbox.runPython("assert 1 + 1 == 3, 'arithmetic'", TIGHT);
    assertThat(failed.status()).isEqualTo(Sandbox.Status.FAILED);
    assertThat(failed.reason()).isEqualTo("AssertionError: arithmetic");
  }

  @Test
  void anInfiniteLoopIsKilled() {
    long start = System.nanoTime();
    var result = Sandbox.runPython("while True:\n    pass\n", TIGHT);
    assertThat(result.status()).isEqualTo(Sandbox.Status.TIMEOUT);
    assertThat(result.reason()).containsAnyOf("CPU limit", "timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void aSleepingProgramHitsTheWallClockNotTheCpuLimit() {
    var result = Sandbox.runPython("import time\ntime.sleep(60)\n", TIGHT);
    assertThat(result.status()).isEqualTo(Sandbox.Status.TIMEOUT);
    assertThat(result.reason()).contains("timed out after 3 s");
  }

  @Test
  void aMemoryBombStopsAtTheAddressSpaceLimit() {
    var result =
        Sandbox.runPython(
            "chunks = []\nwhile True:\n    chunks.append(bytearray(50 << 20))\n", MEMORY_ONLY);
    assertThat(result.status()).isEqualTo(Sandbox.Status.MEMORY);
    assertThat(result.reason()).contains("MemoryError");
  }

  @Test
  void writingOutsideTheWorkFolderIsRefusedAndNothingIsWritten() {
    Path target = outside.resolve("escaped.txt");
    var result = Sandbox.runPython("open(" + pyString(target) + ", 'w').write('pwned')\n", TIGHT);
    assertThat(result.status()).isEqualTo(Sandbox.Status.BLOCKED);
    assertThat(Files.exists(target)).isFalse();
    var inside = Sandbox.runPython("open('scratch.txt', 'w').write('fine')\n", TIGHT);
    assertThat(inside.status()).isEqualTo(Sandbox.Status.PASSED);
  }

  @Test
  void theParentsEnvironmentIsNotVisible() {
    var keys =
        Sandbox.runPython("import os\nprint(','.join(sorted(os.environ)))\n", TIGHT)
            .stdout()
            .strip();
    assertThat(keys.split(","))
        .isSubsetOf(
            "HOME", "LANG", "PATH", "PYTHONIOENCODING", "TMPDIR", "LC_CTYPE", "PWD", "SHLVL", "_");
    var proc =
        Sandbox.runPython(
            "import os\nprint(open(f'/proc/{os.getppid()}/environ').read())\n", TIGHT);
    assertThat(proc.status()).isEqualTo(Sandbox.Status.BLOCKED);
    assertThat(proc.stdout()).doesNotContain("PATH=");
  }

  @Test
  void processesAndSocketsAreRefused() {
    var spawn = Sandbox.runPython("import subprocess\nsubprocess.run(['true'])\n", TIGHT);
    assertThat(spawn.status()).isEqualTo(Sandbox.Status.BLOCKED);
    var net =
        Sandbox.runPython(
            "import socket\nsocket.create_connection(('127.0.0.1', 9), timeout=1)\n", TIGHT);
    assertThat(net.status()).isEqualTo(Sandbox.Status.BLOCKED);
  }

  private static String pyString(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @Test
  void anInterruptStopsTheProgramWithAMessageInBothLanguages() {
    Thread.currentThread().interrupt(); // the server shutting down, or Ctrl-C on the command
    try {
      assertThatThrownBy(() -> Sandbox.runPython("import time\ntime.sleep(30)\n", TIGHT))
          .isInstanceOf(UserError.class)
          .satisfies(e -> {
            assertThat(((UserError) e).message(true)).contains("중단되었습니다");
            assertThat(((UserError) e).message(false)).contains("interrupted", "run again");
          });
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
