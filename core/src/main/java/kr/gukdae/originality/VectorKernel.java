package kr.gukdae.originality;

import java.nio.ByteBuffer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernel: one float accumulator per lane and statistic, flushed to double every block so
 * that each lane sums as few values as the scalar kernel's lanes do. Loaded by name from {@link
 * BlockKernel} only when the incubator module is present.
 */
final class VectorKernel implements BlockKernel {

  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I = F.withLanes(int.class);

  /** Half-width shorts: one bf16 lane per float lane. */
  private static final VectorSpecies<Short> H =
      VectorSpecies.of(short.class, VectorShape.forBitSize(F.vectorBitSize() / 2));

  private static final int BLOCK = F.length() * 128;

  /** Scratch for the raw halves: one bulk copy out of the (mapped) buffer, then lanes. */
  private static final ThreadLocal<short[]> HALVES = ThreadLocal.withInitial(() -> new short[0]);

  @Override
  public void widenBf16(ByteBuffer in, int offset, float[] out, int count) {
    short[] halves = HALVES.get();
    if (halves.length < count) {
      halves = new short[count];
      HALVES.set(halves);
    }
    in.slice(offset, 2 * count).order(in.order()).asShortBuffer().get(halves, 0, count);
    int i = 0;
    for (int end = H.loopBound(count); i < end; i += H.length()) {
      ShortVector.fromArray(H, halves, i)
          .convertShape(VectorOperators.S2I, I, 0)
          .lanewise(VectorOperators.LSHL, 16)
          .reinterpretAsFloats()
          .intoArray(out, i);
    }
    for (; i < count; i++) {
      out[i] = Float.intBitsToFloat(halves[i] << 16);
    }
  }

  @Override
  public int outside(float[] x, int from, int to, float lo, float hi) {
    int inside = 0;
    int i = from;
    FloatVector low = FloatVector.broadcast(F, lo);
    FloatVector high = FloatVector.broadcast(F, hi);
    for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
      FloatVector v = FloatVector.fromArray(F, x, i);
      inside +=
          v.compare(VectorOperators.GE, low).and(v.compare(VectorOperators.LE, high)).trueCount();
    }
    int n = (i - from) - inside;
    for (; i < to; i++) {
      n += x[i] >= lo && x[i] <= hi ? 0 : 1;
    }
    return n;
  }

  @Override
  public void add(float[] x, float[] y, int from, int to, float c, double[] out) {
    int start = from;
    for (; start + BLOCK <= to; start += BLOCK) {
      addBlock(x, y, start, start + BLOCK, c, out);
    }
    int tail = start + F.loopBound(to - start);
    if (tail > start) {
      addBlock(x, y, start, tail, c, out);
    }
    if (tail < to) {
      ScalarKernel.add(x, y, tail, to, c, out);
    }
  }

  /** {@code to - from} is a multiple of the vector length. */
  private static void addBlock(float[] x, float[] y, int from, int to, float c, double[] out) {
    FloatVector shift = FloatVector.broadcast(F, c);
    FloatVector a = FloatVector.zero(F);
    FloatVector b = a;
    FloatVector aa = a;
    FloatVector bb = a;
    FloatVector ab = a;
    FloatVector dd = a;
    IntVector eq = IntVector.zero(I);
    IntVector one = IntVector.broadcast(I, 1);
    for (int k = from; k < to; k += F.length()) {
      FloatVector xv = FloatVector.fromArray(F, x, k);
      FloatVector yv = FloatVector.fromArray(F, y, k);
      FloatVector p = xv.sub(shift);
      FloatVector q = yv.sub(shift);
      FloatVector d = xv.sub(yv);
      a = a.add(p);
      b = b.add(q);
      aa = p.fma(p, aa);
      bb = q.fma(q, bb);
      ab = p.fma(q, ab);
      dd = d.fma(d, dd);
      VectorMask<Integer> same =
          xv.reinterpretAsInts().compare(VectorOperators.EQ, yv.reinterpretAsInts());
      eq = eq.add(one, same);
    }
    out[A] += a.reduceLanes(VectorOperators.ADD);
    out[B] += b.reduceLanes(VectorOperators.ADD);
    out[AA] += aa.reduceLanes(VectorOperators.ADD);
    out[BB] += bb.reduceLanes(VectorOperators.ADD);
    out[AB] += ab.reduceLanes(VectorOperators.ADD);
    out[DD] += dd.reduceLanes(VectorOperators.ADD);
    out[EQUAL] += eq.reduceLanes(VectorOperators.ADD);
  }
}
