package kr.gukdae.stage;

import java.util.List;

/** How a decision changes when one component's points change (the other weights stay). */
public record WhatIf(
    String component,
    double fromPoints,
    double toPoints,
    StageResult base,
    StageResult changed,
    List<Change> changes) {

  public record Change(
      String team,
      int baseRank,
      int newRank,
      double baseTotal,
      double newTotal,
      StageResult.Outcome baseOutcome,
      StageResult.Outcome newOutcome) {

    public boolean outcomeChanged() {
      return baseOutcome != newOutcome;
    }
  }

  public WhatIf {
    changes = List.copyOf(changes);
  }

  static WhatIf compare(String component, double from, double to, StageResult a, StageResult b) {
    List<Change> changes =
        a.ranking().stream()
            .map(t -> {
              var n = b.team(t.team()).orElseThrow();
              return new Change(
                  t.team(), t.rank(), n.rank(), t.total(), n.total(), t.outcome(), n.outcome());
            })
            .toList();
    return new WhatIf(component, from, to, a, b, changes);
  }

  public boolean decisionChanged() {
    return changes.stream().anyMatch(Change::outcomeChanged);
  }
}
