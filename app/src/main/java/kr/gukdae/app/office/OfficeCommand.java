package kr.gukdae.app.office;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import kr.gukdae.UserError;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.designation.Designations;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.openness.OpenSourceCheck;
import kr.gukdae.resources.Compute;
import kr.gukdae.resources.SelfPayment;
import kr.gukdae.resources.SelfPayments;
import kr.gukdae.selection.RoundResult;
import kr.gukdae.selection.Selection;
import kr.gukdae.stage.Stages;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gukdae office ...}: the programme office's calls, rounds and registry from a terminal. */
@Component
@Command(
    name = "office",
    mixinStandardHelpOptions = true,
    description =
        "Programme office: calls, applications, selection rounds, open-source level, designations.")
public class OfficeCommand implements GukdaeCommand {

  private final OfficeService office;

  public OfficeCommand(OfficeService office) {
    this.office = office;
  }

  @Override
  public Integer call() {
    picocli.CommandLine.usage(this, System.out);
    return 0;
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Validate a programme file (or an example: seed-2025, extra-call-2026, contest).")
  int check(@Option(names = "--programme", required = true) String programme) {
    OfficeProgramme p = OfficeFiles.programme(programme);
    System.out.printf(
        "%s, version %s%s: call %s (%s to %s), %d round(s): %s%n",
        p.programme(),
        p.version(),
        p.demo() ? " [DEMO]" : "",
        p.call().id(),
        p.call().opens(),
        p.call().closes(),
        p.funnel().rounds().size(),
        String.join(
            " → ",
            p.funnel().rounds().stream()
                .map(r -> r.id() + " (" + r.rule().quota() + ")")
                .toList()));
    p.sources()
        .forEach(s -> System.out.println("source " + s.id() + " (" + s.date() + "): " + s.title()));
    return 0;
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import applications (YAML/JSON, applications: [...]) before the call is sealed; prints violations.")
  int importApps(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--applications", required = true) Path file) {
    OfficeProgramme p = OfficeFiles.programme(programme);
    office.importApplications(p, OfficeFiles.applications(file), "cli");
    return printViolations(p);
  }

  @Command(
      name = "eligibility",
      mixinStandardHelpOptions = true,
      description =
          "Check stored applications against the call's rules. Exit 0 when all are eligible, 1 otherwise.")
  int eligibility(@Option(names = "--programme", required = true) String programme) {
    return printViolations(OfficeFiles.programme(programme));
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write stored applications to a file.")
  int export(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--to", required = true) Path to)
      throws Exception {
    var apps = office.applications(OfficeFiles.programme(programme));
    Files.writeString(to, OfficeFiles.write(apps));
    System.out.println("exported " + apps.size() + " applications to " + to);
    return 0;
  }

  @Command(
      name = "seal",
      mixinStandardHelpOptions = true,
      description = "Seal the call's applications into the ledger (only after the deadline).")
  int seal(@Option(names = "--programme", required = true) String programme) {
    var s = office.seal(OfficeFiles.programme(programme));
    System.out.println(
        "sealed "
            + s.call()
            + " at ledger seq "
            + s.seq()
            + ": "
            + s.eligible().size()
            + " eligible; "
            + s.violations().size()
            + " violation(s)");
    s.violations().forEach(v -> System.out.println("  " + v));
    return 0;
  }

  @Command(
      name = "assign",
      mixinStandardHelpOptions = true,
      description =
          "Assign the round's panel (no conflicts of interest, balanced load) and record it.")
  int assign(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--round", required = true) String round) {
    var a = office.assign(OfficeFiles.programme(programme), round);
    a.reviewersOf().forEach((app, rs) -> System.out.println(app + ": " + String.join(", ", rs)));
    System.out.println("load: " + a.load());
    return 0;
  }

  @Command(
      name = "scores",
      mixinStandardHelpOptions = true,
      description =
          "Import reviewers' sheets (scores: [{round, reviewer, application, items, approve}]).")
  int scores(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--file", required = true) Path file)
      throws Exception {
    OfficeProgramme p = OfficeFiles.programme(programme);
    var sheets = OfficeFiles.scores(Files.readString(file), file.toString());
    sheets.forEach(s -> office.score(p, s));
    System.out.println("stored " + sheets.size() + " sheets");
    return 0;
  }

  @Command(
      name = "decide",
      mixinStandardHelpOptions = true,
      description = "Decide the round from the stored sheets and record it in the ledger.")
  int decide(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--round", required = true) String round) {
    print(office.decide(OfficeFiles.programme(programme), round));
    return 0;
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description = "Recompute a recorded round from the ledger; exit 0 SAME, 1 DIFFERENT.")
  int replay(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--round", required = true) String round) {
    Selection.Replay r = office.replay(OfficeFiles.programme(programme), round);
    print(r.recomputed());
    System.out.println(
        r.matches()
            ? "recomputed from the ledger: SAME result"
            : "recomputed from the ledger: DIFFERENT from the decision at seq " + r.decisionSeq());
    return r.matches() ? 0 : 1;
  }

  @Command(
      name = "what-if",
      mixinStandardHelpOptions = true,
      description = "Show how a recorded round changes if one criterion's weight changes.")
  int whatIf(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--round", required = true) String round,
      @Option(names = "--criterion", required = true) String criterion,
      @Option(names = "--weight", required = true) double weight) {
    var w = office.whatIf(OfficeFiles.programme(programme), round, criterion, weight);
    System.out.println(
        "selected now: "
            + w.base().selected()
            + "; with "
            + criterion
            + " at "
            + weight
            + ": "
            + w.changed().selected());
    w.changes().forEach(c -> System.out.println("  " + c));
    return 0;
  }

  @Command(
      name = "open-level",
      mixinStandardHelpOptions = true,
      description =
          "Check a released repository's open-source level and record a change in the ledger.")
  int openLevel(
      @Option(names = "--team", required = true) String team,
      @Option(names = "--repo", required = true) Path repo,
      @Option(names = "--date", description = "check date (default today)") LocalDate date,
      @Option(
              names = "--plan",
              description =
                  "self-payment plan (YAML: team, members [organisation, size, costShare,"
                      + " cashShare], costs {GPU: KRW}); recomputed and recorded on a change")
          Path plan,
      @Option(names = "--programme", description = "programme with the self-payment table")
          String programme) {
    var finding = OpenSourceCheck.inspect(repo);
    if (plan != null) {
      if (programme == null) {
        throw UserError.of(
            "--plan에는 --programme(자부담 표)이 필요합니다",
            "--plan needs --programme (the self-payment table)");
      }
      OfficeProgramme p = OfficeFiles.programme(programme);
      if (p.resources() == null || p.resources().selfPayment() == null) {
        throw UserError.of(
            programme + ": 프로그램 파일에 resources.selfPayment 표가 없습니다",
            programme + ": the programme file has no resources.selfPayment table");
      }
      var parsed =
          OfficeFiles.parse(OfficeFiles.readText(plan), plan.toString(), SelfPayment.Plan.class);
      if (!parsed.team().equals(team)) {
        throw UserError.of(
            plan + ": 팀이 '" + parsed.team() + "'입니다. '" + team + "'이어야 합니다",
            plan + ": team is '" + parsed.team() + "', expected '" + team + "'");
      }
      // Kept in the ledger: every later level change, by any path, recomputes it.
      SelfPayments.plan(office.ledger(), p.call().id(), p.resources().selfPayment(), parsed);
    }
    var checked =
        SelfPayments.check(
            office.ledger(),
            team,
            date == null ? LocalDate.now(java.time.ZoneOffset.UTC) : date,
            finding);
    var change = checked.level();
    System.out.println(
        team + ": " + finding.level() + " (" + String.join("; ", finding.reasons()) + ")");
    System.out.println(
        change == null
            ? "unchanged; nothing recorded"
            : "recorded: " + change.from() + " -> " + change.to());
    checked.selfPayment().forEach(OfficeCommand::printSelfPayment);
    return 0;
  }

  /** A recorded recomputation: the total, then each member's old and new share. */
  static void printSelfPayment(SelfPayments.Change c) {
    var after = c.after();
    System.out.printf(
        Locale.ROOT,
        "self-payment at %s: %,d KRW (cash %,d, in kind %,d); recorded [%s]%n",
        after.level(),
        after.total(),
        after.cash(),
        after.inKind(),
        c.call());
    for (SelfPayments.MemberShare m : c.members()) {
      System.out.printf(
          Locale.ROOT,
          "  %s: %s -> %,d KRW (cash %,d, in kind %,d)%n",
          m.organisation(),
          m.before() == null
              ? "-"
              : String.format(
                  Locale.ROOT,
                  "%,d KRW (cash %,d, in kind %,d)",
                  m.before().total(),
                  m.before().cash(),
                  m.before().inKind()),
          m.after().total(),
          m.after().cash(),
          m.after().inKind());
    }
  }

  @Command(
      name = "self-payment",
      mixinStandardHelpOptions = true,
      description =
          "Prints a team's self-payment recomputations, each replayed from its recorded plan and"
              + " table; exit 0 when all replay, 1 when one differs.")
  int selfPayment(@Option(names = "--team", required = true) String team) {
    var replayed = SelfPayments.replay(office.ledger(), team);
    for (SelfPayments.Replayed r : replayed) {
      if (r.change() != null) {
        printSelfPayment(r.change());
      }
      System.out.println(
          "  ledger seq " + r.seq() + ": " + (r.matches() ? "SAME" : "DIFFERENT (edited)"));
    }
    if (replayed.isEmpty()) {
      System.out.println(team + ": no self-payment recomputation recorded");
    }
    return replayed.stream().allMatch(SelfPayments.Replayed::matches) ? 0 : 1;
  }

  @Command(
      name = "allocate",
      mixinStandardHelpOptions = true,
      description =
          "GPUs for the next stage from a recorded stage decision (replayed first); recorded in the"
              + " ledger.")
  int allocate(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--stage", required = true, description = "the decided stage") int stage,
      @Option(names = "--from", required = true) LocalDate from,
      @Option(names = "--to", required = true) LocalDate to) {
    OfficeProgramme p = OfficeFiles.programme(programme);
    if (p.resources() == null) {
      throw UserError.of(
          programme + ": 프로그램 파일에 resources 항목이 없습니다",
          programme + ": the programme file has no resources section");
    }
    var replay = Stages.replay(office.ledger(), stage);
    if (!replay.matches()) {
      throw UserError.of(
          "stage " + stage + ": 기록된 결정이 재현되지 않습니다",
          "stage " + stage + ": the recorded decision does not replay");
    }
    var gpu = p.resources().gpu();
    var allocations = Compute.allocate(gpu, replay.recomputed(), stage + 1, from, to);
    Compute.record(office.ledger(), stage + 1, replay.decisionSeq(), allocations);
    for (var a : allocations) {
      System.out.printf(
          Locale.ROOT,
          "%-12s %5d %-5s %s %s to %s%n",
          a.team(),
          a.count(),
          a.gpuType(),
          a.mode(),
          a.from(),
          a.to());
    }
    for (var x : Compute.account(gpu, allocations, List.of())) {
      System.out.printf(
          Locale.ROOT,
          "%-12s %,.0f %s-hours promised%n",
          x.team(),
          x.promised(),
          gpu.referenceType());
    }
    return 0;
  }

  @Command(
      name = "designations",
      mixinStandardHelpOptions = true,
      description =
          "List the designation registry (who holds K-AI designations and the emblem, from when to when).")
  int designations() {
    var all = Designations.registry(office.ledger());
    all.forEach(d ->
        System.out.println(
            d.id()
                + "  "
                + d.kind()
                + "  "
                + d.holder()
                + "  "
                + d.from()
                + " to "
                + (d.to() == null ? "now" : d.to() + " (" + d.lapseReason() + ")")
                + "  emblem: "
                + String.join(", ", d.emblemUsers())));
    if (all.isEmpty()) {
      System.out.println("no designations recorded");
    }
    return 0;
  }

  private int printViolations(OfficeProgramme p) {
    var v = office.eligibility(p);
    System.out.println(
        office.applications(p).size() + " application(s), " + v.size() + " violation(s)");
    v.forEach(x -> System.out.println("  " + x));
    return v.isEmpty() ? 0 : 1;
  }

  private static void print(RoundResult r) {
    System.out.printf(
        "round %s (%s): %s; %d candidates%n", r.round(), r.kind(), r.rule(), r.candidates());
    for (RoundResult.Line l : r.lines()) {
      System.out.printf(
          Locale.ROOT,
          "%3d %-16s %7.2f  %-15s %s%n",
          l.rank(),
          l.application(),
          l.total(),
          l.outcome(),
          l.reason());
    }
    System.out.println(
        "selected: "
            + (r.selected().isEmpty() ? "none (no award)" : String.join(", ", r.selected())));
    r.notes().forEach(n -> System.out.println("note: " + n));
  }
}
