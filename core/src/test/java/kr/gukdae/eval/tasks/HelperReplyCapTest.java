package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack: a helper that answers with a huge text, to exhaust gukdae's memory. A reply past the
 * cap is refused as soon as the cap is passed (never read whole), the process is stopped, and the
 * error names the helper and the cap in English and Korean; the next call gets a fresh process.
 */
class HelperReplyCapTest {

  @TempDir Path tmp;

  @Test
  void aHugeReplyIsCutOffAtTheCapAndNamesTheHelperAndTheCap() throws Exception {
    Files.writeString(
        tmp.resolve("utils.py"),
        """
        def huge(doc):
            return "x" * (64 * 1024 * 1024)

        def small(doc):
            return "ok"
        """);
    Files.writeString(tmp.resolve("t.yaml"), "task: t\n");
    var huge = new HelperRef(tmp.resolve("t.yaml"), "utils.huge");
    var small = new HelperRef(tmp.resolve("t.yaml"), "utils.small");
    // 1 MiB + 1 KiB a document; the helper's 64 MiB, 64 times the cap
    var limits =
        new PythonHelpers.Limits(
            Duration.ofSeconds(60), Duration.ZERO, 60, 2L << 30, 30, 1L << 20, 1L << 10);
    try (var python = new PythonHelpers("t.yaml", List.of(huge, small), limits)) {
      assertThatThrownBy(() -> python.map(huge, List.of(Map.of(), Map.of())))
          .isInstanceOfSatisfying(
              UserError.class,
              e -> {
                assertThat(e.message(false))
                    .contains("t.yaml: helper utils.huge")
                    .contains("replied with more than 1050624 bytes")
                    .contains("2 document(s) (1 MiB + 1 KiB a document)")
                    .contains("GUKDAE_PYTHON_REPLY_MB");
                assertThat(e.message(true))
                    .startsWith("t.yaml: 헬퍼 utils.huge")
                    .contains("상한 1050624바이트", "GUKDAE_PYTHON_REPLY_MB");
              });
      // a reply under the cap still works, from a fresh process
      assertThat(python.map(small, List.of(Map.of()))).containsExactly("ok");
    }
  }

  @Test
  void theDefaultCapGrowsWithTheBatch() {
    var limits = PythonHelpers.Limits.defaults();
    assertThat(limits.replyCap(0)).isEqualTo(32L << 20);
    assertThat(limits.replyCap(35_030)).isEqualTo((32L << 20) + 35_030L * (8 << 10));
  }
}
