package kr.gukdae.app.workers;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Principal;
import kr.gukdae.app.access.Role;
import kr.gukdae.data.ngram.NgramParams;
import kr.gukdae.data.ngram.Normaliser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: {@code POST /api/jobs/ngrams}, a contamination n-gram index built by the workers from
 * training files on the server (office only: it reads and writes files there). Followed like every
 * job, at {@code /api/jobs/{id}}.
 */
@RestController
@RequestMapping("/api/jobs")
class NgramsJobController {

  /**
   * The body: what {@code gukdae data ngrams} takes, with paths as the server and workers see them.
   */
  record NgramsRequest(
      List<String> files,
      String out,
      @Nullable String field,
      @Nullable Integer n,
      @Nullable String normaliser,
      @Nullable Integer log2Bits,
      @Nullable Integer hashes,
      @Nullable Long bytesPerShard) {}

  /** 1 GiB per piece: each piece holds a whole filter (2^log2Bits bits) in memory and on disk. */
  static final long DEFAULT_BYTES_PER_PIECE = 1L << 30;

  private final Jobs jobs;
  private final Access access;

  NgramsJobController(Jobs jobs, Access access) {
    this.jobs = jobs;
    this.access = access;
  }

  @PostMapping("/ngrams")
  ResponseEntity<JobsController.Submitted> ngrams(
      HttpServletRequest http, @RequestBody NgramsRequest body) {
    Principal p = access.require(http, Role.OFFICE);
    if (body.files() == null || body.files().isEmpty() || body.out() == null) {
      throw UserError.of("files와 out을 지정하세요", "files and out are required");
    }
    NgramParams params;
    try {
      params =
          NgramParams.of(
              body.n() == null ? 13 : body.n(),
              Normaliser.fromId(
                  body.normaliser() == null ? Normaliser.DEFAULT_ID : body.normaliser()),
              body.log2Bits() == null ? 30 : body.log2Bits(),
              body.hashes() == null ? 7 : body.hashes());
    } catch (IllegalArgumentException e) {
      throw UserError.of(
          "잘못된 n-gram 설정입니다 (" + e.getMessage() + ")",
          "invalid n-gram settings (" + e.getMessage() + ")");
    }
    var spec =
        new NgramsJob.Spec(
            body.files().stream().map(f -> new NgramsJob.Source(f, 0)).toList(),
            body.field() == null ? "text" : body.field(),
            params,
            body.out(),
            body.bytesPerShard() == null ? DEFAULT_BYTES_PER_PIECE : body.bytesPerShard());
    String id = jobs.submitNgrams(spec, p.id());
    JobProgress progress = jobs.progress(id).orElseThrow();
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            new JobsController.Submitted(
                id, NgramsJob.NAME, progress.shardsTotal(), "/api/jobs/" + id, "/jobs/?id=" + id));
  }
}
