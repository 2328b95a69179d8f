package kr.gukdae.eval.reference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kr.gukdae.UserError;
import kr.gukdae.dataset.Datasets;
import kr.gukdae.dataset.Row;

/**
 * A table of published reference scores (CSV: {@code model, benchmark, metric, score, release_date,
 * source}) and the two comparisons the stage engine needs: against a team's named target model, and
 * against the moving target, the best model released within N months before a date. Benchmark and
 * metric names match case-insensitively.
 */
public final class ReferenceScores {

  static final List<String> COLUMNS =
      List.of("model", "benchmark", "metric", "score", "release_date", "source");

  private final List<ReferenceScore> scores;

  private ReferenceScores(List<ReferenceScore> scores) {
    this.scores = List.copyOf(scores);
  }

  public static ReferenceScores of(List<ReferenceScore> scores) {
    return new ReferenceScores(scores);
  }

  public static ReferenceScores read(Path csv) {
    try {
      return parse(csv.toString(), Files.readAllBytes(csv));
    } catch (IOException e) {
      throw UserError.of(
          csv + ": 참조 점수를 읽을 수 없습니다 (" + e.getMessage() + ")",
          csv + ": cannot read reference scores (" + e.getMessage() + ")",
          e);
    }
  }

  /**
   * The bundled DEMO table: invented models and numbers for trying the comparison, not published
   * results; its source column says so on every line.
   */
  public static ReferenceScores demo() {
    return bundled("demo-reference-scores.csv");
  }

  /**
   * Published scores copied from model cards (K-EXAONE, EXAONE 4.0 32B, A.X 4.0): each row's source
   * names the card, the table and where the release date comes from. The makers' own evaluation
   * settings, not gukdae runs of the same task; compare with that in mind.
   */
  public static ReferenceScores published() {
    return bundled("published-reference-scores.csv");
  }

  private static ReferenceScores bundled(String name) {
    try (InputStream in = ReferenceScores.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bug: " + name + " missing from the jar");
      }
      return parse(name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ReferenceScores parse(String where, byte[] csv) throws IOException {
    // The reader picks the format by extension; a file named otherwise is still read as CSV.
    String name = where.toLowerCase(Locale.ROOT).endsWith(".csv") ? where : where + ".csv";
    List<Row> rows = Datasets.read(name, new ByteArrayInputStream(csv));
    List<ReferenceScore> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      for (String column : COLUMNS) {
        if (!row.fields().containsKey(column)) {
          throw UserError.of(
              where + ": '" + column + "' 열이 없습니다. 머리글은 " + COLUMNS + "이어야 합니다",
              where + ": column '" + column + "' is missing; the header must be " + COLUMNS);
        }
      }
      out.add(score(row));
    }
    return new ReferenceScores(out);
  }

  private static ReferenceScore score(Row row) {
    String at = row.where();
    double value;
    try {
      value = Double.parseDouble(row.getString("score").strip());
    } catch (NumberFormatException e) {
      throw UserError.of(
          at + ": score '" + row.getString("score") + "'은(는) 숫자가 아닙니다",
          at + ": score '" + row.getString("score") + "' is not a number");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(row.getString("release_date").strip());
    } catch (DateTimeParseException e) {
      throw UserError.of(
          at + ": release_date '" + row.getString("release_date") + "'은(는) YYYY-MM-DD 형식이어야 합니다",
          at + ": release_date '" + row.getString("release_date") + "' must be YYYY-MM-DD");
    }
    try {
      return new ReferenceScore(
          row.getString("model").strip(),
          row.getString("benchmark").strip(),
          row.getString("metric").strip(),
          value,
          date,
          row.getString("source").strip());
    } catch (UserError e) {
      // the record's checks are worded in both languages; the row's place goes before each half
      String where = at + ": ";
      throw UserError.of(where + e.message(true), where + e.message(false), e);
    }
  }

  public List<ReferenceScore> all() {
    return scores;
  }

  /** The distinct model names, in table order. */
  public List<String> models() {
    return scores.stream().map(ReferenceScore::model).distinct().toList();
  }

  /** A named model's score, e.g. a team's declared target model. */
  public Optional<ReferenceScore> find(String model, String benchmark, String metric) {
    return matching(benchmark, metric).filter(s -> s.model().equalsIgnoreCase(model)).findFirst();
  }

  /**
   * The moving target: the best score among models released in the {@code months} months up to and
   * including {@code asOf}; empty when none qualifies.
   */
  public Optional<ReferenceScore> bestWithin(
      String benchmark, String metric, LocalDate asOf, int months) {
    if (months < 1) { // Baseline.BestWithin and the stage programme refuse months < 1 first
      throw new IllegalArgumentException("bug: months must be at least 1");
    }
    return matching(benchmark, metric)
        .filter(s -> inWindow(s.releaseDate(), asOf, months))
        .max(Comparator.comparingDouble(ReferenceScore::score));
  }

  /**
   * The moving-target window, the one place it is defined: released in the {@code months} months
   * before {@code asOf}, {@code asOf} included ({@code (asOf - months, asOf]}). The stage engine's
   * reference set and {@code gukdae compare --best-within} both use it.
   */
  public static boolean inWindow(LocalDate released, LocalDate asOf, int months) {
    if (months < 1) {
      throw new IllegalArgumentException("bug: months must be at least 1");
    }
    return released.isAfter(asOf.minusMonths(months)) && !released.isAfter(asOf);
  }

  /** {@code score} as a fraction of the reference's (same scale as the table). */
  public static Achievement achievement(double score, ReferenceScore reference) {
    return Achievement.of(score, reference);
  }

  private java.util.stream.Stream<ReferenceScore> matching(String benchmark, String metric) {
    String b = benchmark.toLowerCase(Locale.ROOT);
    String m = metric.toLowerCase(Locale.ROOT);
    return scores.stream()
        .filter(s -> s.benchmark().toLowerCase(Locale.ROOT).equals(b))
        .filter(s -> s.metric().toLowerCase(Locale.ROOT).equals(m));
  }
}
