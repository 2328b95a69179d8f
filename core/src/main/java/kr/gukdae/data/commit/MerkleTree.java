package kr.gukdae.data.commit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import kr.gukdae.Sha256;
import kr.gukdae.ledger.CanonicalJson;

/**
 * A Merkle tree over manifest shards with the hashing of RFC 6962/9162 (Certificate Transparency),
 * so any CT-style verifier can check a proof: leaf = SHA-256(0x00 || canonical JSON of the shard),
 * node = SHA-256(0x01 || left || right), and a tree of n leaves splits at the largest power of two
 * below n. The domain-separation bytes stop a leaf from posing as an inner node.
 */
public final class MerkleTree {

  private final List<byte[]> leaves;
  private final List<Manifest.Shard> shards;

  private MerkleTree(List<Manifest.Shard> shards) {
    this.shards = List.copyOf(shards);
    this.leaves = new ArrayList<>(shards.size());
    shards.forEach(s -> leaves.add(leafHash(s)));
  }

  static MerkleTree of(List<Manifest.Shard> sortedShards) {
    if (sortedShards.isEmpty()) {
      // Manifest refuses an empty shard list before a tree is built
      throw new IllegalArgumentException("bug: a Merkle tree needs at least one leaf");
    }
    return new MerkleTree(sortedShards);
  }

  public String root() {
    return HexFormat.of().formatHex(hash(0, leaves.size()));
  }

  public int size() {
    return leaves.size();
  }

  /** The inclusion proof of leaf {@code index} (its audit path, bottom up). */
  public InclusionProof proof(int index) {
    if (index < 0 || index >= leaves.size()) {
      // callers index the manifest's own leaves
      throw new IllegalArgumentException(
          "bug: leaf " + index + " is outside 0.." + (leaves.size() - 1));
    }
    List<String> path = new ArrayList<>();
    path(index, 0, leaves.size(), path);
    return new InclusionProof(
        InclusionProof.FORMAT, root(), leaves.size(), index, shards.get(index), path);
  }

  private void path(int m, int from, int to, List<String> out) {
    int n = to - from;
    if (n == 1) {
      return;
    }
    int k = split(n);
    if (m < k) {
      path(m, from, from + k, out);
      out.add(HexFormat.of().formatHex(hash(from + k, to)));
    } else {
      path(m - k, from + k, to, out);
      out.add(HexFormat.of().formatHex(hash(from, from + k)));
    }
  }

  private byte[] hash(int from, int to) {
    if (to - from == 1) {
      return leaves.get(from);
    }
    int k = split(to - from);
    return node(hash(from, from + k), hash(from + k, to));
  }

  /** The largest power of two strictly below n (n >= 2). */
  static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }

  static byte[] leafHash(Manifest.Shard shard) {
    MessageDigest d = Sha256.digest();
    d.update((byte) 0);
    d.update(CanonicalJson.of(shard).getBytes(StandardCharsets.UTF_8));
    return d.digest();
  }

  static byte[] node(byte[] left, byte[] right) {
    MessageDigest d = Sha256.digest();
    d.update((byte) 1);
    d.update(left);
    d.update(right);
    return d.digest();
  }
}
