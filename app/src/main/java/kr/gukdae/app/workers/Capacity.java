package kr.gukdae.app.workers;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * This declaration, refused when it is above what {@code machine} ({@link #ofMachine}) has: a
   * worker that declares more than it has takes pieces it cannot run (a piece larger than its heap
   * fails there, after it kept the piece from a worker that could run it). One error names every
   * option that is too large, and the fix.
   */
  Capacity within(Capacity machine) {
    List<String> ko = new ArrayList<>();
    List<String> en = new ArrayList<>();
    if (cpus > machine.cpus()) {
      ko.add(
          "--cpus "
              + cpus
              + "은(는) 이 머신이 이 JVM에 주는 코어 수("
              + machine.cpus()
              + ")보다 많습니다. --cpus를 "
              + machine.cpus()
              + " 이하로 주거나 빼세요");
      en.add(
          "--cpus "
              + cpus
              + " is more than the "
              + machine.cpus()
              + " cores this machine gives this JVM; give --cpus "
              + machine.cpus()
              + " or less, or leave it out");
    }
    if (memoryMb > machine.memoryMb()) {
      String most = String.format(Locale.ROOT, "%,d MiB", machine.memoryMb());
      ko.add(
          String.format(Locale.ROOT, "--memory %,d MiB", memoryMb)
              + "은(는) 이 JVM이 쓸 수 있는 최대 힙("
              + most
              + ", -Xmx)보다 많습니다. --memory를 "
              + machine.memoryMb()
              + "m 이하로 주거나, 더 큰 -Xmx로 워커를 시작하세요 (GUKDAE_JAVA_OPTS=-Xmx…)");
      en.add(
          String.format(Locale.ROOT, "--memory %,d MiB", memoryMb)
              + " is more than the "
              + most
              + " this JVM may use (its maximum heap, -Xmx); give --memory "
              + machine.memoryMb()
              + "m or less, or start the worker with a larger -Xmx (GUKDAE_JAVA_OPTS=-Xmx…)");
    }
    if (!ko.isEmpty()) {
      throw UserError.of(
          "이 워커는 가진 것보다 많이 선언했습니다: " + String.join("; ", ko),
          "this worker declares more than it has: " + String.join("; ", en));
    }
    return this;
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

  /** What is left of this capacity while a piece with {@code needs} runs. */
  Capacity minus(Capacity needs) {
    return new Capacity(cpus - needs.cpus(), memoryMb - needs.memoryMb());
  }

  /** What two running pieces need together. */
  Capacity plus(Capacity needs) {
    return new Capacity(cpus + needs.cpus(), memoryMb + needs.memoryMb());
  }

  /** As progress shows it: "4 CPU · 8,192 MiB". */
  String describe() {
    return describe(cpus, memoryMb);
  }

  /** The same for numbers read from a row, which may be anything (an edited row). */
  static String describe(long cpus, long memoryMb) {
    return String.format(Locale.ROOT, "%d CPU · %,d MiB", cpus, memoryMb);
  }
}
