package kr.gukdae.originality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken headers: each gives one clear error, with no large allocation. */
class SafetensorsHeaderTest {

  @TempDir Path dir;

  Path file(long declaredLength, byte[] header, int dataBytes) throws IOException {
    ByteBuffer b =
        ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(declaredLength).put(header);
    Path p = Files.createTempFile(dir, "t", ".safetensors");
    Files.write(p, b.array());
    return p;
  }

  Path file(String json, int dataBytes) throws IOException {
    byte[] h = json.getBytes(StandardCharsets.UTF_8);
    return file(h.length, h, dataBytes);
  }

  String error(Path p) {
    try {
      WeightModel.open("m", p);
    } catch (UserError e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for " + p);
  }

  @Test
  void validFileReads() throws IOException {
    Path p =
        file(
            "{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"dtype\":\"F16\",\"shape\":[2,3],"
                + "\"data_offsets\":[0,12]},\"b\":{\"dtype\":\"I8\",\"shape\":[],\"data_offsets\":[12,13]}}",
            13);
    WeightModel m = WeightModel.open("m", p);
    assertThat(m.tensors()).extracting(TensorInfo::name).containsExactly("a", "b");
    assertThat(m.parameters()).isEqualTo(7);
  }

  @Test
  void truncatedFile() throws IOException {
    Path p = dir.resolve("short.safetensors");
    Files.write(p, new byte[] {1, 2, 3});
    assertThat(error(p)).contains("too short").contains("truncated");
  }

  @Test
  void headerLengthBeyondTheFile() throws IOException {
    byte[] h = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(error(file(5000, h, 0))).contains("goes beyond the file");
  }

  @Test
  void hundredGigabyteHeaderIsRefusedBeforeAllocating() throws IOException {
    byte[] h = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(error(file(100L << 30, h, 0))).contains("claims a header of 107374182400 bytes");
    assertThat(error(file(-1, h, 0))).contains("18446744073709551615");
  }

  @Test
  void offsetsOutOfRange() throws IOException {
    Path p = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8);
    assertThat(error(p)).contains("tensor 'a'").contains("outside the data section of 8 bytes");
  }

  @Test
  void overlappingTensors() throws IOException {
    Path p =
        file(
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}",
            12);
    assertThat(error(p)).contains("'a' and 'b' overlap");
  }

  @Test
  void unknownDtype() throws IOException {
    Path p = file("{\"a\":{\"dtype\":\"Q4_K\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8);
    assertThat(error(p)).contains("unknown dtype 'Q4_K'").contains("BF16");
  }

  @Test
  void shapeAndSizeMismatch() throws IOException {
    Path p = file("{\"a\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8);
    assertThat(error(p)).contains("needs 6 bytes but data_offsets span 8");
  }

  @Test
  void shapeOverflow() throws IOException {
    Path p =
        file(
            "{\"a\":{\"dtype\":\"F64\",\"shape\":[4294967296,4294967296],"
                + "\"data_offsets\":[0,8]}}",
            8);
    assertThat(error(p)).contains("overflows");
  }

  @Test
  void nonUtf8Names() throws IOException {
    byte[] h = "{\"a\u0000\":{}}".getBytes(StandardCharsets.UTF_8);
    h[2] = (byte) 0xFF;
    h[3] = (byte) 0xFE;
    assertThat(error(file(h.length, h, 0))).contains("not valid UTF-8");
  }

  @Test
  void controlCharactersAndBadJson() throws IOException {
    assertThat(
            error(
                file("{\"a\\u0007\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]}}", 4)))
        .contains("control characters");
    assertThat(error(file("{\"a\": [1,", 0))).contains("not valid JSON");
    assertThat(error(file("[1,2]", 0))).contains("must be a JSON object");
    assertThat(error(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4)))
        .contains("shape[0] must be a non-negative integer");
  }

  @Test
  void duplicateNamesAcrossShardsAndMissingShards() throws IOException {
    Path model = Files.createDirectories(dir.resolve("sharded"));
    String json = "{\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}";
    Files.copy(file(json, 1), model.resolve("x.safetensors"));
    Files.copy(file(json, 1), model.resolve("y.safetensors"));
    assertThat(error(model)).contains("appears in both");
    Files.writeString(
        model.resolve(WeightModel.INDEX),
        "{\"weight_map\":{\"a\":\"x.safetensors\",\"b\":\"z.safetensors\"}}");
    assertThat(error(model)).contains("shard 'z.safetensors' is missing");
    Files.writeString(model.resolve(WeightModel.INDEX), "{\"weight_map\":{\"a\":\"../etc\"}}");
    assertThat(error(model)).contains("must name a shard file in the same directory");
  }

  @Test
  void missingPathSaysWhatToGive() {
    assertThatThrownBy(() -> WeightModel.open("m", dir.resolve("nope")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("no such file or directory");
  }
}
