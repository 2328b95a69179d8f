package kr.gukdae.app.office;

import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.portfolio.PortfolioFunding;
import kr.gukdae.resources.DataPurchase;
import kr.gukdae.resources.ResourceRules;
import kr.gukdae.resources.StageAllocations;
import kr.gukdae.resources.SupportLedger;
import kr.gukdae.resources.SupportTerms;
import kr.gukdae.resources.Talent;

/**
 * Data and talent support as the REST API and {@code gukdae support} both record it: the
 * programme's rules (or one clear error when its file has none) and the steps that need more than
 * the rules, so both faces record the same thing.
 */
final class SupportRules {

  private SupportRules() {}

  /** The joint purchase's input: the suppliers' offers and each team's ranked wishes. */
  record PurchaseForm(List<DataPurchase.Offer> offers, List<DataPurchase.Wish> wishes) {
    PurchaseForm {
      offers = offers == null ? List.of() : List.copyOf(offers);
      wishes = wishes == null ? List.of() : List.copyOf(wishes);
    }
  }

  static ResourceRules.DataRules data(OfficeProgramme p) {
    if (p.resources() == null || p.resources().data() == null) {
      throw UserError.of(
          "공모 " + p.call().id() + ": 프로그램 파일에 resources.data 예산이 없습니다",
          "call " + p.call().id() + ": its programme file has no resources.data budgets");
    }
    return p.resources().data();
  }

  static ResourceRules.TalentRules talent(OfficeProgramme p) {
    if (p.resources() == null || p.resources().talent() == null) {
      throw UserError.of(
          "공모 " + p.call().id() + ": 프로그램 파일에 resources.talent 규칙이 없습니다",
          "call " + p.call().id() + ": its programme file has no resources.talent rules");
    }
    return p.resources().talent();
  }

  /** Records the joint purchase once per call. */
  static DataPurchase.Plan purchase(Ledger ledger, OfficeProgramme p, PurchaseForm f) {
    return SupportLedger.purchase(ledger, p.call().id(), data(p), f.offers(), f.wishes());
  }

  /**
   * What later recorded decisions give or end for the call's teams: the portfolio's funding and the
   * numbered stages' grants (kept teams get the stage's data budget and talent cap, dropped ones
   * lose data support), read inside each ledger batch. A record that no longer replays refuses the
   * support step.
   */
  static SupportTerms.Source terms(OfficeProgramme p) {
    String call = p.call().id();
    return l ->
        p.resources() == null
            ? SupportTerms.NONE
            : PortfolioFunding.terms(l, call, p.resources().gpu())
                .plus(StageAllocations.terms(l, call));
  }

  /** A spending against the team's data budget (the call's, plus what later stages gave it). */
  static SupportLedger.Budget spend(Ledger ledger, OfficeProgramme p, SupportLedger.Spending s) {
    return SupportLedger.spend(ledger, p.call().id(), data(p), s, terms(p));
  }

  static SupportLedger.Budget budget(Ledger ledger, OfficeProgramme p, String team) {
    return SupportLedger.budget(ledger, p.call().id(), data(p), team, terms(p).read(ledger));
  }

  /** Every team with support records or terms in the call. */
  static java.util.Set<String> teams(Ledger ledger, OfficeProgramme p) {
    return SupportLedger.teams(ledger, p.call().id(), terms(p).read(ledger));
  }

  /** An overseas hire with the matching it gets: after the call date, capped, after elimination. */
  static SupportLedger.Hired hire(Ledger ledger, OfficeProgramme p, Talent.Hire h) {
    return SupportLedger.hire(
        ledger,
        p.call().id(),
        talent(p),
        p.call().opens().toLocalDate(),
        h,
        SupportLedger.eliminatedOn(ledger),
        terms(p));
  }
}
