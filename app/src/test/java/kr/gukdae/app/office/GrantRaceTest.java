package kr.gukdae.app.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.resources.GpuPools;
import kr.gukdae.resources.GpuRules;
import kr.gukdae.resources.RoundGrants;
import kr.gukdae.selection.Round;
import kr.gukdae.selection.RoundResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two offices (each with its own connections, as two servers on one database) grant two rounds at
 * the same moment, each fitting the GPU pool alone but not together: the pool check runs under the
 * ledger's writer lock, so exactly one grant is recorded and the other is refused naming the
 * shortfall.
 */
class GrantRaceTest {

  @TempDir Path dir;

  static final LocalDate FROM = GpuPools.MAR;
  static final GpuRules POOL = GpuPools.pool(GpuPools.year(FROM, 10, GpuRules.Mode.LEASE));

  static Round round(String id) {
    return round(id, 3);
  }

  static Round round(String id, int gpus) {
    return GpuPools.round(id, gpus, 30);
  }

  static RoundResult selected(String round, String... teams) {
    return GpuPools.selected(round, teams);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void twoRoundsRacingForTheLastGpusGetOneGrantAndOneRefusal(String database) throws Exception {
    List<Ledger> offices =
        TwoOffices.on(database, dir.resolve("anchors")).stream()
            .map(TwoOffices.Server::ledger)
            .toList();
    // 4 of the 10 GPUs are already granted; each racing round wants 2 × 3 = 6: only one fits.
    RoundGrants.grant(
        offices.getFirst(), "contest", round("first", 4), selected("first", "t9"), FROM, POOL);
    String[] rounds = {"second", "third"};
    List<Callable<String>> steps = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Ledger ledger = offices.get(i);
      String r = rounds[i];
      steps.add(() -> {
        RoundGrants.grant(ledger, "contest", round(r), selected(r, "a" + r, "b" + r), FROM, POOL);
        return "granted " + r;
      });
    }
    List<String> outcomes = TwoOffices.race(steps);
    assertThat(outcomes).filteredOn(o -> o.startsWith("granted ")).hasSize(1);
    String winner =
        outcomes.stream()
            .filter(o -> o.startsWith("granted "))
            .findFirst()
            .orElseThrow()
            .substring("granted ".length());
    String loser = winner.equals("second") ? "third" : "second";
    assertThat(outcomes)
        .filteredOn(o -> !o.startsWith("granted "))
        .singleElement()
        .satisfies(m ->
            assertThat(m)
                .contains("라운드 " + loser + ", 팀 a" + loser + ": H100 3장을 더하면")
                .contains("GPU 풀이 3장 부족합니다")
                .contains(
                    "round "
                        + loser
                        + ", team a"
                        + loser
                        + ": granting 3 H100 would exceed the pool by 3 on 2025-03-01")
                .contains("holds 10, 10 already granted")
                .contains("nothing was recorded"));
    Ledger ledger = offices.get(1);
    assertThat(ledger.entries().stream().filter(e -> e.kind().equals(RoundGrants.KIND))).hasSize(2);
    int held = 0;
    for (String r : List.of("first", "second", "third")) {
      held +=
          RoundGrants.recorded(ledger, "contest", r).stream()
              .mapToInt(RoundGrants.Granted::gpus)
              .sum();
    }
    assertThat(held).isEqualTo(10);
    assertThat(RoundGrants.recorded(ledger, "contest", loser)).isEmpty();
    assertThat(ledger.verify().intact()).isTrue();
  }
}
