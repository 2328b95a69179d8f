package kr.gukdae.app.originality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.cli.AppServices;
import kr.gukdae.cli.StandaloneCommand;
import kr.gukdae.cli.Terminal;
import kr.gukdae.originality.Calibration;
import kr.gukdae.originality.Findings;
import kr.gukdae.originality.Fingerprint;
import kr.gukdae.originality.Originality;
import kr.gukdae.originality.TrainingLogCheck;
import kr.gukdae.originality.WeightModel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gukdae originality}: weights compared with reference models, with evidence stored. The
 * comparison and its printed result need no database; storing (the default, for the stage evidence)
 * opens it afterwards, so the verdict appears before Spring starts.
 */
@Component
@Command(
    name = "originality",
    mixinStandardHelpOptions = true,
    description = {
      "Checks that a candidate model's weights are its own: compares them with reference models (fine-tuned copies, frozen components, reordered copies), checks its training log, and stores the verdict and evidence for the stage evaluation.",
      "Examples:",
      "  gukdae originality --candidate team-a/ --reference llama=llama-dir/ --log loss.csv",
      "  gukdae originality --fingerprint qwen=qwen-dir/      (store a public model's sketch)",
      "  gukdae originality --candidate team-a/ --screen      (screen against all sketches)"
    })
class OriginalityCommand implements StandaloneCommand {

  @Option(
      names = "--candidate",
      paramLabel = "DIR",
      description =
          "Candidate model: a"
              + " .safetensors file or a directory (sharded models via model.safetensors.index.json).")
  @Nullable Path candidate;

  @Option(
      names = "--name",
      description = "Name of the candidate in reports (default: the" + " directory's name).")
  @Nullable String name;

  @Option(
      names = "--reference",
      paramLabel = "NAME=DIR",
      description = "A reference model to" + " compare with; repeat for several.")
  List<String> references = new ArrayList<>();

  @Option(
      names = "--null",
      paramLabel = "DIR",
      description =
          "Independent models to calibrate"
              + " the null distribution with (every pair is compared); the project's own seeded demo"
              + " models are always included.")
  List<Path> nulls = new ArrayList<>();

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description =
          "Training log (CSV or JSONL) with" + " step and loss columns, e.g. a W&B history export.")
  @Nullable Path log;

  @Option(
      names = "--vocab",
      description =
          "Vocabulary size for the first-loss check (default:"
              + " rows of the candidate's token embedding).")
  long vocab;

  @Option(names = "--claimed-tokens", description = "Training tokens the team claims.")
  double claimedTokens;

  @Option(
      names = "--fingerprint",
      paramLabel = "NAME=DIR",
      description = "Store a model's" + " fingerprint for later screening; repeatable.")
  List<String> fingerprints = new ArrayList<>();

  @Option(
      names = "--screen",
      description = "Screen the candidate against every stored" + " fingerprint.")
  boolean screen;

  @Option(
      names = "--write-demo",
      paramLabel = "DIR",
      description =
          "Write DEMO models (random"
              + " weights: a foreign model and one team per verdict) and logs to DIR, to try the command.")
  @Nullable Path writeDemo;

  @Option(names = "--no-permutations", description = "Skip the search for reordered copies.")
  boolean noPermutations;

  @Option(
      names = "--no-align",
      description =
          "Pair tensors by name only, without aligning layers by content (faster, but a renumbered"
              + " or reordered copy is missed).")
  boolean noAlign;

  @Option(names = "--threads", description = "Threads streaming tensors (default: CPU count).")
  int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

  @Option(names = "--json", description = "Print the full report as JSON.")
  boolean json;

  @Option(
      names = "--no-store",
      description =
          "Do not store the check in the database (the stage counts only stored checks); the"
              + " result is printed before storing either way.")
  boolean noStore;

  private final AppServices services;

  OriginalityCommand(AppServices services) {
    this.services = services;
  }

  /** The database opens only for storing or screening, so a --no-store check starts no Spring. */
  private OriginalityStore store() {
    return services.get(OriginalityStore.class);
  }

  @Override
  public Integer call() {
    if (writeDemo != null) {
      DemoTeams.write(writeDemo);
      System.out.println(
          Terminal.pick(
                  "데모 모델(학습하지 않은 무작위 가중치)을 " + writeDemo + "에 썼습니다",
                  "wrote DEMO models (random weights, not trained) to " + writeDemo)
              + ": foreign, team-original, team-finetuned, team-frozen-vision, team-permuted");
      if (candidate == null && fingerprints.isEmpty()) {
        return 0;
      }
    }
    for (String spec : fingerprints) {
      var pair = namedPath("--fingerprint", spec);
      WeightModel model = WeightModel.open(pair.getKey(), pair.getValue());
      List<Fingerprint> prints = Fingerprint.of(model);
      store().saveFingerprints(pair.getKey(), prints);
      System.out.printf(
          Terminal.pick(
              "%s의 지문을 저장함: 텐서 %d개, 파라미터 %,d개%n",
              "stored fingerprint of %s: %d tensors, %,d parameters%n"),
          pair.getKey(),
          prints.size(),
          model.parameters());
    }
    if (candidate == null) {
      if (fingerprints.isEmpty()) {
        throw UserError.of(
            "--candidate DIR (--reference NAME=DIR 또는 --screen과 함께) 또는 --fingerprint"
                + " NAME=DIR을 지정하세요",
            "give --candidate DIR (with --reference NAME=DIR or --screen), or"
                + " --fingerprint NAME=DIR");
      }
      return 0;
    }
    WeightModel cand = WeightModel.open(candidateName(candidate), candidate);
    if (screen) {
      screen(cand);
    }
    if (references.isEmpty()) {
      if (!screen) {
        throw UserError.of(
            "--reference NAME=DIR을 하나 이상 지정하세요 (또는 --screen)",
            "give at least one --reference NAME=DIR (or --screen)");
      }
      return 0;
    }
    List<WeightModel> refs = new ArrayList<>();
    for (String spec : references) {
      var pair = namedPath("--reference", spec);
      refs.add(WeightModel.open(pair.getKey(), pair.getValue()));
    }
    Originality.Options options = new Originality.Options(!noPermutations, !noAlign, threads);
    List<WeightModel> independent = new ArrayList<>();
    for (Path p : nulls) {
      independent.add(WeightModel.open(p.getFileName().toString(), p));
    }
    Calibration calibration = Originality.calibrate(independent, options);
    TrainingLogCheck.Result logResult =
        log == null
            ? null
            : TrainingLogCheck.check(log, vocab > 0 ? vocab : Vocab.guess(cand), claimedTokens);
    // The weights compared are pinned by hash; a file replaced during the (long) comparison makes
    // the check refuse instead of recording hashes of other bytes than those compared.
    List<String> before = new ArrayList<>(WeightFile.stamp(cand));
    refs.forEach(r -> before.addAll(WeightFile.stamp(r)));
    List<WeightFile> candidateFiles = noStore ? List.of() : WeightFile.of(cand);
    Map<String, List<WeightFile>> referenceFiles = noStore ? Map.of() : WeightFile.of(refs);
    Findings.Report report = Originality.compare(cand, refs, calibration, options, logResult);
    List<String> after = new ArrayList<>(WeightFile.stamp(cand));
    refs.forEach(r -> after.addAll(WeightFile.stamp(r)));
    if (!before.equals(after)) {
      throw UserError.of(
          "검사하는 동안 가중치 파일이 바뀌어 아무것도 저장하지 않았습니다. 아무도 쓰지 않는 가중치로" + " 다시 검사하세요",
          "weight files changed while they were being checked; nothing stored, run the check"
              + " again on weights nobody is writing to");
    }
    // The result first, without the database (which takes seconds to open): a person reads the
    // verdict as soon as the comparison ends. Then the check is stored for the stage evidence.
    if (json) {
      System.out.println(ReportJson.report(report).toPrettyString());
    } else {
      ReportText.print(report, System.out);
    }
    System.out.flush();
    if (!noStore) {
      String id = store().save(report, candidate.toString(), candidateFiles, referenceFiles);
      // stdout stays one JSON document with --json, so the id goes to stderr there
      ReportText.printStored(id, json ? System.err : System.out);
    }
    return 0;
  }

  private void screen(WeightModel cand) {
    Map<String, List<Fingerprint>> stored = store().fingerprints();
    if (stored.isEmpty()) {
      throw UserError.of(
          "저장된 지문이 아직 없습니다. --fingerprint NAME=DIR로 추가하세요",
          "no fingerprints stored yet; add some with --fingerprint NAME=DIR");
    }
    List<Fingerprint> mine = Fingerprint.of(cand);
    System.out.println(
        Terminal.padRight(Terminal.pick("지문", "fingerprint"), 28)
            + " "
            + Terminal.padLeft(Terminal.pick("텐서 수", "tensors"), 8)
            + " "
            + Terminal.padLeft(Terminal.pick("평균 r", "mean r"), 10)
            + "  "
            + Terminal.padRight(Terminal.pick("가장 닮은 구성 요소", "top component"), 20)
            + " "
            + Terminal.padLeft(Terminal.pick("그 r", "its r"), 9)
            + "  "
            + Terminal.pick("다음 단계", "next step"));
    stored.forEach((ref, prints) -> {
      var r = Fingerprint.screen(ref, mine, prints);
      System.out.printf(
          "%-28s %8d %10.3f  %-20s %9.3f  %s%n",
          ref,
          r.matchedTensors(),
          r.meanPearson(),
          r.topComponent(),
          r.topComponentPearson(),
          r.needsFullCheck()
              ? Terminal.pick("전체 비교를 실행하세요 (--reference)", "run the full comparison (--reference)")
              : "-");
    });
  }

  private String candidateName(Path candidate) {
    if (name != null && !name.isBlank()) {
      return name;
    }
    Path file = candidate.toAbsolutePath().normalize().getFileName();
    return file == null ? "candidate" : file.toString();
  }

  static Map.Entry<String, Path> namedPath(String option, String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw UserError.of(
          option + " '" + spec + "'은(는) NAME=DIR 형식이어야 합니다 (예: llama=/models/llama)",
          option + " '" + spec + "' must look like NAME=DIR, e.g. llama=/models/llama");
    }
    return Map.entry(spec.substring(0, eq), Path.of(spec.substring(eq + 1)));
  }
}
