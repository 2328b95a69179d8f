package kr.gukdae.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.gukdae.Bilingual;
import kr.gukdae.stage.StageResult.ComponentScore;
import kr.gukdae.stage.StageResult.Outcome;
import kr.gukdae.stage.StageResult.TeamResult;
import org.jspecify.annotations.Nullable;

/**
 * Why one team got its outcome, in words a committee can read out: points per component next to the
 * maximum and the field average, the cut line and the gap to it, and the rule that decided, in one
 * sentence in Korean and English. Computed from a {@link StageResult} alone, so a recorded decision
 * explains itself without re-reading any evidence.
 */
public record Explanation(
    String team,
    String name,
    int rank,
    Outcome outcome,
    Bilingual outcomeLabel,
    double total,
    @Nullable Double cutLine,
    @Nullable Double gap,
    boolean gatePassed,
    String gateReason,
    Bilingual gateReasonText,
    Bilingual rule,
    List<Line> components) {

  /** One component: points, maximum and the mean over every team of the stage. */
  public record Line(
      String id, ComponentKind kind, double points, double max, double average, boolean missing) {}

  public Explanation {
    components = List.copyOf(components);
  }

  /** The outcome's name for people, never the enum constant. */
  public static Bilingual label(Outcome outcome) {
    return switch (outcome) {
      case CONTINUES -> new Bilingual("다음 단계 진출", "Continues to the next stage");
      case ELIMINATED_POINTS -> new Bilingual("탈락 (점수)", "Eliminated on points");
      case ELIMINATED_GATE ->
          new Bilingual("탈락 (독자성 기준 미충족)", "Eliminated by the originality gate");
    };
  }

  /**
   * The cut line: the total of the team ranked last among the planned places on points. A team
   * below it is cut on points; null when fewer teams compete than there are places.
   */
  public static @Nullable Double cutLine(StageResult r) {
    int places = r.plannedSurvivors();
    return r.ranking().size() > places && places > 0 ? r.ranking().get(places - 1).total() : null;
  }

  public static List<Explanation> of(StageResult r, boolean refill) {
    Double cut = cutLine(r);
    List<Explanation> out = new ArrayList<>();
    for (TeamResult t : r.ranking()) {
      List<Line> lines = new ArrayList<>();
      for (ComponentScore c : t.components()) {
        lines.add(
            new Line(c.id(), c.kind(), c.points(), c.max(), round(r.average(c.id())), c.missing()));
      }
      Double gap = cut == null ? null : round(t.total() - cut);
      out.add(
          new Explanation(
              t.team(),
              t.name(),
              t.rank(),
              t.outcome(),
              label(t.outcome()),
              t.total(),
              cut,
              gap,
              t.gatePassed(),
              t.gateReason(),
              t.gateReasonText(),
              rule(r, t, gap, refill),
              lines));
    }
    return out;
  }

  private static Bilingual rule(StageResult r, TeamResult t, @Nullable Double gap, boolean refill) {
    int places = r.plannedSurvivors();
    String placesEn = places + (places == 1 ? " place" : " places");
    String placesKo = "정원 " + places + "팀";
    String refillEn =
        refill ? "gate failures' places go to the next teams" : "gate failures are not refilled";
    String refillKo = refill ? "독자성 미충족 팀의 자리는 다음 순위가 채움" : "독자성 미충족 팀의 자리는 채우지 않음";
    String rankEn = ordinal(t.rank()) + " on points (" + n(t.total()) + ")";
    String rankKo = "점수 " + t.rank() + "위 (" + n(t.total()) + "점)";
    String gapEn = "";
    String gapKo = "";
    if (gap != null) {
      double g = Math.abs(gap);
      gapEn =
          gap > 0
              ? ", " + n(g) + " above the cut line"
              : gap < 0 ? ", " + n(g) + " below the cut line" : ", on the cut line";
      gapKo =
          gap > 0
              ? ", 커트라인보다 " + n(g) + "점 높음"
              : gap < 0 ? ", 커트라인보다 " + n(g) + "점 낮음" : ", 커트라인과 같음";
    }
    return switch (t.outcome()) {
      case ELIMINATED_GATE ->
          new Bilingual(
              "독자성 기준 미충족 (" + t.gateReasonText().ko() + "): 점수와 관계없이 탈락; " + rankKo,
              "Originality gate failed ("
                  + t.gateReasonText().en()
                  + "): cut regardless of points; "
                  + rankEn);
      case ELIMINATED_POINTS ->
          new Bilingual(
              placesKo + "; " + refillKo + "; " + rankKo + gapKo,
              placesEn + "; " + refillEn + "; " + rankEn + gapEn);
      case CONTINUES ->
          t.rank() > places
              ? new Bilingual(
                  placesKo + "; " + refillKo + "; " + rankKo + gapKo + ", 독자성 미충족 팀의 자리를 채움",
                  placesEn
                      + "; "
                      + refillEn
                      + "; "
                      + rankEn
                      + gapEn
                      + ", took a gate failure's place")
              : new Bilingual(
                  placesKo + "; " + rankKo + gapKo + "; 독자성 기준 충족",
                  placesEn + "; " + rankEn + gapEn + "; originality gate passed");
    };
  }

  static String ordinal(int n) {
    int mod100 = n % 100;
    String suffix =
        mod100 >= 11 && mod100 <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }

  private static String n(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  private static double round(double d) {
    return Math.round(d * 10_000d) / 10_000d;
  }
}
