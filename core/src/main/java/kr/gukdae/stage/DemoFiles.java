package kr.gukdae.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo programme and evidence shipped under resources kr/gukdae/stage/demo/. */
final class DemoFiles {

  private DemoFiles() {}

  static String read(String name) {
    try (InputStream in = DemoFiles.class.getResourceAsStream("demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("bug: demo file missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
