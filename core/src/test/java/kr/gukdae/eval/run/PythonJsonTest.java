package kr.gukdae.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * lm-eval's doc_hash input, against CPython 3.11's json.dumps(doc, indent=2, ensure_ascii=False).
 */
class PythonJsonTest {

  @Test
  void matchesPythonsIndentedDumpAndItsHash() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("question", "대한민국의 수도는?\n\"서울\"");
    doc.put("answer", 2);
    doc.put("choices", List.of("a", "b"));
    doc.put("score", 0.5);
    doc.put("tiny", 1e-05);
    doc.put("big", 1e16);
    doc.put("none", null);
    doc.put("ok", true);
    doc.put("nested", Map.of());
    doc.put("e", List.of());
    doc.put("ctl", "\u0001\t");
    String text = PythonJson.dumpsIndent2(doc);
    assertThat(text)
        .isEqualTo(
            "{\n  \"question\": \"대한민국의 수도는?\\n\\\"서울\\\"\",\n  \"answer\": 2,\n"
                + "  \"choices\": [\n    \"a\",\n    \"b\"\n  ],\n  \"score\": 0.5,\n"
                + "  \"tiny\": 1e-05,\n  \"big\": 1e+16,\n  \"none\": null,\n  \"ok\": true,\n"
                + "  \"nested\": {},\n  \"e\": [],\n  \"ctl\": \"\\u0001\\t\"\n}");
    // hashlib.sha256(s.encode()).hexdigest() in CPython
    assertThat(kr.gukdae.Sha256.hex(text))
        .isEqualTo("b6e4f9ead133e253906911138c6371490e9571dff17e88f094adaf16b11900a9");
  }
}
