package kr.gukdae.app.office;

import static kr.gukdae.testing.InProcessLauncher.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.testing.InProcessLauncher;
import kr.gukdae.testing.InProcessLauncher.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gukdae support} through the real launcher and database, in Korean and English: the joint
 * purchase is recorded once per call, spending stops at the team's data budget with nothing
 * recorded, hires get matching by the programme's rules with the contract's SHA-256 on file, and
 * bad input is one line with exit code 2. {@code --help} runs nothing.
 */
class SupportCommandTest {

  @TempDir Path home;

  @RegisterExtension final InProcessLauncher gukdae = new InProcessLauncher();

  @Test
  void helpIsWholeSentencesAndRunsNothing() {
    Run help = run("--lang", "en", "support", "spend", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains("Records a team's spending against its data budget; refused, with nothing")
        .contains("The amount in KRW.")
        .contains("The day it was spent, YYYY-MM-DD.");
    assertThat(help.err()).doesNotContain("opening the database");
  }

  @Test
  void purchaseOnceSpendWithinTheBudgetAndHireWithinTheCap() throws Exception {
    gukdae.home(home);
    Path offers = home.resolve("purchase.yaml");
    Files.writeString(
        offers,
        """
        offers:
          - {id: news, supplier: press, price: 4000000000}
          - {id: web, supplier: crawl, price: 5000000000}
          - {id: books, supplier: pub, price: 3000000000}
        wishes:
          - {team: mirae, ranked: [news, books]}
          - {team: dokdo, ranked: [web, news]}
        """);
    Path contract = home.resolve("contract.pdf");
    Files.writeString(contract, "employment contract of p1");

    Run bought = support("en", "purchase --file " + offers);
    assertThat(bought.code()).as(bought.err()).isZero();
    assertThat(bought.out())
        .contains("joint budget 10,000,000,000 KRW, spent 9,000,000,000 KRW")
        .contains("bought: news, web")
        .contains("not within the budget: books")
        .contains("recorded in the ledger (seed-2025)");

    Run spent =
        support("en", "spend --team mirae --item labelling --amount 2000000000 --on 2026-03-01");
    assertThat(spent.code()).as(spent.err()).isZero();
    assertThat(spent.out())
        .contains("mirae: data budget 2,800,000,000 KRW, spent 2,000,000,000, left 800,000,000");

    Run hired =
        support(
            "ko",
            "hire --team mirae --person p1 --hired 2025-09-01 --year 2026 --matching 2500000000"
                + " --contract "
                + contract);
    assertThat(hired.code()).as(hired.err()).isZero();
    assertThat(hired.out())
        .contains(
            "mirae/p1 2026: 요청 2,500,000,000 KRW, 지원 2,000,000,000 KRW — 상한 적용: 팀당 연 2000000000원");
    Run early =
        support(
            "en", "hire --team mirae --person p2 --hired 2025-06-01 --year 2026 --matching 100");
    assertThat(early.code()).as(early.err()).isZero();
    assertThat(early.out())
        .contains("granted 0 KRW — hired 2025-06-01, not after the call date 2025-06-20");

    // Each refusal is exit code 2 and one line in the chosen language only; the talent list and the
    // budget below show that none of them recorded anything.
    List<Refusal> refusals =
        List.of(
            new Refusal("ko", "purchase --file " + offers, "공동구매가 이미 기록되었습니다"),
            new Refusal(
                "en",
                "spend --team mirae --item OCR --amount 900000000 --on 2026-04-01",
                "exceeds the data budget by 100,000,000 KRW"),
            new Refusal(
                "en", "spend --team mirae --item OCR --amount 1 --on 2026-02-30", "2026-02-30"),
            new Refusal(
                "ko",
                "hire --team mirae --person p3 --hired 2025-09-01 --year 2026 --matching -5",
                "matching은 0 이상(원)이어야 합니다"));
    for (Refusal r : refusals) {
      Run refused = support(r.lang(), r.command());
      assertThat(refused.code()).as(r + ": " + refused.err() + refused.out()).isEqualTo(2);
      assertThat(refused.err()).as(r.command()).contains(r.reason());
      assertThat(refused.err())
          .as(r.command())
          .doesNotContain(r.lang().equals("ko") ? "already" : "이미");
    }

    Run talent = support("en", "talent --team mirae");
    assertThat(talent.code()).isZero();
    assertThat(talent.out())
        .contains("mirae/p1 2026")
        .contains("mirae/p2 2026")
        .doesNotContain("p3");

    Run budget = support("ko", "budget --team mirae");
    assertThat(budget.code()).isZero();
    assertThat(budget.out())
        .contains("mirae: 데이터 예산 2,800,000,000 KRW, 지출 2,000,000,000, 잔액 800,000,000")
        .contains("labelling")
        .doesNotContain("OCR");
  }

  /** {@code support COMMAND} in {@code lang}, refused with a line that contains {@code reason}. */
  record Refusal(String lang, String command, String reason) {}

  /**
   * {@code gukdae --lang LANG support VERB --programme seed-2025 REST...}, the command given as one
   * line split at spaces (the temporary paths in it have none).
   */
  private static Run support(String lang, String command) {
    String[] words = command.split(" ");
    List<String> args = new ArrayList<>(List.of("--lang", lang, "support", words[0]));
    args.addAll(List.of("--programme", "seed-2025"));
    args.addAll(List.of(words).subList(1, words.length));
    return run(args.toArray(String[]::new));
  }
}
