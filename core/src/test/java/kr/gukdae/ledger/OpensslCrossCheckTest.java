package kr.gukdae.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export and checkpoint formats checked with standard tools only (openssl, jq, sha256sum), by
 * the commands docs/ledger.md gives an auditor.
 */
class OpensslCrossCheckTest {

  @TempDir Path dir;

  private static boolean has(String tool) throws Exception {
    return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
  }

  private String bash(String script) throws Exception {
    Process p =
        new ProcessBuilder("bash", "-c", script)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out.strip();
  }

  @Test
  void entriesHashesSignaturesAndCheckpointsVerifyWithOpensslAndJq() throws Exception {
    assumeTrue(has("openssl") && has("jq") && has("sha256sum"), "needs openssl, jq, sha256sum");
    OfficeKey key = OfficeKey.generate();
    key.save(dir.resolve("office.pem"));
    Ledger ledger = Ledger.inMemory().signedBy(key, dir.resolve("anchors"));
    ledger.appendAll(seq ->
        List.of(
            new Ledger.Draft("programme", Map.of("name", "국가대표 AI", "run", seq)),
            new Ledger.Draft("decision", Map.of("survivors", List.of("hanbit", "baekdu")))));
    ledger.exportTo(dir.resolve("export.jsonl"));
    Path checkpoint =
        Checkpoint.readAll(dir.resolve("anchors")).isEmpty() ? null : firstCheckpoint();

    String fingerprint =
        bash("openssl pkey -pubin -in office.pem.pub.pem -outform DER | sha256sum | cut -d' ' -f1");
    assertThat(fingerprint).isEqualTo(key.fingerprint());
    List<String> lines = Files.readAllLines(dir.resolve("export.jsonl"));
    for (int i = 0; i < lines.size(); i++) {
      Files.writeString(dir.resolve("l"), lines.get(i));
      String hash =
          bash(
              "jq -j '\"\\(.prev_hash)\\n\\(.seq)\\n\\(.timestamp)\\n\\(.kind)\\n\\(.payload)\"' l"
                  + " | sha256sum | cut -d' ' -f1");
      assertThat(hash).isEqualTo(ledger.entries().get(i).hash());
      if (ledger.entries().get(i).signed()) {
        assertThat(
                bash(
                    "jq -j .hash l > msg && jq -r .signature l | base64 -d > sig && openssl pkeyutl"
                        + " -verify -pubin -inkey office.pem.pub.pem -rawin -in msg -sigfile sig"))
            .contains("Signature Verified Successfully");
      }
    }
    assertThat(checkpoint).isNotNull();
    Files.copy(checkpoint, dir.resolve("c.json"));
    assertThat(
            bash(
                "jq -j '\"gukdae-checkpoint-v1\\n\\(.seq)\\n\\(.head)\\n\\(.at)\\n\"' c.json > msg &&"
                    + " jq -r .signature c.json | base64 -d > sig && openssl pkeyutl -verify -pubin"
                    + " -inkey office.pem.pub.pem -rawin -in msg -sigfile sig"))
        .contains("Signature Verified Successfully");
    // And a forged checkpoint (head changed) fails the same openssl check.
    Files.writeString(
        dir.resolve("c.json"),
        Files.readString(dir.resolve("c.json"))
            .replaceFirst("\"head\":\"[0-9a-f]", "\"head\":\"x"));
    Process p =
        new ProcessBuilder(
                "bash",
                "-c",
                "jq -j '\"gukdae-checkpoint-v1\\n\\(.seq)\\n\\(.head)\\n\\(.at)\\n\"' c.json > msg &&"
                    + " openssl pkeyutl -verify -pubin -inkey office.pem.pub.pem -rawin -in msg -sigfile sig")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isNotZero();
  }

  private Path firstCheckpoint() throws Exception {
    try (var files = Files.list(dir.resolve("anchors"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .findFirst()
          .orElseThrow();
    }
  }
}
