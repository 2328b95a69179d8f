package kr.gukdae.app.arena;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.gukdae.Sha256;
import kr.gukdae.arena.Battle;
import kr.gukdae.arena.Leaderboard;
import kr.gukdae.arena.ModelRating;
import kr.gukdae.arena.RatingOptions;
import kr.gukdae.arena.Ratings;
import org.springframework.stereotype.Component;

/**
 * The arena's ratings as stage evidence: Bradley–Terry with bootstrap intervals over the blind
 * votes of one voter class cast inside a stage's window, the same votes the leaderboard counts.
 */
@Component
public class StageRatings {

  /** Bootstrap rounds and seed are fixed so the same votes always give the same evidence. */
  static final int BOOTSTRAP = 200;

  static final long SEED = 20260101L;

  private final Arena arena;

  StageRatings(Arena arena) {
    this.arena = arena;
  }

  /** One model's rating in the slice; {@code votes} counts the votes it took part in. */
  public record Rated(String model, double rating, double low, double high, int votes) {}

  /** The slice rated, its size, and a hash of the battle ids it counted (the source). */
  public record Slice(
      String voters,
      Instant from,
      Instant to,
      int votes,
      String battlesSha256,
      List<Rated> ratings) {}

  /**
   * Rates every model with votes in the slice (a rating is relative to the whole field).
   *
   * @param voters PUBLIC, VERIFIED (verified public accounts) or EXPERT, as the leaderboard's
   *     slices
   */
  public Slice rate(String voters, Instant from, Instant to) {
    String v = voters.toUpperCase(Locale.ROOT);
    List<Battle> battles = new ArrayList<>();
    List<Results.VoteRow> rows = votes(v, from, to);
    rows.forEach(row -> battles.add(row.battle()));
    List<Rated> out = new ArrayList<>();
    if (!battles.isEmpty()) {
      Leaderboard board =
          Ratings.bradleyTerry(
              battles, RatingOptions.builder().bootstrap(BOOTSTRAP).seed(SEED).threads(2).build());
      for (ModelRating r : board.ratings()) {
        out.add(new Rated(r.model(), r.rating(), r.lower(), r.upper(), r.battles()));
      }
    }
    return new Slice(v, from, to, battles.size(), sha256(rows), out);
  }

  /** The votes of one voter class cast in [from, to), in the leaderboard's order. */
  List<Results.VoteRow> votes(String voters, Instant from, Instant to) {
    // The leaderboard's own slice rule, so the stage counts exactly the votes that page shows.
    Results.Filter filter = ArenaResultsApi.filter(null, null, voters.toUpperCase(Locale.ROOT));
    List<Results.VoteRow> out = new ArrayList<>();
    for (Results.VoteRow row : arena.results().votes(filter)) {
      Instant at = row.votedAt().toInstant();
      if (!at.isBefore(from) && at.isBefore(to)) {
        out.add(row);
      }
    }
    return out;
  }

  /** The slice's source hash: SHA-256 of its battle ids, one a line. */
  static String sha256(List<Results.VoteRow> rows) {
    StringBuilder ids = new StringBuilder();
    rows.forEach(r -> ids.append(r.battleId()).append('\n'));
    return Sha256.hex(ids.toString());
  }
}
