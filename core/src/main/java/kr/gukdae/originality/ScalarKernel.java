package kr.gukdae.originality;

/** The portable kernel: float lanes with fused multiply-adds, flushed to double per block. */
final class ScalarKernel {

  /** Float sums over blocks this long stay accurate to ~1e-5; blocks are flushed to double. */
  private static final int BLOCK = 256;

  private ScalarKernel() {}

  static void add(float[] x, float[] y, int from, int to, float c, double[] out) {
    for (int start = from; start < to; start += BLOCK) {
      addBlock(x, y, start, Math.min(to, start + BLOCK), c, out);
    }
  }

  private static void addBlock(float[] x, float[] y, int from, int to, float c, double[] out) {
    // no conversions in the hot loop; two lanes halve the latency chains. The difference is taken
    // before squaring so rel. L2 keeps its precision.
    float a0 = 0, b0 = 0, aa0 = 0, bb0 = 0, ab0 = 0, dd0 = 0;
    float a1 = 0, b1 = 0, aa1 = 0, bb1 = 0, ab1 = 0, dd1 = 0;
    int eq = 0;
    int k = from;
    for (; k + 1 < to; k += 2) {
      float xa = x[k];
      float ya = y[k];
      float xb = x[k + 1];
      float yb = y[k + 1];
      eq += Float.floatToRawIntBits(xa) == Float.floatToRawIntBits(ya) ? 1 : 0;
      eq += Float.floatToRawIntBits(xb) == Float.floatToRawIntBits(yb) ? 1 : 0;
      float p = xa - c;
      float q = ya - c;
      float r = xb - c;
      float s = yb - c;
      float d = xa - ya;
      float e = xb - yb;
      a0 += p;
      b0 += q;
      aa0 = Math.fma(p, p, aa0);
      bb0 = Math.fma(q, q, bb0);
      ab0 = Math.fma(p, q, ab0);
      dd0 = Math.fma(d, d, dd0);
      a1 += r;
      b1 += s;
      aa1 = Math.fma(r, r, aa1);
      bb1 = Math.fma(s, s, bb1);
      ab1 = Math.fma(r, s, ab1);
      dd1 = Math.fma(e, e, dd1);
    }
    for (; k < to; k++) {
      eq += Float.floatToRawIntBits(x[k]) == Float.floatToRawIntBits(y[k]) ? 1 : 0;
      float p = x[k] - c;
      float q = y[k] - c;
      float d = x[k] - y[k];
      a0 += p;
      b0 += q;
      aa0 = Math.fma(p, p, aa0);
      bb0 = Math.fma(q, q, bb0);
      ab0 = Math.fma(p, q, ab0);
      dd0 = Math.fma(d, d, dd0);
    }
    out[BlockKernel.A] += (double) a0 + a1;
    out[BlockKernel.B] += (double) b0 + b1;
    out[BlockKernel.AA] += (double) aa0 + aa1;
    out[BlockKernel.BB] += (double) bb0 + bb1;
    out[BlockKernel.AB] += (double) ab0 + ab1;
    out[BlockKernel.DD] += (double) dd0 + dd1;
    out[BlockKernel.EQUAL] += eq;
  }
}
