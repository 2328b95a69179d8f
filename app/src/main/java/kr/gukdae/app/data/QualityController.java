package kr.gukdae.app.data;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.access.Principal;
import kr.gukdae.app.access.Role;
import kr.gukdae.data.quality.QualityReport;
import kr.gukdae.dataset.Datasets;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quality checks over REST: the designated body (the office) uploads a version's file, gets the
 * report, and after a correction uploads again to get the next round and its diff.
 */
@RestController
@RequestMapping("/api/data/datasets/{id}/versions/{version}/quality")
class QualityController {

  private static final int MAX_UPLOAD = 64 * 1024 * 1024;

  private final QualityStore store;
  private final Access access;

  QualityController(QualityStore store, Access access) {
    this.store = store;
    this.access = access;
  }

  /**
   * {@code format} is the file's extension (jsonl, csv, tsv, parquet); {@code field} the text
   * column.
   */
  @PostMapping
  QualityReport check(
      HttpServletRequest request,
      @PathVariable String id,
      @PathVariable String version,
      @RequestParam(defaultValue = "jsonl") String format,
      @RequestParam(defaultValue = "text") String field,
      @RequestBody byte[] body)
      throws IOException {
    access.require(request, Role.OFFICE);
    if (body.length > MAX_UPLOAD) {
      throw UserError.of(
          "업로드가 64 MiB보다 큽니다. 대신 파일에 gukdae data quality를 실행하세요",
          "upload larger than 64 MiB; run gukdae data quality on the file instead");
    }
    if (!format.matches("jsonl|csv|tsv|parquet|json")) {
      throw UserError.of(
          "format '" + format + "': jsonl, csv, tsv, json, parquet 중 하나를 사용하세요",
          "format '" + format + "': use jsonl, csv, tsv, json or parquet");
    }
    var rows = Datasets.read("upload." + format, new ByteArrayInputStream(body));
    return store.check(id, version, rows, field, store.limits().thresholds());
  }

  @GetMapping
  List<QualityReport> rounds(
      HttpServletRequest request, @PathVariable String id, @PathVariable String version) {
    mayRead(access.require(request, Role.OFFICE, Role.TEAM), id, version);
    return store.rounds(id, version);
  }

  /**
   * The office reads every report; a team only those of versions it built or of datasets it holds
   * an agreement for. An unknown version is a 400 before the ownership check says anything.
   */
  private void mayRead(Principal p, String id, String version) {
    if (!store.hasVersion(id, version)) {
      throw UserError.of(
          "데이터셋 " + id + "에 버전 '" + version + "'이(가) 없습니다. GET /api/data/datasets를 확인하세요",
          "dataset " + id + " has no version '" + version + "'; see GET /api/data/datasets");
    }
    if (!p.has(Role.OFFICE) && !store.concerns(id, version, p.team())) {
      throw new AccessDenied(
          HttpStatus.FORBIDDEN,
          "forbidden",
          "자기 팀이 구축했거나 계약한 데이터의 품질 보고서만 볼 수 있습니다 / a team reads quality reports only of data"
              + " it built or holds an agreement for (team "
              + p.team()
              + ")");
    }
  }

  @GetMapping("/diff")
  QualityReport.Diff diff(
      HttpServletRequest request,
      @PathVariable String id,
      @PathVariable String version,
      @RequestParam(defaultValue = "0") int round) {
    mayRead(access.require(request, Role.OFFICE, Role.TEAM), id, version);
    return store.diff(id, version, round);
  }
}
