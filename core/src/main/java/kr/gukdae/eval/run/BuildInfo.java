package kr.gukdae.eval.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** The source revision a result was produced with, for the run log's {@code git_hash}. */
final class BuildInfo {

  private static volatile @Nullable String cached;

  private BuildInfo() {}

  static String gitHash() {
    String value = cached;
    if (value == null) {
      value = System.getProperty("gukdae.git.hash", readGit());
      cached = value;
    }
    return value;
  }

  private static String readGit() {
    try {
      Process p =
          new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
              .redirectErrorStream(true)
              .start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "unknown";
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.exitValue() == 0 && out.matches("[0-9a-f]{4,40}") ? out : "unknown";
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }
}
