package kr.gukdae.app.workers;

import java.util.Locale;
import kr.gukdae.UserError;

/**
 * What a worker declares it can give one job piece ({@code gukdae worker --cpus N --memory 8g}), or
 * what a piece needs of it: CPU cores and memory in MiB. A claim hands a piece only to a worker
 * whose capacity covers the piece's needs.
 */
public record Capacity(int cpus, long memoryMb) {

  /** Needs nothing beyond any worker (a Hub page, a merge of small results). */
  static final Capacity NONE = new Capacity(0, 0);

  public Capacity {
    if (cpus < 0 || memoryMb < 0) {
      throw UserError.of(
          "--cpus와 --memory는 0 이상이어야 합니다", "--cpus and --memory must not be negative");
    }
  }

  /** This machine: its cores, and the memory this JVM may use (what a piece run here can get). */
  public static Capacity ofMachine() {
    return new Capacity(
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
  }

  /** Whether a worker of this capacity can take a piece with these needs. */
  boolean covers(Capacity needs) {
    return cpus >= needs.cpus() && memoryMb >= needs.memoryMb();
  }

  /** MiB from at least {@code bytes}, so a need is never rounded down to nothing. */
  static long mib(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }

  /** {@code 8g}, {@code 512m}, {@code 1t} or a number of MiB, as {@code --memory} takes it. */
  static long parseMemory(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (t.endsWith("t")) {
      unit = 1 << 20;
    } else if (t.endsWith("g")) {
      unit = 1 << 10;
    }
    if (!t.isEmpty() && "tgm".indexOf(t.charAt(t.length() - 1)) >= 0) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      long n = Long.parseLong(t);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(n, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw UserError.of(
          "--memory: '" + text + "'을(를) 읽을 수 없습니다 (예: 8g, 512m)",
          "--memory: cannot read '" + text + "' (e.g. 8g, 512m)");
    }
  }

  /** As progress shows it: "4 CPU · 8,192 MiB". */
  String describe() {
    return String.format(Locale.ROOT, "%d CPU · %,d MiB", cpus, memoryMb);
  }
}
