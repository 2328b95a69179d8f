package kr.gukdae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kr.gukdae.app.review.ReviewService;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;
import kr.gukdae.stage.DemoFilesForTests;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.ProgramLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The commands that run something, in both languages under the line rule: every {@code stage}
 * subcommand on the demo programme (deciding, recomputing from the ledger, what-if, submitting
 * weights), {@code eval} against a local server speaking the OpenAI protocol, {@code needle},
 * {@code review attach} and {@code worker}'s one-shot and refused runs. The programme's own words
 * (its name, teams, models, components and references, as its file writes them) are data.
 */
class BilingualRunOutputTest extends DatabaseCommandLines {

  @TempDir Path dir;

  @Autowired ReviewService reviews;

  /**
   * A programme of its own (the demo's file under another name and model names, not marked demo) so
   * that what other tests in this context recorded for the demo does not matter: load it, see what
   * is missing, import evidence and decide, decide again with a reason, recompute from the ledger,
   * submit weights; what-if and a file ledger without the database; and the refusals.
   */
  @Test
  void stage() throws Exception {
    String name = "bilingual-run";
    Path programme = dir.resolve("programme.yaml");
    Files.writeString(
        programme,
        DemoFilesForTests.programme()
            .replaceFirst("(?m)^programme: .*$", "programme: " + name)
            .replace("demo: true", "demo: false")
            // models of its own too: eval runs other tests record for the demo's models would
            // otherwise count as this programme's evidence and the import would be refused
            .replace("[\"demo/lexical", "[\"bilingual-run/lexical"));
    Path evidence = Files.writeString(dir.resolve("evidence.yaml"), DemoFilesForTests.evidence());
    Program demo = ProgramLoader.demo();
    List<String> data = new ArrayList<>(programmeWords(demo));
    data.add(name);
    for (String lang : List.of("ko", "en")) {
      once(lang, data, "stage", "load", "--program", programme.toString());
    }
    check(data, Set.of(3), "stage", "status", "--stage", "1");
    Path reports = dir.resolve("reports");
    once(
        "ko",
        data,
        "stage",
        "run",
        "--stage",
        "1",
        "--evidence",
        evidence.toString(),
        "--out",
        reports.toString());
    // decided already: again only with a reason, refused without one
    check(data, REFUSED, "stage", "run", "--stage", "1", "--no-reports");
    once(
        "en",
        data,
        "stage",
        "run",
        "--stage",
        "1",
        "--out",
        reports.toString(),
        "--reason",
        "bilingual check");
    // the same evidence again: every record refused, nothing counted twice
    check(
        data,
        REFUSED,
        "stage",
        "run",
        "--stage",
        "1",
        "--evidence",
        evidence.toString(),
        "--no-reports");
    check(data, OK, "stage", "run", "--from-ledger", "--stage", "1", "--no-reports");
    check(data, OK, "stage", "status", "--stage", "1");
    check(
        data,
        OK,
        "stage",
        "what-if",
        "--program",
        "demo",
        "--component",
        demo.scheme().components().getFirst().id(),
        "--points",
        "5");
    // a file ledger: the self-contained path, no database
    for (String lang : List.of("ko", "en")) {
      once(
          lang,
          data,
          "stage",
          "run",
          "--program",
          "demo",
          "--ledger-file",
          dir.resolve("ledger-" + lang + ".jsonl").toString(),
          "--no-reports");
    }
    check(
        data,
        REFUSED,
        "stage",
        "run",
        "--ledger-file",
        dir.resolve("ledger.jsonl").toString(),
        "--no-reports");
    check(data, REFUSED, "stage", "load", "--program", dir.resolve("none.yaml").toString());
    var weights = DemoWeights.independent(DemoWeights.Config.tiny(), 7);
    weights.write(dir.resolve("weights"), DType.F32, 1);
    String team = demo.teams().getFirst().id();
    for (String lang : List.of("ko", "en")) {
      once(
          lang,
          data,
          "stage",
          "submit",
          "--team",
          team,
          "--stage",
          "1",
          "--weights",
          dir.resolve("weights").toString());
    }
    // submitted weights the recorded originality check did not compare: the gate's evidence is
    // stale
    check(data, Set.of(0, 3), "stage", "status", "--stage", "1");
  }

  @Test
  void eval() throws Exception {
    // the task's and its filter's names, as its file writes them
    List<String> data = List.of("fake", "demo", "arith", "boxed");
    try (var server = FakeOpenAiServer.start()) {
      check(
          data,
          OK,
          "eval",
          "--model",
          "openai/fake",
          "--base-url",
          server.baseUrl(),
          "--tasks",
          "demo/arith",
          "--limit",
          "3",
          "--no-progress",
          "--no-cache",
          "--output",
          dir.resolve("runs").toString());
    }
  }

  @Test
  void needle() {
    check(List.of(), OK, "needle", "--out", dir.toString(), "--lengths", "400", "--depths", "0,1");
    check(List.of(), REFUSED, "needle", "--out", dir.toString(), "--name", "Bad Name");
  }

  @Test
  void reviewAttach() throws Exception {
    Path log = Files.writeString(dir.resolve("train.log"), "step,loss\n0,2.3\n");
    List<String> data = new ArrayList<>(programmeWords(ProgramLoader.demo()));
    check(data, REFUSED, "review", "attach", "--team", "x", dir.resolve("none.log").toString());
    Path programme =
        Files.writeString(dir.resolve("programme.yaml"), DemoFilesForTests.programme());
    once("ko", data, "stage", "load", "--program", programme.toString());
    reviews.openPanel(1, "test");
    String team = ProgramLoader.demo().teams().getFirst().id();
    for (String lang : List.of("ko", "en")) {
      String out = once(lang, data, "review", "attach", "--team", team, log.toString());
      assertThat(out).contains(team);
    }
    check(data, REFUSED, "review", "attach", "--team", "no-such-team", log.toString());
  }

  @Test
  void worker() {
    check(List.of(), REFUSED, "worker", "--lease-seconds", "0");
    check(List.of(), REFUSED, "worker", "--set-limit", "http://127.0.0.1:9/v1=many");
    check(List.of(), REFUSED, "worker", "--set-limit", "no-limit");
    check(List.of(), OK, "worker", "--set-limit", "http://127.0.0.1:9/v1=3");
  }

  /**
   * A command group run without a subcommand prints its help as {@code --help} does, in the user's
   * language too (checked unwrapped, as {@link BilingualOutputTest} checks help).
   */
  @Test
  void groupsWithoutASubcommand() {
    String width = System.getProperty(WIDTH);
    System.setProperty(WIDTH, "400");
    try {
      for (String group :
          List.of(
              "stage",
              "review",
              "audit",
              "ledger",
              "data",
              "registry",
              "office",
              "portfolio",
              "support")) {
        for (String lang : List.of("ko", "en")) {
          assertThat(run(lang, OK, group).out())
              .as(group)
              .isEqualTo(run(lang, OK, group, "--help").out());
        }
        check(List.of(group), OK, group);
      }
    } finally {
      if (width == null) {
        System.clearProperty(WIDTH);
      } else {
        System.setProperty(WIDTH, width);
      }
    }
  }

  private static final String WIDTH = "picocli.usage.width";

  /** The programme's own words as its file writes them. */
  static List<String> programmeWords(Program p) {
    List<String> words = new ArrayList<>(List.of(p.name(), p.version()));
    p.teams()
        .forEach(t -> {
          words.addAll(List.of(t.id(), t.name(), t.targetModel()));
          t.models().values().forEach(words::addAll);
        });
    p.scheme()
        .components()
        .forEach(c -> {
          words.add(c.id());
          words.addAll(c.benchmarks());
        });
    p.references().forEach(r -> words.add(r.name()));
    return words;
  }
}
