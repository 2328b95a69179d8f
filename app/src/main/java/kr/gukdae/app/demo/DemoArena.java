package kr.gukdae.app.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kr.gukdae.arena.Battle;
import kr.gukdae.arena.Outcome;
import kr.gukdae.dataset.Row;
import kr.gukdae.eval.Sample;
import kr.gukdae.eval.tasks.TaskLoader;
import kr.gukdae.eval.tasks.TaskRegistry;
import kr.gukdae.model.ChatMessage;
import kr.gukdae.model.GenerateConfig;
import kr.gukdae.model.GenerateRequest;
import kr.gukdae.model.ModelApi;
import kr.gukdae.model.Models;
import kr.gukdae.stage.Team;

/**
 * A simulated user evaluation: every pair of team models answers the demo knowledge questions, and
 * simulated voters prefer the answer that contains the correct option (a tie when both or neither
 * do), flipping their vote 10% of the time. The battles are recorded in the arena's tables as
 * expert votes; the leaderboard and the stage evidence then rate the same votes.
 */
final class DemoArena {

  static final String BASELINE = "demo/constant";
  private static final int VOTERS_PER_QUESTION = 3;
  private static final double NOISE = 0.10;

  private DemoArena() {}

  /** The simulated blind battles among the teams' submitted models and the baseline. */
  static List<Battle> battles(List<Team> teams, int stage, long seed) {
    List<Sample> questions =
        TaskRegistry.create(List.of())
            .load("demo/ko_knowledge", TaskLoader.Options.DEFAULTS)
            .samples();
    Map<String, ModelApi> models = new LinkedHashMap<>();
    models.put(BASELINE, Models.open(BASELINE));
    for (Team team : teams) {
      String model = DemoTeamModels.submitted(team, stage);
      models.put(model, Models.open(model));
    }
    Map<String, List<String>> answers = new LinkedHashMap<>();
    models.forEach((name, model) -> answers.put(name, answerAll(model, questions)));

    var random = new SplittableRandom(seed);
    List<Battle> battles = new ArrayList<>();
    List<String> names = new ArrayList<>(models.keySet());
    Instant time = Instant.parse("2026-01-10T00:00:00Z");
    for (int a = 0; a < names.size(); a++) {
      for (int b = a + 1; b < names.size(); b++) {
        for (int q = 0; q < questions.size(); q++) {
          String gold = goldText(questions.get(q));
          boolean aRight = answerOf(answers, names.get(a), q).contains(gold);
          boolean bRight = answerOf(answers, names.get(b), q).contains(gold);
          for (int v = 0; v < VOTERS_PER_QUESTION; v++) {
            Outcome outcome =
                aRight == bRight ? Outcome.TIE : aRight ? Outcome.MODEL_A : Outcome.MODEL_B;
            if (random.nextDouble() < NOISE) {
              outcome = outcome == Outcome.MODEL_A ? Outcome.MODEL_B : Outcome.MODEL_A;
            }
            battles.add(
                new Battle(
                    names.get(a), names.get(b), outcome, time, "demo-voter-" + v, "ko", "demo"));
            time = time.plusSeconds(60);
          }
        }
      }
    }
    models.values().forEach(ModelApi::close);
    return battles;
  }

  private static List<String> answerAll(ModelApi model, List<Sample> questions) {
    List<String> out = new ArrayList<>();
    for (Sample s : questions) {
      String question = s.doc().getString("question");
      out.add(
          model
              .generate(
                  GenerateRequest.chat(
                      List.of(ChatMessage.user(question)),
                      GenerateConfig.GREEDY.withMaxTokens(128)))
              .text());
    }
    return out;
  }

  /** The answer {@code model} gave to question {@code q}; every model answered every question. */
  private static String answerOf(Map<String, List<String>> answers, String model, int q) {
    List<String> all = answers.get(model);
    if (all == null) {
      throw new IllegalStateException("no answers recorded for " + model);
    }
    return all.get(q);
  }

  private static String goldText(Sample sample) {
    Row row = sample.doc();
    return row.getString(String.valueOf((char) ('A' + sample.targetIndex())));
  }
}
