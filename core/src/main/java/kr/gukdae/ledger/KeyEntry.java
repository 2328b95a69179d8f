package kr.gukdae.ledger;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /** Parses and checks that the fingerprint is the key's; throws IllegalArgumentException. */
  static KeyEntry parse(String payload) {
    JsonNode n = CanonicalJson.parse(payload);
    if (!"Ed25519".equals(n.path("algorithm").asString())) {
      throw new IllegalArgumentException("algorithm must be Ed25519");
    }
    PublicKey key = Keys.decodeBase64(n.path("publicKey").asString());
    String fp = n.path("fingerprint").asString();
    if (!Keys.fingerprint(key).equals(fp)) {
      throw new IllegalArgumentException("fingerprint is not the key's");
    }
    JsonNode prev = n.get("previous");
    return new KeyEntry(key, fp, prev == null || prev.isNull() ? null : prev.asString());
  }
}
