package kr.gukdae.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs built to make a backtracking parser go quadratic (the 40,000 {@code [} took 23 s).
 * The parser is a single pass now; these check it still says the right thing on them. How long they
 * take is measured in {@code benchmarks/markdown}, not here.
 */
class SafeMarkdownAdversarialTest {

  private static String text(List<SafeMarkdown.Block> blocks) {
    return blocks.stream()
        .map(b -> ((SafeMarkdown.Paragraph) b).inlines())
        .flatMap(List::stream)
        .map(SafeMarkdown.Inline::text)
        .collect(Collectors.joining());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"[", "![", "*", "_", "`", "**a", "__a", "[a](", "[a](b ", "![a](", "*a", "_a"})
  void unclosedDelimitersStayLiteralText(String unit) {
    String input = unit.repeat(SafeMarkdown.MAX_CHARS / unit.length());
    var blocks = SafeMarkdown.parse(input);
    assertThat(blocks).hasSize(1);
    if (!(blocks.getFirst() instanceof SafeMarkdown.Paragraph)) {
      return; // a line of backticks opens a code block, which holds the rest verbatim
    }
    // whatever spans were found, no character is invented (delimiters of spans are dropped)
    String out = text(blocks);
    assertThat(out.length()).isLessThanOrEqualTo(input.length());
    if (unit.equals("[") || unit.equals("![") || unit.equals("[a](")) {
      assertThat(out.equals(input)).as("unclosed %s stays literal", unit).isTrue();
    }
  }

  @org.junit.jupiter.api.Test
  void manyClosedSpansInOneLineAreAllFound() {
    String input = "**b** [l](https://example.org/x) `c` _e_ ".repeat(900);
    var inlines = ((SafeMarkdown.Paragraph) SafeMarkdown.parse(input).getFirst()).inlines();
    assertThat(inlines.stream().filter(i -> i instanceof SafeMarkdown.Strong)).hasSize(900);
    assertThat(inlines.stream().filter(i -> i instanceof SafeMarkdown.Link)).hasSize(900);
    assertThat(inlines.stream().filter(i -> i instanceof SafeMarkdown.Code)).hasSize(900);
    assertThat(inlines.stream().filter(i -> i instanceof SafeMarkdown.Emphasis)).hasSize(900);
  }
}
