package kr.gukdae.lineage;

import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one model object in the Hub API's JSON shape from a streaming parser into a {@link
 * RawModel}, field by field, so that millions of records need no tree per record. A field of the
 * wrong type marks the record faulty (it goes to the skip report) but the parser still ends at the
 * object's close so the next record reads cleanly.
 */
final class HubRecordReader {

  static final int MAX_ID_CHARS = 200;

  private HubRecordReader() {}

  /** Reads the object whose START_OBJECT the parser is on. */
  static void read(JsonParser p, RawModel m) {
    String legacyId = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "id" -> m.id = text(p, t, m, "id");
        case "modelId" -> legacyId = text(p, t, m, "modelId");
        case "author" -> m.author = text(p, t, m, "author");
        case "createdAt" -> m.createdAt = time(text(p, t, m, "createdAt"), m, "createdAt");
        case "lastModified" ->
            m.lastModified = time(text(p, t, m, "lastModified"), m, "lastModified");
        case "downloads" -> m.downloads = count(p, t, m, "downloads");
        case "likes" -> m.likes = count(p, t, m, "likes");
        case "tags" -> tags(p, t, m);
        case "siblings" -> siblings(p, t, m);
        case "cardData" -> cardData(p, t, m);
        case "library_name" -> library(text(p, t, m, "library_name"), m);
        default -> p.skipChildren();
      }
    }
    if (m.id == null) {
      m.id = legacyId;
    }
  }

  static @Nullable String text(JsonParser p, JsonToken t, RawModel m, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      fault(m, "field '" + field + "' should be a string but is " + JsonToken.valueDescFor(t));
      p.skipChildren();
      return null;
    }
    return p.getString();
  }

  private static long time(@Nullable String text, RawModel m, String field) {
    if (text == null) {
      return RawModel.MISSING;
    }
    try {
      return IsoTime.parse(text);
    } catch (DateTimeParseException e) {
      fault(m, "field '" + field + "' is not an ISO-8601 instant: " + Bounded.of(text, 40));
      return RawModel.MISSING;
    }
  }

  private static int count(JsonParser p, JsonToken t, RawModel m, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return -1;
    }
    if (t != JsonToken.VALUE_NUMBER_INT) {
      fault(
          m, "field '" + field + "' should be a whole number but is " + JsonToken.valueDescFor(t));
      p.skipChildren();
      return -1;
    }
    long v = p.getLongValue();
    return v < 0 ? 0 : (int) Math.min(v, Integer.MAX_VALUE);
  }

  private static void tags(JsonParser p, JsonToken t, RawModel m) {
    if (t != JsonToken.START_ARRAY) {
      if (t != JsonToken.VALUE_NULL) {
        fault(m, "field 'tags' should be a list of strings");
      }
      p.skipChildren();
      return;
    }
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_STRING) {
        tag(p.getString(), m);
      } else {
        p.skipChildren();
      }
    }
  }

  static void tag(String tag, RawModel m) {
    if (tag.startsWith("base_model:")) {
      String rest = tag.substring("base_model:".length());
      int colon = rest.indexOf(':');
      int slash = rest.indexOf('/');
      // "base_model:<relation>:<repo>" has a colon before the repo's slash; plain
      // "base_model:<repo>" has none (repo ids cannot contain colons).
      if (colon > 0 && (slash < 0 || colon < slash)) {
        m.tagBases.add(rest.substring(0, colon));
        m.tagBases.add(rest.substring(colon + 1));
      } else if (!rest.isEmpty()) {
        m.tagBases.add("");
        m.tagBases.add(rest);
      }
    } else if (Artifacts.isQuantTag(tag)) {
      m.quantizedTag = true;
    } else if (tag.equals("peft")) {
      m.adapterFile = true;
    }
  }

  private static void siblings(JsonParser p, JsonToken t, RawModel m) {
    if (t != JsonToken.START_ARRAY) {
      if (t != JsonToken.VALUE_NULL) {
        fault(m, "field 'siblings' should be a list of {rfilename}");
      }
      p.skipChildren();
      return;
    }
    m.siblingsKnown = true;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("rfilename") && v == JsonToken.VALUE_STRING) {
          Artifacts.noteFile(m, p.getString());
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private static void cardData(JsonParser p, JsonToken t, RawModel m) {
    if (t != JsonToken.START_OBJECT) {
      if (t != JsonToken.VALUE_NULL) {
        fault(m, "field 'cardData' should be an object");
      }
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "base_model" -> baseModel(p, v, m);
        case "base_model_relation" -> {
          m.relationPresent = v != JsonToken.VALUE_NULL;
          m.relationText = v == JsonToken.VALUE_STRING ? p.getString() : "(not a string)";
          p.skipChildren();
        }
        case "library_name" -> library(text(p, v, m, "cardData.library_name"), m);
        default -> p.skipChildren();
      }
    }
  }

  private static void baseModel(JsonParser p, JsonToken t, RawModel m) {
    if (t == JsonToken.VALUE_STRING) {
      m.bases.add(p.getString());
    } else if (t == JsonToken.START_ARRAY) {
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == JsonToken.VALUE_STRING) {
          m.bases.add(p.getString());
        } else {
          fault(m, "field 'cardData.base_model' should list repo ids as strings");
          p.skipChildren();
        }
      }
    } else if (t != JsonToken.VALUE_NULL) {
      fault(m, "field 'cardData.base_model' should be a repo id or a list of them");
      p.skipChildren();
    }
  }

  static void library(@Nullable String name, RawModel m) {
    if (name == null) {
      return;
    }
    if (name.equals("peft")) {
      m.adapterFile = true;
    } else if (name.equals("gguf") || name.equals("mlx") && m.quantizedTag) {
      m.quantizedTag = true;
    }
  }

  static void fault(RawModel m, String message) {
    if (m.fault == null) {
      m.fault = message;
    }
  }
}
