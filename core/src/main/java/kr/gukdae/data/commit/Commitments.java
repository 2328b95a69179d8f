package kr.gukdae.data.commit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.LedgerEntry;
import org.jspecify.annotations.Nullable;

/**
 * Training-data commitments: check a manifest against its shard files, record its Merkle root in
 * the ledger, and check later claims ("trained on X") against the committed root.
 */
public final class Commitments {

  /** The ledger kind of a commitment entry. */
  public static final String LEDGER_KIND = "data.commitment";

  private Commitments() {}

  /** The ledger payload: enough to verify any inclusion proof offline, nothing more. */
  public record Commitment(
      String format, String team, String root, int shards, long bytes, String manifestSha256) {}

  /**
   * Hashes every shard under {@code dataRoot} and refuses the manifest (listing up to ten
   * mismatches) unless every file exists with the stated size and SHA-256.
   */
  public static void checkShards(Manifest manifest, Path dataRoot, String source) {
    List<String> problems = new ArrayList<>();
    Path base = dataRoot.toAbsolutePath().normalize();
    for (Manifest.Shard s : manifest.leaves()) {
      Path file = base.resolve(s.path()).normalize();
      if (!file.startsWith(base)) {
        problems.add(s.path() + " lies outside the data root");
      } else if (!Files.isRegularFile(file)) {
        problems.add(s.path() + " does not exist under " + base);
      } else {
        try {
          long size = Files.size(file);
          String actual = sha256(file);
          if (size != s.bytes()) {
            problems.add(s.path() + " has " + size + " bytes, the manifest says " + s.bytes());
          } else if (!actual.equals(s.sha256())) {
            problems.add(s.path() + " has sha256 " + actual + ", the manifest says " + s.sha256());
          }
        } catch (IOException e) {
          problems.add(s.path() + " cannot be read (" + e.getMessage() + ")");
        }
      }
      if (problems.size() >= 10) {
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw UserError.of(
          source
              + ": 매니페스트가 샤드와 맞지 않아 아무것도 커밋하지 않았습니다: "
              + String.join("; ", problems)
              + ". 해시를 다시 계산하거나(sha256sum, stat -c %s) 파일을 고치세요.",
          source
              + ": the manifest does not match its shards, so nothing was committed: "
              + String.join("; ", problems)
              + ". Recompute the hashes (sha256sum, stat -c %s) or fix the files.");
    }
  }

  /** Appends the commitment to the ledger; the entry's timestamp is the commitment time. */
  public static LedgerEntry record(Ledger ledger, Manifest manifest, String manifestJson) {
    return ledger.append(LEDGER_KIND, commitment(manifest, manifestJson));
  }

  public static Commitment commitment(Manifest manifest, String manifestJson) {
    return new Commitment(
        Manifest.FORMAT,
        manifest.team(),
        manifest.tree().root(),
        manifest.shards().size(),
        manifest.totalBytes(),
        Sha256.hex(manifestJson));
  }

  /** A claim's outcome: the shards that support it, each with its inclusion proof. */
  public record ClaimResult(
      String team,
      String dataset,
      @Nullable String version,
      String root,
      List<InclusionProof> proofs) {
    public boolean supported() {
      return !proofs.isEmpty();
    }

    public String describe() {
      String what = dataset + (version == null ? "" : "@" + version);
      return supported()
          ? "SUPPORTED: "
              + team
              + "'s commitment "
              + root.substring(0, 12)
              + "… holds "
              + proofs.size()
              + " shard(s) of "
              + what
          : "NOT COMMITTED: "
              + team
              + "'s commitment "
              + root.substring(0, 12)
              + "… holds no shard of "
              + what;
    }
  }

  /**
   * Checks "trained on {@code dataset}[@version]" against the manifest whose root was committed; a
   * manifest that does not hash to {@code committedRoot} is refused (it was swapped).
   */
  public static ClaimResult claim(
      Manifest manifest, String committedRoot, String dataset, @Nullable String version) {
    MerkleTree tree = manifest.tree();
    if (!tree.root().equals(committedRoot)) {
      throw UserError.of(
          "매니페스트의 Merkle 루트 "
              + tree.root()
              + "이(가) 커밋된 루트 "
              + committedRoot
              + "와(과) 다릅니다. 커밋했던 매니페스트를 쓰세요",
          "the manifest's Merkle root "
              + tree.root()
              + " differs from the committed root "
              + committedRoot
              + "; use the manifest that was committed");
    }
    List<Manifest.Shard> leaves = manifest.leaves();
    List<InclusionProof> proofs = new ArrayList<>();
    for (int i = 0; i < leaves.size(); i++) {
      Manifest.Shard s = leaves.get(i);
      if (s.dataset().equals(dataset) && (version == null || s.version().equals(version))) {
        proofs.add(tree.proof(i));
      }
    }
    return new ClaimResult(manifest.team(), dataset, version, committedRoot, proofs);
  }

  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Sha256.hex(in);
    }
  }
}
