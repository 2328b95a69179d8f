package kr.gukdae.app.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kr.gukdae.UserError;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.selection.Score;
import kr.gukdae.selection.Selection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two offices (two servers on one database) take reviewers' sheets for one round at the same
 * moment. A sheet replaces that reviewer's earlier sheet for the application, so two sheets of one
 * reviewer for one application sent at once both succeed and exactly one of them is stored (never
 * both, never an error page); sheets of different reviewers sent at once are all stored. A sheet
 * sent while the other server decides the round is either in the decision or refused as too late.
 * The decision reads every stored sheet, and the ledger's chain stays intact.
 */
class SheetRaceTest {

  private static final String ROUND = "written";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void sheetsSentToTwoServersAtOnceAreStoredOncePerReviewerAndApplication(String database)
      throws Exception {
    OfficeProgramme p = OfficeFiles.programme("seed-2025");
    Clock afterDeadline =
        Clock.fixed(p.call().closes().toInstant().plusSeconds(60), ZoneOffset.UTC);
    List<OfficeService> offices = new ArrayList<>();
    for (TwoOffices.Server s : TwoOffices.on(database, dir.resolve("anchors"))) {
      var tx = new TransactionTemplate(new DataSourceTransactionManager(s.dataSource()));
      offices.add(
          new OfficeService(new OfficeStore(s.dataSource(), tx), s.ledger(), afterDeadline));
    }
    OfficeService first = offices.get(0);
    OfficeService second = offices.get(1);
    first.importApplications(p, OfficeFiles.exampleApplications("seed-2025"), "office");
    first.seal(p);
    first.assign(p, ROUND);

    // every (reviewer, application) pair the assignment allows, in a fixed order
    List<Score> pairs = new ArrayList<>();
    first
        .assignment(p, ROUND)
        .reviewersOf()
        .forEach((app, reviewers) -> reviewers.forEach(r -> pairs.add(sheet(r, app, 5.0))));
    assertThat(pairs).hasSizeGreaterThan(20);

    // the same reviewer's sheet for the same application, from both servers at once, on pairs
    // that have no sheet yet (the insert races) and then again on the same pairs (replacing)
    List<Score> raced = pairs.subList(0, 10);
    for (int pass = 0; pass < 2; pass++) {
      for (Score s : raced) {
        Score low = sheet(s.reviewer(), s.application(), 4.0 + pass);
        Score high = sheet(s.reviewer(), s.application(), 8.0 + pass);
        List<String> outcomes =
            TwoOffices.race(
                List.<Callable<String>>of(
                    () -> send(first, p, low, "low"), () -> send(second, p, high, "high")));
        assertThat(outcomes)
            .as("both are sheets of the reviewer: each replaces the other")
            .containsExactly("low", "high");
        List<Score> stored = sheetsOf(second, p, s);
        assertThat(stored).as("one sheet per reviewer and application").hasSize(1);
        assertThat(stored.getFirst()).isIn(low, high);
      }
    }

    // different reviewers' sheets, half sent to each server, all at once
    List<Score> rest = pairs.subList(raced.size(), pairs.size());
    List<Callable<String>> steps = new ArrayList<>();
    for (int i = 0; i < rest.size(); i++) {
      OfficeService office = offices.get(i % 2);
      Score s = rest.get(i);
      steps.add(() -> send(office, p, s, "saved"));
    }
    assertThat(TwoOffices.race(steps)).hasSize(rest.size()).containsOnly("saved");

    List<Score> stored = second.scores(p, ROUND);
    assertThat(stored).hasSize(pairs.size());
    assertThat(stored).containsAll(rest);
    for (Score s : pairs) {
      assertThat(sheetsOf(first, p, s)).hasSize(1);
    }

    // one server decides while the other takes a changed sheet: the sheet is in the decision, or
    // refused as too late; never accepted and left out
    Score late = sheet(rest.getFirst().reviewer(), rest.getFirst().application(), 10.0);
    List<String> outcomes =
        TwoOffices.race(
            List.<Callable<String>>of(
                () -> first.decide(p, ROUND).round(), () -> send(second, p, late, "saved")));
    assertThat(outcomes.getFirst()).isEqualTo(ROUND);
    assertThat(outcomes.get(1)).isIn("saved", "refused: " + closed());
    List<Score> last = second.scores(p, ROUND);
    assertThat(last).hasSize(pairs.size());
    assertThat(last.contains(late)).isEqualTo(outcomes.get(1).equals("saved"));

    // the decision read every stored sheet and recorded them as its input
    var replay = second.replay(p, ROUND);
    assertThat(replay.matches()).isTrue();
    assertThat(replay.input().scores()).containsExactlyInAnyOrderElementsOf(last);
    assertThat(TwoOffices.race(List.<Callable<String>>of(() -> send(first, p, late, "saved"))))
        .containsExactly("refused: " + closed());
    List<LedgerEntry> entries = second.ledger().entries();
    assertThat(entries.stream().filter(e -> e.kind().equals(Selection.DECISION))).hasSize(1);
    assertThat(second.ledger().verify().intact()).isTrue();
  }

  private static String closed() {
    UserError closed = OfficeService.sheetsClosed(ROUND);
    return UserError.both(closed.message(true), closed.message(false));
  }

  private static Score sheet(String reviewer, String application, double q) {
    return new Score(
        ROUND,
        reviewer,
        application,
        Map.of("technology", q, "goals-strategy", q, "impact", q),
        null);
  }

  private static String send(OfficeService office, OfficeProgramme p, Score s, String said) {
    office.score(p, s);
    return said;
  }

  private static List<Score> sheetsOf(OfficeService office, OfficeProgramme p, Score s) {
    return office.scores(p, ROUND).stream()
        .filter(x -> x.reviewer().equals(s.reviewer()) && x.application().equals(s.application()))
        .toList();
  }
}
