package kr.gukdae.portfolio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.text.Reason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Judges a portfolio: each model on its domain's benchmarks (every benchmark at or above its
 * threshold and the weighted domain score at or above the domain's pass score), each domain covered
 * when one of its models passes, each institute kept when one of its models passes, and the
 * portfolio continuing when at least {@code minDomainsCovered} domains are covered. Recorded once
 * in the ledger with its input, so it replays.
 */
public final class PortfolioDecision {

  public static final String KIND = "portfolio.decision";

  private PortfolioDecision() {}

  /** A model's score (0-100) on one benchmark of its domain. */
  public record Result(String model, String benchmark, double score) {
    public Result {
      Objects.requireNonNull(model, "model is required");
      Objects.requireNonNull(benchmark, "benchmark is required");
      if (!(score >= 0 && score <= 100)) {
        // a results file or the decision request's body gives the score
        throw UserError.of(
            model + "/" + benchmark + ": score는 0-100이어야 합니다 (받은 값: " + score + "). 백분율 점수를 쓰세요",
            model
                + "/"
                + benchmark
                + ": score must be 0-100, got "
                + score
                + "; give the percentage");
      }
    }
  }

  public enum ModelOutcome {
    PASSES,
    BELOW_THRESHOLD,
    BELOW_PASS_SCORE,
    MISSING_RESULTS
  }

  public record ModelLine(
      String institute,
      String model,
      String domain,
      Map<String, Double> scores,
      double domainScore,
      ModelOutcome outcome,
      Reason reason) {}

  public record DomainLine(
      String domain,
      String label,
      boolean covered,
      @Nullable String best,
      double bestScore,
      Reason reason) {}

  public record InstituteLine(
      String institute, List<String> kept, List<String> dropped, boolean continues) {}

  public record Decision(
      boolean continues,
      int covered,
      int required,
      List<DomainLine> domains,
      List<ModelLine> models,
      List<InstituteLine> institutes,
      Reason reason) {}

  public static Decision evaluate(Portfolio p, List<Result> results) {
    Map<String, Portfolio.Model> models = new HashMap<>();
    Map<String, String> instituteOf = new HashMap<>();
    p.institutes()
        .forEach(i ->
            i.models()
                .forEach(m -> {
                  models.put(m.id(), m);
                  instituteOf.put(m.id(), i.id());
                }));
    Map<String, Map<String, Double>> scores = new HashMap<>();
    for (int i = 0; i < results.size(); i++) {
      Result r = results.get(i);
      Portfolio.Model m = models.get(r.model());
      if (m == null) {
        throw UserError.of(
            "results[" + i + "]: 모델 '" + r.model() + "'은(는) 어느 기관에도 없습니다",
            "results[" + i + "]: model '" + r.model() + "' is in no institute");
      }
      Portfolio.Domain d = p.domain(m.domain());
      if (d.benchmarks().stream().noneMatch(b -> b.id().equals(r.benchmark()))) {
        throw UserError.of(
            "results[" + i + "]: 벤치마크 '" + r.benchmark() + "'은(는) 분야 " + d.id() + "의 벤치마크가 아닙니다",
            "results["
                + i
                + "]: benchmark '"
                + r.benchmark()
                + "' is not one of domain "
                + d.id()
                + "'s benchmarks");
      }
      if (scores
              .computeIfAbsent(r.model(), k -> new LinkedHashMap<>())
              .put(r.benchmark(), r.score())
          != null) {
        throw UserError.of(
            "results[" + i + "]: " + r.model() + "/" + r.benchmark() + " 결과가 두 번 나옵니다",
            "results[" + i + "]: " + r.model() + "/" + r.benchmark() + " twice");
      }
    }
    List<ModelLine> lines = new ArrayList<>();
    for (Portfolio.Institute inst : p.institutes()) {
      for (Portfolio.Model m : inst.models()) {
        lines.add(judge(inst.id(), m, p.domain(m.domain()), scores.getOrDefault(m.id(), Map.of())));
      }
    }
    List<DomainLine> domains = new ArrayList<>();
    int covered = 0;
    for (Portfolio.Domain d : p.domains()) {
      ModelLine best =
          lines.stream()
              .filter(l -> l.domain().equals(d.id()) && l.outcome() == ModelOutcome.PASSES)
              .max(
                  java.util.Comparator.comparingDouble(ModelLine::domainScore)
                      .thenComparing(ModelLine::model, java.util.Comparator.reverseOrder()))
              .orElse(null);
      if (best != null) {
        covered++;
      }
      domains.add(
          new DomainLine(
              d.id(),
              d.label(),
              best != null,
              best == null ? null : best.model(),
              best == null ? 0 : best.domainScore(),
              best == null
                  ? new Reason(
                      "NOT_COVERED", d.id() + ": 통과한 모델이 없습니다", "no model passes " + d.id())
                  : new Reason(
                      "COVERED",
                      String.format(
                          Locale.ROOT,
                          "최고: %s (%.2f, %s)",
                          best.model(),
                          best.domainScore(),
                          best.institute()),
                      String.format(
                          Locale.ROOT,
                          "best: %s (%.2f, %s)",
                          best.model(),
                          best.domainScore(),
                          best.institute()))));
    }
    List<InstituteLine> institutes = new ArrayList<>();
    for (Portfolio.Institute inst : p.institutes()) {
      List<String> kept = new ArrayList<>();
      List<String> dropped = new ArrayList<>();
      lines.stream()
          .filter(l -> l.institute().equals(inst.id()))
          .forEach(l -> (l.outcome() == ModelOutcome.PASSES ? kept : dropped).add(l.model()));
      institutes.add(new InstituteLine(inst.id(), kept, dropped, !kept.isEmpty()));
    }
    boolean continues = covered >= p.minDomainsCovered();
    return new Decision(
        continues,
        covered,
        p.minDomainsCovered(),
        domains,
        lines,
        institutes,
        new Reason(
            continues ? "CONTINUES" : "STOPS",
            p.domains().size()
                + "개 분야 중 "
                + covered
                + "개 충족, 필요 "
                + p.minDomainsCovered()
                + "개: 포트폴리오 "
                + (continues ? "계속" : "중단"),
            covered
                + " of "
                + p.domains().size()
                + " domains covered; "
                + p.minDomainsCovered()
                + " needed: the portfolio "
                + (continues ? "continues" : "stops")));
  }

  private static ModelLine judge(
      String institute, Portfolio.Model m, Portfolio.Domain d, Map<String, Double> scores) {
    double weighted = 0;
    double weights = 0;
    List<String> missing = new ArrayList<>();
    List<String> below = new ArrayList<>();
    for (Portfolio.Benchmark b : d.benchmarks()) {
      Double s = scores.get(b.id());
      if (s == null) {
        missing.add(b.id());
        continue;
      }
      weighted += b.weight() * s;
      weights += b.weight();
      if (s < b.threshold()) {
        below.add(String.format(Locale.ROOT, "%s %.1f < %.1f", b.id(), s, b.threshold()));
      }
    }
    double score = Math.round((weights == 0 ? 0 : weighted / weights) * 100) / 100.0;
    ModelOutcome outcome;
    String ko;
    String en;
    if (!missing.isEmpty()) {
      outcome = ModelOutcome.MISSING_RESULTS;
      ko = String.join(", ", missing) + " 결과 없음";
      en = "no result for " + String.join(", ", missing);
    } else if (!below.isEmpty()) {
      outcome = ModelOutcome.BELOW_THRESHOLD;
      ko = "벤치마크 기준 미달: " + String.join("; ", below);
      en = "below a benchmark threshold: " + String.join("; ", below);
    } else if (score < d.passScore()) {
      outcome = ModelOutcome.BELOW_PASS_SCORE;
      ko = String.format(Locale.ROOT, "분야 점수 %.2f < %.1f", score, d.passScore());
      en = String.format(Locale.ROOT, "domain score %.2f < %.1f", score, d.passScore());
    } else {
      outcome = ModelOutcome.PASSES;
      ko = String.format(Locale.ROOT, "분야 점수 %.2f >= %.1f", score, d.passScore());
      en = String.format(Locale.ROOT, "domain score %.2f >= %.1f", score, d.passScore());
    }
    return new ModelLine(
        institute,
        m.id(),
        d.id(),
        new java.util.TreeMap<>(scores),
        score,
        outcome,
        new Reason(outcome.name(), ko, en));
  }

  /** Evaluates and records the decision with its input; once per programme. */
  public static Decision decide(
      Ledger ledger, String programme, Portfolio p, List<Result> results) {
    Decision d = evaluate(p, results);
    ledger.appendAll(first -> {
      if (recorded(ledger, programme) != null) {
        throw UserError.of(
            programme + ": 포트폴리오 결정이 이미 기록되어 있습니다",
            programme + ": the portfolio decision is already recorded");
      }
      return List.of(
          new Ledger.Draft(
              KIND,
              Map.of("programme", programme, "portfolio", p, "results", results, "decision", d)));
    });
    return d;
  }

  /** The recorded decision of a programme with its input, as the ledger holds it. */
  public record Recorded(
      long seq,
      java.time.Instant recordedAt,
      Portfolio portfolio,
      List<Result> results,
      Decision decision) {}

  /** What recomputing the recorded input gives, and whether it equals what was recorded. */
  public record Replay(Recorded recorded, Decision recomputed, boolean matches) {}

  public static @Nullable Recorded recorded(Ledger ledger, String programme) {
    LedgerEntry e = entry(ledger, programme);
    return e == null ? null : read(e, CanonicalJson.parse(e.payload()));
  }

  /**
   * Recomputes the recorded decision from its recorded input. The comparison is with the recorded
   * JSON itself, so any edit of the recorded decision shows as a mismatch.
   */
  public static Replay replay(Ledger ledger, String programme) {
    LedgerEntry e = entry(ledger, programme);
    if (e == null) {
      throw UserError.of(
          programme + ": 기록된 포트폴리오 결정이 없습니다", programme + ": no portfolio decision is recorded");
    }
    JsonNode n = CanonicalJson.parse(e.payload());
    Recorded r;
    try {
      r = read(e, n);
    } catch (RuntimeException edited) {
      throw UserError.of(
          programme + ": 기록된 포트폴리오 결정(원장 순번 " + e.seq() + ")을 읽을 수 없습니다: 수정된 기록입니다",
          programme
              + ": the recorded portfolio decision (ledger seq "
              + e.seq()
              + ") cannot be read: an edited record");
    }
    Decision again = evaluate(r.portfolio(), r.results());
    JsonNode recomputed = CanonicalJson.parse(CanonicalJson.of(again));
    if (Legacy.englishReasons(n.path("decision"))) {
      Legacy.toEnglish(recomputed);
    }
    return new Replay(
        r, again, CanonicalJson.of(recomputed).equals(CanonicalJson.of(n.path("decision"))));
  }

  private static @Nullable LedgerEntry entry(Ledger ledger, String programme) {
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(KIND)
          && CanonicalJson.parse(e.payload()).path("programme").asString().equals(programme)) {
        return e;
      }
    }
    return null;
  }

  private static Recorded read(LedgerEntry e, JsonNode n) {
    List<Result> results = new ArrayList<>();
    n.path("results").forEach(r -> results.add(CanonicalJson.read(r, Result.class)));
    return new Recorded(
        e.seq(),
        e.timestamp(),
        CanonicalJson.read(n.path("portfolio"), Portfolio.class),
        results,
        CanonicalJson.read(Legacy.toReasons(n.path("decision")), Decision.class));
  }

  /** Recomputes the recorded decision from its recorded input; true when both agree. */
  public static boolean replays(Ledger ledger, String programme) {
    return replay(ledger, programme).matches();
  }
}
