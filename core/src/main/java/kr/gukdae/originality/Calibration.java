package kr.gukdae.originality;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.Bilingual;

/**
 * The null distribution of the similarity statistic, fitted on pairs of independent models. Each
 * tensor pair's Pearson r becomes Fisher's z = atanh(r)·sqrt(n−3), which is standard normal for
 * unrelated tensors; the fitted mean and spread per tensor kind absorb whatever structure
 * independent models share (their sd is never taken below 1, the analytic value).
 */
public record Calibration(Map<Kind, Null> nulls, Composition composition) {

  /** Tensor kinds calibrated separately. */
  public enum Kind {
    MATRIX,
    VECTOR,
    NORM
  }

  /** Fitted null for one kind: mean and spread of Fisher z over {@code samples} tensor pairs. */
  public record Null(double mean, double sd, int samples, double maxAbsPearson) {}

  /**
   * What the null was fitted on: {@code demoPairs} pairs of the project's own demo models, and the
   * given independent {@code models}, of whose pairs {@code pairsUsed} entered the fit; {@code
   * warnings} name pairs left out because they are related, and null models related to a reference.
   */
  public record Composition(
      int demoPairs, List<WeightModel> models, int pairsUsed, List<Bilingual> warnings) {
    public Composition {
      models = List.copyOf(models);
      warnings = List.copyOf(warnings);
    }

    static Composition demoOnly(int demoPairs) {
      return new Composition(demoPairs, List.of(), 0, List.of());
    }

    /** The composition in words. */
    public Bilingual describe() {
      String names = String.join(", ", models.stream().map(WeightModel::name).toList());
      String given =
          models.isEmpty()
              ? ""
              : " + " + pairsUsed + " pair(s) of the given independent models (" + names + ")";
      String givenKo = models.isEmpty() ? "" : " + 주어진 독립 모델(" + names + ")의 쌍 " + pairsUsed + "개";
      return new Bilingual(
          "기준선(귀무 분포): 프로젝트의 무작위 초기화 데모 모델 쌍 " + demoPairs + "개" + givenKo + ".",
          "Null: "
              + demoPairs
              + " pairs of the project's random-initialised demo models"
              + given
              + ".");
    }

    /** The warnings as one text (empty when the null is sound). */
    public Bilingual warningText() {
      Bilingual out = new Bilingual("", "");
      for (Bilingual w : warnings) {
        out = out.plus(w);
      }
      return out;
    }

    static Bilingual related(String a, String b, double mean) {
      String r = String.format(java.util.Locale.ROOT, "%.3f", mean);
      return new Bilingual(
          "경고: \"독립\" 기준선 모델 "
              + a
              + "와 "
              + b
              + "가 서로 관련되어 있습니다(행렬 평균 Pearson "
              + r
              + "). 모든 판정을 약하게 만들 수 있어 이 쌍은 기준선에서 제외했습니다.",
          "Warning: the \"independent\" null models "
              + a
              + " and "
              + b
              + " are related (mean Pearson of their matrices "
              + r
              + "); that pair was left out of the null, which would otherwise weaken every"
              + " verdict.");
    }

    static Bilingual relatedToReference(String nul, String ref, double s) {
      String r = String.format(java.util.Locale.ROOT, "%.3f", s);
      return new Bilingual(
          "경고: \"독립\" 기준선 모델 "
              + nul
              + "가 기준 모델 "
              + ref
              + "와 관련되어 있습니다(표본 일치도 "
              + r
              + "). 어떤 기준 모델과도 가중치를 공유하지 않는 모델을 기준선으로 주십시오.",
          "Warning: the \"independent\" null model "
              + nul
              + " is related to the reference "
              + ref
              + " (probe agreement "
              + r
              + "); give null models that share no weights with any reference.");
    }
  }

  public Calibration {
    nulls = Map.copyOf(nulls);
    java.util.Objects.requireNonNull(composition, "composition");
  }

  /** The analytic null: z ~ N(0, 1). */
  public static Calibration analytic() {
    return new Calibration(Map.of(), Composition.demoOnly(0));
  }

  Calibration with(Composition c) {
    return new Calibration(nulls, c);
  }

  static Kind kind(boolean norm, int rank) {
    return norm ? Kind.NORM : rank >= 2 ? Kind.MATRIX : Kind.VECTOR;
  }

  static double fisher(double r, long n) {
    double c = Math.max(-0.999999, Math.min(0.999999, r));
    return 0.5 * Math.log((1 + c) / (1 - c)) * Math.sqrt(Math.max(1, n - 3));
  }

  double z(Kind kind, double r, long n) {
    Null nul = nulls.get(kind);
    double f = fisher(r, n);
    return nul == null ? f : (f - nul.mean()) / nul.sd();
  }

  /** log10 of the upper-tail normal probability, accurate far into the tail. */
  static double log10UpperTail(double z) {
    if (z < 5) {
      return Math.log10(Math.max(Double.MIN_NORMAL, 0.5 * Erfc.erfc(z / Math.sqrt(2))));
    }
    // Mills ratio: P(Z > z) ≈ φ(z)/z · (1 − 1/z² + 3/z⁴)
    double lnPhi = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI);
    double series = 1 - 1 / (z * z) + 3 / (z * z * z * z);
    return (lnPhi - Math.log(z) + Math.log(series)) / Math.log(10);
  }

  /** One null observation: a tensor pair from two independent models. */
  record Sample(Kind kind, double pearson, long elements) {}

  static Calibration fit(List<Sample> samples) {
    Map<Kind, List<Sample>> byKind = new EnumMap<>(Kind.class);
    for (Sample s : samples) {
      byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
    }
    Map<Kind, Null> nulls = new EnumMap<>(Kind.class);
    byKind.forEach((kind, list) -> {
      double mean =
          list.stream().mapToDouble(s -> fisher(s.pearson(), s.elements())).average().orElse(0);
      double var =
          list.stream()
                  .mapToDouble(s -> Math.pow(fisher(s.pearson(), s.elements()) - mean, 2))
                  .sum()
              / Math.max(1, list.size() - 1);
      double maxR = list.stream().mapToDouble(s -> Math.abs(s.pearson())).max().orElse(0);
      // Few samples cannot narrow the analytic null, and a mean far from 0 would need many.
      double sd = Math.max(1, Math.sqrt(var));
      double shrunk = list.size() >= 10 ? mean : 0;
      nulls.put(kind, new Null(shrunk, sd, list.size(), maxR));
    });
    return new Calibration(nulls, Composition.demoOnly(NullModels.demoPairs()));
  }

  /** Combines observations of several fits by refitting on their union. */
  static Calibration fitPairs(List<List<Sample>> pairs) {
    List<Sample> all = new ArrayList<>();
    pairs.forEach(all::addAll);
    return fit(all);
  }
}
