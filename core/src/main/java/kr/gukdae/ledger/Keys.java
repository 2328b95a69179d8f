package kr.gukdae.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;

/**
 * Public-key helpers for verifiers, who hold only public keys. A key's fingerprint is the SHA-256
 * of its X.509 SubjectPublicKeyInfo DER bytes ({@code openssl pkey -pubin -outform DER |
 * sha256sum}).
 */
public final class Keys {

  private Keys() {}

  public static String fingerprint(PublicKey key) {
    return Sha256.hex(key.getEncoded());
  }

  public static String base64(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  static PublicKey decode(byte[] x509) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException e) {
      // Reachable from a key file or an edited ledger, and caught there: readPublic, OfficeKey.load
      // and KeyEntry.parse each refuse in both languages naming the file or the field.
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
    }
  }

  static PublicKey decodeBase64(String x509) {
    return decode(Base64.getDecoder().decode(x509));
  }

  /** A public key from a PEM file ({@code FILE.pub.pem}, or the key file itself). */
  public static PublicKey readPublic(Path file) {
    try {
      return decode(Pem.decode(Files.readString(file, StandardCharsets.UTF_8), "PUBLIC KEY", file));
    } catch (IOException e) {
      throw UserError.of(
          "공개 키 파일 " + file + "을(를) 읽을 수 없습니다: " + e.getMessage(),
          "cannot read public key file " + file + ": " + e.getMessage(),
          e);
    } catch (IllegalArgumentException e) {
      throw UserError.of(
          "공개 키 파일 " + file + "이(가) 올바르지 않습니다: " + e.getMessage(),
          "public key file " + file + ": " + e.getMessage(),
          e);
    }
  }

  /** True when {@code signature} (base64) is the key's Ed25519 signature over the UTF-8 text. */
  static boolean verifies(PublicKey key, String message, String signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message.getBytes(StandardCharsets.UTF_8));
      return s.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
