package kr.gukdae.app.arena;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Pseudonyms;
import kr.gukdae.arena.Battle;
import kr.gukdae.arena.BattleSlice;
import kr.gukdae.arena.Leaderboard;
import kr.gukdae.arena.Method;
import kr.gukdae.arena.RatingOptions;
import kr.gukdae.arena.Ratings;
import kr.gukdae.arena.StyleCoefficient;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public results: the leaderboard and the battle export, both from blind votes only. */
@RestController
class ArenaResultsApi {

  /** One leaderboard row; {@code demo} marks the demonstration models. */
  record Row(
      int rank,
      String model,
      double rating,
      double lower,
      double upper,
      int battles,
      boolean demo,
      boolean preliminary) {}

  /** A leaderboard and how it was computed; {@code style} is empty unless the method is style. */
  record Board(
      String method,
      int votes,
      int battles,
      double weightedBattles,
      int minBattles,
      int bootstrapRounds,
      int preliminaryBelow,
      List<StyleCoefficient> style,
      List<Row> ratings) {}

  record Slices(List<String> categories, List<String> languages) {}

  /**
   * One exported battle in FastChat's {@code clean_battle} field names, plus ours; the snake_case
   * names are that format's, so they are spelled out for Jackson.
   */
  record ExportRow(
      @JsonProperty("question_id") String questionId,
      @JsonProperty("model_a") String modelA,
      @JsonProperty("model_b") String modelB,
      String winner,
      String judge,
      int turn,
      boolean anony,
      String language,
      double tstamp,
      String category,
      @JsonProperty("voter_class") String voterClass,
      double weight,
      boolean verified) {}

  private final Arena arena;

  private final Pseudonyms pseudonyms;

  private final BoardCache boards = new BoardCache();

  /**
   * Models with fewer battles than this in the slice are marked preliminary: after a handful of
   * votes a Bradley–Terry rating can sit hundreds of points from where it settles.
   */
  private final int preliminaryBelow;

  ArenaResultsApi(
      Arena arena,
      Pseudonyms pseudonyms,
      @Value("${gukdae.arena.preliminary-below:30}") int preliminaryBelow) {
    this.arena = arena;
    this.pseudonyms = pseudonyms;
    this.preliminaryBelow = preliminaryBelow;
  }

  /**
   * Ratings with 95% bootstrap intervals for one slice of the blind votes, each vote counted with
   * its recorded duplicate-prompt weight: {@code method} is {@code bt} (Bradley–Terry, default),
   * {@code elo} (online Elo in voting order) or {@code style} (Bradley–Terry with the answers'
   * Markdown style as covariates; the reply then lists each style effect). Models below {@code
   * minBattles} in the slice are left out (with their battles) before fitting.
   */
  @GetMapping("/api/arena/leaderboard")
  Board leaderboard(
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(required = false) @Nullable String language,
      @RequestParam(required = false) @Nullable String voterClass,
      @RequestParam(required = false) @Nullable String voters,
      @RequestParam(defaultValue = "0") int minBattles,
      @RequestParam(defaultValue = "200") int bootstrap,
      @RequestParam(defaultValue = "bt") String method) {
    if (minBattles < 0 || minBattles > 1_000_000) {
      throw ArenaException.badRequest(
          "minBattles", "minBattles: 0에서 1000000 사이여야 합니다 / 0 to 1000000");
    }
    if (bootstrap < 0 || bootstrap > 2000) {
      throw ArenaException.badRequest(
          "bootstrap", "bootstrap: 0에서 2000회 사이여야 합니다 / 0 to 2000 rounds");
    }
    Method m = method(method);
    var votes = arena.results().counted(filter(category, language, voters(voterClass, voters)));
    var key =
        new BoardCache.Key(
            BoardCache.digest(votes), m.wireName(), minBattles, bootstrap, preliminaryBelow);
    return boards.get(key, () -> fit(votes, m, minBattles, bootstrap));
  }

  /** The fit itself: seeded, so the same votes and options always give the same board. */
  private Board fit(List<Results.VoteRow> votes, Method m, int minBattles, int bootstrap) {
    List<Battle> counted = votes.stream().map(Results.VoteRow::battle).toList();
    if (m == Method.STYLE) {
      counted = withStyle(votes);
    }
    List<Battle> battles = BattleSlice.all().minBattles(minBattles).apply(counted);
    Leaderboard board =
        battles.isEmpty()
            ? new Leaderboard(m, List.of(), 0, bootstrap, List.of())
            : Ratings.rate(
                battles,
                m,
                RatingOptions.builder().bootstrap(bootstrap).seed(20260101L).threads(2).build());
    return new Board(
        m.wireName(),
        votes.size(),
        battles.size(),
        battles.stream().mapToDouble(Battle::weight).sum(),
        minBattles,
        bootstrap,
        preliminaryBelow,
        board.style(),
        board.ratings().stream()
            .map(r ->
                new Row(
                    r.rank(),
                    r.model(),
                    r.rating(),
                    r.lower(),
                    r.upper(),
                    r.battles(),
                    r.model().startsWith("demo/"),
                    r.battles() < preliminaryBelow))
            .toList());
  }

  private static Method method(String text) {
    try {
      return Method.parse(text);
    } catch (UserError e) {
      throw ArenaException.badRequest(
          "method", "method: bt, elo, style 중 하나여야 합니다 / bt, elo or style");
    }
  }

  /** Votes with their answers' style; a vote without stored answers cannot enter this fit. */
  private List<Battle> withStyle(List<Results.VoteRow> votes) {
    var styles = arena.results().styles(votes.stream().map(Results.VoteRow::battleId).toList());
    return votes.stream()
        .<Battle>mapMulti((v, out) -> {
          Results.Style style = styles.get(v.battleId());
          if (style != null) {
            out.accept(v.battle().withStyle(style.a(), style.b()));
          }
        })
        .toList();
  }

  /** The slices the page can offer: categories and languages that have counted votes. */
  @GetMapping("/api/arena/slices")
  Slices slices() {
    var votes = arena.results().counted(new Results.Filter(null, null, null));
    return new Slices(
        votes.stream().map(Results.VoteRow::category).distinct().sorted().toList(),
        votes.stream().map(Results.VoteRow::language).distinct().sorted().toList());
  }

  /**
   * Every counted battle in FastChat's {@code clean_battle} shape (question_id, model_a, model_b,
   * winner, judge, turn, anony, language, tstamp) plus {@code category}, {@code voter_class},
   * {@code weight} and {@code verified} (a verified public account cast it). Judges are
   * pseudonymised with a keyed hash (HMAC under the server secret) so account names can be neither
   * read nor recovered by hashing candidate names.
   */
  @GetMapping("/api/arena/export")
  ResponseEntity<List<ExportRow>> export(
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(required = false) @Nullable String language,
      @RequestParam(required = false) @Nullable String voterClass,
      @RequestParam(required = false) @Nullable String voters) {
    var rows =
        arena.results().votes(filter(category, language, voters(voterClass, voters))).stream()
            .map(v ->
                new ExportRow(
                    v.battleId(),
                    v.modelA(),
                    v.modelB(),
                    v.outcome().wireName(),
                    "arena_" + pseudonyms.of(v.voterId()),
                    v.turns(),
                    true,
                    v.language(),
                    v.votedAt().toInstant().toEpochMilli() / 1000.0,
                    v.category(),
                    v.voterClass().name().toLowerCase(Locale.ROOT),
                    v.weight(),
                    v.verified()))
            .toList();
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"arena_battles.json\"")
        .body(rows);
  }

  /** {@code voters} is another name for {@code voterClass}; both at once must agree. */
  private static @Nullable String voters(@Nullable String voterClass, @Nullable String voters) {
    String a = blankToNull(voterClass);
    String b = blankToNull(voters);
    if (a != null && b != null && !a.equalsIgnoreCase(b)) {
      throw ArenaException.badRequest(
          "voterClass", "voterClass와 voters 중 하나만 주세요 / give voterClass or voters, not both");
    }
    return a != null ? a : b;
  }

  static Results.Filter filter(
      @Nullable String category, @Nullable String language, @Nullable String voterClass) {
    VoterClass cls = null;
    boolean verified = false;
    if (voterClass != null && !voterClass.isBlank()) {
      String name = voterClass.toUpperCase(Locale.ROOT);
      // VERIFIED: public votes whose account an administrator verified when the vote was cast
      verified = name.equals("VERIFIED");
      try {
        cls = verified ? VoterClass.PUBLIC : VoterClass.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw ArenaException.badRequest(
            "voterClass",
            "voterClass: public, verified, expert, admin 중 하나여야 합니다 / public, verified, expert or admin");
      }
    }
    return new Results.Filter(blankToNull(category), blankToNull(language), cls, verified);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
