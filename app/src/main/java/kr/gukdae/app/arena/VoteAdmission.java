package kr.gukdae.app.arena;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.app.access.RateWindows;
import kr.gukdae.app.access.RememberedSessions;
import kr.gukdae.arena.Outcome;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Decides a batch of votes inside one transaction, with every fact read under a lock, so the answer
 * is the same whichever instance a vote reached and however many arrive at once:
 *
 * <ol>
 *   <li>remembered cookie-only sessions ({@link Ballot#session()}) are confirmed live; a vote whose
 *       session ended is refused before it counts anywhere (its request then reads the session the
 *       usual way and is answered as any request with an ended cookie);
 *   <li>the per-minute limits' rows ({@code vote:<voter>}, {@code network vote:<network>}) are
 *       locked and counted; the voter's row also serialises the daily cap, which is counted from
 *       the votes stored today;
 *   <li>the battle rows are locked, then read in one statement with the owner's votes stored today
 *       (still under the voter's rate row lock): owner, expiry, stored turns, first leak, an
 *       existing vote, a turn still streaming ({@link StreamStore} takes the same lock to start or
 *       store a turn, so a vote covers exactly the turns stored);
 *   <li>accepted votes are inserted; the {@code arena_vote} primary key (the battle id) is the
 *       one-vote rule, so even a path that skipped these checks could not add a second vote.
 * </ol>
 *
 * Refusals keep the order a single vote always had: rate limits, owner, already voted, expired, not
 * answered, daily cap. Locks are taken in key order (rate keys, then battle ids) so two instances'
 * batches cannot wait on each other in a circle.
 */
final class VoteAdmission {

  /**
   * One vote waiting for its batch. {@code session} is the token hash of a remembered cookie-only
   * session ({@link RememberedSessions}) that this transaction must find live before anything else;
   * null when the session was read for this request (or the vote comes from inside the process).
   */
  record Ballot(
      String battleId,
      Voter voter,
      Outcome outcome,
      @Nullable String network,
      List<Limits.Limit> limits,
      int dailyCap,
      @Nullable String session) {}

  private record Facts(
      String voterId,
      String modelA,
      String modelB,
      OffsetDateTime expiresAt,
      double weight,
      int turns,
      @Nullable String leak,
      boolean voted,
      boolean streaming,
      int voterToday) {}

  private VoteAdmission() {}

  /**
   * Decides and writes the batch in {@code c}'s open transaction (the caller commits); returns a
   * {@link Votes.Reveal} or the {@link ArenaException} refusing it, per ballot, in order.
   */
  static List<Object> admit(
      Connection c, List<Ballot> batch, RateWindows windows, OffsetDateTime now)
      throws SQLException {
    List<Object> results = new ArrayList<>(Collections.nCopies(batch.size(), null));
    // first the remembered sessions: a vote whose session ended (on any instance) counts nowhere
    List<String> remembered = new ArrayList<>();
    batch.forEach(b -> {
      if (b.session() != null) {
        remembered.add(b.session());
      }
    });
    Set<String> live = RememberedSessions.live(c, remembered, now);
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      Ballot b = batch.get(i);
      if (b.session() != null && !live.contains(b.session())) {
        results.set(i, Votes.sessionEnded());
      } else {
        b.limits().forEach(l -> keys.add(l.rule().key()));
      }
    }
    RateWindows.Locked locked = windows.lock(c, keys);
    Set<String> battleIds = new LinkedHashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      if (results.get(i) != null) {
        continue;
      }
      Ballot b = batch.get(i);
      int refused = locked.acquire(b.limits().stream().map(Limits.Limit::rule).toList());
      if (refused >= 0) {
        results.set(i, b.limits().get(refused).refusal());
      } else {
        battleIds.add(b.battleId());
      }
    }
    locked.write();
    Map<String, Facts> facts = facts(c, battleIds, now);
    // today's stored votes of each battle's voter (the only voter whose vote on it can pass)
    Map<String, Integer> today = new HashMap<>();
    facts.values().forEach(f -> today.putIfAbsent(f.voterId(), f.voterToday()));
    Set<String> votedNow = new HashSet<>();
    List<Integer> accepted = new ArrayList<>();
    List<Facts> acceptedFacts = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (results.get(i) != null) {
        continue;
      }
      Ballot b = batch.get(i);
      try {
        Facts f = check(b, facts.get(b.battleId()), votedNow.contains(b.battleId()), now);
        int count = today.getOrDefault(b.voter().id(), 0);
        if (count >= b.dailyCap()) {
          throw Limits.dailyCap(b.dailyCap());
        }
        today.put(b.voter().id(), count + 1);
        votedNow.add(b.battleId());
        accepted.add(i);
        acceptedFacts.add(f);
        results.set(
            i,
            new Votes.Reveal(
                b.battleId(),
                f.modelA(),
                f.modelB(),
                b.outcome(),
                f.leak() == null,
                f.leak(),
                f.weight()));
      } catch (ArenaException refusal) {
        results.set(i, refusal);
      }
    }
    insert(c, batch, accepted, acceptedFacts, results, now);
    return results;
  }

  private static Facts check(
      Ballot b, @Nullable Facts f, boolean votedInBatch, OffsetDateTime now) {
    if (f == null) {
      throw new ArenaException(
          HttpStatus.NOT_FOUND,
          "unknown_battle",
          "이 ID의 대결이 없습니다. 새 대결을 시작하세요 / no battle with this id; start a new battle");
    }
    if (!f.voterId().equals(b.voter().id())) {
      throw new ArenaException(
          HttpStatus.FORBIDDEN,
          "not_your_battle",
          "대결을 시작한 투표자만 투표할 수 있습니다 / only the voter who started a battle may vote");
    }
    if (f.voted() || votedInBatch) {
      throw Votes.alreadyVoted();
    }
    if (!f.expiresAt().isAfter(now)) {
      throw new ArenaException(
          HttpStatus.GONE,
          "expired",
          "투표 전에 대결이 만료되었습니다. 새 대결을 시작하세요 / this battle expired before the vote; start a new one");
    }
    if (f.turns() == 0 || f.streaming()) {
      throw new ArenaException(
          HttpStatus.CONFLICT,
          "not_answered",
          "두 답변의 스트리밍이 모두 끝난 뒤에 투표하세요 / vote after both answers have finished streaming");
    }
    return f;
  }

  private static Map<String, Facts> facts(Connection c, Set<String> ids, OffsetDateTime now)
      throws SQLException {
    Map<String, Facts> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    List<String> sorted = ids.stream().sorted().toList();
    String marks = String.join(",", Collections.nCopies(sorted.size(), "?"));
    try (PreparedStatement lock =
        c.prepareStatement(
            "SELECT id FROM arena_battle WHERE id IN (" + marks + ") ORDER BY id FOR UPDATE")) {
      bind(lock, sorted, 1);
      lock.executeQuery().close();
    }
    // read after the lock, in a new statement: it sees every transaction that held it before
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT b.id, b.voter_id, b.model_a, b.model_b, b.expires_at, b.weight,"
                + " (SELECT count(*) FROM arena_turn t WHERE t.battle_id = b.id),"
                + " (SELECT t.leak FROM arena_turn t WHERE t.battle_id = b.id"
                + " AND t.leak IS NOT NULL ORDER BY t.turn_no LIMIT 1),"
                + " (SELECT count(*) FROM arena_vote v WHERE v.battle_id = b.id),"
                + " (SELECT count(*) FROM arena_stream s WHERE s.battle_id = b.id"
                + " AND s.beat_at > ?),"
                + " (SELECT count(*) FROM arena_vote d WHERE d.voter_id = b.voter_id"
                + " AND d.voted_at >= ?)"
                + " FROM arena_battle b WHERE b.id IN ("
                + marks
                + ")")) {
      ps.setObject(1, now.minus(StreamStore.STALE));
      ps.setObject(2, midnight(now));
      bind(ps, sorted, 3);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(1),
              new Facts(
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getObject(5, OffsetDateTime.class),
                  rs.getDouble(6),
                  rs.getInt(7),
                  rs.getString(8),
                  rs.getInt(9) > 0,
                  rs.getInt(10) > 0,
                  rs.getInt(11)));
        }
      }
    }
    return out;
  }

  /** The start of {@code now}'s day (UTC), from which the daily cap counts stored votes. */
  private static OffsetDateTime midnight(OffsetDateTime now) {
    return LocalDate.ofInstant(now.toInstant(), ZoneOffset.UTC)
        .atStartOfDay()
        .atOffset(ZoneOffset.UTC);
  }

  private static void insert(
      Connection c,
      List<Ballot> batch,
      List<Integer> accepted,
      List<Facts> facts,
      List<Object> results,
      OffsetDateTime now)
      throws SQLException {
    if (accepted.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(VoteWriter.INSERT)) {
      for (int j = 0; j < accepted.size(); j++) {
        Ballot b = batch.get(accepted.get(j));
        Facts f = facts.get(j);
        Object[] row = {
          b.battleId(),
          b.voter().id(),
          b.voter().voterClass().name(),
          // from the session, so recording it costs no read of the account
          b.voter().verified(),
          b.outcome().wireName(),
          f.weight(),
          f.leak() == null,
          f.leak(),
          f.turns(),
          now,
          b.network()
        };
        for (int k = 0; k < row.length; k++) {
          ps.setObject(k + 1, row[k]);
        }
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int j = 0; j < counts.length; j++) {
        if (counts[j] == 0) {
          results.set(accepted.get(j), Votes.alreadyVoted()); // cannot happen under the lock
        }
      }
    }
  }

  private static void bind(PreparedStatement ps, List<String> values, int from)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(from + i, values.get(i));
    }
  }
}
