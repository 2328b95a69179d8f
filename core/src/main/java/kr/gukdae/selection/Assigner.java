package kr.gukdae.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.call.Application;
import kr.gukdae.review.Reviewer;

/**
 * Assigns reviewers to applications as a min-cost flow: source → reviewer (the k-th application a
 * reviewer reads costs k, so load spreads evenly) → application (only without a conflict of
 * interest) → sink (capacity = reviewers per application).
 */
final class Assigner {

  private Assigner() {}

  static Assignment assign(Round round, List<Reviewer> panel, List<Application> applications) {
    int r = panel.size();
    int a = applications.size();
    int source = 0;
    int sink = 1 + r + a;
    MinCostFlow flow = new MinCostFlow(sink + 1);
    int cap = round.maxLoad() == 0 ? a : round.maxLoad();
    for (int i = 0; i < r; i++) {
      for (int k = 1; k <= cap; k++) {
        flow.edge(source, 1 + i, 1, k);
      }
    }
    List<int[]> handles = new ArrayList<>();
    List<int[]> pairs = new ArrayList<>();
    for (int j = 0; j < a; j++) {
      Application app = applications.get(j);
      for (int i = 0; i < r; i++) {
        if (!panel.get(i).conflictsWith(app.interestedOrganisations())) {
          handles.add(flow.edge(1 + i, 1 + r + j, 1, 0));
          pairs.add(new int[] {i, j});
        }
      }
      flow.edge(1 + r + j, sink, round.reviewersPerApplication(), 0);
    }
    flow.run(source, sink);
    Map<String, List<String>> out = new LinkedHashMap<>();
    applications.forEach(app -> out.put(app.id(), new ArrayList<>()));
    for (int k = 0; k < handles.size(); k++) {
      if (flow.flow(handles.get(k)) > 0) {
        int[] p = pairs.get(k);
        out.computeIfAbsent(applications.get(p[1]).id(), id -> new ArrayList<>())
            .add(panel.get(p[0]).id());
      }
    }
    for (Application app : applications) {
      int got = out.getOrDefault(app.id(), List.of()).size();
      if (got < round.reviewersPerApplication()) {
        long free =
            panel.stream().filter(x -> !x.conflictsWith(app.interestedOrganisations())).count();
        throw UserError.of(
            "round "
                + round.id()
                + ": 신청 "
                + app.id()
                + "에 평가위원 "
                + round.reviewersPerApplication()
                + "명 중 "
                + got
                + "명만 배정됩니다 (평가위원단 중 이해충돌이 없는 사람 "
                + free
                + "명"
                + (round.maxLoad() > 0 ? ", maxLoad " + round.maxLoad() : "")
                + "). 평가위원단을 넓히거나 maxLoad를 올리세요",
            "round "
                + round.id()
                + ": application "
                + app.id()
                + " gets "
                + got
                + " of "
                + round.reviewersPerApplication()
                + " reviewers ("
                + free
                + " of the panel have no conflict of interest"
                + (round.maxLoad() > 0 ? ", maxLoad " + round.maxLoad() : "")
                + "); widen the panel or raise maxLoad");
      }
    }
    return new Assignment(round.id(), out);
  }
}
