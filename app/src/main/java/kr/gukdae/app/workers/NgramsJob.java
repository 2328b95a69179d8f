package kr.gukdae.app.workers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.data.ngram.NgramFilter;
import kr.gukdae.data.ngram.NgramParams;
import kr.gukdae.data.ngram.ParallelIndexer;
import kr.gukdae.data.ngram.TrainingText;

/**
 * A contamination n-gram index ({@code gukdae data ngrams}) cut into byte ranges of the training
 * files: each piece hashes the documents of the lines that start in its range into a filter of its
 * own and writes it beside the output ({@code <out>.part<k>}); the merge ORs the pieces' bits and
 * adds their counts, which is the file one process writes, byte for byte (setting a bit does not
 * depend on order, and the counts are sums). CSV and Parquet files are one piece each. A piece
 * refuses a file whose size, or the SHA-256 of its byte range, is not the one seen at submission:
 * the ranges cover the file, so a job finishes only on the submitted bytes, each piece reading its
 * own range twice and not the whole file.
 */
final class NgramsJob implements JobKind<NgramsJob.PartResult> {

  static final String NAME = "ngrams";

  private static final PieceCodec<PartResult> RESULTS = PieceCodec.of(NAME, PartResult.class);

  /** A training file as every worker sees it, and its size at submission. */
  record Source(String path, long size) {
    Source {
      Objects.requireNonNull(path, "path");
    }
  }

  /** What to index, as {@code gukdae data ngrams} takes it. */
  record Spec(
      List<Source> files, String field, NgramParams params, String out, long bytesPerPiece) {
    Spec {
      files = List.copyOf(files);
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(params, "params");
      Objects.requireNonNull(out, "out");
      if (files.isEmpty()) {
        throw UserError.of("files: 학습 파일을 하나 이상 지정하세요", "files: give at least one training file");
      }
      if (bytesPerPiece < 1) {
        throw UserError.of(
            "bytesPerShard는 1 이상이어야 합니다. 받은 값: " + bytesPerPiece,
            "bytesPerShard must be at least 1, got " + bytesPerPiece);
      }
    }
  }

  /**
   * Bytes {@code [from, to)} of file {@code file}, with the SHA-256 of those bytes (up to the end
   * of the file) at submission; {@code part} numbers the partial filter.
   */
  record PieceSpec(int file, long from, long to, int part, String sha256) {
    PieceSpec {
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /** What a piece wrote: its partial filter and the file's SHA-256, checked by the merge. */
  record PartResult(String path, String sha256, long ngrams, long documents) {
    PartResult {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /** The job's result: the n-gram file as one process writes it. */
  record Result(
      String out, String sha256, NgramFilter.Header header, double falsePositiveRate, int pieces) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PieceCodec<PartResult> codec() {
    return RESULTS;
  }

  @Override
  public List<Piece> split(String spec) {
    Spec s = JobJson.read(spec, Spec.class, "ngrams job");
    List<Piece> pieces = new ArrayList<>();
    for (int f = 0; f < s.files().size(); f++) {
      Source file = s.files().get(f);
      String name = String.valueOf(Path.of(file.path()).getFileName());
      Path path = Path.of(file.path());
      if (!TrainingText.splittable(path)) {
        pieces.add(
            piece(s, name, f, 0, Long.MAX_VALUE, pieces.size(), sha256(path, 0, file.size())));
        continue;
      }
      for (long from = 0; from == 0 || from < file.size(); from += s.bytesPerPiece()) {
        long to = Math.min(file.size(), from + s.bytesPerPiece());
        pieces.add(piece(s, name, f, from, to, pieces.size(), sha256(path, from, to)));
      }
    }
    return pieces;
  }

  private static Piece piece(
      Spec s, String name, int file, long from, long to, int part, String sha) {
    String range =
        to == Long.MAX_VALUE ? "" : String.format(Locale.ROOT, " bytes %,d–%,d", from, to);
    return new Piece(
        name + range,
        JobJson.write(new PieceSpec(file, from, to, part, sha)),
        new Capacity(1, Capacity.mib(filterBytes(s))));
  }

  /** A piece holds one whole filter; the merge two (the sum and the part it reads). */
  @Override
  public Capacity mergeNeeds(String spec) {
    return new Capacity(
        1, Capacity.mib(2 * filterBytes(JobJson.read(spec, Spec.class, "ngrams job"))));
  }

  private static long filterBytes(Spec s) {
    return (1L << s.params().log2Bits()) / 8;
  }

  @Override
  public PartResult run(String jobId, String spec, String piece) {
    Spec s = JobJson.read(spec, Spec.class, "ngrams job");
    PieceSpec p = JobJson.read(piece, PieceSpec.class, "ngrams piece");
    if (p.file() < 0 || p.file() >= s.files().size() || p.from() < 0 || p.to() < p.from()) {
      throw UserError.of(
          "job " + jobId + ": 조각 " + piece + "이(가) 작업의 파일 범위를 벗어납니다",
          "job " + jobId + ": piece " + piece + " lies outside the job's files");
    }
    Source source = s.files().get(p.file());
    Path file = Path.of(source.path());
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw UserError.of(file + ": 이 워커에서 파일을 찾을 수 없습니다", file + ": file not found on this worker");
    }
    if (size != source.size()) {
      throw UserError.of(
          file
              + ": 이 워커의 사본이 제출된 파일과 다릅니다 (크기 여기 "
              + size
              + ", 제출 "
              + source.size()
              + "; 작업 "
              + jobId
              + ")",
          file
              + ": this worker's copy differs from the submitted one (size "
              + size
              + " here, "
              + source.size()
              + " submitted; job "
              + jobId
              + ")");
    }
    // the bytes of this piece's range, streamed: with every other piece's, the whole file
    long end = Math.min(p.to(), size);
    String sha = sha256(file, p.from(), end);
    if (!sha.equals(p.sha256())) {
      String range = String.format(Locale.ROOT, "%,d–%,d", p.from(), end);
      throw UserError.of(
          file
              + ": 이 워커의 사본이 제출된 파일과 다릅니다 (바이트 "
              + range
              + "의 SHA-256 여기 "
              + sha
              + ", 제출 "
              + p.sha256()
              + "; 작업 "
              + jobId
              + ")",
          file
              + ": this worker's copy differs from the submitted one (SHA-256 of bytes "
              + range
              + " "
              + sha
              + " here, "
              + p.sha256()
              + " submitted; job "
              + jobId
              + ")");
    }
    NgramFilter filter = new NgramFilter(s.params());
    try (var indexer = new ParallelIndexer(filter, Runtime.getRuntime().availableProcessors())) {
      if (TrainingText.splittable(file)) {
        TrainingText.forEachDocument(file, s.field(), p.from(), p.to(), indexer);
      } else {
        TrainingText.forEachDocument(file, s.field(), indexer);
      }
    }
    Path part = part(s, p.part());
    filter.write(part);
    return new PartResult(
        part.toString(), sha256(part), filter.ngrams(), filter.header().documents());
  }

  @Override
  public Joined join(String jobId, String spec, List<PartResult> results) {
    Spec s = JobJson.read(spec, Spec.class, "ngrams job");
    Path out = output(s);
    NgramFilter merged = new NgramFilter(s.params());
    List<Path> parts = new ArrayList<>();
    for (PartResult part : results) {
      Path path = Path.of(part.path());
      if (!path.equals(part(s, parts.size()))) {
        throw UserError.of(
            "job " + jobId + ": 조각 결과가 이 작업의 부분 파일이 아닙니다: " + path,
            "job " + jobId + ": a piece's result is not one of this job's partial files: " + path);
      }
      String sha = sha256(path);
      if (!sha.equals(part.sha256())) {
        throw UserError.of(
            path + ": 조각이 쓴 뒤 부분 파일이 바뀌었습니다 (SHA-256 " + sha + ", 기록 " + part.sha256() + ")",
            path
                + ": the partial file changed after its piece wrote it (SHA-256 "
                + sha
                + ", recorded "
                + part.sha256()
                + ")");
      }
      merged.merge(NgramFilter.read(path));
      parts.add(path);
    }
    merged.write(out);
    String json =
        JobJson.write(
            new Result(
                out.toString(),
                sha256(out),
                merged.header(),
                merged.falsePositiveRate(),
                parts.size()));
    return jdbc -> {
      // Only the merge's holder, finishing the job, removes the partial files: a merge that lost
      // its lease leaves them for its successor.
      for (Path part : parts) {
        try {
          Files.deleteIfExists(part);
        } catch (IOException e) {
          // a leftover part is only disk space; the result is written
        }
      }
      return json;
    };
  }

  static Path part(Spec s, int part) {
    Path out = output(s);
    return out.resolveSibling(out.getFileName() + ".part" + part);
  }

  /**
   * The output, refused unless it is a {@code .ngrams} file that is new or already an n-gram file:
   * a spec edited in the database cannot make a worker overwrite anything else.
   */
  static Path output(Spec s) {
    Path out = Path.of(s.out());
    if (!out.isAbsolute() || !out.getFileName().toString().endsWith(".ngrams")) {
      throw UserError.of(
          "out: '" + s.out() + "'은(는) .ngrams로 끝나는 절대 경로여야 합니다",
          "out: '" + s.out() + "' must be an absolute path ending in .ngrams");
    }
    if (Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && !NgramFilter.isNgramFile(out)) {
      throw UserError.of(
          out + ": n-gram 파일이 아닌 파일을 덮어쓰지 않습니다",
          out + ": will not overwrite a file that is not an n-gram file");
    }
    return out;
  }

  /** The SHA-256 of bytes {@code [from, to)} of the file, read in parts. */
  static String sha256(Path file, long from, long to) {
    MessageDigest digest = Sha256.digest();
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    try (FileChannel channel = FileChannel.open(file)) {
      long at = from;
      while (at < to) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), to - at));
        int n = channel.read(buffer, at);
        if (n < 0) {
          break; // shorter than the range: its hash differs, which the caller reports
        }
        digest.update(buffer.array(), 0, n);
        at += n;
      }
    } catch (IOException e) {
      throw UserError.unreadable(file, e);
    }
    return Sha256.hex(digest);
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Sha256.hex(in);
    } catch (IOException e) {
      throw UserError.unreadable(file, e);
    }
  }
}
