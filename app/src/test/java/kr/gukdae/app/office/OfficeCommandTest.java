package kr.gukdae.app.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.store.TestDatabases;
import kr.gukdae.testing.InProcessLauncher;
import kr.gukdae.testing.InProcessLauncher.Run;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The CLI over a real database (H2 and PostgreSQL): import, check, export, seal, rounds, replay.
 */
class OfficeCommandTest {

  private Run last = new Run(0, "", "");

  private int run(CommandLine cmd, String... args) {
    last = InProcessLauncher.capture(() -> cmd.execute(args));
    return last.code();
  }

  private String out() {
    return last.out();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void importSealAssignScoreDecideAndReplay(String database, @TempDir Path dir) throws Exception {
    var ds = TestDatabases.migrated(database);
    Ledger ledger = Ledger.inMemory();
    OfficeService office =
        new OfficeService(
            new OfficeStore(ds, new TransactionTemplate(new DataSourceTransactionManager(ds))),
            ledger,
            Clock.fixed(Instant.parse("2025-07-22T00:00:00Z"), ZoneOffset.UTC));
    CommandLine cmd = new CommandLine(new OfficeCommand(office));

    assertThat(run(cmd, "check", "--programme", "seed-2025")).isZero();
    assertThat(out()).contains("written (10) → presentation (5) → budget (5)");

    // An application without a university member and a demo video is reported, naming both rules.
    Path apps = dir.resolve("apps.yaml");
    String text =
        OfficeFiles.example("seed-2025-applications.yaml")
            .replaceFirst(
                "      - \\{organisation: Hanbit University, role: ACADEMIC, size: UNIVERSITY\\}\n",
                "")
            .replaceFirst(
                "      - \\{kind: DEMO_VIDEO, name: hanbit-DEMO_VIDEO.pdf, sha256: [0-9a-f]{64}\\}\n",
                "");
    Files.writeString(apps, text);
    assertThat(run(cmd, "import", "--programme", "seed-2025", "--applications", apps.toString()))
        .isEqualTo(1);
    assertThat(out())
        .contains(
            "15 application(s), 2 violation(s)",
            "hanbit: eligibility.requiredMemberSizes: no member of size UNIVERSITY (required)",
            "hanbit: eligibility.requiredDocuments: document DEMO_VIDEO is missing");

    Path exported = dir.resolve("out.yaml");
    assertThat(run(cmd, "export", "--programme", "seed-2025", "--to", exported.toString()))
        .isZero();
    assertThat(OfficeFiles.applications(exported))
        .containsExactlyInAnyOrderElementsOf(OfficeFiles.applications(apps));

    assertThat(run(cmd, "seal", "--programme", "seed-2025")).isZero();
    assertThat(out()).contains("14 eligible; 2 violation(s)");
    assertThat(run(cmd, "assign", "--programme", "seed-2025", "--round", "written")).isZero();
    assertThat(out()).doesNotContain("hanbit:");

    var p = OfficeFiles.programme("seed-2025");
    List<Map<String, Object>> sheets = new ArrayList<>();
    office
        .assignment(p, "written")
        .reviewersOf()
        .forEach((app, rs) ->
            rs.forEach(r -> {
              Map<String, Object> s = new LinkedHashMap<>();
              double q = app.startsWith("seed") ? 6.0 : 9.0;
              s.put("round", "written");
              s.put("reviewer", r);
              s.put("application", app);
              s.put("items", Map.of("technology", q, "goals-strategy", q, "impact", q));
              sheets.add(s);
            }));
    Path scores = dir.resolve("scores.yaml");
    Files.writeString(
        scores, YAMLMapper.builder().build().writeValueAsString(Map.of("scores", sheets)));
    assertThat(run(cmd, "scores", "--programme", "seed-2025", "--file", scores.toString()))
        .isZero();
    assertThat(run(cmd, "decide", "--programme", "seed-2025", "--round", "written")).isZero();
    assertThat(out())
        .contains("selected: ")
        .contains("quota of 10 is filled")
        .contains("best 10 by total among those meeting every threshold")
        .doesNotContainPattern("[가-힣]");
    assertThat(run(cmd, "replay", "--programme", "seed-2025", "--round", "written")).isZero();
    assertThat(out()).contains("SAME result");
    // The recorded reasons in Korean: what --lang ko sets for the run.
    java.util.Locale display = java.util.Locale.getDefault(java.util.Locale.Category.DISPLAY);
    java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, java.util.Locale.KOREAN);
    try {
      assertThat(run(cmd, "replay", "--programme", "seed-2025", "--round", "written")).isZero();
    } finally {
      java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, display);
    }
    assertThat(out())
        .contains("총점 순위 11위; 정원 10개가 찼습니다", "모든 기준 충족 (총점 ", "결과가 같습니다")
        .contains("모든 기준을 충족한 신청 중 총점 상위 10개")
        .doesNotContain("quota of", "meets every threshold", "best 10 by total");
    assertThat(
            run(
                cmd,
                "what-if",
                "--programme",
                "seed-2025",
                "--round",
                "written",
                "--criterion",
                "impact",
                "--weight",
                "50"))
        .isZero();
    assertThat(run(cmd, "decide", "--programme", "seed-2025", "--round", "written")).isNotZero();

    // Resources follow the stage-1 outcome recorded in the same ledger.
    kr.gukdae.stage.Stages.run(
        kr.gukdae.stage.ProgramLoader.demo(), 1, kr.gukdae.stage.EvidenceLoader.demo(), ledger);
    assertThat(
            run(
                cmd,
                "allocate",
                "--programme",
                "seed-2025",
                "--stage",
                "1",
                "--from",
                "2026-02-01",
                "--to",
                "2026-08-01"))
        .isZero();
    assertThat(out())
        .contains("hanbit", "512 B200  LEASE 2026-02-01 to 2026-08-01")
        .contains("H100-hours promised")
        .doesNotContainPattern("dokdo +\\d+ B200");
    assertThat(ledger.entries().getLast().kind()).isEqualTo("resources.allocation");
    // The same outcome gives stage 2's data budget and talent cap from the programme file, and
    // ends the data support of the teams it drops; the support rules read them back.
    assertThat(out())
        .contains(
            "stage 2: data budget 2,800,000,000 KRW more, talent matching cap 2,000,000,000 KRW a"
                + " year",
            "data budget source: support-stages-example")
        .containsPattern("dokdo +not kept for stage 2: data support ends on 2026-02-01");
    CommandLine support = new CommandLine(new SupportCommand(office));
    assertThat(run(support, "budget", "--programme", "seed-2025", "--team", "hanbit")).isZero();
    assertThat(out())
        .contains("hanbit: data budget 5,600,000,000 KRW")
        .contains("stage 2 (2026-02-01 – 2026-08-01): data 2,800,000,000 KRW added");
    assertThat(
            run(
                support,
                "spend",
                "--programme",
                "seed-2025",
                "--team",
                "dokdo",
                "--item",
                "labelling",
                "--amount",
                "1",
                "--on",
                "2026-03-01"))
        .isNotZero();
    assertThat(run(support, "budget", "--programme", "seed-2025", "--team", "dokdo")).isZero();
    assertThat(out())
        .contains("dokdo: data budget 2,800,000,000 KRW, spent 0")
        .contains("stage 2: not kept, no data support from 2026-02-01");
    // Recorded once: a second allocation for the stage is refused.
    assertThat(
            run(
                cmd,
                "allocate",
                "--programme",
                "seed-2025",
                "--stage",
                "1",
                "--from",
                "2026-02-01",
                "--to",
                "2026-08-01"))
        .isNotZero();

    // The open-source level is read from the release; a change recomputes self-payment.
    Path repo = Files.createDirectories(dir.resolve("release"));
    Files.writeString(repo.resolve("README.md"), "---\nlicense: apache-2.0\n---\n");
    Files.write(repo.resolve("model.safetensors"), new byte[] {1});
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(
        plan,
        """
        team: hanbit
        members:
          - {organisation: Hanbit AI, size: LARGE, costShare: 1.0, cashShare: 0.5}
        costs: {GPU: 10000000000}
        """);
    assertThat(
            run(
                cmd,
                "open-level",
                "--team",
                "hanbit",
                "--repo",
                repo.toString(),
                "--date",
                "2026-01-15",
                "--plan",
                plan.toString(),
                "--programme",
                "seed-2025"))
        .isZero();
    assertThat(out())
        .contains(
            "OPEN_WEIGHTS_COMMERCIAL",
            "self-payment at OPEN_WEIGHTS_COMMERCIAL: 1,000,000,000 KRW");
    Files.writeString(repo.resolve("README.md"), "---\nlicense: cc-by-nc-4.0\n---\n");
    assertThat(
            run(
                cmd,
                "open-level",
                "--team",
                "hanbit",
                "--repo",
                repo.toString(),
                "--date",
                "2026-07-15",
                "--plan",
                plan.toString(),
                "--programme",
                "seed-2025"))
        .isZero();
    assertThat(out())
        .contains(
            "recorded: OPEN_WEIGHTS_COMMERCIAL -> RESEARCH_ONLY",
            "self-payment at RESEARCH_ONLY: 5,000,000,000 KRW (cash 2,500,000,000",
            "Hanbit AI: 1,000,000,000 KRW (cash 500,000,000, in kind 500,000,000) -> 5,000,000,000"
                + " KRW (cash 2,500,000,000, in kind 2,500,000,000)");
    assertThat(ledger.entries().getLast().kind()).isEqualTo("resources.self-payment");

    // The recorded plan follows every later change without --plan: the release regains a
    // commercial licence and adds code and data, and self-payment is recomputed automatically.
    Files.writeString(repo.resolve("README.md"), "---\nlicense: apache-2.0\n---\n");
    Files.writeString(repo.resolve("train.py"), "print('train')\n");
    Files.writeString(repo.resolve("datasheet.md"), "# data\n");
    assertThat(
            run(
                cmd,
                "open-level",
                "--team",
                "hanbit",
                "--repo",
                repo.toString(),
                "--date",
                "2026-12-15"))
        .isZero();
    assertThat(out())
        .contains(
            "recorded: RESEARCH_ONLY -> FULL_OPEN",
            "self-payment at FULL_OPEN: 1,000,000,000 KRW (cash 500,000,000");
    assertThat(run(cmd, "self-payment", "--team", "hanbit")).isZero();
    assertThat(out()).contains("SAME").doesNotContain("DIFFERENT");
  }
}
