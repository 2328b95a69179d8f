package kr.gukdae.app.workers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.data.quality.QualityCheck;
import kr.gukdae.data.quality.QualityReport;
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
final class QualityJob implements JobKind {

  static final String NAME = "quality";

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
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(limits, "limits");
      if (rowsPerPiece < 1) {
        throw UserError.of(
            "rowsPerShard는 1 이상이어야 합니다. 받은 값: " + rowsPerPiece,
            "rowsPerShard must be at least 1, got " + rowsPerPiece);
      }
    }
  }

  record PieceSpec(int first, int end) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Piece> split(String spec) {
    Spec s = JobJson.read(spec, Spec.class, "quality job");
    int n = rows(s).size();
    List<Piece> pieces = new ArrayList<>();
    for (int first = 0; first == 0 || first < n; first += s.rowsPerPiece()) {
      int end = Math.min(n, first + s.rowsPerPiece());
      pieces.add(
          new Piece("rows " + (first + 1) + "–" + end, JobJson.write(new PieceSpec(first, end))));
    }
    return pieces;
  }

  @Override
  public String run(String jobId, String spec, String piece) {
    Spec s = JobJson.read(spec, Spec.class, "quality job");
    PieceSpec p = JobJson.read(piece, PieceSpec.class, "quality piece");
    List<Row> rows = rows(s);
    if (p.first() < 0 || p.end() < p.first() || p.end() > rows.size()) {
      throw UserError.of(
          "job "
              + jobId
              + ": 행 범위 "
              + p.first()
              + ".."
              + p.end()
              + "이(가) 전체 "
              + rows.size()
              + "행을 벗어납니다",
          "job " + jobId + ": rows " + p.first() + ".." + p.end() + " of " + rows.size());
    }
    List<QualityCheck.RowFacts> facts = new ArrayList<>();
    rows.subList(p.first(), p.end()).forEach(r -> facts.add(QualityCheck.facts(r, s.field())));
    return JobJson.write(facts);
  }

  @Override
  public Joined join(String jobId, String spec, List<String> results) {
    Spec s = JobJson.read(spec, Spec.class, "quality job");
    List<QualityCheck.RowFacts> all = new ArrayList<>();
    for (String r : results) {
      all.addAll(
          JobJson.read(r, new TypeReference<List<QualityCheck.RowFacts>>() {}, "piece result"));
    }
    QualityReport report = QualityCheck.join(s.dataset(), s.version(), 1, all, s.limits());
    String json = JobJson.write(report);
    return jdbc -> json;
  }

  /** The file's rows, refused when its bytes are not those submitted. */
  static List<Row> rows(Spec s) {
    Path file = Path.of(s.file());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw UserError.of(file + ": 이 워커에서 파일을 찾을 수 없습니다", file + ": file not found on this worker");
    } catch (IOException e) {
      throw UserError.of(
          file + ": 읽을 수 없습니다 (" + e.getMessage() + ")",
          file + ": cannot read (" + e.getMessage() + ")",
          e);
    }
    String sha = Sha256.hex(bytes);
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
    try {
      return Datasets.read(file.toString(), new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw UserError.of(
          file + ": 읽을 수 없습니다 (" + e.getMessage() + ")",
          file + ": cannot read (" + e.getMessage() + ")",
          e);
    }
  }
}
