package kr.gukdae.app.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import kr.gukdae.app.originality.OriginalityStore;
import kr.gukdae.app.originality.WeightFile;
import kr.gukdae.cli.Terminal;
import kr.gukdae.originality.Calibration;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;
import kr.gukdae.originality.Findings.Report;
import kr.gukdae.originality.Originality;
import kr.gukdae.originality.WeightModel;
import kr.gukdae.stage.Team;

/**
 * Writes small generated weights for each demo team and a "foreign public" model, then runs the
 * real originality comparison. One team's vision encoder is the foreign model's, copied frozen, as
 * happened in stage 1; the others are initialised independently. Weights are random, labelled demo
 * in their metadata; nothing is trained.
 */
final class DemoOriginality {

  private DemoOriginality() {}

  /** Compares each team's generated weights with the foreign model and stores every report. */
  static void run(OriginalityStore store, List<Team> teams, int stage, Path dir) {
    var config = DemoWeights.Config.tiny();
    DemoWeights.Model foreign = DemoWeights.independent(config, 1);
    foreign.write(dir.resolve("foreign-public"), DType.BF16, 1);
    WeightModel reference = WeightModel.open(DemoTeamModels.FOREIGN, dir.resolve("foreign-public"));
    long seed = 100;
    for (Team team : teams) {
      DemoWeights.Model own = DemoWeights.independent(config, seed++);
      if (team.id().equals(DemoTeamModels.FROZEN_ENCODER_TEAM)) {
        own = DemoWeights.withFrozenComponent(own, foreign, DemoWeights.VISION_PREFIX);
      }
      Path teamDir = dir.resolve(team.id());
      own.write(teamDir, DType.BF16, 1);
      WeightModel candidate = WeightModel.open(DemoTeamModels.submitted(team, stage), teamDir);
      Report report =
          Originality.compare(
              candidate,
              List.of(reference),
              Calibration.analytic(),
              Originality.Options.defaults(),
              null);
      String id =
          store.save(
              report,
              teamDir.toString(),
              WeightFile.of(candidate),
              WeightFile.of(List.of(reference)));
      var verdict = report.verdict();
      System.out.printf(
          Locale.ROOT,
          Terminal.pick("  %-10s %s  검사 %s%n", "  %-10s %s  check %s%n"),
          team.id(),
          Terminal.pick(verdict.labelKo(), verdict.label()),
          id);
    }
  }
}
