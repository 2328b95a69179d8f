package kr.gukdae.originality;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads step/loss training logs: CSV with a header row, or JSONL objects (a W&B history export).
 * Column names of common trainers are recognised; each row keeps its line number for messages.
 */
final class TrainingLog {

  static final int MAX_LINE_CHARS = 1 << 20;
  static final int MAX_ROWS = 20_000_000;

  static final List<String> STEP =
      List.of(
          "step",
          "_step",
          "global_step",
          "train/global_step",
          "iteration",
          "iter",
          "trainer/global_step");
  static final List<String> LOSS =
      List.of("loss", "train/loss", "train_loss", "lm_loss", "training_loss", "train/lm_loss");
  static final List<String> TOKENS =
      List.of(
          "tokens",
          "tokens_seen",
          "num_tokens",
          "consumed_tokens",
          "train/tokens",
          "total_tokens",
          "num_input_tokens_seen",
          "train/num_input_tokens_seen");
  static final List<String> TIME = List.of("_timestamp", "timestamp", "time", "wall_time");

  record Point(int line, double step, double loss, double tokens, double time) {}

  private TrainingLog() {}

  static List<Point> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw UserError.of(
          file + ": 로그 파일이 없습니다. step/loss가 담긴 CSV 또는 JSONL 로그를 지정하세요",
          file + ": no such log file; give a CSV or JSONL step/loss log");
    }
    boolean jsonl =
        file.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jsonl|json|ndjson)$");
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return jsonl ? readJsonl(file, in) : readCsv(file, in);
    } catch (IOException e) {
      throw UserError.of(
          file + ": 읽을 수 없습니다 (" + e.getMessage() + "). 로그는 UTF-8이어야 합니다",
          file + ": cannot read (" + e.getMessage() + "); the log must be UTF-8",
          e);
    }
  }

  private static List<Point> readCsv(Path file, BufferedReader in) throws IOException {
    String header = in.readLine();
    if (header == null) {
      throw UserError.of(
          file + ": 비어 있습니다. step 열과 loss 열이 있는 헤더 행이 필요합니다",
          file + ": empty; expected a header row with step and loss columns");
    }
    List<String> cols =
        splitCsv(strip(header)).stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    int step = find(cols, STEP);
    int loss = find(cols, LOSS);
    if (step < 0 || loss < 0) {
      throw UserError.of(
          file
              + ":1: 헤더에 step 열("
              + STEP
              + ")과 loss 열("
              + LOSS
              + ")이 필요합니다. 찾은 열: "
              + Sanitize.text(cols.toString(), 300),
          file
              + ":1: header needs a step column ("
              + STEP
              + ") and a loss column ("
              + LOSS
              + "); found "
              + Sanitize.text(cols.toString(), 300));
    }
    int tokens = find(cols, TOKENS);
    int time = find(cols, TIME);
    List<Point> points = new ArrayList<>();
    String line;
    int lineNo = 1;
    while ((line = in.readLine()) != null) {
      lineNo++;
      checkLine(file, lineNo, line, points.size());
      if (line.isBlank()) {
        continue;
      }
      List<String> f = splitCsv(line);
      double s = number(file, lineNo, "step", field(f, step));
      double l = number(file, lineNo, "loss", field(f, loss));
      points.add(
          new Point(
              lineNo, s, l, optional(file, lineNo, f, tokens), optional(file, lineNo, f, time)));
    }
    return points;
  }

  private static List<Point> readJsonl(Path file, BufferedReader in) throws IOException {
    List<Point> points = new ArrayList<>();
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      checkLine(file, lineNo, line, points.size());
      if (line.isBlank()) {
        continue;
      }
      JsonNode row;
      try {
        row = JsonMapper.shared().readTree(line);
      } catch (JacksonException e) {
        throw UserError.of(
            file + ":" + lineNo + ": JSON 객체가 아닙니다. 각 줄은 JSON 객체 하나여야 합니다",
            file + ":" + lineNo + ": not a JSON object; each line must be one");
      }
      if (row == null || !row.isObject()) {
        throw UserError.of(
            file + ":" + lineNo + ": JSON 객체가 아닙니다. 각 줄은 JSON 객체 하나여야 합니다",
            file + ":" + lineNo + ": not a JSON object; each line must be one");
      }
      JsonNode loss = pick(row, LOSS);
      JsonNode step = pick(row, STEP);
      if (loss == null || loss.isNull()) {
        continue; // W&B exports interleave rows of other metrics
      }
      if (step == null || !step.isNumber() || !loss.isNumber()) {
        throw UserError.of(
            file + ":" + lineNo + ": 숫자로 된 step(" + STEP + ")과 loss(" + LOSS + ")가 필요합니다",
            file + ":" + lineNo + ": needs numeric step (" + STEP + ") and loss (" + LOSS + ")");
      }
      JsonNode tokens = pick(row, TOKENS);
      JsonNode time = pick(row, TIME);
      points.add(
          new Point(
              lineNo,
              step.doubleValue(),
              loss.doubleValue(),
              tokens != null && tokens.isNumber() ? tokens.doubleValue() : Double.NaN,
              time != null && time.isNumber() ? time.doubleValue() : Double.NaN));
    }
    return points;
  }

  private static @Nullable JsonNode pick(JsonNode row, List<String> names) {
    for (String n : names) {
      JsonNode v = row.get(n);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static void checkLine(Path file, int lineNo, String line, int rows) {
    if (line.length() > MAX_LINE_CHARS) {
      throw UserError.of(
          file + ":" + lineNo + ": 줄이 1 MiB보다 깁니다. step 로그가 맞는지 확인하세요",
          file + ":" + lineNo + ": line longer than 1 MiB; is this a step log?");
    }
    if (rows >= MAX_ROWS) {
      throw UserError.of(
          file + ": 행이 " + MAX_ROWS + "개를 넘습니다. 먼저 로그를 솎아 내세요",
          file + ": more than " + MAX_ROWS + " rows; thin the log first");
    }
  }

  private static int find(List<String> cols, List<String> names) {
    for (String n : names) {
      int i = cols.indexOf(n);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static String field(List<String> f, int i) {
    return i < f.size() ? f.get(i).trim() : "";
  }

  private static double optional(Path file, int lineNo, List<String> f, int i) {
    if (i < 0 || field(f, i).isEmpty()) {
      return Double.NaN;
    }
    String v = field(f, i);
    if (v.contains("T") && v.contains("-")) {
      try {
        return Instant.parse(v).getEpochSecond();
      } catch (java.time.format.DateTimeParseException e) {
        throw UserError.of(
            file + ":" + lineNo + ": 시간 값은 epoch 초도 ISO-8601도 아닙니다: '" + Sanitize.text(v, 40) + "'",
            file
                + ":"
                + lineNo
                + ": time '"
                + Sanitize.text(v, 40)
                + "' is neither epoch seconds nor ISO-8601");
      }
    }
    return number(file, lineNo, "column " + (i + 1), v);
  }

  private static double number(Path file, int lineNo, String what, String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw UserError.of(
          file + ":" + lineNo + ": 숫자가 아닙니다 (" + what + " '" + Sanitize.text(v, 40) + "')",
          file + ":" + lineNo + ": " + what + " '" + Sanitize.text(v, 40) + "' is not a number");
    }
  }

  private static String strip(String header) {
    return header.startsWith("\uFEFF") ? header.substring(1) : header;
  }

  /** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes). */
  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
