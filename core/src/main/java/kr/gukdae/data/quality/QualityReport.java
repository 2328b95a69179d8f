package kr.gukdae.data.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report on one dataset version in one round: per criterion its rate, limit and verdict, and
 * findings that each point at a row ({@code file:line}) with a masked detail. Counts are complete;
 * the stored findings are capped per criterion so a bad upload cannot make a giant report.
 */
public record QualityReport(
    String dataset,
    String version,
    int round,
    long rows,
    List<Criterion> criteria,
    Map<String, Long> languageMix,
    List<Finding> findings) {

  public static final int MAX_FINDINGS_PER_CRITERION = 200;

  public record Criterion(String name, long rows, double rate, double limit, boolean passed) {}

  /**
   * One problem. {@code key} identifies the row's content (a hash), so a finding can be followed
   * across a correction round even when rows moved.
   */
  public record Finding(String criterion, String row, String key, String detail) {}

  public QualityReport {
    criteria = List.copyOf(criteria);
    languageMix = Map.copyOf(languageMix);
    findings = List.copyOf(findings);
  }

  public boolean passed() {
    return criteria.stream().allMatch(Criterion::passed);
  }

  /**
   * What a correction round (보완 요청 → 재검증) changed: rates before and after, findings fixed and new.
   */
  public record Diff(
      int fromRound,
      int toRound,
      List<String> rates,
      List<Finding> resolved,
      List<Finding> remaining,
      List<Finding> introduced,
      boolean passedBefore,
      boolean passedAfter) {}

  private static String fourPlaces(double rate) {
    return String.format(java.util.Locale.ROOT, "%.4f", rate);
  }

  public Diff diff(QualityReport next) {
    List<String> rates = new ArrayList<>();
    for (int i = 0; i < criteria.size(); i++) {
      Criterion a = criteria.get(i);
      Criterion b = next.criteria().get(i);
      rates.add(
          (b.passed() ? FindingWords.RATE : FindingWords.RATE_FAILED)
              .english(
                  a.name(), fourPlaces(a.rate()), fourPlaces(b.rate()), fourPlaces(b.limit())));
    }
    Set<String> before = new HashSet<>();
    findings.forEach(f -> before.add(f.criterion() + "|" + f.key()));
    Set<String> after = new HashSet<>();
    next.findings().forEach(f -> after.add(f.criterion() + "|" + f.key()));
    List<Finding> resolved =
        findings.stream().filter(f -> !after.contains(f.criterion() + "|" + f.key())).toList();
    List<Finding> remaining =
        next.findings().stream()
            .filter(f -> before.contains(f.criterion() + "|" + f.key()))
            .toList();
    List<Finding> introduced =
        next.findings().stream()
            .filter(f -> !before.contains(f.criterion() + "|" + f.key()))
            .toList();
    return new Diff(
        round, next.round(), rates, resolved, remaining, introduced, passed(), next.passed());
  }
}
