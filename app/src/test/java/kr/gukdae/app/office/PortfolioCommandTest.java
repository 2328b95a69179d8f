package kr.gukdae.app.office;

import static kr.gukdae.testing.InProcessLauncher.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.testing.InProcessLauncher;
import kr.gukdae.testing.InProcessLauncher.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gukdae portfolio} through the real launcher and database: bad input is one line in the
 * chosen language with exit code 2 and records nothing; the decision is recorded once, explained in
 * Korean and English, replays, and the institutes it keeps are funded once.
 */
class PortfolioCommandTest {

  @TempDir Path home;

  @RegisterExtension final InProcessLauncher gukdae = new InProcessLauncher();

  @Test
  void decideExplainReplayAndFundInBothLanguagesOnce() throws Exception {
    gukdae.home(home);
    Path bad = home.resolve("results.yaml");
    Files.writeString(bad, "results:\n  - {model: kilaw-law-7b, benchmark: ocean-qa, score: 50}\n");

    Run wrong =
        run(
            "--lang",
            "en",
            "portfolio",
            "decide",
            "--programme",
            "institutes",
            "--results",
            bad.toString());
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err())
        .contains(
            "gukdae decide: results[0]: benchmark 'ocean-qa' is not one of domain law's"
                + " benchmarks");
    Run neither = run("--lang", "ko", "portfolio", "decide", "--programme", "institutes");
    assertThat(neither.code()).isEqualTo(2);
    assertThat(neither.err()).contains("--results FILE 또는 --demo-results 중 하나만 주세요");

    Run decided =
        run("--lang", "en", "portfolio", "decide", "--programme", "institutes", "--demo-results");
    assertThat(decided.code()).as(decided.err()).isZero();
    assertThat(decided.out())
        .contains("domains covered: 3 of 4 (3 needed) → the portfolio continues")
        .contains("covered, chosen model kilaw-law-7b (69.20)")
        .containsPattern(
            "kimed-law-3b +kimed +56\\.80 +below a benchmark threshold: ko-bar-exam 48\\.0 < 50\\.0")
        .contains("recorded reason: 3 of 4 domains covered; 3 needed: the portfolio continues")
        .contains("manufacturing (manufacturing) pass score 60.0: not covered: no model passes")
        .contains("replay: SAME");
    Run again =
        run("--lang", "en", "portfolio", "decide", "--programme", "institutes", "--demo-results");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("institutes-2026: the portfolio decision is already recorded");

    Run funded =
        run(
            "--lang",
            "ko",
            "portfolio",
            "fund",
            "--programme",
            "institutes",
            "--from",
            "2026-07-01",
            "--to",
            "2027-01-01");
    assertThat(funded.code()).as(funded.err()).isZero();
    assertThat(funded.out())
        .contains("자원 배정 (단계 2, 2026-07-01 – 2027-01-01")
        .contains("유지 기관 데이터 예산 1,500,000,000원 (출처 portfolio-support)")
        .contains("유지 기관 인재 매칭 연 상한 1,000,000,000원 (출처 portfolio-support)")
        .containsPattern(
            "kimed +지원: 통과한 모델이 있습니다  64 H100 임대  데이터 1,500,000,000원, 인재 연"
                + " 1,000,000,000원  \\(kimed-med-13b\\)");

    // The institute's data budget through the teams' support command: the call's plus stage 2's.
    Run budget =
        run("--lang", "en", "support", "budget", "--programme", "institutes", "--team", "kimed");
    assertThat(budget.code()).as(budget.err()).isZero();
    assertThat(budget.out())
        .contains("kimed: data budget 2,000,000,000 KRW")
        .contains(
            "stage 2 (2026-07-01 – 2027-01-01): data 1,500,000,000 KRW added, talent cap"
                + " 1,000,000,000 KRW/year (decision at ledger seq");

    Run shown = run("--lang", "ko", "portfolio", "show", "--programme", "institutes");
    assertThat(shown.code()).as(shown.err()).isZero();
    assertThat(shown.out())
        .contains("분야 충족: 4개 중 3개 (필요 3개) → 포트폴리오 계속")
        .contains("법률")
        .contains("충족, 선택 모델 kilaw-law-7b (69.20)")
        .contains("재현: 같음")
        .contains("기록된 사유: 4개 분야 중 3개 충족, 필요 3개: 포트폴리오 계속")
        .containsPattern("kimed-law-3b +kimed +56\\.80 +벤치마크 기준 미달: ko-bar-exam 48\\.0 < 50\\.0")
        .containsPattern("kiost +계속 +유지: kiost-ocean-7b +탈락: kiost-fab-3b");

    Run replay = run("--lang", "en", "portfolio", "replay", "--programme", "institutes");
    assertThat(replay.code()).isZero();
    assertThat(replay.out())
        .contains("recomputed from the ledger: SAME result")
        .contains("funding recomputed: SAME");
  }
}
