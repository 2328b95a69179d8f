package kr.gukdae.app.workers;

import java.util.List;
import java.util.Set;
import kr.gukdae.UserError;
import kr.gukdae.eval.run.SampleRecord;
import kr.gukdae.model.ModelApi;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A kind of background job on the shared queue: how a job is cut into pieces (checked on the
 * submitter's machine, so a typo fails there), how one piece is computed (on any worker), and how
 * the pieces' results are joined into the result a single process gives. Specs travel as text in
 * the database; a piece's result is a typed value {@code R}, stored as JSON through the kind's
 * {@link #codec} and handed to {@link #more} and {@link #join} typed, so no kind parses text by
 * hand and a stored result that does not read is refused naming its job and piece. An eval run is
 * one kind too ({@link EvalJob}): its pieces store each sample as it finishes.
 *
 * @param <R> what one piece computes
 */
sealed interface JobKind<R> permits OriginalityJob, QualityJob, NgramsJob, LineageJob, EvalJob {

  /**
   * A join's refusal that no retry changes (a stored sample edited, moved or deleted): the runner
   * fails the job with its message instead of putting the merge back.
   */
  final class Refused extends UserError {
    private static final long serialVersionUID = 1L;

    Refused(UserError why) {
      super(why.getMessage(), why);
    }
  }

  /**
   * One piece of a job: what progress shows, what to compute, the model endpoint it asks ({@code
   * null}: none; a worker started with {@code --endpoint} takes only pieces of the endpoints it
   * names, and pieces of none), and what it needs of the worker that runs it (only a worker whose
   * declared capacity covers it claims it).
   */
  record Piece(String label, String spec, @Nullable String endpoint, Capacity needs) {
    /** A piece that asks no endpoint and needs nothing beyond any worker. */
    Piece(String label, String spec) {
      this(label, spec, null, Capacity.NONE);
    }

    /** A piece that asks no endpoint. */
    Piece(String label, String spec, Capacity needs) {
      this(label, spec, null, needs);
    }
  }

  /**
   * What a running piece may ask of the worker that holds it. A piece that sends many requests
   * starts each one only while {@link #mayStart} says so: once the lease may have ended another
   * worker may be doing the same work (issue #18's finding, {@link Heartbeat}).
   */
  interface Context {
    /**
     * True while the lease surely holds and the worker is not stopping; past the holder's own
     * deadline it waits for the next renewal; false once the piece is another holder's.
     */
    boolean mayStart();

    /** The endpoint the piece was claimed for, as its row names it ({@code null}: none). */
    @Nullable String endpoint();

    /**
     * Requests this worker may keep in flight to {@link #endpoint}: its capacity, or less when the
     * endpoint's limit (shared by all workers in the database; {@code defaultLimit} when nobody set
     * one) leaves less. Renewed with the lease and given back when the piece ends. When none are
     * free the piece goes back to the queue without counting an attempt ({@link
     * PieceContext.Busy}).
     */
    int permits(int defaultLimit);

    /**
     * {@code model} with every request it sends passing this piece's own gate: at most the permits
     * {@link #permits} granted it in flight at once (model and judge alike when both go through
     * it); a request before a grant, or after the piece ended, is refused. Each piece running on a
     * worker has its own gate.
     */
    ModelApi gated(ModelApi model);

    /**
     * Stores one finished sample of the piece (an eval run's), sealed to the job, task and doc; the
     * first success wins ({@link WorkSamples}). Throws {@link PieceContext.Gone} when the piece is
     * another holder's now: nothing was stored.
     */
    void store(SampleRecord record);

    /** Doc ids of a task's samples this job already answered (a takeover skips them). */
    Set<Integer> answered(String task);
  }

  /** The joined result, stored by the merge's holder in the transaction that finishes the job. */
  @FunctionalInterface
  interface Joined {
    String store(JdbcClient jdbc);
  }

  String name();

  /** How this kind's piece results are stored and read back (one JSON mapping). */
  PieceCodec<R> codec();

  /** The job's pieces, in the order their results are joined. */
  List<Piece> split(String spec);

  /** Computes one piece; its result is stored with the piece. */
  R run(String jobId, String spec, String piece);

  /**
   * As {@link #run(String, String, String)}, for a kind that needs its holder: the lease's deadline
   * before each request, the endpoint's permits.
   */
  default R run(String jobId, String spec, String piece, Context context) {
    return run(jobId, spec, piece);
  }

  /**
   * The pieces a finished piece leads to, queued with its result (a crawl page's next page and the
   * listings of the repos it names); a piece whose label the job already has is not queued again.
   */
  default List<Piece> more(String jobId, String spec, String piece, R result) {
    return List.of();
  }

  /** What the merge needs of its worker (it holds every piece's result, or more). */
  default Capacity mergeNeeds(String spec) {
    return Capacity.NONE;
  }

  /**
   * Joins every piece's result (in piece order) into the job's result. On a worker each result is
   * read from its stored text when the join reaches it ({@link PieceCodec#results}), so a join that
   * goes through them once holds one piece's values at a time.
   */
  Joined join(String jobId, String spec, List<R> results);

  /**
   * A fresh instance of each kind for one worker (kinds may cache what a job's pieces share): its
   * {@code home} folder (tasks, model specs, run folders), the queue and the seal it stores under.
   */
  static JobKind<?> of(String name, java.nio.file.Path home, JobQueue queue, JobSeal seal) {
    return switch (name) {
      case EvalJob.NAME -> new EvalJob(home, queue, seal);
      case OriginalityJob.NAME -> new OriginalityJob();
      case QualityJob.NAME -> new QualityJob();
      case NgramsJob.NAME -> new NgramsJob();
      case LineageJob.NAME -> new LineageJob();
      default ->
          throw UserError.of(
              "작업 종류 '" + name + "'을(를) 이 워커가 알지 못합니다. 같은 gukdae 버전의 워커를 실행하세요",
              "job kind '"
                  + name
                  + "' is unknown to this worker; run workers of the same gukdae version");
    };
  }
}
