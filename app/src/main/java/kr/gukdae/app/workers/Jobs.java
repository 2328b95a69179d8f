package kr.gukdae.app.workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.data.quality.Thresholds;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Submits originality checks and quality scans to the job queue, and reads jobs back. Paths in a
 * request name files on the server and on every worker: they must lie under one of the configured
 * roots ({@code gukdae.jobs.roots}, default the gukdae home), after symbolic links are resolved, so
 * an account cannot point a job at files the programme never meant to be read.
 */
@Service
class Jobs {

  /** One job in the list. */
  record JobRow(String id, String kind, String label, String status, OffsetDateTime createdAt) {}

  private final JobQueue queue;
  private final List<Path> roots;

  private final JobSeal seal;

  Jobs(
      DataSource dataSource,
      @Value("${gukdae.jobs.roots:${gukdae.home}}") String roots,
      @Value("${gukdae.secret:}") String secret,
      @Value("${gukdae.home}") Path home) {
    this.queue = new JobQueue(dataSource);
    this.seal = JobSeal.of(secret, home);
    this.roots =
        Arrays.stream(roots.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(s -> Path.of(s).toAbsolutePath().normalize())
            .toList();
  }

  JdbcClient jdbc() {
    return queue.jdbc();
  }

  String submitOriginality(OriginalityJob.Spec spec, String by) {
    String log = spec.log() == null ? null : allowed("log", spec.log());
    var checked =
        new OriginalityJob.Spec(
            allowed("candidate", spec.candidate()),
            spec.name(),
            spec.references().stream()
                .map(r ->
                    new OriginalityJob.Named(
                        r.name(), allowed("references[" + r.name() + "]", r.path())))
                .toList(),
            spec.nulls().stream().map(n -> allowed("nulls", n)).toList(),
            spec.permutations(),
            spec.align(),
            spec.pairsPerPiece(),
            log,
            log == null ? null : OriginalityJob.sha256(Path.of(log), "log"),
            spec.vocab(),
            spec.claimedTokens());
    return submit(
        new OriginalityJob(), checked.name() + " vs " + names(checked), JobJson.write(checked), by);
  }

  String submitQuality(
      String file,
      String field,
      @Nullable String dataset,
      @Nullable String version,
      Thresholds limits,
      int rowsPerPiece,
      String by) {
    if ((dataset == null) != (version == null) || "-".equals(version)) {
      throw UserError.of(
          "dataset과 version은 함께 주어야 합니다 (등록된 버전의 회차로 기록). 기록하지 않으려면 둘 다 빼세요",
          "give dataset and version together (the report is recorded as a round of that registered"
              + " version), or neither");
    }
    String path = allowed("file", file);
    String sha;
    try (var in = Files.newInputStream(Path.of(path))) {
      sha = Sha256.hex(in); // streamed: the file may be far larger than memory
    } catch (IOException e) {
      throw UserError.of(
          "file: " + path + "을(를) 읽을 수 없습니다 (" + e.getMessage() + ")",
          "file: cannot read " + path + " (" + e.getMessage() + ")");
    }
    String name = dataset != null ? dataset : String.valueOf(Path.of(path).getFileName());
    var spec =
        new QualityJob.Spec(
            path, sha, field, name, version == null ? "-" : version, limits, rowsPerPiece);
    return submit(new QualityJob(), name + " · " + field, JobJson.write(spec), by);
  }

  /**
   * An n-gram index build: the training files must lie under the roots, the output in a folder
   * under them, named {@code *.ngrams}, and not exist yet (a job never replaces a file).
   */
  String submitNgrams(NgramsJob.Spec spec, String by) {
    List<NgramsJob.Source> files = new ArrayList<>();
    for (NgramsJob.Source f : spec.files()) {
      String path = allowed("files", f.path());
      try {
        files.add(new NgramsJob.Source(path, Files.size(Path.of(path))));
      } catch (IOException e) {
        throw UserError.of(
            "files: " + path + "을(를) 읽을 수 없습니다 (" + e.getMessage() + ")",
            "files: cannot read " + path + " (" + e.getMessage() + ")");
      }
    }
    Path out = Path.of(spec.out());
    if (out.getFileName() == null
        || !out.getFileName().toString().endsWith(".ngrams")
        || out.getParent() == null) {
      throw UserError.of(
          "out: '" + spec.out() + "'은(는) .ngrams로 끝나는 절대 경로여야 합니다",
          "out: '" + spec.out() + "' must be an absolute path ending in .ngrams");
    }
    Path target = Path.of(allowed("out", out.getParent().toString())).resolve(out.getFileName());
    if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw UserError.of(
          "out: " + target + "이(가) 이미 있습니다. 새 이름을 지정하세요",
          "out: " + target + " already exists; choose a new name");
    }
    var checked =
        new NgramsJob.Spec(
            files, spec.field(), spec.params(), target.toString(), spec.bytesPerPiece());
    String label =
        out.getFileName() + " · n=" + spec.params().n() + " · " + files.size() + " file(s)";
    return submit(new NgramsJob(), label, JobJson.write(checked), by);
  }

  String submit(JobKind<?> kind, String label, String spec, String by) {
    List<JobKind.Piece> pieces = kind.split(spec);
    String id = kind.name() + "-" + UUID.randomUUID().toString().substring(0, 12);
    queue.submit(id, kind, label, spec, by, pieces, seal);
    return id;
  }

  Optional<JobProgress> progress(String id) {
    return JobProgress.of(queue.jdbc(), id);
  }

  /**
   * A finished job's result (the report as JSON; an eval run's samples and errors, its scores being
   * in the run's record); empty while it runs. Refused when the stored result no longer matches the
   * seal its merge gave it.
   */
  Optional<String> result(String id) {
    return queue
        .jdbc()
        .sql("SELECT spec, result, result_seal FROM work_job WHERE id = ? AND status = 'DONE'")
        .param(id)
        .query((rs, n) -> {
          String result = rs.getString(2);
          seal.check(id, JobSeal.RESULT, "result", rs.getString(1), result, rs.getString(3));
          return result;
        })
        .optional();
  }

  /** Jobs {@link #list} shows, the newest first. */
  static final int LISTED = 200;

  /**
   * The newest jobs of every kind, distributed eval runs included (kind "eval"): the database picks
   * the newest {@link #LISTED} instead of this process reading every job there ever was.
   */
  List<JobRow> list() {
    return queue
        .jdbc()
        .sql(
            "SELECT id, kind, label, status, created_at FROM work_job"
                + " ORDER BY created_at DESC, id LIMIT "
                + LISTED)
        .query((rs, n) ->
            new JobRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, OffsetDateTime.class)))
        .list();
  }

  /**
   * The path as every process will open it, refused unless it exists under a configured root once
   * links are resolved ({@code ../} and links out of the root included).
   */
  String allowed(String field, @Nullable String path) {
    if (path == null || path.isBlank()) {
      throw UserError.of(field + ": 경로가 필요합니다", field + ": a path is required");
    }
    Path p = Path.of(path);
    if (!p.isAbsolute()) {
      throw UserError.of(
          field + ": '" + path + "'은(는) 절대 경로여야 합니다 (모든 워커가 그 경로로 엽니다)",
          field + ": '" + path + "' must be an absolute path, as every worker opens it");
    }
    Path real;
    try {
      real = p.toRealPath();
    } catch (IOException e) {
      throw UserError.of(
          field + ": '" + path + "'은(는) 서버에 없는 경로입니다",
          field + ": '" + path + "' does not exist on the server");
    }
    for (Path root : roots) {
      Path r;
      try {
        r = root.toRealPath();
      } catch (IOException e) {
        continue;
      }
      if (real.startsWith(r)) {
        return real.toString();
      }
    }
    throw UserError.of(
        field
            + ": '"
            + path
            + "'은(는) 작업이 읽을 수 있는 폴더(gukdae.jobs.roots) 밖의 경로입니다. 그중 한 폴더 아래로 파일을"
            + " 복사하세요",
        field
            + ": '"
            + path
            + "' lies outside the folders jobs may read (gukdae.jobs.roots); copy the files under"
            + " one of them");
  }

  private static String names(OriginalityJob.Spec s) {
    return String.join(", ", s.references().stream().map(OriginalityJob.Named::name).toList());
  }
}
