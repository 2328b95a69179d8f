package kr.gukdae.app.office;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.designation.Designations;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.openness.OpenSourceCheck;
import kr.gukdae.resources.Compute;
import kr.gukdae.resources.SelfPayment;
import kr.gukdae.resources.SelfPayments;
import kr.gukdae.resources.StageAllocations;
import kr.gukdae.selection.Selection;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gukdae office ...}: the programme office's calls, rounds and registry from a terminal. */
@Component
@Command(
    name = "office",
    mixinStandardHelpOptions = true,
    description = {
      "Programme office: calls, applications, selection rounds, open-source level, resources,"
          + " designations.",
      "Each subcommand: gukdae office <command> --help"
    })
public class OfficeCommand implements GukdaeCommand {

  @Spec @Nullable CommandSpec spec;

  private final OfficeService office;

  public OfficeCommand(OfficeService office) {
    this.office = office;
  }

  @Override
  public Integer call() {
    return GukdaeCommand.usage(spec);
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Validate a programme file (or an example: seed-2025, extra-call-2026, contest, institutes)."
      })
  int check(@Option(names = "--programme", required = true) String programme) {
    OfficePrinter.programme(OfficeFiles.programme(programme));
    return 0;
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import applications (YAML/JSON, applications: [...]) before the call is sealed; prints violations."
      })
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
      description = {
        "Check stored applications against the call's rules. Exit 0 when all are eligible, 1 otherwise."
      })
  int eligibility(@Option(names = "--programme", required = true) String programme) {
    return printViolations(OfficeFiles.programme(programme));
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write stored applications to a file.")
  int export(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--to", required = true) Path to) {
    var apps = office.applications(OfficeFiles.programme(programme));
    try {
      Files.writeString(to, OfficeFiles.write(apps));
    } catch (IOException e) {
      // one line in the run's language, not a stack trace (a folder, a missing or read-only one)
      throw UserError.unwritable("--to " + to, e);
    }
    OfficePrinter.exported(apps.size(), to);
    return 0;
  }

  @Command(
      name = "seal",
      mixinStandardHelpOptions = true,
      description = {"Seal the call's applications into the ledger (only after the deadline)."})
  int seal(@Option(names = "--programme", required = true) String programme) {
    OfficePrinter.sealed(office.seal(OfficeFiles.programme(programme)));
    return 0;
  }

  @Command(
      name = "assign",
      mixinStandardHelpOptions = true,
      description = {
        "Assign the round's panel (no conflicts of interest, balanced load) and record it."
      })
  int assign(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--round", required = true) String round) {
    var a = office.assign(OfficeFiles.programme(programme), round);
    OfficePrinter.assigned(a.reviewersOf(), a.load());
    return 0;
  }

  @Command(
      name = "scores",
      mixinStandardHelpOptions = true,
      description = {
        "Import reviewers' sheets (scores: [{round, reviewer, application, items, approve}])."
      })
  int scores(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--file", required = true) Path file)
      throws Exception {
    OfficeProgramme p = OfficeFiles.programme(programme);
    var sheets = OfficeFiles.scores(Files.readString(file), file.toString());
    sheets.forEach(s -> office.score(p, s));
    OfficePrinter.stored(sheets.size());
    return 0;
  }

  @Command(
      name = "decide",
      mixinStandardHelpOptions = true,
      description = {"Decide the round from the stored sheets and record it in the ledger."})
  int decide(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--round", required = true) String round) {
    OfficePrinter.round(office.decide(OfficeFiles.programme(programme), round));
    return 0;
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description = {"Recompute a recorded round from the ledger; exit 0 SAME, 1 DIFFERENT."})
  int replay(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--round", required = true) String round) {
    Selection.Replay r = office.replay(OfficeFiles.programme(programme), round);
    OfficePrinter.replayed(r);
    return r.matches() ? 0 : 1;
  }

  @Command(
      name = "what-if",
      mixinStandardHelpOptions = true,
      description = {"Show how a recorded round changes if one criterion's weight changes."})
  int whatIf(
      @Option(names = "--programme", required = true) String programme,
      @Option(names = "--round", required = true) String round,
      @Option(names = "--criterion", required = true) String criterion,
      @Option(names = "--weight", required = true) double weight) {
    var w = office.whatIf(OfficeFiles.programme(programme), round, criterion, weight);
    OfficePrinter.whatIf(w, criterion, weight);
    return 0;
  }

  @Command(
      name = "open-level",
      mixinStandardHelpOptions = true,
      description = {
        "Check a released repository's open-source level and record a change in the ledger."
      })
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
    OfficePrinter.openLevel(team, finding, checked.level());
    checked.selfPayment().forEach(OfficePrinter::selfPayment);
    return 0;
  }

  @Command(
      name = "self-payment",
      mixinStandardHelpOptions = true,
      description = {
        "Prints a team's self-payment recomputations, each replayed from its recorded plan and"
            + " table; exit 0 when all replay, 1 when one differs."
      })
  int selfPayment(@Option(names = "--team", required = true) String team) {
    var replayed = SelfPayments.replay(office.ledger(), team);
    for (SelfPayments.Replayed r : replayed) {
      if (r.change() != null) {
        OfficePrinter.selfPayment(r.change());
      }
      if (r.legacy() != null) {
        OfficePrinter.selfPayment(r.legacy());
      }
      OfficePrinter.replayedSelfPayment(r.seq(), r.matches());
    }
    if (replayed.isEmpty()) {
      OfficePrinter.noSelfPayment(team);
    }
    return replayed.stream().allMatch(SelfPayments.Replayed::matches) ? 0 : 1;
  }

  @Command(
      name = "allocate",
      mixinStandardHelpOptions = true,
      description = {
        "GPUs, data budget and talent cap for the next stage from a recorded stage decision"
            + " (replayed first); recorded in the ledger once."
      })
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
    var g =
        StageAllocations.allocate(office.ledger(), p.call().id(), p.resources(), stage, from, to);
    var gpu = p.resources().gpu();
    OfficePrinter.allocations(
        g.allocations(), Compute.account(gpu, g.allocations(), List.of()), gpu.referenceType());
    OfficePrinter.support(g);
    return 0;
  }

  @Command(
      name = "designations",
      mixinStandardHelpOptions = true,
      description = {
        "List the designation registry (who holds K-AI designations and the emblem, from when to when)."
      })
  int designations() {
    OfficePrinter.designations(Designations.registry(office.ledger()));
    return 0;
  }

  private int printViolations(OfficeProgramme p) {
    var v = office.eligibility(p);
    OfficePrinter.violations(office.applications(p).size(), v);
    return v.isEmpty() ? 0 : 1;
  }
}
