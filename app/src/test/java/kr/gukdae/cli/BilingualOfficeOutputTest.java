package kr.gukdae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.app.office.OfficeService;
import kr.gukdae.call.Application;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.portfolio.Portfolio;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.stage.Stages;
import kr.gukdae.testing.InProcessLauncher.Run;
import kr.gukdae.testing.LineRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The programme office's recording commands in both languages under the line rule: a call taken
 * from import to a decided round with its replay and what-if, a team's open-source level and
 * self-payment, a stage's resources, the call's data and talent support and an institutes'
 * portfolio, each with its refusals. Every language runs on copies of the shipped examples under
 * call ids and team names of its own, so the two runs, and other tests in the shared context, never
 * meet. The programme's own words (as its file writes them), ids, names and numbers are data.
 */
class BilingualOfficeOutputTest extends DatabaseCommandLines {

  /**
   * English words the line rule lets through in a Korean line that has other Hangul: a refusal's
   * "where" (call, stage, round ...) or a GPU mode printed as its constant. Korean names them (the
   * command's own name, after "gukdae", is not one of them).
   */
  static final String ENGLISH_IN_KOREAN =
      "(?<![\\w.-])(?<!gukdae )(call|stage|round|score|hire|spending|application|LEASE|PURCHASE)(?![\\w.-])";

  @TempDir Path dir;

  @Autowired OfficeService office;

  @Test
  void aCallFromImportToItsDecidedRoundAndItsSupport() throws Exception {
    // Stage 1's decision, from the stage demo, is what `office allocate` gives stage 2 from. Stage
    // allocations are one per stage in the whole ledger, so one language records them and both
    // read the refusal of a second.
    Stages.run(ProgramLoader.demo(), 1, EvidenceLoader.demo(), context.getBean(Ledger.class));
    String allocated = null;
    List<String> allocatedWords = List.of();
    for (String lang : List.of("ko", "en")) {
      String call = "bi-office-" + lang;
      String team = "bi-team-" + lang;
      Path file =
          write(
              call + ".yaml",
              OfficeFiles.example("seed-2025.yaml")
                  .replace("  id: seed-2025\n", "  id: " + call + "\n"));
      String prog = file.toString();
      OfficeProgramme p = OfficeFiles.programme(file);
      // One applicant without a university member and a demo video: two violations.
      Path apps =
          write(
              call + "-applications.yaml",
              OfficeFiles.example("seed-2025-applications.yaml")
                  .replace("call: seed-2025\n", "call: " + call + "\n")
                  .replaceFirst(
                      "      - \\{organisation: Hanbit University, role: ACADEMIC, size:"
                          + " UNIVERSITY\\}\n",
                      "")
                  .replaceFirst(
                      "      - \\{kind: DEMO_VIDEO, name: hanbit-DEMO_VIDEO.pdf, sha256:"
                          + " [0-9a-f]{64}\\}\n",
                      ""));
      List<String> data = words(p, OfficeFiles.applications(apps), call, team);

      step(lang, NO, data, "office", "import", "--programme", prog, "--applications", apps + "");
      step(lang, OK, data, "office", "export", "--programme", prog, "--to", dir + "/out-" + call);
      refused(lang, data, "office", "export", "--programme", prog, "--to", dir.toString());
      step(lang, OK, data, "office", "seal", "--programme", prog);
      refused(lang, data, "office", "seal", "--programme", prog);
      refused(lang, data, "office", "import", "--programme", prog, "--applications", apps + "");
      step(lang, OK, data, "office", "assign", "--programme", prog, "--round", "written");
      refused(lang, data, "office", "assign", "--programme", prog, "--round", "no-such-round");

      Path sheets = write(call + "-scores.yaml", sheets(p));
      step(lang, OK, data, "office", "scores", "--programme", prog, "--file", sheets + "");
      Path stray =
          write(
              call + "-stray.yaml",
              "scores:\n  - {round: written, reviewer: rv01, application: nobody, items:"
                  + " {technology: 5, goals-strategy: 5, impact: 5}}\n");
      refused(lang, data, "office", "scores", "--programme", prog, "--file", stray + "");
      refused(lang, data, "office", "replay", "--programme", prog, "--round", "written");
      step(lang, OK, data, "office", "decide", "--programme", prog, "--round", "written");
      refused(lang, data, "office", "decide", "--programme", prog, "--round", "written");
      step(lang, OK, data, "office", "replay", "--programme", prog, "--round", "written");
      String[] whatIf = {"office", "what-if", "--programme", prog, "--round", "written"};
      step(lang, OK, data, with(whatIf, "--criterion", "impact", "--weight", "50"));
      String unknown =
          refused(lang, data, with(whatIf, "--criterion", "novelty", "--weight", "50"));
      // the refusal names what 'novelty' is not, in the run's language
      assertThat(unknown).contains("novelty", lang.equals("ko") ? "기준" : "criterion");

      if (lang.equals("ko")) {
        String[] allocate = {
          "office",
          "allocate",
          "--programme",
          prog,
          "--stage",
          "1",
          "--from",
          "2026-02-01",
          "--to",
          "2026-08-01"
        };
        allocatedWords = new ArrayList<>(data);
        allocatedWords.addAll(ProgramLoader.demo().teams().stream().map(t -> t.id()).toList());
        step(lang, OK, allocatedWords, allocate);
        // kept and dropped teams' data budgets after the stage
        for (String kept : List.of("hanbit", "dokdo")) {
          step(lang, OK, allocatedWords, "support", "budget", "--programme", prog, "--team", kept);
        }
        allocated = prog;
      }

      openLevelAndSelfPayment(lang, prog, team, data);
      support(lang, prog, team, data);
    }
    // A second allocation for the stage, in either language, is refused.
    String ko = java.util.Objects.requireNonNull(allocated);
    String[] again = {
      "office",
      "allocate",
      "--programme",
      ko,
      "--stage",
      "1",
      "--from",
      "2026-02-01",
      "--to",
      "2026-08-01"
    };
    refusedInBoth(allocatedWords, again);
    // A programme without support rules names the section it lacks.
    refusedInBoth(
        List.of("extra-call-2026", "bi-team-en"),
        "support",
        "budget",
        "--programme",
        "extra-call-2026",
        "--team",
        "bi-team-en");
  }

  /** A team's release read twice (a licence change is recorded with its self-payment). */
  private void openLevelAndSelfPayment(String lang, String prog, String team, List<String> data)
      throws Exception {
    Path repo = Files.createDirectories(dir.resolve("release-" + team));
    Files.writeString(repo.resolve("README.md"), "---\nlicense: apache-2.0\n---\n");
    Files.write(repo.resolve("model.safetensors"), new byte[] {1});
    Path plan =
        write(
            team + "-plan.yaml",
            "team: "
                + team
                + "\nmembers:\n  - {organisation: Bi Lab, size: LARGE, costShare: 1.0, cashShare:"
                + " 0.5}\ncosts: {GPU: 10000000000}\n");
    List<String> words = new ArrayList<>(data);
    words.add("Bi Lab");
    String[] openLevel = {"office", "open-level", "--team", team, "--repo", repo.toString()};
    String[] withPlan = with(openLevel, "--plan", plan.toString(), "--programme", prog);
    step(lang, OK, words, with(withPlan, "--date", "2026-01-15"));
    Files.writeString(repo.resolve("README.md"), "---\nlicense: cc-by-nc-4.0\n---\n");
    step(lang, OK, words, with(withPlan, "--date", "2026-07-15"));
    step(lang, OK, words, with(openLevel, "--date", "2026-08-15"));
    refused(lang, words, with(openLevel, "--plan", plan.toString()));
    Path other = write(team + "-other-plan.yaml", Files.readString(plan).replace(team, "bi-x"));
    refused(lang, words, with(openLevel, "--plan", other.toString(), "--programme", prog));
    step(lang, OK, words, "office", "self-payment", "--team", team);
    step(lang, OK, words, "office", "self-payment", "--team", team + "-none");
  }

  /** The call's joint purchase, a team's spending and its overseas hires. */
  private void support(String lang, String prog, String team, List<String> data) throws Exception {
    Path offers =
        write(
            team + "-purchase.yaml",
            "offers:\n"
                + "  - {id: news, supplier: press, price: 4000000000}\n"
                + "  - {id: books, supplier: pub, price: 3000000000}\n"
                + "  - {id: archive, supplier: crawl, price: 5000000000}\n"
                + "wishes:\n"
                + "  - {team: "
                + team
                + ", ranked: [news, books]}\n"
                + "  - {team: bi-other-"
                + lang
                + ", ranked: [archive, news]}\n");
    Path contract = write(team + "-contract.pdf", "employment contract of p1");
    List<String> words = new ArrayList<>(data);
    words.addAll(List.of("news", "books", "archive", "press", "pub", "crawl", "labelling"));
    words.add("bi-other-" + lang);
    String[] support = {"--programme", prog};
    refused(lang, words, with(new String[] {"support", "purchased"}, support));
    step(
        lang,
        OK,
        words,
        with(new String[] {"support", "purchase"}, with(support, "--file", offers + "")));
    step(lang, OK, words, with(new String[] {"support", "purchased"}, support));
    refused(
        lang,
        words,
        with(new String[] {"support", "purchase"}, with(support, "--file", offers + "")));
    String[] spend = with(new String[] {"support", "spend"}, with(support, "--team", team));
    step(
        lang,
        OK,
        words,
        with(spend, "--item", "labelling", "--amount", "2000000000", "--on", "2026-03-01"));
    refused(
        lang,
        words,
        with(spend, "--item", "labelling", "--amount", "900000000", "--on", "2026-04-01"));
    refused(lang, words, with(spend, "--item", "labelling", "--amount", "1", "--on", "2026-02-30"));
    step(lang, OK, words, with(new String[] {"support", "budget"}, with(support, "--team", team)));
    String[] hire = with(new String[] {"support", "hire"}, with(support, "--team", team));
    step(
        lang,
        OK,
        words,
        with(
            hire,
            "--person",
            "p1",
            "--hired",
            "2025-09-01",
            "--year",
            "2026",
            "--matching",
            "2500000000",
            "--contract",
            contract + ""));
    step(
        lang,
        OK,
        words,
        with(
            hire,
            "--person",
            "p2",
            "--hired",
            "2025-06-01",
            "--year",
            "2026",
            "--matching",
            "100"));
    step(
        lang,
        OK,
        words,
        with(
            hire,
            "--person",
            "p3",
            "--hired",
            "2025-09-01",
            "--year",
            "2026",
            "--matching",
            "100"));
    refused(
        lang,
        words,
        with(
            hire, "--person", "p4", "--hired", "2025-09-01", "--year", "2026", "--matching", "-5"));
  }

  @Test
  void aPortfolioDecidedReplayedAndFunded() throws Exception {
    for (String lang : List.of("ko", "en")) {
      String call = "bi-inst-" + lang;
      Path file =
          write(
              call + ".yaml",
              OfficeFiles.example("institutes.yaml")
                  .replace("  id: institutes-2026\n", "  id: " + call + "\n"));
      String prog = file.toString();
      OfficeProgramme p = OfficeFiles.programme(file);
      Path results = write(call + "-results.yaml", OfficeFiles.example("institutes-results.yaml"));
      Path wrong =
          write(
              call + "-wrong.yaml",
              "results:\n  - {model: kilaw-law-7b, benchmark: ocean-qa, score: 50}\n");
      List<String> data = words(p, List.of(), call, call);
      Portfolio portfolio = java.util.Objects.requireNonNull(p.portfolio());
      portfolio
          .domains()
          .forEach(d -> {
            data.addAll(List.of(d.id(), d.label()));
            d.benchmarks().forEach(b -> data.add(b.id()));
          });
      portfolio
          .institutes()
          .forEach(i -> {
            data.addAll(List.of(i.id(), i.name()));
            i.models().forEach(m -> data.add(m.id()));
          });
      refused(lang, data, "portfolio", "replay", "--programme", prog);
      refused(lang, data, "portfolio", "decide", "--programme", prog, "--results", wrong + "");
      refused(lang, data, "portfolio", "decide", "--programme", prog);
      step(lang, OK, data, "portfolio", "decide", "--programme", prog, "--results", results + "");
      refused(lang, data, "portfolio", "decide", "--programme", prog, "--results", results + "");
      String[] fund = {"portfolio", "fund", "--programme", prog, "--from", "2026-07-01", "--to"};
      step(lang, OK, data, with(fund, "2027-01-01"));
      refused(lang, data, with(fund, "2027-01-01"));
      step(lang, OK, data, "portfolio", "replay", "--programme", prog);
      step(lang, OK, data, "support", "budget", "--programme", prog, "--team", "kimed");
    }
  }

  /** Runs a command in one language, expects one of {@code codes}, checks what it printed. */
  private String step(String lang, Set<Integer> codes, List<String> data, String... args) {
    String out = run(lang, codes, args).out();
    assertThat(out).as(String.join(" ", args)).isNotBlank();
    LineRule.checkOne(String.join(" ", args), lang, out, data);
    mixed(lang, out, data, args);
    return out;
  }

  /** A refusal: exit code 2, one message on stderr in the run's language, nothing on stdout. */
  private String refused(String lang, List<String> data, String... args) {
    Run run = run(lang, REFUSED, args);
    assertThat(run.err()).as(String.join(" ", args)).isNotBlank().doesNotContain("\tat ");
    LineRule.checkOne(String.join(" ", args), lang, run.err(), typed(data, args));
    mixed(lang, run.err(), typed(data, args), args);
    return run.err();
  }

  private static void mixed(String lang, String out, List<String> data, String... args) {
    if (lang.equals("ko")) {
      assertThat(LineRule.withoutData(out, data))
          .as(String.join(" ", args))
          .doesNotContainPattern(ENGLISH_IN_KOREAN);
    }
  }

  /** A refusal that records nothing, in both languages. */
  private void refusedInBoth(List<String> data, String... args) {
    LineRule.check(
        String.join(" ", args), refused("ko", data, args), refused("en", data, args), data);
  }

  /**
   * The programme's own words as its file writes them (name, sources, call title, reviewers, rounds
   * and criteria), the applications' ids and names, the call's id and the team's name.
   */
  private static List<String> words(
      OfficeProgramme p, List<Application> apps, String call, String team) {
    List<String> out = new ArrayList<>(List.of(p.programme(), p.call().title(), call, team));
    p.sources().forEach(s -> out.addAll(List.of(s.id(), s.title(), String.valueOf(s.note()))));
    p.funnel()
        .reviewers()
        .forEach(r -> {
          out.addAll(List.of(r.id(), r.name()));
          out.addAll(r.affiliations());
        });
    p.funnel()
        .rounds()
        .forEach(r -> {
          out.add(r.id());
          r.criteria().forEach(c -> out.addAll(List.of(c.id(), c.label())));
        });
    apps.forEach(a -> {
      out.addAll(List.of(a.id(), a.consortium()));
      a.members().forEach(m -> out.add(m.organisation()));
      a.documents().forEach(d -> out.add(d.name()));
    });
    return out;
  }

  /** Every assigned reviewer's sheet for the written round: the seed* applicants score lower. */
  private String sheets(OfficeProgramme p) {
    List<Map<String, Object>> sheets = new ArrayList<>();
    office
        .assignment(p, "written")
        .reviewersOf()
        .forEach((app, rs) ->
            rs.forEach(r -> {
              double q = app.startsWith("seed") ? 6.0 : 9.0;
              Map<String, Object> s = new LinkedHashMap<>();
              s.put("round", "written");
              s.put("reviewer", r);
              s.put("application", app);
              s.put("items", Map.of("technology", q, "goals-strategy", q, "impact", q));
              sheets.add(s);
            }));
    return YAMLMapper.builder().build().writeValueAsString(Map.of("scores", sheets));
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private static String[] with(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
