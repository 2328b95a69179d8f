package kr.gukdae.cli;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one application: web UI, REST API and command line share this Spring context. It lives with
 * the launcher in {@code cli} (not the root package, which the core library owns), so the feature
 * packages under {@code app} never depend back on it, and names the app module's three packages.
 */
@SpringBootApplication(scanBasePackages = {"kr.gukdae.app", "kr.gukdae.web", "kr.gukdae.cli"})
public class GukdaeApplication {

  public static void main(String[] args) {
    int exitCode = Launcher.run(args);
    if (exitCode != Launcher.KEEP_RUNNING) {
      System.exit(exitCode);
    }
  }
}
