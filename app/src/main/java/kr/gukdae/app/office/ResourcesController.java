package kr.gukdae.app.office;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.access.Principal;
import kr.gukdae.app.access.Role;
import kr.gukdae.app.data.DataRegistry;
import kr.gukdae.call.Ids;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.openness.OpenLevel;
import kr.gukdae.openness.OpenLevelHistory;
import kr.gukdae.openness.OpenSourceCheck;
import kr.gukdae.resources.Allocation;
import kr.gukdae.resources.Compute;
import kr.gukdae.resources.Continuation;
import kr.gukdae.resources.ResourceLedger;
import kr.gukdae.resources.ResourceRules;
import kr.gukdae.resources.RoundGrants;
import kr.gukdae.resources.SelfPayment;
import kr.gukdae.resources.SelfPayments;
import kr.gukdae.resources.StageAllocations;
import kr.gukdae.resources.UsageReport;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resources and the open-source level over HTTP. The office records (allocations that follow a
 * replayed stage decision, the operator's usage reports, open-source checks of a released
 * repository placed under {@code GUKDAE_HOME/releases/<team>}) and runs the continuation check; a
 * team reads its own records, never another team's. Everything recorded goes to the audit ledger.
 */
@RestController
@RequestMapping("/api/office")
class ResourcesController {

  private final OfficeProgrammes programmes;
  private final OfficeService office;
  private final Access access;
  private final Path releases;
  private final Clock clock;
  private final DataRegistry data;

  ResourcesController(
      OfficeProgrammes programmes,
      OfficeService office,
      Access access,
      DataRegistry data,
      @Value("${gukdae.home}") Path home,
      ObjectProvider<Clock> clock) {
    this.programmes = programmes;
    this.office = office;
    this.access = access;
    this.data = data;
    this.releases = home.resolve("releases");
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** The team's checked level, its history and every self-payment recomputed with a change. */
  record OpenLevelView(
      String team,
      @Nullable OpenLevel current,
      List<OpenLevelHistory.Change> history,
      List<SelfPayments.Replayed> selfPayment) {}

  /**
   * A team's self-payment: the plan per call (with the table it is paid under), the amount at the
   * current checked level, and every recorded recomputation with whether it replays.
   */
  record SelfPaymentView(
      String team,
      @Nullable OpenLevel level,
      List<SelfPayments.Planned> plans,
      List<SelfPayment.Result> current,
      List<SelfPayments.Replayed> changes,
      boolean replays) {}

  record ResourcesView(
      String team,
      List<Allocation> allocations,
      List<UsageReport> usage,
      List<Compute.TeamAccount> account,
      List<RoundGrants.Granted> grants) {}

  /** The stage's GPUs, and each team's line with its data budget and talent cap. */
  record Allocated(
      int stage,
      long decisionSeq,
      List<Allocation> allocations,
      List<StageAllocations.Line> teams) {}

  @GetMapping("/teams/{team}/open-level")
  OpenLevelView openLevel(HttpServletRequest request, @PathVariable String team) {
    ownOnly(access.require(request, Role.OFFICE, Role.TEAM), team);
    Ledger ledger = office.ledger();
    return new OpenLevelView(
        team,
        OpenLevelHistory.current(ledger, team),
        OpenLevelHistory.history(ledger, team),
        SelfPayments.replay(ledger, team));
  }

  /**
   * Records a team's consortium plan for a call (members' cost and cash shares, each support's
   * cost) under the call's self-payment table; every later level change recomputes it.
   */
  @PostMapping("/calls/{call}/teams/{team}/self-payment")
  SelfPaymentView plan(
      HttpServletRequest request,
      @PathVariable String call,
      @PathVariable String team,
      @RequestBody String body) {
    access.require(request, Role.OFFICE);
    teamId(team);
    var rules = rules(call);
    if (rules.selfPayment() == null) {
      throw UserError.of(
          "공모 " + call + ": 프로그램 파일에 resources.selfPayment 표가 없습니다",
          "call " + call + ": its programme file has no resources.selfPayment table");
    }
    var plan = OfficeFiles.parse(body, "POST .../self-payment", SelfPayment.Plan.class);
    if (!plan.team().equals(team)) {
      throw UserError.of(
          "team: 본문의 팀 '" + plan.team() + "'이(가) 경로의 팀 '" + team + "'과(와) 다릅니다",
          "team: the body's team '" + plan.team() + "' is not the path's team '" + team + "'");
    }
    SelfPayments.plan(office.ledger(), call, rules.selfPayment(), plan);
    return selfPayment(request, team);
  }

  @GetMapping("/teams/{team}/self-payment")
  SelfPaymentView selfPayment(HttpServletRequest request, @PathVariable String team) {
    ownOnly(access.require(request, Role.OFFICE, Role.TEAM), team);
    Ledger ledger = office.ledger();
    OpenLevel level = OpenLevelHistory.current(ledger, team);
    var plans = List.copyOf(SelfPayments.plans(ledger, team).values());
    var changes = SelfPayments.replay(ledger, team);
    return new SelfPaymentView(
        team,
        level,
        plans,
        level == null
            ? List.of()
            : plans.stream().map(p -> SelfPayment.compute(p.table(), level, p.plan())).toList(),
        changes,
        changes.stream().allMatch(SelfPayments.Replayed::matches));
  }

  /** Checks the release the office placed under {@code releases/<team>}; records a change. */
  @PostMapping("/teams/{team}/open-level")
  OpenLevelView checkOpenLevel(
      HttpServletRequest request,
      @PathVariable String team,
      @RequestParam(required = false) @Nullable String date) {
    access.require(request, Role.OFFICE);
    Path repo = releases.resolve(teamId(team)); // a single path segment below releases/
    var finding = OpenSourceCheck.inspect(repo);
    SelfPayments.check(office.ledger(), team, day(date, "date"), finding);
    return openLevel(request, team);
  }

  @GetMapping("/teams/{team}/resources")
  ResourcesView resources(
      HttpServletRequest request,
      @PathVariable String team,
      @RequestParam(required = false) @Nullable String call) {
    ownOnly(access.require(request, Role.OFFICE, Role.TEAM), team);
    OfficeProgramme programme = programmes.call(required(call, "call"));
    Ledger ledger = office.ledger();
    List<Allocation> mine =
        ResourceLedger.allocations(ledger).stream().filter(a -> a.team().equals(team)).toList();
    List<UsageReport> usage =
        ResourceLedger.usage(ledger).stream().filter(u -> u.team().equals(team)).toList();
    return new ResourcesView(
        team,
        mine,
        usage,
        programme.resources() == null
            ? List.of()
            : Compute.account(programme.resources().gpu(), mine, usage),
        RoundGrants.of(ledger, team));
  }

  /** GPUs for the stage after {@code stage}, from its recorded decision (replayed first). */
  @PostMapping("/calls/{call}/resources/allocate")
  synchronized Allocated allocate(
      HttpServletRequest request,
      @PathVariable String call,
      @RequestParam(required = false) @Nullable Integer stage,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    access.require(request, Role.OFFICE);
    ResourceRules rules = rules(call);
    int decided = required(stage, "stage");
    var g =
        StageAllocations.allocate(
            office.ledger(), call, rules, decided, day(from, "from"), day(to, "to"));
    return new Allocated(g.stage(), g.decisionSeq(), g.allocations(), g.lines());
  }

  /**
   * Resources between selection rounds: each team the round's recorded (replayed) decision selected
   * gets the round's grant from {@code from}; once per round.
   */
  @PostMapping("/calls/{call}/rounds/{round}/grants")
  List<RoundGrants.Granted> grants(
      HttpServletRequest request,
      @PathVariable String call,
      @PathVariable String round,
      @RequestParam(required = false) @Nullable String from) {
    access.require(request, Role.OFFICE);
    OfficeProgramme p = programmes.call(call);
    var decision = office.decision(p, round);
    return RoundGrants.grant(
        office.ledger(),
        p.call().id(),
        p.funnel().round(round),
        decision,
        day(from, "from"),
        p.resources() == null ? null : p.resources().gpu());
  }

  /** The operator's measurement: delivered share of nominal speed, utilisation, for a period. */
  @PostMapping("/calls/{call}/resources/usage")
  UsageReport usage(
      HttpServletRequest request, @PathVariable String call, @RequestBody String body) {
    access.require(request, Role.OFFICE);
    ResourceRules rules = rules(call);
    UsageReport r = OfficeFiles.parse(body, "POST .../resources/usage", UsageReport.class);
    rules.gpu().rate(r.gpuType()); // a type the programme has no exchange rate for is an error
    ResourceLedger.report(office.ledger(), r);
    return r;
  }

  /**
   * Which funded teams do not meet the programme's continuation condition yet, before {@code
   * stageDate}. Teams are those holding allocations for {@code stage}.
   */
  @GetMapping("/calls/{call}/continuation")
  Continuation.Report continuation(
      HttpServletRequest request,
      @PathVariable String call,
      @RequestParam(required = false) @Nullable Integer stage,
      @RequestParam(required = false) @Nullable String stageDate) {
    access.require(request, Role.OFFICE);
    ResourceRules rules = rules(call);
    if (rules.continuation() == null) {
      throw UserError.of(
          "공모 " + call + ": 프로그램에 resources.continuation 규칙이 없습니다",
          "call " + call + ": the programme has no resources.continuation rules");
    }
    int n = required(stage, "stage");
    Ledger ledger = office.ledger();
    LocalDate date = day(stageDate, "stageDate");
    return Continuation.check(
        rules.continuation(),
        ledger,
        StageAllocations.teamsIn(ledger, n),
        n,
        date,
        LocalDate.now(clock.withZone(ZoneOffset.UTC)),
        (team, unit, share) ->
            data.teams().stream().anyMatch(t -> t.id().equals(team))
                ? data.openness(team, unit, share, List.of(date))
                : null);
  }

  /**
   * A team account reads only its own records. A team without records is a 400 for everyone allowed
   * to ask (team ids are public: the designation registry lists them).
   */
  private void ownOnly(Principal p, String team) {
    teamId(team);
    Ledger ledger = office.ledger();
    boolean known =
        !OpenLevelHistory.history(ledger, team).isEmpty()
            || !SelfPayments.plans(ledger, team).isEmpty()
            || ResourceLedger.allocations(ledger).stream().anyMatch(a -> a.team().equals(team))
            || ResourceLedger.usage(ledger).stream().anyMatch(u -> u.team().equals(team))
            || !RoundGrants.of(ledger, team).isEmpty();
    if (!known) {
      throw UserError.of(
          "team " + team + ": 아직 자원 또는 오픈소스 기록이 없습니다",
          "team " + team + ": no resource or open-source records yet");
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

  /** A team id that is also safe as one path segment ({@code .} and {@code ..} are not). */
  private static String teamId(String team) {
    try {
      Ids.check(team, "team");
    } catch (IllegalArgumentException e) {
      throw new UserError(String.valueOf(e.getMessage()));
    }
    if (team.matches("\\.+")) {
      throw UserError.of(
          "team: '" + team + "'은(는) 팀 id가 아닙니다", "team: '" + team + "' is not a team id");
    }
    return team;
  }

  private ResourceRules rules(String call) {
    OfficeProgramme p = programmes.call(call);
    if (p.resources() == null) {
      throw UserError.of(
          "공모 " + call + ": 프로그램 파일에 resources 항목이 없습니다",
          "call " + call + ": its programme file has no resources section");
    }
    return p.resources();
  }

  private static <T> T required(@Nullable T value, String name) {
    if (value == null) {
      throw UserError.of("?" + name + "=이(가) 필요합니다", "?" + name + "= is required");
    }
    return value;
  }

  private LocalDate day(@Nullable String value, String name) {
    if ((value == null || value.isBlank()) && name.equals("date")) {
      return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
    return QueryDates.required(value, name);
  }
}
