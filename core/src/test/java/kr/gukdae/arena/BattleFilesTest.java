package kr.gukdae.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BattleFilesTest {

  @TempDir Path dir;

  static List<Battle> read(String name, String text) {
    return BattleFiles.read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  static void assertError(String name, String text, String... fragments) {
    assertThatThrownBy(() -> read(name, text))
        .isInstanceOf(UserError.class)
        .message()
        .contains(fragments);
  }

  @Test
  void readsFastChatJsonArrayJsonlAndCsvAlike() {
    String array =
        "[{\"model_a\":\"gpt\",\"model_b\":\"hcx\",\"winner\":\"tie (bothbad)\",\"tstamp\":1700000000.5,"
            + "\"judge\":\"u1\",\"language\":\"Korean\",\"anony\":true},"
            + "{\"model_a\":\"hcx\",\"model_b\":\"gpt\",\"winner\":\"model_b\",\"tstamp\":1700000001,"
            + "\"judge\":\"u2\",\"language\":\"English\"}]";
    String jsonl =
        "{\"model_a\":\"gpt\",\"model_b\":\"hcx\",\"winner\":\"tie (bothbad)\",\"tstamp\":1700000000.5,"
            + "\"judge\":\"u1\",\"language\":\"Korean\"}\n"
            + "{\"model_a\":\"hcx\",\"model_b\":\"gpt\",\"winner\":\"model_b\",\"tstamp\":1700000001,"
            + "\"judge\":\"u2\",\"language\":\"English\"}\n";
    String csv =
        "model_a,model_b,winner,tstamp,judge,language\n"
            + "gpt,hcx,tie (bothbad),1700000000.5,u1,Korean\n"
            + "hcx,gpt,model_b,1700000001,u2,English\n";
    List<Battle> a = read("b.json", array);
    assertThat(read("b.jsonl", jsonl)).isEqualTo(a);
    assertThat(read("b.csv", csv)).isEqualTo(a);
    assertThat(a.get(0).outcome()).isEqualTo(Outcome.TIE_BOTHBAD);
    assertThat(a.get(0).timestamp()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_500L));
    assertThat(a.get(1).judge()).isEqualTo("u2");
  }

  @Test
  void readsTheLlmfaoShape() {
    List<Battle> b =
        read(
            "c.csv",
            "id,prompt,worker,winner,left,right\n0,8,58,left,X,Y\n1,8,59,right,X,Y\n2,9,1,tie,Y,X\n");
    assertThat(b)
        .extracting(Battle::outcome)
        .containsExactly(Outcome.MODEL_A, Outcome.MODEL_B, Outcome.TIE);
    assertThat(b.get(0).judge()).isEqualTo("58");
    assertThat(b.get(2).category()).isEqualTo("9");
    assertThat(b.get(2).modelA()).isEqualTo("Y");
  }

  @Test
  void everyBadRowNamesFileLineAndField() {
    String head = "model_a,model_b,winner\nA,B,model_a\n";
    assertError("f.csv", head + "A,B,draw\n", "f.csv:3", "unknown winner 'draw'", "tie (bothbad)");
    assertError("f.csv", head + "A,A,tie\n", "f.csv:3", "both 'A'", "cannot battle itself");
    assertError("f.csv", head + ",B,tie\n", "f.csv:3", "model_a is empty");
    assertError("f.csv", head + "A,B,\n", "f.csv:3", "winner is empty");
    assertError("f.csv", head + "A,B\n", "f.csv:3", "2 fields but the header has 3");
    assertError("f.csv", "a,b,c\n1,2,3\n", "f.csv", "not a battle file", "model_a,model_b,winner");
    assertError("f.csv", "model_a,model_b,result\nA,B,x\n", "f.csv:2", "no 'winner' column");
    assertError("f.csv", "model_a,model_b,winner\n", "f.csv", "no battles");
    assertError(
        "f.csv",
        "model_a,model_b,winner,tstamp\nA,B,tie,yesterday\n",
        "f.csv:2",
        "tstamp 'yesterday'");
    assertError(
        "l.csv", "left,right,winner\nA,B,model_a\n", "l.csv:2", "expected left, right or tie");
    assertError(
        "j.jsonl",
        "{\"model_a\":\"A\",\"model_b\":\"B\",\"winner\":\"tie\"}\n{\"model_a\":\"A\",\"winner\":\"tie\"}\n",
        "j.jsonl:2",
        "no column 'model_b'");
    assertError(
        "s.csv",
        "model_a,model_b,winner,style_a_length,style_a_headers,style_a_list_items,style_a_bold\n"
            + "A,B,tie,10,0,0,0\n",
        "s.csv:2",
        "one answer only");
    assertError(
        "s.csv",
        "model_a,model_b,winner,style_a_length,style_a_headers,style_a_list_items,style_a_bold,"
            + "style_b_length,style_b_headers,style_b_list_items,style_b_bold\n"
            + "A,B,tie,10,0,-1,0,5,0,0,0\n",
        "s.csv:2",
        "style_a_list_items must be a whole number");
    assertError("f.csv", head + "A," + "x".repeat(300) + ",tie\n", "f.csv:3", "longer than 200");
  }

  @Test
  void missingFileIsAUserError() {
    assertThatThrownBy(() -> BattleFiles.read(dir.resolve("nope.json")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("nope.json");
  }

  @Test
  void jsonlExportReadsBackWithStyle() throws Exception {
    List<Battle> battles = Simulated.battles(new double[] {1000, 1100, 900}, 50, 0.3, 1);
    var out = new StringWriter();
    BattleFiles.writeJsonl(battles, out);
    Path file = dir.resolve("export.jsonl");
    Files.writeString(file, out.toString());
    assertThat(BattleFiles.read(file)).isEqualTo(battles);
  }

  @Test
  void readsFastChatConvMetadataStyle() {
    String row =
        "{\"model_a\":\"A\",\"model_b\":\"B\",\"winner\":\"model_a\",\"conv_metadata\":{"
            + "\"sum_assistant_a_tokens\":120,\"sum_assistant_b_tokens\":40,"
            + "\"header_count_a\":{\"h1\":1,\"h2\":2},\"header_count_b\":{\"h1\":0},"
            + "\"list_count_a\":{\"ordered\":3,\"unordered\":4},\"list_count_b\":{\"ordered\":0},"
            + "\"bold_count_a\":{\"**\":5,\"__\":0},\"bold_count_b\":{\"**\":1}}}\n";
    Battle b = read("m.jsonl", row).get(0);
    assertThat(b.styleA()).isEqualTo(new StyleFeatures(120, 3, 7, 5));
    assertThat(b.styleB()).isEqualTo(new StyleFeatures(40, 0, 0, 1));
  }

  @Test
  void countsMarkdownStyle() {
    String md =
        "# Title\n\nSome **bold** and __more__.\n\n- one\n- two\n1. three\n```\n# not a header\n- no\n```\n";
    StyleFeatures f = StyleFeatures.of(md);
    assertThat(f.headers()).isEqualTo(1);
    assertThat(f.listItems()).isEqualTo(3);
    assertThat(f.bold()).isEqualTo(2);
    assertThat(f.length()).isEqualTo(md.length());
  }

  @Test
  void readsAndValidatesTheOptionalWeightColumn() {
    String csv = "model_a,model_b,winner,weight\nA,B,model_a,0.5\nA,B,tie,\nB,A,model_b,2\n";
    String jsonl =
        "{\"model_a\":\"A\",\"model_b\":\"B\",\"winner\":\"model_a\",\"weight\":0.5}\n"
            + "{\"model_a\":\"A\",\"model_b\":\"B\",\"winner\":\"tie\"}\n"
            + "{\"model_a\":\"B\",\"model_b\":\"A\",\"winner\":\"model_b\",\"weight\":\"2\"}\n";
    List<Battle> fromCsv = read("w.csv", csv);
    assertThat(fromCsv).extracting(Battle::weight).containsExactly(0.5, 1.0, 2.0);
    assertThat(read("w.jsonl", jsonl)).isEqualTo(fromCsv);
    String head = "model_a,model_b,winner,weight\nA,B,tie,1\n";
    for (String bad : List.of("0", "-1", "NaN", "Infinity", "heavy", "1e400")) {
      assertError(
          "w.csv", head + "A,B,tie," + bad + "\n", "w.csv:3", "weight '" + bad + "'", "> 0");
    }
    assertError(
        "w.jsonl",
        "{\"model_a\":\"A\",\"model_b\":\"B\",\"winner\":\"tie\",\"weight\":-0.25}\n",
        "w.jsonl:1",
        "weight '-0.25'");
  }

  @Test
  void weightsSurviveTheJsonlExport() {
    List<Battle> battles =
        Simulated.battles(new double[] {1000, 1100, 900}, 30, 0.3, 2).stream()
            .map(b -> b.withWeight(1.0 / (1 + (b.judge().hashCode() & 3))))
            .toList();
    var out = new StringWriter();
    BattleFiles.writeJsonl(battles, out);
    assertThat(read("e.jsonl", out.toString())).isEqualTo(battles);
  }
}
