package kr.gukdae.eval.tasks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kr.gukdae.UserError;
import kr.gukdae.eval.Task;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every task gukdae can run, keyed {@code namespace/name}: the built-in ones on the class path
 * (listed in {@code builtin/index.txt}) and task files in user folders.
 */
public final class TaskRegistry {

  private static final String BUILTIN = "builtin/";
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /**
   * A task's registry entry; loading its data waits until it is run. {@code needsDataDir}: a
   * built-in task without bundled sample rows (most KMMLU subjects), which runs only with {@code
   * --data-dir}.
   */
  public record Entry(
      String name, String description, String source, boolean demo, boolean needsDataDir) {}

  private final Map<String, Source> sources = new TreeMap<>();
  private final Map<String, TaskGroup> groups = new TreeMap<>();
  private final Map<String, List<String>> tags = new TreeMap<>();
  private final java.util.Set<String> builtinGroups = new java.util.HashSet<>();

  private TaskRegistry() {}

  /** The built-in tasks plus {@code *.yaml} files under each folder given. */
  public static TaskRegistry create(List<Path> taskDirs) {
    var registry = new TaskRegistry();
    registry.addBuiltIns();
    for (Path dir : taskDirs) {
      registry.addDirectory(dir);
    }
    return registry;
  }

  public List<Entry> entries() {
    return sources.values().stream().map(Source::entry).toList();
  }

  /** Groups from lm-eval group files ({@code group:} with a {@code task:} list). */
  public List<TaskGroup> groups() {
    return List.copyOf(groups.values());
  }

  /**
   * The tasks a name stands for: itself if it is a task, else a group's or tag's members,
   * recursively (group and tag names are lm-eval's, e.g. {@code kmmlu} or {@code
   * kmmlu_stem_tasks}).
   */
  public List<String> expand(String name) {
    List<String> out = new ArrayList<>();
    expand(name, out, 0);
    return out.stream().distinct().toList();
  }

  /**
   * The tasks and groups a run of these names covers: tasks in order, each once; every group
   * reached, parents first, with its leaf tasks (as lm-eval aggregates them).
   */
  public RunPlan plan(List<String> names) {
    List<String> tasks = new ArrayList<>();
    List<RunPlan.Group> planned = new ArrayList<>();
    for (String name : names) {
      tasks.addAll(expand(name));
      addGroups(name, 0, planned);
    }
    return new RunPlan(tasks.stream().distinct().toList(), planned);
  }

  private void addGroups(String name, int depth, List<RunPlan.Group> planned) {
    TaskGroup group = groups.get(name);
    if (group == null || depth > 8 || planned.stream().anyMatch(g -> g.name().equals(name))) {
      return;
    }
    planned.add(new RunPlan.Group(name, depth, expand(name), group.aggregates()));
    group.members().forEach(m -> addGroups(m, depth + 1, planned));
  }

  private void expand(String name, List<String> out, int depth) {
    if (depth > 8) {
      throw UserError.of(
          "group '" + name + "': 그룹이 너무 깊이 중첩됩니다 (순환이 있는지 확인하세요)",
          "group '" + name + "': nests too deeply (a cycle?)");
    }
    if (sources.containsKey(name)) {
      out.add(name);
    } else if (sources.containsKey(LmEvalTask.registryName(name))) {
      out.add(LmEvalTask.registryName(name));
    } else if (groups.containsKey(name)) {
      groups.get(name).members().forEach(m -> expand(m, out, depth + 1));
    } else if (tags.containsKey(name)) {
      out.addAll(tags.get(name));
    } else {
      throw UserError.of(
          "알 수 없는 작업, 그룹 또는 태그 '" + name + "'입니다. 'gukdae tasks'로 목록을 보세요",
          "unknown task, group or tag '" + name + "'; run 'gukdae tasks' to list them");
    }
  }

  public Task load(String name, TaskLoader.Options options) {
    Source source = sources.get(name);
    if (source == null) {
      String close = suggestion(name);
      throw UserError.of(
          "알 수 없는 작업 '"
              + name
              + "'입니다. 'gukdae tasks'로 목록을 보세요"
              + (close.isEmpty() ? "" : " (비슷한 이름: " + close + ")"),
          "unknown task '"
              + name
              + "'; run 'gukdae tasks' to list them"
              + (close.isEmpty() ? "" : " (did you mean " + close + "?)"));
    }
    return source.load(options);
  }

  private String suggestion(String name) {
    String tail = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
    List<String> close = sources.keySet().stream().filter(k -> k.contains(tail)).limit(5).toList();
    return String.join(", ", close);
  }

  private void addBuiltIns() {
    for (String file : lines(resource(BUILTIN + "index.txt"))) {
      byte[] yaml = readResource(BUILTIN + file);
      String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
      addBuiltIn("builtin:" + file, yaml, folder);
    }
    BuiltinGroups.add(this);
  }

  /** A built-in task file whose data files lie in {@code folder} on the class path. */
  void addBuiltIn(String where, byte[] yaml, String folder) {
    addBuiltIn(where, yaml, folder, false);
  }

  void addBuiltIn(String where, byte[] yaml, String folder, boolean needsDataDir) {
    add(
        new Source(
            where,
            yaml,
            (w, bytes, options) ->
                TaskLoader.load(w, bytes, data -> bundled(BUILTIN + folder + data), options),
            needsDataDir));
  }

  boolean hasTask(String name) {
    return sources.containsKey(name);
  }

  /** A group shipped with gukdae; a group of the same name in a --tasks-dir folder replaces it. */
  void addBuiltInGroup(TaskGroup group) {
    groups.put(group.name(), group);
    builtinGroups.add(group.name());
  }

  /** A bundled data file; a missing one means the real data set is needed. */
  private static byte[] bundled(String name) throws IOException {
    try (InputStream in = TaskRegistry.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(
            "no bundled sample rows for this task; pass --data-dir with the real data set");
      }
      return in.readAllBytes();
    }
  }

  private void addDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw UserError.of(
          "--tasks-dir " + dir + ": 폴더가 아닙니다. 작업 YAML 파일이 든 폴더를 지정하세요",
          "--tasks-dir "
              + dir
              + ": is not a folder; name the folder that holds the task YAML files");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        byte[] yaml = Files.readAllBytes(file);
        JsonNode node = LmEvalYaml.read(file);
        if (LmEvalYaml.isGroup(node)) {
          addGroup(file, node);
        } else if (LmEvalYaml.isLmEval(node) && !node.has("task")) {
          continue; // an include-only base file (lm-eval names most of these without .yaml)
        } else if (LmEvalYaml.isLmEval(node)) {
          var header = LmEvalImport.header(file);
          header
              .tags()
              .forEach(t -> tags.computeIfAbsent(t, k -> new ArrayList<>()).add(header.name()));
          add(
              new Source(
                  file.toString(),
                  yaml,
                  (where, bytes, options) -> LmEvalImport.load(file, options),
                  new Entry(header.name(), header.description(), file.toString(), false, false)));
        } else {
          add(
              new Source(
                  file.toString(),
                  yaml,
                  (where, bytes, options) -> TaskLoader.load(file, options),
                  false));
        }
      }
    } catch (IOException e) {
      throw UserError.of(
          "--tasks-dir " + dir + ": 작업 폴더를 읽을 수 없습니다 (" + e.getMessage() + ")",
          "--tasks-dir " + dir + ": cannot read the task folder (" + e.getMessage() + ")",
          e);
    }
  }

  private void addGroup(Path file, JsonNode node) {
    List<TaskGroup.Aggregate> aggregates = new ArrayList<>();
    for (JsonNode m : node.path("aggregate_metric_list")) {
      aggregates.add(
          new TaskGroup.Aggregate(
              m.path("metric").asString(), m.path("weight_by_size").asBoolean(true)));
    }
    List<String> members = new ArrayList<>();
    for (JsonNode member : node.path("task")) {
      if (!member.isString()) {
        throw UserError.of(
            file
                + ": 그룹의 task 항목은 작업, 그룹 또는 태그 이름이어야 합니다 (인라인 작업 설정은"
                + " 지원하지 않으니 별도 YAML 파일로 옮기세요)",
            file
                + ": group task entries must be task, group or tag names (inline task configs"
                + " are not supported; put them in their own YAML file)");
      }
      members.add(member.asString());
    }
    String name = node.path("group").asString();
    if (members.isEmpty()) {
      throw UserError.of(
          file + ": 그룹 '" + name + "'에 task가 없습니다. task: 아래에 작업, 그룹 또는 태그 이름을 적으세요",
          file + ": group '" + name + "' has no tasks; list task, group or tag names under task:");
    }
    if (builtinGroups.remove(name)) {
      groups.remove(name);
    }
    if (groups.putIfAbsent(name, new TaskGroup(name, members, aggregates)) != null) {
      throw UserError.of(
          file + ": 그룹 '" + name + "'이(가) 이미 정의되어 있습니다. 둘 중 하나의 이름을 바꾸세요",
          file + ": group '" + name + "' is already defined; rename one of them");
    }
  }

  private void add(Source source) {
    Source previous = sources.putIfAbsent(source.entry().name(), source);
    if (previous != null) {
      throw UserError.of(
          source.where
              + ": 작업 '"
              + source.entry().name()
              + "'이(가) 이미 "
              + previous.where
              + "에 정의되어 있습니다. 둘 중 하나의 이름을 바꾸세요",
          source.where
              + ": task '"
              + source.entry().name()
              + "' is already defined in "
              + previous.where
              + "; rename one of them");
    }
  }

  @FunctionalInterface
  private interface Loader {
    Task load(String where, byte[] yaml, TaskLoader.Options options);
  }

  private static final class Source {
    private final String where;
    private final byte[] yaml;
    private final Loader loader;
    private final Entry entry;

    Source(String where, byte[] yaml, Loader loader, Entry entry) {
      this.where = where;
      this.yaml = yaml;
      this.loader = loader;
      this.entry = entry;
    }

    Source(String where, byte[] yaml, Loader loader, boolean needsDataDir) {
      this.where = where;
      this.yaml = yaml;
      this.loader = loader;
      JsonNode node;
      try {
        node = YAML.readTree(yaml);
      } catch (RuntimeException e) {
        throw UserError.of(
            where + ": 올바른 YAML이 아닙니다 (" + e.getMessage() + ")",
            where + ": not valid YAML (" + e.getMessage() + ")",
            e);
      }
      String name = text(node, "task");
      if (name == null) {
        throw UserError.of(
            where + ": 필수 항목 'task'가 없습니다", where + ": required field 'task' is missing");
      }
      this.entry =
          new Entry(
              name,
              String.valueOf(text(node, "description")),
              where,
              node.path("demo").asBoolean(false),
              needsDataDir);
    }

    Entry entry() {
      return entry;
    }

    Task load(TaskLoader.Options options) {
      return loader.load(where, yaml, options);
    }

    private static @Nullable String text(JsonNode node, String field) {
      JsonNode value = node.get(field);
      return value == null || value.isNull() ? null : value.asString();
    }
  }

  private static InputStream resource(String name) {
    InputStream in = TaskRegistry.class.getResourceAsStream(name);
    if (in == null) {
      // A packaging fault, not a user error: the jar lacks a file it was built with.
      throw new IllegalStateException("bug: built-in task resource missing: " + name);
    }
    return in;
  }

  private static byte[] readResource(String name) throws UncheckedIOException {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(InputStream in) {
    List<String> out = new ArrayList<>();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
