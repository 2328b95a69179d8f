package kr.gukdae.app.data;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Role;
import kr.gukdae.data.quality.QualityReport;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.dataset.Datasets;
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
      throw new UserError("upload larger than 64 MiB; run gukdae data quality on the file instead");
    }
    if (!format.matches("jsonl|csv|tsv|parquet|json")) {
      throw new UserError("format '" + format + "': use jsonl, csv, tsv, json or parquet");
    }
    var rows = Datasets.read("upload." + format, new ByteArrayInputStream(body));
    return store.check(id, version, rows, field, Thresholds.DEFAULT);
  }

  @GetMapping
  List<QualityReport> rounds(
      HttpServletRequest request, @PathVariable String id, @PathVariable String version) {
    access.require(request, Role.OFFICE, Role.REVIEWER, Role.TEAM);
    return store.rounds(id, version);
  }

  @GetMapping("/diff")
  QualityReport.Diff diff(
      HttpServletRequest request,
      @PathVariable String id,
      @PathVariable String version,
      @RequestParam(defaultValue = "0") int round) {
    access.require(request, Role.OFFICE, Role.REVIEWER, Role.TEAM);
    return store.diff(id, version, round);
  }
}
