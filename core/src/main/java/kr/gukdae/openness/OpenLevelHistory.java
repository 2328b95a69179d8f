package kr.gukdae.openness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.call.Ids;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.text.Reason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Each team's checked open-source level over time, kept in the ledger; only changes are added. The
 * reasons are bilingual; changes recorded before that hold English sentences and read back as
 * {@link Reason#recorded(String)}.
 */
public final class OpenLevelHistory {

  public static final String KIND = "openness.level";

  private OpenLevelHistory() {}

  public record Change(
      String team,
      LocalDate checkedOn,
      @Nullable OpenLevel from,
      OpenLevel to,
      List<Reason> reasons) {}

  /**
   * Appends the finding when it differs from the team's last recorded level; returns the change.
   */
  public static @Nullable Change record(
      Ledger ledger, String team, LocalDate checkedOn, OpenSourceCheck.Finding finding) {
    List<Change> out = new ArrayList<>();
    ledger.appendAll(first -> {
      out.clear();
      Drafted d = draft(ledger, team, checkedOn, finding);
      if (d == null) {
        return List.of();
      }
      out.add(d.change());
      return List.of(d.draft());
    });
    return out.isEmpty() ? null : out.getFirst();
  }

  /** A level change and the ledger draft that records it. */
  public record Drafted(Change change, Ledger.Draft draft) {}

  /**
   * The finding as a change against the team's last recorded level, ready to append in a batch
   * (with what follows from it), or null when the level is unchanged.
   */
  public static @Nullable Drafted draft(
      Ledger ledger, String team, LocalDate checkedOn, OpenSourceCheck.Finding finding) {
    Ids.check(team, "team");
    OpenLevel last = current(ledger, team);
    if (last == finding.level()) {
      return null;
    }
    Change change = new Change(team, checkedOn, last, finding.level(), finding.reasons());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("change", change);
    payload.put("finding", finding);
    return new Drafted(change, new Ledger.Draft(KIND, payload));
  }

  public static List<Change> history(Ledger ledger, String team) {
    List<Change> out = new ArrayList<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(KIND)) {
        JsonNode c = CanonicalJson.parse(e.payload()).path("change");
        if (c.path("team").asString().equals(team)) {
          if (c.path("reasons") instanceof ArrayNode reasons) {
            for (int i = 0; i < reasons.size(); i++) {
              reasons.set(i, Reason.structured(reasons.get(i)));
            }
          }
          out.add(CanonicalJson.read(c, Change.class));
        }
      }
    }
    return out;
  }

  public static @Nullable OpenLevel current(Ledger ledger, String team) {
    List<Change> h = history(ledger, team);
    return h.isEmpty() ? null : h.getLast().to();
  }
}
