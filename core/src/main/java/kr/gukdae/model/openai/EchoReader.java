package kr.gukdae.model.openai;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.model.ModelException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the echoed prompt tokens of a completions answer in one streaming pass. An echo answer
 * carries a few values per prompt token; building a JSON tree of it first cost more CPU than the
 * HTTP exchange, and log-likelihood tasks send four to ten of them per question. The checks are the
 * tree reader's: one JSON object, no duplicate keys, nothing after it, arrays of one length.
 */
final class EchoReader {

  /**
   * Names in {@code top_logprobs} are tokens, thousands of distinct ones: not worth interning in
   * the parser's symbol table, where they cost more than the parse.
   */
  private static final JsonFactory TOKENS =
      JsonFactory.builder()
          .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final URI from;
  private final JsonParser p;
  private @Nullable List<String> tokens;
  private @Nullable List<@Nullable Double> logprobs;
  private @Nullable List<Integer> offsets;
  private @Nullable List<@Nullable Map<String, Double>> tops;
  private boolean sawLogprobs;

  private EchoReader(byte[] body, URI from) {
    this.from = from;
    this.p = TOKENS.createParser(ObjectReadContext.empty(), body);
  }

  /** The echo, or null when the answer carries no log-probs block. */
  static Logprobs.@Nullable Echo read(byte[] body, URI from) {
    EchoReader reader = new EchoReader(body, from);
    try (JsonParser parser = reader.p) {
      return reader.root();
    } catch (JacksonException e) {
      throw Failures.malformed(
          from, "not valid JSON (" + Wire.firstLine(e.getOriginalMessage()) + ")");
    }
  }

  private Logprobs.@Nullable Echo root() {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw bad("expected a JSON object");
    }
    boolean sawChoice = false;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken value = p.nextToken();
      if (name.equals("choices") && value == JsonToken.START_ARRAY) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw bad("no choices[0] object");
        }
        firstChoice();
        sawChoice = true;
        skipRest();
      } else if (name.equals("choices")) {
        throw bad("no choices[0] object");
      } else {
        p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      throw bad("trailing content after the JSON object");
    }
    if (!sawChoice) {
      throw bad("no choices[0] object");
    }
    return echo();
  }

  private void firstChoice() {
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken value = p.nextToken();
      if (name.equals("logprobs") && value == JsonToken.START_OBJECT) {
        sawLogprobs = true;
        logprobsBlock();
      } else {
        p.skipChildren();
      }
    }
  }

  private void logprobsBlock() {
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken value = p.nextToken();
      boolean array = value == JsonToken.START_ARRAY;
      switch (name) {
        case "tokens" -> tokens = array ? strings() : skip(null);
        case "token_logprobs" -> logprobs = array ? numbers() : skip(null);
        case "text_offset" -> offsets = array ? integers() : nullOr(value, "text_offset");
        case "top_logprobs" -> tops = array ? alternatives() : nullOr(value, "top_logprobs");
        default -> p.skipChildren();
      }
    }
  }

  private List<String> strings() {
    List<String> out = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_STRING) {
        throw bad("logprobs.tokens[" + out.size() + "] is not a string");
      }
      out.add(p.getString());
    }
    return out;
  }

  private List<@Nullable Double> numbers() {
    List<@Nullable Double> out = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == JsonToken.VALUE_NULL) {
        out.add(null);
      } else if (t.isNumeric()) {
        out.add(p.getDoubleValue());
      } else {
        throw bad("logprobs.token_logprobs[" + out.size() + "] is not a number");
      }
    }
    return out;
  }

  private List<Integer> integers() {
    List<Integer> out = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_NUMBER_INT) {
        throw bad("logprobs.text_offset[" + out.size() + "] is not an integer");
      }
      out.add(p.getIntValue());
    }
    return out;
  }

  private List<@Nullable Map<String, Double>> alternatives() {
    List<@Nullable Map<String, Double>> out = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == JsonToken.VALUE_NULL) {
        out.add(null);
        continue;
      }
      if (t != JsonToken.START_OBJECT) {
        throw bad("a top_logprobs entry is not an object");
      }
      Map<String, Double> map = new LinkedHashMap<>();
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        if (!p.nextToken().isNumeric()) {
          throw bad("a top_logprobs value is not a number");
        }
        map.put(name, p.getDoubleValue());
      }
      out.add(map);
    }
    return out;
  }

  private Logprobs.@Nullable Echo echo() {
    if (!sawLogprobs || tokens == null || logprobs == null) {
      return null;
    }
    int n = tokens.size();
    if (logprobs.size() != n) {
      throw bad("tokens and token_logprobs differ in length");
    }
    if (offsets != null && offsets.size() != n) {
      throw bad("logprobs.text_offset does not match the tokens");
    }
    if (tops != null && tops.size() != n) {
      throw bad("logprobs.top_logprobs does not match the tokens");
    }
    int[] starts = offsets == null ? null : offsets.stream().mapToInt(Integer::intValue).toArray();
    return new Logprobs.Echo(tokens, logprobs, starts, tops);
  }

  /** Skips the remaining elements of the array the parser is inside. */
  private void skipRest() {
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      p.skipChildren();
    }
  }

  private <T> @Nullable T skip(@Nullable T value) {
    p.skipChildren();
    return value;
  }

  private <T> @Nullable T nullOr(JsonToken value, String field) {
    if (value != JsonToken.VALUE_NULL) {
      throw bad("logprobs." + field + " does not match the tokens");
    }
    return null;
  }

  private ModelException bad(String what) {
    return Failures.malformed(from, what);
  }
}
