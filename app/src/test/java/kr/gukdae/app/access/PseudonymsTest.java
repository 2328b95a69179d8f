package kr.gukdae.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export pseudonyms are keyed: not the plain hash anyone could recompute from a name. */
class PseudonymsTest {

  @Test
  void keyedStableAndTheSecretIsKeptOwnerOnly(@TempDir Path home) throws Exception {
    Pseudonyms first = Pseudonyms.load("", home);
    Pseudonyms again = Pseudonyms.load("", home);
    assertThat(first.of("user-kim")).isEqualTo(again.of("user-kim")).hasSize(16);
    assertThat(first.of("user-kim")).isNotEqualTo(first.of("user-lee"));
    // the old scheme: a hash of the id, recomputable by anyone who guesses the username
    assertThat(first.of("user-kim"))
        .isNotEqualTo(kr.gukdae.Sha256.hex("user-kim").substring(0, 16));
    assertThat(Pseudonyms.load("another-secret-of-enough-length", home).of("user-kim"))
        .isNotEqualTo(first.of("user-kim"));
    assertThat(Files.getPosixFilePermissions(home.resolve("secret.key")))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }
}
