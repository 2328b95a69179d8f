package kr.gukdae.stage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.review.Aggregation;
import kr.gukdae.review.Artefact;
import kr.gukdae.review.Panel;
import kr.gukdae.review.Reviewer;
import kr.gukdae.review.RubricItem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a programme from YAML and validates it: every problem (weights not summing as declared,
 * reviewer conflicts, too many survivors, missing reference scores) is reported at once, naming the
 * field. The format is documented in docs/stage.md.
 */
public final class ProgramLoader {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final int MAX_BYTES = 2 * 1024 * 1024;

  private ProgramLoader() {}

  public static Program load(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw UserError.of(
            file + ": 프로그램 파일이 2 MiB보다 큽니다", file + ": programme file is larger than 2 MiB");
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw UserError.of(
          "프로그램 " + file + "을(를) 읽을 수 없습니다: " + e.getMessage(),
          "cannot read programme " + file + ": " + e.getMessage(),
          e);
    }
  }

  /** The demo programme shipped with gukdae (five invented teams modelled on stage 1's facts). */
  public static Program demo() {
    return parse(DemoFiles.read("programme.yaml"), "demo programme.yaml");
  }

  public static Program parse(String yaml, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      throw UserError.of(
          source + ": 올바른 YAML이 아닙니다 (" + e.getOriginalMessage() + ")",
          source + ": not valid YAML (" + e.getOriginalMessage() + ")",
          e);
    }
    if (root == null || !root.isObject()) {
      throw UserError.of(
          source + ": programme, scheme, teams, stages가 있는 YAML 매핑이어야 합니다",
          source + ": expected a YAML mapping with programme, scheme, teams, stages");
    }
    Problems problems = new Problems(source);
    Nodes n = new Nodes(problems);
    String name = n.text(root, "programme", "", null);
    String version = n.text(root, "version", "", null);
    boolean demo = n.bool(root, "demo", false);
    Scheme scheme = SchemeReader.read(root.path("scheme"), n, problems);
    List<ReferenceModel> references = references(root, n);
    Panel panel = panel(root.path("panel"), n, problems);
    List<Team> teams = teams(root, n, problems);
    List<StageDef> stages = stages(root, n);
    JsonNode d = root.path("disclosure");
    Disclosure disclosure =
        new Disclosure(
            n.bool(d, "topBreakdown", true),
            n.bool(d, "averages", true),
            n.bool(d, "survivorNames", true),
            n.bool(d, "fullRanking", false));
    Program program =
        new Program(
            name,
            version,
            demo,
            teams,
            stages,
            scheme,
            references,
            panel,
            disclosure,
            Sha256.hex(yaml),
            yaml);
    // Cross-section checks run even after field problems so the user sees everything at once.
    ProgramChecks.check(program, root, problems);
    EvaluationPlan.read(root, program, problems);
    problems.throwIfAny();
    return program;
  }

  private static List<ReferenceModel> references(JsonNode root, Nodes n) {
    List<ReferenceModel> out = new ArrayList<>();
    List<JsonNode> items = n.list(root, "references", "", true);
    for (int i = 0; i < items.size(); i++) {
      JsonNode r = items.get(i);
      String path = "references[" + i + "]";
      Map<String, Double> scores = new HashMap<>();
      r.path("scores").properties().forEach(e -> scores.put(e.getKey(), e.getValue().asDouble()));
      var released = n.date(r, "released", path);
      if (released != null) {
        out.add(new ReferenceModel(n.text(r, "name", path, null), released, scores));
      }
    }
    return out;
  }

  private static @Nullable Panel panel(JsonNode p, Nodes n, Problems problems) {
    if (p.isMissingNode() || p.isNull()) {
      return null;
    }
    List<RubricItem> rubric = new ArrayList<>();
    List<JsonNode> items = n.list(p, "rubric", "panel", true);
    for (int i = 0; i < items.size(); i++) {
      JsonNode r = items.get(i);
      String path = "panel.rubric[" + i + "]";
      try {
        rubric.add(
            new RubricItem(
                n.text(r, "id", path, null),
                n.text(r, "label", path, ""),
                n.number(r, "weight", path, null),
                n.number(r, "maxScore", path, 10.0)));
      } catch (UserError e) {
        problems.add(path, e);
      }
    }
    List<Reviewer> reviewers = new ArrayList<>();
    List<JsonNode> rs = n.list(p, "reviewers", "panel", true);
    for (int i = 0; i < rs.size(); i++) {
      String path = "panel.reviewers[" + i + "]";
      try {
        reviewers.add(
            new Reviewer(
                n.text(rs.get(i), "id", path, null),
                n.text(rs.get(i), "name", path, ""),
                java.util.Set.copyOf(n.strings(rs.get(i), "affiliations", path))));
      } catch (UserError e) {
        problems.add(path, e);
      }
    }
    Aggregation aggregation =
        n.choiceOr(p, "aggregation", "panel", Aggregation.class, Aggregation.DROP_HIGH_LOW);
    if (rubric.isEmpty()) {
      return null;
    }
    return new Panel(reviewers, rubric, aggregation == null ? Aggregation.MEAN : aggregation);
  }

  private static List<Team> teams(JsonNode root, Nodes n, Problems problems) {
    List<Team> out = new ArrayList<>();
    List<JsonNode> items = n.list(root, "teams", "", true);
    for (int i = 0; i < items.size(); i++) {
      JsonNode t = items.get(i);
      String path = "teams[" + i + "]";
      String id = n.text(t, "id", path, null);
      List<Team.Member> members = new ArrayList<>();
      List<JsonNode> ms = n.list(t, "members", path, true);
      for (int j = 0; j < ms.size(); j++) {
        String mp = path + ".members[" + j + "]";
        members.add(
            new Team.Member(
                n.text(ms.get(j), "organisation", mp, null),
                n.choiceOr(ms.get(j), "role", mp, Team.Role.class, Team.Role.MEMBER),
                n.choiceOr(ms.get(j), "size", mp, Team.Size.class, Team.Size.LARGE)));
      }
      Map<Integer, List<String>> models = new HashMap<>();
      t.path("models")
          .properties()
          .forEach(e -> {
            List<String> names = new ArrayList<>();
            e.getValue().forEach(v -> names.add(v.asString()));
            try {
              models.put(Integer.parseInt(e.getKey()), names);
            } catch (NumberFormatException x) {
              problems.add(
                  path + ".models." + e.getKey(),
                  "키는 단계 번호(1, 2, 3...)여야 합니다",
                  "key must be a stage number");
            }
          });
      List<Artefact> artefacts = new ArrayList<>();
      for (JsonNode a : n.list(t, "artefacts", path, false)) {
        artefacts.add(
            new Artefact(
                id,
                n.choiceOr(
                    a, "kind", path + ".artefacts", Artefact.Kind.class, Artefact.Kind.OTHER),
                n.text(a, "path", path + ".artefacts", null),
                n.text(a, "sha256", path + ".artefacts", null)));
      }
      out.add(
          new Team(
              id,
              n.text(t, "name", path, id),
              members,
              n.choiceOr(t, "openSource", path, Team.OpenSource.class, Team.OpenSource.WEIGHTS),
              n.text(t, "targetModel", path, null),
              models,
              n.integer(t, "joinedStage", path, 1),
              n.integer(t, "leftAfterStage", path, Team.STILL_IN),
              artefacts));
    }
    return out;
  }

  private static List<StageDef> stages(JsonNode root, Nodes n) {
    List<StageDef> out = new ArrayList<>();
    List<JsonNode> items = n.list(root, "stages", "", true);
    for (int i = 0; i < items.size(); i++) {
      JsonNode s = items.get(i);
      String path = "stages[" + i + "]";
      var start = n.date(s, "start", path);
      var date = n.date(s, "evaluationDate", path);
      out.add(
          new StageDef(
              n.integer(s, "number", path, i + 1),
              start == null ? java.time.LocalDate.EPOCH : start,
              date == null ? java.time.LocalDate.EPOCH : date,
              n.integer(s, "plannedSurvivors", path, null),
              n.integer(s, "referenceWindowMonths", path, 6),
              n.bool(s, "refillGateFailures", false),
              n.strings(s, "addedAfter", path)));
    }
    return out;
  }
}
