package kr.gukdae.app.workers;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.app.originality.OriginalityStore;
import kr.gukdae.app.originality.ReportJson;
import kr.gukdae.app.originality.Vocab;
import kr.gukdae.app.originality.WeightFile;
import kr.gukdae.originality.ComparisonPlan;
import kr.gukdae.originality.Findings;
import kr.gukdae.originality.Originality;
import kr.gukdae.originality.TensorInfo;
import kr.gukdae.originality.TensorStats;
import kr.gukdae.originality.TrainingLogCheck;
import kr.gukdae.originality.WeightModel;
import org.jspecify.annotations.Nullable;

/**
 * An originality check ({@code gukdae originality}) cut into tensor groups: each piece streams a
 * run of tensor pairs of one comparison (the candidate against a reference, or two null models), or
 * hashes one weight file; the merge fits the null, judges and stores the report exactly as one
 * process does ({@link ComparisonPlan}). Every process makes the (cheap, deterministic) plan from
 * the same files and checks that a piece's pair names are the ones it was cut with.
 */
final class OriginalityJob implements JobKind<OriginalityJob.PieceResult> {

  static final String NAME = "originality";

  /**
   * What a piece computed: the statistics of its run of tensor pairs, or one weight file's hash.
   * Stored as JSON named by {@code type}; a double is written as the shortest decimal that reads
   * back to the same double (NaN and infinities by name), so the join sees the values the piece
   * computed, bit for bit but for the payload of a NaN.
   */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Pairs.class, name = "pairs"),
    @JsonSubTypes.Type(value = Hashed.class, name = "file")
  })
  sealed interface PieceResult permits Pairs, Hashed {}

  /** The statistics of a piece's tensor pairs, in pair order. */
  record Pairs(List<TensorStats> stats) implements PieceResult {
    Pairs {
      stats = List.copyOf(stats);
    }
  }

  /** One weight file of a model, hashed. */
  record Hashed(WeightFile file) implements PieceResult {
    Hashed {
      Objects.requireNonNull(file, "file");
    }
  }

  private static final PieceCodec<PieceResult> RESULTS = PieceCodec.of(NAME, PieceResult.class);

  /** A reference model: its name in the report and its weights (a file or directory). */
  record Named(String name, String path) {
    Named {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * What to check, as {@code gukdae originality} takes it (paths as every worker sees them). {@code
   * log}: the training log ({@code --log}), pinned by {@code logSha256} at submission; {@code
   * vocab} ({@code --vocab}, 0: the candidate's embedding rows) and {@code claimedTokens} ({@code
   * --claimed-tokens}) as the command takes them.
   */
  record Spec(
      String candidate,
      String name,
      List<Named> references,
      List<String> nulls,
      boolean permutations,
      boolean align,
      int pairsPerPiece,
      @Nullable String log,
      @Nullable String logSha256,
      long vocab,
      double claimedTokens) {
    Spec {
      if (vocab < 0 || claimedTokens < 0) {
        throw UserError.of(
            "vocab과 claimedTokens는 0 이상이어야 합니다", "vocab and claimedTokens must be 0 or more");
      }
      references = List.copyOf(references);
      nulls = List.copyOf(nulls);
      if (references.isEmpty()) {
        throw UserError.of(
            "references: 비교할 참조 모델을 하나 이상 지정하세요",
            "references: give at least one reference model to compare with");
      }
      if (pairsPerPiece < 1) {
        throw UserError.of(
            "pairsPerShard는 1 이상이어야 합니다. 받은 값: " + pairsPerPiece,
            "pairsPerShard must be at least 1, got " + pairsPerPiece);
      }
    }
  }

  /** Pairs [from, to) of a comparison, with their names; or one file of a model (0: candidate). */
  record PieceSpec(
      @Nullable Integer comparison,
      int from,
      int to,
      List<String> names,
      @Nullable Integer model,
      @Nullable String file) {}

  private @Nullable String cachedJob;
  private @Nullable Models cached;

  /**
   * Memory a pair group needs per byte of its candidate tensors: the reference side as large, both
   * widened from 16-bit to 32-bit floats.
   */
  static final long FLOATS_PER_CANDIDATE_BYTE = 4;

  private record Models(WeightModel candidate, List<WeightModel> references, ComparisonPlan plan) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PieceCodec<PieceResult> codec() {
    return RESULTS;
  }

  @Override
  public List<Piece> split(String spec) {
    Spec s = JobJson.read(spec, Spec.class, "originality job");
    return pieces(s, open(s));
  }

  private static List<Piece> pieces(Spec s, Models m) {
    List<Piece> pieces = new ArrayList<>();
    for (int c = 0; c < m.plan().comparisons(); c++) {
      int n = m.plan().pairs(c);
      for (int from = 0; from < n; from += s.pairsPerPiece()) {
        int to = Math.min(n, from + s.pairsPerPiece());
        long bytes = 0;
        for (int pair = from; pair < to; pair++) {
          bytes += m.plan().bytes(c, pair);
        }
        pieces.add(
            new Piece(
                m.plan().label(c) + " · pairs " + from + "–" + (to - 1),
                JobJson.write(new PieceSpec(c, from, to, m.plan().names(c, from, to), null, null)),
                // both sides of every pair of the group, widened to floats: a bound, not a guess
                new Capacity(1, Capacity.mib(FLOATS_PER_CANDIDATE_BYTE * bytes))));
      }
    }
    List<WeightModel> models = new ArrayList<>();
    models.add(m.candidate());
    models.addAll(m.references());
    for (int i = 0; i < models.size(); i++) {
      for (Path f : files(models.get(i))) {
        pieces.add(
            new Piece(
                "sha256 " + models.get(i).name() + " · " + f.getFileName(),
                JobJson.write(new PieceSpec(null, 0, 0, List.of(), i, f.toString())),
                new Capacity(1, 0)));
      }
    }
    return pieces;
  }

  @Override
  public PieceResult run(String jobId, String spec, String piece) {
    Models m = models(jobId, spec);
    PieceSpec p = JobJson.read(piece, PieceSpec.class, "originality piece");
    if (p.comparison() != null) {
      List<String> here = m.plan().names(p.comparison(), p.from(), p.to());
      if (!here.equals(p.names())) {
        throw UserError.of(
            "job "
                + jobId
                + ": 이 워커는 제출한 쪽과 텐서를 다르게 짝짓습니다 (여기 "
                + here
                + ", 제출 "
                + p.names()
                + "). 모든 워커에 같은 가중치 파일을 주세요",
            "job "
                + jobId
                + ": this worker pairs the tensors differently from the submitter ("
                + here
                + " here, "
                + p.names()
                + " submitted); give every worker the same weight files");
      }
      return new Pairs(m.plan().stats(p.comparison(), p.from(), p.to()));
    }
    List<WeightModel> models = new ArrayList<>();
    models.add(m.candidate());
    models.addAll(m.references());
    int index = Objects.requireNonNull(p.model(), "model");
    if (index < 0 || index >= models.size()) {
      throw UserError.of(
          "job " + jobId + ": 조각이 없는 모델 " + index + "을(를) 가리킵니다",
          "job " + jobId + ": piece names model " + index + ", which it lacks");
    }
    WeightModel model = models.get(index);
    Path file = Path.of(Objects.requireNonNull(p.file(), "file"));
    if (!files(model).contains(file)) {
      throw UserError.of(
          "job " + jobId + ": " + file + "은(는) " + model.name() + "의 파일이 아닙니다",
          "job " + jobId + ": " + file + " is not a file of " + model.name());
    }
    return new Hashed(WeightFile.of(model, file));
  }

  @Override
  public Joined join(String jobId, String spec, List<PieceResult> results) {
    Spec s = JobJson.read(spec, Spec.class, "originality job");
    Models m = models(jobId, spec);
    List<List<TensorStats>> stats = new ArrayList<>();
    for (int c = 0; c < m.plan().comparisons(); c++) {
      stats.add(new ArrayList<>());
    }
    List<WeightFile> candidateFiles = new ArrayList<>();
    Map<String, List<WeightFile>> referenceFiles = new LinkedHashMap<>();
    m.references().forEach(r -> referenceFiles.put(r.name(), new ArrayList<>()));
    List<Piece> pieces = pieces(s, m);
    if (pieces.size() != results.size()) {
      throw new IllegalStateException(
          "job " + jobId + ": " + results.size() + " results for " + pieces.size() + " pieces");
    }
    for (int i = 0; i < pieces.size(); i++) {
      PieceSpec p = JobJson.read(pieces.get(i).spec(), PieceSpec.class, "originality piece");
      PieceResult result = results.get(i);
      if (p.comparison() != null && result instanceof Pairs pairs) {
        stats.get(p.comparison()).addAll(pairs.stats());
      } else if (p.comparison() == null && result instanceof Hashed hashed) {
        int model = Objects.requireNonNull(p.model(), "model");
        List<WeightFile> files =
            model == 0 ? candidateFiles : referenceFiles.get(m.references().get(model - 1).name());
        Objects.requireNonNull(files, "reference files").add(hashed.file());
      } else {
        throw PieceCodec.unreadable(
            jobId,
            i,
            pieces.get(i).label(),
            NAME,
            p.comparison() != null
                ? "a file's hash where the pairs' statistics belong"
                : "pairs' statistics where a file's hash belongs");
      }
    }
    Findings.Report report = m.plan().report(stats, trainingLog(jobId, s, m.candidate()));
    return jdbc -> {
      String id =
          OriginalityStore.over(jdbc).save(report, s.candidate(), candidateFiles, referenceFiles);
      var node = ReportJson.report(report);
      node.put("id", id);
      return node.toString();
    };
  }

  /** The training-log check as {@code gukdae originality --log} makes it, on the pinned bytes. */
  private static TrainingLogCheck.@Nullable Result trainingLog(
      String jobId, Spec s, WeightModel candidate) {
    if (s.log() == null) {
      return null;
    }
    Path log = Path.of(s.log());
    String sha = OriginalityJob.sha256(log, "log");
    if (!sha.equals(s.logSha256())) {
      throw UserError.of(
          "job " + jobId + ": " + log + ": 이 워커의 학습 로그가 제출된 것과 다릅니다 (SHA-256 여기 " + sha + ")",
          "job "
              + jobId
              + ": "
              + log
              + ": this worker's training log differs from the submitted one (SHA-256 "
              + sha
              + " here, "
              + s.logSha256()
              + " submitted)");
    }
    long vocab = s.vocab() > 0 ? s.vocab() : Vocab.guess(candidate);
    return TrainingLogCheck.check(log, vocab, s.claimedTokens());
  }

  /** A file's SHA-256, or one clear error naming the field and the file. */
  static String sha256(Path file, String field) {
    try (var in = Files.newInputStream(file)) {
      return Sha256.hex(in);
    } catch (IOException e) {
      throw UserError.of(
          field + ": " + file + "을(를) 읽을 수 없습니다 (" + e.getMessage() + ")",
          field + ": cannot read " + file + " (" + e.getMessage() + ")");
    }
  }

  private Models models(String jobId, String spec) {
    if (!jobId.equals(cachedJob) || cached == null) {
      cached = open(JobJson.read(spec, Spec.class, "originality job"));
      cachedJob = jobId;
    }
    return cached;
  }

  private static Models open(Spec s) {
    WeightModel candidate = WeightModel.open(s.name(), Path.of(s.candidate()));
    List<WeightModel> refs = new ArrayList<>();
    for (Named r : s.references()) {
      refs.add(WeightModel.open(r.name(), Path.of(r.path())));
    }
    List<WeightModel> nulls = new ArrayList<>();
    for (String n : s.nulls()) {
      Path p = Path.of(n);
      nulls.add(WeightModel.open(String.valueOf(p.getFileName()), p));
    }
    var options =
        new Originality.Options(
            s.permutations(), s.align(), Math.max(1, Runtime.getRuntime().availableProcessors()));
    return new Models(candidate, refs, ComparisonPlan.of(candidate, refs, nulls, options));
  }

  /** A model's weight files, sorted, as the single-process check hashes them. */
  private static List<Path> files(WeightModel model) {
    return model.tensors().stream().map(TensorInfo::file).distinct().sorted().toList();
  }
}
