package kr.gukdae.eval.reference;

import java.time.LocalDate;
import java.util.Objects;
import kr.gukdae.UserError;

/** What a run is compared with: a team's named target model, or the moving frontier target. */
public sealed interface Baseline {

  /** Says in words what the reference is, for headers and reports. */
  String describe();

  /** A named model's published scores, whatever its release date. */
  record Target(String model) implements Baseline {
    public Target {
      Objects.requireNonNull(model, "model");
      if (model.isBlank()) {
        throw UserError.of("target model을 비워 둘 수 없습니다", "target model must not be blank");
      }
    }

    @Override
    public String describe() {
      return "target model " + model;
    }
  }

  /** Per benchmark, the best model released in the {@code months} months up to {@code asOf}. */
  record BestWithin(int months, LocalDate asOf) implements Baseline {
    public BestWithin {
      Objects.requireNonNull(asOf, "asOf");
      if (months < 1) {
        throw UserError.of(
            "months는 1 이상이어야 합니다 (받은 값 " + months + ")",
            "months must be at least 1, got " + months);
      }
    }

    @Override
    public String describe() {
      return "best model released in the " + months + " months up to " + asOf;
    }
  }
}
