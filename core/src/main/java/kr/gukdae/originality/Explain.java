package kr.gukdae.originality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import kr.gukdae.Bilingual;
import kr.gukdae.originality.Findings.BlockMatch;
import kr.gukdae.originality.Findings.ComponentSummary;
import kr.gukdae.originality.Findings.Level;
import kr.gukdae.originality.Findings.TensorEvidence;

/**
 * The plain-language explanation of a verdict against one reference, in English and Korean. Numbers
 * are formatted the same way whatever the machine's locale. It states what the rest of the model
 * showed rather than assuming it unrelated.
 */
final class Explain {

  private final String ref;
  private final Judge.Scope scope;
  private final Judge.Tally all;
  private final List<BlockMatch> mapping;

  Explain(String ref, Judge.Scope scope, Judge.Tally all, List<BlockMatch> mapping) {
    this.ref = ref;
    this.scope = scope;
    this.all = all;
    this.mapping = mapping;
  }

  static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String dec(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  Bilingual majority(Verdict v) {
    String p = pct(v.share());
    Bilingual head =
        new Bilingual(
            "후보 모델 파라미터의 " + p + "가 " + ref + "와 일치합니다:",
            p + " of the candidate's parameters match " + ref + ":");
    Bilingual how =
        switch (v) {
          case Verdict.Identical i ->
              new Bilingual(
                  "값이 기준 모델과 비트 단위로 같습니다(유한한 값 기준). 복사본은 독자 모델이 아닌 파생" + " 모델로 봅니다.",
                  "their values are bit-identical to the reference's (on the finite values). A copy"
                      + " counts as a derivative, not as an original model.");
          case Verdict.QuantisedCopy q ->
              new Bilingual(
                  "값이 더 거친 저장 형식("
                      + dtypes()
                      + ")의 반올림 오차 안에서 기준 모델과 같습니다: 학습한 모델이 아니라 낮은 정밀도로"
                      + " 저장한 복사본입니다. 복사본은 파생 모델로 봅니다.",
                  "their values equal the reference's up to the rounding of a coarser storage type ("
                      + dtypes()
                      + "): a copy stored at lower precision, not a trained model. A copy counts as a"
                      + " derivative.");
          default -> {
            String same = pct((double) all.identical / Math.max(1, scope.parameters()));
            String near =
                pct((double) (all.copied - all.identical) / Math.max(1, scope.parameters()));
            yield new Bilingual(
                "가중치가 기준 모델과 강하게 상관하지만 저장 오차 이상으로 움직였습니다(비트 단위 동일 "
                    + same
                    + ", 기준 값의 2% 이내 "
                    + near
                    + ", 나머지는 그 이상): 미세조정, 추가 사전학습 또는 덧붙인 잡음의 흔적입니다. 다른"
                    + " 모델을 미세조정한 파생 모델은 독자 모델로 인정되지 않습니다.",
                "the weights correlate strongly with the reference's but moved beyond storage"
                    + " rounding ("
                    + same
                    + " bit-identical, "
                    + near
                    + " within 2% of the reference's values, the rest further): the signature of"
                    + " fine-tuning, continued pre-training or added noise. Fine-tuned derivatives"
                    + " of other models do not count as original.");
          }
        };
    return head.plus(how).plus(rest(List.of())).plus(layout()).plus(tamper());
  }

  Bilingual components(List<ComponentSummary> taken, List<ComponentSummary> weak) {
    List<String> en = new ArrayList<>();
    List<String> ko = new ArrayList<>();
    long params = 0;
    for (ComponentSummary g : taken) {
      boolean frozen = g.level() == Level.COPIED;
      String stats = "Pearson " + dec(g.pearson(), 4) + ", rel. L2 " + dec(g.relL2(), 4);
      en.add(g.component() + " (" + (frozen ? "frozen" : "re-trained") + ": " + stats + ")");
      ko.add(g.component() + " (" + (frozen ? "동결" : "재학습") + ": " + stats + ")");
      params += g.parameters();
    }
    String p = pct((double) params / Math.max(1, scope.parameters()));
    Bilingual head =
        new Bilingual(
            ref
                + "에서 가져온 구성요소: "
                + String.join(", ", ko)
                + ", 후보 파라미터의 "
                + p
                + ". 외부 가중치를 동결하거나 추가 학습해 쓴 부분은 팀의 독자 개발로 인정되지"
                + " 않습니다.",
            "Taken from "
                + ref
                + ": "
                + String.join(", ", en)
                + ", "
                + p
                + " of the candidate's parameters. External weights used frozen or trained further"
                + " do not count as the team's own.");
    return head.plus(rest(weak)).plus(layout()).plus(tamper());
  }

  Bilingual inconclusive(List<ComponentSummary> weak) {
    Bilingual out = new Bilingual("", "");
    if (!weak.isEmpty()) {
      String list = String.join(", ", weak.stream().map(Explain::weakly).toList());
      out =
          out.plus(
              new Bilingual(
                  "일부 구성요소가 독립 모델 기준선 이상으로 "
                      + ref
                      + "와 닮았지만 복사본도 모델의 대부분도 아닙니다: "
                      + list
                      + ". 학습 기록과 함께 사람이 검토해야 합니다.",
                  "Some components resemble "
                      + ref
                      + " beyond the independent-model null but are neither a copy nor most of"
                      + " the model: "
                      + list
                      + ". A person should review them with the training logs."));
    }
    double coverage = all.coverage(scope);
    if (coverage < Judge.MIN_COVERAGE) {
      String p = pct(coverage);
      out =
          out.plus(
              new Bilingual(
                  "후보 파라미터 "
                      + num(scope.parameters())
                      + "개 중 "
                      + p
                      + "만 "
                      + ref
                      + "와 비교할 수 있었습니다(나머지는 내용이나 모양이 대응하는 텐서가 없음):"
                      + " 독자 모델이라고 판단하기에 부족합니다.",
                  "Only "
                      + p
                      + " of the candidate's "
                      + num(scope.parameters())
                      + " parameters could be compared with "
                      + ref
                      + " (the rest has no counterpart of matching content or shape): too little to"
                      + " call the model original."));
    }
    return out.plus(layout()).plus(tamper());
  }

  Bilingual original() {
    String p = pct(all.coverage(scope));
    boolean norms = all.tensors.stream().anyMatch(TensorEvidence::norm);
    Bilingual out =
        new Bilingual(
            "어떤 구성요소도 독립 모델들이 보이는 수준 이상으로 " + ref + "와 닮지 않았습니다(파라미터의 " + p + " 비교).",
            "No component resembles "
                + ref
                + " beyond what independent models show ("
                + p
                + " of the parameters compared).");
    if (norms) {
      out =
          out.plus(
              new Bilingual(
                  "정규화 가중치는 1로부터의 편차로 판단했으므로, 모든 모델에 공통인 1 근처의 원시" + " 코사인 값은 경보를 울리지 않았습니다.",
                  "Norm weights were judged on their deviation from 1, so their raw cosine near 1"
                      + " (shared by every model) raised no alarm."));
    }
    return out.plus(tamper());
  }

  private static String weakly(ComponentSummary g) {
    return g.component()
        + " ("
        + g.level().name().toLowerCase(Locale.ROOT)
        + ", Pearson "
        + dec(g.pearson(), 3)
        + ")";
  }

  /**
   * What the parameters not counted in the verdict showed: compared-and-unrelated, weak, unseen.
   */
  private Bilingual rest(List<ComponentSummary> weak) {
    long weakParams = weak.stream().mapToLong(ComponentSummary::parameters).sum();
    double unrelated =
        (double) Math.max(0, all.matched - all.alike - weakParams)
            / Math.max(1, scope.parameters());
    double unseen = Math.max(0, 1 - all.coverage(scope));
    List<String> en = new ArrayList<>();
    List<String> ko = new ArrayList<>();
    if (unrelated >= 0.0005) {
      en.add(pct(unrelated) + " was compared and shows no resemblance beyond the null");
      ko.add(pct(unrelated) + "는 비교했으며 기준선 이상의 유사성이 없습니다");
    }
    if (!weak.isEmpty()) {
      String list = String.join(", ", weak.stream().map(Explain::weakly).toList());
      en.add("weak resemblance in " + list);
      ko.add("약한 유사성: " + list);
    }
    if (unseen >= 0.0005) {
      en.add(pct(unseen) + " had no counterpart in the reference and was not compared");
      ko.add(pct(unseen) + "는 기준 모델에 대응하는 텐서가 없어 비교하지 못했습니다");
    }
    return en.isEmpty()
        ? new Bilingual("", "")
        : new Bilingual(
            "나머지 중 " + String.join("; ", ko) + ".", "Of the rest: " + String.join("; ", en) + ".");
  }

  /** Blocks found at another index, used twice, or skipped: the aligned mapping in words. */
  private Bilingual layout() {
    List<String> moved = new ArrayList<>();
    Map<String, Map<Integer, Integer>> uses = new TreeMap<>();
    for (BlockMatch b : mapping) {
      if (b.referenceBlock() < 0) {
        continue;
      }
      uses.computeIfAbsent(b.stack(), k -> new TreeMap<>())
          .merge(b.referenceBlock(), 1, Integer::sum);
      if (b.referenceBlock() != b.candidateBlock()) {
        String stack = b.stack().equals("layers") ? "" : b.stack() + " ";
        moved.add(stack + b.candidateBlock() + " = " + b.referenceBlock());
      }
    }
    if (moved.isEmpty()) {
      return new Bilingual("", "");
    }
    String shown = String.join(", ", moved.subList(0, Math.min(12, moved.size())));
    String more = moved.size() > 12 ? " … (+" + (moved.size() - 12) + ")" : "";
    Bilingual out =
        new Bilingual(
            "층을 이름이 아니라 내용으로 정렬했습니다(후보 블록 = 기준 블록): " + shown + more + ".",
            "Layers were aligned by content, not by name (candidate block = reference block): "
                + shown
                + more
                + ".");
    TreeSet<String> twice = new TreeSet<>();
    TreeSet<String> skipped = new TreeSet<>();
    uses.forEach((stack, counts) -> {
      counts.forEach((block, n) -> {
        if (n > 1) {
          twice.add(String.valueOf(block));
        }
      });
      int lo = counts.keySet().stream().min(Integer::compare).orElse(0);
      int hi = counts.keySet().stream().max(Integer::compare).orElse(0);
      for (int i = lo; i <= hi; i++) {
        if (!counts.containsKey(i)) {
          skipped.add(String.valueOf(i));
        }
      }
    });
    if (!twice.isEmpty()) {
      String list = String.join(", ", twice);
      out =
          out.plus(
              new Bilingual(
                  "기준 블록 " + list + "이(가) 두 번 이상 쓰였습니다(깊이 확장에서처럼 층 복제).",
                  "Reference block(s) "
                      + list
                      + " appear more than once (duplicated layers, as in"
                      + " depth up-scaling)."));
    }
    if (!skipped.isEmpty()) {
      String list = String.join(", ", skipped);
      out =
          out.plus(
              new Bilingual(
                  "기준 블록 " + list + "에 대응하는 후보 블록이 없습니다(층을 건너뛰는 증류에서처럼).",
                  "Reference block(s) "
                      + list
                      + " have no counterpart (skipped layers, as in"
                      + " layer-dropping distillation)."));
    }
    return out;
  }

  /** Values trained weights do not hold, found in the candidate. */
  private Bilingual tamper() {
    TensorStats.Tamper t = all.tamper;
    Bilingual out = new Bilingual("", "");
    if (t.nonFiniteCandidate() > 0) {
      String n = num(t.nonFiniteCandidate());
      out =
          out.plus(
              new Bilingual(
                  "후보 모델에 유한하지 않은 값(NaN 또는 무한대)이 "
                      + n
                      + "개 있습니다. 학습된 가중치에는 없는 값이므로 모든 통계에서 제외했으며, 그"
                      + " 자체로 조작의 증거입니다.",
                  "The candidate holds "
                      + n
                      + " non-finite value(s) (NaN or infinity) where trained weights never do:"
                      + " they were left out of every statistic and are themselves evidence of"
                      + " tampering."));
    }
    if (t.extremeCandidate() > t.extremeReference()) {
      String n = num(t.extremeCandidate());
      String m = num(t.extremeReference());
      out =
          out.plus(
              new Bilingual(
                  "후보 값 "
                      + n
                      + "개가 중앙 편차의 "
                      + (int) PairAccumulator.CLIP_MADS
                      + "배 이상 벗어나 있습니다(기준 모델: "
                      + m
                      + "개). 복사를 숨기지 못하도록 강건 통계에서 제외했으며, 복사된 텐서 안에 있다면 인위적으로 심은"
                      + " 값으로 보입니다.",
                  n
                      + " candidate value(s) lie more than "
                      + (int) PairAccumulator.CLIP_MADS
                      + " median deviations out (the reference: "
                      + m
                      + "); they were left out of the robust statistics so they cannot hide a copy, and inside"
                      + " otherwise copied tensors they point at planted values."));
    }
    return out;
  }

  private String dtypes() {
    TreeSet<String> pairs = new TreeSet<>();
    for (TensorEvidence e : all.tensors) {
      if (e.level() == Level.COPIED && !Judge.bitIdentical(e.stats())) {
        pairs.add(e.candidateDtype() + " vs " + e.referenceDtype());
      }
    }
    return pairs.isEmpty() ? "storage rounding" : String.join(", ", pairs);
  }
}
