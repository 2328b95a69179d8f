package kr.gukdae.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.gukdae.stage.Disclosure;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.StageResult.ComponentScore;
import kr.gukdae.stage.StageResult.Outcome;
import kr.gukdae.stage.StageResult.TeamResult;
import org.jspecify.annotations.Nullable;

/**
 * Turns a decision into report blocks. The public summary shows only what the disclosure policy
 * allows; a team's private report shows that team's own breakdown, ratios and comments.
 */
final class ReportBuilder {

  private ReportBuilder() {}

  static String n(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  static List<Block> publicSummary(StageResult r, Disclosure d, Lang l, @Nullable String head) {
    List<Block> out = header(r, l, l.t("title.public"));
    List<String> ids =
        r.ranking().getFirst().components().stream().map(ComponentScore::id).toList();
    if (d.survivorNames()) {
      out.add(new Block.Heading(l.t("survivors"), 2));
      out.add(new Block.Para(String.join(", ", names(r, Outcome.CONTINUES)), true));
      List<List<String>> rows = new ArrayList<>();
      r.ranking().stream()
          .filter(t -> t.outcome() != Outcome.CONTINUES)
          .forEach(t -> rows.add(List.of(t.name(), l.t(t.outcome().name()))));
      if (!rows.isEmpty()) {
        out.add(new Block.Heading(l.t("eliminated"), 2));
        out.add(new Block.Table(List.of(l.t("team"), l.t("outcome")), rows));
      }
      if (!r.addedByExtraCall().isEmpty()) {
        out.add(
            new Block.Para(l.t("added") + ": " + String.join(", ", r.addedByExtraCall()), false));
      }
    }
    // The headline team is the best one that continues: a team cut on the gate is never "top".
    TeamResult top =
        r.ranking().stream().filter(t -> t.outcome() == Outcome.CONTINUES).findFirst().orElse(null);
    if (top == null) {
      d = new Disclosure(false, d.averages(), d.survivorNames(), d.fullRanking());
      top = r.ranking().getFirst();
    }
    if (d.topBreakdown() || d.averages()) {
      List<String> headers = new ArrayList<>(List.of(l.t("component"), l.t("max")));
      if (d.topBreakdown()) {
        headers.add(l.t("top"));
      }
      if (d.averages()) {
        headers.add(l.t("averages"));
      }
      List<List<String>> rows = new ArrayList<>();
      List<double[]> values = new ArrayList<>();
      for (ComponentScore c : top.components()) {
        List<String> row = new ArrayList<>(List.of(l.t(c.id()), n(c.max())));
        if (d.topBreakdown()) {
          row.add(n(c.points()));
        }
        if (d.averages()) {
          row.add(n(r.average(c.id())));
        }
        rows.add(row);
        values.add(new double[] {100 * c.points() / c.max(), 100 * r.average(c.id()) / c.max()});
      }
      List<String> total =
          new ArrayList<>(
              List.of(
                  l.t("total"),
                  n(top.components().stream().mapToDouble(ComponentScore::max).sum())));
      if (d.topBreakdown()) {
        total.add(n(top.total()));
      }
      if (d.averages()) {
        total.add(n(r.average(null)));
      }
      rows.add(total);
      out.add(
          new Block.Heading(
              d.topBreakdown() ? l.t("top") + " (" + top.name() + ")" : l.t("averages"), 2));
      out.add(new Block.Table(headers, rows));
      if (d.topBreakdown() && d.averages()) {
        out.add(
            new Block.BarChart(
                l.t("chart.top"),
                ids.stream().map(l::t).toList(),
                List.of(top.name(), l.t("average")),
                values,
                100,
                0));
      }
    }
    if (d.fullRanking()) {
      out.add(new Block.Heading(l.t("ranking"), 2));
      List<List<String>> rows = new ArrayList<>();
      r.ranking()
          .forEach(t ->
              rows.add(
                  List.of(
                      String.valueOf(t.rank()), t.name(), n(t.total()), l.t(t.outcome().name()))));
      out.add(
          new Block.Table(List.of(l.t("rank"), l.t("team"), l.t("total"), l.t("outcome")), rows));
    }
    contamination(out, r, l);
    // Notes about single teams (ties, back-fills) would reveal scores the policy withholds.
    rules(out, r, l, head, d.fullRanking() ? null : "");
    return out;
  }

  static List<Block> teamReport(StageResult r, TeamResult t, Lang l, @Nullable String head) {
    List<Block> out = header(r, l, l.t("title.team") + ": " + t.name());
    out.add(new Block.Para(l.t("private"), true));
    out.add(
        new Block.Para(
            l.t("rank")
                + " "
                + t.rank()
                + " / "
                + r.ranking().size()
                + " · "
                + l.t("total")
                + " "
                + n(t.total())
                + " · "
                + l.t("outcome")
                + ": "
                + l.t(t.outcome().name()),
            true));
    out.add(
        new Block.Para(
            l.t("gate")
                + ": "
                + l.t(t.gatePassed() ? "passed" : "failed")
                + " ("
                + t.gateReasonText().in(l == Lang.KO)
                + ")",
            false));
    if (!t.designations().isEmpty()) {
      out.add(
          new Block.Para(l.t("designations") + ": " + String.join(", ", t.designations()), true));
    }
    List<List<String>> rows = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (ComponentScore c : t.components()) {
      rows.add(List.of(l.t(c.id()), n(c.points()), n(c.max()), n(r.average(c.id()))));
      values.add(new double[] {c.points(), r.average(c.id()), c.max()});
    }
    out.add(
        new Block.Table(
            List.of(l.t("component"), l.t("points"), l.t("max"), l.t("average")), rows));
    double maxPoints = t.components().stream().mapToDouble(ComponentScore::max).max().orElse(1);
    out.add(
        new Block.BarChart(
            l.t("chart.breakdown"),
            t.components().stream().map(c -> l.t(c.id())).toList(),
            List.of(t.name(), l.t("average"), l.t("max")),
            values,
            maxPoints,
            0));
    List<String> labels = new ArrayList<>();
    List<double[]> ratios = new ArrayList<>();
    List<List<String>> ratioRows = new ArrayList<>();
    for (ComponentScore c : t.components()) {
      for (StageResult.Ratio ratio : c.ratios()) {
        labels.add(ratio.benchmark() + (c.kind().name().startsWith("TARGET") ? " (T)" : ""));
        ratios.add(new double[] {100 * ratio.ratio()});
        ratioRows.add(
            List.of(
                l.t(c.id()),
                ratio.benchmark(),
                n(ratio.score()),
                clean(ratio.clean(), l),
                ratio.referenceModel() + " " + n(ratio.reference()),
                n(100 * ratio.ratio()) + "%"));
      }
    }
    if (!labels.isEmpty()) {
      out.add(
          new Block.BarChart(
              l.t("chart.ratios"),
              labels,
              List.of(l.t("ratio")),
              ratios,
              Math.max(110, ratios.stream().mapToDouble(v -> v[0]).max().orElse(100) + 5),
              95));
      out.add(
          new Block.Table(
              List.of(
                  l.t("component"),
                  l.t("benchmark"),
                  l.t("score"),
                  l.t("clean"),
                  l.t("reference"),
                  l.t("ratio")),
              ratioRows));
      out.add(new Block.Para(l.t("contamination.note"), false));
    }
    if (t.userRating() != null) {
      var u = t.userRating();
      out.add(
          new Block.IntervalChart(
              l.t("chart.rating"),
              List.of(t.name()),
              List.<double[]>of(new double[] {u.low(), u.rating(), u.high()}),
              Math.floor((u.low() - 50) / 50) * 50,
              Math.ceil((u.high() + 50) / 50) * 50));
    }
    if (!t.reviewComments().isEmpty()) {
      out.add(new Block.Heading(l.t("comments"), 2));
      t.reviewComments().forEach(c -> out.add(new Block.Para("· " + c, false)));
    }
    rules(out, r, l, head, t.team());
    return out;
  }

  /** "68.20 (full 70.10; 3 of 120 contaminated, GPT3_13GRAM)", or "not audited". */
  static String clean(kr.gukdae.stage.Evidence.@Nullable CleanSubset c, Lang l) {
    return c == null
        ? l.t("not audited")
        : n(c.clean())
            + " ("
            + n(c.full())
            + "; "
            + c.contaminated()
            + "/"
            + c.items()
            + " "
            + l.t("contaminated")
            + ", "
            + c.method()
            + ")";
  }

  /**
   * The public summary's audit table: per benchmark how many teams' results were audited and the
   * range of contamination rates. Rates, not scores: the disclosure policy governs scores.
   */
  private static void contamination(List<Block> out, StageResult r, Lang l) {
    java.util.Map<String, List<Double>> rates = new java.util.TreeMap<>();
    for (TeamResult t : r.ranking()) {
      for (ComponentScore c : t.components()) {
        for (StageResult.Ratio ratio : c.ratios()) {
          if (ratio.clean() != null) {
            rates
                .computeIfAbsent(ratio.benchmark(), k -> new ArrayList<>())
                .add(100 * ratio.clean().rate());
          }
        }
      }
    }
    if (rates.isEmpty()) {
      return;
    }
    out.add(new Block.Heading(l.t("contamination"), 2));
    List<List<String>> rows = new ArrayList<>();
    rates.forEach((benchmark, list) ->
        rows.add(
            List.of(
                benchmark,
                String.valueOf(list.size()),
                n(list.stream().mapToDouble(d -> d).min().orElse(0))
                    + "% – "
                    + n(list.stream().mapToDouble(d -> d).max().orElse(0))
                    + "%")));
    out.add(new Block.Table(List.of(l.t("benchmark"), l.t("audited"), l.t("rate.range")), rows));
    out.add(new Block.Para(l.t("contamination.note"), false));
  }

  private static List<Block> header(StageResult r, Lang l, String title) {
    List<Block> out = new ArrayList<>();
    out.add(new Block.Heading(title, 1));
    out.add(
        new Block.Para(
            r.programme()
                + " · "
                + l.t("stage")
                + " "
                + r.stage()
                + " · "
                + l.t("date")
                + " "
                + r.evaluationDate()
                + " · "
                + l.t("version")
                + " "
                + r.version(),
            false));
    if (r.demo()) {
      out.add(new Block.Para(l.t("demo"), true));
    }
    return out;
  }

  /**
   * The rules and notes. In a team's private report, notes about other teams (ties, back-fills,
   * missing evidence) are left out: the disclosure policy keeps other teams' standing private. An
   * empty {@code team} drops every note about a named team (public summary without ranking).
   */
  private static void rules(
      List<Block> out, StageResult r, Lang l, @Nullable String head, @Nullable String team) {
    out.add(new Block.Heading(l.t("rules"), 2));
    out.add(
        new Block.Para(
            l.t("pointsFunction") + ": " + r.pointsFunctionText().in(l == Lang.KO), false));
    out.add(new Block.Para(l.t("tiebreak") + ": " + r.tieBreakText().in(l == Lang.KO), false));
    out.add(
        new Block.Para(l.t("referenceSet") + ": " + String.join(", ", r.referenceSet()), false));
    r.notes().stream()
        .filter(note ->
            team == null || !note.startsWith("team") || (!team.isEmpty() && note.contains(team)))
        .filter(note ->
            team == null
                || r.ranking().stream()
                    .map(TeamResult::team)
                    .filter(other -> !other.equals(team))
                    .noneMatch(note::contains))
        .map(note -> StageResult.noteText(note).in(l == Lang.KO))
        .forEach(note -> out.add(new Block.Para(l.t("notes") + ": " + note, false)));
    if (head != null) {
      out.add(new Block.Para(l.t("ledger") + ": " + head, false));
    }
  }

  private static List<String> names(StageResult r, Outcome o) {
    return r.ranking().stream().filter(t -> t.outcome() == o).map(TeamResult::name).toList();
  }
}
