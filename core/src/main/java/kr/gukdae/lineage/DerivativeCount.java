package kr.gukdae.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gukdae.Bilingual;
import org.jspecify.annotations.Nullable;

/**
 * The derivative count for one root model under one set of rules, with everything needed to explain
 * it: how many repos the tree reached, what each rule removed (with examples), the counted ones by
 * relation and by month, and the first part of the tree itself.
 *
 * @param root the root repo id as ingested
 * @param rootRecorded false when the root is only known as other repos' base (deleted or renamed)
 * @param reached repos reachable from the root through base_model links (root excluded)
 * @param counted repos that passed every rule and count
 * @param direct counted repos whose base is the root itself
 * @param distinctOwners owners among the counted repos
 * @param byRelation counted repos by their link to the tree
 * @param byVerdict every reached repo by verdict
 * @param examples up to five repo ids per verdict
 * @param cycles derivatives of the root that the root itself names as a base (a cycle)
 * @param months counted and excluded repos by creation month (UTC), oldest first
 * @param tree the tree in breadth-first order, cut at {@code treeLimit} nodes
 */
public record DerivativeCount(
    String root,
    boolean rootRecorded,
    CountRules rules,
    int reached,
    int counted,
    int direct,
    int distinctOwners,
    int maxDepth,
    Map<Relation, Integer> byRelation,
    Map<Verdict, Integer> byVerdict,
    Map<Verdict, List<String>> examples,
    List<String> cycles,
    List<Month> months,
    List<TreeNode> tree,
    boolean treeTruncated) {

  public DerivativeCount {
    byRelation = Map.copyOf(byRelation);
    byVerdict = Map.copyOf(byVerdict);
    examples = Map.copyOf(examples);
    cycles = List.copyOf(cycles);
    months = List.copyOf(months);
    tree = List.copyOf(tree);
  }

  /** Repos created in one month: how many counted, how many a rule left out. */
  public record Month(String month, int counted, int excluded, int cumulative) {}

  /**
   * One node of the tree; {@code parent} is the index of its parent in the list (-1 for the root).
   */
  public record TreeNode(
      String id,
      int parent,
      int depth,
      @Nullable Relation relation,
      @Nullable RelationSource relationSource,
      String owner,
      long createdAt,
      int downloads,
      int likes,
      Verdict verdict) {}

  /** Plain sentences, one per line, saying how the number came about, in Korean and English. */
  public List<Bilingual> explanation() {
    List<Bilingual> lines = new ArrayList<>();
    int outside = byVerdict.getOrDefault(Verdict.OUTSIDE_WINDOW, 0);
    lines.add(
        new Bilingual(
            "루트 "
                + root
                + (rootRecorded ? "" : " (자체 기록 없음: 삭제, 이름 변경 또는 미수집)")
                + ": base_model 연결로 닿는 저장소 "
                + reached
                + "개, 최대 "
                + maxDepth
                + "단계 깊이.",
            "Root "
                + root
                + (rootRecorded ? "" : " (no record of its own: deleted, renamed or not ingested)")
                + ": "
                + reached
                + " repos reachable through base_model links, up to "
                + maxDepth
                + " levels deep."));
    lines.add(
        new Bilingual(
            "기간: "
                + (rules.since() == null ? "처음부터" : rules.since() + "부터")
                + (rules.until() == null ? " 지금까지" : " " + rules.until() + "까지")
                + " (createdAt 기준); 기간 밖 저장소 "
                + outside
                + "개.",
            "Window: "
                + (rules.since() == null ? "from the start" : "from " + rules.since())
                + (rules.until() == null ? " to now" : " until " + rules.until())
                + " (by createdAt); "
                + outside
                + " repos fall outside it."));
    lines.add(
        rule(
            new Bilingual("팀 자체 재업로드", "team re-uploads"),
            new Bilingual("팀 자체 재업로드도 집계", "team re-uploads count"),
            rules.excludeTeamOwners(),
            Verdict.SAME_OWNER));
    lines.add(
        rule(
            new Bilingual("가중치 없는 저장소", "repos without weights"),
            new Bilingual("가중치 없는 저장소도 집계", "repos without weights count"),
            rules.requireWeights(),
            Verdict.NO_WEIGHTS));
    lines.add(
        rule(
            new Bilingual(
                "모델 카드 " + rules.minCardChars() + "자 미만",
                "cards under " + rules.minCardChars() + " chars"),
            new Bilingual("모델 카드 길이 하한 없음", "no card-length minimum"),
            rules.minCardChars() > 0,
            Verdict.EMPTY_CARD));
    lines.add(
        rule(
            new Bilingual(
                "다운로드 " + rules.minDownloads() + "회 미만 저장소",
                "repos under " + rules.minDownloads() + " downloads"),
            new Bilingual("다운로드 하한 없음", "no download minimum"),
            rules.minDownloads() > 0,
            Verdict.FEW_DOWNLOADS));
    lines.add(
        rule(
            new Bilingual(
                "좋아요 " + rules.minLikes() + "개 미만 저장소",
                "repos under " + rules.minLikes() + " likes"),
            new Bilingual("좋아요 하한 없음", "no like minimum"),
            rules.minLikes() > 0,
            Verdict.FEW_LIKES));
    lines.add(
        rule(
            new Bilingual(
                "소유자당 " + rules.maxPerOwner() + "개 초과분 (가장 이른 것 유지)",
                "more than " + rules.maxPerOwner() + " per owner (earliest kept)"),
            new Bilingual("소유자당 상한 없음", "no per-owner cap"),
            rules.maxPerOwner() > 0,
            Verdict.OWNER_CAP));
    StringBuilder relations = new StringBuilder();
    for (Relation r : Relation.values()) {
      relations
          .append(relations.isEmpty() ? "" : ", ")
          .append(r.wire())
          .append(' ')
          .append(byRelation.getOrDefault(r, 0));
    }
    lines.add(
        new Bilingual(
            "집계: 파생 모델 "
                + counted
                + "개 (직접 "
                + direct
                + "개, 그 아래 "
                + (counted - direct)
                + "개), 서로 다른 소유자 "
                + distinctOwners
                + "명; "
                + relations
                + ".",
            "Counted: "
                + counted
                + " derivatives ("
                + direct
                + " direct, "
                + (counted - direct)
                + " further down) from "
                + distinctOwners
                + " distinct owners; "
                + relations
                + "."));
    if (!cycles.isEmpty()) {
      String list = String.join(", ", cycles);
      lines.add(
          new Bilingual(
              "순환: 루트가 자신의 파생 모델 "
                  + cycles.size()
                  + "개를 base로 적고 있음 ("
                  + list
                  + "); 이 연결은 무시하며 모든 저장소는 한 번만 집계.",
              "Cycles: the root itself lists "
                  + cycles.size()
                  + " of its own derivatives as a base ("
                  + list
                  + "); those links are ignored and every repo counts at most once."));
    }
    return lines;
  }

  /** The explanation in English only, as stored evidence and older clients read it. */
  public List<String> explanationEn() {
    return explanation().stream().map(Bilingual::en).toList();
  }

  /** The explanation in Korean only. */
  public List<String> explanationKo() {
    return explanation().stream().map(Bilingual::ko).toList();
  }

  private Bilingual rule(Bilingual what, Bilingual off, boolean on, Verdict verdict) {
    if (!on) {
      return new Bilingual("규칙 꺼짐: " + off.ko() + ".", "Rule off: " + off.en() + ".");
    }
    int removed = byVerdict.getOrDefault(verdict, 0);
    @Nullable String eg =
        examples.containsKey(verdict) ? String.join(", ", examples.get(verdict)) : null;
    return new Bilingual(
        "규칙: "
            + what.ko()
            + " 제외: "
            + removed
            + "개 제외"
            + (eg == null ? "" : " (예: " + eg + ")")
            + ".",
        "Rule: leave out "
            + what.en()
            + ": "
            + removed
            + " removed"
            + (eg == null ? "" : " (e.g. " + eg + ")")
            + ".");
  }
}
