package kr.gukdae.app.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import kr.gukdae.Sha256;
import kr.gukdae.app.access.AccessDenied;
import org.springframework.http.HttpStatus;

/**
 * Review artefacts on disk, content-addressed: {@code <home>/artefacts/<sha256>}. Kept on disk, not
 * as database blobs: reports and training logs run to hundreds of MiB, which would swell the
 * database and its backups, and neither H2 nor PostgreSQL's {@code bytea} streams through JDBC the
 * same way; the database keeps the SHA-256, which every read checks. A file is written to a
 * temporary {@code .part} beside its final place, hashed while it streams, and moved into place
 * atomically only when complete and within the limit: a reader never sees half a file, and an
 * upload cut off (or over the limit) leaves nothing behind.
 */
final class ArtefactFiles {

  /** What was stored: its SHA-256, size and whether it starts like a PDF. */
  record Stored(String sha256, long size, boolean pdf) {}

  private static final byte[] PDF = {'%', 'P', 'D', 'F'};

  private final Path dir;
  private final long limit;

  ArtefactFiles(Path dir, long limit) {
    this.dir = dir;
    this.limit = limit;
  }

  long limit() {
    return limit;
  }

  Path path(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a sha256: " + sha256);
    }
    return dir.resolve(sha256);
  }

  /** The refusal for a body over the limit, Korean and English, as the web boundary words it. */
  static AccessDenied tooLarge(long limit) {
    return new AccessDenied(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "too_large",
        "자료가 너무 큽니다 (최대 "
            + limit
            + " 바이트) / artefact over "
            + limit
            + " bytes; nothing was stored (the limit is gukdae.review.max-artefact-bytes)");
  }

  /**
   * Streams {@code in} to the store. Over the limit, empty, cut off, or not a PDF where one is
   * required: the partial file is deleted and nothing is stored. A file with the same content
   * already stored is simply kept.
   */
  Stored store(InputStream in, boolean pdfOnly) {
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      sweep();
      tmp = Files.createTempFile(dir, "upload", ".part");
      MessageDigest digest = Sha256.digest();
      byte[] head = new byte[PDF.length];
      long size = 0;
      byte[] buffer = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(tmp)) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          if (size < head.length) {
            System.arraycopy(buffer, 0, head, (int) size, (int) Math.min(n, head.length - size));
          }
          size += n;
          if (size > limit) {
            throw tooLarge(limit);
          }
          digest.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
        if (out instanceof java.io.FileOutputStream f) {
          f.getFD().sync();
        }
      }
      if (size == 0) {
        throw kr.gukdae.UserError.of("artefact: 파일이 비어 있습니다", "artefact: the file is empty");
      }
      boolean pdf = java.util.Arrays.equals(head, PDF);
      if (pdfOnly && !pdf) {
        throw kr.gukdae.UserError.of(
            "기술 보고서는 PDF여야 합니다 (파일이 %PDF로 시작하지 않습니다)",
            "a technical report must be a PDF (the file does not start with %PDF)");
      }
      String sha = Sha256.hex(digest);
      try {
        Files.move(tmp, path(sha), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, path(sha), StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      return new Stored(sha, size, pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the sweep removes it on a later upload
        }
      }
    }
  }

  /** Whether the stored file still hashes to its name (read in a stream, never whole). */
  boolean intact(String sha256) {
    try (InputStream in = Files.newInputStream(path(sha256))) {
      return Sha256.hex(in).equals(sha256);
    } catch (IOException e) {
      return false;
    }
  }

  /** Partial files a killed process left behind more than a day ago. */
  private void sweep() throws IOException {
    Instant cutoff = Instant.now().minus(Duration.ofDays(1));
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
        if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
