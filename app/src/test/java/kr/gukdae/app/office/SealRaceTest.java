package kr.gukdae.app.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.call.Calls;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.selection.Selection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two offices (two services, each with its own connections and its own in-process lock, as two
 * servers on one database) seal the same call at the same moment: exactly one seal is recorded, the
 * other gets a clear refusal, and the ledger holds each application once.
 */
class SealRaceTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void twoProcessesSealingOneCallGetOneSealAndOneRefusal(String database) throws Exception {
    OfficeProgramme p = OfficeFiles.programme("seed-2025");
    var apps = OfficeFiles.exampleApplications("seed-2025");
    Clock afterDeadline =
        Clock.fixed(p.call().closes().toInstant().plusSeconds(60), ZoneOffset.UTC);

    List<OfficeService> offices = new ArrayList<>();
    for (TwoOffices.Server s : TwoOffices.on(database, dir.resolve("anchors"))) {
      var tx = new TransactionTemplate(new DataSourceTransactionManager(s.dataSource()));
      offices.add(
          new OfficeService(new OfficeStore(s.dataSource(), tx), s.ledger(), afterDeadline));
    }
    offices.getFirst().importApplications(p, apps, "office");

    List<String> outcomes = TwoOffices.race(offices, o -> "sealed at seq " + o.seal(p).seq());
    String sealed =
        outcomes.stream().filter(o -> o.startsWith("sealed at ")).findFirst().orElseThrow();
    assertThat(outcomes)
        .filteredOn(o -> o.startsWith("refused: "))
        .singleElement()
        .satisfies(m ->
            assertThat(m)
                .contains("call " + p.call().id())
                .containsAnyOf("sealed by another process", "already sealed")
                .contains(sealed.substring("sealed at ".length())));

    Ledger ledger = offices.get(1).ledger();
    List<LedgerEntry> entries = ledger.entries();
    assertThat(entries.stream().filter(e -> e.kind().equals(Calls.SEALED))).hasSize(1);
    assertThat(entries.stream().filter(e -> e.kind().equals(Calls.APPLICATION)))
        .hasSize(apps.size());
    assertThat(ledger.verify().intact()).isTrue();
    // Both offices read the one seal back, each application checked against its sealed hash.
    assertThat(Calls.sealed(offices.get(0).ledger(), p.call().id())).hasSize(apps.size());
    assertThat(Calls.sealed(offices.get(1).ledger(), p.call().id())).hasSize(apps.size());
    // A later attempt is refused the same way, before anything is appended.
    int before = entries.size();
    assertThatThrownBy(() -> offices.getFirst().seal(p))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("already sealed");
    assertThat(ledger.entries()).hasSize(before);

    // The first round's assignment, raced the same way: one recorded, one refused.
    String round = p.funnel().rounds().getFirst().id();
    assertThat(TwoOffices.race(offices, o -> o.assign(p, round).round()))
        .hasSize(2)
        .containsOnlyOnce(round)
        .filteredOn(o -> o.startsWith("refused: "))
        .hasSize(1);
    assertThat(ledger.entries().stream().filter(e -> e.kind().equals(Selection.ASSIGNMENT)))
        .hasSize(1);
    assertThat(ledger.verify().intact()).isTrue();
  }
}
