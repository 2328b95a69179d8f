package kr.gukdae.app.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.cli.StandaloneCommand;
import kr.gukdae.cli.Terminal;
import kr.gukdae.eval.tasks.TaskRegistry;
import kr.gukdae.model.ModelProvider;
import kr.gukdae.model.Models;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gukdae tasks}: every task that can be run, and the model adapters. */
@Component
@Command(
    name = "tasks",
    mixinStandardHelpOptions = true,
    description = "List benchmark tasks and model adapters.")
class TasksCommand implements StandaloneCommand {

  @Option(names = "--tasks-dir", description = "also list task YAML files in this folder")
  List<Path> taskDirs = new ArrayList<>();

  @Override
  public Integer call() {
    List<TaskRegistry.Entry> entries = TaskRegistry.create(taskDirs).entries();
    int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(10);
    System.out.println(Terminal.pick("과제", "Tasks") + " (" + entries.size() + "):");
    for (TaskRegistry.Entry e : entries) {
      System.out.printf("  %-" + width + "s  %s%n", e.name(), e.description());
    }
    var registry = TaskRegistry.create(taskDirs);
    System.out.println();
    System.out.println(
        Terminal.pick(
            "과제 묶음 (--tasks 이름: 묶음의 모든 과제를 실행하고 묶음 행을 더합니다):",
            "Groups (--tasks NAME runs every task in it and adds its group row):"));
    for (var group : registry.groups()) {
      String size;
      try {
        size = registry.expand(group.name()).size() + Terminal.pick("개 과제", " tasks");
      } catch (kr.gukdae.UserError e) {
        size = Terminal.pick("실행할 수 없음: ", "cannot run: ") + e.message(Terminal.korean());
      }
      System.out.printf("  %-" + width + "s  %s%n", group.name(), size);
    }
    System.out.println();
    System.out.println(
        Terminal.pick(
            "모델 어댑터 (--model <어댑터>/<이름>):", "Model adapters (--model <adapter>/<name>):"));
    for (ModelProvider p : Models.providers().values()) {
      System.out.printf("  %-8s %s%n", p.id(), Terminal.pick(p.descriptionKo(), p.description()));
    }
    return 0;
  }
}
