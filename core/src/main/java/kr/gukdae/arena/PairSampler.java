package kr.gukdae.arena;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Picks the two models of the next arena battle. Each unordered pair is drawn with weight {@code 1
 * / (1 + battles of the pair)^2}, so pairs that have met rarely (and hence models that are new)
 * come up far more often and the pair counts even out, while every pair keeps a chance and the
 * voter cannot predict the draw. Sides are then assigned by a coin flip so position bias averages
 * out.
 */
public final class PairSampler {

  /** How many battles two models have already had against each other (order irrelevant). */
  @FunctionalInterface
  public interface PairCounts {
    long battles(String modelA, String modelB);
  }

  /** The drawn pair; {@code modelA} is shown on side A. */
  public record Pair(String modelA, String modelB) {
    public Pair {
      Objects.requireNonNull(modelA, "modelA");
      Objects.requireNonNull(modelB, "modelB");
      if (modelA.equals(modelB)) {
        throw new IllegalArgumentException("bug: a pair needs two different models: " + modelA);
      }
    }
  }

  private final RandomGenerator random;

  public PairSampler(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  public Pair next(List<String> models, PairCounts counts) {
    List<String> distinct = models.stream().distinct().toList();
    if (distinct.size() < 2) {
      // ArenaSettings refuses gukdae.arena.models with fewer than two at start-up
      throw new IllegalArgumentException(
          "bug: the arena needs at least two models, got " + distinct.size());
    }
    long fewest = Long.MAX_VALUE;
    for (int i = 0; i < distinct.size(); i++) {
      for (int j = i + 1; j < distinct.size(); j++) {
        fewest = Math.min(fewest, Math.max(0, counts.battles(distinct.get(i), distinct.get(j))));
      }
    }
    List<String[]> pairs = new ArrayList<>();
    double[] cumulative = new double[distinct.size() * (distinct.size() - 1) / 2];
    double total = 0;
    for (int i = 0; i < distinct.size(); i++) {
      for (int j = i + 1; j < distinct.size(); j++) {
        double n = Math.max(0, counts.battles(distinct.get(i), distinct.get(j))) - fewest;
        total += 1.0 / ((1 + n) * (1 + n));
        cumulative[pairs.size()] = total;
        pairs.add(new String[] {distinct.get(i), distinct.get(j)});
      }
    }
    double draw = random.nextDouble() * total;
    int index = 0;
    while (index < cumulative.length - 1 && cumulative[index] <= draw) {
      index++;
    }
    String[] chosen = pairs.get(index);
    return random.nextBoolean() ? new Pair(chosen[0], chosen[1]) : new Pair(chosen[1], chosen[0]);
  }
}
