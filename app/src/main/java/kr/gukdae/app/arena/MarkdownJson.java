package kr.gukdae.app.arena;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.arena.SafeMarkdown;

/**
 * The safe Markdown tree as plain JSON the page turns into DOM nodes with textContent. A finished
 * answer never changes, so each is rendered once: the stream's last event and every reload of the
 * battle share the cached tree (the most recent {@link #CACHED} answers).
 *
 * <p>Wire shape (read by {@code static/arena/markdown.js}): a block is {@code {"t": "p"|"h3".."h6"|
 * "blockquote", "c": [inline…]}}, {@code {"t": "pre", "s": code}} or {@code {"t": "ul"|"ol",
 * "items": [[inline…]…]}}; an inline is {@code {"t": "text"|"strong"|"em"|"code", "s": text}} or
 * {@code {"t": "a", "s": text, "href": url}}.
 */
final class MarkdownJson {

  static final int CACHED = 2_000;

  /** One block of an answer; {@code t} names the HTML element the page builds. */
  sealed interface Block permits Inlines, Pre, Items {
    String t();
  }

  /** A paragraph, heading or quote: a run of inlines. */
  record Inlines(String t, List<Inline> c) implements Block {}

  /** A code block, shown verbatim. */
  record Pre(String t, String s) implements Block {}

  /** A list: each item a run of inlines. */
  record Items(String t, List<List<Inline>> items) implements Block {}

  /** One run of text inside a block. */
  sealed interface Inline permits Span, Link {
    String t();
  }

  /** Plain, strong, emphasised or code text. */
  record Span(String t, String s) implements Inline {}

  /** A link the page checks again before it makes it clickable. */
  record Link(String t, String s, String href) implements Inline {}

  private static final Map<String, List<Block>> CACHE =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Block>> e) {
              return size() > CACHED;
            }
          });

  private MarkdownJson() {}

  static List<Block> of(String answer) {
    var cached = CACHE.get(answer);
    if (cached != null) {
      return cached;
    }
    var rendered = SafeMarkdown.parse(answer).stream().map(MarkdownJson::block).toList();
    CACHE.put(answer, rendered);
    return rendered;
  }

  /** Whether this answer's tree is cached (for tests). */
  static boolean isCached(String answer) {
    return CACHE.containsKey(answer);
  }

  private static Block block(SafeMarkdown.Block block) {
    return switch (block) {
      case SafeMarkdown.Paragraph p -> new Inlines("p", inlines(p.inlines()));
      case SafeMarkdown.Heading h ->
          new Inlines("h" + Math.min(6, h.level() + 2), inlines(h.inlines()));
      case SafeMarkdown.Quote q -> new Inlines("blockquote", inlines(q.inlines()));
      case SafeMarkdown.CodeBlock c -> new Pre("pre", c.code());
      case SafeMarkdown.ListBlock l ->
          new Items(
              l.ordered() ? "ol" : "ul", l.items().stream().map(MarkdownJson::inlines).toList());
    };
  }

  private static List<Inline> inlines(List<SafeMarkdown.Inline> inlines) {
    return inlines.stream()
        .<Inline>map(inline ->
            switch (inline) {
              case SafeMarkdown.Text t -> new Span("text", t.text());
              case SafeMarkdown.Strong s -> new Span("strong", s.text());
              case SafeMarkdown.Emphasis e -> new Span("em", e.text());
              case SafeMarkdown.Code c -> new Span("code", c.text());
              case SafeMarkdown.Link l -> new Link("a", l.text(), l.href());
            })
        .toList();
  }
}
