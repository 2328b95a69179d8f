package kr.gukdae.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kr.gukdae.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A signed statement "the ledger had {@code seq} entries and head {@code head} at {@code at}",
 * exported to a file outside the database. A later chain must still hold that head at that seq; a
 * chain rewritten (even with self-consistent hashes and signatures) or cut short cannot.
 *
 * <p>The signature is Ed25519 over the UTF-8 text {@link #message()}: {@code
 * "gukdae-checkpoint-v1\n" + seq + "\n" + head + "\n" + at + "\n"}.
 */
public record Checkpoint(long seq, String head, Instant at, String keyId, String signature) {

  static final String FORMAT = "gukdae-checkpoint-v1";
  private static final Set<String> FIELDS =
      Set.of("format", "seq", "head", "at", "key", "signature");

  public Checkpoint {
    if (seq < 1 || !head.matches("[0-9a-f]{64}") || !keyId.matches("[0-9a-f]{64}")) {
      throw UserError.of(
          "seq는 1 이상, head와 key는 소문자 16진수 64자리여야 합니다. 체크포인트를 다시 받으세요",
          "a checkpoint needs seq >= 1 and a 64-hex head and key; fetch the checkpoint again");
    }
  }

  static Checkpoint sign(LedgerEntry head, Instant at, OfficeKey key) {
    String message = message(head.seq(), head.hash(), at);
    return new Checkpoint(head.seq(), head.hash(), at, key.fingerprint(), key.sign(message));
  }

  static String message(long seq, String head, Instant at) {
    return FORMAT + "\n" + seq + "\n" + head + "\n" + at + "\n";
  }

  public String message() {
    return message(seq, head, at);
  }

  public String fileName() {
    return String.format(Locale.ROOT, "checkpoint-%010d-%s.json", seq, head.substring(0, 12));
  }

  /** {@link #describe()} in Korean. */
  public String describeKo() {
    return "체크포인트 seq " + seq + " 머리 " + head + " (" + at + ", 키 " + keyId + " 서명)";
  }

  public String describe() {
    return "checkpoint seq " + seq + " head " + head + " at " + at + " signed by key " + keyId;
  }

  /** Writes {@code DIR/checkpoint-SEQ-HEAD.json} atomically; an existing one is kept as it is. */
  public Path writeTo(Path dir) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("seq", seq);
    m.put("head", head);
    m.put("at", at.toString());
    m.put("key", keyId);
    m.put("signature", signature);
    Path file = dir.resolve(fileName());
    try {
      Files.createDirectories(dir);
      if (!Files.exists(file)) {
        Path tmp = Files.createTempFile(dir, ".checkpoint", ".tmp");
        Files.writeString(tmp, CanonicalJson.of(m) + "\n", StandardCharsets.UTF_8);
        // Checkpoints are for publishing: readable by all, unlike the temporary file's default.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint to " + dir, e);
    }
  }

  public static Checkpoint read(Path file) {
    try {
      JsonNode n = CanonicalJson.parse(Files.readString(file, StandardCharsets.UTF_8));
      for (String name : n.propertyNames()) {
        if (!FIELDS.contains(name)) {
          throw UserError.of(
              file + ": 알 수 없는 필드 '" + name + "'입니다 (쓸 수 있는 필드: " + FIELDS + ")",
              file + ": unknown field '" + name + "' (expected " + FIELDS + ")");
        }
      }
      if (!FORMAT.equals(n.path("format").asString())) {
        throw UserError.of(
            file + ": format은 " + FORMAT + "이어야 합니다", file + ": format must be " + FORMAT);
      }
      long seq = n.required("seq").asLong();
      String head = n.required("head").asString();
      Instant at = Instant.parse(n.required("at").asString());
      String key = n.required("key").asString();
      String signature = n.required("signature").asString();
      try {
        return new Checkpoint(seq, head, at, key, signature);
      } catch (UserError e) {
        String where = file + ": ";
        throw UserError.of(where + e.message(true), where + e.message(false), e);
      }
    } catch (IOException e) {
      throw UserError.of(
          "체크포인트 " + file + "을(를) 읽을 수 없습니다: " + e.getMessage(),
          "cannot read checkpoint " + file + ": " + e.getMessage(),
          e);
    } catch (JacksonException | IllegalArgumentException | DateTimeException e) {
      throw UserError.of(
          file + ": gukdae 체크포인트가 아닙니다 (" + e.getMessage() + ")",
          file + ": not a gukdae checkpoint (" + e.getMessage() + ")",
          e);
    }
  }

  /** Every {@code checkpoint-*.json} in a folder, oldest first. */
  public static List<Checkpoint> readAll(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw UserError.of("앵커 폴더 " + dir + "이(가) 없습니다", "anchors folder " + dir + " does not exist");
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Checkpoint> out = new ArrayList<>();
      files
          .filter(f -> f.getFileName().toString().matches("checkpoint-.*\\.json"))
          .sorted()
          .forEach(f -> out.add(read(f)));
      return out;
    } catch (IOException e) {
      throw UserError.of(
          "앵커 폴더 " + dir + "의 목록을 읽을 수 없습니다: " + e.getMessage(),
          "cannot list anchors folder " + dir + ": " + e.getMessage(),
          e);
    }
  }
}
