package kr.gukdae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.gukdae.testing.InProcessLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Every reason picocli gives for a command line it cannot parse is one line in Korean under {@code
 * --lang ko}, naming the option or value, and picocli's own English under {@code --lang en}. A
 * probe command has one option of each shape (picocli's exclusive groups included, which no gukdae
 * command uses yet); the last tests go through the real launcher with real commands.
 */
class ParseErrorsTest {

  @RegisterExtension InProcessLauncher gukdae = new InProcessLauncher();

  enum Shade {
    LIGHT,
    DARK
  }

  @Command(name = "probe")
  static final class ProbeCommand implements Runnable {
    @Option(names = "--count")
    int count;

    @Option(names = "--flag")
    boolean flag;

    @Option(names = "--name")
    String name;

    @Option(names = "--pair", arity = "2")
    List<String> pair;

    @Option(names = "--label")
    Map<String, String> labels;

    @Option(names = "--shade")
    Shade shade;

    @Option(names = "--since")
    LocalDate since;

    @Option(names = "--dir")
    Path dir;

    @Option(names = "--max", arity = "0..1")
    List<String> max;

    @ArgGroup(exclusive = true)
    Either either;

    static final class Either {
      @Option(names = "--json")
      boolean json;

      @Option(names = "--csv")
      boolean csv;
    }

    @Parameters(arity = "0..1", paramLabel = "FILE")
    String file;

    @Override
    public void run() {}
  }

  @Command(name = "group", subcommands = ProbeCommand.class)
  static final class GroupCommand {}

  @Test
  void everyReasonIsKoreanWithWhatItStoppedAtNamed() {
    assertKorean(List.of("--count", "x"), "'--count'의 값 'x'이(가) 올바르지 않습니다. 정수를 적으세요");
    assertKorean(List.of("--flag=maybe"), "'--flag'의 값 'maybe'이(가) 올바르지 않습니다. true 또는 false");
    assertKorean(List.of("--shade", "grey"), "'--shade'의 값 'grey'", "LIGHT, DARK");
    assertKorean(List.of("--since", "2026"), "날짜를 YYYY-MM-DD 형식으로 적으세요");
    assertKorean(List.of("--label", "novalue"), "'--label'의 값 'novalue'은(는) 이름=값(KEY=VALUE) 형식");
    assertKorean(List.of("--name", "--flag"), "옵션 '--name'에 값이 없습니다 ('--flag'은(는) 값이 아니라 옵션입니다)");
    assertKorean(List.of("--name"), "옵션 '--name'에 값이 없습니다");
    assertKorean(List.of("--pair", "a"), "옵션 '--pair'에는 값이 2개 필요합니다 (받은 값: 1개)");
    assertKorean(List.of("--count", "1", "--count", "2"), "옵션 '--count'은(는) 한 번만 지정할 수 있습니다");
    assertKorean(List.of("--json", "--csv"), "다음 옵션은 함께 쓸 수 없습니다. 하나만 지정하세요: --json, --csv");
    assertKorean(List.of("--nope"), "알 수 없는 옵션입니다: '--nope'");
    assertKorean(List.of("a.txt", "b.txt"), "알 수 없는 인수입니다: 'b.txt'");
  }

  @Test
  void aMissingOrUnknownSubcommandListsTheCommands() {
    assertThat(parse("ko", new GroupCommand(), List.of()))
        .contains("명령이 빠졌습니다. 다음 중 하나를 적으세요: probe");
    assertThat(parse("ko", new GroupCommand(), List.of("prob")))
        .contains("알 수 없는 명령입니다: 'prob'. 다음 중 하나를 적으세요: probe");
    assertThat(parse("en", new GroupCommand(), List.of("prob"))).contains("Unmatched argument");
  }

  @Test
  void englishKeepsPicocliReason() {
    String en = parse("en", new ProbeCommand(), List.of("--json", "--csv"));
    assertThat(en).contains("mutually exclusive").contains("(see 'gukdae probe --help')");
    assertThat(hangul(en.lines().findFirst().orElseThrow())).isFalse();
  }

  /** Real commands through the real launcher, in this JVM (standalone: no Spring). */
  @Test
  void throughTheLauncher() {
    var twice =
        InProcessLauncher.run(
            "--lang", "ko", "ratings", "--battles", "a.csv", "--battles", "b.csv");
    assertThat(twice.code()).isEqualTo(2);
    assertThat(twice.err()).contains("gukdae ratings: 옵션 '--battles'은(는) 한 번만 지정할 수 있습니다");
    var sub = InProcessLauncher.run("--lang", "ko", "audit", "verfy");
    assertThat(sub.code()).isEqualTo(2);
    assertThat(sub.err()).contains("gukdae audit: 알 수 없는 명령입니다: 'verfy'", "verify");
    var en = InProcessLauncher.run("--lang", "en", "audit", "verfy");
    assertThat(en.err()).contains("gukdae audit: Unmatched argument").doesNotContain("명령");
  }

  private static void assertKorean(List<String> args, String... expected) {
    String ko = parse("ko", new ProbeCommand(), args);
    String first = ko.lines().findFirst().orElseThrow();
    assertThat(first).as(args.toString()).startsWith("gukdae probe: ").contains(expected);
    assertThat(first).as("no English reason quoted: " + args).doesNotContain("명령줄을 해석할 수 없습니다");
    String en = parse("en", new ProbeCommand(), args);
    assertThat(hangul(en.lines().findFirst().orElseThrow())).as(en).isFalse();
  }

  /** The first line picocli's handler printed for {@code probe ARGS}, under {@code --lang}. */
  private static String parse(String language, Object command, List<String> args) {
    Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    Locale.setDefault(Locale.Category.DISPLAY, Locale.forLanguageTag(language));
    try {
      CommandLine root = Launcher.tree(List.of(command));
      StringWriter err = new StringWriter();
      root.setErr(new PrintWriter(err, true));
      String name = command instanceof GroupCommand ? "group" : "probe";
      List<String> line = new java.util.ArrayList<>(List.of(name));
      line.addAll(args);
      int code = root.execute(line.toArray(String[]::new));
      assertThat(code).as(err.toString()).isEqualTo(FriendlyErrors.USER_ERROR_EXIT);
      return err.toString();
    } finally {
      Locale.setDefault(Locale.Category.DISPLAY, before);
    }
  }

  static boolean hangul(String text) {
    return text.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
  }
}
