package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.gukdae.app.eval.EvalRequest;
import org.junit.jupiter.api.Test;

/**
 * Every setting of an {@link EvalRequest} that shapes a run's results reaches the workers: a
 * request with each setting away from its default comes back from the job's stored JSON equal,
 * setting by setting. The settings are found by reflection, so a new one that the job forgets fails
 * here.
 */
class JobSpecTest {

  /**
   * Where this process writes its copy and whether it continues a run: not the workers' concern.
   */
  private static final Set<String> PER_PROCESS = Set.of("outputDir", "resume", "runId");

  @Test
  void everyResultShapingSettingSurvivesTheJobsJson() throws Exception {
    EvalRequest asked =
        EvalRequest.builder("openai/m")
            .baseUrl("http://10.0.0.5:8000/v1")
            .apiKeyEnv("TEAM_KEY")
            .tasks(List.of("t/a", "t/b"))
            .taskDirs(List.of(Path.of("/srv/tasks").toAbsolutePath()))
            .dataDir(Path.of("/srv/data").toAbsolutePath())
            .limit(7)
            .numFewshot(3)
            .concurrency(5)
            .maxRetries(9)
            .requestTimeout(Duration.ofSeconds(77))
            .responseCache(false)
            .fewshotAsMultiturn(true)
            .judge("openai/judge")
            .build();
    JobSpec spec = JobSpec.parse(JobSpec.of(asked, Map.of("t/a", "h1"), 12.5).toJson(), "r");
    EvalRequest carried = spec.request("r");
    int compared = 0;
    for (Method m : EvalRequest.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers())
          || Modifier.isStatic(m.getModifiers())
          || m.getParameterCount() > 0
          || PER_PROCESS.contains(m.getName())) {
        continue;
      }
      assertThat(m.invoke(carried)).as(m.getName()).isEqualTo(m.invoke(asked));
      compared++;
    }
    assertThat(compared).isEqualTo(14);
    assertThat(spec.taskHashes()).containsEntry("t/a", "h1");
    assertThat(spec.startedAt()).isEqualTo(12.5);
  }
}
