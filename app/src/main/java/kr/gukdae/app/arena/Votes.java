package kr.gukdae.app.arena;

import java.util.ArrayList;
import java.util.List;
import kr.gukdae.arena.Outcome;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Casting votes. A vote is one INSERT into {@code arena_vote}, decided and group-committed with the
 * others that arrive at the same time ({@link VoteWriter}, {@link VoteAdmission}), whose primary
 * key is the battle id, so the database itself enforces one vote per battle; there is no code path
 * that updates or deletes a vote. Every refusal names its reason and writes nothing but the
 * attempt's count in the rate windows. Nothing about a battle or a voter is kept in this process:
 * any instance decides a vote the same way from the database.
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

  private final JdbcClient jdbc;
  private final ArenaSettings settings;
  private final VoteWriter writer;

  Votes(JdbcClient jdbc, ArenaSettings settings, VoteWriter writer) {
    this.writer = writer;
    this.jdbc = jdbc;
    this.settings = settings;
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
    return vote(voter, battleId, outcome, network, null);
  }

  /**
   * A vote by a remembered cookie-only session, {@code session} being its token hash: refused with
   * {@link #SESSION_ENDED} when the vote's transaction finds that session no longer live.
   */
  Reveal vote(
      Voter voter,
      String battleId,
      Outcome outcome,
      @Nullable String network,
      @Nullable String session) {
    List<Limits.Limit> limits = new ArrayList<>();
    limits.add(new Limits.Limit("vote", voter.id(), settings.votesPerMinute()));
    if (network != null && voter.voterClass() == VoterClass.PUBLIC && !voter.verified()) {
      limits.add(new Limits.Limit("network vote", network, settings.votesPerNetworkMinute()));
    }
    return writer.cast(
        new VoteAdmission.Ballot(
            battleId,
            voter,
            outcome,
            network,
            List.copyOf(limits),
            settings.dailyCap(voter.voterClass()),
            session));
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

  /** The code of {@link #sessionEnded()}; never sent to a client (see {@code VoteFilter}). */
  static final String SESSION_ENDED = "session_ended";

  /** A remembered session found ended inside the vote's transaction; nothing was counted. */
  static ArenaException sessionEnded() {
    return new ArenaException(
        HttpStatus.UNAUTHORIZED,
        SESSION_ENDED,
        "세션이 끝났습니다. 다시 시도하세요 / the session has ended; try again");
  }

  static ArenaException alreadyVoted() {
    return new ArenaException(
        HttpStatus.CONFLICT,
        "already_voted",
        "이 대결에는 이미 투표가 있습니다. 투표는 바꿀 수 없습니다 / this battle already has its vote; votes are final");
  }

  /** Parses the page's A / B / tie / bothbad or FastChat's spelling. */
  static Outcome parseOutcome(@Nullable String value) {
    if (value == null) {
      throw ArenaException.badRequest(
          "outcome", "outcome: A, B, tie, bothbad 중 하나여야 합니다 / one of A, B, tie, bothbad");
    }
    return switch (value) {
      case "A", "model_a" -> Outcome.MODEL_A;
      case "B", "model_b" -> Outcome.MODEL_B;
      case "tie" -> Outcome.TIE;
      case "bothbad", "tie (bothbad)" -> Outcome.TIE_BOTHBAD;
      default ->
          throw ArenaException.badRequest(
              "outcome", "outcome: A, B, tie, bothbad 중 하나여야 합니다 / one of A, B, tie, bothbad");
    };
  }
}
