package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.eval.Task;
import org.junit.jupiter.api.Test;

/**
 * The first two prompts of every built-in task at 0 and 5 shots, pinned byte for byte in {@code
 * golden/builtin-prompts.txt}. The file was reviewed against lm-evaluation-harness's rules
 * (few-shot order from CPython's {@code Random(1234)} per document, see {@link
 * FewshotFidelityTest}); a change to any prompt shows up as a diff of that file. Regenerate it
 * deliberately with {@code -Dgukdae.golden.write=true} and review the diff.
 */
class GoldenPromptsTest {

  private static final String FILE = "golden/builtin-prompts.txt";

  @Test
  void everyBuiltInPromptMatchesTheGoldenFile() throws IOException {
    String actual = render();
    if (Boolean.getBoolean("gukdae.golden.write")) {
      Files.writeString(Path.of("src/test/resources", FILE), actual, StandardCharsets.UTF_8);
    }
    String expected;
    try (InputStream in = GoldenPromptsTest.class.getClassLoader().getResourceAsStream(FILE)) {
      assertThat(in).as(FILE).isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(expected);
  }

  static String render() {
    var registry = TaskRegistry.create(List.of());
    var out = new StringBuilder();
    for (var entry : registry.entries().stream().filter(e -> !e.needsDataDir()).toList()) {
      for (int shots : new int[] {0, 5}) {
        out.append("===== ").append(entry.name()).append(" shots=").append(shots).append('\n');
        try {
          Task task = registry.load(entry.name(), new TaskLoader.Options(shots, null, null));
          out.append("n-shot=").append(task.config().numFewshot()).append('\n');
          for (int i = 0; i < Math.min(2, task.samples().size()); i++) {
            out.append("----- doc ").append(i).append('\n');
            out.append(task.samples().get(i).prompt()).append("\n");
          }
        } catch (UserError e) {
          out.append("ERROR ").append(e.getMessage()).append('\n');
        }
      }
    }
    return out.toString();
  }
}
