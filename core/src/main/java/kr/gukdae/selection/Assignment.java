package kr.gukdae.selection;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which reviewers read which application in a round (application id → reviewer ids). */
public record Assignment(String round, Map<String, List<String>> reviewersOf) {

  public Assignment {
    TreeMap<String, List<String>> copy = new TreeMap<>();
    reviewersOf.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    reviewersOf = java.util.Collections.unmodifiableMap(copy);
  }

  /** How many applications each reviewer reads. */
  public Map<String, Integer> load() {
    Map<String, Integer> out = new TreeMap<>();
    reviewersOf.values().forEach(rs -> rs.forEach(r -> out.merge(r, 1, Integer::sum)));
    return out;
  }

  public boolean assigned(String reviewer, String application) {
    return reviewersOf.getOrDefault(application, List.of()).contains(reviewer);
  }
}
