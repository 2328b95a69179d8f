package kr.gukdae.app.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import kr.gukdae.UserError;
import kr.gukdae.app.stage.TestLedgers;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.OfficeKey;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.portfolio.PortfolioDecision;
import kr.gukdae.resources.Compute;
import kr.gukdae.store.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

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
    String url = database.equals("h2") ? TestDatabases.freshH2() : TestDatabases.postgres();
    Flyway.configure().dataSource(url, null, null).load().migrate();
    OfficeProgramme p = OfficeFiles.programme("institutes");
    var results = OfficeFiles.examplePortfolioResults("institutes");
    OfficeKey key = OfficeKey.generate();
    List<PortfolioService> offices = new ArrayList<>();
    Ledger ledger = null;
    for (int i = 0; i < 2; i++) {
      var ds = new SimpleDriverDataSource(DriverManager.getDriver(url), url);
      ledger = TestLedgers.signed(ds, key, dir.resolve("anchors"));
      offices.add(new PortfolioService(ledger));
    }

    assertThat(race(offices, o -> String.valueOf(o.decide(p, results).decisionSeq())))
        .containsOnlyOnce("refused")
        .hasSize(2);
    assertThat(ledger.entries().stream().filter(e -> e.kind().equals(PortfolioDecision.KIND)))
        .hasSize(1);

    LocalDate from = LocalDate.parse("2026-07-01");
    LocalDate to = LocalDate.parse("2027-01-01");
    assertThat(race(offices, o -> String.valueOf(o.fund(p, from, to).lines().size())))
        .containsExactlyInAnyOrder("3", "refused");
    assertThat(ledger.entries().stream().filter(e -> e.kind().equals(Compute.PORTFOLIO_ALLOCATION)))
        .hasSize(1);
    assertThat(ledger.verify().intact()).isTrue();
  }

  /** Runs {@code step} on every office at once; "refused" for each clear refusal. */
  private static List<String> race(
      List<PortfolioService> offices, Function<PortfolioService, String> step) throws Exception {
    CyclicBarrier together = new CyclicBarrier(offices.size());
    ExecutorService pool = Executors.newFixedThreadPool(offices.size());
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (PortfolioService o : offices) {
        futures.add(
            pool.submit(() -> {
              together.await(30, TimeUnit.SECONDS);
              try {
                return step.apply(o);
              } catch (UserError e) {
                assertThat(e.message(false)).contains("already recorded");
                return "refused";
              }
            }));
      }
      List<String> out = new ArrayList<>();
      for (Future<String> f : futures) {
        out.add(f.get(120, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
