package kr.gukdae.resources;

import java.util.List;
import java.util.Map;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.openness.OpenLevel;
import kr.gukdae.openness.OpenLevelHistory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Self-payment recomputations recorded before plans were kept (the former {@code open-level --plan}
 * path): {@code {team, from, to, why, before, after}} with the two results and no plan or table.
 * The ledger is append-only and hash-chained, so they are not converted; they are read in their own
 * shape and replayed as far as what they hold allows: each result recomputes from its own lines
 * (self-payment = cost × rate, cash and in-kind parts, totals), both results price the same costs,
 * their levels are the change's, and an earlier recorded level change of the team names the same
 * levels (the former path recorded the first level as a change from itself).
 */
final class LegacySelfPayment {

  private LegacySelfPayment() {}

  /** True for a payload in the former shape. */
  static boolean is(JsonNode payload) {
    return !payload.has("change") && payload.has("before") && payload.has("after");
  }

  static String team(JsonNode payload) {
    return payload.path("team").asString();
  }

  /** The recorded entry read back and replayed; an entry the record type refuses is edited. */
  static SelfPayments.Replayed replay(LedgerEntry entry, Map<Long, LedgerEntry> bySeq) {
    SelfPayments.Legacy l;
    try {
      l = CanonicalJson.read(CanonicalJson.parse(entry.payload()), SelfPayments.Legacy.class);
    } catch (RuntimeException edited) {
      return new SelfPayments.Replayed(entry.seq(), null, null, false);
    }
    boolean matches =
        l.before().level() == l.from()
            && l.after().level() == l.to()
            && l.before().team().equals(l.team())
            && l.after().team().equals(l.team())
            && adds(l.before())
            && adds(l.after())
            && sameCosts(l.before().lines(), l.after().lines())
            && levelChangeBefore(entry.seq(), bySeq, l);
    return new SelfPayments.Replayed(entry.seq(), null, l, matches);
  }

  private static boolean adds(SelfPayment.Result r) {
    long total = 0;
    long cash = 0;
    for (SelfPayment.Line line : r.lines()) {
      if (line.selfPayment() != Math.round(line.cost() * line.rate())
          || line.cash() < 0
          || line.cash() > line.selfPayment()
          || line.inKind() != line.selfPayment() - line.cash()) {
        return false;
      }
      total += line.selfPayment();
      cash += line.cash();
    }
    return r.total() == total && r.cash() == cash && r.inKind() == total - cash;
  }

  private static boolean sameCosts(List<SelfPayment.Line> a, List<SelfPayment.Line> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).organisation().equals(b.get(i).organisation())
          || a.get(i).support() != b.get(i).support()
          || a.get(i).cost() != b.get(i).cost()) {
        return false;
      }
    }
    return true;
  }

  /** The team's latest level change before the entry goes to {@code to} from {@code from}. */
  private static boolean levelChangeBefore(
      long seq, Map<Long, LedgerEntry> bySeq, SelfPayments.Legacy l) {
    @Nullable JsonNode last = null;
    for (LedgerEntry e : bySeq.values()) {
      if (e.seq() >= seq) {
        break;
      }
      if (e.kind().equals(OpenLevelHistory.KIND)) {
        JsonNode c = CanonicalJson.parse(e.payload()).path("change");
        if (c.path("team").asString().equals(l.team())) {
          last = c;
        }
      }
    }
    if (last == null || !last.path("to").asString().equals(l.to().name())) {
      return false;
    }
    JsonNode from = last.path("from");
    OpenLevel recordedFrom =
        from.isNull() || from.isMissingNode() ? l.to() : OpenLevel.valueOf(from.asString());
    return recordedFrom == l.from();
  }
}
