package kr.gukdae.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import kr.gukdae.UserError;

/**
 * The programme office's Ed25519 signing key, kept in a PEM file outside the database (owner-only
 * permissions). The file holds the PKCS#8 private key and the X.509 public key; a copy of the
 * public key alone ({@code FILE.pub.pem}) is what the office publishes for auditors.
 */
public final class OfficeKey {

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private OfficeKey(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  public static OfficeKey generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new OfficeKey(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("bug: Ed25519 is part of every JDK since 15", e);
    }
  }

  /** Reads a key file written by {@link #save}; refuses one that others can read. */
  public static OfficeKey load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw UserError.of(
          "원장 키 파일 " + file + "이(가) 없습니다. 'gukdae ledger init'을 실행해 만드세요",
          "ledger key file " + file + " does not exist: run 'gukdae ledger init' to create it");
    }
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (perms.stream()
          .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
        throw UserError.of(
            "원장 키 파일 "
                + file
                + "을(를) 다른 사용자가 읽을 수 있습니다 ("
                + PosixFilePermissions.toString(perms)
                + "). 'chmod 600 "
                + file
                + "'을 실행하세요",
            "ledger key file "
                + file
                + " is readable by others ("
                + PosixFilePermissions.toString(perms)
                + "): run 'chmod 600 "
                + file
                + "'");
      }
      String pem = Files.readString(file, StandardCharsets.UTF_8);
      PrivateKey priv =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(pem, "PRIVATE KEY", file)));
      return new OfficeKey(priv, Keys.decode(Pem.decode(pem, "PUBLIC KEY", file)));
    } catch (IOException e) {
      throw UserError.of(
          "원장 키 파일 " + file + "을(를) 읽을 수 없습니다: " + e.getMessage(),
          "cannot read ledger key file " + file + ": " + e.getMessage(),
          e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw UserError.of(
          "원장 키 파일 " + file + "에 Ed25519 키가 없습니다: " + e.getMessage(),
          "ledger key file " + file + " holds no Ed25519 key: " + e.getMessage(),
          e);
    }
  }

  /**
   * Writes the key file (mode 600, parent folders 700) and {@code FILE.pub.pem}; never overwrites
   * an existing key, so a second {@code ledger init} cannot destroy the office's identity.
   */
  public void save(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir == null) {
        throw UserError.of(
            "원장 키 파일 " + file + "은(는) 루트 디렉터리가 아니라 파일이어야 합니다",
            "ledger key file " + file + " must be a file, not the root directory");
      }
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      if (Files.exists(file)) {
        throw UserError.of(
            "원장 키 파일 " + file + "이(가) 이미 있습니다. 기존 키는 절대 덮어쓰지 않습니다",
            "ledger key file " + file + " already exists; it is never overwritten");
      }
      Path tmp =
          Files.createTempFile(
              dir,
              ".key",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      String pem =
          Pem.encode("PRIVATE KEY", privateKey.getEncoded())
              + Pem.encode("PUBLIC KEY", publicKey.getEncoded());
      Files.writeString(tmp, pem, StandardCharsets.UTF_8);
      try {
        // A hard link fails if the name exists (a rename would replace it): two processes
        // creating the key at once cannot leave one of them holding a key that is not on disk.
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException e) {
        throw UserError.of(
            "원장 키 파일 " + file + "이(가) 이미 있습니다. 기존 키는 절대 덮어쓰지 않습니다",
            "ledger key file " + file + " already exists; it is never overwritten");
      } finally {
        Files.deleteIfExists(tmp);
      }
      Files.writeString(publicFile(file), publicPem(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ledger key file " + file, e);
    }
  }

  /** Where {@link #save} puts the public key for publishing. */
  public static Path publicFile(Path keyFile) {
    return keyFile.resolveSibling(keyFile.getFileName() + ".pub.pem");
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public String fingerprint() {
    return Keys.fingerprint(publicKey);
  }

  public String publicPem() {
    return Pem.encode("PUBLIC KEY", publicKey.getEncoded());
  }

  /** Base64 Ed25519 signature over the bytes. */
  public String sign(byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(message);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      // the key was made by generate() or read by load() as an Ed25519 PKCS#8 key: it signs
      throw new IllegalStateException("bug: cannot sign with the office key", e);
    }
  }

  public String sign(String message) {
    return sign(message.getBytes(StandardCharsets.UTF_8));
  }
}
