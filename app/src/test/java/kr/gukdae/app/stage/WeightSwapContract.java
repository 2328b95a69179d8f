package kr.gukdae.app.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import kr.gukdae.app.programmes.Programmes;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.ledger.CanonicalJson;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;
import kr.gukdae.testing.InProcessLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The originality gate counts a check only for the weights the team submitted for the stage, pinned
 * by SHA-256: through the office's real commands ({@code gukdae originality}, {@code gukdae stage
 * submit}), a team that hands in other weights after its check passed, or swaps the submitted files
 * on disk, is flagged until its actual weights are checked. Run on H2 ({@link WeightSwapTest}) and
 * PostgreSQL ({@link WeightSwapPostgresTest}).
 */
abstract class WeightSwapContract {

  @Autowired StageService stages;
  @Autowired List<GukdaeCommand> commands;

  @Test
  void aCheckCountsOnlyForTheSubmittedWeights(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("programme.yaml");
    Files.writeString(file, ChainFixture.programme());
    Programmes.Loaded loaded = stages.load(file, "office");
    var config = DemoWeights.Config.tiny();
    DemoWeights.Model foreign = DemoWeights.independent(config, 1);
    foreign.write(dir.resolve("foreign"), DType.BF16, 1);
    DemoWeights.independent(config, 100).write(dir.resolve("own"), DType.BF16, 1);
    DemoWeights.fineTuned(foreign, 7, 0.01).write(dir.resolve("copy"), DType.BF16, 1);
    Path own = dir.resolve("own/model.safetensors");
    String ownSha = sha256(own);
    String foreignSha = sha256(dir.resolve("foreign/model.safetensors"));

    String check = check(dir.resolve("own"));
    Readiness.Item gate = gate(loaded);
    assertThat(gate.state()).isEqualTo(Readiness.State.STALE);
    assertThat(gate.detail().en())
        .contains("no submitted weights recorded")
        .contains("gukdae stage submit --team alpha");
    // recorded in English, read in Korean too (StaleReasons)
    assertThat(gate.detail().ko())
        .contains("팀 alpha의 1단계 제출 가중치 기록이 없습니다")
        .contains("gukdae stage submit --team alpha");

    String submitted =
        run("stage", "submit", "--team", "alpha", "--weights", own.getParent().toString());
    assertThat(submitted).contains(ownSha).contains("model fake-alpha");
    gate = gate(loaded);
    assertThat(gate.state()).as(gate.detail().en()).isEqualTo(Readiness.State.PRESENT);
    JsonNode source = source(gate);
    assertThat(source.path("check").asString()).isEqualTo(check);
    assertThat(source.path("weights").get(0).path("sha256").asString()).isEqualTo(ownSha);
    assertThat(
            source.path("referenceWeights").path("foreign-public").get(0).path("sha256").asString())
        .isEqualTo(foreignSha);

    // Attack 1: after the check passed, the team hands in other weights (a foreign fine-tune).
    run("stage", "submit", "--team", "alpha", "--weights", dir.resolve("copy").toString());
    gate = gate(loaded);
    assertThat(gate.state()).isEqualTo(Readiness.State.STALE);
    assertThat(gate.detail().en()).startsWith("weights mismatch: check " + check);
    assertThat(gate.detail().ko()).startsWith("가중치 불일치: 검사 " + check);
    assertThat(stages.workspace().evidence(gate.evidence().getFirst()).orElseThrow().counts())
        .isFalse();
    // Checking what was actually submitted counts again, and shows what it is.
    check(dir.resolve("copy"));
    gate = gate(loaded);
    assertThat(gate.state()).as(gate.detail().en()).isEqualTo(Readiness.State.PRESENT);
    var verdict = stages.workspace().evidence(gate.evidence().getFirst()).orElseThrow();
    assertThat(((kr.gukdae.stage.Evidence.OriginalityVerdict) verdict.evidence()).passed())
        .isFalse();

    // Attack 2: submit and check the own weights, then replace the submitted file on disk.
    run("stage", "submit", "--team", "alpha", "--weights", own.getParent().toString());
    gate = gate(loaded);
    assertThat(gate.state()).as(gate.detail().en()).isEqualTo(Readiness.State.PRESENT);
    assertThat(source(gate).path("check").asString()).isEqualTo(check); // the matching check
    Files.copy(dir.resolve("copy/model.safetensors"), own, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(own, FileTime.from(Instant.now().plusSeconds(1)));
    gate = gate(loaded);
    assertThat(gate.state()).isEqualTo(Readiness.State.STALE);
    assertThat(gate.detail().en()).contains("changed on disk after submission");
    assertThat(gate.detail().ko()).contains("디스크에서 바뀌었습니다").contains("가중치를 다시 제출하고");
  }

  private Readiness.Item gate(Programmes.Loaded loaded) {
    return stages.status(loaded, 1).teams().stream()
        .filter(t -> t.team().equals("alpha"))
        .flatMap(t -> t.items().stream())
        .filter(i -> i.component().equals("originality-gate"))
        .findFirst()
        .orElseThrow();
  }

  private JsonNode source(Readiness.Item gate) {
    return CanonicalJson.parse(
        stages.workspace().evidence(gate.evidence().getFirst()).orElseThrow().sourceJson());
  }

  /** {@code gukdae originality} on the candidate as fake-alpha; returns the stored check's id. */
  private String check(Path candidate) throws Exception {
    String out =
        run(
            "originality",
            "--candidate",
            candidate.toString(),
            "--name",
            "fake-alpha",
            "--reference",
            "foreign-public=" + candidate.resolveSibling("foreign"));
    var id = java.util.regex.Pattern.compile("stored as evidence ([0-9a-f-]{36})").matcher(out);
    assertThat(id.find()).as(out).isTrue();
    return id.group(1);
  }

  private String run(String... args) {
    GukdaeCommand command =
        commands.stream()
            .filter(c -> c.getClass().getAnnotation(CommandLine.Command.class) != null)
            .filter(
                c -> c.getClass().getAnnotation(CommandLine.Command.class).name().equals(args[0]))
            .findFirst()
            .orElseThrow();
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    return InProcessLauncher.capture(() -> new CommandLine(command).execute(rest)).succeeded();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
