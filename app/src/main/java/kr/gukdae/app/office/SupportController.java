package kr.gukdae.app.office;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.access.Principal;
import kr.gukdae.app.access.Role;
import kr.gukdae.call.Ids;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.resources.DataPurchase;
import kr.gukdae.resources.ResourceRules;
import kr.gukdae.resources.SupportLedger;
import kr.gukdae.resources.Talent;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data and talent support over HTTP: the office records the call's joint data purchase, each team's
 * spending against its data budget and overseas hires; a team reads its own budget, hires and the
 * purchase set with its own wishes, never another team's. Limits come from the programme file and
 * are checked under the ledger's writer lock ({@link SupportLedger}).
 */
@RestController
@RequestMapping("/api/office")
class SupportController {

  private final OfficeProgrammes programmes;
  private final OfficeService office;
  private final Access access;

  SupportController(OfficeProgrammes programmes, OfficeService office, Access access) {
    this.programmes = programmes;
    this.office = office;
    this.access = access;
  }

  /** The joint purchase as its reader may see it: the office all of it, a team its own wishes. */
  sealed interface PurchaseView permits OfficePurchase, TeamPurchase {}

  /** The office's view: every offer, every team's wishes and the plan. */
  record OfficePurchase(
      List<DataPurchase.Offer> offers, List<DataPurchase.Wish> wishes, DataPurchase.Plan plan)
      implements PurchaseView {}

  /** What a team sees of the joint purchase: the set bought and its own ranked wishes. */
  record TeamPurchase(
      long budget,
      List<String> bought,
      long spent,
      List<String> unmet,
      List<DataPurchase.Wish> wishes)
      implements PurchaseView {}

  @PostMapping("/calls/{call}/data/purchase")
  DataPurchase.Plan purchase(
      HttpServletRequest request, @PathVariable String call, @RequestBody String body) {
    access.require(request, Role.OFFICE);
    OfficeProgramme p = programmes.call(call);
    SupportRules.data(p);
    var f = OfficeFiles.parse(body, "POST .../data/purchase", SupportRules.PurchaseForm.class);
    return SupportRules.purchase(office.ledger(), p, f);
  }

  @GetMapping("/calls/{call}/data/purchase")
  PurchaseView purchased(HttpServletRequest request, @PathVariable String call) {
    Principal p = access.require(request, Role.OFFICE, Role.TEAM);
    dataRules(call);
    SupportLedger.Purchase bought = SupportLedger.purchase(office.ledger(), call);
    if (bought == null) {
      throw UserError.of(
          "공모 " + call + ": 아직 기록된 공동구매가 없습니다",
          "call " + call + ": no joint purchase is recorded yet");
    }
    if (p.has(Role.OFFICE)) {
      return new OfficePurchase(bought.offers(), bought.wishes(), bought.plan());
    }
    var plan = bought.plan();
    return new TeamPurchase(
        plan.budget(),
        plan.bought(),
        plan.spent(),
        plan.unmet(),
        bought.wishes().stream().filter(w -> w.team().equals(p.team())).toList());
  }

  @PostMapping("/calls/{call}/data/spending")
  SupportLedger.Budget spend(
      HttpServletRequest request, @PathVariable String call, @RequestBody String body) {
    access.require(request, Role.OFFICE);
    OfficeProgramme p = programmes.call(call);
    SupportRules.data(p);
    var s = OfficeFiles.parse(body, "POST .../data/spending", SupportLedger.Spending.class);
    return SupportRules.spend(office.ledger(), p, s);
  }

  @GetMapping("/teams/{team}/data-budget")
  SupportLedger.Budget budget(
      HttpServletRequest request,
      @PathVariable String team,
      @RequestParam(required = false) @Nullable String call) {
    Principal p = access.require(request, Role.OFFICE, Role.TEAM);
    String c = required(call);
    ownOnly(p, team, c);
    return SupportRules.budget(office.ledger(), programmes.call(c), team);
  }

  /** An overseas hire; the answer says what matching it gets and why. */
  @PostMapping("/calls/{call}/talent/hires")
  SupportLedger.Hired hire(
      HttpServletRequest request, @PathVariable String call, @RequestBody String body) {
    access.require(request, Role.OFFICE);
    OfficeProgramme p = programmes.call(call);
    SupportRules.talent(p);
    Talent.Hire h = OfficeFiles.parse(body, "POST .../talent/hires", Talent.Hire.class);
    return SupportRules.hire(office.ledger(), p, h);
  }

  @GetMapping("/teams/{team}/talent")
  List<SupportLedger.Hired> talent(
      HttpServletRequest request,
      @PathVariable String team,
      @RequestParam(required = false) @Nullable String call) {
    Principal p = access.require(request, Role.OFFICE, Role.TEAM);
    String c = required(call);
    programmes.call(c);
    ownOnly(p, team, c);
    return SupportLedger.hires(office.ledger(), c).stream()
        .filter(x -> x.hire().team().equals(team))
        .toList();
  }

  private ResourceRules.DataRules dataRules(String call) {
    return SupportRules.data(programmes.call(call));
  }

  /**
   * A team account reads only its own records. A team without support records in the call is a 400
   * for everyone allowed to ask (team ids are public: the designation registry lists them).
   */
  private void ownOnly(Principal p, String team, String call) {
    try {
      Ids.check(team, "team");
    } catch (IllegalArgumentException e) {
      throw new UserError(String.valueOf(e.getMessage()));
    }
    boolean known = SupportRules.teams(office.ledger(), programmes.call(call)).contains(team);
    if (!known) {
      throw UserError.of(
          "team " + team + ": " + call + "에 데이터 또는 인재 지원 기록이 없습니다",
          "team " + team + ": no data or talent support records in " + call);
    }
    if (!p.has(Role.OFFICE) && !team.equals(p.team())) {
      throw new AccessDenied(
          HttpStatus.FORBIDDEN,
          "forbidden",
          "팀 계정은 자기 팀의 기록만 볼 수 있습니다 / a team account reads only its own records (team "
              + p.team()
              + ")");
    }
  }

  private static String required(@Nullable String call) {
    if (call == null || call.isBlank()) {
      throw UserError.of("?call=이 필요합니다", "?call= is required");
    }
    return call;
  }
}
