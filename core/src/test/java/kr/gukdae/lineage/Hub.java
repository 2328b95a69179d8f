package kr.gukdae.lineage;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds model records in the Hub API's JSON shape for tests. */
public final class Hub {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Hub() {}

  public static Model model(String id) {
    return new Model(id);
  }

  static Lineage load(Model... models) {
    return load(Lineage.loader(), models);
  }

  static Lineage load(Lineage.Loader loader, Model... models) {
    StringBuilder lines = new StringBuilder();
    for (Model m : models) {
      lines.append(m.json()).append('\n');
    }
    return loader
        .addJsonLines("test.jsonl", new BufferedReader(new StringReader(lines.toString())))
        .build();
  }

  /** One record; defaults: owner from the id, created 2025-09-01, weights and a README. */
  public static final class Model {
    final ObjectNode node = JSON.createObjectNode();
    private final List<String> files = new ArrayList<>(List.of("model.safetensors", "README.md"));
    private final ObjectNode card = JSON.createObjectNode();

    Model(String id) {
      node.put("id", id);
      node.put("author", id.substring(0, Math.max(0, id.indexOf('/'))));
      node.put("createdAt", "2025-09-01T00:00:00.000Z");
      node.put("lastModified", "2025-09-02T00:00:00.000Z");
      node.put("downloads", 100);
      node.put("likes", 5);
      node.putArray("tags");
    }

    public Model base(String... bases) {
      if (bases.length == 1) {
        card.put("base_model", bases[0]);
      } else {
        ArrayNode list = card.putArray("base_model");
        for (String b : bases) {
          list.add(b);
        }
      }
      return this;
    }

    public Model relation(String relation) {
      card.put("base_model_relation", relation);
      return this;
    }

    public Model tag(String tag) {
      ((ArrayNode) node.get("tags")).add(tag);
      return this;
    }

    public Model files(String... names) {
      files.clear();
      files.addAll(List.of(names));
      return this;
    }

    public Model created(String iso) {
      node.put("createdAt", iso);
      node.put("lastModified", iso);
      return this;
    }

    public Model modified(String iso) {
      node.put("lastModified", iso);
      return this;
    }

    public Model set(String field, Object value) {
      node.putPOJO(field, value);
      return this;
    }

    public Model author(String author) {
      node.put("author", author);
      return this;
    }

    public String json() {
      ArrayNode siblings = node.putArray("siblings");
      for (String f : files) {
        siblings.addObject().put("rfilename", f);
      }
      if (!card.isEmpty()) {
        node.set("cardData", card);
      }
      return JSON.writeValueAsString(node);
    }
  }
}
