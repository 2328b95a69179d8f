package kr.gukdae.data.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitmentsTest {

  @TempDir Path dir;

  /** Writes {@code n} generated shards and the manifest that describes them. */
  static String manifestJson(Path dir, int n) throws Exception {
    StringBuilder shards = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String text = "{\"text\":\"한국어 문장 " + i + " and English line " + i + "\"}\n";
      Path file = dir.resolve("shard-" + i + ".jsonl");
      Files.writeString(file, text);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (i > 0) {
        shards.append(',');
      }
      shards.append(
          String.format(
              Locale.ROOT,
              "{\"path\":\"shard-%d.jsonl\",\"sha256\":\"%s\",\"bytes\":%d,"
                  + "\"dataset\":\"%s\",\"version\":\"v1\",\"weight\":%s}",
              i,
              Sha256.hex(bytes),
              bytes.length,
              i % 2 == 0 ? "ko-news" : "web-en",
              1 + i % 3));
    }
    return "{\"format\":\"gukdae-training-manifest/1\",\"team\":\"hanbit\",\"datasets\":["
        + "{\"id\":\"ko-news\",\"version\":\"v1\",\"name\":\"Korean news\",\"source\":\"LICENSED\","
        + "\"modality\":\"TEXT\",\"licence\":\"programme purchase\"},"
        + "{\"id\":\"web-en\",\"version\":\"v1\",\"name\":\"English web\",\"source\":\"CRAWLED\","
        + "\"modality\":\"TEXT\",\"licence\":null}],\"shards\":["
        + shards
        + "]}";
  }

  @Test
  void everyLeafProvesInclusionForManyTreeSizesAndTamperingFails() {
    for (int n = 1; n <= 33; n++) {
      List<Manifest.Shard> shards = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        shards.add(
            new Manifest.Shard("s" + (char) ('a' + i % 26) + i, "ab".repeat(32), i, "d", "v", 1));
      }
      shards.sort((a, b) -> a.path().compareTo(b.path()));
      MerkleTree tree = MerkleTree.of(shards);
      for (int i = 0; i < n; i++) {
        InclusionProof p = tree.proof(i);
        assertThat(p.verifies(tree.root())).as("n=%d i=%d", n, i).isTrue();
        // A proof for one leaf does not verify another leaf's content.
        var other = new Manifest.Shard("forged", "cd".repeat(32), 1, "d", "v", 1);
        var forged = new InclusionProof(p.format(), p.root(), n, i, other, p.path());
        assertThat(forged.verifies(tree.root())).isFalse();
        if (n > 1) {
          var moved = new InclusionProof(p.format(), p.root(), n, (i + 1) % n, p.leaf(), p.path());
          assertThat(moved.verifies(tree.root())).isFalse();
        }
      }
    }
  }

  @Test
  void rootIsKnownForAFixedInputSoOtherVerifiersCanCheckIt() {
    // Two leaves: root = SHA-256(0x01 || leafA || leafB) with leaf = SHA-256(0x00 || canonical
    // JSON).
    var a = new Manifest.Shard("a", "00".repeat(32), 1, "d", "v", 1);
    var b = new Manifest.Shard("b", "11".repeat(32), 2, "d", "v", 0.5);
    String root = MerkleTree.of(List.of(a, b)).root();
    byte[] la = MerkleTree.leafHash(a);
    byte[] lb = MerkleTree.leafHash(b);
    assertThat(CanonicalJson.of(a))
        .isEqualTo(
            "{\"bytes\":1,\"dataset\":\"d\",\"path\":\"a\",\"sha256\":\""
                + "00".repeat(32)
                + "\",\"version\":\"v\",\"weight\":1.0}");
    assertThat(root).isEqualTo(java.util.HexFormat.of().formatHex(MerkleTree.node(la, lb)));
  }

  @Test
  void commitRecordsTheRootClaimsAreCheckedAndProofsSurviveAFileRoundTrip() throws Exception {
    String json = manifestJson(dir, 7);
    Manifest m = DataJson.read("manifest.json", json, Manifest.class);
    Commitments.checkShards(m, dir, "manifest.json");
    Ledger ledger = Ledger.inMemory();
    var entry = Commitments.record(ledger, m, json);
    assertThat(entry.kind()).isEqualTo("data.commitment");
    String root = DataJson.tree("ledger", entry.payload()).get("root").asString();
    assertThat(root).isEqualTo(m.tree().root());

    var claim = Commitments.claim(m, root, "ko-news", "v1");
    assertThat(claim.supported()).isTrue();
    assertThat(claim.proofs()).hasSize(4);
    Path proofFile = dir.resolve("proof.json");
    DataJson.write(proofFile, claim.proofs().get(2));
    assertThat(InclusionProof.read(proofFile).verifies(root)).isTrue();

    assertThat(Commitments.claim(m, root, "kmmlu-test", null).supported()).isFalse();
    assertThat(Commitments.claim(m, root, "ko-news", "v2").supported()).isFalse();

    // A manifest swapped after the commitment is refused.
    String swapped = manifestJson(dir.resolve("..").resolve(dir.getFileName()), 8);
    Manifest other = DataJson.read("m2.json", swapped, Manifest.class);
    assertThatThrownBy(() -> Commitments.claim(other, root, "ko-news", null))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("differs from the committed root");
  }

  @Test
  void aManifestWhoseHashesDoNotMatchItsShardsIsRefusedAndNothingIsRecorded() throws Exception {
    String json = manifestJson(dir, 5);
    Manifest m = DataJson.read("manifest.json", json, Manifest.class);
    // Same size, one character changed: only the hash can tell.
    Files.writeString(dir.resolve("shard-3.jsonl"), "{\"text\":\"한국어 문장 3 and English line 4\"}\n");
    Files.delete(dir.resolve("shard-1.jsonl"));
    Ledger ledger = Ledger.inMemory();
    assertThatThrownBy(() -> Commitments.checkShards(m, dir, "manifest.json"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("manifest.json")
        .hasMessageContaining("shard-1.jsonl does not exist")
        .hasMessageContaining("shard-3.jsonl has sha256")
        .hasMessageContaining("nothing was committed");
    assertThat(ledger.entries()).isEmpty();
  }

  @Test
  void badManifestsNameTheProblem() throws Exception {
    String base = "{\"format\":\"gukdae-training-manifest/1\",\"team\":\"t\",\"datasets\":[],";
    assertThatThrownBy(() ->
            DataJson.read(
                "m.json",
                base
                    + "\"shards\":[{\"path\":\"a\",\"sha256\":\""
                    + "0".repeat(64)
                    + "\",\"bytes\":1,\"dataset\":\"x\",\"version\":\"1\",\"weight\":1}]}",
                Manifest.class))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("m.json")
        .hasMessageContaining("which the manifest's datasets do not list");
    String valid = manifestJson(dir, 1);
    assertThatThrownBy(() ->
            DataJson.read(
                "m.json", valid.replace("\"team\"", "\"extra\":1,\"team\""), Manifest.class))
        .hasMessageContaining("extra")
        .hasMessageContaining("unknown key");
    assertThatThrownBy(() ->
            DataJson.read(
                "m.json",
                base
                    + "\"shards\":[{\"path\":\"../etc/passwd\",\"sha256\":\""
                    + "0".repeat(64)
                    + "\",\"bytes\":1,\"dataset\":\"x\",\"version\":\"1\",\"weight\":1}]}",
                Manifest.class))
        .hasMessageContaining("without '..'");
  }

  @Test
  void summaryListsSourcesAndSharesFromTheManifest() throws Exception {
    Manifest m = DataJson.read("m", manifestJson(dir, 4), Manifest.class);
    String s = TrainingSummary.markdown(m, m.tree().root());
    assertThat(s)
        .contains("private datasets licensed from third parties")
        .contains("data crawled and scraped")
        .contains("Korean news (ko-news)")
        .contains(m.tree().root())
        .contains(
            "| English web (web-en) | v1 | data crawled and scraped from online sources | text | not stated |");
  }
}
