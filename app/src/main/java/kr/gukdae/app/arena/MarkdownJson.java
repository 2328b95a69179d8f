package kr.gukdae.app.arena;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.arena.SafeMarkdown;
import kr.gukdae.arena.SafeMarkdown.Block;
import kr.gukdae.arena.SafeMarkdown.Inline;

/** The safe Markdown tree as plain JSON the page turns into DOM nodes with textContent. */
final class MarkdownJson {

  private MarkdownJson() {}

  static List<Map<String, Object>> of(String answer) {
    return SafeMarkdown.parse(answer).stream().map(MarkdownJson::block).toList();
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
