package kr.gukdae.app.stage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.app.arena.StageRatings;
import kr.gukdae.app.eval.EvalStore;
import kr.gukdae.app.lineage.LineageEvidenceRepository;
import kr.gukdae.app.review.ReviewStore;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.stage.EvaluationPlan;
import kr.gukdae.stage.Evidence;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.StageDef;
import kr.gukdae.stage.Team;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads what each feature measured for a stage's teams and turns it into evidence drafts with their
 * sources: evaluation runs of the submitted model, arena ratings over the stage window, submitted
 * review sheets, the latest originality check of the model, and the derivative count of the team's
 * model-tree root for the stage window. Nothing here computes a score of its own.
 */
@Component
class FeatureEvidence {

  private final JdbcClient jdbc;
  private final EvalStore evals;
  private final StageRatings arena;
  private final LineageEvidenceRepository lineage;
  private final ReviewStore reviews;
  private final OriginalityEvidence originality;

  FeatureEvidence(
      JdbcClient jdbc,
      EvalStore evals,
      StageRatings arena,
      LineageEvidenceRepository lineage,
      ReviewStore reviews,
      OriginalityEvidence originality) {
    this.originality = originality;
    this.jdbc = jdbc;
    this.evals = evals;
    this.arena = arena;
    this.lineage = lineage;
    this.reviews = reviews;
  }

  /** The stage window as instants: from the start day to the end of the evaluation day. */
  static Instant from(StageDef st) {
    return st.start().atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  static Instant to(StageDef st) {
    return st.evaluationDate().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The submitted model a stage's evidence is bound to: the first the team lists for it. */
  static @Nullable String model(Team team, int stage) {
    List<String> models = team.models().getOrDefault(stage, List.of());
    return models.isEmpty() ? null : models.getFirst();
  }

  /**
   * Whether a name a feature recorded ({@code openai/team-7b}, an arena spec) is the submitted
   * model: the same name, or the same name behind an adapter prefix.
   */
  static boolean sameModel(String recorded, String submitted) {
    return recorded.equals(submitted) || recorded.endsWith("/" + submitted);
  }

  List<StageEvidence> collect(long programmeId, Program p, int stage) {
    StageDef st = p.stage(stage);
    EvaluationPlan plan = EvaluationPlan.of(p);
    List<StageEvidence> out = new ArrayList<>();
    List<String> models = new ArrayList<>();
    for (Team team : p.teamsIn(stage)) {
      String model = model(team, stage);
      if (model == null) {
        continue;
      }
      models.add(model);
      out.addAll(evalRuns(programmeId, p, plan, st, team, model));
      out.addAll(originality.collect(programmeId, p.name(), plan, st, team, model));
      String root = plan.lineageRoots().get(team.id());
      if (root != null) {
        out.addAll(derivatives(programmeId, st, team, model, root));
      }
      for (ReviewStore.Submitted s : reviews.submitted(programmeId, stage, team.id())) {
        Map<String, Object> src = new LinkedHashMap<>();
        src.put("sheet", s.id());
        src.put("panel", s.panelId());
        src.put("submittedAt", s.submittedAt().toString());
        src.put("sha256", s.sha256());
        out.add(
            Drafts.draft(
                programmeId,
                model,
                new Evidence.ReviewScore(team.id(), stage, s.reviewer(), s.items(), s.comment()),
                "review-sheet",
                String.valueOf(s.id()),
                src,
                s.submittedAt(),
                false,
                null));
      }
    }
    out.addAll(ratings(programmeId, p, plan, st, models));
    return out;
  }

  private List<StageEvidence> evalRuns(
      long programmeId, Program p, EvaluationPlan plan, StageDef st, Team team, String model) {
    List<StageEvidence> out = new ArrayList<>();
    List<EvalStore.RunRow> runs =
        evals.runs().stream()
            .filter(r -> r.status().equals("DONE") && r.finishedAt() != null)
            .filter(r -> sameModel(r.model(), model))
            .sorted(Comparator.comparing(EvalStore.RunRow::finishedAt).reversed())
            .toList();
    for (EvaluationPlan.Slot slot : EvaluationPlan.slots(p)) {
      EvaluationPlan.TaskSource task = plan.tasks().get(slot.benchmark());
      if (task == null) {
        continue;
      }
      for (EvalStore.RunRow run : runs) {
        Measured m = measured(run.id(), task);
        if (m == null) {
          continue;
        }
        // only finished runs were kept above
        Instant at = Objects.requireNonNull(run.finishedAt(), "finished_at").toInstant();
        Map<String, Object> src = new LinkedHashMap<>();
        src.put("run", run.id());
        src.put("model", run.model());
        src.put("task", m.task());
        src.put("metric", m.metric());
        src.put("filter", m.filter());
        src.put("value", m.value());
        src.put("samples", m.samples());
        src.put("finishedAt", at.toString());
        JsonNode results = resultsJson(run.id());
        var hash = results.path("task_hashes").path(task.task());
        if (hash.isString()) {
          src.put("taskHash", hash.asString());
        }
        Evidence.CleanSubset clean = clean(results, m);
        if (clean != null) {
          src.put("contaminationAudit", "results.json contamination." + auditKey(m.task()));
        }
        out.add(
            Drafts.draft(
                programmeId,
                model,
                new Evidence.BenchmarkResult(
                    team.id(), st.number(), slot.benchmark(), slot.group(), 100 * m.value(), clean),
                "eval-run",
                run.id(),
                src,
                at,
                false,
                at.isBefore(from(st)) ? "run finished before the stage started" : null));
        break;
      }
    }
    return out;
  }

  /** One task's chosen metric in one run. */
  private record Measured(String task, String metric, String filter, double value, int samples) {}

  /**
   * The task's result in a run: a group's macro aggregate when it has one, else the task itself;
   * the named metric, or the task's only metric, or {@code acc}, in the {@code none} filter when
   * there is one.
   */
  private @Nullable Measured measured(String runId, EvaluationPlan.TaskSource source) {
    List<EvalStore.ResultRow> rows = evals.results(runId);
    for (String name : List.of(source.task() + "#macro", source.task())) {
      List<EvalStore.ResultRow> mine =
          rows.stream()
              .filter(r -> r.task().equals(name))
              .filter(r -> !r.metric().endsWith("_stderr"))
              .sorted(
                  Comparator.comparing(EvalStore.ResultRow::metric)
                      .thenComparing(r -> r.filterName().equals("none") ? "" : r.filterName()))
              .toList();
      if (mine.isEmpty()) {
        continue;
      }
      String metric = source.metric();
      if (metric == null) {
        List<String> names = mine.stream().map(EvalStore.ResultRow::metric).distinct().toList();
        metric = names.size() == 1 || !names.contains("acc") ? names.getFirst() : "acc";
      }
      String wanted = metric;
      var row = mine.stream().filter(r -> r.metric().equals(wanted)).findFirst();
      if (row.isPresent()) {
        var r = row.get();
        return new Measured(name, r.metric(), r.filterName(), r.metricValue(), r.nSamples());
      }
    }
    return null;
  }

  private JsonNode resultsJson(String runId) {
    String json =
        jdbc.sql("SELECT results_json FROM eval_run WHERE id = ?")
            .param(runId)
            .query(String.class)
            .optional()
            .orElse(null);
    return json == null || json.isBlank() ? CanonicalJson.parse("{}") : CanonicalJson.parse(json);
  }

  /** The key {@code gukdae data audit} files a task under: its samples file's name. */
  private static String auditKey(String task) {
    String plain = task.endsWith("#macro") ? task.substring(0, task.length() - 6) : task;
    return plain.replace('/', '_');
  }

  /**
   * The contamination audit of the measured task, when {@code gukdae data audit} ran on this run:
   * the chosen metric on all audited items and on the clean ones, on the score's scale.
   */
  private static Evidence.@Nullable CleanSubset clean(JsonNode results, Measured m) {
    JsonNode a = results.path("contamination").path(auditKey(m.task()));
    JsonNode full = a.path("full").path(m.metric());
    JsonNode clean = a.path("clean").path(m.metric());
    if (!a.isObject() || !full.isNumber() || !clean.isNumber()) {
      return null;
    }
    try {
      return new Evidence.CleanSubset(
          a.path("method").asString("?"),
          a.path("items").asInt(),
          a.path("contaminated").asInt(),
          100 * full.asDouble(),
          100 * clean.asDouble());
    } catch (IllegalArgumentException | kr.gukdae.UserError e) {
      return null; // an impossible block (edited by hand) is not evidence
    }
  }

  private List<StageEvidence> ratings(
      long programmeId, Program p, EvaluationPlan plan, StageDef st, List<String> models) {
    if (models.isEmpty()) {
      return List.of();
    }
    StageRatings.Slice slice = arena.rate(plan.arenaVoters().name(), from(st), to(st));
    List<StageEvidence> out = new ArrayList<>();
    for (Team team : p.teamsIn(st.number())) {
      String model = model(team, st.number());
      if (model == null) {
        continue;
      }
      var found =
          slice.ratings().stream()
              .filter(r -> model != null && sameModel(r.model(), model))
              .toList();
      if (found.size() != 1) {
        continue;
      }
      StageRatings.Rated r = found.getFirst();
      Map<String, Object> src = new LinkedHashMap<>();
      src.put("voters", slice.voters());
      src.put("arenaModel", r.model());
      src.put("from", slice.from().toString());
      src.put("to", slice.to().toString());
      src.put("sliceVotes", slice.votes());
      src.put("battlesSha256", slice.battlesSha256());
      out.add(
          Drafts.draft(
              programmeId,
              model,
              new Evidence.UserEvaluation(
                  team.id(), st.number(), r.rating(), r.low(), r.high(), r.votes()),
              "arena",
              slice.voters() + ":" + slice.from() + ".." + slice.to(),
              src,
              slice.to().isBefore(Instant.now()) ? slice.to() : Instant.now(),
              false,
              null));
    }
    return out;
  }

  private List<StageEvidence> derivatives(
      long programmeId, StageDef st, Team team, String model, String root) {
    List<LineageEvidenceRepository.Evidence> counts = lineage.list(root);
    if (counts.isEmpty()) {
      return List.of();
    }
    LineageEvidenceRepository.Evidence pick =
        counts.stream()
            .filter(c -> from(st).equals(c.windowStart()) && to(st).equals(c.windowEnd()))
            .findFirst()
            .orElse(counts.getFirst());
    boolean inWindow = from(st).equals(pick.windowStart()) && to(st).equals(pick.windowEnd());
    Map<String, Object> src = new LinkedHashMap<>();
    src.put("count", pick.id());
    src.put("root", pick.rootModel());
    src.put("windowStart", String.valueOf(pick.windowStart()));
    src.put("windowEnd", String.valueOf(pick.windowEnd()));
    src.put("rules", pick.rules());
    src.put("source", pick.source());
    return List.of(
        Drafts.draft(
            programmeId,
            model,
            new Evidence.DerivativeCount(team.id(), st.number(), pick.counted()),
            "lineage-count",
            pick.id(),
            src,
            pick.recordedAt(),
            false,
            inWindow
                ? null
                : "counted for another window; count "
                    + root
                    + " with --since "
                    + st.start()
                    + " --until "
                    + st.evaluationDate().plusDays(1)));
  }

  static LocalDate day(Instant i) {
    return LocalDate.ofInstant(i, ZoneOffset.UTC);
  }
}
