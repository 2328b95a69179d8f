package kr.gukdae.originality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded random headers: valid ones read back exactly; mutated ones fail only with UserError. */
class SafetensorsHeaderPropertyTest {

  @TempDir Path dir;

  record Made(byte[] bytes, List<String> names, long parameters) {}

  static Made randomValid(SplittableRandom r) {
    DType[] types = DType.values();
    StringBuilder json = new StringBuilder("{");
    List<String> names = new ArrayList<>();
    long offset = 0;
    long params = 0;
    int tensors = r.nextInt(0, 8);
    for (int i = 0; i < tensors; i++) {
      DType t = types[r.nextInt(types.length)];
      int rank = r.nextInt(0, 4);
      long[] shape = new long[rank];
      long n = 1;
      for (int d = 0; d < rank; d++) {
        shape[d] = r.nextInt(0, 5);
        n *= shape[d];
      }
      String name = "t" + i + (r.nextBoolean() ? ".층" : ".w");
      names.add(name);
      json.append(i == 0 ? "" : ",")
          .append('"')
          .append(name)
          .append("\":{\"dtype\":\"")
          .append(t)
          .append("\",\"shape\":")
          .append(java.util.Arrays.toString(shape))
          .append(",\"data_offsets\":[")
          .append(offset)
          .append(',')
          .append(offset + n * t.size())
          .append("]}");
      offset += n * t.size();
      params += n;
    }
    json.append('}');
    byte[] h = json.toString().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h);
    return new Made(b.array(), names, params);
  }

  @Test
  void validRandomHeadersReadBack() throws IOException {
    for (long seed = 0; seed < 200; seed++) {
      Made m = randomValid(new SplittableRandom(seed));
      Path p = dir.resolve("v" + seed + ".safetensors");
      Files.write(p, m.bytes());
      WeightModel model = WeightModel.open("m", p);
      assertThat(model.tensors())
          .extracting(TensorInfo::name)
          .as("seed %d", seed)
          .containsExactlyElementsOf(m.names());
      assertThat(model.parameters()).isEqualTo(m.parameters());
    }
  }

  @Test
  void mutatedHeadersFailOnlyWithUserErrors() throws IOException {
    int errors = 0;
    for (long seed = 0; seed < 500; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      byte[] bytes = randomValid(r).bytes();
      int mutations = r.nextInt(1, 4);
      for (int i = 0; i < mutations && bytes.length > 0; i++) {
        switch (r.nextInt(3)) {
          case 0 -> bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
          case 1 -> bytes = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length + 1));
          default -> {
            if (bytes.length >= 8) {
              bytes[r.nextInt(8)] = (byte) r.nextInt(256);
            }
          }
        }
      }
      Path p = dir.resolve("m" + seed + ".safetensors");
      Files.write(p, bytes);
      try {
        WeightModel model = WeightModel.open("m", p);
        for (TensorInfo t : model.tensors()) {
          assertThat(t.offset() + t.bytes()).isLessThanOrEqualTo(bytes.length);
        }
      } catch (UserError e) {
        errors++;
        assertThat(e.getMessage()).startsWith(p.toString()).doesNotContain("\n");
      }
    }
    assertThat(errors).isGreaterThan(100);
  }
}
