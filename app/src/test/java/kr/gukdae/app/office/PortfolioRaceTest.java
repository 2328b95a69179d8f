package kr.gukdae.app.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.portfolio.PortfolioDecision;
import kr.gukdae.resources.Compute;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two offices (two services with their own connections, as two servers on one database) record the
 * portfolio decision and then its funding at the same moment: each is recorded once, the other
 * office is refused, on H2 and PostgreSQL.
 */
class PortfolioRaceTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void twoOfficesDecideAndFundOnce(String database) throws Exception {
    OfficeProgramme p = OfficeFiles.programme("institutes");
    var results = OfficeFiles.examplePortfolioResults("institutes");
    List<TwoOffices.Server> servers = TwoOffices.on(database, dir.resolve("anchors"));
    List<PortfolioService> offices =
        servers.stream().map(s -> new PortfolioService(s.ledger())).toList();
    Ledger ledger = servers.getLast().ledger();

    assertThat(TwoOffices.race(offices, o -> String.valueOf(o.decide(p, results).decisionSeq())))
        .hasSize(2)
        .filteredOn(o -> o.startsWith("refused: "))
        .singleElement()
        .asString()
        .contains("already recorded");
    assertThat(ledger.entries().stream().filter(e -> e.kind().equals(PortfolioDecision.KIND)))
        .hasSize(1);

    LocalDate from = LocalDate.parse("2026-07-01");
    LocalDate to = LocalDate.parse("2027-01-01");
    assertThat(TwoOffices.race(offices, o -> String.valueOf(o.fund(p, from, to).lines().size())))
        .hasSize(2)
        .contains("3")
        .filteredOn(o -> o.startsWith("refused: "))
        .singleElement()
        .asString()
        .contains("already recorded");
    assertThat(ledger.entries().stream().filter(e -> e.kind().equals(Compute.PORTFOLIO_ALLOCATION)))
        .hasSize(1);
    assertThat(ledger.verify().intact()).isTrue();
  }
}
