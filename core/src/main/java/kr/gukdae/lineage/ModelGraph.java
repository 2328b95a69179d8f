package kr.gukdae.lineage;

import java.util.Arrays;

/**
 * The model tree in columns: one slot per repo id (ints, longs and bytes, no object per record) and
 * an edge list from derivative to base, turned into child adjacency arrays by {@link #freeze()}.
 * Repos referenced as bases but never seen as records stay as absent nodes: deleted, private or not
 * yet ingested.
 */
final class ModelGraph {

  static final byte PRESENT = 1;
  static final byte SIBLINGS_KNOWN = 2;
  static final byte HAS_WEIGHTS = 4;

  final IdPool ids = new IdPool();
  final IdPool owners = new IdPool();

  long[] created = new long[1024];
  long[] modified = new long[1024];
  int[] downloads = new int[1024];
  int[] likes = new int[1024];
  int[] owner = new int[1024];
  int[] cardChars = new int[1024];
  int[] version = new int[1024];
  byte[] flags = new byte[1024];

  /** {@link RelationSource} ordinal + 1 of the node's own link to its bases; 0 for roots. */
  byte[] relationSource = new byte[1024];

  private int edges;
  private int[] edgeChild = new int[1024];
  private int[] edgeParent = new int[1024];
  private int[] edgeVersion = new int[1024];
  private byte[] edgeRelation = new byte[1024];

  /** After {@link #freeze()}: children of node n are childOf[childStart[n] .. childStart[n+1]). */
  int[] childStart = new int[0];

  int[] childOf = new int[0];
  byte[] childRelation = new byte[0];

  int size() {
    return ids.size();
  }

  int node(String id) {
    int before = ids.size();
    int n = ids.intern(id);
    if (n == before) {
      if (n >= flags.length) {
        grow(n + 1);
      }
      created[n] = RawModel.MISSING;
      modified[n] = RawModel.MISSING;
      downloads[n] = -1;
      likes[n] = -1;
      cardChars[n] = -1;
      owner[n] = owners.intern(ownerOf(id));
    }
    return n;
  }

  static String ownerOf(String id) {
    int slash = id.indexOf('/');
    return slash < 0 ? id : id.substring(0, slash);
  }

  boolean present(int n) {
    return (flags[n] & PRESENT) != 0;
  }

  void addEdge(int child, int parent, Relation relation) {
    if (edges == edgeChild.length) {
      int cap = edges * 2;
      edgeChild = Arrays.copyOf(edgeChild, cap);
      edgeParent = Arrays.copyOf(edgeParent, cap);
      edgeVersion = Arrays.copyOf(edgeVersion, cap);
      edgeRelation = Arrays.copyOf(edgeRelation, cap);
    }
    edgeChild[edges] = child;
    edgeParent[edges] = parent;
    edgeVersion[edges] = version[child];
    edgeRelation[edges] = relation.code();
    edges++;
  }

  /** Builds child adjacency from the edges of each node's current version, then drops the list. */
  void freeze() {
    int n = size();
    childStart = new int[n + 1];
    for (int e = 0; e < edges; e++) {
      if (edgeVersion[e] == version[edgeChild[e]]) {
        childStart[edgeParent[e] + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      childStart[i + 1] += childStart[i];
    }
    childOf = new int[childStart[n]];
    childRelation = new byte[childStart[n]];
    int[] fill = Arrays.copyOf(childStart, n);
    for (int e = 0; e < edges; e++) {
      if (edgeVersion[e] == version[edgeChild[e]]) {
        int at = fill[edgeParent[e]]++;
        childOf[at] = edgeChild[e];
        childRelation[at] = edgeRelation[e];
      }
    }
    edgeChild = edgeParent = edgeVersion = new int[0];
    edgeRelation = new byte[0];
    edges = 0;
  }

  private void grow(int min) {
    int cap = Math.max(min, flags.length * 2);
    created = Arrays.copyOf(created, cap);
    modified = Arrays.copyOf(modified, cap);
    downloads = Arrays.copyOf(downloads, cap);
    likes = Arrays.copyOf(likes, cap);
    owner = Arrays.copyOf(owner, cap);
    cardChars = Arrays.copyOf(cardChars, cap);
    version = Arrays.copyOf(version, cap);
    flags = Arrays.copyOf(flags, cap);
    relationSource = Arrays.copyOf(relationSource, cap);
  }
}
