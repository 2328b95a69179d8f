package kr.gukdae.eval.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * The interpreter helpers run in and the kernel-level wrapper around it. Debian's own {@code
 * /usr/bin/python3} rather than whatever {@code python3} is first on PATH (a pyenv or virtualenv
 * interpreter would bring its own site-packages); {@code GUKDAE_PYTHON} names another one. When
 * {@code unshare -rn} works on this machine the child also gets an empty network namespace (no
 * interface but loopback, which is down), a guarantee that does not depend on the Python-level
 * guard in the host script.
 */
final class Sandbox {

  private static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");
  private static final Path UNSHARE = Path.of("/usr/bin/unshare");
  private static volatile @Nullable List<String> prefix;

  private Sandbox() {}

  static Path interpreter(String where) {
    String chosen = System.getenv("GUKDAE_PYTHON");
    Path python = chosen == null || chosen.isBlank() ? DEBIAN_PYTHON : Path.of(chosen);
    if (!Files.isExecutable(python)) {
      throw UserError.of(
          where
              + ": "
              + "태스크의 !function 헬퍼는 Debian의 Python으로 실행하는데 "
              + python
              + "이(가) 없습니다. python3를 설치하거나(apt-get install python3) GUKDAE_PYTHON에 Python 3.8 이상 인터프리터를 지정하세요",
          where
              + ": the task's !function helpers run in Debian's Python, and "
              + python
              + " is not there; install it (apt-get install python3) or set GUKDAE_PYTHON to a"
              + " Python 3.8+ interpreter");
    }
    return python;
  }

  /** {@code [unshare, -rn, --]} when a private network namespace can be made here, else none. */
  static List<String> prefix() {
    List<String> known = prefix;
    if (known == null) {
      known = probe() ? List.of(UNSHARE.toString(), "-rn", "--") : List.of();
      prefix = known;
    }
    return known;
  }

  /** True when the network is private to the child. */
  static boolean isolatesNetwork() {
    return !prefix().isEmpty();
  }

  private static boolean probe() {
    if (!Files.isExecutable(UNSHARE)) {
      return false;
    }
    try {
      Process p =
          new ProcessBuilder(UNSHARE.toString(), "-rn", "--", "/bin/true")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
