package kr.gukdae.data.ngram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file cut into byte ranges at any points gives, piece after piece, exactly the documents the
 * whole-file reader gives: what lets a job's pieces build the same n-gram file as one process.
 */
class TrainingTextTest {

  @TempDir Path dir;

  private static List<String> whole(Path file) {
    List<String> out = new ArrayList<>();
    TrainingText.forEachDocument(file, "text", out::add);
    return out;
  }

  private static List<String> pieces(Path file, long... cuts) throws Exception {
    List<String> out = new ArrayList<>();
    long from = 0;
    for (long cut : cuts) {
      TrainingText.forEachDocument(file, "text", from, cut, out::add);
      from = cut;
    }
    TrainingText.forEachDocument(file, "text", from, Files.size(file), out::add);
    return out;
  }

  private void everyCutGivesTheSameDocuments(Path file) throws Exception {
    List<String> expected = whole(file);
    long size = Files.size(file);
    for (long cut = 0; cut <= size; cut++) {
      assertThat(pieces(file, cut)).as("cut at %d", cut).isEqualTo(expected);
    }
    Random random = new Random(5);
    for (int i = 0; i < 200; i++) {
      long a = random.nextLong(size + 1);
      long b = a + random.nextLong(size - a + 1);
      assertThat(pieces(file, a, b)).as("cuts at %d, %d", a, b).isEqualTo(expected);
    }
  }

  @Test
  void textCutAnywhereGivesTheSameDocumentsCrLfLoneCrBlankLinesAndMultiByteIncluded()
      throws Exception {
    Path file = dir.resolve("t.txt");
    String text =
        "\uFEFF첫 줄 한국어 문장\n\nsecond line\r\n셋째 줄\r넷째 (lone CR)\r\n\r\n"
            + "이모지 😀 와 𝔘 문자\n   \nlast line without newline 끝";
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    assertThat(whole(file)).hasSize(9);
    everyCutGivesTheSameDocuments(file);

    Path trailing = dir.resolve("trailing.txt");
    Files.write(trailing, "하나\n둘\r\n\r".getBytes(StandardCharsets.UTF_8));
    everyCutGivesTheSameDocuments(trailing);
  }

  @Test
  void jsonlCutAnywhereGivesTheSameRecordsAndABadRecordNamesItsByte() throws Exception {
    Path file = dir.resolve("t.jsonl");
    String text =
        "{\"text\": \"가나다 라마바\"}\n\n{\"text\": \"second\\nrecord\", \"id\": 2}\r\n"
            + "  \n{\"text\": \"세 번째 😀\"}";
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    assertThat(whole(file)).containsExactly("가나다 라마바", "second\nrecord", "세 번째 😀");
    everyCutGivesTheSameDocuments(file);

    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"text\": \"ok\"}\n{\"body\": \"no text\"}\n");
    assertThatThrownBy(() -> TrainingText.forEachDocument(bad, "text", 3, 100, s -> {}))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("bad.jsonl (line at byte 15)")
        .hasMessageContaining("no text field 'text'");
  }

  @Test
  void invalidUtf8IsRefusedAsByTheWholeFileReader() throws Exception {
    Path file = dir.resolve("broken.txt");
    Files.write(file, new byte[] {'a', '\n', (byte) 0xC3, '(', '\n'});
    assertThatThrownBy(() -> whole(file)).isInstanceOf(UserError.class);
    assertThatThrownBy(() -> pieces(file, 2))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("broken.txt")
        .hasMessageContaining("cannot read");
    assertThat(TrainingText.splittable(file)).isTrue();
    assertThat(TrainingText.splittable(dir.resolve("x.parquet"))).isFalse();
  }
}
