package kr.gukdae.lineage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kr.gukdae.UserError;

/**
 * Counts one root's derivatives: a breadth-first walk over child links (each repo visited once, so
 * cycles and diamonds from merges cannot double count), then the window and rules per repo in a
 * fixed order, then the per-owner cap over the survivors, earliest first.
 */
final class Counter {

  private static final int EXAMPLES = 5;
  private static final int MAX_CYCLES_LISTED = 20;

  private Counter() {}

  static DerivativeCount count(ModelGraph g, String rootId, CountRules rules, int treeLimit) {
    int root = g.ids.find(rootId.trim());
    if (root < 0) {
      throw UserError.of(
          "기준 모델 '"
              + rootId
              + "'이(가) 메타데이터(저장소 "
              + g.size()
              + "개)에 없습니다. owner/name 철자를 확인하거나 레코드를 더 수집하세요",
          "root '"
              + rootId
              + "' is not in the metadata ("
              + g.size()
              + " repos); check the owner/name spelling or ingest more records");
    }
    int[] parentOf = new int[g.size()];
    Arrays.fill(parentOf, -2);
    byte[] relationOf = new byte[g.size()];
    int[] queue = new int[g.size()];
    int[] depthOf = new int[g.size()];
    List<String> cycles = new ArrayList<>();
    int head = 0;
    int tail = 0;
    queue[tail++] = root;
    parentOf[root] = -1;
    int maxDepth = 0;
    while (head < tail) {
      int node = queue[head++];
      for (int e = g.childStart[node]; e < g.childStart[node + 1]; e++) {
        int child = g.childOf[e];
        if (child == root) {
          if (cycles.size() < MAX_CYCLES_LISTED) {
            cycles.add(g.ids.get(node));
          }
        } else if (parentOf[child] == -2) {
          parentOf[child] = node;
          relationOf[child] = g.childRelation[e];
          depthOf[child] = depthOf[node] + 1;
          maxDepth = Math.max(maxDepth, depthOf[child]);
          queue[tail++] = child;
        }
      }
    }
    Verdict[] verdicts = judge(g, root, rules, queue, tail);
    return summarise(
        g,
        root,
        rules,
        queue,
        tail,
        verdicts,
        parentOf,
        relationOf,
        depthOf,
        maxDepth,
        cycles,
        treeLimit);
  }

  private static Verdict[] judge(
      ModelGraph g, int root, CountRules rules, int[] queue, int reached) {
    Set<Integer> teamOwners = new HashSet<>();
    teamOwners.add(g.owner[root]);
    for (String name : rules.teamOwners()) {
      int o = g.owners.find(name);
      if (o >= 0) {
        teamOwners.add(o);
      }
    }
    long since = rules.since() == null ? Long.MIN_VALUE : rules.since().toEpochMilli();
    long until = rules.until() == null ? Long.MAX_VALUE : rules.until().toEpochMilli();
    Verdict[] verdicts = new Verdict[reached];
    verdicts[0] = Verdict.ROOT;
    List<Integer> survivors = new ArrayList<>();
    for (int i = 1; i < reached; i++) {
      int n = queue[i];
      Verdict v;
      if (g.created[n] < since || g.created[n] >= until) {
        v = Verdict.OUTSIDE_WINDOW;
      } else if (rules.excludeTeamOwners() && teamOwners.contains(g.owner[n])) {
        v = Verdict.SAME_OWNER;
      } else if (rules.requireWeights()
          && (g.flags[n] & ModelGraph.SIBLINGS_KNOWN) != 0
          && (g.flags[n] & ModelGraph.HAS_WEIGHTS) == 0) {
        v = Verdict.NO_WEIGHTS;
      } else if (g.cardChars[n] >= 0 && g.cardChars[n] < rules.minCardChars()) {
        v = Verdict.EMPTY_CARD;
      } else if (g.downloads[n] >= 0 && g.downloads[n] < rules.minDownloads()) {
        v = Verdict.FEW_DOWNLOADS;
      } else if (g.likes[n] >= 0 && g.likes[n] < rules.minLikes()) {
        v = Verdict.FEW_LIKES;
      } else {
        v = Verdict.COUNTED;
        survivors.add(i);
      }
      verdicts[i] = v;
    }
    if (rules.maxPerOwner() > 0) {
      survivors.sort((a, b) -> {
        int byTime = Long.compare(g.created[queue[a]], g.created[queue[b]]);
        return byTime != 0 ? byTime : Integer.compare(a, b);
      });
      Map<Integer, Integer> perOwner = new HashMap<>();
      for (int i : survivors) {
        if (perOwner.merge(g.owner[queue[i]], 1, Integer::sum) > rules.maxPerOwner()) {
          verdicts[i] = Verdict.OWNER_CAP;
        }
      }
    }
    return verdicts;
  }

  private static DerivativeCount summarise(
      ModelGraph g,
      int root,
      CountRules rules,
      int[] queue,
      int reached,
      Verdict[] verdicts,
      int[] parentOf,
      byte[] relationOf,
      int[] depthOf,
      int maxDepth,
      List<String> cycles,
      int treeLimit) {
    int counted = 0;
    int direct = 0;
    Map<Relation, Integer> byRelation = new EnumMap<>(Relation.class);
    Map<Verdict, Integer> byVerdict = new EnumMap<>(Verdict.class);
    Map<Verdict, List<String>> examples = new EnumMap<>(Verdict.class);
    Set<Integer> owners = new HashSet<>();
    TreeMap<Long, int[]> months = new TreeMap<>();
    for (int i = 1; i < reached; i++) {
      int n = queue[i];
      Verdict v = verdicts[i];
      byVerdict.merge(v, 1, Integer::sum);
      if (v == Verdict.COUNTED) {
        counted++;
        if (parentOf[n] == root) {
          direct++;
        }
        byRelation.merge(Relation.ofCode(relationOf[n]), 1, Integer::sum);
        owners.add(g.owner[n]);
      } else {
        List<String> list = examples.computeIfAbsent(v, k -> new ArrayList<>());
        if (list.size() < EXAMPLES) {
          list.add(g.ids.get(n));
        }
      }
      if (v != Verdict.OUTSIDE_WINDOW) {
        int[] month = months.computeIfAbsent(monthKey(g.created[n]), k -> new int[2]);
        month[v == Verdict.COUNTED ? 0 : 1]++;
      }
    }
    List<DerivativeCount.Month> series = new ArrayList<>();
    int cumulative = 0;
    for (Map.Entry<Long, int[]> e : months.entrySet()) {
      cumulative += e.getValue()[0];
      long key = e.getKey();
      series.add(
          new DerivativeCount.Month(
              String.format(Locale.ROOT, "%04d-%02d", key / 12, key % 12 + 1),
              e.getValue()[0],
              e.getValue()[1],
              cumulative));
    }
    int treeSize = Math.min(reached, treeLimit);
    Map<Integer, Integer> index = new HashMap<>();
    List<DerivativeCount.TreeNode> tree = new ArrayList<>(treeSize);
    for (int i = 0; i < treeSize; i++) {
      int n = queue[i];
      index.put(n, i);
      Relation relation = i == 0 ? null : Relation.ofCode(relationOf[n]);
      int source = g.relationSource[n];
      tree.add(
          new DerivativeCount.TreeNode(
              g.ids.get(n),
              i == 0 ? -1 : index.getOrDefault(parentOf[n], -1),
              depthOf[n],
              relation,
              i == 0 || source == 0 ? null : RelationSource.values()[source - 1],
              g.owners.get(g.owner[n]),
              g.created[n],
              g.downloads[n],
              g.likes[n],
              verdicts[i]));
    }
    return new DerivativeCount(
        g.ids.get(root),
        g.present(root),
        rules,
        reached - 1,
        counted,
        direct,
        owners.size(),
        maxDepth,
        byRelation,
        byVerdict,
        examples,
        cycles,
        series,
        tree,
        reached > treeLimit);
  }

  /** Months since year 0, so a long sorts them; MISSING times land in month 0 and say so. */
  private static long monthKey(long epochMillis) {
    if (epochMillis == RawModel.MISSING) {
      return 0;
    }
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, 86_400_000L));
    return day.getYear() * 12L + day.getMonthValue() - 1;
  }
}
