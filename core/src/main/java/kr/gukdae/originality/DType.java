package kr.gukdae.originality;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The element types of the safetensors format, each with its size and a decoder to float. Sub-byte
 * types (F4, F6) are recognised so that the error names them, but not decoded.
 */
public enum DType {
  BOOL(1),
  U8(1),
  I8(1),
  F8_E4M3(1),
  F8_E5M2(1),
  F8_E8M0(1),
  I16(2),
  U16(2),
  F16(2),
  BF16(2),
  I32(4),
  U32(4),
  F32(4),
  I64(8),
  U64(8),
  F64(8);

  private static final float[] E4M3 = e4m3Table();

  private final int size;

  DType(int size) {
    this.size = size;
  }

  /** Bytes per element. */
  public int size() {
    return size;
  }

  public boolean isFloat() {
    return name().startsWith("F") || this == BF16;
  }

  static Optional<DType> parse(String name) {
    try {
      return Optional.of(valueOf(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String supported() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /**
   * Decodes {@code count} elements starting at the buffer's absolute byte {@code offset} into
   * {@code out}. The buffer must be little-endian.
   */
  void decode(ByteBuffer in, int offset, float[] out, int count) {
    switch (this) {
      case F32 -> in.slice(offset, count * 4).order(in.order()).asFloatBuffer().get(out, 0, count);
      case BF16 -> BlockKernel.best().widenBf16(in, offset, out, count);
      case F16 -> {
        for (int i = 0; i < count; i++) {
          out[i] = Float.float16ToFloat(in.getShort(offset + 2 * i));
        }
      }
      case F64 -> {
        for (int i = 0; i < count; i++) {
          out[i] = (float) in.getDouble(offset + 8 * i);
        }
      }
      case F8_E4M3 -> {
        for (int i = 0; i < count; i++) {
          out[i] = E4M3[in.get(offset + i) & 0xFF];
        }
      }
      case F8_E5M2 -> {
        // E5M2 is the top byte of an IEEE half.
        for (int i = 0; i < count; i++) {
          out[i] = Float.float16ToFloat((short) ((in.get(offset + i) & 0xFF) << 8));
        }
      }
      case F8_E8M0 -> {
        for (int i = 0; i < count; i++) {
          int e = in.get(offset + i) & 0xFF;
          out[i] = e == 0xFF ? Float.NaN : (float) Math.scalb(1.0, e - 127);
        }
      }
      case BOOL, U8 -> {
        for (int i = 0; i < count; i++) {
          out[i] = in.get(offset + i) & 0xFF;
        }
      }
      case I8 -> {
        for (int i = 0; i < count; i++) {
          out[i] = in.get(offset + i);
        }
      }
      case I16 -> {
        for (int i = 0; i < count; i++) {
          out[i] = in.getShort(offset + 2 * i);
        }
      }
      case U16 -> {
        for (int i = 0; i < count; i++) {
          out[i] = in.getShort(offset + 2 * i) & 0xFFFF;
        }
      }
      case I32 -> {
        for (int i = 0; i < count; i++) {
          out[i] = in.getInt(offset + 4 * i);
        }
      }
      case U32 -> {
        for (int i = 0; i < count; i++) {
          out[i] = in.getInt(offset + 4 * i) & 0xFFFFFFFFL;
        }
      }
      case I64 -> {
        for (int i = 0; i < count; i++) {
          out[i] = in.getLong(offset + 8 * i);
        }
      }
      case U64 -> {
        for (int i = 0; i < count; i++) {
          long v = in.getLong(offset + 8 * i);
          out[i] = v >= 0 ? v : (float) (v >>> 1) * 2f;
        }
      }
    }
  }

  /** Encodes one float in this type (for writing test and demo models); float types only. */
  void encode(ByteBuffer out, float v) {
    switch (this) {
      case F32 -> out.putFloat(v);
      case F16 -> out.putShort(Float.floatToFloat16(v));
      case BF16 -> out.putShort(toBf16(v));
      case F64 -> out.putDouble(v);
      case F8_E5M2 -> out.put((byte) (Float.floatToFloat16(v) >> 8));
      case F8_E4M3 -> out.put(toE4m3(v));
      default ->
          throw new IllegalArgumentException(
              "bug: cannot write " + this + " (only the demo writer writes)");
    }
  }

  private static short toBf16(float v) {
    int bits = Float.floatToRawIntBits(v);
    // round to nearest even on the 16 dropped bits
    int rounded = bits + 0x7FFF + ((bits >>> 16) & 1);
    return (short) (rounded >>> 16);
  }

  private static byte toE4m3(float v) {
    int best = 0;
    float bestErr = Float.MAX_VALUE;
    for (int code = 0; code < 256; code++) {
      float err = Math.abs(E4M3[code] - v);
      if (err < bestErr) {
        bestErr = err;
        best = code;
      }
    }
    return (byte) best;
  }

  /** OCP FP8 E4M3 ("fn"): bias 7, no infinities, S.1111.111 is NaN. */
  private static float[] e4m3Table() {
    float[] table = new float[256];
    for (int code = 0; code < 256; code++) {
      int sign = code >> 7;
      int exp = (code >> 3) & 0xF;
      int mant = code & 0x7;
      float magnitude;
      if (exp == 0xF && mant == 0x7) {
        magnitude = Float.NaN;
      } else if (exp == 0) {
        magnitude = (float) Math.scalb(mant / 8.0, -6);
      } else {
        magnitude = (float) Math.scalb(1 + mant / 8.0, exp - 7);
      }
      table[code] = sign == 1 ? -magnitude : magnitude;
    }
    return table;
  }
}
