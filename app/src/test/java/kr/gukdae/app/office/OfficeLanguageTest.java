package kr.gukdae.app.office;

import static kr.gukdae.testing.InProcessLauncher.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import kr.gukdae.designation.Designation;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.testing.InProcessLauncher;
import kr.gukdae.text.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gukdae office} through the real launcher and database speaks the language {@code --lang}
 * picks: Korean labels with no English ones under {@code ko}, the English text unchanged under
 * {@code en}; ids, numbers and paths the same in both.
 */
class OfficeLanguageTest {

  @TempDir Path home;

  @RegisterExtension final InProcessLauncher gukdae = new InProcessLauncher();

  @Test
  void koreanLabelsUnderKoAndTheEnglishTextUnderEn() throws Exception {
    gukdae.home(home);
    Path apps = home.resolve("apps.yaml");
    Files.writeString(apps, OfficeFiles.example("seed-2025-applications.yaml"));
    Path ko = home.resolve("out-ko.yaml");
    Path en = home.resolve("out-en.yaml");

    assertThat(office("ko", "check", "--programme", "seed-2025"))
        .contains("버전", "공모 ", "라운드 3개: written (10) → presentation (5) → budget (5)", "출처 ")
        .doesNotContain("version", "round(s)", "\nsource ");
    assertThat(
            office("ko", "import", "--programme", "seed-2025", "--applications", apps.toString()))
        .contains("신청서 15건, 위반 0건")
        .doesNotContain("application(s)", "violation(s)");
    assertThat(office("ko", "export", "--programme", "seed-2025", "--to", ko.toString()))
        .contains("신청서 15건을 내보냈습니다: " + ko)
        .doesNotContain("exported", "applications to");
    assertThat(office("ko", "designations"))
        .contains("기록된 지정이 없습니다")
        .doesNotContain("no designations recorded");
    assertThat(office("ko", "self-payment", "--team", "hanbit"))
        .contains("hanbit: 기록된 자부담 재계산이 없습니다")
        .doesNotContain("no self-payment");
    assertThat(office("ko", "seal", "--programme", "seed-2025"))
        .containsPattern("seed-2025 봉인 \\(원장 seq \\d+\\): 적격 15건; 위반 0건")
        .doesNotContain("sealed", "eligible");
    assertThat(office("ko", "assign", "--programme", "seed-2025", "--round", "written"))
        .contains("심사 부담: ")
        .doesNotContain("load: ");

    assertThat(office("en", "check", "--programme", "seed-2025"))
        .contains("version", "round(s): written (10)", "\nsource ")
        .doesNotContain("버전", "출처");
    assertThat(office("en", "eligibility", "--programme", "seed-2025"))
        .contains("15 application(s), 0 violation(s)")
        .doesNotContain("신청서");
    assertThat(office("en", "export", "--programme", "seed-2025", "--to", en.toString()))
        .contains("exported 15 applications to " + en);
    assertThat(office("en", "designations")).contains("no designations recorded");
    assertThat(office("en", "self-payment", "--team", "hanbit"))
        .contains("hanbit: no self-payment recomputation recorded");
    assertThat(Files.readString(en)).isEqualTo(Files.readString(ko));
  }

  @Test
  void eligibilityViolationsAndConstantsInKorean() throws Exception {
    gukdae.home(home);
    Path apps = home.resolve("apps.yaml");
    Files.writeString(
        apps,
        OfficeFiles.example("seed-2025-applications.yaml")
            .replaceFirst(
                "      - \\{kind: DEMO_VIDEO, name: hanbit-DEMO_VIDEO.pdf, sha256: [0-9a-f]{64}\\}\n",
                ""));
    var ko =
        run(
            "--lang",
            "ko",
            "office",
            "import",
            "--programme",
            "seed-2025",
            "--applications",
            apps.toString());
    assertThat(ko.code()).isEqualTo(1);
    assertThat(ko.out())
        .contains("hanbit: eligibility.requiredDocuments: 문서 DEMO_VIDEO이(가) 없습니다")
        .doesNotContain("is missing");
    assertThat(run("--lang", "en", "office", "eligibility", "--programme", "seed-2025").out())
        .contains("hanbit: eligibility.requiredDocuments: document DEMO_VIDEO is missing");
    // The seal records the violation in both languages and prints it in the run's language.
    assertThat(office("ko", "seal", "--programme", "seed-2025"))
        .contains("위반 1건", "hanbit: eligibility.requiredDocuments: 문서 DEMO_VIDEO이(가) 없습니다")
        .doesNotContain("is missing");
  }

  /** The open-source finding's reasons, recorded in the ledger, in the run's language. */
  @Test
  void openSourceFindingsInTheRunsLanguage() throws Exception {
    gukdae.home(home);
    Path repo = Files.createDirectories(home.resolve("repo"));
    Files.writeString(repo.resolve("README.md"), "---\nlicense: cc-by-nc-4.0\n---\n# model\n");
    Files.write(repo.resolve("model-00001.safetensors"), new byte[] {1});
    String team = "hanbit";
    assertThat(office("ko", "open-level", "--team", team, "--repo", repo.toString()))
        .contains("hanbit: 연구용 공개 (라이선스: cc-by-nc-4.0 (상업 이용 불가); 가중치 파일 1개, 코드 파일 0개, 데이터 파일 0개)")
        .doesNotContain("licence:", "weight file(s)");
    assertThat(office("en", "open-level", "--team", team, "--repo", repo.toString()))
        .contains(
            "hanbit: RESEARCH_ONLY (licence: cc-by-nc-4.0 (no commercial use); 1 weight file(s),"
                + " 0 code file(s), 0 data file(s))")
        .doesNotContainPattern("[가-힣]");
  }

  /**
   * Designation lapse reasons come from the ledger: a bilingual one prints in the run's language,
   * one recorded in English before reasons were bilingual prints in its own words in both.
   */
  @Test
  void lapseReasonsInTheRunsLanguage() {
    var on = java.time.LocalDate.of(2026, 7, 15);
    var bilingual =
        new Designation(
            "KAI-M-hanbit",
            Designation.Kind.K_AI_MODEL,
            "hanbit",
            "Hanbit",
            List.of("hanbit-ai"),
            1,
            on.minusYears(1),
            on,
            new Reason(
                "ELIMINATED",
                "단계 2에서 팀 탈락 (탈락 (점수))",
                "team eliminated at stage 2 (ELIMINATED_POINTS)"));
    var recorded =
        new Designation(
            "KAI-M-dasol",
            Designation.Kind.K_AI_MODEL,
            "dasol",
            "Dasol",
            List.of("dasol-ai"),
            1,
            on.minusYears(1),
            on,
            Reason.recorded("not re-earned at stage 2"));
    String ko = printed(Locale.KOREAN, () -> OfficePrinter.designations(List.of(bilingual)));
    assertThat(ko).contains("(단계 2에서 팀 탈락 (탈락 (점수)))").doesNotContain("eliminated");
    String en = printed(Locale.ENGLISH, () -> OfficePrinter.designations(List.of(bilingual)));
    assertThat(en)
        .contains("(team eliminated at stage 2 (ELIMINATED_POINTS))")
        .doesNotContainPattern("[가-힣]");
    assertThat(printed(Locale.KOREAN, () -> OfficePrinter.designations(List.of(recorded))))
        .contains("(not re-earned at stage 2)");
  }

  /** What a printer prints with the run's language set as {@code --lang} sets it. */
  private static String printed(Locale lang, Runnable print) {
    Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    Locale.setDefault(Locale.Category.DISPLAY, lang);
    try {
      return InProcessLauncher.capture(
              () -> {
                print.run();
                return 0;
              })
          .succeeded();
    } finally {
      Locale.setDefault(Locale.Category.DISPLAY, before);
    }
  }

  @Test
  void everyConstantOfficePrintsHasAKoreanLabel() {
    for (Class<? extends Enum<?>> type : OfficePrinter.LABELLED) {
      for (Enum<?> constant : type.getEnumConstants()) {
        assertThat(OfficePrinter.KO.get(constant))
            .as(type.getSimpleName() + "." + constant.name() + " needs a Korean label")
            .isNotNull()
            .containsPattern("[가-힣]");
      }
    }
  }

  @Test
  void helpOfOfficeAndEverySubcommandIsKoreanAndEnglish() {
    assertThat(run("--lang", "ko", "office", "--help").succeeded()).contains("프로그램 사무국");
    assertThat(run("--lang", "en", "office", "--help").succeeded())
        .contains("Programme office")
        .doesNotContainPattern("[가-힣]");
    var subcommands =
        java.util.Arrays.stream(OfficeCommand.class.getDeclaredMethods())
            .map(m -> m.getAnnotation(picocli.CommandLine.Command.class))
            .filter(java.util.Objects::nonNull)
            .map(picocli.CommandLine.Command::name)
            .toList();
    assertThat(subcommands).contains("allocate", "open-level", "self-payment", "what-if");
    for (String sub : subcommands) {
      // The description under the usage line: Korean under --lang ko (help-ko.properties).
      String help = run("--lang", "ko", "office", sub, "--help").succeeded();
      assertThat(help.lines().skip(1).filter(l -> l.matches(".*[가-힣].*")).count())
          .as("office " + sub + " --help has a Korean description")
          .isPositive();
    }
  }

  /** {@code gukdae --lang LANG office ARGS}, which must succeed; its standard output. */
  private static String office(String lang, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "--lang";
    all[1] = lang;
    all[2] = "office";
    System.arraycopy(args, 0, all, 3, args.length);
    return run(all).succeeded();
  }
}
