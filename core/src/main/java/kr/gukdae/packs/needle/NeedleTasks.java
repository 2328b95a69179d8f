package kr.gukdae.packs.needle;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import kr.gukdae.UserError;
import tools.jackson.databind.json.JsonMapper;

/**
 * Korean needle-in-a-haystack items: one sentence stating a password (the needle) is placed at a
 * chosen depth of generated filler text of a chosen length, and the question asks for the password.
 * Everything follows from the seed, so the same spec always writes the same file.
 */
public final class NeedleTasks {

  /** Largest context gukdae generates, in characters (about what a 1M-token window holds). */
  public static final int MAX_CHARS = 2_000_000;

  private static final List<String> OWNERS =
      List.of("서울 도서관", "해바라기 카페", "푸른 등대", "별빛 천문대", "단풍 여관", "은하 우체국", "소나무 학교");
  private static final List<String> WORDS =
      List.of("호랑이", "무지개", "보름달", "은행잎", "파도", "종달새", "민들레", "눈사람", "가야금", "한라봉");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private NeedleTasks() {}

  /**
   * What to generate: every length (in characters) at every depth (0 = start, 1 = end), {@code
   * repeats} items per cell.
   */
  public record Spec(List<Integer> lengths, List<Double> depths, int repeats, long seed) {
    public Spec {
      lengths = List.copyOf(lengths);
      depths = List.copyOf(depths);
      if (lengths.isEmpty() || depths.isEmpty()) {
        throw UserError.of(
            "needle: --lengths 값과 --depths 값을 각각 하나 이상 주세요",
            "needle: give at least one --lengths value and one --depths value");
      }
      for (int n : lengths) {
        if (n < 200 || n > MAX_CHARS) {
          throw UserError.of(
              "needle: --lengths " + n + "이(가) 범위를 벗어났습니다. 200에서 " + MAX_CHARS + "자 사이로 지정하세요",
              "needle: --lengths "
                  + n
                  + " is out of range; use 200 to "
                  + MAX_CHARS
                  + " characters");
        }
      }
      for (double d : depths) {
        if (!(d >= 0 && d <= 1)) {
          throw UserError.of(
              "needle: --depths " + d + "이(가) 범위를 벗어났습니다. 0.0에서 1.0 사이로 지정하세요",
              "needle: --depths " + d + " is out of range; use 0.0 to 1.0");
        }
      }
      if (repeats < 1 || repeats > 100) {
        throw UserError.of(
            "needle: --repeats는 1에서 100 사이여야 합니다 (받은 값: " + repeats + ")",
            "needle: --repeats must be 1 to 100, got " + repeats);
      }
    }
  }

  /**
   * One item, with the columns the task file reads. {@code contextLength} is the requested length
   * (the group results are reported under); {@code contextChars} the actual one, a little longer
   * because only whole sentences are used.
   */
  public record Item(
      String id,
      int contextLength,
      int contextChars,
      double depth,
      String context,
      String question,
      String answer,
      String needle) {

    Map<String, Object> columns() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("context_length", contextLength);
      m.put("context_chars", contextChars);
      m.put("depth", depth);
      m.put("context", context);
      m.put("question", question);
      m.put("answer", answer);
      m.put("needle", needle);
      return m;
    }
  }

  public static List<Item> generate(Spec spec) {
    var random = new SplittableRandom(spec.seed());
    List<Item> items = new ArrayList<>();
    for (int length : spec.lengths()) {
      for (double depth : spec.depths()) {
        for (int r = 0; r < spec.repeats(); r++) {
          items.add(item(length, depth, r, random.split()));
        }
      }
    }
    return items;
  }

  private static Item item(int length, double depth, int repeat, SplittableRandom random) {
    String owner = OWNERS.get(random.nextInt(OWNERS.size()));
    String answer = WORDS.get(random.nextInt(WORDS.size())) + "-" + (1000 + random.nextInt(9000));
    String needle = owner + "의 비밀 암호는 '" + answer + "'이다.";
    List<String> filler = Haystack.sentences(Math.max(0, length - needle.length()), random);
    // Insert at the sentence boundary nearest the requested depth, measured in characters.
    int total = filler.stream().mapToInt(s -> s.length() + 1).sum();
    int target = (int) Math.round(depth * total);
    int at = 0;
    int seen = 0;
    while (at < filler.size() && seen + filler.get(at).length() / 2 < target) {
      seen += filler.get(at).length() + 1;
      at++;
    }
    List<String> sentences = new ArrayList<>(filler);
    sentences.add(at, needle);
    String context = String.join(" ", sentences);
    String id =
        String.format(Locale.ROOT, "needle-%d-%03d-%d", length, Math.round(depth * 100), repeat);
    return new Item(
        id,
        length,
        context.length(),
        depth,
        context,
        owner + "의 비밀 암호는 무엇인가? 암호만 답하시오.",
        answer,
        needle);
  }

  /** Writes the items as JSONL (one object per line, UTF-8). */
  public static void writeJsonl(List<Item> items, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".needle", ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (Item item : items) {
          w.write(JSON.writeValueAsString(item.columns()));
          w.write('\n');
        }
      }
      try {
        Files.setPosixFilePermissions(
            tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the platform's default permissions apply.
      }
      // Nothing half-written: the file appears only once complete.
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw UserError.of(
          "needle: " + file + "을(를) 쓸 수 없습니다 (" + e.getMessage() + ")",
          "needle: cannot write " + file + " (" + e.getMessage() + ")",
          e);
    }
  }
}
