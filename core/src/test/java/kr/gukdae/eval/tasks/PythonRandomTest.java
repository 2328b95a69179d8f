package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Golden values produced once with Debian's CPython 3.11.2 ({@code /usr/bin/python3}), e.g. {@code
 * r = random.Random(1234); [r.getrandbits(32) for _ in range(5)]}, and committed as literals.
 */
class PythonRandomTest {

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  @Test
  void wordsMatchCPythonForTheDefaultFewshotSeed() {
    var r = new PythonRandom(1234);
    List<Long> words = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      words.add(r.getrandbits(32));
    }
    assertThat(words).containsExactly(4150886329L, 3342196574L, 1892932127L, 501869158L, 32175636L);
    assertThat(new PythonRandom(1234).random()).isEqualTo(0.9664535356921388);
  }

  @Test
  void sampleMatchesCPythonOnBothOfItsAlgorithms() {
    // r = random.Random(1234); r.sample(range(10), 6); r.sample(range(10), 6); ...
    var r = new PythonRandom(1234);
    assertThat(r.sample(range(10), 6)).containsExactly(7, 1, 0, 9, 4, 6);
    assertThat(r.sample(range(10), 6)).containsExactly(1, 9, 5, 8, 0, 7);
    // population above the set size: index draws with redraws of repeats
    assertThat(r.sample(range(100), 6)).containsExactly(2, 44, 82, 79, 61, 78);
    assertThat(r.sample(range(1000), 3)).containsExactly(474, 152, 93);
    assertThat(new PythonRandom(0).sample(range(50), 5)).containsExactly(24, 48, 26, 2, 16);
  }

  @Test
  void largeAndNegativeSeedsAndWideDrawsMatchCPython() {
    // r = random.Random(2**40 + 7); r.getrandbits(32), r.getrandbits(64)... (63 bits here)
    var r = new PythonRandom((1L << 40) + 7);
    assertThat(r.getrandbits(32)).isEqualTo(2635837658L);
    r.nextWord();
    r.nextWord();
    assertThat(r.getrandbits(3)).isEqualTo(7);
    assertThat(new PythonRandom(-5).getrandbits(32)).isEqualTo(2675342405L);
  }

  @Test
  void shuffleMatchesCPython() {
    List<Integer> x = new ArrayList<>(range(10));
    new PythonRandom(1234).shuffle(x);
    assertThat(x).containsExactly(2, 8, 3, 5, 6, 4, 9, 0, 1, 7);
  }
}
