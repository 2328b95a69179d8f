package kr.gukdae.originality;

/** Row and column reordering of row-major matrices (demo permuted copies). */
final class Permute {
  private Permute() {}

  /** out row i = in row p[i]. */
  static float[] rows(float[] in, int cols, int[] p) {
    float[] out = new float[in.length];
    for (int i = 0; i < p.length; i++) {
      System.arraycopy(in, p[i] * cols, out, i * cols, cols);
    }
    return out;
  }

  /** out column j = in column p[j]. */
  static float[] cols(float[] in, int cols, int[] p) {
    float[] out = new float[in.length];
    int rows = in.length / cols;
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) {
        out[r * cols + j] = in[r * cols + p[j]];
      }
    }
    return out;
  }
}
