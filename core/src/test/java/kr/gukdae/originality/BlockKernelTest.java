package kr.gukdae.originality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockKernelTest {

  @Test
  void testsRunTheSimdKernelAsTheLauncherDoes() {
    // the build passes --add-modules jdk.incubator.vector to tests, like the launcher to users
    assertThat(BlockKernel.best()).isInstanceOf(VectorKernel.class);
  }

  @Test
  void simdAndScalarKernelsGiveTheSameSumsOnAnyRange() {
    BlockKernel simd = BlockKernel.best();
    BlockKernel scalar = BlockKernel.scalar();
    for (long seed = 1; seed <= 200; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      int length = random.nextInt(1, 9000);
      float[] x = new float[length];
      float[] y = new float[length];
      for (int i = 0; i < length; i++) {
        x[i] = (float) (random.nextGaussian() * 0.02 + (seed % 2 == 0 ? 1 : 0));
        // a third of the pairs bit-identical, some differing only in the last bit
        y[i] = random.nextInt(3) == 0 ? x[i] : Math.nextUp(x[i] + (float) random.nextGaussian());
      }
      int from = random.nextInt(length);
      int to = random.nextInt(from, length + 1);
      float centre = seed % 2 == 0 ? 1f : 0f;
      double[] expected = new double[BlockKernel.SLOTS];
      double[] actual = new double[BlockKernel.SLOTS];
      scalar.add(x, y, from, to, centre, expected);
      simd.add(x, y, from, to, centre, actual);
      assertThat(actual[BlockKernel.EQUAL])
          .as("seed %d", seed)
          .isEqualTo(expected[BlockKernel.EQUAL]);
      for (int s = 0; s < BlockKernel.EQUAL; s++) {
        // rounding grows with the count of terms; dropping or doubling one term would not hide
        double scale = Math.max(1, to - from);
        assertThat(actual[s] / scale)
            .as("seed %d slot %d", seed, s)
            .isCloseTo(expected[s] / scale, within(1e-6));
      }
    }
  }

  @Test
  void simdAndScalarBf16WideningAgreeBitForBit() {
    BlockKernel scalar = BlockKernel.scalar();
    for (long seed = 1; seed <= 50; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      int count = random.nextInt(0, 3000);
      int offset = random.nextInt(0, 64);
      byte[] raw = new byte[offset + 2 * count + random.nextInt(0, 8)];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = (byte) random.nextInt(256);
      }
      // heap and direct buffers, with the position moved as a channel read leaves it
      ByteBuffer heap = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer direct = ByteBuffer.allocateDirect(raw.length).order(ByteOrder.LITTLE_ENDIAN);
      direct.put(raw);
      for (ByteBuffer in : new ByteBuffer[] {heap.position(raw.length / 2), direct}) {
        float[] expected = new float[count];
        float[] actual = new float[count];
        scalar.widenBf16(in, offset, expected, count);
        BlockKernel.best().widenBf16(in, offset, actual, count);
        for (int i = 0; i < count; i++) {
          assertThat(Float.floatToRawIntBits(actual[i]))
              .as("seed %d element %d", seed, i)
              .isEqualTo(Float.floatToRawIntBits(expected[i]));
        }
      }
    }
  }
}
