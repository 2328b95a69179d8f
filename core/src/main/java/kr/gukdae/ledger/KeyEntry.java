package kr.gukdae.ledger;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The payload of a {@link Ledger#KEY} entry: the office's public key (X.509 DER, base64), its
 * fingerprint and the fingerprint of the key it replaces. The first one is signed by its own key; a
 * rotation is signed by the key it replaces.
 */
record KeyEntry(PublicKey key, String fingerprint, @Nullable String previous) {

  static KeyEntry of(OfficeKey key, @Nullable String previous) {
    return new KeyEntry(key.publicKey(), key.fingerprint(), previous);
  }

  Map<String, Object> payload() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("algorithm", "Ed25519");
    m.put("publicKey", Keys.base64(key));
    m.put("fingerprint", fingerprint);
    if (previous != null) {
      m.put("previous", previous);
    }
    return m;
  }

  /**
   * Parses and checks that the fingerprint is the key's. The payload is read back from the ledger
   * file, which a person can edit: a wrong one is a {@link UserError} naming the field.
   */
  static KeyEntry parse(String payload) {
    JsonNode n = CanonicalJson.parse(payload);
    String algorithm = n.path("algorithm").asString();
    if (!"Ed25519".equals(algorithm)) {
      throw UserError.of(
          "키 항목의 algorithm이 Ed25519가 아니라 '" + algorithm + "'입니다. 원장 파일이 수정되었습니다",
          "the key entry's algorithm is '"
              + algorithm
              + "', not Ed25519: the ledger file was edited");
    }
    PublicKey key;
    try {
      key = Keys.decodeBase64(n.path("publicKey").asString());
    } catch (IllegalArgumentException e) { // not base64, or not an Ed25519 key
      throw UserError.of(
          "키 항목의 publicKey가 Ed25519 공개 키가 아닙니다 (" + e.getMessage() + "). 원장 파일이 수정되었습니다",
          "the key entry's publicKey is not an Ed25519 public key ("
              + e.getMessage()
              + "): the ledger file was edited",
          e);
    }
    String fp = n.path("fingerprint").asString();
    if (!Keys.fingerprint(key).equals(fp)) {
      throw UserError.of(
          "키 항목의 fingerprint가 publicKey의 지문과 다릅니다. 원장 파일이 수정되었습니다",
          "the key entry's fingerprint is not its publicKey's: the ledger file was edited");
    }
    JsonNode prev = n.get("previous");
    return new KeyEntry(key, fp, prev == null || prev.isNull() ? null : prev.asString());
  }
}
