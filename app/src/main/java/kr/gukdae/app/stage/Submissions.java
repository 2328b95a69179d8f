package kr.gukdae.app.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.app.originality.WeightFile;
import kr.gukdae.app.programmes.Programmes;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.originality.WeightModel;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.Team;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * The weights each team submitted for a stage, pinned by SHA-256 per safetensors file. An
 * originality check counts for the stage only if it compared exactly these files; a team that swaps
 * its weights after the check (a new submission) leaves the check stale until it is run again.
 */
@Repository
public class Submissions {

  /** One submission; {@code weightsSha256} is {@link #digest} of its files' contents. */
  public record Submission(
      long id,
      String programme,
      int stage,
      String team,
      String model,
      List<WeightFile> weights,
      String weightsSha256,
      String location,
      String submittedBy,
      Instant submittedAt) {}

  private final JdbcClient jdbc;

  Submissions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One hash for a set of weight files, independent of their names and order. */
  public static String digest(List<WeightFile> files) {
    return Sha256.hex(String.join("\n", WeightFile.contents(files)));
  }

  /**
   * Hashes the weights at {@code weights} (a safetensors file or model directory) and records them
   * as the team's submission for the stage. The team must compete in the stage with a model.
   */
  public Submission submit(
      Programmes.Loaded loaded, int stage, String teamId, Path weights, String by) {
    Program p = loaded.program();
    p.stage(stage);
    Team team =
        p.team(teamId)
            .orElseThrow(() ->
                UserError.of(
                    "--team: '" + teamId + "'은(는) 프로그램 " + p.name() + "의 팀이 아닙니다",
                    "--team: '" + teamId + "' is not a team of programme " + p.name()));
    String model = FeatureEvidence.model(team, stage);
    if (!team.competesIn(stage) || model == null) {
      throw UserError.of(
          "--team: '" + teamId + "'이(가) " + p.name() + "의 " + stage + "단계에 제출한 모델이 없습니다",
          "--team: '" + teamId + "' has no submitted model in stage " + stage + " of " + p.name());
    }
    List<WeightFile> files = WeightFile.of(WeightModel.open(model, weights));
    String json = CanonicalJson.of(files.stream().map(Submissions::asMap).toList());
    jdbc.sql(
            "INSERT INTO stage_submission (programme, stage_no, team, model, weights_json,"
                + " weights_sha256, location, submitted_by, submitted_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            p.name(),
            stage,
            teamId,
            model,
            json,
            digest(files),
            weights.toAbsolutePath().normalize().toString(),
            by,
            Workspace.now())
        .update();
    return current(p.name(), stage, teamId).orElseThrow();
  }

  /** The team's newest submission for the stage. */
  public Optional<Submission> current(String programme, int stage, String team) {
    return jdbc.sql(
            "SELECT * FROM stage_submission WHERE programme = ? AND stage_no = ? AND team = ?"
                + " ORDER BY id DESC LIMIT 1")
        .params(programme, stage, team)
        .query(Submissions::row)
        .optional();
  }

  /**
   * Whether the submitted files still hold what was submitted, where they still are: a file
   * modified after the submission, or of another size, is hashed again. Returns why not, or null.
   * (Weights moved elsewhere are not a change; a clock set back on a file is not caught here, the
   * recorded hashes remain what the check must match.)
   */
  public static @Nullable String changedOnDisk(Submission s) {
    Path location = Path.of(s.location());
    if (!Files.exists(location)) {
      return null;
    }
    WeightModel model;
    try {
      model = WeightModel.open(s.model(), location);
    } catch (UserError e) {
      return "the submitted weights at " + location + " are no longer readable: " + e.getMessage();
    }
    for (WeightFile f : s.weights()) {
      Path file = Files.isDirectory(location) ? location.resolve(f.file()) : location;
      try {
        if (!Files.exists(file)) {
          return "submitted weight file " + f.file() + " is gone from " + location;
        }
        boolean touched =
            Files.size(file) != f.bytes()
                || Files.getLastModifiedTime(file).toInstant().isAfter(s.submittedAt());
        String now = touched ? WeightFile.of(model, file).sha256() : f.sha256();
        if (!now.equals(f.sha256())) {
          return "submitted weight file "
              + f.file()
              + " at "
              + location
              + " changed on disk after submission "
              + s.id()
              + " (sha256 "
              + f.sha256().substring(0, 12)
              + " then, "
              + now.substring(0, 12)
              + " now)";
        }
      } catch (IOException e) {
        return "cannot read submitted weight file " + file + ": " + e.getMessage();
      }
    }
    return null;
  }

  private static Map<String, Object> asMap(WeightFile f) {
    return Map.of("file", f.file(), "sha256", f.sha256(), "bytes", f.bytes());
  }

  private static Submission row(ResultSet rs, int n) throws SQLException {
    List<WeightFile> files = new ArrayList<>();
    for (JsonNode f : CanonicalJson.parse(rs.getString("weights_json"))) {
      files.add(
          new WeightFile(
              f.path("file").asString(), f.path("sha256").asString(), f.path("bytes").asLong()));
    }
    return new Submission(
        rs.getLong("id"),
        rs.getString("programme"),
        rs.getInt("stage_no"),
        rs.getString("team"),
        rs.getString("model"),
        files,
        rs.getString("weights_sha256"),
        rs.getString("location"),
        rs.getString("submitted_by"),
        rs.getObject("submitted_at", OffsetDateTime.class).toInstant());
  }
}
