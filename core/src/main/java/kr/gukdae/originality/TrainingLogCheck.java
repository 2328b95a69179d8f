package kr.gukdae.originality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * Checks a training log for evidence about originality: a model trained from scratch starts at a
 * loss near ln(vocabulary size) (uniform guessing); tokens seen should match what the team claims;
 * resumptions and gaps are listed so a reviewer can ask about them.
 */
public final class TrainingLogCheck {

  /** What a flag is about. */
  public enum Kind {
    FROM_SCRATCH,
    LATE_START,
    TOKENS,
    RESUMPTION,
    GAP,
    LOSS_SPIKE
  }

  /** INFO: context for a reviewer; WARN: contradicts the claim of from-scratch training. */
  public enum Severity {
    INFO,
    WARN
  }

  /** One finding at a log line; {@code explanation} in Korean and English. */
  public record Flag(Kind kind, Severity severity, int line, Bilingual explanation) {}

  /** The same sentence in both languages, numbers formatted the same way (Locale.ROOT). */
  private static Bilingual say(String ko, String en, Object... args) {
    return new Bilingual(
        String.format(Locale.ROOT, ko, args), String.format(Locale.ROOT, en, args));
  }

  public record Result(
      String file,
      int rows,
      double firstStep,
      double lastStep,
      double firstLoss,
      double lastLoss,
      double lnVocab,
      double tokensSeen,
      double claimedTokens,
      List<Flag> flags) {
    public Result {
      flags = List.copyOf(flags);
    }

    public boolean hasWarnings() {
      return flags.stream().anyMatch(f -> f.severity() == Severity.WARN);
    }
  }

  static final int MAX_FLAGS_PER_KIND = 20;

  private TrainingLogCheck() {}

  /**
   * @param vocab vocabulary size (from the model's embedding rows), or 0 if unknown
   * @param claimedTokens tokens the team says it trained on, or 0 if not claimed
   */
  public static Result check(Path file, long vocab, double claimedTokens) {
    List<TrainingLog.Point> points = TrainingLog.read(file);
    if (points.isEmpty()) {
      throw UserError.of(
          file + ": loss가 있는 행이 없습니다. 학습 로그가 맞나요?",
          file + ": no rows with a loss; is this the training log?");
    }
    List<Flag> flags = new ArrayList<>();
    TrainingLog.Point first = points.get(0);
    TrainingLog.Point last = points.get(points.size() - 1);
    double lnV = vocab > 1 ? Math.log(vocab) : Double.NaN;
    double maxStep = points.stream().mapToDouble(TrainingLog.Point::step).max().orElse(0);
    fromScratch(flags, first, lnV, maxStep);
    double tokens =
        points.stream()
            .mapToDouble(TrainingLog.Point::tokens)
            .filter(t -> !Double.isNaN(t))
            .max()
            .orElse(Double.NaN);
    tokens(flags, tokens, claimedTokens, last.line());
    sequence(flags, points);
    return new Result(
        file.toString(),
        points.size(),
        first.step(),
        last.step(),
        first.loss(),
        last.loss(),
        lnV,
        tokens,
        claimedTokens,
        flags);
  }

  private static void fromScratch(
      List<Flag> flags, TrainingLog.Point first, double lnV, double maxStep) {
    if (maxStep > 0 && first.step() > 0.01 * maxStep) {
      flags.add(
          new Flag(
              Kind.LATE_START,
              Severity.WARN,
              first.line(),
              say(
                  "로그가 처음이 아닌 %.0f단계(전체 %.0f단계)에서 시작하므로 처음부터의 학습을 보여 줄 수"
                      + " 없습니다; 0단계부터의 로그를 요청하세요.",
                  "The log starts at step %.0f of %.0f, not at the beginning, so it cannot show training"
                      + " from scratch; ask for the log from step 0.",
                  first.step(),
                  maxStep)));
    }
    if (Double.isNaN(lnV)) {
      flags.add(
          new Flag(
              Kind.FROM_SCRATCH,
              Severity.INFO,
              first.line(),
              new Bilingual(
                  "어휘 크기를 몰라 첫 손실을 ln(어휘 크기)와 비교하지 않았습니다.",
                  "Vocabulary size unknown, so the first loss was not compared with ln(vocabulary).")));
      return;
    }
    double ratio = first.loss() / lnV;
    if (ratio < 0.6) {
      flags.add(
          new Flag(
              Kind.FROM_SCRATCH,
              Severity.WARN,
              first.line(),
              say(
                  "첫 기록 손실 %.3f이(가) ln(어휘 크기) = %.3f보다 훨씬 낮습니다 (%.0f%%): 무작위로 초기화한"
                      + " 모델은 ln(V) 근처에서 시작하므로, 학습된 가중치에서 학습을 시작했을 가능성이 큽니다.",
                  "The first logged loss %.3f is far below ln(vocabulary) = %.3f (%.0f%%): a randomly"
                      + " initialised model starts near ln(V), so training likely began from trained"
                      + " weights.",
                  first.loss(),
                  lnV,
                  100 * ratio)));
    } else {
      flags.add(
          new Flag(
              Kind.FROM_SCRATCH,
              Severity.INFO,
              first.line(),
              say(
                  "첫 기록 손실 %.3f이(가) ln(어휘 크기) = %.3f에 가깝거나 높습니다: 처음부터 학습할 때 예상되는" + " 값입니다.",
                  "The first logged loss %.3f is near or above ln(vocabulary) = %.3f, as expected when"
                      + " training from scratch.",
                  first.loss(),
                  lnV)));
    }
  }

  private static void tokens(List<Flag> flags, double seen, double claimed, int line) {
    if (claimed <= 0) {
      return;
    }
    if (Double.isNaN(seen)) {
      flags.add(
          new Flag(
              Kind.TOKENS,
              Severity.INFO,
              line,
              new Bilingual(
                  "토큰 수를 주장했지만 로그에 대조할 tokens 열이 없습니다.",
                  "Tokens were claimed but the log has no tokens column to check them against.")));
      return;
    }
    double ratio = seen / claimed;
    Severity severity = ratio < 0.9 || ratio > 1.1 ? Severity.WARN : Severity.INFO;
    flags.add(
        new Flag(
            Kind.TOKENS,
            severity,
            line,
            new Bilingual(
                String.format(
                    Locale.ROOT,
                    "로그의 처리 토큰 %.4g개, 주장 %.4g개 (%.0f%%)%s.",
                    seen,
                    claimed,
                    100 * ratio,
                    severity == Severity.WARN ? "; 로그가 주장을 뒷받침하지 않습니다" : ""),
                String.format(
                    Locale.ROOT,
                    "The log reports %.4g tokens seen against %.4g claimed (%.0f%%)%s.",
                    seen,
                    claimed,
                    100 * ratio,
                    severity == Severity.WARN ? "; the claim is not supported by the log" : ""))));
  }

  private static void sequence(List<Flag> flags, List<TrainingLog.Point> points) {
    double median = medianIncrement(points);
    int[] counts = new int[Kind.values().length];
    for (int i = 1; i < points.size(); i++) {
      TrainingLog.Point prev = points.get(i - 1);
      TrainingLog.Point cur = points.get(i);
      double delta = cur.step() - prev.step();
      if (delta <= 0) {
        add(
            flags,
            counts,
            new Flag(
                Kind.RESUMPTION,
                Severity.INFO,
                cur.line(),
                say(
                    "학습 재개: 단계가 %.0f에서 %.0f(으)로 되돌아갑니다 (체크포인트에서 재시작); %.0f단계가 두 번" + " 기록되었습니다.",
                    "Training resumed: step goes back from %.0f to %.0f (restart from a checkpoint);"
                        + " %.0f steps were logged twice.",
                    prev.step(),
                    cur.step(),
                    prev.step() - cur.step() + 1)));
      } else if (median > 0 && delta > 10 * median) {
        add(
            flags,
            counts,
            new Flag(
                Kind.GAP,
                Severity.WARN,
                cur.line(),
                say(
                    "%.0f~%.0f단계가 빠졌습니다 (%.0f단계 공백, 평소 간격은 %.0f단계); 그 사이에 무슨 일이" + " 있었는지 물어보세요.",
                    "Steps %.0f to %.0f are missing (a gap of %.0f steps where the log otherwise moves by"
                        + " %.0f); ask what happened in between.",
                    prev.step(),
                    cur.step(),
                    delta,
                    median)));
      }
      if (cur.loss() > prev.loss() * 1.5 && cur.loss() > prev.loss() + 1) {
        add(
            flags,
            counts,
            new Flag(
                Kind.LOSS_SPIKE,
                Severity.INFO,
                cur.line(),
                say(
                    "손실이 %.3f에서 %.3f(으)로 뛰었습니다 (%.0f단계).",
                    "Loss jumps from %.3f to %.3f at step %.0f.",
                    prev.loss(),
                    cur.loss(),
                    cur.step())));
      }
    }
  }

  private static void add(List<Flag> flags, int[] counts, Flag flag) {
    if (counts[flag.kind().ordinal()]++ < MAX_FLAGS_PER_KIND) {
      flags.add(flag);
    }
  }

  private static double medianIncrement(List<TrainingLog.Point> points) {
    double[] d = new double[Math.max(0, points.size() - 1)];
    int n = 0;
    for (int i = 1; i < points.size(); i++) {
      double delta = points.get(i).step() - points.get(i - 1).step();
      if (delta > 0) {
        d[n++] = delta;
      }
    }
    if (n == 0) {
      return 0;
    }
    double[] used = Arrays.copyOf(d, n);
    Arrays.sort(used);
    return used[n / 2];
  }

  static @Nullable Flag first(Result r, Kind kind) {
    return r.flags().stream().filter(f -> f.kind() == kind).findFirst().orElse(null);
  }
}
