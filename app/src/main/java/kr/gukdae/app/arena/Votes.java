package kr.gukdae.app.arena;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Predicate;
import kr.gukdae.arena.Outcome;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Casting votes. A vote is one INSERT into {@code arena_vote} (group-committed by {@link
 * VoteWriter}), whose primary key is the battle id, so the database itself enforces one vote per
 * battle; there is no code path that updates or deletes a vote. Every refusal names its reason and
 * writes nothing. The eligibility facts come from {@link OpenBattles} for battles this server
 * started, so the usual vote costs no read; any other battle is read from the database.
 */
final class Votes {

  /** What the voter learns once the vote is stored: who was behind each side. */
  record Reveal(
      String battleId,
      String modelA,
      String modelB,
      Outcome outcome,
      boolean blind,
      @Nullable String leak,
      double weight) {}

  private record Check(
      String voterId,
      String modelA,
      String modelB,
      OffsetDateTime expiresAt,
      double weight,
      int turns,
      @Nullable String leak,
      int votes) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ArenaSettings settings;
  private final Limits limits;
  private final Predicate<String> streaming;
  private final OpenBattles open;
  private final VoteWriter writer;

  Votes(
      JdbcClient jdbc,
      Clock clock,
      ArenaSettings settings,
      Limits limits,
      Predicate<String> streaming,
      OpenBattles open,
      VoteWriter writer) {
    this.writer = writer;
    this.open = open;
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = settings;
    this.limits = limits;
    this.streaming = streaming;
  }

  /** A vote from inside the process (tools, tests): no network to count or record. */
  Reveal vote(Voter voter, String battleId, Outcome outcome) {
    return vote(voter, battleId, outcome, null);
  }

  /**
   * A vote; {@code network} ({@link Networks#of}) is recorded for the stuffing detector and, for
   * voters without a verified account, limited per minute, since new cookies cost nothing.
   */
  Reveal vote(Voter voter, String battleId, Outcome outcome, @Nullable String network) {
    limits.rate("vote", voter.id(), settings.votesPerMinute());
    if (network != null && voter.voterClass() == VoterClass.PUBLIC && !voter.verified()) {
      limits.rate("network vote", network, settings.votesPerNetworkMinute());
    }
    // Streaming is asked first: a turn is counted in memory before it stops streaming, so a
    // battle that is not streaming now has all its finished turns in the facts read next.
    boolean answering = streaming.test(battleId);
    Check check = check(battleId);
    if (!check.voterId().equals(voter.id())) {
      throw new ArenaException(
          HttpStatus.FORBIDDEN, "not_your_battle", "only the voter who started a battle may vote");
    }
    if (check.votes() > 0) {
      throw alreadyVoted();
    }
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    if (!check.expiresAt().isAfter(now)) {
      throw new ArenaException(
          HttpStatus.GONE, "expired", "this battle expired before the vote; start a new one");
    }
    if (check.turns() == 0 || answering) {
      throw new ArenaException(
          HttpStatus.CONFLICT, "not_answered", "vote after both answers have finished streaming");
    }
    Runnable release =
        limits.reserveVote(voter.id(), settings.dailyCap(voter.voterClass()), this::storedToday);
    boolean blind = check.leak() == null;
    boolean inserted;
    try {
      inserted =
          writer.insert(
              battleId,
              voter.id(),
              voter.voterClass().name(),
              // from the session, so recording it costs no read of the account
              voter.verified(),
              outcome.wireName(),
              check.weight(),
              blind,
              check.leak(),
              check.turns(),
              now,
              network);
    } catch (RuntimeException e) {
      release.run();
      throw e;
    }
    open.voted(battleId);
    if (!inserted) {
      release.run(); // a concurrent request for the same battle won
      throw alreadyVoted();
    }
    return new Reveal(
        battleId, check.modelA(), check.modelB(), outcome, blind, check.leak(), check.weight());
  }

  private Check check(String battleId) {
    OpenBattles.Open known = open.get(battleId);
    if (known != null) {
      return new Check(
          known.voterId,
          known.modelA,
          known.modelB,
          known.expiresAt,
          known.weight,
          known.turns(),
          known.leak(),
          0);
    }
    return jdbc.sql(
            "SELECT b.voter_id, b.model_a, b.model_b, b.expires_at, b.weight,"
                + " (SELECT count(*) FROM arena_turn t WHERE t.battle_id = b.id),"
                + " (SELECT t.leak FROM arena_turn t WHERE t.battle_id = b.id"
                + " AND t.leak IS NOT NULL ORDER BY t.turn_no LIMIT 1),"
                + " (SELECT count(*) FROM arena_vote v WHERE v.battle_id = b.id)"
                + " FROM arena_battle b WHERE b.id = ?")
        .param(battleId)
        .query((rs, i) ->
            new Check(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, OffsetDateTime.class),
                rs.getDouble(5),
                rs.getInt(6),
                rs.getString(7),
                rs.getInt(8)))
        .optional()
        .orElseThrow(() ->
            new ArenaException(
                HttpStatus.NOT_FOUND,
                "unknown_battle",
                "no battle with this id; start a new battle"));
  }

  /** The reveal of a battle that has its vote, or null while it is still blind. */
  @Nullable Reveal reveal(String battleId) {
    return jdbc.sql(
            "SELECT v.battle_id, b.model_a, b.model_b, v.outcome, v.blind, v.leak, v.weight"
                + " FROM arena_vote v JOIN arena_battle b ON b.id = v.battle_id"
                + " WHERE v.battle_id = ?")
        .param(battleId)
        .query((rs, i) ->
            new Reveal(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Outcome.fromWire(rs.getString(4)),
                rs.getBoolean(5),
                rs.getString(6),
                rs.getDouble(7)))
        .optional()
        .orElse(null);
  }

  private int storedToday(String voterId) {
    OffsetDateTime midnight =
        LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay().atOffset(ZoneOffset.UTC);
    return jdbc.sql("SELECT count(*) FROM arena_vote WHERE voter_id = ? AND voted_at >= ?")
        .params(voterId, midnight)
        .query(Integer.class)
        .single();
  }

  private static ArenaException alreadyVoted() {
    return new ArenaException(
        HttpStatus.CONFLICT, "already_voted", "this battle already has its vote; votes are final");
  }

  /** Parses the page's A / B / tie / bothbad or FastChat's spelling. */
  static Outcome parseOutcome(@Nullable String value) {
    if (value == null) {
      throw ArenaException.badRequest("outcome", "outcome: one of A, B, tie, bothbad");
    }
    return switch (value) {
      case "A", "model_a" -> Outcome.MODEL_A;
      case "B", "model_b" -> Outcome.MODEL_B;
      case "tie" -> Outcome.TIE;
      case "bothbad", "tie (bothbad)" -> Outcome.TIE_BOTHBAD;
      default -> throw ArenaException.badRequest("outcome", "outcome: one of A, B, tie, bothbad");
    };
  }
}
