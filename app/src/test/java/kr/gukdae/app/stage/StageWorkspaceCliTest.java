package kr.gukdae.app.stage;

import static kr.gukdae.testing.InProcessLauncher.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.stage.DemoFilesForTests;
import kr.gukdae.testing.InProcessLauncher;
import kr.gukdae.testing.InProcessLauncher.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office's terminal path through the real launcher: load a programme, see what is missing,
 * import evidence produced elsewhere (marked imported), decide from what is recorded, and decide
 * again only with a reason.
 */
class StageWorkspaceCliTest {

  @TempDir Path home;

  @RegisterExtension final InProcessLauncher gukdae = new InProcessLauncher();

  @Test
  void loadStatusImportDecideAndDecideAgainOnlyWithAReason() throws Exception {
    gukdae.home(home);
    Path programme = home.resolve("programme.yaml");
    Files.writeString(
        programme, DemoFilesForTests.programme().replace("demo: true", "demo: false"));
    Path evidence = home.resolve("evidence.yaml");
    Files.writeString(evidence, DemoFilesForTests.evidence());

    Run load = run("stage", "load", "--program", programme.toString());
    assertThat(load.code()).as(load.err()).isZero();
    assertThat(load.out()).contains("is current");

    Run status = run("stage", "status", "--stage", "1");
    assertThat(status.code()).isEqualTo(3);
    assertThat(status.out())
        .contains("stage 1 evidence: INCOMPLETE")
        .containsPattern(
            "missing +global-benchmarks/MMLU-Pro +run the mapped task on demo/lexical");

    // Nothing is decided on missing evidence; the refusal names each gap in the reader's language.
    Run noEvidenceKo = run("--lang", "ko", "stage", "run", "--stage", "1", "--no-reports");
    assertThat(noEvidenceKo.code()).isEqualTo(2);
    assertThat(noEvidenceKo.err())
        .contains("1단계 증거: 문제 ")
        .contains("/global-benchmarks: 벤치마크 'MMLU-Pro'의 글로벌 결과 없음 (증거를 제출하거나")
        .doesNotContain("no GLOBAL result", "supply it", "problems");
    Run noEvidence = run("--lang", "en", "stage", "run", "--stage", "1", "--no-reports");
    assertThat(noEvidence.code()).isEqualTo(2);
    assertThat(noEvidence.err())
        .contains("stage 1 evidence: ", " problems: ")
        .contains(
            "/global-benchmarks: no GLOBAL result for benchmark 'MMLU-Pro' (supply it, or set")
        .doesNotContainPattern("[가-힣]");

    Run decided =
        run("stage", "run", "--stage", "1", "--evidence", evidence.toString(), "--no-reports");
    assertThat(decided.code()).as(decided.err()).isZero();
    assertThat(decided.out())
        .contains("imported 125 evidence record(s)", "decision recorded at ledger seq")
        .contains("Eliminated by the originality gate");
    Run complete = run("stage", "status", "--stage", "1");
    assertThat(complete.code()).isZero();
    assertThat(complete.out()).contains("COMPLETE").contains("(imported)");

    Run again = run("stage", "run", "--stage", "1", "--no-reports");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("already decided").contains("--reason");
    Run reasoned =
        run("stage", "run", "--stage", "1", "--no-reports", "--reason", "corrected review sheet");
    assertThat(reasoned.code()).as(reasoned.err()).isZero();
    assertThat(reasoned.out()).contains("supersedes the decision at seq");
    Run replay = run("stage", "run", "--from-ledger", "--no-reports");
    assertThat(replay.out()).contains("SAME result");
  }
}
