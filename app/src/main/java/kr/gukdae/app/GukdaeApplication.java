package kr.gukdae.app;

import kr.gukdae.cli.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one application: web UI, REST API and command line share this Spring context. It lives in
 * {@code app} (not the root package, which the core library owns) and names the three packages of
 * the app module it scans.
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
