package kr.gukdae;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one hash gukdae uses (ledger chain, evidence pins, weight files, task and data
 * fingerprints, cache keys), in lower-case hex. The only place that asks the JDK for the algorithm
 * ({@code ArchitectureTest} fails on another); the hex form is the same everywhere, so a digest
 * written by one feature compares equal in another.
 */
public final class Sha256 {

  private Sha256() {}

  /** A fresh digest, for input that arrives in parts (streams, files). */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("bug: SHA-256 is part of every JDK", e);
    }
  }

  /** The hex digest of the bytes. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** The hex digest of the text's UTF-8 bytes. */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The hex digest of everything the stream holds (read in parts, never whole). */
  public static String hex(InputStream in) throws IOException {
    MessageDigest digest = digest();
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return hex(digest);
  }

  /** Finishes a digest fed in parts and returns it in hex. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }
}
