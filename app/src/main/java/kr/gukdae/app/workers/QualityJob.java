package kr.gukdae.app.workers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.app.data.QualityStore;
import kr.gukdae.data.quality.QualityCheck;
import kr.gukdae.data.quality.QualityReport;
import kr.gukdae.data.quality.QualityScan;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.dataset.Datasets;
import kr.gukdae.dataset.Row;
import tools.jackson.core.type.TypeReference;

/**
 * A quality scan ({@code gukdae data quality}) cut into row ranges: each piece computes what its
 * rows show alone (patterns, MinHash signatures); the merge meets the rows with each other in file
 * order (exact copies, near copies through the MinHash buckets, so a copy whose original lies in
 * another piece is still found) and gives the report one process gives. The file's SHA-256 is fixed
 * at submission; a worker whose copy differs refuses the piece.
 */
final class QualityJob implements JobKind<List<QualityCheck.RowFacts>> {

  static final String NAME = "quality";

  /** A piece's result: what each of its rows shows alone, in row order. */
  private static final PieceCodec<List<QualityCheck.RowFacts>> RESULTS =
      PieceCodec.of(NAME, new TypeReference<List<QualityCheck.RowFacts>>() {});

  /** The file as every worker sees it, the text field, and the limits in force at submission. */
  record Spec(
      String file,
      String sha256,
      String field,
      String dataset,
      String version,
      Thresholds limits,
      int rowsPerPiece) {
    Spec {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(limits, "limits");
      if (rowsPerPiece < 1) {
        throw UserError.of(
            "rowsPerShard는 1 이상이어야 합니다. 받은 값: " + rowsPerPiece,
            "rowsPerShard must be at least 1, got " + rowsPerPiece);
      }
    }

    /** Whether the report is stored as a round of a registered version ({@code -}: not). */
    boolean recorded() {
      return !version.equals("-");
    }
  }

  record PieceSpec(int first, int end) {}

  /**
   * What a piece keeps per row of its own (a MinHash signature, patterns, a hash), rounded up: its
   * memory need. Each piece needs a CPU (its facts are computed a batch at a time on every core).
   */
  static final long BYTES_PER_ROW = 4096;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PieceCodec<List<QualityCheck.RowFacts>> codec() {
    return RESULTS;
  }

  @Override
  public List<Piece> split(String spec) {
    Spec s = JobJson.read(spec, Spec.class, "quality job");
    int[] n = {0};
    read(s, row -> n[0]++);
    List<Piece> pieces = new ArrayList<>();
    for (int first = 0; first == 0 || first < n[0]; first += s.rowsPerPiece()) {
      int end = Math.min(n[0], first + s.rowsPerPiece());
      pieces.add(
          new Piece(
              "rows " + (first + 1) + "–" + end,
              JobJson.write(new PieceSpec(first, end)),
              new Capacity(1, Capacity.mib((end - first) * BYTES_PER_ROW))));
    }
    return pieces;
  }

  @Override
  public List<QualityCheck.RowFacts> run(String jobId, String spec, String piece) {
    Spec s = JobJson.read(spec, Spec.class, "quality job");
    PieceSpec p = JobJson.read(piece, PieceSpec.class, "quality piece");
    if (p.first() < 0 || p.end() < p.first()) {
      throw UserError.of(
          "job " + jobId + ": 행 범위 " + p.first() + ".." + p.end() + "이(가) 올바르지 않습니다",
          "job " + jobId + ": rows " + p.first() + ".." + p.end() + " is not a range");
    }
    // Only this piece's rows are kept (their facts computed a batch at a time on every core);
    // the rest of the file is read for its SHA-256 only.
    List<QualityCheck.RowFacts> facts = new ArrayList<>();
    List<Row> batch = new ArrayList<>();
    int[] at = {0};
    int rows =
        read(
            s,
            row -> {
              int i = at[0]++;
              if (i >= p.end()) {
                throw PAST_PIECE;
              }
              if (i >= p.first()) {
                batch.add(row);
                if (batch.size() == 1024) {
                  facts.addAll(QualityCheck.facts(batch, s.field()));
                  batch.clear();
                }
              }
            });
    facts.addAll(QualityCheck.facts(batch, s.field()));
    if (rows < p.end()) {
      throw UserError.of(
          "job " + jobId + ": 행 범위 " + p.first() + ".." + p.end() + "이(가) 전체 " + rows + "행을 벗어납니다",
          "job " + jobId + ": rows " + p.first() + ".." + p.end() + " of " + rows);
    }
    return facts;
  }

  /**
   * Joins the pieces' facts in row order through a {@link QualityScan} (temp files, bounded
   * memory). A job that names a registered dataset version stores its report as that version's next
   * round, as a direct check does, in the transaction that finishes the job.
   */
  @Override
  public Joined join(String jobId, String spec, List<List<QualityCheck.RowFacts>> results) {
    Spec s = JobJson.read(spec, Spec.class, "quality job");
    QualityReport report;
    try (QualityScan scan = new QualityScan(s.dataset(), s.version(), 1, s.limits())) {
      for (List<QualityCheck.RowFacts> piece : results) {
        piece.forEach(scan::add);
      }
      report = scan.finish();
    }
    if (!s.recorded()) {
      String json = JobJson.write(report);
      return jdbc -> json;
    }
    return jdbc -> JobJson.write(QualityStore.recordNextRound(jdbc, report));
  }

  /** Thrown to stop reading rows once a piece has its own; the bytes are still hashed. */
  private static final RuntimeException PAST_PIECE =
      new RuntimeException("past the piece", null, false, false) {};

  /**
   * Streams the file's rows to {@code each} (until it throws {@link #PAST_PIECE}) and refuses the
   * file when its bytes are not those submitted; returns how many rows were handed on.
   */
  static int read(Spec s, Consumer<Row> each) {
    Path file = Path.of(s.file());
    int[] n = {0};
    MessageDigest digest = Sha256.digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      try {
        Datasets.forEach(
            file.toString(),
            in,
            row -> {
              each.accept(row);
              n[0]++;
            });
      } catch (RuntimeException e) {
        if (e != PAST_PIECE) {
          throw e;
        }
      }
      in.transferTo(OutputStream.nullOutputStream());
    } catch (NoSuchFileException e) {
      throw UserError.of(file + ": 이 워커에서 파일을 찾을 수 없습니다", file + ": file not found on this worker");
    } catch (IOException e) {
      throw UserError.unreadable(file, e);
    }
    String sha = Sha256.hex(digest);
    if (!sha.equals(s.sha256())) {
      throw UserError.of(
          file + ": 이 워커의 사본이 제출된 파일과 다릅니다 (SHA-256 여기 " + sha + ", 제출 " + s.sha256() + ")",
          file
              + ": this worker's copy differs from the submitted one (SHA-256 "
              + sha
              + " here, "
              + s.sha256()
              + " submitted)");
    }
    return n[0];
  }
}
