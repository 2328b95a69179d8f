package kr.gukdae.app.stage;

import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.report.Lang;
import kr.gukdae.report.Reports;
import kr.gukdae.stage.Component;
import kr.gukdae.stage.EvidenceLoader;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Programme, decisions and reports as recorded in the audit ledger. */
@RestController
@RequestMapping("/api/stage")
class StageController {

  private final Ledger ledger;

  StageController(Ledger ledger) {
    this.ledger = ledger;
  }

  record ProgrammeView(
      String name,
      String version,
      boolean demo,
      List<Team> teams,
      List<StageDef> stages,
      List<Component> components,
      double total,
      String pointsFunction,
      List<String> tieBreak) {}

  record DecisionView(
      long seq, String recordedAt, int stage, String programme, List<String> survivors) {}

  record AuditView(
      boolean intact, long entries, @Nullable String headHash, long brokenSeq, String message) {}

  /** The programme of the latest recorded run, or the demo programme when nothing is recorded. */
  @GetMapping("/programme")
  ProgrammeView programme() {
    Program p = latestProgramme();
    return new ProgrammeView(
        p.name(),
        p.version(),
        p.demo(),
        p.teams(),
        p.stages(),
        p.scheme().components(),
        p.scheme().total(),
        p.scheme().pointsFunction().describe(),
        p.scheme().tieBreak());
  }

  @GetMapping("/decisions")
  List<DecisionView> decisions() {
    List<DecisionView> out = new ArrayList<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(Stages.DECISION)) {
        StageResult r = result(e);
        out.add(
            new DecisionView(
                e.seq(), e.timestamp().toString(), r.stage(), r.programme(), r.survivors()));
      }
    }
    return out;
  }

  @GetMapping("/decisions/{seq}")
  StageResult decision(@PathVariable long seq) {
    return result(decisionEntry(seq));
  }

  @GetMapping(value = "/decisions/{seq}/report", produces = MediaType.TEXT_HTML_VALUE)
  String report(
      @PathVariable long seq,
      @RequestParam(defaultValue = "ko") String lang,
      @RequestParam(required = false) @Nullable String team) {
    StageResult r = result(decisionEntry(seq));
    Lang l = "en".equalsIgnoreCase(lang) ? Lang.EN : Lang.KO;
    String head = ledger.verify().headHash();
    return team == null || team.isBlank()
        ? Reports.publicHtml(r, latestProgramme().disclosure(), l, head)
        : Reports.teamHtml(r, team, l, head);
  }

  @GetMapping("/audit")
  AuditView audit() {
    var v = ledger.verify();
    return new AuditView(v.intact(), v.entries(), v.headHash(), v.brokenSeq(), v.describe());
  }

  /** Records the demo programme's stage 1 (demo data) so the pages have something to show. */
  @PostMapping("/demo")
  DecisionView runDemo() {
    StageResult r = Stages.run(ProgramLoader.demo(), 1, EvidenceLoader.demo(), ledger);
    return decisions().stream()
        .filter(d -> d.stage() == r.stage())
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private Program latestProgramme() {
    LedgerEntry latest = null;
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(Stages.PROGRAMME)) {
        latest = e;
      }
    }
    return latest == null
        ? ProgramLoader.demo()
        : ProgramLoader.parse(
            CanonicalJson.parse(latest.payload()).path("source").asString(),
            "ledger seq " + latest.seq());
  }

  private LedgerEntry decisionEntry(long seq) {
    return ledger.entries().stream()
        .filter(e -> e.seq() == seq && e.kind().equals(Stages.DECISION))
        .findFirst()
        .orElseThrow(() ->
            new UserError(
                "no decision at ledger seq " + seq + "; GET /api/stage/decisions lists them"));
  }

  private static StageResult result(LedgerEntry e) {
    return Stages.decisionOf(e);
  }
}
