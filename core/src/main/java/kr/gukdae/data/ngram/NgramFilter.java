package kr.gukdae.data.ngram;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;

/**
 * A Bloom filter of hashed n-grams: what a team hands over instead of its training text. Memory is
 * fixed by {@code log2Bits} whatever the size of the data. File layout: the 8 bytes {@code
 * GKNGRAM1}, a 4-byte big-endian header length, the header as JSON ({@link Header}), the bits as
 * big-endian longs, and the SHA-256 of everything before it (so a cut or edited file is refused
 * rather than audited).
 */
public final class NgramFilter {

  static final byte[] MAGIC = "GKNGRAM1".getBytes(StandardCharsets.US_ASCII);

  /** The header of an n-gram file. */
  public record Header(String format, NgramParams params, long ngrams, long documents, long bytes) {
    public static final String FORMAT = "gukdae-ngrams/1";

    public Header {
      if (!FORMAT.equals(format)) {
        throw UserError.of(
            "format: " + FORMAT + "이어야 합니다 (받은 값 " + format + "). gukdae data ngrams로 다시 만드세요",
            "format: must be " + FORMAT + ", got " + format + "; rebuild with gukdae data ngrams");
      }
      if (params == null || ngrams < 0 || documents < 0 || bytes < 0) {
        throw UserError.of(
            "params가 없거나 ngrams/documents/bytes가 음수입니다. gukdae data ngrams로 다시 만드세요",
            "params and non-negative ngrams/documents/bytes are required; rebuild with gukdae data"
                + " ngrams");
      }
    }
  }

  private final NgramParams params;
  private final long[] bits;
  private final long mask;
  private long ngrams;
  private long documents;
  private long bytes;

  public NgramFilter(NgramParams params) {
    this.params = params;
    long size = 1L << params.log2Bits();
    this.bits = new long[(int) Math.max(1, size >>> 6)];
    this.mask = size - 1;
  }

  public NgramParams params() {
    return params;
  }

  public long ngrams() {
    return ngrams;
  }

  /** Adds every n-gram of one document (a record of training text). */
  public void addDocument(String text) {
    addHashes(new long[][] {hashesOf(text)}, 1, utf8Length(text));
  }

  /** The n-gram hashes of a document: the costly, thread-safe half of {@link #addDocument}. */
  long[] hashesOf(String text) {
    Terms terms = new Terms(text.length());
    params.normaliserValue().forEachTerm(text, terms);
    int n = params.n();
    int count = Math.max(0, terms.count - n + 1);
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = NgramHash.of(terms.chars, terms.ends, i, n);
    }
    return out;
  }

  /** A document's terms packed end to end, for {@link NgramHash#of(char[], int[], int, int)}. */
  private static final class Terms implements Normaliser.TermSink {
    char[] chars;
    int[] ends = new int[64];
    int count;
    int used;

    Terms(int textLength) {
      chars = new char[Math.max(16, textLength)];
    }

    @Override
    public void term(char[] term, int length, int start, int end) {
      if (used + length > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
      }
      System.arraycopy(term, 0, chars, used, length);
      used += length;
      if (count == ends.length) {
        ends = Arrays.copyOf(ends, count * 2);
      }
      ends[count++] = used;
    }
  }

  /**
   * Sets the bits of documents' n-grams. Plain stores under one lock, held per batch of documents:
   * atomic ORs would free the lock but serialise the cache misses of a large filter, which measured
   * slower, and setting bits is a small share next to tokenising.
   */
  synchronized void addHashes(long[][] hashes, int count, long documentBytes) {
    for (int d = 0; d < count; d++) {
      for (long h : hashes[d]) {
        set(h);
      }
      ngrams += hashes[d].length;
    }
    documents += count;
    bytes += documentBytes;
  }

  static long utf8Length(String text) {
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }

  private void set(long hash) {
    long h1 = hash;
    long h2 = (hash >>> 32) | (hash << 32) | 1;
    for (int i = 0; i < params.hashes(); i++) {
      long bit = (h1 + i * h2) & mask;
      bits[(int) (bit >>> 6)] |= 1L << bit;
    }
  }

  boolean mightContain(long hash) {
    long h1 = hash;
    long h2 = (hash >>> 32) | (hash << 32) | 1;
    for (int i = 0; i < params.hashes(); i++) {
      long bit = (h1 + i * h2) & mask;
      if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The chance that an n-gram never added still looks present, from the bits actually set. */
  public double falsePositiveRate() {
    long set = 0;
    for (long word : bits) {
      set += Long.bitCount(word);
    }
    return Math.pow((double) set / (mask + 1), params.hashes());
  }

  public Header header() {
    return new Header(Header.FORMAT, params, ngrams, documents, bytes);
  }

  /** Merges another filter built with the same parameters (e.g. one per shard, in parallel). */
  public void merge(NgramFilter other) {
    if (!other.params.equals(params)) {
      throw UserError.of(
          "매개변수가 다른 n-gram 필터는 합칠 수 없습니다",
          "cannot merge n-gram filters built with different parameters");
    }
    for (int i = 0; i < bits.length; i++) {
      bits[i] |= other.bits[i];
    }
    ngrams += other.ngrams;
    documents += other.documents;
    bytes += other.bytes;
  }

  public void write(Path file) {
    Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      MessageDigest digest = Sha256.digest();
      var out = new DataOutputStream(new DigestOutputStream(raw, digest));
      byte[] header = DataJson.MAPPER.writeValueAsBytes(header());
      out.write(MAGIC);
      out.writeInt(header.length);
      out.write(header);
      for (long word : bits) {
        out.writeLong(word);
      }
      out.flush();
      raw.write(digest.digest());
    } catch (IOException e) {
      throw UserError.of(
          file + ": 쓸 수 없습니다 (" + e.getMessage() + ")",
          file + ": cannot write (" + e.getMessage() + ")",
          e);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw UserError.of(
          file + ": 쓸 수 없습니다 (" + e.getMessage() + ")",
          file + ": cannot write (" + e.getMessage() + ")",
          e);
    }
  }

  /**
   * Whether {@code file} is a regular file (not a link) that starts as an n-gram file does: what a
   * job checks before it replaces a file, so it never overwrites anything else.
   */
  public static boolean isNgramFile(Path file) {
    if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  public static NgramFilter read(Path file) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      MessageDigest digest = Sha256.digest();
      var in = new DataInputStream(new DigestInputStream(raw, digest));
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw UserError.of(
            file + ": gukdae n-gram 파일이 아닙니다 (gukdae data ngrams로 만드세요)",
            file + ": not a gukdae n-gram file (make it with gukdae data ngrams)");
      }
      int length = in.readInt();
      if (length < 2 || length > 1 << 16) {
        throw UserError.of(
            file + ": 헤더가 손상되었습니다. gukdae data ngrams로 다시 만드세요",
            file + ": damaged header; rebuild it with gukdae data ngrams");
      }
      Header header =
          DataJson.read(
              file + " (header)",
              new String(in.readNBytes(length), StandardCharsets.UTF_8),
              Header.class);
      NgramFilter filter = new NgramFilter(header.params());
      for (int i = 0; i < filter.bits.length; i++) {
        filter.bits[i] = in.readLong();
      }
      byte[] expected = digest.digest();
      byte[] stored = raw.readNBytes(32);
      if (!Arrays.equals(expected, stored) || raw.read() != -1) {
        throw UserError.of(
            file + ": 체크섬이 맞지 않습니다(파일이 잘렸거나 수정됨). 다시 만들거나 다시 복사하세요",
            file + ": checksum mismatch (file cut or edited); rebuild or copy it again");
      }
      filter.ngrams = header.ngrams();
      filter.documents = header.documents();
      filter.bytes = header.bytes();
      return filter;
    } catch (NoSuchFileException e) {
      throw UserError.of(file + ": 파일이 없습니다", file + ": file not found");
    } catch (EOFException e) {
      throw UserError.of(
          file + ": 파일이 중간에 끝납니다(복사 중 잘렸나요?). 다시 복사하세요",
          file + ": file ends early (cut while copying?); copy it again",
          e);
    } catch (IOException e) {
      throw UserError.unreadable(file, e);
    }
  }
}
