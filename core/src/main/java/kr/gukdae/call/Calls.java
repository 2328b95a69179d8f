package kr.gukdae.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import kr.gukdae.text.Reason;
import tools.jackson.databind.JsonNode;

/**
 * The public entry for calls: check applications against a call's eligibility rules, and seal them
 * into the ledger at the deadline so that what the committee reviews is provably what was sent.
 */
public final class Calls {

  public static final String APPLICATION = "call.application";
  public static final String SEALED = "call.sealed";

  private Calls() {}

  /** Every violation of every application, each naming the application, member and rule. */
  public static List<Violation> check(Call call, List<Application> applications) {
    return EligibilityCheck.check(call, applications);
  }

  /** The applications that break no rule, in the given order. */
  public static List<Application> eligible(Call call, List<Application> applications) {
    var broken = check(call, applications).stream().map(Violation::application).toList();
    return applications.stream().filter(a -> !broken.contains(a.id())).toList();
  }

  /**
   * What a seal recorded: the ledger seq of the seal, eligible ids and every violation's line. A
   * seal recorded before the lines were bilingual holds the English lines only; they read back as
   * {@link Reason#recorded(String)}.
   */
  public record Seal(
      String call, long seq, List<String> eligible, List<Reason> violations, Instant sealedAt) {}

  /** The seal's field holding each violation's line in both languages (next to the English). */
  private static final String LINES = "violationLines";

  /**
   * Appends every application and then the seal (hashes, eligible ids, violations) to the ledger.
   * Refused before the call closes, for duplicate ids, and when the call is already sealed.
   */
  public static Seal seal(Call call, List<Application> applications, Ledger ledger, Instant now) {
    if (now.isBefore(call.closes().toInstant())) {
      throw UserError.of(
          "공모 " + call.id() + "은(는) " + call.closes() + "에 마감합니다. 그 전에는 봉인할 수 없습니다",
          "call "
              + call.id()
              + " closes at "
              + call.closes()
              + "; it cannot be sealed before then");
    }
    LedgerEntry sealedBefore = findSeal(ledger.entries(), call.id());
    if (sealedBefore != null) {
      // the seq names the one seal, so whoever is refused can look it up
      throw UserError.of(
          "공모 " + call.id() + "은(는) 이미 원장 seq " + sealedBefore.seq() + "에 봉인되어 있습니다",
          "call " + call.id() + " is already sealed in the ledger at seq " + sealedBefore.seq());
    }
    List<String> ids = new ArrayList<>();
    for (Application a : applications) {
      if (ids.contains(a.id())) {
        throw UserError.of(
            "applications: id '" + a.id() + "'이(가) 두 번 나옵니다",
            "applications: id '" + a.id() + "' appears twice");
      }
      ids.add(a.id());
    }
    List<Violation> violations = check(call, applications);
    Map<String, String> hashes = new LinkedHashMap<>();
    List<Ledger.Draft> drafts = new ArrayList<>();
    for (Application a : applications) {
      String json = CanonicalJson.of(a);
      hashes.put(a.id(), Sha256.hex(json));
      drafts.add(new Ledger.Draft(APPLICATION, CanonicalJson.parse(json)));
    }
    List<String> eligible = eligible(call, applications).stream().map(Application::id).toList();
    List<String> why = violations.stream().map(Violation::toString).toList();
    List<Reason> lines = violations.stream().map(Violation::line).toList();
    Map<String, Object> seal = new LinkedHashMap<>();
    seal.put("call", call.id());
    seal.put("closes", call.closes().toString());
    seal.put("applications", hashes);
    seal.put("eligible", eligible);
    seal.put("violations", why);
    seal.put(LINES, lines);
    drafts.add(new Ledger.Draft(SEALED, seal));
    // One batch, checked again under the ledger's writer lock: of two processes (or servers on one
    // database) sealing the same call at once, the second finds the first's seal and appends
    // nothing; a crash midway leaves no half-sealed call.
    LedgerEntry entry =
        ledger
            .appendAll(first -> {
              LedgerEntry other = findSeal(ledger.entries(), call.id());
              if (other != null) {
                throw UserError.of(
                    "공모 "
                        + call.id()
                        + "은(는) 다른 프로세스가 원장 seq "
                        + other.seq()
                        + "에서 봉인했습니다 ("
                        + other.timestamp()
                        + "). 아무것도 추가하지 않았습니다",
                    "call "
                        + call.id()
                        + " was sealed by another process at ledger seq "
                        + other.seq()
                        + " ("
                        + other.timestamp()
                        + "); nothing was appended");
              }
              return drafts;
            })
            .getLast();
    return new Seal(call.id(), entry.seq(), eligible, lines, entry.timestamp());
  }

  /**
   * The sealed applications of a call read back from the ledger, each checked against the hash in
   * the seal: an application row edited after sealing is refused.
   */
  public static List<Application> sealed(Ledger ledger, String callId) {
    List<LedgerEntry> entries = ledger.entries();
    LedgerEntry seal = findSeal(entries, callId);
    if (seal == null) {
      throw UserError.of(
          "공모 " + callId + "은(는) 봉인되지 않았습니다. 먼저 마감 시각에 봉인을 실행하세요",
          "call " + callId + " is not sealed; run the seal at the deadline first");
    }
    JsonNode hashes = CanonicalJson.parse(seal.payload()).path("applications");
    List<Application> out = new ArrayList<>();
    for (LedgerEntry e : entries) {
      if (!e.kind().equals(APPLICATION) || e.seq() > seal.seq()) {
        continue;
      }
      JsonNode node = CanonicalJson.parse(e.payload());
      String id = node.path("id").asString();
      if (node.path("call").asString().equals(callId) && hashes.has(id)) {
        if (!Sha256.hex(e.payload()).equals(hashes.path(id).asString())) {
          throw UserError.of(
              "ledger seq " + e.seq() + ": 신청 " + id + "이(가) 봉인된 해시와 다릅니다",
              "ledger seq " + e.seq() + ": application " + id + " differs from its sealed hash");
        }
        out.add(CanonicalJson.read(node, Application.class));
      }
    }
    if (out.size() != hashes.size()) {
      throw UserError.of(
          "call " + callId + ": 봉인에는 신청 " + hashes.size() + "건이 있는데 " + out.size() + "건을 찾았습니다",
          "call "
              + callId
              + ": the seal lists "
              + hashes.size()
              + " applications, found "
              + out.size());
    }
    return out;
  }

  /** The seal recorded for a call, or null. */
  public static @org.jspecify.annotations.Nullable Seal seal(Ledger ledger, String callId) {
    LedgerEntry e = findSeal(ledger.entries(), callId);
    if (e == null) {
      return null;
    }
    JsonNode n = CanonicalJson.parse(e.payload());
    List<String> eligible = new ArrayList<>();
    n.path("eligible").forEach(x -> eligible.add(x.asString()));
    List<Reason> why = new ArrayList<>();
    if (n.has(LINES)) {
      n.path(LINES).forEach(x -> why.add(CanonicalJson.read(x, Reason.class)));
    } else {
      n.path("violations").forEach(x -> why.add(Reason.recorded(x.asString())));
    }
    return new Seal(callId, e.seq(), eligible, why, e.timestamp());
  }

  private static @org.jspecify.annotations.Nullable LedgerEntry findSeal(
      List<LedgerEntry> entries, String callId) {
    for (LedgerEntry e : entries) {
      if (e.kind().equals(SEALED)
          && CanonicalJson.parse(e.payload()).path("call").asString().equals(callId)) {
        return e;
      }
    }
    return null;
  }
}
