package kr.gukdae.app.office;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.access.Principal;
import kr.gukdae.app.access.Role;
import kr.gukdae.call.Application;
import kr.gukdae.call.Call;
import kr.gukdae.call.Calls;
import kr.gukdae.call.Support;
import kr.gukdae.call.Violation;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.office.Source;
import kr.gukdae.selection.Assignment;
import kr.gukdae.selection.Round;
import kr.gukdae.selection.RoundResult;
import kr.gukdae.selection.Score;
import kr.gukdae.selection.Selection;
import kr.gukdae.text.Reason;
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
 * Calls, applications and selection rounds over HTTP. Applicants are TEAM accounts whose team id is
 * their application id; reviewers are REVIEWER accounts whose username is their panel id; the
 * office (OFFICE) seals, assigns and decides.
 */
@RestController
@RequestMapping("/api/office")
class OfficeController {

  private static final int MAX_BODY = 256 * 1024;

  private final OfficeProgrammes programmes;
  private final OfficeService office;
  private final Access access;

  OfficeController(OfficeProgrammes programmes, OfficeService office, Access access) {
    this.programmes = programmes;
    this.office = office;
    this.access = access;
  }

  record ProgrammeView(
      String programme,
      String version,
      boolean demo,
      List<Source> sources,
      Call call,
      List<Round> rounds,
      boolean portfolio) {}

  /** What an applicant sends; the call and the submission time are the server's. */
  record ApplicationForm(
      String id,
      String consortium,
      List<Application.Member> members,
      Set<Support> support,
      List<Application.Document> documents,
      @Nullable List<String> suppliers) {}

  /** The application's own violations, each line in both languages under its rule as code. */
  record Submitted(String application, List<Reason> violations) {}

  record SheetForm(
      String application, java.util.Map<String, Double> items, @Nullable Boolean approve) {}

  record Ok(String message) {}

  @GetMapping("/programmes")
  List<ProgrammeView> programmes() {
    return programmes.all().stream()
        .map(p ->
            new ProgrammeView(
                p.programme(),
                p.version(),
                p.demo(),
                p.sources(),
                p.call(),
                p.funnel().rounds(),
                p.portfolio() != null))
        .toList();
  }

  @PostMapping("/calls/{call}/applications")
  Submitted submit(
      HttpServletRequest request, @PathVariable String call, @RequestBody String body) {
    Principal who = access.require(request, Role.TEAM, Role.OFFICE);
    ApplicationForm f =
        parse(body, "POST /api/office/calls/" + call + "/applications", ApplicationForm.class);
    if (f.id() == null) {
      throw UserError.of(
          "POST /api/office/calls/" + call + "/applications: id가 필요합니다",
          "POST /api/office/calls/" + call + "/applications: id is required");
    }
    if (!who.has(Role.OFFICE) && !f.id().equals(who.team())) {
      throw new AccessDenied(
          HttpStatus.FORBIDDEN,
          "forbidden",
          "팀 계정은 자기 신청서만 제출합니다 / id: a team account submits only its own application ('"
              + who.team()
              + "')");
    }
    OfficeProgramme p = programmes.call(call);
    Application a;
    try {
      a =
          new Application(
              f.id(),
              call,
              f.consortium(),
              f.members(),
              f.support(),
              f.documents(),
              f.suppliers() == null ? List.of() : f.suppliers(),
              java.time.OffsetDateTime.now());
    } catch (UserError e) {
      throw UserError.of(
          "application: 신청서의 " + e.message(true), "application: " + e.message(false), e);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw UserError.of(
          "application: 신청서가 올바르지 않습니다: " + e.getMessage(), "application: " + e.getMessage());
    }
    List<Violation> v = office.submit(p, a, who.id());
    return new Submitted(a.id(), v.stream().map(Violation::line).toList());
  }

  @GetMapping("/calls/{call}/applications")
  List<Application> applications(HttpServletRequest request, @PathVariable String call) {
    Principal who = access.require(request, Role.TEAM, Role.OFFICE);
    List<Application> all = office.applications(programmes.call(call));
    return who.has(Role.OFFICE)
        ? all
        : all.stream().filter(a -> a.id().equals(who.team())).toList();
  }

  @GetMapping("/calls/{call}/eligibility")
  List<String> eligibility(HttpServletRequest request, @PathVariable String call) {
    access.require(request, Role.OFFICE);
    return office.eligibility(programmes.call(call)).stream().map(Violation::toString).toList();
  }

  @PostMapping("/calls/{call}/seal")
  Calls.Seal seal(HttpServletRequest request, @PathVariable String call) {
    access.require(request, Role.OFFICE);
    return office.seal(programmes.call(call));
  }

  @PostMapping("/calls/{call}/rounds/{round}/assign")
  Assignment assign(
      HttpServletRequest request, @PathVariable String call, @PathVariable String round) {
    access.require(request, Role.OFFICE);
    return office.assign(programmes.call(call), round);
  }

  /** The office sees the whole assignment; a reviewer sees the applications assigned to them. */
  @GetMapping("/calls/{call}/rounds/{round}/assignment")
  List<Application> assignment(
      HttpServletRequest request, @PathVariable String call, @PathVariable String round) {
    Principal who = access.require(request, Role.REVIEWER, Role.OFFICE);
    OfficeProgramme p = programmes.call(call);
    Assignment a = office.assignment(p, round);
    List<String> mine =
        a.reviewersOf().entrySet().stream()
            .filter(e -> who.has(Role.OFFICE) || e.getValue().contains(who.username()))
            .map(java.util.Map.Entry::getKey)
            .toList();
    return Calls.sealed(office.ledger(), p.call().id()).stream()
        .filter(x -> mine.contains(x.id()))
        .toList();
  }

  @PostMapping("/calls/{call}/rounds/{round}/scores")
  Ok score(
      HttpServletRequest request,
      @PathVariable String call,
      @PathVariable String round,
      @RequestBody String body) {
    Principal who = access.require(request, Role.REVIEWER);
    SheetForm f =
        parse(
            body,
            "POST /api/office/calls/" + call + "/rounds/" + round + "/scores",
            SheetForm.class);
    Score s;
    try {
      s = new Score(round, who.accountName(), f.application(), f.items(), f.approve());
    } catch (UserError e) {
      throw UserError.of("sheet: 심사표의 " + e.message(true), "sheet: " + e.message(false), e);
    } catch (IllegalArgumentException e) {
      throw UserError.of("sheet: 심사표가 올바르지 않습니다: " + e.getMessage(), "sheet: " + e.getMessage());
    }
    office.score(programmes.call(call), s);
    return new Ok("saved " + s.reviewer() + "/" + s.application());
  }

  @PostMapping("/calls/{call}/rounds/{round}/decide")
  RoundResult decide(
      HttpServletRequest request, @PathVariable String call, @PathVariable String round) {
    access.require(request, Role.OFFICE);
    return office.decide(programmes.call(call), round);
  }

  @GetMapping("/calls/{call}/rounds/{round}/decision")
  RoundResult decision(
      HttpServletRequest request, @PathVariable String call, @PathVariable String round) {
    access.require(request, Role.OFFICE, Role.REVIEWER);
    return office.decision(programmes.call(call), round);
  }

  record ReplayView(boolean intact, long decisionSeq, boolean matches, RoundResult recomputed) {}

  @GetMapping("/calls/{call}/rounds/{round}/replay")
  ReplayView replay(
      HttpServletRequest request, @PathVariable String call, @PathVariable String round) {
    access.require(request, Role.OFFICE);
    Selection.Replay r = office.replay(programmes.call(call), round);
    return new ReplayView(r.chain().intact(), r.decisionSeq(), r.matches(), r.recomputed());
  }

  @GetMapping("/calls/{call}/rounds/{round}/what-if")
  Selection.WhatIf whatIf(
      HttpServletRequest request,
      @PathVariable String call,
      @PathVariable String round,
      @RequestParam(required = false) @Nullable String criterion,
      @RequestParam(required = false) @Nullable Double weight) {
    access.require(request, Role.OFFICE);
    // Parameters are checked after the access check, so a stranger learns nothing about them.
    if (criterion == null || weight == null) {
      throw UserError.of(
          "what-if에는 ?criterion=ID&weight=N(기준의 새 가중치)이 필요합니다",
          "what-if needs ?criterion=ID&weight=N (the criterion's new weight)");
    }
    return office.whatIf(programmes.call(call), round, criterion, weight);
  }

  private static <T> T parse(String body, String where, Class<T> type) {
    if (body.length() > MAX_BODY) {
      throw UserError.of(where + ": 본문이 256 KiB보다 큽니다", where + ": body larger than 256 KiB");
    }
    return OfficeFiles.parse(body, where, type);
  }
}
