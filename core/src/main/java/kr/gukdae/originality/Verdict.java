package kr.gukdae.originality;

import java.util.Objects;

/**
 * The programme's originality verdicts, ordered by how much of the reference they show. Each
 * non-original verdict carries the share of the candidate's parameters it rests on; labels come in
 * English (as the rules word them) and Korean.
 */
public sealed interface Verdict {

  /** The verdict in English, e.g. {@code FINE-TUNED FROM llama}. */
  String label();

  /** The verdict in Korean. */
  String labelKo();

  /** 0 = original … 5 = identical; the report's overall verdict is the most severe finding. */
  int severity();

  /** Share of the candidate's parameters the verdict rests on (0 for ORIGINAL/INCONCLUSIVE). */
  default double share() {
    return 0;
  }

  /** A short code for storage, filtering and the web page's colours. */
  default String code() {
    return switch (this) {
      case Original o -> "ORIGINAL";
      case Inconclusive i -> "INCONCLUSIVE";
      case ContainsComponent c -> "CONTAINS_COMPONENT";
      case FineTunedFrom f -> "FINE_TUNED";
      case QuantisedCopy q -> "QUANTISED_COPY";
      case Identical i -> "IDENTICAL";
    };
  }

  record Original() implements Verdict {
    public String label() {
      return "ORIGINAL";
    }

    public String labelKo() {
      return "독자 모델";
    }

    public int severity() {
      return 0;
    }
  }

  /** Resemblance a person must review, or too little of the model compared to say anything. */
  record Inconclusive(String reason) implements Verdict {
    public Inconclusive {
      Objects.requireNonNull(reason, "reason");
    }

    public String label() {
      return "INCONCLUSIVE";
    }

    public String labelKo() {
      return "판단 보류";
    }

    public int severity() {
      return 1;
    }
  }

  /** One or more components taken from the reference, unchanged (frozen) or trained further. */
  record ContainsComponent(String component, String reference, boolean frozen, double share)
      implements Verdict {
    public ContainsComponent {
      Objects.requireNonNull(component, "component");
      Objects.requireNonNull(reference, "reference");
    }

    public String label() {
      return "CONTAINS COMPONENT "
          + component
          + (frozen ? " (frozen)" : " (re-trained)")
          + " FROM "
          + reference;
    }

    public String labelKo() {
      return reference + "의 구성요소 포함: " + component + (frozen ? " (동결)" : " (재학습)");
    }

    public int severity() {
      return 2;
    }
  }

  record FineTunedFrom(String reference, double share) implements Verdict {
    public FineTunedFrom {
      Objects.requireNonNull(reference, "reference");
    }

    public String label() {
      return "FINE-TUNED FROM " + reference;
    }

    public String labelKo() {
      return reference + "에서 미세조정한 파생 모델";
    }

    public int severity() {
      return 3;
    }
  }

  /** The reference's values up to the rounding of a coarser storage type: no training. */
  record QuantisedCopy(String reference, double share) implements Verdict {
    public QuantisedCopy {
      Objects.requireNonNull(reference, "reference");
    }

    public String label() {
      return "QUANTISED COPY OF " + reference;
    }

    public String labelKo() {
      return reference + "의 양자화 복사본";
    }

    public int severity() {
      return 4;
    }
  }

  /** The reference's values bit for bit (on the finite values). */
  record Identical(String reference, double share) implements Verdict {
    public Identical {
      Objects.requireNonNull(reference, "reference");
    }

    public String label() {
      return "IDENTICAL TO " + reference;
    }

    public String labelKo() {
      return reference + "와 동일";
    }

    public int severity() {
      return 5;
    }
  }
}
