package kr.gukdae.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.gukdae.Bilingual;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Where each feature's measurement comes from, as the programme file's optional {@code evaluation}
 * section states it: which evaluation task (or task group, whose aggregate counts) measures each
 * scheme benchmark and with which metric, which arena voters count, which reference models the
 * originality check must have compared against, and each team's model-tree root for derivative
 * counts.
 *
 * <pre>
 * evaluation:
 *   tasks: {KO-Math: ko/hrm8k_gsm8k, MMLU-Pro: {task: global/mmlu_pro, metric: exact_match}}
 *   arenaVoters: EXPERT            # PUBLIC | VERIFIED | EXPERT
 *   originalityReferences: [foreign-public]
 *   lineageRoots: {hanbit: demo-team-1/Hanbit-32B}
 * </pre>
 */
public record EvaluationPlan(
    Map<String, TaskSource> tasks,
    Voters arenaVoters,
    List<String> originalityReferences,
    Map<String, String> lineageRoots) {

  /** The evaluation task that measures one benchmark; a null metric means the task's only one. */
  public record TaskSource(String task, @Nullable String metric) {}

  /** Which arena votes count for the user evaluation. */
  public enum Voters {
    PUBLIC,
    VERIFIED,
    EXPERT
  }

  /** One place a benchmark score is needed: a benchmark as one component's group counts it. */
  public record Slot(Evidence.Group group, String benchmark) {}

  private static final Set<String> KEYS =
      Set.of("tasks", "arenaVoters", "originalityReferences", "lineageRoots");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  public EvaluationPlan {
    tasks = Map.copyOf(tasks);
    originalityReferences = List.copyOf(originalityReferences);
    lineageRoots = Map.copyOf(lineageRoots);
  }

  /** The plan stated in a programme's own source (the empty plan when it has none). */
  public static EvaluationPlan of(Program program) {
    Problems problems =
        new Problems(new Bilingual("프로그램 " + program.name(), "programme " + program.name()));
    EvaluationPlan plan = read(YAML.readTree(program.source()), program, problems);
    problems.throwIfAny();
    return plan;
  }

  /** Every benchmark score the scheme needs, per group, in scheme order. */
  public static List<Slot> slots(Program program) {
    List<Slot> out = new ArrayList<>();
    for (Component c : program.scheme().components()) {
      Evidence.Group group =
          switch (c.kind()) {
            case KOREAN_BENCHMARKS -> Evidence.Group.KOREAN;
            case GLOBAL_BENCHMARKS -> Evidence.Group.GLOBAL;
            case TARGET_COMPARISON -> Evidence.Group.TARGET;
            default -> null;
          };
      if (group != null) {
        c.benchmarks().forEach(b -> out.add(new Slot(group, b)));
      }
    }
    return out;
  }

  static EvaluationPlan read(JsonNode root, Program program, Problems problems) {
    JsonNode e = root.path("evaluation");
    if (e.isMissingNode() || e.isNull()) {
      return new EvaluationPlan(Map.of(), Voters.EXPERT, List.of(), Map.of());
    }
    if (!e.isObject()) {
      problems.add(
          "evaluation",
          "매핑이어야 합니다 (tasks, arenaVoters, ...)",
          "must be a mapping (tasks, arenaVoters, ...)");
      return new EvaluationPlan(Map.of(), Voters.EXPERT, List.of(), Map.of());
    }
    e.propertyNames().stream()
        .filter(k -> !KEYS.contains(k))
        .forEach(k ->
            problems.add(
                "evaluation." + k,
                "알 수 없는 키; 쓸 수 있는 키: " + new TreeSet<>(KEYS),
                "unknown key; known: " + new TreeSet<>(KEYS)));
    Nodes n = new Nodes(problems);
    Set<String> benchmarks = new TreeSet<>();
    slots(program).forEach(s -> benchmarks.add(s.benchmark()));
    Map<String, TaskSource> tasks = new LinkedHashMap<>();
    e.path("tasks")
        .properties()
        .forEach(t -> {
          String path = "evaluation.tasks." + t.getKey();
          if (!benchmarks.contains(t.getKey())) {
            problems.add(
                path,
                "배점표의 벤치마크가 아닙니다 (벤치마크: " + benchmarks + ")",
                "is not a benchmark of the scheme (benchmarks: " + benchmarks + ")");
          }
          JsonNode v = t.getValue();
          if (v.isString()) {
            tasks.put(t.getKey(), new TaskSource(v.asString().strip(), null));
          } else if (v.isObject()) {
            String metric = n.text(v, "metric", path, "");
            tasks.put(
                t.getKey(),
                new TaskSource(n.text(v, "task", path, null), metric.isEmpty() ? null : metric));
          } else {
            problems.add(
                path, "태스크 이름 또는 {task, metric}이어야 합니다", "must be a task name or {task, metric}");
          }
        });
    Voters voters = n.choiceOr(e, "arenaVoters", "evaluation", Voters.class, Voters.EXPERT);
    Map<String, String> roots = new LinkedHashMap<>();
    e.path("lineageRoots")
        .properties()
        .forEach(r -> {
          if (program.team(r.getKey()).isEmpty()) {
            problems.add("evaluation.lineageRoots." + r.getKey(), "팀 ID가 아닙니다", "is not a team id");
          }
          roots.put(r.getKey(), r.getValue().asString().strip());
        });
    return new EvaluationPlan(
        tasks,
        voters == null ? Voters.EXPERT : voters,
        n.strings(e, "originalityReferences", "evaluation"),
        roots);
  }
}
