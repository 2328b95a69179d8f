package kr.gukdae.eval.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import kr.gukdae.eval.Task;
import kr.gukdae.eval.run.EvalOutcome;
import kr.gukdae.eval.run.EvalRunner;
import kr.gukdae.eval.run.ProgressListener;
import kr.gukdae.eval.run.RunOptions;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.ModelSpec;
import kr.gukdae.model.Models;
import kr.gukdae.model.openai.fake.FakeOpenAiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in task, end to end on its sample file, through the OpenAI adapter and real HTTP to a
 * local server speaking the protocol (a fake at the edge of the machine): no sample may fail.
 */
class EveryTaskOverHttpTest {

  @TempDir Path out;

  @Test
  void everyBuiltInTaskRunsAgainstAnOpenAiCompatibleServer() throws Exception {
    var registry = TaskRegistry.create(List.of());
    List<Task> tasks =
        registry.entries().stream()
            .filter(e -> !e.needsDataDir())
            .map(e -> registry.load(e.name(), TaskLoader.Options.DEFAULTS))
            .toList();
    assertThat(tasks).hasSizeGreaterThan(25);
    try (var server = FakeOpenAiServer.start();
        ModelApi model =
            Models.open(ModelSpec.parse("openai/fake").withBaseUrl(server.baseUrl()))) {
      EvalOutcome outcome =
          EvalRunner.run(
              tasks,
              model,
              new RunOptions(out, "all", null, null, 8, false),
              null,
              ProgressListener.NONE);
      assertThat(outcome.errors()).isZero();
      for (Task task : tasks) {
        assertThat(outcome.results())
            .as(task.name())
            .anySatisfy(r -> {
              assertThat(r.name()).isEqualTo(task.name());
              assertThat(r.samples()).isEqualTo(task.samples().size());
            });
      }
      assertThat(server.requests("fake")).isPositive();
    }
  }
}
