package kr.gukdae.eval.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kr.gukdae.eval.reference.ComparisonRow.Compared;
import kr.gukdae.eval.reference.ComparisonRow.NoReference;
import kr.gukdae.eval.reference.RunResults.TaskMetrics;
import org.junit.jupiter.api.Test;

/**
 * Seeded random tables and runs: every row of a comparison agrees with a brute-force reading of the
 * same table (the named model's row, or the best score released inside the window).
 */
class ComparisonPropertyTest {

  private static final List<String> MODELS = List.of("m1", "m2", "m3", "m4");
  private static final List<String> BENCHMARKS = List.of("ko/a", "ko/b", "global/c", "global/d");

  @Test
  void rowsAgreeWithABruteForceReading() {
    for (long seed = 1; seed <= 300; seed++) {
      Random random = new Random(seed);
      List<ReferenceScore> table = new ArrayList<>();
      for (String model : MODELS) {
        LocalDate released = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(900));
        for (String benchmark : BENCHMARKS) {
          if (random.nextInt(3) > 0) {
            double score = 1 + random.nextInt(9900) / 100.0;
            table.add(new ReferenceScore(model, benchmark, "acc", score, released, "src " + seed));
          }
        }
      }
      ReferenceScores refs = ReferenceScores.of(table);
      List<TaskMetrics> tasks = new ArrayList<>();
      for (String benchmark : BENCHMARKS) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("acc_norm,none", random.nextDouble());
        metrics.put("acc," + (random.nextBoolean() ? "none" : "strict"), random.nextDouble());
        tasks.add(new TaskMetrics(benchmark, metrics));
      }
      RunResults run = new RunResults("seed" + seed, tasks);
      double goal = 0.5 + random.nextDouble();

      String model = MODELS.get(random.nextInt(MODELS.size()));
      if (table.stream().noneMatch(s -> s.model().equals(model))) {
        continue;
      }
      check(run, refs, new Baseline.Target(model), goal, table);
      LocalDate asOf = LocalDate.of(2024, 6, 1).plusDays(random.nextInt(700));
      check(run, refs, new Baseline.BestWithin(1 + random.nextInt(18), asOf), goal, table);
    }
  }

  private static void check(
      RunResults run,
      ReferenceScores refs,
      Baseline baseline,
      double goal,
      List<ReferenceScore> t) {
    Comparison c = Comparison.of(run, refs, baseline, goal);
    assertThat(c.rows()).hasSize(run.tasks().size());
    for (int i = 0; i < c.rows().size(); i++) {
      TaskMetrics task = run.tasks().get(i);
      List<ReferenceScore> eligible =
          t.stream()
              .filter(s -> s.benchmark().equals(task.task()))
              .filter(s ->
                  switch (baseline) {
                    case Baseline.Target target -> s.model().equals(target.model());
                    case Baseline.BestWithin w ->
                        s.releaseDate().isAfter(w.asOf().minusMonths(w.months()))
                            && !s.releaseDate().isAfter(w.asOf());
                  })
              .toList();
      ComparisonRow row = c.rows().get(i);
      assertThat(row.task()).isEqualTo(task.task());
      if (eligible.isEmpty()) {
        assertThat(row).isInstanceOf(NoReference.class);
        continue;
      }
      Compared compared = (Compared) row;
      double best = eligible.stream().mapToDouble(ReferenceScore::score).max().orElseThrow();
      String key = task.metrics().containsKey("acc,none") ? "acc,none" : "acc,strict";
      assertThat(compared.metricKey()).isEqualTo(key);
      assertThat(compared.reference().score()).isEqualTo(best);
      assertThat(compared.percent()).isCloseTo(task.metrics().get(key) * 100, within(1e-9));
      assertThat(compared.achievement().ratio())
          .isCloseTo(compared.percent() / best, within(1e-12));
      assertThat(compared.meetsGoal()).isEqualTo(compared.achievement().ratio() >= goal);
    }
  }
}
