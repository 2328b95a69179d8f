package kr.gukdae.app.originality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import kr.gukdae.cli.Launcher;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The real command through the launcher, on generated models and a fresh H2 database. */
class OriginalityCommandTest {

  @TempDir Path dir;
  String url;
  PrintStream originalOut;
  PrintStream originalErr;
  ByteArrayOutputStream out = new ByteArrayOutputStream();
  ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() {
    url = TestDatabases.freshH2();
    System.setProperty("spring.datasource.url", url);
    System.setProperty("spring.datasource.username", "sa");
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** {@code --lang} sets the display locale for the JVM; put back after each test. */
  private final Locale display = Locale.getDefault(Locale.Category.DISPLAY);

  @AfterEach
  void tearDown() {
    Locale.setDefault(Locale.Category.DISPLAY, display);
    System.setOut(originalOut);
    System.setErr(originalErr);
    System.clearProperty("spring.datasource.url");
    System.clearProperty("spring.datasource.username");
  }

  @Test
  void fineTunedCandidateWithLogIsReportedAndStored() throws Exception {
    var config = DemoWeights.Config.tiny();
    var base = DemoWeights.independent(config, 1);
    base.write(dir.resolve("base"), DType.BF16, 1);
    DemoWeights.fineTuned(base, 3, 0.05).write(dir.resolve("team"), DType.BF16, 2);
    Path log = Files.writeString(dir.resolve("loss.csv"), "step,loss\n0,2.3\n10,2.2\n20,2.1\n");
    // stdout and stderr in one stream, to see what comes first
    System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));

    int code =
        Launcher.run(
            "originality",
            "--candidate",
            dir.resolve("team").toString(),
            "--reference",
            "foreign=" + dir.resolve("base"),
            "--log",
            log.toString());

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isZero();
    // the verdict is printed before the database opens (Spring starts), then the check is stored
    int verdict = text.indexOf("verdict:   FINE-TUNED FROM foreign");
    int opening = text.indexOf("gukdae: opening the database");
    int stored = text.indexOf("stored as evidence ");
    assertThat(verdict).isNotNegative().isLessThan(opening);
    assertThat(opening).isLessThan(stored);
    assertThat(text)
        .contains("verdict:   FINE-TUNED FROM foreign")
        .contains("block.0.mlp")
        .contains("[warning] trained from scratch (line 2)")
        .contains("ln(vocabulary) = 6.238"); // 512-token demo vocabulary, read from the weights
    JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
    assertThat(jdbc.sql("SELECT verdict_code FROM forensics_report").query(String.class).single())
        .isEqualTo("FINE_TUNED");
    assertThat(
            jdbc.sql("SELECT count(*) FROM forensics_evidence WHERE model = 'team'")
                .query(Integer.class)
                .single())
        .isGreaterThan(5);
  }

  @Test
  void reversedLayerCopyIsIdenticalWithItsMappingAndNameMatchingAloneMissesIt() throws Exception {
    var base = DemoWeights.independent(DemoWeights.Config.tiny(), 1);
    base.write(dir.resolve("base"), DType.F32, 1);
    // the attack: the same weights stored with layer i renamed to layer 3 - i
    var shapes = new java.util.LinkedHashMap<String, long[]>();
    var values = new java.util.LinkedHashMap<String, float[]>();
    base.shapes()
        .forEach((name, shape) -> {
          var m = java.util.regex.Pattern.compile("^model\\.layers\\.(\\d)\\.(.*)$").matcher(name);
          String renamed =
              m.matches()
                  ? "model.layers." + (3 - Integer.parseInt(m.group(1))) + "." + m.group(2)
                  : name;
          shapes.put(renamed, shape);
          values.put(renamed, base.values().get(name));
        });
    new DemoWeights.Model(shapes, values).write(dir.resolve("team"), DType.F32, 1);
    String[] args = {
      "--lang",
      "en",
      "originality",
      "--candidate",
      dir.resolve("team").toString(),
      "--reference",
      "foreign=" + dir.resolve("base"),
      "--no-store"
    };

    assertThat(Launcher.run(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("verdict:   IDENTICAL TO foreign  (100.0% of the parameters)")
        .contains("block mapping (candidate=reference): 0=3 1=2 2=1 3=0")
        .doesNotContain("판정");

    out.reset();
    String[] korean = args.clone();
    korean[1] = "ko";
    assertThat(Launcher.run(korean)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("판정:      foreign와 동일  (파라미터의 100.0%)")
        .contains("블록 대응 (후보=참조): 0=3 1=2 2=1 3=0")
        .doesNotContain("verdict:");

    out.reset();
    String[] byName = java.util.Arrays.copyOf(args, args.length + 1);
    byName[args.length] = "--no-align";
    assertThat(Launcher.run(byName)).isZero();
    // the old name-only pairing reads the blocks as unrelated: what alignment is for
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("IDENTICAL TO foreign");
  }

  @Test
  void badReferenceIsOneClearLineWithExitCodeTwo() throws Exception {
    var base = DemoWeights.independent(DemoWeights.Config.tiny(), 1);
    base.write(dir.resolve("base"), DType.F32, 1);
    int code =
        Launcher.run(
            "--lang",
            "en",
            "originality",
            "--candidate",
            dir.resolve("base").toString(),
            "--reference",
            "nothing-here");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo(
            "gukdae originality: --reference 'nothing-here' must look like NAME=DIR,"
                + " e.g. llama=/models/llama");
    err.reset();
    Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    try {
      int korean =
          Launcher.run(
              "--lang",
              "ko",
              "originality",
              "--candidate",
              dir.resolve("base").toString(),
              "--reference",
              "nothing-here");
      assertThat(korean).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8).strip())
          .isEqualTo(
              "gukdae originality: --reference 'nothing-here'은(는) NAME=DIR 형식이어야 합니다"
                  + " (예: llama=/models/llama)");
    } finally {
      Locale.setDefault(Locale.Category.DISPLAY, before);
    }
  }
}
