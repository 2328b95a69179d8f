package kr.gukdae.originality;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks the header of one safetensors file: 8 bytes little-endian header length, a JSON
 * object of tensors (dtype, shape, data_offsets relative to the data section), then the data. Every
 * number is checked before anything is allocated from it, so a hostile header costs at most the
 * header limit.
 */
final class SafetensorsHeader {

  /** safetensors' own reference implementation refuses headers above 100 MB. */
  static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

  static final int MAX_NAME_CHARS = 1024;
  static final int MAX_RANK = 16;

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private SafetensorsHeader() {}

  record Parsed(List<TensorInfo> tensors, Map<String, String> metadata) {}

  static Parsed read(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(file, channel);
    } catch (IOException e) {
      throw UserError.of(
          file + ": 읽을 수 없습니다 (" + e.getMessage() + "). 경로를 확인하세요",
          file + ": cannot read (" + e.getMessage() + "); check the path",
          e);
    }
  }

  private static Parsed read(Path file, FileChannel channel) throws IOException {
    long size = channel.size();
    if (size < 8) {
      throw bad(
          file,
          "파일이 " + size + "바이트로, 8바이트 헤더 길이보다 짧습니다. 파일이 잘렸거나 safetensors 파일이 아닙니다",
          "is "
              + size
              + " bytes, too short for the 8-byte header length; the file is"
              + " truncated or not safetensors");
    }
    ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(channel, lengthBytes, 0);
    long headerLength = lengthBytes.getLong(0);
    if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
      throw bad(
          file,
          "헤더 길이가 "
              + Long.toUnsignedString(headerLength)
              + "바이트라고 적혀 있습니다. 헤더는 2.."
              + MAX_HEADER_BYTES
              + "바이트여야 합니다 (safetensors 파일이 맞습니까?)",
          "claims a header of "
              + Long.toUnsignedString(headerLength)
              + " bytes; a header must be 2.."
              + MAX_HEADER_BYTES
              + " bytes (not a safetensors file?)");
    }
    if (8 + headerLength > size) {
      throw bad(
          file,
          "헤더 길이 " + headerLength + "이(가) 파일 크기 " + size + "바이트를 넘습니다. 파일이 잘렸으니 다시 내려받으세요",
          "header length "
              + headerLength
              + " goes beyond the file's "
              + size
              + " bytes; the file is truncated, download it again");
    }
    ByteBuffer header = ByteBuffer.allocate((int) headerLength);
    readFully(channel, header, 8);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(header.flip())
              .toString();
    } catch (CharacterCodingException e) {
      throw bad(
          file,
          "헤더가 올바른 UTF-8이 아닙니다. safetensors 저장 도구로 모델을 다시 내보내세요",
          "header is not valid UTF-8; re-export the model with a safetensors writer");
    }
    return parse(file, text, size - 8 - headerLength, 8 + headerLength);
  }

  static Parsed parse(Path file, String text, long dataBytes, long dataStart) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      throw bad(
          file,
          "헤더가 올바른 JSON이 아닙니다 ("
              + firstLine(e.getOriginalMessage())
              + "). safetensors 저장 도구로 모델을 다시 내보내세요",
          "header is not valid JSON ("
              + firstLine(e.getOriginalMessage())
              + "); re-export the model with a safetensors writer");
    }
    if (root == null || !root.isObject()) {
      throw bad(file, "헤더는 텐서들의 JSON 객체여야 합니다", "header must be a JSON object of tensors");
    }
    List<TensorInfo> tensors = new ArrayList<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      String name = entry.getKey();
      JsonNode node = entry.getValue();
      if (name.equals("__metadata__")) {
        readMetadata(file, node, metadata);
        continue;
      }
      tensors.add(tensor(file, name, node, dataBytes, dataStart));
    }
    checkOverlaps(file, tensors, dataStart);
    return new Parsed(List.copyOf(tensors), Map.copyOf(metadata));
  }

  private static TensorInfo tensor(
      Path file, String name, JsonNode node, long dataBytes, long dataStart) {
    checkName(file, name);
    String where = "tensor '" + name + "'";
    String whereKo = "텐서 '" + name + "'";
    if (!node.isObject()) {
      throw bad(
          file,
          whereKo + "은(는) dtype, shape, data_offsets를 가진 객체여야 합니다",
          where + " must be an object with dtype, shape and data_offsets");
    }
    JsonNode dtypeNode = node.get("dtype");
    if (dtypeNode == null || !dtypeNode.isString()) {
      throw bad(file, whereKo + "에 문자열 'dtype'이 없습니다", where + " lacks a string 'dtype'");
    }
    String dtypeName = dtypeNode.stringValue();
    DType dtype =
        DType.parse(dtypeName)
            .orElseThrow(() ->
                bad(
                    file,
                    whereKo
                        + "의 dtype '"
                        + Sanitize.text(dtypeName, 40)
                        + "'은(는) 알 수 없는 형식입니다. 지원하는 형식: "
                        + DType.supported(),
                    where
                        + " has unknown dtype '"
                        + Sanitize.text(dtypeName, 40)
                        + "'; supported: "
                        + DType.supported()));
    JsonNode shapeNode = node.get("shape");
    if (shapeNode == null || !shapeNode.isArray() || shapeNode.size() > MAX_RANK) {
      throw bad(
          file,
          whereKo + "에는 크기를 최대 " + MAX_RANK + "개 담은 배열 'shape'가 필요합니다",
          where + " needs 'shape', an array of at most " + MAX_RANK + " sizes");
    }
    long[] shape = new long[shapeNode.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] =
          nonNegative(
              file, whereKo + " shape[" + i + "]", where + " shape[" + i + "]", shapeNode.get(i));
    }
    JsonNode offsets = node.get("data_offsets");
    if (offsets == null || !offsets.isArray() || offsets.size() != 2) {
      throw bad(
          file,
          whereKo + "에는 'data_offsets': [begin, end]가 필요합니다",
          where + " needs 'data_offsets': [begin, end]");
    }
    long begin =
        nonNegative(file, whereKo + " data_offsets[0]", where + " data_offsets[0]", offsets.get(0));
    long end =
        nonNegative(file, whereKo + " data_offsets[1]", where + " data_offsets[1]", offsets.get(1));
    if (begin > end || end > dataBytes) {
      throw bad(
          file,
          whereKo
              + "의 data_offsets ["
              + begin
              + ", "
              + end
              + "]이(가) "
              + dataBytes
              + "바이트인 데이터 영역을 벗어납니다. 파일이 잘렸거나 손상되었습니다",
          where
              + " data_offsets ["
              + begin
              + ", "
              + end
              + "] are outside the data"
              + " section of "
              + dataBytes
              + " bytes; the file is truncated or corrupt");
    }
    long expected;
    try {
      expected = Math.multiplyExact(TensorInfo.elements(shape), dtype.size());
    } catch (ArithmeticException e) {
      throw bad(
          file,
          whereKo + "의 shape " + java.util.Arrays.toString(shape) + "이(가) 너무 커서 넘칩니다",
          where + " shape " + java.util.Arrays.toString(shape) + " overflows");
    }
    if (expected != end - begin) {
      throw bad(
          file,
          whereKo
              + "의 shape "
              + java.util.Arrays.toString(shape)
              + " ("
              + dtype
              + ")에는 "
              + expected
              + "바이트가 필요한데 data_offsets는 "
              + (end - begin)
              + "바이트입니다",
          where
              + " shape "
              + java.util.Arrays.toString(shape)
              + " of "
              + dtype
              + " needs "
              + expected
              + " bytes but data_offsets span "
              + (end - begin));
    }
    return new TensorInfo(name, dtype, shape, file, dataStart + begin, end - begin);
  }

  private static void checkName(Path file, String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_CHARS) {
      throw bad(
          file,
          "텐서 이름이 비어 있거나 " + MAX_NAME_CHARS + "자보다 깁니다",
          "a tensor name is empty or longer than " + MAX_NAME_CHARS + " characters");
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        throw bad(
            file,
            "텐서 이름 '" + Sanitize.text(name, 80) + "'에 제어 문자가 들어 있습니다",
            "tensor name '" + Sanitize.text(name, 80) + "' contains control characters");
      }
    }
  }

  private static void checkOverlaps(Path file, List<TensorInfo> tensors, long dataStart) {
    List<TensorInfo> sorted = new ArrayList<>(tensors);
    sorted.sort(Comparator.comparingLong(TensorInfo::offset));
    for (int i = 1; i < sorted.size(); i++) {
      TensorInfo prev = sorted.get(i - 1);
      TensorInfo next = sorted.get(i);
      if (next.offset() < prev.offset() + prev.bytes()) {
        throw bad(
            file,
            "텐서 '"
                + prev.name()
                + "'와(과) '"
                + next.name()
                + "'이(가) 데이터 오프셋 "
                + (next.offset() - dataStart)
                + "에서 겹칩니다. 파일이 손상되었습니다",
            "tensors '"
                + prev.name()
                + "' and '"
                + next.name()
                + "' overlap at data"
                + " offset "
                + (next.offset() - dataStart)
                + "; the file is corrupt");
      }
    }
  }

  private static void readMetadata(Path file, JsonNode node, Map<String, String> metadata) {
    if (!node.isObject()) {
      throw bad(
          file, "__metadata__는 문자열 값으로 이루어진 객체여야 합니다", "__metadata__ must be an object of strings");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isString()) {
        String key = Sanitize.text(e.getKey(), 80);
        throw bad(
            file,
            "__metadata__ '" + key + "'은(는) 문자열이어야 합니다",
            "__metadata__ '" + key + "' must be a string");
      }
      metadata.put(Sanitize.text(e.getKey(), 200), Sanitize.text(e.getValue().stringValue(), 2000));
    }
  }

  private static long nonNegative(Path file, String whatKo, String what, JsonNode n) {
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
      throw bad(file, whatKo + "은(는) 0 이상의 정수여야 합니다", what + " must be a non-negative integer");
    }
    return n.longValue();
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long pos = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, pos);
      if (n < 0) {
        throw new IOException("unexpected end of file at byte " + pos);
      }
      pos += n;
    }
  }

  private static String firstLine(String s) {
    String line = s == null ? "" : s.lines().findFirst().orElse("");
    return Sanitize.text(line, 200);
  }

  static UserError bad(Path file, String korean, String english) {
    String at = file + ": ";
    return UserError.of(at + korean, at + english);
  }
}
