package kr.gukdae.app.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kr.gukdae.UserError;
import kr.gukdae.app.stage.TestLedgers;
import kr.gukdae.call.Calls;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.ledger.OfficeKey;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.store.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

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
    String url = database.equals("h2") ? TestDatabases.freshH2() : TestDatabases.postgres();
    Flyway.configure().dataSource(url, null, null).load().migrate();
    OfficeProgramme p = OfficeFiles.programme("seed-2025");
    var apps = OfficeFiles.exampleApplications("seed-2025");
    OfficeKey key = OfficeKey.generate();
    Clock afterDeadline =
        Clock.fixed(p.call().closes().toInstant().plusSeconds(60), java.time.ZoneOffset.UTC);

    List<OfficeService> offices = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      var ds = new SimpleDriverDataSource(DriverManager.getDriver(url), url);
      var ledger = TestLedgers.signed(ds, key, dir.resolve("anchors"));
      var tx =
          new org.springframework.transaction.support.TransactionTemplate(
              new org.springframework.jdbc.datasource.DataSourceTransactionManager(ds));
      offices.add(new OfficeService(new OfficeStore(ds, tx), ledger, afterDeadline));
    }
    offices.getFirst().importApplications(p, apps, "office");

    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Calls.Seal>> results = new ArrayList<>();
      for (OfficeService office : offices) {
        results.add(
            pool.submit(() -> {
              together.await(30, TimeUnit.SECONDS);
              return office.seal(p);
            }));
      }
      List<Calls.Seal> sealed = new ArrayList<>();
      List<String> refused = new ArrayList<>();
      for (Future<Calls.Seal> f : results) {
        try {
          sealed.add(f.get(120, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(UserError.class);
          refused.add(e.getCause().getMessage());
        }
      }
      assertThat(sealed).hasSize(1);
      assertThat(refused)
          .singleElement()
          .satisfies(m ->
              assertThat(m)
                  .contains("call " + p.call().id())
                  .containsAnyOf("sealed by another process", "already sealed")
                  .contains("seq " + sealed.getFirst().seq()));
    } finally {
      pool.shutdownNow();
    }

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
    try {
      offices.getFirst().seal(p);
      throw new AssertionError("a second seal went through");
    } catch (UserError e) {
      assertThat(e.getMessage()).contains("already sealed");
    }
    assertThat(ledger.entries()).hasSize(before);

    // The first round's assignment, raced the same way: one recorded, one refused.
    String round = p.funnel().rounds().getFirst().id();
    List<String> outcomes = race(offices, o -> o.assign(p, round).round());
    assertThat(outcomes).containsExactlyInAnyOrder(round, "refused");
    assertThat(
            ledger.entries().stream()
                .filter(e -> e.kind().equals(kr.gukdae.selection.Selection.ASSIGNMENT)))
        .hasSize(1);
    assertThat(ledger.verify().intact()).isTrue();
  }

  /** Runs {@code step} on every office at once; "refused" for each clear refusal. */
  private static List<String> race(
      List<OfficeService> offices, java.util.function.Function<OfficeService, String> step)
      throws Exception {
    CyclicBarrier together = new CyclicBarrier(offices.size());
    ExecutorService pool = Executors.newFixedThreadPool(offices.size());
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (OfficeService o : offices) {
        futures.add(
            pool.submit(() -> {
              together.await(30, TimeUnit.SECONDS);
              try {
                return step.apply(o);
              } catch (UserError e) {
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
