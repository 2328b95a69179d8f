package kr.gukdae.originality;

import java.nio.ByteBuffer;

/**
 * The inner loop of a weight comparison: sums over a run of value pairs, each value shifted by
 * {@code c}. Two implementations give the same sums to float rounding: a scalar one that runs
 * everywhere and a SIMD one (the JDK's Vector API), about five times faster, used when the JVM was
 * started with {@code --add-modules jdk.incubator.vector} (the {@code gukdae} launcher does that
 * for {@code gukdae originality}; the build's tests run with it too).
 */
@FunctionalInterface
interface BlockKernel {

  int A = 0;
  int B = 1;
  int AA = 2;
  int BB = 3;
  int AB = 4;
  int DD = 5;
  int EQUAL = 6;
  int SLOTS = 7;

  /**
   * Adds to {@code out} the sums over {@code x[from..to)} and {@code y[from..to)} of p = x - c, q =
   * y - c: p, q, p², q², pq, (x - y)², and the number of bit-identical pairs.
   */
  void add(float[] x, float[] y, int from, int to, float c, double[] out);

  /**
   * Widens {@code count} little-endian bf16 values at the buffer's absolute byte {@code offset}: a
   * bf16 is the top half of a float. Most published weights are bf16, so this runs as often as
   * {@link #add}.
   */
  default void widenBf16(ByteBuffer in, int offset, float[] out, int count) {
    for (int i = 0; i < count; i++) {
      out[i] = Float.intBitsToFloat(in.getShort(offset + 2 * i) << 16);
    }
  }

  /**
   * How many of {@code x[from..to)} lie outside {@code [lo, hi]}; NaN counts as outside. A clean
   * chunk (none outside) skips the tamper-resistant path, so this runs on every chunk.
   */
  default int outside(float[] x, int from, int to, float lo, float hi) {
    int n = 0;
    for (int i = from; i < to; i++) {
      float v = x[i];
      n += v >= lo && v <= hi ? 0 : 1;
    }
    return n;
  }

  /** The fastest kernel this JVM can run. */
  static BlockKernel best() {
    return Holder.BEST;
  }

  /** The portable one, for tests that compare the two. */
  static BlockKernel scalar() {
    return ScalarKernel::add;
  }

  /** Holds the choice; the SIMD class is loaded only when its module is there. */
  final class Holder {
    static final BlockKernel BEST = choose();

    private Holder() {}

    private static BlockKernel choose() {
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
        return scalar();
      }
      try {
        return (BlockKernel)
            Class.forName("kr.gukdae.originality.VectorKernel")
                .getDeclaredConstructor()
                .newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        return scalar();
      }
    }
  }
}
