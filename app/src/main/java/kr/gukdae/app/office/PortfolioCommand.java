package kr.gukdae.app.office;

import java.nio.file.Path;
import java.time.LocalDate;
import kr.gukdae.UserError;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.cli.Terminal;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gukdae portfolio ...}: a programme's portfolio decision and its funding, from a terminal.
 */
@Component
@Command(
    name = "portfolio",
    mixinStandardHelpOptions = true,
    description =
        "Decides a portfolio of specialised models (each domain on its own benchmarks, then the"
            + " coverage rule), explains and replays it from the ledger, and funds the institutes"
            + " it keeps.")
public class PortfolioCommand implements GukdaeCommand {

  @Spec @Nullable CommandSpec spec;

  private final PortfolioService portfolios;

  public PortfolioCommand(PortfolioService portfolios) {
    this.portfolios = portfolios;
  }

  @Override
  public Integer call() {
    return GukdaeCommand.usage(spec);
  }

  @Command(
      name = "decide",
      mixinStandardHelpOptions = true,
      description =
          "Records the portfolio decision from the models' benchmark results, once per call, and"
              + " prints it explained.")
  int decide(
      @Option(
              names = "--programme",
              required = true,
              description = "The programme file, or a shipped example such as institutes.")
          String programme,
      @Option(
              names = "--results",
              description =
                  "A YAML or JSON file of results: [{model, benchmark, score}] with scores 0-100.")
          @Nullable Path results,
      @Option(
              names = "--demo-results",
              description = "Uses the demo results shipped with the example instead of a file.")
          boolean demoResults) {
    OfficeProgramme p = OfficeFiles.programme(programme);
    if ((results == null) == !demoResults) {
      throw UserError.of(
          "--results FILE 또는 --demo-results 중 하나만 주세요",
          "give either --results FILE or --demo-results, not both and not neither");
    }
    var list =
        results == null
            ? OfficeFiles.examplePortfolioResults(programme)
            : OfficeFiles.portfolioResults(OfficeFiles.readText(results), results.toString());
    PortfolioPrinter.print(portfolios.decide(p, list), System.out);
    return 0;
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Prints the recorded decision explained: each domain, its chosen model and why, the"
              + " coverage check and the funding.")
  int show(
      @Option(
              names = "--programme",
              required = true,
              description = "The programme file, or a shipped example such as institutes.")
          String programme) {
    PortfolioPrinter.print(portfolios.explain(OfficeFiles.programme(programme)), System.out);
    return 0;
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description =
          "Recomputes the recorded decision from the input the ledger holds; exit 0 when it is the"
              + " same, 1 when it differs.")
  int replay(
      @Option(
              names = "--programme",
              required = true,
              description = "The programme file, or a shipped example such as institutes.")
          String programme) {
    OfficeProgramme p = OfficeFiles.programme(programme);
    var r = portfolios.replay(p);
    System.out.println(
        PortfolioPrinter.coverage(r.recomputed(), r.recorded().portfolio().domains().size()));
    System.out.println(
        r.matches()
            ? Terminal.pick("원장의 입력으로 다시 계산한 결과: 같음", "recomputed from the ledger: SAME result")
            : Terminal.pick(
                "원장의 입력으로 다시 계산한 결과: 순번 " + r.recorded().seq() + "의 결정과 다름",
                "recomputed from the ledger: DIFFERENT from the decision at seq "
                    + r.recorded().seq()));
    Boolean funding = portfolios.fundingReplays(p);
    if (funding != null) {
      System.out.println(
          funding
              ? Terminal.pick("자원 배정 재현: 같음", "funding recomputed: SAME")
              : Terminal.pick("자원 배정 재현: 기록과 다름", "funding recomputed: DIFFERENT from the record"));
    }
    return r.matches() && !Boolean.FALSE.equals(funding) ? 0 : 1;
  }

  @Command(
      name = "fund",
      mixinStandardHelpOptions = true,
      description =
          "Gives every institute the recorded decision keeps the GPU quota, data budget and talent"
              + " cap of the stage after it (the stage rule) and ends the data support of those it"
              + " drops, after replaying the decision; recorded once in the ledger.")
  int fund(
      @Option(
              names = "--programme",
              required = true,
              description = "The programme file, or a shipped example such as institutes.")
          String programme,
      @Option(names = "--from", required = true, description = "The first day, YYYY-MM-DD.")
          LocalDate from,
      @Option(names = "--to", required = true, description = "The day after the last, YYYY-MM-DD.")
          LocalDate to) {
    PortfolioPrinter.printFunding(
        portfolios.fund(OfficeFiles.programme(programme), from, to), System.out);
    return 0;
  }
}
