package kr.gukdae;

import kr.gukdae.cli.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one application: web UI, REST API and command line share this Spring context. It stays in the
 * root package on purpose: Spring's test support finds it by searching upwards from each test's
 * package ({@code app.*}, {@code web}, {@code cli}), and a home under {@code app} or {@code cli}
 * either hides it from the others or makes the feature packages and the launcher depend on each
 * other (ArchitectureTest's cycle rule caught that when it was tried).
 */
@SpringBootApplication
public class GukdaeApplication {

  public static void main(String[] args) {
    int exitCode = Launcher.run(args);
    if (exitCode != Launcher.KEEP_RUNNING) {
      System.exit(exitCode);
    }
  }
}
