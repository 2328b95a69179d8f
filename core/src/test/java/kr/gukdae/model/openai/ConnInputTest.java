package kr.gukdae.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConnInputTest {

  /** Hands out the bytes a few at a time, as a network read may. */
  private static InputStream trickle(String text, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, random.nextInt(1, 4)));
      }
    };
  }

  @Test
  void linesAndTheBodyAfterThemSurviveAnySplitOfTheBytes() throws IOException {
    String head = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Long: " + "v".repeat(40000) + "\n\r\n";
    for (long seed = 1; seed <= 30; seed++) {
      ConnInput in = new ConnInput(trickle(head + "hello", seed));
      int[] budget = {64 * 1024};
      assertThat(in.line(budget, 64 * 1024)).isEqualTo("HTTP/1.1 200 OK");
      assertThat(in.line(budget, 64 * 1024)).isEqualTo("Content-Length: 5");
      assertThat(in.line(budget, 64 * 1024)).hasSize(8 + 40000);
      assertThat(in.line(budget, 64 * 1024)).isEmpty();
      assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("hello");
      assertThat(budget[0]).isEqualTo(64 * 1024 - head.length());
    }
  }

  @Test
  void endsAndOversizedHeadsAreTold() {
    assertThat(call(new ConnInput(trickle("", 1)))).isNull();
    assertThatThrownBy(() -> new ConnInput(trickle("HTTP/1.1 2", 1)).line(new int[] {100}, 100))
        .isInstanceOf(EOFException.class);
    assertThatThrownBy(
            () -> new ConnInput(trickle("x".repeat(200) + "\n", 2)).line(new int[] {100}, 100))
        .hasMessageContaining("larger than 100 bytes");
  }

  private static String call(ConnInput in) {
    try {
      return in.line(new int[] {100}, 100);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
