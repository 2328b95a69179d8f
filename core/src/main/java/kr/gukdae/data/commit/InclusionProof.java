package kr.gukdae.data.commit;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;

/**
 * Proof that one shard is in a committed manifest, checkable offline with only this file and the
 * root printed in the ledger (RFC 9162 section 2.1.3.2, "verifying an inclusion proof").
 */
public record InclusionProof(
    String format,
    String root,
    int treeSize,
    int leafIndex,
    Manifest.Shard leaf,
    List<String> path) {

  public static final String FORMAT = "gukdae-inclusion-proof/1";
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public InclusionProof {
    if (!FORMAT.equals(format)) {
      throw UserError.of(
          "format: \"" + FORMAT + "\"이어야 합니다 (받은 값: " + format + ")",
          "format: must be \"" + FORMAT + "\", got " + format);
    }
    if (root == null || !HEX64.matcher(root).matches()) {
      throw UserError.of(
          "root: 소문자 16진수 64자리여야 합니다. 증명 파일을 다시 만드세요 (gukdae data prove)",
          "root: must be 64 lower-case hex digits; make the proof again (gukdae data prove)");
    }
    if (treeSize < 1 || leafIndex < 0 || leafIndex >= treeSize) {
      throw UserError.of(
          "leafIndex "
              + leafIndex
              + ", treeSize "
              + treeSize
              + ": 0 <= leafIndex < treeSize여야 합니다. 증명 파일을 다시 만드세요",
          "leafIndex "
              + leafIndex
              + ", treeSize "
              + treeSize
              + ": need 0 <= leafIndex < treeSize; make the proof again");
    }
    if (leaf == null) {
      throw UserError.of(
          "leaf: 없습니다. 증명 파일을 다시 만드세요", "leaf: the shard is required; make the proof again");
    }
    path = List.copyOf(path == null ? List.of() : path);
    for (String p : path) {
      if (p == null || !HEX64.matcher(p).matches()) {
        throw UserError.of(
            "path '" + p + "': 항목은 소문자 16진수 64자리여야 합니다. 증명 파일을 다시 만드세요",
            "path '" + p + "': entries must be 64 lower-case hex digits; make the proof again");
      }
    }
  }

  public static InclusionProof read(Path file) {
    return DataJson.read(file, InclusionProof.class);
  }

  /** True when the path leads from this leaf to {@code expectedRoot} (and to the stated root). */
  public boolean verifies(String expectedRoot) {
    if (!root.equals(expectedRoot)) {
      return false;
    }
    long fn = leafIndex;
    long sn = treeSize - 1L;
    byte[] r = MerkleTree.leafHash(leaf);
    HexFormat hex = HexFormat.of();
    for (String p : path) {
      if (sn == 0) {
        return false;
      }
      byte[] sibling = hex.parseHex(p);
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleTree.node(sibling, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = MerkleTree.node(r, sibling);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && hex.formatHex(r).equals(expectedRoot);
  }
}
