package kr.gukdae.app.arena;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.arena.SafeMarkdown;
import kr.gukdae.arena.SafeMarkdown.Block;
import kr.gukdae.arena.SafeMarkdown.Inline;

/**
 * The safe Markdown tree as plain JSON the page turns into DOM nodes with textContent. A finished
 * answer never changes, so each is rendered once: the stream's last event and every reload of the
 * battle share the cached tree (the most recent {@link #CACHED} answers).
 */
final class MarkdownJson {

  static final int CACHED = 2_000;

  private static final Map<String, List<Map<String, Object>>> CACHE =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Map<String, Object>>> e) {
              return size() > CACHED;
            }
          });

  private MarkdownJson() {}

  static List<Map<String, Object>> of(String answer) {
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

  private static Map<String, Object> block(Block block) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (block) {
      case SafeMarkdown.Paragraph p -> {
        out.put("t", "p");
        out.put("c", inlines(p.inlines()));
      }
      case SafeMarkdown.Heading h -> {
        out.put("t", "h" + Math.min(6, h.level() + 2));
        out.put("c", inlines(h.inlines()));
      }
      case SafeMarkdown.Quote q -> {
        out.put("t", "blockquote");
        out.put("c", inlines(q.inlines()));
      }
      case SafeMarkdown.CodeBlock c -> {
        out.put("t", "pre");
        out.put("s", c.code());
      }
      case SafeMarkdown.ListBlock l -> {
        out.put("t", l.ordered() ? "ol" : "ul");
        out.put("items", l.items().stream().map(MarkdownJson::inlines).toList());
      }
    }
    return out;
  }

  private static List<Map<String, String>> inlines(List<Inline> inlines) {
    return inlines.stream()
        .map(inline ->
            switch (inline) {
              case SafeMarkdown.Text t -> Map.of("t", "text", "s", t.text());
              case SafeMarkdown.Strong s -> Map.of("t", "strong", "s", s.text());
              case SafeMarkdown.Emphasis e -> Map.of("t", "em", "s", e.text());
              case SafeMarkdown.Code c -> Map.of("t", "code", "s", c.text());
              case SafeMarkdown.Link l -> Map.of("t", "a", "s", l.text(), "href", l.href());
            })
        .toList();
  }
}
