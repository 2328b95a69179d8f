package kr.gukdae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.gukdae.eval.tasks.TaskRegistry;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;
import kr.gukdae.testing.InProcessLauncher;
import kr.gukdae.testing.InProcessLauncher.Run;
import kr.gukdae.testing.LineRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every standalone command, run in this JVM under {@code --lang ko} and {@code --lang en}, checked
 * by {@link LineRule}: in Korean no line a person reads is English only, in English none carries
 * Hangul, once the user's own data (model, task and repo names, task files' descriptions) is taken
 * out. A new header, label or sentence printed without {@link Terminal#pick} fails here.
 */
class BilingualOutputTest {

  @RegisterExtension InProcessLauncher gukdae = new InProcessLauncher();

  @TempDir Path dir;

  /** The terminal reads the pages' word table: both languages, the same names, parsed whole. */
  @Test
  void enumWordsComeFromThePagesTable() {
    EnumLabels table = EnumLabels.table();
    assertThat(table.korean()).hasSizeGreaterThan(50);
    assertThat(table.korean().keySet()).isEqualTo(table.english().keySet());
    assertThat(table.korean().values()).allMatch(BilingualOutputTest::hangul);
    assertThat(table.word("COUNTED", true)).isEqualTo("집계됨");
    assertThat(table.word("COUNTED", false)).isEqualTo("counted");
  }

  @Test
  void tasks() {
    List<String> data = new ArrayList<>();
    TaskRegistry registry = TaskRegistry.create(List.of());
    registry.entries().forEach(e -> data.addAll(List.of(e.name(), e.description())));
    registry.groups().forEach(g -> data.add(g.name()));
    check(data, "tasks");
  }

  @Test
  void ratings() throws Exception {
    Path battles = dir.resolve("battles.csv");
    Files.writeString(
        battles,
        "model_a,model_b,winner,judge\nalpha,beta,model_a,j1\nbeta,alpha,tie,j2\n"
            + "alpha,gamma,model_a,j1\ngamma,beta,model_b,j2\n");
    List<String> data = List.of("alpha", "beta", "gamma", "j1", "j2");
    check(data, "ratings", "--battles", battles.toString(), "--bootstrap", "5");
    check(data, "ratings", "--battles", battles.toString(), "--check-judges", "0.5");
  }

  @Test
  void compare() throws Exception {
    Path results = dir.resolve("lm-eval-results.json");
    try (InputStream in =
        getClass().getResourceAsStream("/kr/gukdae/app/compare/lm-eval-results.json")) {
      Files.write(results, in.readAllBytes());
    }
    List<String> data =
        List.of(
            "demo-frontier-a",
            "demo-frontier-b",
            "demo-frontier-c",
            "DEMO: invented number for trying the comparison",
            "kmmlu",
            "hellaswag");
    String[] args = {
      "compare",
      "--results",
      results.toString(),
      "--references",
      "demo",
      "--best-within",
      "6",
      "--as-of",
      "2026-01-15"
    };
    check(data, args);
    // The reason sits inside a Korean label, so the line check alone would pass it in English.
    String open = "참조 없음 (";
    List<String> reasons =
        run("ko", args)
            .out()
            .lines()
            .filter(l -> l.startsWith(open))
            .map(l -> l.substring(open.length(), l.lastIndexOf("): ")))
            .toList();
    assertThat(reasons).as("no-reference reasons").isNotEmpty();
    assertThat(reasons).allMatch(BilingualOutputTest::hangul).noneMatch(r -> englishOnly(r, data));
  }

  /** The count's explanation sentences come from the core in both languages and are checked too. */
  @Test
  void lineage() {
    String[] args = {
      "lineage",
      "--demo",
      "--root",
      "demo-team-1/Hanbit-32B",
      "--since",
      "2025-08-01",
      "--until",
      "2026-01-15",
      "--tree",
      "20"
    };
    List<String> ko = run("ko", args).out().lines().toList();
    assertThat(ko).as("the explanation's lines").anyMatch(l -> l.startsWith("  규칙: "));
    assertThat(ko).anyMatch(l -> l.startsWith("  집계: "));
    check(List.of("Hanbit"), args);
  }

  @Test
  void originality() throws Exception {
    var base = DemoWeights.independent(DemoWeights.Config.tiny(), 1);
    base.write(dir.resolve("base"), DType.F32, 1);
    base.write(dir.resolve("team"), DType.F32, 1);
    // a low first loss, a resumption, a gap and a loss spike: every kind of flag a log can raise
    Path log =
        Files.writeString(
            dir.resolve("loss.csv"),
            "step,loss\n0,2.3\n10,2.2\n20,2.1\n10,2.15\n20,2.1\n30,2.0\n500,6.0\n510,1.9\n");
    List<String> data =
        List.of("foreign", "team", "embed", "lm_head", "layers", "norm", "attn", "mlp");
    String[] args = {
      "originality",
      "--candidate",
      dir.resolve("team").toString(),
      "--reference",
      "foreign=" + dir.resolve("base"),
      "--log",
      log.toString(),
      "--no-store"
    };
    check(data, args);
    // The flag's sentence follows a Korean label, so the line check alone would pass it in English.
    List<String> flags =
        run("ko", args)
            .out()
            .lines()
            .filter(l -> l.startsWith("  [") && l.contains("): "))
            .map(l -> l.substring(l.indexOf("): ") + 3))
            .toList();
    assertThat(flags).as("training-log flags").hasSizeGreaterThanOrEqualTo(3);
    assertThat(flags).allMatch(BilingualOutputTest::hangul).noneMatch(f -> englishOnly(f, data));
  }

  @Test
  void auditVerify() throws Exception {
    Ledger ledger = Ledger.inMemory();
    ledger.append("note", Map.of("text", "first"));
    Path export = dir.resolve("ledger.jsonl");
    ledger.exportTo(export);
    check(List.of(), "audit", "verify", "--file", export.toString());
  }

  /** A broken chain's reason comes from the core in both languages. */
  @Test
  void auditVerifyBroken() throws Exception {
    Ledger ledger = Ledger.inMemory();
    ledger.append("note", Map.of("text", "first"));
    Path export = dir.resolve("edited.jsonl");
    ledger.exportTo(export);
    Files.writeString(export, Files.readString(export).replace("first", "forged"));
    String[] args = {"audit", "verify", "--file", export.toString()};
    check(List.of(), args);
    List<String> reasons = inside(run("ko", args).out(), "원장 손상: ");
    assertThat(reasons).as("break reasons").hasSize(1);
    assertThat(reasons)
        .allMatch(BilingualOutputTest::hangul)
        .noneMatch(r -> englishOnly(r, List.of()));
  }

  /**
   * {@code --help} of the command list, every command and every subcommand, in both languages:
   * descriptions, picocli's headings and its built-in {@code -h}/{@code -V} lines. What a user
   * types reads the same in both: command names (in examples) and the upper-case placeholders an
   * option declares for its value ({@code FILE}, {@code JUDGE}). Lines are not wrapped here: at 80
   * columns picocli may put the last identifiers of a Korean sentence on a line of their own.
   */
  @Test
  void helpOfEveryCommand() {
    String width = System.getProperty(WIDTH);
    System.setProperty(WIDTH, "400");
    try {
      // 국대 is the project's name, written in Hangul in its English description too
      check(List.of("국대"), "--help");
      int commands = 0;
      for (Class<?> type : CommandClasses.all()) {
        // A tree per language, as the launcher builds it for one command's help (QuickAnswers).
        Map<String, Map<List<String>, String>> help = new java.util.HashMap<>();
        Set<String> typed = new TreeSet<>();
        for (String language : List.of("ko", "en")) {
          Locale.setDefault(Locale.Category.DISPLAY, Locale.forLanguageTag(language));
          CommandLine tree =
              QuickAnswers.helpTree(type)
                  .orElseThrow(() -> new AssertionError(type + ": help needs Spring"));
          Map<List<String>, String> outputs = new java.util.LinkedHashMap<>();
          collect(
              tree, tree.getSubcommands().values().iterator().next(), List.of(), outputs, typed);
          help.put(language, outputs);
        }
        for (List<String> command : help.get("ko").keySet()) {
          LineRule.check(
              String.join(" ", command) + " --help",
              help.get("ko").get(command),
              help.get("en").get(command),
              List.copyOf(typed));
          commands++;
        }
      }
      assertThat(commands).isGreaterThan(60);
    } finally {
      if (width == null) {
        System.clearProperty(WIDTH);
      } else {
        System.setProperty(WIDTH, width);
      }
    }
  }

  private static final String WIDTH = "picocli.usage.width";

  /**
   * {@code --help} as a terminal shows it, at picocli's default 80 columns, for every command in
   * both languages: no line wider than the terminal (Hangul takes two columns), no word broken
   * across lines (every word of the wrapped help is a word of the unwrapped one: a Korean word
   * split mid-syllable is not), and a command listed under its group shows a whole sentence: the
   * list prints only the first line of a description, which must therefore end a sentence.
   */
  @Test
  void helpAsPrintedAtEightyColumns() {
    String width = System.getProperty(WIDTH);
    List<String> failures = new ArrayList<>();
    try {
      for (String language : List.of("ko", "en")) {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.forLanguageTag(language));
        for (Class<?> type : CommandClasses.all()) {
          System.setProperty(WIDTH, "80");
          Map<List<String>, String> printed = helpOf(type);
          System.setProperty(WIDTH, "400");
          Map<List<String>, String> unwrapped = helpOf(type);
          for (var help : printed.entrySet()) {
            String what = language + ": gukdae " + String.join(" ", help.getKey()) + " --help";
            for (String line : help.getValue().lines().toList()) {
              if (Terminal.width(line) > 80) {
                failures.add(what + ": wider than 80 columns:\n" + line);
              }
            }
            Set<String> words =
                new java.util.HashSet<>(List.of(unwrapped.get(help.getKey()).split("\\s+")));
            // the synopsis is picocli's own layout, wrapped between options and their values
            String synopsisLess =
                help.getValue()
                    .lines()
                    .dropWhile(l -> !l.isBlank())
                    .collect(java.util.stream.Collectors.joining("\n"));
            for (String word : synopsisLess.split("\\s+")) {
              if (!word.isEmpty() && !words.contains(word)) {
                failures.add(what + ": a word broken across lines: " + word);
              }
            }
          }
          CommandLine tree = QuickAnswers.helpTree(type).orElseThrow();
          listed(tree, List.of(), failures);
        }
      }
    } finally {
      if (width == null) {
        System.clearProperty(WIDTH);
      } else {
        System.setProperty(WIDTH, width);
      }
    }
    assertThat(failures).isEmpty();
  }

  /** The help of a command and its subcommands as the launcher prints it now. */
  private static Map<List<String>, String> helpOf(Class<?> type) {
    CommandLine tree =
        QuickAnswers.helpTree(type).orElseThrow(() -> new AssertionError(type + ": needs Spring"));
    Map<List<String>, String> outputs = new java.util.LinkedHashMap<>();
    collect(
        tree,
        tree.getSubcommands().values().iterator().next(),
        List.of(),
        outputs,
        new TreeSet<>());
    return outputs;
  }

  /** Whether each subcommand's listed line (its description's first) ends a sentence. */
  private static void listed(CommandLine command, List<String> above, List<String> failures) {
    List<String> path = new ArrayList<>(above);
    path.add(command.getCommandName());
    for (CommandLine sub : command.getSubcommands().values().stream().distinct().toList()) {
      String[] description = sub.getCommandSpec().usageMessage().description();
      String first = description.length == 0 ? "" : description[0].strip();
      if (!first.endsWith(".") && !first.endsWith(".)") && !first.endsWith("?")) {
        failures.add(
            Locale.getDefault(Locale.Category.DISPLAY).getLanguage()
                + ": "
                + String.join(" ", path)
                + " --help lists "
                + sub.getCommandName()
                + " with a cut sentence: "
                + first);
      }
      listed(sub, path, failures);
    }
  }

  /** The help of {@code command} and every subcommand under it, and the words a user types. */
  private static void collect(
      CommandLine root,
      CommandLine command,
      List<String> above,
      Map<List<String>, String> out,
      Set<String> typed) {
    List<String> path = new ArrayList<>(above);
    path.add(command.getCommandName());
    List<String> args = new ArrayList<>(path);
    args.add("--help");
    StringWriter text = new StringWriter();
    root.setOut(new PrintWriter(text, true));
    assertThat(root.execute(args.toArray(String[]::new))).as(path.toString()).isZero();
    out.put(path, text.toString());
    typed.add(command.getCommandName());
    var spec = command.getCommandSpec();
    spec.options().forEach(o -> typed.add(o.paramLabel()));
    spec.positionalParameters().forEach(p -> typed.add(p.paramLabel()));
    command.getSubcommands().values().stream()
        .distinct()
        .forEach(sub -> collect(root, sub, path, out, typed));
  }

  /** What lines starting with {@code prefix} say in their outermost parentheses. */
  private static List<String> inside(String out, String prefix) {
    return out.lines()
        .filter(l -> l.startsWith(prefix) && l.contains("(") && l.endsWith(")"))
        .map(l -> l.substring(l.indexOf('(') + 1, l.length() - 1))
        .toList();
  }

  /** Runs the command in both languages and checks every line of both outputs. */
  private void check(List<String> data, String... args) {
    LineRule.check(String.join(" ", args), run("ko", args).out(), run("en", args).out(), data);
  }

  private Run run(String language, String... args) {
    List<String> line = new ArrayList<>(List.of("--lang", language));
    line.addAll(List.of(args));
    Run run = InProcessLauncher.run(line.toArray(String[]::new));
    assertThat(run.code()).as(run.err() + run.out()).isIn(0, 1);
    return run;
  }

  static boolean englishOnly(String line, List<String> data) {
    return LineRule.englishOnly(line, data);
  }

  static boolean hangul(String text) {
    return LineRule.hangul(text);
  }
}
