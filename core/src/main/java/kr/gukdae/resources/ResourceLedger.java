package kr.gukdae.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import tools.jackson.databind.JsonNode;

/**
 * Resource records read back from the audit ledger: the allocations each stage's or portfolio's
 * decision led to ({@link Compute#ALLOCATION}, {@link Compute#PORTFOLIO_ALLOCATION}) and the
 * operator's usage reports ({@link #USAGE}).
 */
public final class ResourceLedger {

  public static final String USAGE = "resources.usage";

  private ResourceLedger() {}

  /** Records what the operator measured for a team's GPUs over a period. */
  public static LedgerEntry report(Ledger ledger, UsageReport report) {
    return ledger.append(USAGE, Map.of("report", report));
  }

  public static List<UsageReport> usage(Ledger ledger) {
    List<UsageReport> out = new ArrayList<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(USAGE)) {
        out.add(
            CanonicalJson.read(CanonicalJson.parse(e.payload()).path("report"), UsageReport.class));
      }
    }
    return out;
  }

  /** Every recorded allocation (after stage and portfolio decisions), oldest first. */
  public static List<Allocation> allocations(Ledger ledger) {
    List<Allocation> out = new ArrayList<>();
    for (LedgerEntry e : ledger.entries()) {
      if (e.kind().equals(Compute.ALLOCATION) || e.kind().equals(Compute.PORTFOLIO_ALLOCATION)) {
        for (JsonNode a : CanonicalJson.parse(e.payload()).path("allocations")) {
          out.add(CanonicalJson.read(a, Allocation.class));
        }
      }
    }
    return out;
  }
}
