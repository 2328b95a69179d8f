package kr.gukdae.app.stage;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Principal;
import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import kr.gukdae.app.programmes.Programmes;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.report.Lang;
import kr.gukdae.report.Reports;
import kr.gukdae.stage.Component;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.stage.StageDef;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.Stages;
import kr.gukdae.stage.Team;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programme workspace, readiness, decisions and reports. Anyone sees the programme, the
 * decision list, the public summary and the ledger's state; the office sees evidence, full results
 * and explanations and records decisions; a team sees its own report.
 */
@RestController
@RequestMapping("/api/stage")
class StageController {

  private final Ledger ledger;
  private final StageService stages;
  private final Decisions decisions;
  private final Access access;

  StageController(Ledger ledger, StageService stages, Decisions decisions, Access access) {
    this.ledger = ledger;
    this.stages = stages;
    this.decisions = decisions;
    this.access = access;
  }

  /**
   * {@code pointsFunction} stays the English a decision records, for existing clients; {@code
   * pointsFunctionText} and {@code tieBreakRule} are for people, in Korean and English.
   */
  record ProgrammeView(
      boolean loaded,
      long id,
      String name,
      String version,
      String sha256,
      boolean demo,
      List<Team> teams,
      List<StageDef> stages,
      List<Component> components,
      double total,
      String pointsFunction,
      Bilingual pointsFunctionText,
      List<String> tieBreak,
      Bilingual tieBreakRule) {}

  record DecisionView(
      long seq,
      String recordedAt,
      int stage,
      String programme,
      List<String> survivors,
      boolean authoritative,
      @Nullable Long supersedes,
      @Nullable String reason,
      String decidedBy) {}

  /** {@code message} stays English for existing clients; {@code reasonKo} says why in Korean. */
  record AuditView(
      boolean intact,
      long entries,
      @Nullable String headHash,
      long brokenSeq,
      String message,
      String reasonKo) {}

  record DecideForm(int stage, @Nullable String reason) {}

  /** The current programme; the demo programme as a preview when none is loaded. */
  @GetMapping("/programme")
  ProgrammeView programme() {
    Optional<Programmes.Loaded> current = stages.programmes().current();
    Program p = current.map(Programmes.Loaded::program).orElseGet(ProgramLoader::demo);
    return new ProgrammeView(
        current.isPresent(),
        current.map(Programmes.Loaded::id).orElse(0L),
        p.name(),
        p.version(),
        p.sourceSha256(),
        p.demo(),
        p.teams(),
        p.stages(),
        p.scheme().components(),
        p.scheme().total(),
        p.scheme().pointsFunction().describe(),
        p.scheme().pointsFunction().text(),
        p.scheme().tieBreak(),
        p.scheme().tieBreakText());
  }

  /** What is recorded for a stage, per team and component (GET reads; it records nothing). */
  @GetMapping("/status")
  Readiness status(@RequestParam(defaultValue = "1") int stage) {
    Programmes.Loaded loaded = stages.programmes().require();
    loaded.program().stage(stage);
    return Readiness.of(loaded.program(), stage, stages.workspace().evidence(loaded.id(), stage));
  }

  /** The office records what the features have measured since the last look. */
  @Requires(Role.OFFICE)
  @PostMapping("/gather")
  Readiness gather(@RequestParam(defaultValue = "1") int stage, HttpServletRequest request) {
    access.require(request, Role.OFFICE);
    return stages.status(stages.programmes().require(), stage);
  }

  record EvidenceView(
      StageEvidence evidence, String link, @Nullable String sourceLink, List<Links.Link> trail) {}

  @Requires(Role.OFFICE)
  @GetMapping("/evidence/{id}")
  EvidenceView evidence(@PathVariable long id, HttpServletRequest request) {
    access.require(request, Role.OFFICE);
    StageEvidence e =
        stages
            .workspace()
            .evidence(id)
            .orElseThrow(() -> UserError.of("근거 자료 " + id + "이(가) 없습니다", "no evidence " + id));
    return new EvidenceView(e, Links.evidence(id), Links.source(e), Links.trail(e));
  }

  @GetMapping("/decisions")
  List<DecisionView> decisions() {
    List<DecisionView> out = new ArrayList<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(Stages.DECISION)) {
        StageResult r = Stages.decisionOf(e);
        var row = decisions.bySeq(e.seq());
        var payload = CanonicalJson.parse(e.payload());
        out.add(
            new DecisionView(
                e.seq(),
                e.timestamp().toString(),
                r.stage(),
                r.programme(),
                r.survivors(),
                row.map(d -> d.supersededBy() == null).orElse(false),
                payload.has("supersedes") ? payload.path("supersedes").asLong() : null,
                payload.has("reason") ? payload.path("reason").asString() : null,
                payload.path("decidedBy").asString("")));
      }
    }
    return out;
  }

  /** Records the stage's decision from the evidence that counts (office only). */
  @Requires(Role.OFFICE)
  @PostMapping("/decisions")
  DecisionView decide(@RequestBody DecideForm form, HttpServletRequest request) {
    Principal office = access.require(request, Role.OFFICE);
    var decided =
        stages.decide(
            stages.programmes().require(), form.stage(), office.accountName(), true, form.reason());
    return decisions().stream()
        .filter(d -> d.seq() == decided.ledgerSeq())
        .findFirst()
        .orElseThrow();
  }

  @Requires(Role.OFFICE)
  @GetMapping("/decisions/{seq}")
  StageResult decision(@PathVariable long seq, HttpServletRequest request) {
    access.require(request, Role.OFFICE);
    return Stages.decisionOf(decisionEntry(seq));
  }

  @Requires(Role.OFFICE)
  @GetMapping("/decisions/{seq}/explain")
  Explained explain(@PathVariable long seq, HttpServletRequest request) {
    access.require(request, Role.OFFICE);
    LedgerEntry entry = decisionEntry(seq);
    var row = decisions.bySeq(seq);
    var payload = CanonicalJson.parse(entry.payload());
    return Explained.of(
        entry,
        ledger.entries(),
        programmeOf(entry),
        row.map(d -> d.supersededBy() == null).orElse(false),
        payload.has("supersedes") ? payload.path("supersedes").asLong() : null,
        payload.has("reason") ? payload.path("reason").asString() : null,
        stages.workspace()::evidence);
  }

  @GetMapping(value = "/decisions/{seq}/report", produces = MediaType.TEXT_HTML_VALUE)
  String report(
      @PathVariable long seq,
      @RequestParam(defaultValue = "ko") String lang,
      @RequestParam(required = false) @Nullable String team,
      HttpServletRequest request) {
    LedgerEntry entry = decisionEntry(seq);
    StageResult r = Stages.decisionOf(entry);
    Lang l = "en".equalsIgnoreCase(lang) ? Lang.EN : Lang.KO;
    String head = LedgerHead.describe(ledger, ledger.verify());
    if (team == null || team.isBlank()) {
      return Reports.publicHtml(r, programmeOf(entry).disclosure(), l, head);
    }
    // A team report holds that team's numbers and reviewers' comments: the office, or the team.
    Principal p = access.require(request, Role.OFFICE, Role.TEAM);
    if (!p.has(Role.OFFICE) && !team.equals(p.team())) {
      throw new kr.gukdae.app.access.AccessDenied(
          org.springframework.http.HttpStatus.FORBIDDEN,
          "forbidden",
          "다른 팀의 보고서입니다 / this is another team's report");
    }
    return Reports.teamHtml(r, team, l, head);
  }

  @GetMapping("/audit")
  AuditView audit() {
    var v = ledger.verify();
    return new AuditView(
        v.intact(), v.entries(), v.headHash(), v.brokenSeq(), v.describe(), v.because().ko());
  }

  /** The programme a decision was made under, read back from its own ledger run. */
  private Program programmeOf(LedgerEntry decision) {
    long run = CanonicalJson.parse(decision.payload()).path("run").asLong();
    for (LedgerEntry e : ledger.entries()) {
      if (e.seq() == run && e.kind().equals(Stages.PROGRAMME)) {
        return ProgramLoader.parse(
            CanonicalJson.parse(e.payload()).path("source").asString(), "ledger seq " + run);
      }
    }
    throw UserError.of(
        "seq " + decision.seq() + "의 결정에 프로그램 항목이 없습니다",
        "decision at seq " + decision.seq() + " names no programme entry");
  }

  private LedgerEntry decisionEntry(long seq) {
    return ledger.entries().stream()
        .filter(e -> e.seq() == seq && e.kind().equals(Stages.DECISION))
        .findFirst()
        .orElseThrow(() ->
            UserError.of(
                "원장 seq " + seq + "에 결정이 없습니다. 목록은 GET /api/stage/decisions에서 볼 수 있습니다",
                "no decision at ledger seq " + seq + "; GET /api/stage/decisions lists them"));
  }
}
