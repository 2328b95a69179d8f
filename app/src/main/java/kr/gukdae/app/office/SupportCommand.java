package kr.gukdae.app.office;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.cli.Terminal;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.resources.DataPurchase;
import kr.gukdae.resources.SupportLedger;
import kr.gukdae.resources.Talent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gukdae support ...}: the office records data and talent support from a terminal, through
 * the same rules and ledger records as {@code /api/office/.../data} and {@code .../talent}.
 */
@Component
@Command(
    name = "support",
    mixinStandardHelpOptions = true,
    description =
        "Records the call's joint data purchase, each team's spending against its data budget and"
            + " overseas hires with their matching, all in the audit ledger.")
public class SupportCommand implements GukdaeCommand {

  @Spec @Nullable CommandSpec spec;

  private static final String PROGRAMME =
      "The programme file, or a shipped example such as seed-2025.";

  private final OfficeService office;

  public SupportCommand(OfficeService office) {
    this.office = office;
  }

  @Override
  public Integer call() {
    return GukdaeCommand.usage(spec);
  }

  @Command(
      name = "purchase",
      mixinStandardHelpOptions = true,
      description =
          "Records the joint data purchase from the suppliers' offers and the teams' ranked wishes"
              + " (YAML or JSON: offers [{id, supplier, price}], wishes [{team, ranked}]); once per"
              + " call.")
  int purchase(
      @Option(names = "--programme", required = true, description = PROGRAMME) String programme,
      @Option(
              names = "--file",
              required = true,
              description = "The offers and wishes file, YAML or JSON.")
          Path file) {
    OfficeProgramme p = OfficeFiles.programme(programme);
    SupportRules.data(p);
    var form =
        OfficeFiles.parse(
            OfficeFiles.readText(file), file.toString(), SupportRules.PurchaseForm.class);
    print(SupportRules.purchase(office.ledger(), p, form));
    System.out.println(
        Terminal.pick("원장에 기록했습니다", "recorded in the ledger") + " (" + p.call().id() + ")");
    return 0;
  }

  @Command(
      name = "purchased",
      mixinStandardHelpOptions = true,
      description = "Prints the joint purchase recorded for the call, with every team's wishes.")
  int purchased(
      @Option(names = "--programme", required = true, description = PROGRAMME) String programme) {
    OfficeProgramme p = OfficeFiles.programme(programme);
    SupportRules.data(p);
    var bought = SupportLedger.purchase(office.ledger(), p.call().id());
    if (bought == null) {
      throw UserError.of(
          "공모 " + p.call().id() + ": 아직 기록된 공동구매가 없습니다 (gukdae support purchase)",
          "call "
              + p.call().id()
              + ": no joint purchase is recorded yet (gukdae support purchase)");
    }
    print(bought.plan());
    bought
        .wishes()
        .forEach(w ->
            System.out.println(
                "  "
                    + Terminal.padRight(w.team(), 12)
                    + Terminal.pick("희망 순위: ", "ranked: ")
                    + String.join(" > ", w.ranked())));
    return 0;
  }

  @Command(
      name = "spend",
      mixinStandardHelpOptions = true,
      description =
          "Records a team's spending against its data budget; refused, with nothing recorded,"
              + " beyond the budget.")
  int spend(
      @Option(names = "--programme", required = true, description = PROGRAMME) String programme,
      @Option(names = "--team", required = true, description = "The team's id.") String team,
      @Option(names = "--item", required = true, description = "What the money bought.")
          String item,
      @Option(names = "--amount", required = true, description = "The amount in KRW.") long amount,
      @Option(names = "--on", required = true, description = "The day it was spent, YYYY-MM-DD.")
          LocalDate on) {
    OfficeProgramme p = OfficeFiles.programme(programme);
    SupportRules.data(p);
    SupportLedger.Spending s;
    try {
      s = new SupportLedger.Spending(team, item, amount, on);
    } catch (UserError e) {
      throw UserError.of("지출의 " + e.message(true), "spending: " + e.message(false), e);
    } catch (IllegalArgumentException e) {
      throw UserError.of("지출이 올바르지 않습니다: " + e.getMessage(), "spending: " + e.getMessage());
    }
    print(SupportRules.spend(office.ledger(), p, s));
    return 0;
  }

  @Command(
      name = "budget",
      mixinStandardHelpOptions = true,
      description = "Prints a team's data budget: what it may spend, what it spent and on what.")
  int budget(
      @Option(names = "--programme", required = true, description = PROGRAMME) String programme,
      @Option(names = "--team", required = true, description = "The team's id.") String team) {
    OfficeProgramme p = OfficeFiles.programme(programme);
    print(SupportRules.budget(office.ledger(), p, team));
    return 0;
  }

  @Command(
      name = "hire",
      mixinStandardHelpOptions = true,
      description =
          "Records an overseas hire and prints the matching it gets and why (hired after the call"
              + " date, with a contract, within the cap per team and year).")
  int hire(
      @Option(names = "--programme", required = true, description = PROGRAMME) String programme,
      @Option(names = "--team", required = true, description = "The team's id.") String team,
      @Option(names = "--person", required = true, description = "The person's id.") String person,
      @Option(names = "--hired", required = true, description = "The hiring date, YYYY-MM-DD.")
          LocalDate hired,
      @Option(names = "--year", required = true, description = "The programme year supported.")
          int year,
      @Option(names = "--matching", required = true, description = "The matching asked, in KRW.")
          long matching,
      @Option(
              names = "--contract",
              description =
                  "The employment contract file; only its SHA-256 is recorded. Without it no"
                      + " matching is granted.")
          @Nullable Path contract) {
    OfficeProgramme p = OfficeFiles.programme(programme);
    SupportRules.talent(p);
    Talent.Hire h;
    try {
      h =
          new Talent.Hire(
              team, person, hired, contract == null ? null : sha256(contract), year, matching);
    } catch (UserError e) {
      throw UserError.of("채용의 " + e.message(true), "hire: " + e.message(false), e);
    } catch (IllegalArgumentException e) {
      throw UserError.of("채용이 올바르지 않습니다: " + e.getMessage(), "hire: " + e.getMessage());
    }
    print(SupportRules.hire(office.ledger(), p, h).line());
    return 0;
  }

  @Command(
      name = "talent",
      mixinStandardHelpOptions = true,
      description = "Lists the hires recorded in the call (one team's with --team).")
  int talent(
      @Option(names = "--programme", required = true, description = PROGRAMME) String programme,
      @Option(names = "--team", description = "Only this team's hires.") @Nullable String team) {
    OfficeProgramme p = OfficeFiles.programme(programme);
    SupportRules.talent(p);
    var hires =
        SupportLedger.hires(office.ledger(), p.call().id()).stream()
            .filter(x -> team == null || x.hire().team().equals(team))
            .toList();
    hires.forEach(x -> print(x.line()));
    if (hires.isEmpty()) {
      System.out.println(Terminal.pick("기록된 채용이 없습니다", "no hires recorded"));
    }
    return 0;
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Sha256.hex(in);
    } catch (IOException e) {
      throw UserError.of(
          "--contract " + file + ": 읽을 수 없습니다 (" + e.getMessage() + ")",
          "--contract " + file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  private static void print(DataPurchase.Plan plan) {
    System.out.printf(
        Locale.ROOT,
        "%s %,d KRW, %s %,d KRW%n",
        Terminal.pick("공동구매 예산", "joint budget"),
        plan.budget(),
        Terminal.pick("지출", "spent"),
        plan.spent());
    System.out.println(
        Terminal.pick("구매: ", "bought: ")
            + (plan.bought().isEmpty() ? "—" : String.join(", ", plan.bought())));
    plan.points()
        .forEach((id, pts) ->
            System.out.println(
                "  "
                    + Terminal.padRight(id, 12)
                    + pts
                    + Terminal.pick("점 (희망 순위)", " points (ranked wishes)")));
    if (!plan.unmet().isEmpty()) {
      System.out.println(
          Terminal.pick("예산 안에 들지 않음: ", "not within the budget: ")
              + String.join(", ", plan.unmet()));
    }
  }

  private static void print(SupportLedger.Budget b) {
    System.out.printf(
        Locale.ROOT,
        "%s: %s %,d KRW, %s %,d, %s %,d%n",
        b.team(),
        Terminal.pick("데이터 예산", "data budget"),
        b.budget(),
        Terminal.pick("지출", "spent"),
        b.spent(),
        Terminal.pick("잔액", "left"),
        b.left());
    b.terms()
        .forEach(t ->
            System.out.println(
                "  "
                    + (t.kept()
                        ? String.format(
                            Locale.ROOT,
                            Terminal.pick(
                                "단계 %d (%s – %s): 데이터 %,d원 추가, 인재 연 상한 %,d원 (원장 순번 %d의 결정)",
                                "stage %d (%s – %s): data %,d KRW added, talent cap %,d KRW/year"
                                    + " (decision at ledger seq %d)"),
                            t.stage(),
                            t.from(),
                            t.to(),
                            t.dataBudget(),
                            t.talentCapPerYear(),
                            t.decisionSeq())
                        : String.format(
                            Locale.ROOT,
                            Terminal.pick(
                                "단계 %d: 유지되지 않아 %s부터 데이터 지원 없음 (원장 순번 %d의 결정)",
                                "stage %d: not kept, no data support from %s (decision at ledger"
                                    + " seq %d)"),
                            t.stage(),
                            t.from(),
                            t.decisionSeq()))));
    b.lines()
        .forEach(
            l -> System.out.printf(Locale.ROOT, "  %s  %,15d  %s%n", l.on(), l.amount(), l.item()));
  }

  private static void print(Talent.Line l) {
    System.out.printf(
        Locale.ROOT,
        "%s/%s %d: %s %,d KRW, %s %,d KRW — %s%n",
        l.team(),
        l.person(),
        l.year(),
        Terminal.pick("요청", "asked"),
        l.asked(),
        Terminal.pick("지원", "granted"),
        l.granted(),
        TalentReasons.of(l.reason(), Terminal.korean()));
  }
}
