package kr.gukdae.app.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import kr.gukdae.GukdaeApplication;
import kr.gukdae.cli.Launcher;
import kr.gukdae.testing.InProcessLauncher;
import kr.gukdae.testing.InProcessLauncher.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code gukdae ratings} through the real launcher's command tree and Spring context. */
class RatingsCommandTest {

  @TempDir static Path dir;
  private static ConfigurableApplicationContext context;

  @BeforeAll
  static void start() {
    var app = new SpringApplication(GukdaeApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setAdditionalProfiles("cli");
    context =
        app.run(
            "--spring.datasource.url=jdbc:h2:mem:ratings;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  static Run gukdae(String... args) {
    return InProcessLauncher.capture(() -> Launcher.commandLine(context).execute(args));
  }

  private static Path battles() throws Exception {
    // A beats B 3 of 4, B beats C 3 of 4, A beats C always; one tie.
    Path file = dir.resolve("battles.jsonl");
    var lines = new StringBuilder();
    String[][] rows = {
      {"A", "B", "model_a"}, {"A", "B", "model_a"}, {"A", "B", "model_a"}, {"A", "B", "model_b"},
      {"B", "C", "model_a"}, {"C", "B", "model_b"}, {"B", "C", "model_a"}, {"B", "C", "model_b"},
      {"A", "C", "model_a"}, {"C", "A", "model_b"}, {"A", "C", "tie"}, {"C", "A", "tie (bothbad)"},
    };
    int t = 0;
    for (String[] r : rows) {
      lines.append(
          String.format(
              Locale.ROOT,
              "{\"model_a\":\"%s\",\"model_b\":\"%s\",\"winner\":\"%s\",\"tstamp\":%d,"
                  + "\"judge\":\"j%d\",\"language\":\"ko\"}%n",
              r[0],
              r[1],
              r[2],
              1700000000 + t,
              t % 3));
      t++;
    }
    Files.writeString(file, lines);
    return file;
  }

  @Test
  void printsAJsonLeaderboardWithIntervalsAndAnchor() throws Exception {
    Run r =
        gukdae(
            "ratings",
            "--battles",
            battles().toString(),
            "--format",
            "json",
            "--bootstrap",
            "50",
            "--anchor",
            "B=1200");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertThat(json.get("method").asString()).isEqualTo("bt");
    assertThat(json.get("battles").asInt()).isEqualTo(12);
    JsonNode rows = json.get("ratings");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("model").asString()).isEqualTo("A");
    assertThat(rows.get(1).get("model").asString()).isEqualTo("B");
    assertThat(rows.get(1).get("rating").asDouble()).isEqualTo(1200.0);
    assertThat(rows.get(0).get("rating").asDouble()).isGreaterThan(1200);
    assertThat(rows.get(0).get("lower").asDouble())
        .isLessThanOrEqualTo(rows.get(0).get("upper").asDouble());
    assertThat(rows.get(2).get("battles").asInt()).isEqualTo(8);
  }

  @Test
  void csvAndEloAndFileOutput() throws Exception {
    Path out = dir.resolve("ratings.csv");
    Run r =
        gukdae(
            "ratings",
            "--battles",
            battles().toString(),
            "--method",
            "elo",
            "--format",
            "csv",
            "--bootstrap",
            "0",
            "--output",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote 3 ratings");
    var csv = Files.readAllLines(out);
    assertThat(csv.get(0)).isEqualTo("model,rating,lower,upper,battles,rank");
    assertThat(csv).hasSize(4);
    assertThat(csv.get(1)).startsWith("A,");
  }

  @Test
  void styleMethodAndJudgeReportInATable() throws Exception {
    Path file = dir.resolve("styled.csv");
    var csv =
        new StringBuilder(
            "model_a,model_b,winner,judge,style_a_length,style_a_headers,style_a_list_items,"
                + "style_a_bold,style_b_length,style_b_headers,style_b_list_items,style_b_bold\n");
    String[] winners = {"model_a", "model_b", "tie", "model_a"};
    for (int t = 0; t < 40; t++) {
      csv.append(t % 2 == 0 ? "X,Y," : "Y,Z,")
          .append(winners[t % 4])
          .append(",j")
          .append(t % 5)
          .append(',')
          .append(100 + 7 * t)
          .append(",1,2,0,")
          .append(300 - 3 * t)
          .append(",0,1,1\n");
    }
    Files.writeString(file, csv);
    Run r =
        gukdae(
            "ratings",
            "--battles",
            file.toString(),
            "--method",
            "style",
            "--bootstrap",
            "20",
            "--check-judges",
            "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("rank", "style length", "# judges: 5 checked");
    assertThat(r.out().lines().filter(l -> l.matches("\\s+\\d+\\s+[XYZ]\\s.*"))).hasSize(3);
  }

  @Test
  void badInputIsOneLineWithExitCodeTwo() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "model_a,model_b,winner\nA,B,model_a\nA,B,draw\n");
    Run r = gukdae("ratings", "--battles", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .contains("bad.csv:3")
        .contains("unknown winner 'draw'");
    Run anchor = gukdae("ratings", "--battles", battles().toString(), "--anchor", "Z=1000");
    assertThat(anchor.code()).isEqualTo(2);
    assertThat(anchor.err()).contains("model 'Z' has no battles");
    Run z = gukdae("ratings", "--battles", battles().toString(), "--check-judges", "-1");
    assertThat(z.code()).isEqualTo(2);
    assertThat(z.err()).contains("--check-judges");
    Run slice = gukdae("ratings", "--battles", battles().toString(), "--category", "none");
    assertThat(slice.code()).isEqualTo(2);
    assertThat(slice.err()).contains("no battles to rate");
  }

  @Test
  void aWeightColumnCountsLikeRepeatedBattles() throws Exception {
    Path weighted = dir.resolve("weighted.csv");
    Files.writeString(
        weighted,
        "model_a,model_b,winner,weight\n"
            + "A,B,model_a,2\nA,B,model_b,1\nB,C,model_a,0.5\nC,B,model_a,1\nA,C,tie,3\n");
    Path repeated = dir.resolve("repeated.csv");
    // The same win ratios per pair, here by repeating rows. These results fit Bradley-Terry exactly
    // (A - B = C - B = ln 2, A = C), so how much evidence each pair carries does not move them.
    Files.writeString(
        repeated,
        "model_a,model_b,winner\n"
            + "A,B,model_a\nA,B,model_a\nA,B,model_b\nB,C,model_a\nC,B,model_a\nC,B,model_a\n"
            + "A,C,tie\nA,C,tie\nA,C,tie\n");
    Run w =
        gukdae("ratings", "--battles", weighted.toString(), "--bootstrap", "0", "--format", "csv");
    Run r =
        gukdae("ratings", "--battles", repeated.toString(), "--bootstrap", "0", "--format", "csv");
    assertThat(w.code()).as(w.err()).isZero();
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(ratingColumn(w.out())).hasSize(3);
    // Equal up to the tiny ridge term.
    var a = ratingColumn(w.out());
    var b = ratingColumn(r.out());
    for (int k = 0; k < a.size(); k++) {
      assertThat(a.get(k)[0]).isEqualTo(b.get(k)[0]);
      assertThat(Double.parseDouble(a.get(k)[1]))
          .isCloseTo(Double.parseDouble(b.get(k)[1]), org.assertj.core.api.Assertions.within(0.01));
    }
    Path bad = dir.resolve("bad-weight.csv");
    Files.writeString(bad, "model_a,model_b,winner,weight\nA,B,model_a,1\nA,B,tie,-2\n");
    Run e = gukdae("ratings", "--battles", bad.toString());
    assertThat(e.code()).isEqualTo(2);
    assertThat(e.err().strip())
        .contains("bad-weight.csv:3", "weight '-2'", "> 0")
        .doesNotContain("\n");
  }

  private static java.util.List<String[]> ratingColumn(String csv) {
    return csv.lines().skip(1).map(l -> l.split(",")).map(f -> new String[] {f[0], f[1]}).toList();
  }

  @Test
  void votersVerifiedKeepsOnlyVerifiedRowsOfAnArenaExport() throws Exception {
    // Arena export shape: A wins the three verified battles, C wins the two unverified ones.
    Path file = dir.resolve("arena_battles.json");
    String row =
        "{\"question_id\":\"b%d\",\"model_a\":\"%s\",\"model_b\":\"%s\",\"winner\":\"model_a\","
            + "\"judge\":\"arena_%d\",\"turn\":1,\"anony\":true,\"language\":\"ko\","
            + "\"tstamp\":%d,\"category\":\"free\",\"voter_class\":\"public\","
            + "\"weight\":1.0,\"verified\":%s}";
    var rows = new java.util.ArrayList<String>();
    for (int i = 0; i < 5; i++) {
      boolean verified = i < 3;
      rows.add(
          String.format(
              row, i, verified ? "A" : "C", verified ? "C" : "A", i, 1700000000 + i, verified));
    }
    Files.writeString(file, "[" + String.join(",", rows) + "]");
    var json = JsonMapper.builder().build();

    Run all =
        gukdae("ratings", "--battles", file.toString(), "--format", "json", "--bootstrap", "0");
    assertThat(all.code()).as(all.err()).isZero();
    assertThat(json.readTree(all.out()).get("battles").asInt()).isEqualTo(5);

    Run verified =
        gukdae(
            "ratings",
            "--battles",
            file.toString(),
            "--format",
            "json",
            "--bootstrap",
            "0",
            "--voters",
            "verified");
    assertThat(verified.code()).as(verified.err()).isZero();
    JsonNode board = json.readTree(verified.out());
    assertThat(board.get("battles").asInt()).isEqualTo(3);
    assertThat(board.get("ratings").get(0).get("model").asString()).isEqualTo("A");

    // A file without the field is refused with the fix, not read as "no verified votes".
    Run old = gukdae("ratings", "--battles", battles().toString(), "--voters", "VERIFIED");
    assertThat(old.code()).isEqualTo(2);
    assertThat(old.err()).contains("'verified'", "/api/arena/export");
    Run bad = gukdae("ratings", "--battles", file.toString(), "--voters", "everyone");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("PUBLIC, EXPERT or VERIFIED");
  }
}
