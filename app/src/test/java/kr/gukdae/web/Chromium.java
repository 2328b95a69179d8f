package kr.gukdae.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The system's Chromium driven by Playwright (never a downloaded browser). Without Chromium a
 * browser test is skipped locally and fails on CI, where it must run.
 */
public final class Chromium {

  private Chromium() {}

  /** Where screenshots go, so CI can keep them as artefacts ({@code app/target/screenshots}). */
  public static final Path SCREENSHOTS = Path.of("target/screenshots");

  /** The system's Chromium; skips the test locally when it is missing, fails on CI. */
  public static Path executable() {
    String configured = System.getenv("GUKDAE_CHROMIUM");
    Path path =
        Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (!Files.isExecutable(path) && !ci) {
      assumeTrue(
          false, "browser tests need Chromium: apt-get install chromium (or set GUKDAE_CHROMIUM)");
    }
    return path;
  }

  public static Playwright playwright() {
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  public static Browser launch(Playwright playwright) {
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(executable())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox")));
  }

  /** A full-page screenshot of {@code page} as {@code SCREENSHOTS/name.png}. */
  public static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
  }
}
