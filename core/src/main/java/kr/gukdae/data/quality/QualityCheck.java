package kr.gukdae.data.quality;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import kr.gukdae.Sha256;
import kr.gukdae.dataset.Row;
import org.jspecify.annotations.Nullable;

/** Runs every criterion over the rows of a submitted dataset version. */
public final class QualityCheck {

  private QualityCheck() {}

  /**
   * What one row shows by itself, before it is compared with any other: the costly part of a check
   * (patterns, MinHash), which any process can compute for any range of rows. {@code broken}: why
   * the row takes no part ({@code null} when it does); {@code normal}: hash of its folded text (for
   * exact copies); {@code signature}: its MinHash signature, if it has one.
   */
  public record RowFacts(
      String where,
      String key,
      @Nullable String broken,
      String script,
      @Nullable String normal,
      int @Nullable [] signature,
      @Nullable String personal,
      @Nullable String hate,
      @Nullable String ocr) {}

  /**
   * Checks rows held in memory (small uploads); see {@link #run(String, String, int, RowSource,
   * String, Thresholds)}.
   */
  public static QualityReport run(
      String dataset, String version, int round, List<Row> rows, String field, Thresholds limits) {
    return run(dataset, version, round, rows::forEach, field, limits);
  }

  /** Rows handed one at a time, in order (a file read as it streams). */
  @FunctionalInterface
  public interface RowSource {
    void forEach(Consumer<Row> each);
  }

  /**
   * Checks rows as they stream by, in bounded memory: rows are taken in batches whose facts (the
   * costly part) are computed on every core, then met with each other in order by a {@link
   * QualityScan}.
   */
  public static QualityReport run(
      String dataset, String version, int round, RowSource rows, String field, Thresholds limits) {
    try (QualityScan scan = new QualityScan(dataset, version, round, limits)) {
      List<Row> batch = new ArrayList<>(BATCH);
      rows.forEach(r -> {
        batch.add(r);
        if (batch.size() == BATCH) {
          facts(batch, field).forEach(scan::add);
          batch.clear();
        }
      });
      facts(batch, field).forEach(scan::add);
      return scan.finish();
    }
  }

  private static final int BATCH = 2048;

  /** The facts of a batch of rows, in order, computed in parallel when there are cores to use. */
  public static List<RowFacts> facts(List<Row> batch, String field) {
    if (batch.size() < 64 || Runtime.getRuntime().availableProcessors() < 2) {
      return batch.stream().map(r -> facts(r, field)).toList();
    }
    return batch.parallelStream().map(r -> facts(r, field)).toList();
  }

  public static RowFacts facts(Row row, String field) {
    Object value = row.fields().get(field);
    String text = value == null ? null : value.toString();
    String digest = Sha256.hex(text == null ? "\u0000null" : text);
    String key = digest.substring(0, 16);
    if (text == null || text.isBlank() || text.contains("\uFFFD") || hasControl(text)) {
      String why =
          text == null
              ? FindingWords.NO_FIELD.english(field)
              : text.isBlank()
                  ? FindingWords.EMPTY.english()
                  : text.contains("\uFFFD")
                      ? FindingWords.REPLACEMENT.english()
                      : FindingWords.CONTROL.english();
      return new RowFacts(row.where(), key, why, "NONE", null, null, null, null, null);
    }
    String folded = Patterns.fold(text); // once, for the exact key, the lexicon and MinHash
    String plain = Patterns.oneSpace(folded).strip();
    // most rows are already folded text (one digest then serves both)
    String normal = plain.equals(text) ? digest : Sha256.hex(plain);
    var pii = PersonalData.find(text);
    String personal = null;
    if (!pii.isEmpty()) {
      StringBuilder d = new StringBuilder();
      pii.forEach(
          h -> d.append(d.isEmpty() ? "" : ", ").append(h.kind()).append(' ').append(h.masked()));
      personal = d.toString();
    }
    return new RowFacts(
        row.where(),
        key,
        null,
        Patterns.script(text).name(),
        normal,
        Signatures.ofFolded(folded),
        personal,
        Lexicon.HATE.firstIn(folded),
        Patterns.ocrNoise(text));
  }

  /**
   * The report from every row's facts in row order: here rows meet each other (exact copies, near
   * copies through the MinHash buckets), so a dataset checked in pieces is joined once, whole. For
   * facts that do not fit in memory, feed a {@link QualityScan} directly.
   */
  public static QualityReport join(
      String dataset, String version, int round, List<RowFacts> rows, Thresholds limits) {
    try (QualityScan scan = new QualityScan(dataset, version, round, limits)) {
      rows.forEach(scan::add);
      return scan.finish();
    }
  }

  private static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        return true;
      }
    }
    return false;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
