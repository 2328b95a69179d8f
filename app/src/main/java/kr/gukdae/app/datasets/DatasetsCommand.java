package kr.gukdae.app.datasets;

import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.cli.Terminal;
import kr.gukdae.dataset.HubDownload;
import kr.gukdae.eval.tasks.KmmluTasks;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gukdae datasets}: fetch a benchmark's files from the Hugging Face Hub into the local cache
 * that {@code --data-dir} reads, or write the task files of all KMMLU subjects.
 */
@Component
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = {
      "Download benchmark data from the Hugging Face Hub, or write KMMLU's 45 subject tasks.",
      "  gukdae datasets --download HAERAE-HUB/KMMLU        (HF_TOKEN for gated sets)",
      "  gukdae datasets --kmmlu-tasks DIR [--hard]       (then: --tasks-dir DIR --data-dir ...)"
    })
class DatasetsCommand implements GukdaeCommand {

  @Option(
      names = "--download",
      paramLabel = "OWNER/NAME",
      description = "Hub data set to fetch (all its data files)")
  @Nullable String repo;

  @Option(names = "--revision", description = "branch, tag or commit (default: main)")
  String revision = "main";

  @Option(
      names = "--data-dir",
      description = "where to put it (default: ~/.gukdae/datasets, what lm-eval YAML reads)")
  @Nullable Path dataDir;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "only these files of the repo")
  List<String> files = List.of();

  @Option(names = "--kmmlu-tasks", paramLabel = "DIR", description = "write all KMMLU task files")
  @Nullable Path kmmluTasks;

  @Option(names = "--hard", description = "with --kmmlu-tasks: KMMLU-HARD instead")
  boolean hard;

  @Override
  public Integer call() {
    if (repo == null && kmmluTasks == null) {
      throw UserError.of(
          "--download OWNER/NAME 또는 --kmmlu-tasks DIR을 주세요 (--help 참고)",
          "give --download OWNER/NAME or --kmmlu-tasks DIR (see --help)");
    }
    if (kmmluTasks != null) {
      List<Path> written = KmmluTasks.write(kmmluTasks, hard);
      System.out.println(
          Terminal.pick(
              kmmluTasks + "에 파일 " + written.size() + "개를 썼습니다",
              "wrote " + written.size() + " files to " + kmmluTasks));
    }
    if (repo != null) {
      HubDownload env = HubDownload.fromEnvironment();
      HubDownload hub =
          dataDir == null
              ? env
              : new HubDownload(env.endpoint(), dataDir, System.getenv("HF_TOKEN"));
      Path root =
          files.isEmpty() ? hub.download(repo, revision) : hub.download(repo, revision, files);
      System.out.println(
          Terminal.pick(repo + "을(를) " + root + "에 내려받았습니다", "downloaded " + repo + " to " + root));
      // HubDownload puts a dataset at <data dir>/<owner>/<name>
      Path owner = root.getParent();
      Path dataDir = owner == null ? null : owner.getParent();
      System.out.println(
          Terminal.pick("실행할 때: ", "run with: ")
              + "--data-dir "
              + (dataDir == null ? root : dataDir));
    }
    return 0;
  }
}
