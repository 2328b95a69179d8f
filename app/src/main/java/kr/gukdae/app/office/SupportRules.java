package kr.gukdae.app.office;

import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.resources.DataPurchase;
import kr.gukdae.resources.ResourceRules;
import kr.gukdae.resources.SupportLedger;
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
          "call " + p.call().id() + ": 프로그램 파일에 resources.data 예산이 없습니다",
          "call " + p.call().id() + ": its programme file has no resources.data budgets");
    }
    return p.resources().data();
  }

  static ResourceRules.TalentRules talent(OfficeProgramme p) {
    if (p.resources() == null || p.resources().talent() == null) {
      throw UserError.of(
          "call " + p.call().id() + ": 프로그램 파일에 resources.talent 규칙이 없습니다",
          "call " + p.call().id() + ": its programme file has no resources.talent rules");
    }
    return p.resources().talent();
  }

  /** Records the joint purchase once per call. */
  static DataPurchase.Plan purchase(Ledger ledger, OfficeProgramme p, PurchaseForm f) {
    return SupportLedger.purchase(ledger, p.call().id(), data(p), f.offers(), f.wishes());
  }

  /** An overseas hire with the matching it gets: after the call date, capped, after elimination. */
  static SupportLedger.Hired hire(Ledger ledger, OfficeProgramme p, Talent.Hire h) {
    return SupportLedger.hire(
        ledger,
        p.call().id(),
        talent(p),
        p.call().opens().toLocalDate(),
        h,
        SupportLedger.eliminatedOn(ledger));
  }
}
