package kr.gukdae.arena;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A leaderboard slice: battles of one category, language and voter class (each null = any), then
 * only models with at least {@code minBattles} battles inside the slice (battles involving a model
 * below the threshold are dropped, in a single pass).
 */
public record BattleSlice(
    @Nullable String category,
    @Nullable String language,
    @Nullable VoterClass voters,
    Set<String> experts,
    int minBattles) {

  public BattleSlice {
    experts = Set.copyOf(experts);
    if (minBattles < 0) {
      // the CLI (--min-battles) and REST (minBattles) refuse a negative count first
      throw new IllegalArgumentException("bug: minBattles must be >= 0");
    }
  }

  public static BattleSlice all() {
    return new BattleSlice(null, null, null, Set.of(), 0);
  }

  public BattleSlice category(@Nullable String c) {
    return new BattleSlice(c, language, voters, experts, minBattles);
  }

  public BattleSlice language(@Nullable String l) {
    return new BattleSlice(category, l, voters, experts, minBattles);
  }

  public BattleSlice voters(@Nullable VoterClass v, Set<String> expertJudges) {
    return new BattleSlice(category, language, v, expertJudges, minBattles);
  }

  public BattleSlice minBattles(int n) {
    return new BattleSlice(category, language, voters, experts, n);
  }

  public boolean matches(Battle b) {
    return (category == null || category.equals(b.category()))
        && (language == null || language.equalsIgnoreCase(b.language()))
        && (voters == null || voters == VoterClass.of(b.judge(), experts));
  }

  public List<Battle> apply(List<Battle> battles) {
    List<Battle> kept = battles.stream().filter(this::matches).toList();
    if (minBattles <= 1) {
      return kept;
    }
    // Dropping a model takes battles from its opponents, so repeat until every model left
    // really has minBattles battles in what is rated.
    while (true) {
      Map<String, Integer> count = new HashMap<>();
      for (Battle b : kept) {
        count.merge(b.modelA(), 1, Integer::sum);
        count.merge(b.modelB(), 1, Integer::sum);
      }
      List<Battle> next =
          kept.stream()
              .filter(b ->
                  count.getOrDefault(b.modelA(), 0) >= minBattles
                      && count.getOrDefault(b.modelB(), 0) >= minBattles)
              .toList();
      if (next.size() == kept.size()) {
        return kept;
      }
      kept = next;
    }
  }
}
