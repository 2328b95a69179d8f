package kr.gukdae.arena;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model answers as a small, safe Markdown tree. Nothing here is ever HTML: raw tags stay literal
 * text, images become their alt text (no remote fetches that could track voters or reveal a
 * vendor's CDN), and links survive only with an {@code http(s)} target. The page builds DOM nodes
 * from the tree with {@code textContent}, so no string from a model is parsed as markup.
 */
public final class SafeMarkdown {

  /** Longest answer rendered; the rest is cut so a runaway model cannot bloat the page. */
  public static final int MAX_CHARS = 40_000;

  /** A block of the rendered answer. */
  public sealed interface Block permits Paragraph, Heading, CodeBlock, ListBlock, Quote {}

  public record Paragraph(List<Inline> inlines) implements Block {
    public Paragraph {
      inlines = List.copyOf(inlines);
    }
  }

  public record Heading(int level, List<Inline> inlines) implements Block {
    public Heading {
      if (level < 1 || level > 6) {
        throw new IllegalArgumentException("bug: heading level 1-6, got " + level);
      }
      inlines = List.copyOf(inlines);
    }
  }

  public record CodeBlock(String code) implements Block {
    public CodeBlock {
      Objects.requireNonNull(code, "code");
    }
  }

  public record ListBlock(boolean ordered, List<List<Inline>> items) implements Block {
    public ListBlock {
      items = items.stream().map(List::copyOf).toList();
    }
  }

  public record Quote(List<Inline> inlines) implements Block {
    public Quote {
      inlines = List.copyOf(inlines);
    }
  }

  /** A run of text inside a block. */
  public sealed interface Inline permits Text, Strong, Emphasis, Code, Link {
    String text();
  }

  public record Text(String text) implements Inline {}

  public record Strong(String text) implements Inline {}

  public record Emphasis(String text) implements Inline {}

  public record Code(String text) implements Inline {}

  /** A link whose target is known to be {@code http} or {@code https}. */
  public record Link(String text, String href) implements Inline {
    public Link {
      if (!isSafeHref(href)) {
        // the parser makes a Link only after isSafeHref; anything else stays text
        throw new IllegalArgumentException("bug: unsafe link target: " + href);
      }
    }
  }

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
  private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,9}[.)]\\s+(.*)$");

  private SafeMarkdown() {}

  public static List<Block> parse(String markdown) {
    String text = markdown.length() > MAX_CHARS ? markdown.substring(0, MAX_CHARS) : markdown;
    text = text.replace("\r\n", "\n").replace('\r', '\n').replace("\0", "");
    List<Block> blocks = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    List<String> paragraph = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().startsWith("```")) {
        flush(paragraph, blocks);
        StringBuilder code = new StringBuilder();
        for (i++; i < lines.length && !lines[i].strip().startsWith("```"); i++) {
          code.append(code.isEmpty() ? "" : "\n").append(lines[i]);
        }
        blocks.add(new CodeBlock(code.toString()));
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      Matcher bullet = BULLET.matcher(line);
      Matcher numbered = NUMBERED.matcher(line);
      if (line.isBlank()) {
        flush(paragraph, blocks);
      } else if (heading.matches()) {
        flush(paragraph, blocks);
        blocks.add(new Heading(heading.group(1).length(), inlines(heading.group(2))));
      } else if (bullet.matches() || numbered.matches()) {
        flush(paragraph, blocks);
        boolean ordered = !bullet.matches();
        List<List<Inline>> items = new ArrayList<>();
        for (; i < lines.length; i++) {
          Matcher item = (ordered ? NUMBERED : BULLET).matcher(lines[i]);
          if (!item.matches()) {
            break;
          }
          items.add(inlines(item.group(1)));
        }
        i--;
        blocks.add(new ListBlock(ordered, items));
      } else if (line.startsWith(">")) {
        flush(paragraph, blocks);
        blocks.add(new Quote(inlines(line.substring(1).strip())));
      } else {
        paragraph.add(line.strip());
      }
    }
    flush(paragraph, blocks);
    return blocks;
  }

  private static void flush(List<String> paragraph, List<Block> blocks) {
    if (!paragraph.isEmpty()) {
      blocks.add(new Paragraph(inlines(String.join("\n", paragraph))));
      paragraph.clear();
    }
  }

  /**
   * Inline spans in one left-to-right pass: images (alt text only), links, code, strong and
   * emphasis, the first closing delimiter ending a span. Where each delimiter next occurs is
   * precomputed, so every position costs O(1) and the whole line O(n): a regular expression with
   * backtracking took quadratic time on inputs like 40,000 {@code [} (23 s in the issue).
   */
  static List<Inline> inlines(String text) {
    Next next = new Next(text);
    List<Inline> out = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      Inline span = null;
      int end = -1;
      if (c == '!' && i + 1 < n && text.charAt(i + 1) == '[') {
        int close = next.at(']', i + 2);
        int paren = close + 1 < n && text.charAt(close + 1) == '(' ? next.at(')', close + 2) : -1;
        if (close >= 0 && paren >= 0) {
          span = new Text(text.substring(i + 2, close));
          end = paren + 1;
        }
      } else if (c == '[') {
        int close = next.at(']', i + 1);
        int paren =
            close > i + 1 && close + 1 < n && text.charAt(close + 1) == '('
                ? next.at(')', close + 2)
                : -1;
        if (paren >= 0 && next.space(close + 2) > paren) {
          String label = text.substring(i + 1, close);
          String href = text.substring(close + 2, paren);
          span = isSafeHref(href) ? new Link(label, href) : new Text(label);
          end = paren + 1;
        }
      } else if (c == '`') {
        int close = next.at('`', i + 1);
        if (close > i + 1) {
          span = new Code(text.substring(i + 1, close));
          end = close + 1;
        }
      } else if (c == '*' || c == '_') {
        boolean twice = i + 1 < n && text.charAt(i + 1) == c;
        int close = next.at(c, i + (twice ? 2 : 1));
        if (twice && close > i + 2 && close + 1 < n && text.charAt(close + 1) == c) {
          span = new Strong(text.substring(i + 2, close));
          end = close + 2;
        } else if (!twice
            && i + 1 < n
            && !Character.isWhitespace(text.charAt(i + 1))
            && close > i + 1) {
          span = new Emphasis(text.substring(i + 1, close));
          end = close + 1;
        }
      }
      if (span == null) {
        plain.append(c);
        i++;
        continue;
      }
      if (!plain.isEmpty()) {
        out.add(new Text(plain.toString()));
        plain.setLength(0);
      }
      out.add(span);
      i = end;
    }
    if (!plain.isEmpty()) {
      out.add(new Text(plain.toString()));
    }
    return out;
  }

  /** For each position, where each delimiter (and whitespace) next occurs; -1 or n when never. */
  private static final class Next {
    private static final String DELIMITERS = "]`)*_";
    private final int[][] at;
    private final int[] space;

    Next(String text) {
      int n = text.length();
      at = new int[DELIMITERS.length()][n + 1];
      space = new int[n + 1];
      for (int[] row : at) {
        row[n] = -1;
      }
      space[n] = n;
      for (int i = n - 1; i >= 0; i--) {
        char c = text.charAt(i);
        for (int d = 0; d < DELIMITERS.length(); d++) {
          at[d][i] = c == DELIMITERS.charAt(d) ? i : at[d][i + 1];
        }
        space[i] = Character.isWhitespace(c) ? i : space[i + 1];
      }
    }

    /** The first index >= from holding {@code c}, or -1. */
    int at(char c, int from) {
      int[] row = at[DELIMITERS.indexOf(c)];
      return from >= row.length ? -1 : row[from];
    }

    /** The first whitespace index >= from, or the length. */
    int space(int from) {
      return from >= space.length ? space.length - 1 : space[from];
    }
  }

  /** Only absolute http(s) URLs with a host; no scripts, data: or protocol-relative tricks. */
  static boolean isSafeHref(String href) {
    if (href.length() > 2000 || href.chars().anyMatch(c -> c < 0x21 || c == '"' || c == '\\')) {
      return false;
    }
    try {
      var uri = new java.net.URI(href);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** HTML for tests and exports: every text is escaped; the only tags are the ones built here. */
  public static String toHtml(List<Block> blocks) {
    return HtmlWriter.write(blocks);
  }
}
