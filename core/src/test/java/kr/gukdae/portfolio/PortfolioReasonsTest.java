package kr.gukdae.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.text.Reason;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recorded decision carries its reasons in Korean and English (with a code), so the ledger
 * record itself reads in both languages; decisions recorded with English-only reasons still read
 * back and replay in their own shape, and an edit of one of their reasons still shows.
 */
class PortfolioReasonsTest {

  static final String CALL = "institutes-2026";
  final OfficeProgramme p = OfficeFiles.programme("institutes");

  @Test
  void theLedgerRecordHoldsEveryReasonInBothLanguages() {
    Ledger ledger = Ledger.inMemory();
    var d =
        PortfolioDecision.decide(
            ledger, CALL, p.portfolio(), OfficeFiles.examplePortfolioResults("institutes"));
    assertThat(d.reason())
        .isEqualTo(
            new Reason(
                "CONTINUES",
                "4개 분야 중 3개 충족, 필요 3개: 포트폴리오 계속",
                "3 of 4 domains covered; 3 needed: the portfolio continues"));
    var law = d.models().stream().filter(m -> m.model().equals("kimed-law-3b")).findFirst().get();
    assertThat(law.reason().code()).isEqualTo("BELOW_THRESHOLD");
    assertThat(law.reason().text().ko()).startsWith("벤치마크 기준 미달: ko-bar-exam 48.0 < 50.0");
    assertThat(law.reason().text().en())
        .startsWith("below a benchmark threshold: ko-bar-exam 48.0 < 50.0");
    assertThat(d.domains().get(3).reason())
        .isEqualTo(
            new Reason(
                "NOT_COVERED", "manufacturing: 통과한 모델이 없습니다", "no model passes manufacturing"));
    // The record itself, as the ledger stores it, is bilingual.
    JsonNode recorded = CanonicalJson.parse(ledger.entries().getLast().payload()).path("decision");
    assertThat(recorded.path("reason").path("ko").asString()).contains("포트폴리오 계속");
    assertThat(recorded.path("domains").get(0).path("reason").path("ko").asString())
        .startsWith("최고: kilaw-law-7b");
    assertThat(PortfolioDecision.replay(ledger, CALL).matches()).isTrue();
  }

  @Test
  void aDecisionRecordedWithEnglishOnlyReasonsReadsBackAndReplaysAndAnEditShows() {
    // Build the old shape: the same record with each reason as its English sentence.
    Ledger scratch = Ledger.inMemory();
    PortfolioDecision.decide(
        scratch, CALL, p.portfolio(), OfficeFiles.examplePortfolioResults("institutes"));
    JsonNode payload = CanonicalJson.parse(scratch.entries().getLast().payload());
    Legacy.toEnglish(payload.path("decision"));
    assertThat(payload.path("decision").path("reason").asString())
        .isEqualTo("3 of 4 domains covered; 3 needed: the portfolio continues");

    Ledger ledger = Ledger.inMemory();
    ledger.appendJson(PortfolioDecision.KIND, CanonicalJson.of(payload));
    var r = PortfolioDecision.recorded(ledger, CALL);
    assertThat(r.decision().reason())
        .isEqualTo(
            new Reason(
                Reason.RECORDED,
                "3 of 4 domains covered; 3 needed: the portfolio continues",
                "3 of 4 domains covered; 3 needed: the portfolio continues"));
    assertThat(PortfolioDecision.replay(ledger, CALL).matches()).isTrue();

    Ledger edited = Ledger.inMemory();
    ((ObjectNode) payload.path("decision").path("models").get(0))
        .put("reason", "domain score 99.00 >= 60.0");
    edited.appendJson(PortfolioDecision.KIND, CanonicalJson.of(payload));
    assertThat(PortfolioDecision.replay(edited, CALL).matches()).isFalse();
  }
}
