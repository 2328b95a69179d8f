package kr.gukdae.app.needle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.eval.tasks.TaskLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NeedleCommandTest {

  @TempDir Path out;

  @Test
  void writesADataFileAndATaskFileThatLoads() throws Exception {
    int code =
        new CommandLine(new NeedleCommand())
            .execute(
                "--lengths",
                "2000,8000",
                "--depths",
                "0,0.5,1",
                "--seed",
                "7",
                "--out",
                out.toString());
    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(out.resolve("needle_ko_test.jsonl"));
    assertThat(lines).hasSize(6);
    var task = TaskLoader.load(out.resolve("needle_ko.yaml"), TaskLoader.Options.DEFAULTS);
    assertThat(task.name()).isEqualTo("local/needle_ko");
    assertThat(task.samples(null)).hasSize(6);
    assertThat(task.samples(null).get(5).prompt().length()).isGreaterThan(8000);
  }

  @Test
  void aBadDepthIsAUserErrorNamingTheFlag() {
    var cmd = new CommandLine(new NeedleCommand());
    var err = new java.io.StringWriter();
    cmd.setErr(new java.io.PrintWriter(err));
    cmd.setExecutionExceptionHandler((e, c, p) -> {
      c.getErr().println(e.getMessage());
      return 2;
    });
    int code = cmd.execute("--depths", "2", "--out", out.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--depths 2.0 is out of range");
    assertThat(out.resolve("needle_ko_test.jsonl")).doesNotExist();
  }
}
