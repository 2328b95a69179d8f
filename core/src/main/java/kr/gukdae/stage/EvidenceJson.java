package kr.gukdae.stage;

import java.util.Map;
import kr.gukdae.ledger.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * Evidence records in their documented JSON form (the evidence file's and the ledger's), for the
 * stores that keep them, and the slot a record fills: what it is evidence for, so that two records
 * for the same slot are a duplicate and a newer one supersedes an older one.
 */
public final class EvidenceJson {

  private EvidenceJson() {}

  /** {@code benchmark}, {@code review}, {@code user-evaluation}, {@code derivatives}, ... */
  public static String kind(Evidence e) {
    return EvidenceCodec.type(e);
  }

  /** What the record counts for within its team and kind. */
  public static String slot(Evidence e) {
    return switch (e) {
      case Evidence.BenchmarkResult b -> b.group() + "/" + b.benchmark();
      case Evidence.ReviewScore r -> r.reviewer();
      default -> "-";
    };
  }

  /** Canonical JSON (sorted keys): the same record always gives the same bytes. */
  public static String write(Evidence e) {
    return CanonicalJson.of(EvidenceCodec.toMap(e));
  }

  public static Map<String, Object> toMap(Evidence e) {
    return EvidenceCodec.toMap(e);
  }

  /** Reads one record; a bad one is a {@link kr.gukdae.UserError} naming {@code where}. */
  public static Evidence read(String json, String where) {
    JsonNode node = CanonicalJson.parse(json);
    Problems problems = new Problems(where);
    Evidence e = EvidenceCodec.fromNode(node, "record", new Nodes(problems), problems);
    problems.throwIfAny();
    if (e == null) {
      throw kr.gukdae.UserError.of(where + ": 증거 기록이 아닙니다", where + ": not an evidence record");
    }
    return e;
  }
}
