package kr.gukdae.app.demo;

import java.util.List;
import kr.gukdae.stage.Team;

/**
 * What the demo needs to know about the built-in demo models the demo programme's teams submit: how
 * much of the demo corpus each knows ({@code demo/lexical-N} knows N%), and which team's vision
 * encoder is copied frozen from a public model, as happened in stage 1.
 */
final class DemoTeamModels {

  /** The team whose vision encoder is copied frozen from a public model. */
  static final String FROZEN_ENCODER_TEAM = "mugunghwa";

  /** The demo programme's declared originality reference. */
  static final String FOREIGN = "foreign-public (demo)";

  private DemoTeamModels() {}

  /** 0..1: the share of the demo corpus a demo model knows. */
  /**
   * The first model a team submitted for a stage. The bundled demo programme gives every team one
   * per stage it runs, so a missing one means the demo file and this code disagree.
   */
  static String submitted(Team team, int stage) {
    List<String> models = team.models().get(stage);
    if (models == null || models.isEmpty()) {
      throw new IllegalStateException(
          "demo programme: team " + team.id() + " submitted no model for stage " + stage);
    }
    return models.getFirst();
  }

  static double knowledge(String model) {
    if (model.equals("demo/lexical")) {
      return 1.0;
    }
    if (model.matches("demo/lexical-\\d{1,3}")) {
      return Integer.parseInt(model.substring("demo/lexical-".length())) / 100.0;
    }
    return 0.0;
  }
}
