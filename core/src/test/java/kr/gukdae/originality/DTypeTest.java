package kr.gukdae.originality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class DTypeTest {

  static float roundTrip(DType t, float v) {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    t.encode(b, v);
    float[] out = new float[1];
    t.decode(b, 0, out, 1);
    return out[0];
  }

  @Test
  void floatTypesRoundTripWithinTheirPrecision() {
    assertThat(roundTrip(DType.F32, 0.1234f)).isEqualTo(0.1234f);
    assertThat(roundTrip(DType.BF16, 1.0f)).isEqualTo(1.0f);
    assertThat(roundTrip(DType.BF16, 0.1234f))
        .isCloseTo(0.1234f, org.assertj.core.data.Offset.offset(0.0005f));
    assertThat(roundTrip(DType.F16, -2.5f)).isEqualTo(-2.5f);
    assertThat(roundTrip(DType.F8_E5M2, 1.5f)).isEqualTo(1.5f);
    assertThat(roundTrip(DType.F8_E4M3, 448f)).isEqualTo(448f);
    assertThat(roundTrip(DType.F8_E4M3, -0.015625f)).isEqualTo(-0.015625f);
    assertThat(roundTrip(DType.F64, 3.0f)).isEqualTo(3.0f);
  }

  @Test
  void knownBitPatterns() {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[4];
    b.put(0, (byte) 0x7F).put(1, (byte) 0x38).put(2, (byte) 0xFF).put(3, (byte) 0x80);
    DType.F8_E4M3.decode(b, 0, out, 4);
    assertThat(out[0]).isNaN(); // S.1111.111
    assertThat(out[1]).isEqualTo(1.0f); // 0.0111.000
    assertThat(out[3]).isEqualTo(-0.0f);
    DType.F8_E8M0.decode(b.put(0, (byte) 127), 0, out, 1);
    assertThat(out[0]).isEqualTo(1.0f);
    b.putShort(0, (short) 0x3F80);
    DType.BF16.decode(b, 0, out, 1);
    assertThat(out[0]).isEqualTo(1.0f);
    b.putShort(0, (short) 0xFFFF);
    DType.U16.decode(b, 0, out, 1);
    assertThat(out[0]).isEqualTo(65535f);
    DType.I16.decode(b, 0, out, 1);
    assertThat(out[0]).isEqualTo(-1f);
  }
}
