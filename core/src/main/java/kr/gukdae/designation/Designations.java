package kr.gukdae.designation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kr.gukdae.Bilingual;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.stage.Explanation;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.Team;
import kr.gukdae.text.Reason;
import tools.jackson.databind.JsonNode;

/**
 * The designation registry, kept in the ledger: a stage decision grants the K-AI designations its
 * result names and lapses those of eliminated teams; anyone can verify a designation by id.
 */
public final class Designations {

  public static final String GRANT = "designation.grant";
  public static final String LAPSE = "designation.lapse";
  public static final String APPLIED = "designation.applied";

  private static final String COMPANY_PREFIX = "K-AI company: ";

  private Designations() {}

  /** Every designation as the ledger records it (lapses applied), in grant order. */
  public static List<Designation> registry(Ledger ledger) {
    Map<String, Designation> out = new LinkedHashMap<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(GRANT)) {
        Designation d = CanonicalJson.read(CanonicalJson.parse(e.payload()), Designation.class);
        out.put(d.id(), d);
      } else if (e.kind().equals(LAPSE)) {
        JsonNode p = CanonicalJson.parse(e.payload());
        Designation d = out.get(p.path("id").asString());
        if (d != null) {
          out.put(
              d.id(),
              d.lapse(
                  LocalDate.parse(p.path("on").asString()),
                  CanonicalJson.read(Reason.structured(p.path("reason")), Reason.class)));
        }
      }
    }
    return List.copyOf(out.values());
  }

  public static Optional<Designation> find(Ledger ledger, String id) {
    return registry(ledger).stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /**
   * Applies a stage decision: grants new designations from its result (emblem for every member of
   * the consortium for a model designation, for the company itself for a company designation) and
   * lapses every holding of an eliminated team or one not re-earned. Returns what changed, each
   * change in Korean and English under code {@code GRANTED} or {@code LAPSED}, as the ledger's
   * {@code designation.applied} entry records them (entries recorded before hold English lines;
   * nothing reads them back).
   */
  public static List<Reason> apply(Ledger ledger, Program program, StageResult decision) {
    LocalDate on = LocalDate.parse(decision.evaluationDate());
    List<Designation> current = registry(ledger);
    // One application per programme and stage, whether or not it changed anything.
    for (LedgerEntry e : ledger.entries()) {
      JsonNode p = CanonicalJson.parse(e.payload());
      if (e.kind().equals(APPLIED)
          && p.path("stage").asInt() == decision.stage()
          && p.path("programme").asString().equals(decision.programmeSha256())) {
        throw UserError.of(
            "단계 " + decision.stage() + "의 지정이 이미 기록되어 있습니다",
            "stage " + decision.stage() + " designations are already recorded");
      }
    }
    List<Reason> changes = new ArrayList<>();
    List<String> earned = new ArrayList<>();
    for (StageResult.TeamResult t : decision.ranking()) {
      Team team =
          program.teams().stream()
              .filter(x -> x.id().equals(t.team()))
              .findFirst()
              .orElseThrow(() ->
                  UserError.of(
                      "결정에 있는 팀 " + t.team() + "이(가) 프로그램에 없습니다",
                      "decision team " + t.team() + " is not in the programme"));
      for (String d : t.designations()) {
        boolean model = !d.startsWith(COMPANY_PREFIX);
        String holder = model ? team.name() : d.substring(COMPANY_PREFIX.length());
        String id = id(model, t.team(), holder);
        earned.add(id);
        boolean holds = current.stream().anyMatch(x -> x.id().equals(id) && x.to() == null);
        if (!holds) {
          List<String> emblem =
              model ? team.organisations().stream().sorted().toList() : List.of(holder);
          Designation g =
              new Designation(
                  id,
                  model ? Designation.Kind.K_AI_MODEL : Designation.Kind.K_AI_COMPANY,
                  t.team(),
                  holder,
                  emblem,
                  decision.stage(),
                  on,
                  null,
                  null);
          ledger.append(GRANT, g);
          changes.add(new Reason("GRANTED", "지정 부여 " + id, "granted " + id));
        }
      }
    }
    for (Designation d : current) {
      if (d.to() != null || earned.contains(d.id())) {
        continue;
      }
      var result = decision.team(d.team());
      Reason reason;
      if (result.isPresent() && result.get().outcome() != StageResult.Outcome.CONTINUES) {
        var outcome = result.get().outcome();
        reason =
            new Reason(
                "ELIMINATED",
                "단계 " + decision.stage() + "에서 팀 탈락 (" + Explanation.label(outcome).ko() + ")",
                "team eliminated at stage " + decision.stage() + " (" + outcome + ")");
      } else if (result.isPresent()) {
        reason =
            new Reason(
                "NOT_RE_EARNED",
                "단계 " + decision.stage() + "에서 다시 얻지 못함",
                "not re-earned at stage " + decision.stage());
      } else {
        continue;
      }
      ledger.append(LAPSE, Map.of("id", d.id(), "on", on.toString(), "reason", reason));
      changes.add(
          new Reason(
              "LAPSED",
              new Bilingual("지정 만료 " + d.id(), "lapsed " + d.id()).joined(": ", reason.text())));
    }
    ledger.append(
        APPLIED,
        Map.of(
            "stage", decision.stage(),
            "programme", decision.programmeSha256(),
            "evaluationDate", decision.evaluationDate(),
            "changes", changes));
    return changes;
  }

  static String id(boolean model, String team, String holder) {
    // Why a hash: company names are often Korean, and ids must be short and URL-safe.
    String key = holder.strip().toLowerCase(Locale.ROOT);
    return model ? "KAI-M-" + team : "KAI-C-" + team + "-" + Sha256.hex(key).substring(0, 8);
  }
}
