package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Votes and rubric scores are evidence: no source file of the application may update or delete
 * them. The one-vote rule itself is exercised in {@link VoteRulesTest}.
 */
class AppendOnlyTest {

  private static final Pattern WRITE =
      Pattern.compile(
          "(UPDATE\\s+arena_(vote|rubric_score)\\b|DELETE\\s+FROM\\s+arena_(vote|rubric_score)\\b"
              + "|TRUNCATE\\s+(TABLE\\s+)?arena_(vote|rubric_score)\\b"
              + "|ON\\s+CONFLICT[^\"]*DO\\s+UPDATE)",
          Pattern.CASE_INSENSITIVE);

  @Test
  void nothingUpdatesOrDeletesVotesOrRubricScores() throws IOException {
    Path main = Path.of("src/main");
    assertThat(main.resolve("java/kr/gukdae/app/arena/Votes.java")).exists();
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(main)) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
              .filter(p -> {
                try {
                  return WRITE.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              })
              .toList();
    }
    assertThat(offenders).isEmpty();
    // The pattern itself must catch what it is meant to catch.
    assertThat(WRITE.matcher("jdbc.sql(\"UPDATE arena_vote SET outcome = ?\")").find()).isTrue();
    assertThat(WRITE.matcher("DELETE FROM arena_rubric_score WHERE 1=1").find()).isTrue();
  }
}
