package kr.gukdae.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.call.Support;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.openness.OpenLevel;
import kr.gukdae.openness.OpenLevelHistory;
import kr.gukdae.openness.OpenSourceCheck;
import kr.gukdae.stage.Team;
import org.junit.jupiter.api.Test;

/**
 * Self-payment follows every recorded change of a team's open-source level: the plan recorded for a
 * call is recomputed in the same ledger batch as the change, with each member's old and new share,
 * cash and in kind, and every recomputation replays from what it recorded.
 */
class SelfPaymentsTest {

  final SelfPaymentTable table = OfficeFiles.programme("seed-2025").resources().selfPayment();
  final SelfPayment.Plan plan =
      new SelfPayment.Plan(
          "hanbit",
          List.of(
              new SelfPayment.Member("Hanbit AI", Team.Size.LARGE, 0.7, 0.5),
              new SelfPayment.Member("Mirae Labs", Team.Size.MEDIUM, 0.3, 0.2)),
          Map.of(Support.GPU, 10_000_000_000L));

  static OpenSourceCheck.Finding finding(OpenLevel level) {
    return new OpenSourceCheck.Finding(
        level, "x", true, 1, 0, 0, List.of(kr.gukdae.text.Reason.recorded("checked")));
  }

  @Test
  void everyLevelChangeRecomputesTheRecordedPlanInItsBatchWithEachMembersOldAndNewShare() {
    Ledger ledger = Ledger.inMemory();
    assertThat(SelfPayments.plan(ledger, "seed-2025", table, plan)).isNull();
    // Recording the same plan again adds nothing.
    SelfPayments.plan(ledger, "seed-2025", table, plan);
    assertThat(ledger.entries()).hasSize(1);

    var first =
        SelfPayments.check(
            ledger,
            "hanbit",
            LocalDate.parse("2026-01-15"),
            finding(OpenLevel.OPEN_WEIGHTS_COMMERCIAL));
    assertThat(first.level().to()).isEqualTo(OpenLevel.OPEN_WEIGHTS_COMMERCIAL);
    var c1 = first.selfPayment().getFirst();
    assertThat(c1.before()).isNull();
    assertThat(c1.after().total()).isEqualTo(880_000_000L);
    assertThat(c1.members())
        .containsExactly(
            new SelfPayments.MemberShare(
                "Hanbit AI", null, new SelfPayments.Share(700_000_000, 350_000_000, 350_000_000)),
            new SelfPayments.MemberShare(
                "Mirae Labs", null, new SelfPayments.Share(180_000_000, 36_000_000, 144_000_000)));

    var second =
        SelfPayments.check(
            ledger, "hanbit", LocalDate.parse("2026-07-15"), finding(OpenLevel.RESEARCH_ONLY));
    var c2 = second.selfPayment().getFirst();
    assertThat(c2.from()).isEqualTo(OpenLevel.OPEN_WEIGHTS_COMMERCIAL);
    assertThat(c2.to()).isEqualTo(OpenLevel.RESEARCH_ONLY);
    assertThat(c2.members())
        .containsExactly(
            new SelfPayments.MemberShare(
                "Hanbit AI",
                new SelfPayments.Share(700_000_000, 350_000_000, 350_000_000),
                new SelfPayments.Share(3_500_000_000L, 1_750_000_000L, 1_750_000_000L)),
            new SelfPayments.MemberShare(
                "Mirae Labs",
                new SelfPayments.Share(180_000_000, 36_000_000, 144_000_000),
                new SelfPayments.Share(1_500_000_000L, 300_000_000L, 1_200_000_000L)));
    // The change and its recomputation are one batch: the recomputation names the change's seq.
    var entries = ledger.entries();
    assertThat(entries.get(entries.size() - 2).kind()).isEqualTo(OpenLevelHistory.KIND);
    assertThat(entries.getLast().kind()).isEqualTo(SelfPayment.KIND);
    assertThat(c2.levelSeq()).isEqualTo(entries.get(entries.size() - 2).seq());

    // An unchanged level records nothing.
    int before = ledger.entries().size();
    var same =
        SelfPayments.check(
            ledger, "hanbit", LocalDate.parse("2026-08-01"), finding(OpenLevel.RESEARCH_ONLY));
    assertThat(same.level()).isNull();
    assertThat(same.selfPayment()).isEmpty();
    assertThat(ledger.entries()).hasSize(before);

    assertThat(SelfPayments.replay(ledger, "hanbit"))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.matches()).isTrue());
    assertThat(ledger.verify().intact()).isTrue();
  }

  @Test
  void aPlanTheTableCannotPriceAtEveryLevelIsRefusedAndNothingIsRecorded() {
    Ledger ledger = Ledger.inMemory();
    var noData =
        new SelfPayment.Plan(
            "hanbit",
            List.of(new SelfPayment.Member("Mirae Labs", Team.Size.MEDIUM, 1.0, 0.5)),
            Map.of(Support.DATA, 1_000_000_000L));
    assertThatThrownBy(() -> SelfPayments.plan(ledger, "seed-2025", table, noData))
        .isInstanceOfSatisfying(
            UserError.class,
            e -> assertThat(e.message(false)).startsWith("selfPayment.rows has no rate for"));
    var lowCash =
        new SelfPayment.Plan(
            "hanbit",
            List.of(new SelfPayment.Member("Hanbit AI", Team.Size.LARGE, 1.0, 0.05)),
            Map.of(Support.GPU, 1_000_000_000L));
    assertThatThrownBy(() -> SelfPayments.plan(ledger, "seed-2025", table, lowCash))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.message(false))
                    .isEqualTo(
                        "members.Hanbit AI.cashShare 0.05 is below the programme's minimum cash"
                            + " share 0.1"));
    assertThat(ledger.entries()).isEmpty();
  }

  /** An entry as the former {@code open-level --plan} path wrote it: no plan, no table. */
  private void oldStyle(Ledger ledger, OpenLevel from, OpenLevel to, long editedAfterTotal) {
    var before = SelfPayment.compute(table, from, plan);
    var after = SelfPayment.compute(table, to, plan);
    if (editedAfterTotal >= 0) {
      after =
          new SelfPayment.Result(
              after.team(),
              after.level(),
              after.lines(),
              editedAfterTotal,
              after.cash(),
              editedAfterTotal - after.cash());
    }
    Map<String, Object> payload = new java.util.LinkedHashMap<>();
    payload.put("team", plan.team());
    payload.put("from", from);
    payload.put("to", to);
    payload.put("why", "open-source level checked from release");
    payload.put("before", before);
    payload.put("after", after);
    ledger.append(SelfPayment.KIND, payload);
  }

  @Test
  void recomputationsRecordedInTheFormerShapeAreReadAndReplayedNotSkipped() {
    Ledger ledger = Ledger.inMemory();
    // The former path: the first level recorded as a change from itself, then a real change.
    OpenLevelHistory.record(
        ledger,
        "hanbit",
        LocalDate.parse("2026-01-15"),
        finding(OpenLevel.OPEN_WEIGHTS_COMMERCIAL));
    oldStyle(ledger, OpenLevel.OPEN_WEIGHTS_COMMERCIAL, OpenLevel.OPEN_WEIGHTS_COMMERCIAL, -1);
    OpenLevelHistory.record(
        ledger, "hanbit", LocalDate.parse("2026-07-15"), finding(OpenLevel.RESEARCH_ONLY));
    oldStyle(ledger, OpenLevel.OPEN_WEIGHTS_COMMERCIAL, OpenLevel.RESEARCH_ONLY, -1);
    // Then a recomputation in the current shape, from a recorded plan.
    SelfPayments.plan(ledger, "seed-2025", table, plan);
    SelfPayments.check(
        ledger, "hanbit", LocalDate.parse("2026-12-15"), finding(OpenLevel.FULL_OPEN));

    var replayed = SelfPayments.replay(ledger, "hanbit");
    assertThat(replayed).hasSize(3).allSatisfy(r -> assertThat(r.matches()).isTrue());
    var old = replayed.get(1).legacy();
    assertThat(old).isNotNull();
    assertThat(old.from()).isEqualTo(OpenLevel.OPEN_WEIGHTS_COMMERCIAL);
    assertThat(old.to()).isEqualTo(OpenLevel.RESEARCH_ONLY);
    assertThat(old.before().total()).isEqualTo(880_000_000L);
    assertThat(old.after().total()).isEqualTo(5_000_000_000L);
    assertThat(replayed.get(2).change()).isNotNull();

    // An edited total, or levels no recorded change names, replay as DIFFERENT.
    oldStyle(ledger, OpenLevel.OPEN_WEIGHTS_COMMERCIAL, OpenLevel.RESEARCH_ONLY, 1);
    oldStyle(ledger, OpenLevel.FULL_OPEN, OpenLevel.FULL_OPEN, -1);
    var all = SelfPayments.replay(ledger, "hanbit");
    assertThat(all).hasSize(5);
    assertThat(all.get(3).matches()).isFalse();
    assertThat(all.get(4).matches()).isFalse();
    assertThat(SelfPayments.replay(ledger, "other")).isEmpty();
  }
}
