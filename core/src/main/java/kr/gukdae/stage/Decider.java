package kr.gukdae.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kr.gukdae.stage.StageResult.ComponentScore;
import kr.gukdae.stage.StageResult.Outcome;
import kr.gukdae.stage.StageResult.Rating;
import kr.gukdae.stage.StageResult.TeamResult;
import org.jspecify.annotations.Nullable;

/**
 * Ranks by total with the stated tie-break, cuts to the planned number by points, then removes gate
 * failures whatever their points (stage 1: the lowest total and a top-four gate failure were both
 * cut, leaving three until an extra call added a team). Optionally back-fills gate failures.
 */
final class Decider {

  record Scored(
      Team team,
      double total,
      List<ComponentScore> components,
      boolean gatePassed,
      String gateReason,
      @Nullable Rating rating,
      List<String> comments) {

    double points(String id) {
      return components.stream()
          .filter(c -> c.id().equals(id))
          .mapToDouble(ComponentScore::points)
          .sum();
    }
  }

  private Decider() {}

  static String tieBreakRule(Scheme scheme) {
    return StageTexts.tieBreakRule(scheme);
  }

  static Comparator<Scored> order(Scheme scheme) {
    Comparator<Scored> c = Comparator.comparingDouble(Scored::total).reversed();
    for (String id : scheme.tieBreak()) {
      c = c.thenComparing(Comparator.comparingDouble((Scored s) -> s.points(id)).reversed());
    }
    return c.thenComparing(s -> s.team().id());
  }

  static StageResult decide(
      Program p, StageDef st, MovingTarget target, List<Scored> scored, List<String> notes) {
    List<Scored> ranked = new ArrayList<>(scored);
    ranked.sort(order(p.scheme()));
    List<String> allNotes = new ArrayList<>(notes);
    for (int i = 1; i < ranked.size(); i++) {
      if (ranked.get(i).total() == ranked.get(i - 1).total()) {
        allNotes.add(
            StageTexts.TIED.english(
                ranked.get(i - 1).team().id(), ranked.get(i).team().id(), ranked.get(i).total()));
      }
    }
    Outcome[] outcomes = new Outcome[ranked.size()];
    int survivors = 0;
    for (int i = 0; i < ranked.size(); i++) {
      Scored s = ranked.get(i);
      if (!s.gatePassed()) {
        outcomes[i] = Outcome.ELIMINATED_GATE;
      } else if (i < st.plannedSurvivors()) {
        outcomes[i] = Outcome.CONTINUES;
        survivors++;
      } else {
        outcomes[i] = Outcome.ELIMINATED_POINTS;
      }
    }
    if (st.refillGateFailures()) {
      for (int i = 0; i < ranked.size() && survivors < st.plannedSurvivors(); i++) {
        if (outcomes[i] == Outcome.ELIMINATED_POINTS) {
          outcomes[i] = Outcome.CONTINUES;
          survivors++;
          allNotes.add(StageTexts.BACK_FILLED.english(ranked.get(i).team().id()));
        }
      }
    }
    if (survivors < st.plannedSurvivors()) {
      allNotes.add(StageTexts.PLACES_OPEN.english(survivors, st.plannedSurvivors()));
    }
    List<TeamResult> results = new ArrayList<>();
    List<String> survivorIds = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Scored s = ranked.get(i);
      List<String> designations = new ArrayList<>();
      if (outcomes[i] == Outcome.CONTINUES) {
        survivorIds.add(s.team().id());
        Double model = p.scheme().kAiModelThreshold();
        Double company = p.scheme().kAiCompanyThreshold();
        if (model != null && s.total() >= model) {
          designations.add("K-AI model");
        }
        if (company != null && s.total() >= company) {
          s.team().leads().forEach(l -> designations.add("K-AI company: " + l));
        }
      }
      results.add(
          new TeamResult(
              s.team().id(),
              s.team().name(),
              s.total(),
              i + 1,
              outcomes[i],
              s.gatePassed(),
              s.gateReason(),
              s.components(),
              s.rating(),
              designations,
              s.comments()));
    }
    return new StageResult(
        p.name(),
        p.version(),
        p.sourceSha256(),
        p.demo(),
        st.number(),
        st.evaluationDate().toString(),
        target.referenceSet().stream().map(m -> m.name() + " (" + m.released() + ")").toList(),
        p.scheme().pointsFunction().describe(),
        tieBreakRule(p.scheme()),
        st.plannedSurvivors(),
        results,
        survivorIds,
        st.addedAfter(),
        allNotes);
  }
}
