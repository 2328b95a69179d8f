package kr.gukdae.app.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.stage.Stages;

/** Checks that every recorded run is whole: programme, its evidence, its decision, in a row. */
final class RunShape {

  private RunShape() {}

  static void assertRunsContiguous(List<LedgerEntry> entries, int atLeast) {
    int runs = 0;
    long open = -1;
    for (LedgerEntry e : entries) {
      switch (e.kind()) {
        case Stages.PROGRAMME -> {
          assertThat(open).as("run at seq %d started inside run %d", e.seq(), open).isEqualTo(-1);
          open = e.seq();
        }
        case Stages.EVIDENCE ->
            assertThat(CanonicalJson.parse(e.payload()).path("run").asLong()).isEqualTo(open);
        case Stages.DECISION -> {
          assertThat(CanonicalJson.parse(e.payload()).path("run").asLong()).isEqualTo(open);
          open = -1;
          runs++;
        }
        default -> assertThat(open).as("foreign entry inside a run").isEqualTo(-1);
      }
    }
    assertThat(open).as("a run without its decision").isEqualTo(-1);
    assertThat(runs).isGreaterThanOrEqualTo(atLeast);
  }
}
