package kr.gukdae.app.arena;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kr.gukdae.Sha256;

/**
 * Public leaderboards kept by the votes they were fitted on. Every anonymous GET of the leaderboard
 * would otherwise refit up to 2,000 bootstrap rounds. The key is a digest of the counted vote rows
 * as read from the database (battle, models, outcome, weight, time), plus the request's options, so
 * it holds across several server instances and an edited or added vote row is a new key: the rows
 * are still read on every request (one query), only the fit is skipped.
 */
final class BoardCache {

  /** Enough for the slices and methods the page offers; each entry is one small reply. */
  static final int MAX_BOARDS = 64;

  /** What a board depends on: the vote rows' digest and every option that changes the fit. */
  record Key(String votes, String method, int minBattles, int bootstrap, int preliminaryBelow) {}

  private final Map<Key, ArenaResultsApi.Board> boards =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ArenaResultsApi.Board> e) {
              return size() > MAX_BOARDS;
            }
          });

  /**
   * The kept board for this key, or a fresh one. Two requests that miss at once both compute (the
   * fit is deterministic, seeded), rather than one holding a lock through a long fit.
   */
  ArenaResultsApi.Board get(Key key, Supplier<ArenaResultsApi.Board> compute) {
    ArenaResultsApi.Board kept = boards.get(key);
    if (kept != null) {
      return kept;
    }
    ArenaResultsApi.Board board = compute.get();
    boards.put(key, board);
    return board;
  }

  /** The digest of the counted votes, in the order they were read. */
  static String digest(List<Results.VoteRow> votes) {
    StringBuilder rows = new StringBuilder(votes.size() * 96);
    for (Results.VoteRow v : votes) {
      rows.append(v.battleId())
          .append('\t')
          .append(v.modelA())
          .append('\t')
          .append(v.modelB())
          .append('\t')
          .append(v.outcome().name())
          .append('\t')
          .append(v.weight())
          .append('\t')
          .append(v.votedAt().toInstant())
          .append('\n');
    }
    return Sha256.hex(rows.toString());
  }
}
