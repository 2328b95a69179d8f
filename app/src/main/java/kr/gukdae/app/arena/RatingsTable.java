package kr.gukdae.app.arena;

import java.util.Locale;
import kr.gukdae.arena.Leaderboard;
import kr.gukdae.arena.ModelRating;
import kr.gukdae.arena.StyleCoefficient;
import kr.gukdae.cli.Terminal;

/**
 * A leaderboard as an aligned table for the terminal, with whole column headers in this run's
 * language (padded by display width: Hangul takes two columns). Model names are user data: control
 * characters become '?' and a long name is cut.
 */
final class RatingsTable {

  private static final int MAX_NAME = 60;

  private RatingsTable() {}

  static String of(Leaderboard board) {
    String rank = Terminal.pick("순위", "rank");
    String model = Terminal.pick("모델", "model");
    int width = Terminal.width(model);
    for (ModelRating r : board.ratings()) {
      width = Math.max(width, printable(r.model()).length());
    }
    width = Math.min(width, MAX_NAME);
    var out = new StringBuilder();
    out.append(
        row(
            width,
            rank,
            model,
            Terminal.pick("점수", "rating"),
            Terminal.pick("하한(95%)", "lower 95%"),
            Terminal.pick("상한(95%)", "upper 95%"),
            Terminal.pick("대결 수", "battles")));
    for (ModelRating r : board.ratings()) {
      String name = printable(r.model());
      if (name.length() > width) {
        name = name.substring(0, width - 1) + "…";
      }
      out.append(
          row(
              width,
              String.valueOf(r.rank()),
              name,
              fixed(r.rating()),
              fixed(r.lower()),
              fixed(r.upper()),
              String.valueOf(r.battles())));
    }
    for (StyleCoefficient s : board.style()) {
      out.append(
          String.format(
              Locale.ROOT,
              Terminal.pick(
                  "문체 %-10s 표준편차당 %+8.2f점 [%.2f, %.2f]%n",
                  "style %-10s %+8.2f points per s.d. [%.2f, %.2f]%n"),
              s.feature(),
              s.points(),
              s.lower(),
              s.upper()));
    }
    return out.toString();
  }

  private static String row(
      int width,
      String rank,
      String model,
      String rating,
      String lower,
      String upper,
      String battles) {
    return Terminal.padLeft(rank, 4)
        + "  "
        + Terminal.padRight(model, width)
        + "  "
        + Terminal.padLeft(rating, 9)
        + "  "
        + Terminal.padLeft(lower, 9)
        + "  "
        + Terminal.padLeft(upper, 9)
        + "  "
        + Terminal.padLeft(battles, 8)
        + System.lineSeparator();
  }

  private static String fixed(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-";
  }

  /** Terminal output must not carry control characters from model names. */
  private static String printable(String s) {
    return s.replaceAll("\\p{Cntrl}", "?");
  }
}
