package kr.gukdae.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

class DatasetsTest {

  private static List<Row> read(String name, String text) throws IOException {
    return Datasets.read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void csvHandlesQuotesSeparatorsLineBreaksAndAByteOrderMark() throws IOException {
    List<Row> rows = read("x.csv", "\uFEFFq,a\r\n\"여러 줄\n질문, 쉼표\",\"말 \"\"인용\"\"\"\r\nsimple,1\n");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getString("q")).isEqualTo("여러 줄\n질문, 쉼표");
    assertThat(rows.get(0).getString("a")).isEqualTo("말 \"인용\"");
    assertThat(rows.get(1).line()).isEqualTo(4);
  }

  @Test
  void csvWithTheWrongNumberOfFieldsNamesTheLine() {
    assertThatThrownBy(() -> read("bad.csv", "q,a\nok,1\nmissing\n"))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.message(false)).startsWith("bad.csv:3: 1 fields but the header has 2");
              assertThat(e.message(true)).startsWith("bad.csv:3: 필드가 1개인데 머리글은 2개");
            });
  }

  @Test
  void jsonlKeepsTypesAndReportsTheBrokenLine() throws IOException {
    List<Row> rows = read("x.jsonl", "{\"q\": \"a\", \"options\": [\"x\", \"y\"], \"n\": 3}\n\n");
    assertThat(rows.get(0).get("options")).isEqualTo(List.of("x", "y"));
    assertThat(rows.get(0).get("n")).isEqualTo(3);
    assertThatThrownBy(() -> read("y.jsonl", "{\"q\": 1}\n{broken\n"))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> assertThat(e.message(false)).startsWith("y.jsonl:2: not a JSON object"));
  }

  @Test
  void unknownColumnsAndFormatsAreNamed() throws IOException {
    Row row = read("x.csv", "q,a\n1,2\n").get(0);
    assertThatThrownBy(() -> row.get("question"))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.message(false))
                    .isEqualTo("x.csv:2: no column 'question'; the row has [q, a]"));
    assertThatThrownBy(() -> read("x.xlsx", "")).hasMessageContaining("unknown data file format");
  }
}
