package kr.gukdae.app.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.cli.HelpOnly;
import kr.gukdae.cli.Terminal;
import kr.gukdae.data.DataJson;
import kr.gukdae.data.commit.Commitments;
import kr.gukdae.data.commit.InclusionProof;
import kr.gukdae.data.commit.Manifest;
import kr.gukdae.data.commit.TrainingSummary;
import kr.gukdae.data.ngram.ContaminationCheck;
import kr.gukdae.data.ngram.NgramFilter;
import kr.gukdae.data.ngram.NgramParams;
import kr.gukdae.data.ngram.Normaliser;
import kr.gukdae.data.ngram.ParallelIndexer;
import kr.gukdae.data.ngram.RunAudit;
import kr.gukdae.data.ngram.TrainingText;
import kr.gukdae.data.quality.QualityCheck;
import kr.gukdae.data.quality.QualityReport;
import kr.gukdae.data.quality.Thresholds;
import kr.gukdae.dataset.Datasets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gukdae data}: what teams run on their own machines (n-grams, proofs, summaries) and what
 * the office runs on submissions (commit, claim, audit, quality).
 */
@Component
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Training-data commitments, contamination audit and quality checks.")
public class DataCommand implements GukdaeCommand {

  @Spec @Nullable CommandSpec spec;

  private final CommitmentStore commitments;
  private final DataRegistry registry;
  private final QualityStore quality;
  private final EvalStore evals;

  public DataCommand(
      CommitmentStore commitments, DataRegistry registry, QualityStore quality, EvalStore evals) {
    this.commitments = commitments;
    this.registry = registry;
    this.quality = quality;
    this.evals = evals;
  }

  @Override
  public Integer call() {
    return GukdaeCommand.usage(spec);
  }

  @Command(
      name = "commit",
      mixinStandardHelpOptions = true,
      description = "Check a manifest against its shards and record its Merkle root in the ledger.")
  int commit(
      @Option(names = "--manifest", required = true) Path manifest,
      @Option(
              names = "--data",
              required = true,
              description = "directory the shard paths are relative to")
          Path data) {
    Manifest m = Manifest.read(manifest);
    registry.team(m.team());
    Commitments.checkShards(m, data, manifest.toString());
    var stored = commitments.commit(DataJson.text(manifest), manifest.toString());
    System.out.printf(
        Locale.ROOT,
        Terminal.pick(
            "%s 약속을 기록함: 루트 %s, 샤드 %d개, %d바이트, 원장 seq %d, 시각 %s%n",
            "committed %s: root %s, %d shards, %d bytes, ledger seq %d at %s%n"),
        stored.team(),
        stored.root(),
        stored.shards(),
        stored.bytes(),
        stored.ledgerSeq(),
        stored.committedAt());
    return 0;
  }

  @Command(
      name = "prove",
      mixinStandardHelpOptions = true,
      description = "Write the inclusion proof of one shard (offline; no database).")
  int prove(
      @Option(names = "--manifest", required = true) Path manifest,
      @Option(
              names = "--shard",
              required = true,
              description = "the shard's path as in the manifest")
          String shard,
      @Option(names = "--out", required = true) Path out) {
    Manifest m = Manifest.read(manifest);
    List<Manifest.Shard> leaves = m.leaves();
    for (int i = 0; i < leaves.size(); i++) {
      if (leaves.get(i).path().equals(shard)) {
        DataJson.write(out, m.tree().proof(i));
        System.out.println(
            Terminal.pick(
                "루트 " + m.tree().root() + " 아래 " + shard + "의 증명을 " + out + "에 썼습니다",
                "proof of " + shard + " under root " + m.tree().root() + " written to " + out));
        return 0;
      }
    }
    throw UserError.of(
        manifest + ": 샤드 '" + shard + "'이(가) 없습니다", manifest + ": no shard '" + shard + "'");
  }

  @Command(
      name = "verify-proof",
      mixinStandardHelpOptions = true,
      description = {
        "Check an inclusion proof against a committed root (offline).",
        "Exit code 0 when it verifies, 1 when not."
      })
  int verifyProof(
      @Option(names = "--proof", required = true) Path proof,
      @Option(names = "--root", required = true, description = "the root printed in the ledger")
          String root) {
    InclusionProof p = InclusionProof.read(proof);
    boolean ok = p.verifies(root.toLowerCase(Locale.ROOT));
    System.out.println(
        (ok ? Terminal.pick("검증됨: ", "VERIFIED: ") : Terminal.pick("검증 실패: ", "NOT VERIFIED: "))
            + p.leaf().path()
            + " ("
            + p.leaf().dataset()
            + "@"
            + p.leaf().version()
            + ", sha256 "
            + p.leaf().sha256()
            + Terminal.pick("), 루트 ", ") under root ")
            + root);
    return ok ? 0 : 1;
  }

  @Command(
      name = "claim",
      description = {
        "Check 'trained on DATASET' against a team's commitment.",
        "Exit code 0 when supported."
      })
  int claim(
      @Mixin HelpOnly help,
      @Option(names = "--team", required = true) String team,
      @Option(names = "--root", required = true) String root,
      @Option(names = "--dataset", required = true) String dataset,
      @Option(names = "--version") @Nullable String version) {
    var result = commitments.claim(team, root, dataset, version);
    String what = result.dataset() + (result.version() == null ? "" : "@" + result.version());
    String commitment = result.root().substring(0, Math.min(12, result.root().length())) + "…";
    System.out.println(
        result.supported()
            ? Terminal.pick(
                "뒷받침됨: "
                    + result.team()
                    + "의 약속 "
                    + commitment
                    + "에 "
                    + what
                    + "의 샤드 "
                    + result.proofs().size()
                    + "개가 들어 있습니다",
                result.describe())
            : Terminal.pick(
                "약속되지 않음: " + result.team() + "의 약속 " + commitment + "에 " + what + "의 샤드가 없습니다",
                result.describe()));
    return result.supported() ? 0 : 1;
  }

  @Command(
      name = "summary",
      mixinStandardHelpOptions = true,
      description =
          "Print the public summary of training content (EU AI Act template) of a manifest.")
  int summary(@Option(names = "--manifest", required = true) Path manifest) {
    Manifest m = Manifest.read(manifest);
    System.out.print(TrainingSummary.markdown(m, m.tree().root(), Terminal.korean()));
    return 0;
  }

  @Command(
      name = "ngrams",
      mixinStandardHelpOptions = true,
      description = {
        "Hash the n-grams of training text into a Bloom filter file (run by the team).",
        "The file holds no text; gukdae audits benchmarks against it."
      })
  int ngrams(
      @Option(names = "--n", defaultValue = "13", description = "13 (GPT-3/lm-eval) or 8 (PaLM)")
          int n,
      @Option(
              names = "--normaliser",
              defaultValue = Normaliser.DEFAULT_ID,
              description =
                  "nori-2 (default: each word alone, so an item's n-grams do not depend on its"
                      + " neighbours; ~6x faster), nori-1 (Nori over the whole text, as before)"
                      + " or words-1")
          String normaliser,
      @Option(
              names = "--log2-bits",
              defaultValue = "30",
              description = "filter size 2^N bits (30 = 128 MiB)")
          int log2Bits,
      @Option(names = "--hashes", defaultValue = "7") int hashes,
      @Option(
              names = "--field",
              defaultValue = "text",
              description = "text field of JSONL/CSV/Parquet records")
          String field,
      @Option(names = "--out", required = true) Path out,
      @Option(names = "--threads", description = "tokenising threads (default: all cores)")
          @Nullable Integer threads,
      @Parameters(
              arity = "1..*",
              paramLabel = "FILE",
              description = ".txt, .jsonl, .csv or .parquet")
          List<Path> files) {
    NgramParams params = NgramParams.of(n, Normaliser.fromId(normaliser), log2Bits, hashes);
    NgramFilter filter = new NgramFilter(params);
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    try (var indexer = new ParallelIndexer(filter, workers)) {
      for (Path f : files) {
        TrainingText.forEachDocument(f, field, indexer);
      }
    }
    filter.write(out);
    System.out.printf(
        Locale.ROOT,
        Terminal.pick(
            "n-gram %d개 (파일 %d개)를 %s에 담음; 거짓 양성률 %.2e%n",
            "%d n-grams from %d files into %s; false-positive rate %.2e%n"),
        filter.ngrams(),
        files.size(),
        out,
        filter.falsePositiveRate());
    return 0;
  }

  @Command(
      name = "audit",
      mixinStandardHelpOptions = true,
      description =
          "Audit an eval run's items against a team's n-gram file; adds clean-subset scores to results.json.")
  int audit(
      @Option(
              names = "--run",
              required = true,
              description = "eval run directory (results.json, samples_*.jsonl)")
          Path run,
      @Option(names = "--ngrams", required = true) Path ngrams,
      @Option(
              names = "--method",
              defaultValue = "gpt3",
              description = "gpt3 (13-gram, any) or palm (8-gram, 70%%)")
          String method,
      @Option(names = "--normaliser", description = "default: the one the n-gram file names")
          @Nullable String normaliser,
      @Option(
              names = "--fields",
              split = ",",
              description = "item fields to check (default: every text field)")
          @Nullable List<String> fields) {
    var m =
        switch (method) {
          case "gpt3" -> ContaminationCheck.Method.GPT3_13GRAM;
          case "palm" -> ContaminationCheck.Method.PALM_8GRAM_70;
          default ->
              throw UserError.of(
                  "--method '" + method + "': gpt3 또는 palm을 사용하세요",
                  "--method '" + method + "': use gpt3 or palm");
        };
    NgramFilter filter = NgramFilter.read(ngrams);
    var check =
        new ContaminationCheck(
            filter,
            m,
            normaliser == null ? filter.params().normaliserValue() : Normaliser.fromId(normaliser),
            ngrams.toString());
    var audits = RunAudit.audit(run, check, filter.falsePositiveRate(), fields);
    String recorded = evals.auditRecorded(run);
    for (var a : audits) {
      System.out.printf(
          Locale.ROOT,
          Terminal.pick(
              "%-30s %s: 문항 %4$d개 중 %3$d개 오염 (%5$.1f%%); 전체 %6$s, 깨끗한 부분 %7$s%n",
              "%-30s %s: %d of %d items contaminated (%.1f%%); full %s clean %s%n"),
          a.task(),
          a.method(),
          a.contaminated(),
          a.items(),
          100 * a.rate(),
          a.full(),
          a.clean());
    }
    System.out.println(
        recorded == null
            ? Terminal.pick(
                run + "에 쓴 기록된 평가 실행이 없습니다. 감사 결과는 그 results.json에만 있습니다",
                "no recorded eval run wrote to " + run + "; the audit is in its results.json only")
            : Terminal.pick(
                "평가 실행 " + recorded + "에 기록함; 단계 증거는 깨끗한 부분집합을 보여 줍니다",
                "recorded for eval run "
                    + recorded
                    + "; the stage's evidence shows the clean subset"));
    return 0;
  }

  @Command(
      name = "quality",
      description = {
        "Quality checks on a dataset file.",
        "With --dataset/--version the report is recorded"
            + " as the next round and the diff from the previous round is printed."
      })
  int quality(
      @Mixin HelpOnly help,
      @Option(names = "--file", required = true) Path file,
      @Option(names = "--field", defaultValue = "text") String field,
      @Option(names = "--thresholds", description = "JSON file of the programme's limits")
          @Nullable Path thresholds,
      @Option(names = "--dataset") @Nullable String dataset,
      @Option(names = "--version") @Nullable String version,
      @Option(names = "--json", description = "write the report as JSON here")
          @Nullable Path json) {
    // A recorded round is checked against the programme's limits in force unless a file is given.
    Thresholds limits =
        thresholds != null
            ? Thresholds.read(thresholds)
            : dataset != null ? quality.limits().thresholds() : Thresholds.DEFAULT;
    QualityCheck.RowSource rows =
        each -> Datasets.forEach(file, each); // bounded memory, any file size
    QualityReport report;
    if (dataset != null && version != null) {
      report = quality.check(dataset, version, rows, field, limits);
    } else if (dataset == null && version == null) {
      report = QualityCheck.run(file.getFileName().toString(), "-", 1, rows, field, limits);
    } else {
      throw UserError.of(
          "보고서를 기록하려면 --dataset과 --version을 함께 주고, 아니면 둘 다 빼세요",
          "give both --dataset and --version to record the report, or neither");
    }
    QualityText.print(report, System.out);
    if (report.round() > 1) {
      // only a recorded report (both --dataset and --version given) has later rounds
      QualityText.print(
          quality.diff(
              Objects.requireNonNull(dataset, "--dataset"),
              Objects.requireNonNull(version, "--version"),
              report.round()),
          System.out);
    }
    if (json != null) {
      DataJson.write(json, report);
    }
    return report.passed() ? 0 : 1;
  }
}
