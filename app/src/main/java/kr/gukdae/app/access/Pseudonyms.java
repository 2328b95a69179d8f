package kr.gukdae.app.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.gukdae.UserError;

/**
 * Stable pseudonyms for people in published data (arena exports): an HMAC-SHA256 of their id under
 * a server secret. A plain hash of a username can be reversed by hashing candidate names; without
 * the secret these cannot. The secret comes from {@code gukdae.secret} or, failing that, from
 * {@code <gukdae.home>/secret.key}, created with owner-only permissions on first start.
 */
public final class Pseudonyms {

  private final SecretKeySpec key;

  public Pseudonyms(byte[] secret) {
    if (secret.length < 16) {
      throw UserError.of(
          "gukdae.secret: 16바이트 이상이어야 합니다. 받은 길이: " + secret.length,
          "gukdae.secret: at least 16 bytes, got " + secret.length);
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** The pseudonym of {@code id}: 16 hex digits, stable for one secret. */
  public String of(String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of()
          .formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 missing from this JDK", e);
    }
  }

  /** The configured secret, or the one in {@code home/secret.key}, made on first use. */
  static Pseudonyms load(String configured, Path home) {
    return new Pseudonyms(secret(configured, home));
  }

  /**
   * The server secret: {@code gukdae.secret} when set, else {@code home/secret.key}, made on first
   * use. Other features derive their own keys from it (never use it as it is).
   */
  public static byte[] secret(String configured, Path home) {
    if (!configured.isBlank()) {
      return configured.getBytes(StandardCharsets.UTF_8);
    }
    Path file = home.resolve("secret.key");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(home);
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
        } catch (FileAlreadyExistsException raced) {
          // another process made it first; read theirs
        } catch (UnsupportedOperationException notPosix) {
          Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
        }
      }
      return Base64.getDecoder().decode(Files.readString(file).strip());
    } catch (IOException | IllegalArgumentException e) {
      throw UserError.of(
          file + ": 서버 비밀값을 읽거나 만들 수 없습니다 (" + e.getMessage() + "). gukdae.secret을 설정하세요",
          file
              + ": cannot read or create the server secret ("
              + e.getMessage()
              + "); set gukdae.secret");
    }
  }
}
