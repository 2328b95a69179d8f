package kr.gukdae.app.arena;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.gukdae.arena.Battle;
import kr.gukdae.arena.Outcome;
import kr.gukdae.arena.StyleFeatures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the vote record for the leaderboard, exports and integrity reports. Only blind votes count:
 * a battle whose answer named a model or vendor is kept as evidence but left out here.
 */
final class Results {

  /**
   * A slice of the votes; null fields mean "all". {@code verifiedOnly} keeps the votes recorded as
   * coming from a verified public account (the leaderboard's {@code VERIFIED} voters).
   */
  record Filter(
      @Nullable String category,
      @Nullable String language,
      @Nullable VoterClass voterClass,
      boolean verifiedOnly) {

    Filter(@Nullable String category, @Nullable String language, @Nullable VoterClass voterClass) {
      this(category, language, voterClass, false);
    }
  }

  /** One counted vote with everything the ratings and the export need. */
  record VoteRow(
      String battleId,
      String modelA,
      String modelB,
      Outcome outcome,
      String voterId,
      VoterClass voterClass,
      String category,
      String language,
      double weight,
      int turns,
      OffsetDateTime votedAt,
      boolean verified,
      @Nullable String network) {

    /** The vote as a battle carrying its recorded duplicate-prompt weight. */
    Battle battle() {
      return new Battle(modelA, modelB, outcome, votedAt.toInstant(), voterId, language, category)
          .withWeight(weight);
    }
  }

  /** A battle left out because an answer named a model or vendor. */
  record Excluded(
      String battleId,
      String leak,
      String modelA,
      String modelB,
      String outcome,
      OffsetDateTime votedAt) {}

  /** A voted battle in full, for an administrator reviewing it. */
  record Reviewed(
      String battleId,
      String modelA,
      String modelB,
      String outcome,
      boolean blind,
      @Nullable String leak,
      double weight,
      List<Turn> turns) {}

  record Turn(int turn, String prompt, String answerA, String answerB, @Nullable String leak) {}

  /** Markdown style of both answers of one battle, summed over its turns. */
  record Style(StyleFeatures a, StyleFeatures b) {}

  private static final int STYLE_BATCH = 200;

  private final JdbcClient jdbc;

  /** Beyond this many cached battles (about 25 MB) styles are recounted on every request. */
  private static final int MAX_CACHED_STYLES = 100_000;

  /**
   * Style per voted battle. A voted battle's answers never change (no follow-ups after the vote:
   * storing a turn and admitting a vote both lock the battle row, see {@link StreamStore}), so each
   * is read and counted once; the entries are a few numbers per battle. Safe per process with
   * several web instances for the same reason: nothing another instance does can change them.
   */
  private final Map<String, Style> styles = new ConcurrentHashMap<>();

  Results(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<VoteRow> votes(Filter filter) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT v.battle_id, b.model_a, b.model_b, v.outcome, v.voter_id, v.voter_class,"
                + " b.category, b.lang, v.weight, v.turns, v.voted_at, v.verified, v.network"
                + " FROM arena_vote v JOIN arena_battle b ON b.id = v.battle_id WHERE v.blind");
    List<Object> params = new ArrayList<>();
    if (filter.category() != null) {
      sql.append(" AND b.category = ?");
      params.add(filter.category());
    }
    if (filter.language() != null) {
      sql.append(" AND b.lang = ?");
      params.add(filter.language());
    }
    if (filter.voterClass() != null) {
      sql.append(" AND v.voter_class = ?");
      params.add(filter.voterClass().name());
    }
    if (filter.verifiedOnly()) {
      sql.append(" AND v.verified");
    }
    sql.append(" ORDER BY v.voted_at, v.battle_id");
    return jdbc.sql(sql.toString())
        .params(params)
        .query((rs, i) ->
            new VoteRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Outcome.fromWire(rs.getString(4)),
                rs.getString(5),
                VoterClass.valueOf(rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                rs.getDouble(9),
                rs.getInt(10),
                rs.getObject(11, OffsetDateTime.class),
                rs.getBoolean(12),
                rs.getString(13)))
        .list();
  }

  /**
   * The votes that count for ratings: {@link #votes} less those the stuffing detector quarantined.
   * The detector looks at every vote, not just the slice, so a slice cannot hide a pattern.
   */
  List<VoteRow> counted(Filter filter) {
    var quarantined = Stuffing.find(votes(new Filter(null, null, null))).quarantined();
    if (quarantined.isEmpty()) {
      return votes(filter);
    }
    return votes(filter).stream().filter(v -> !quarantined.contains(v.battleId())).toList();
  }

  List<Excluded> excluded() {
    return jdbc.sql(
            "SELECT v.battle_id, v.leak, b.model_a, b.model_b, v.outcome, v.voted_at"
                + " FROM arena_vote v JOIN arena_battle b ON b.id = v.battle_id"
                + " WHERE NOT v.blind ORDER BY v.voted_at, v.battle_id")
        .query((rs, i) ->
            new Excluded(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, OffsetDateTime.class)))
        .list();
  }

  /**
   * A battle with its vote, names and answers; empty until it is voted, so nobody, administrators
   * included, learns a battle's models before its voter did.
   */
  java.util.Optional<Reviewed> reviewed(String battleId, Votes votes) {
    Votes.Reveal vote = votes.reveal(battleId);
    if (vote == null) {
      return java.util.Optional.empty();
    }
    List<Turn> turns =
        jdbc.sql(
                "SELECT turn_no, prompt, answer_a, answer_b, leak FROM arena_turn"
                    + " WHERE battle_id = ? ORDER BY turn_no")
            .param(battleId)
            .query((rs, i) ->
                new Turn(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
            .list();
    return java.util.Optional.of(
        new Reviewed(
            vote.battleId(),
            vote.modelA(),
            vote.modelB(),
            vote.outcome().wireName(),
            vote.blind(),
            vote.leak(),
            vote.weight(),
            turns));
  }

  /**
   * The answers' Markdown style for these battles (features summed over turns, as FastChat sums
   * over a conversation's assistant turns); battles without a stored turn are absent.
   */
  Map<String, Style> styles(List<String> battleIds) {
    List<String> missing = battleIds.stream().filter(id -> !styles.containsKey(id)).toList();
    Map<String, Style> fresh = new HashMap<>();
    for (int from = 0; from < missing.size(); from += STYLE_BATCH) {
      List<String> batch = missing.subList(from, Math.min(missing.size(), from + STYLE_BATCH));
      Map<String, long[][]> sums = new HashMap<>();
      jdbc.sql(
              "SELECT battle_id, answer_a, answer_b FROM arena_turn WHERE battle_id IN ("
                  + String.join(",", java.util.Collections.nCopies(batch.size(), "?"))
                  + ")")
          .params(List.<Object>copyOf(batch))
          .query(rs -> {
            long[][] sum = sums.computeIfAbsent(rs.getString(1), k -> new long[2][4]);
            add(sum[0], StyleFeatures.of(rs.getString(2)));
            add(sum[1], StyleFeatures.of(rs.getString(3)));
          });
      sums.forEach((id, sum) -> fresh.put(id, new Style(features(sum[0]), features(sum[1]))));
    }
    if (styles.size() + fresh.size() <= MAX_CACHED_STYLES) {
      styles.putAll(fresh);
    }
    Map<String, Style> out = new HashMap<>();
    for (String id : battleIds) {
      Style style = fresh.containsKey(id) ? fresh.get(id) : styles.get(id);
      if (style != null) {
        out.put(id, style);
      }
    }
    return out;
  }

  private static void add(long[] sum, StyleFeatures f) {
    sum[0] += f.length();
    sum[1] += f.headers();
    sum[2] += f.listItems();
    sum[3] += f.bold();
  }

  private static StyleFeatures features(long[] sum) {
    return new StyleFeatures(sum[0], (int) sum[1], (int) sum[2], (int) sum[3]);
  }
}
