package kr.gukdae.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office key's entry is read back from the ledger file, which a person can edit: appending to a
 * ledger whose key entry was edited is refused naming the field, in both languages.
 */
class EditedKeyEntryTest {

  @TempDir Path dir;

  private final OfficeKey office = OfficeKey.generate();

  private Path ledgerWithKey() {
    Path file = dir.resolve("ledger.jsonl");
    Ledger.inFile(file).signedBy(office, null).append("a", Map.of("n", 1));
    return file;
  }

  private void refusedOnAppend(Path file, String korean, String english) {
    assertThatThrownBy(() -> Ledger.inFile(file).signedBy(office, null).append("b", Map.of()))
        .isInstanceOf(UserError.class)
        .satisfies(e -> {
          UserError error = (UserError) e;
          assertThat(error.message(true)).contains(korean, "원장 파일이 수정되었습니다");
          assertThat(error.message(false)).contains(english, "the ledger file was edited");
          assertThat(UserError.hasKorean(error.message(false))).isFalse();
        });
  }

  @Test
  void anEditedAlgorithmIsNamed() throws Exception {
    Path file = ledgerWithKey();
    String text = Files.readString(file);
    assertThat(text).contains("Ed25519");
    Files.writeString(file, text.replace("Ed25519", "RSA"));
    refusedOnAppend(file, "algorithm이 Ed25519가 아니라 'RSA'", "algorithm is 'RSA', not Ed25519");
  }

  @Test
  void anEditedFingerprintIsNamed() throws Exception {
    Path file = ledgerWithKey();
    String fingerprint = office.fingerprint();
    String text = Files.readString(file);
    String other = (fingerprint.charAt(0) == 'a' ? "b" : "a") + fingerprint.substring(1);
    Files.writeString(
        file,
        text.replace("\\\"fingerprint\\\":\\\"" + fingerprint, "\\\"fingerprint\\\":\\\"" + other));
    assertThat(Files.readString(file)).contains(other);
    refusedOnAppend(file, "fingerprint가 publicKey의 지문과 다릅니다", "fingerprint is not its publicKey's");
  }

  @Test
  void aPublicKeyThatIsNotBase64IsNamed() {
    assertThatThrownBy(() ->
            KeyEntry.parse(
                "{\"algorithm\":\"Ed25519\",\"fingerprint\":\"00\",\"publicKey\":\"%%%\"}"))
        .isInstanceOf(UserError.class)
        .satisfies(e -> {
          assertThat(((UserError) e).message(true)).contains("publicKey가 Ed25519 공개 키가 아닙니다");
          assertThat(((UserError) e).message(false)).contains("publicKey is not an Ed25519");
        });
  }
}
