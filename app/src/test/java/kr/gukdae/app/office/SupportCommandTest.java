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

    Run bought =
        run(
            "--lang",
            "en",
            "support",
            "purchase",
            "--programme",
            "seed-2025",
            "--file",
            offers.toString());
    assertThat(bought.code()).as(bought.err()).isZero();
    assertThat(bought.out())
        .contains("joint budget 10,000,000,000 KRW, spent 9,000,000,000 KRW")
        .contains("bought: news, web")
        .contains("not within the budget: books")
        .contains("recorded in the ledger (seed-2025)");
    Run twice =
        run(
            "--lang",
            "ko",
            "support",
            "purchase",
            "--programme",
            "seed-2025",
            "--file",
            offers.toString());
    assertThat(twice.code()).isEqualTo(2);
    assertThat(twice.err()).contains("공동구매가 이미 기록되었습니다").doesNotContain("already");

    Run spent =
        run(
            "--lang",
            "en",
            "support",
            "spend",
            "--programme",
            "seed-2025",
            "--team",
            "mirae",
            "--item",
            "labelling",
            "--amount",
            "2000000000",
            "--on",
            "2026-03-01");
    assertThat(spent.code()).as(spent.err()).isZero();
    assertThat(spent.out())
        .contains("mirae: data budget 2,800,000,000 KRW, spent 2,000,000,000, left 800,000,000");
    Run over =
        run(
            "--lang",
            "en",
            "support",
            "spend",
            "--programme",
            "seed-2025",
            "--team",
            "mirae",
            "--item",
            "OCR",
            "--amount",
            "900000000",
            "--on",
            "2026-04-01");
    assertThat(over.code()).isEqualTo(2);
    assertThat(over.err()).contains("exceeds the data budget by 100,000,000 KRW");

    Run hired =
        run(
            "--lang",
            "ko",
            "support",
            "hire",
            "--programme",
            "seed-2025",
            "--team",
            "mirae",
            "--person",
            "p1",
            "--hired",
            "2025-09-01",
            "--year",
            "2026",
            "--matching",
            "2500000000",
            "--contract",
            contract.toString());
    assertThat(hired.code()).as(hired.err()).isZero();
    assertThat(hired.out())
        .contains(
            "mirae/p1 2026: 요청 2,500,000,000 KRW, 지원 2,000,000,000 KRW — 상한 적용: 팀당 연 2000000000원");
    Run early =
        run(
            "--lang",
            "en",
            "support",
            "hire",
            "--programme",
            "seed-2025",
            "--team",
            "mirae",
            "--person",
            "p2",
            "--hired",
            "2025-06-01",
            "--year",
            "2026",
            "--matching",
            "100");
    assertThat(early.code()).as(early.err()).isZero();
    assertThat(early.out())
        .contains("granted 0 KRW — hired 2025-06-01, not after the call date 2025-06-20");

    Run talent =
        run("--lang", "en", "support", "talent", "--programme", "seed-2025", "--team", "mirae");
    assertThat(talent.code()).isZero();
    assertThat(talent.out()).contains("mirae/p1 2026").contains("mirae/p2 2026");

    Run budget =
        run("--lang", "ko", "support", "budget", "--programme", "seed-2025", "--team", "mirae");
    assertThat(budget.code()).isZero();
    assertThat(budget.out())
        .contains("mirae: 데이터 예산 2,800,000,000 KRW, 지출 2,000,000,000, 잔액 800,000,000")
        .contains("labelling")
        .doesNotContain("OCR");
  }
}
