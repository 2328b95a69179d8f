package kr.gukdae.eval.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceScoresTest {

  @TempDir Path tmp;

  private final ReferenceScores demo = ReferenceScores.demo();

  @Test
  void targetModelComparisonGivesTheAchievementRatio() {
    var target = demo.find("DEMO-FRONTIER-A", "KO/KMMLU", "acc").orElseThrow();
    var achievement = ReferenceScores.achievement(74.1, target);
    assertThat(achievement.ratio()).isCloseTo(0.95, within(1e-9));
    assertThat(achievement.meets(Achievement.PROGRAMME_GOAL)).isTrue();
    assertThat(ReferenceScores.achievement(74.0, target).meets(Achievement.PROGRAMME_GOAL))
        .isFalse();
  }

  @Test
  void movingTargetIsTheBestModelReleasedInTheWindow() {
    // On 2026-01-15 with 6 months: only B (2025-08-20) is recent; C scores higher but is older.
    var best = demo.bestWithin("ko/kmmlu", "acc", LocalDate.of(2026, 1, 15), 6).orElseThrow();
    assertThat(best.model()).isEqualTo("demo-frontier-b");
    // With 18 months C (84.0, 2024-11-02) is inside the window and wins.
    assertThat(
            demo.bestWithin("ko/kmmlu", "acc", LocalDate.of(2026, 1, 15), 18).orElseThrow().model())
        .isEqualTo("demo-frontier-c");
    // B (released after the date) and C (before the window) do not count.
    assertThat(
            demo.bestWithin("ko/kmmlu", "acc", LocalDate.of(2025, 6, 1), 6).orElseThrow().model())
        .isEqualTo("demo-frontier-a");
    assertThat(demo.bestWithin("ko/kmmlu", "acc", LocalDate.of(2023, 1, 1), 6)).isEmpty();
    assertThat(demo.all()).allMatch(s -> s.source().startsWith("DEMO"));
  }

  @Test
  void badLinesNameTheFileLineAndField() throws Exception {
    Path file = tmp.resolve("refs.csv");
    Files.writeString(
        file,
        "model,benchmark,metric,score,release_date,source\n"
            + "m,b,acc,80,2025-01-01,paper\n"
            + "m,b,acc,80,01/02/2025,paper\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ReferenceScores.read(file))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("refs.csv:3")
        .hasMessageContaining("release_date '01/02/2025' must be YYYY-MM-DD");
    Files.writeString(file, "model,benchmark,score\nm,b,1\n");
    assertThatThrownBy(() -> ReferenceScores.read(file))
        .hasMessageContaining("column 'metric' is missing");
    Files.writeString(
        file, "model,benchmark,metric,score,release_date,source\nm,b,acc,x,2025-01-01,p\n");
    assertThatThrownBy(() -> ReferenceScores.read(file))
        .hasMessageContaining("score 'x' is not a number");
    // the record's own checks, each half with the row's place in front
    Files.writeString(
        file, "model,benchmark,metric,score,release_date,source\nm,b,acc,-3,2025-01-01,p\n");
    assertThatThrownBy(() -> ReferenceScores.read(file))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> {
              assertThat(e.message(true)).contains("refs.csv:2").contains("score는 양수여야");
              assertThat(e.message(false))
                  .contains("refs.csv:2")
                  .contains("score must be a positive number, got -3.0");
            });
  }
}
