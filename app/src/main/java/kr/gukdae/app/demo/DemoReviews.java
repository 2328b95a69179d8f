package kr.gukdae.app.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kr.gukdae.UserError;
import kr.gukdae.app.review.ReviewService;
import kr.gukdae.review.Panel;
import kr.gukdae.review.RubricItem;
import kr.gukdae.stage.Team;

/**
 * Simulated expert review through the review workflow: the panel is opened, every reviewer without
 * a conflict is assigned, and each submits a sheet scored around a level set by how much of the
 * demo corpus the team's model knows, with seeded per-reviewer spread. Labelled demo; real sheets
 * come from reviewers on the review page.
 */
final class DemoReviews {

  private DemoReviews() {}

  static int run(ReviewService reviews, Panel panel, List<Team> teams, int stage, long seed) {
    reviews.openPanel(stage, "demo");
    var random = new SplittableRandom(seed);
    int submitted = 0;
    for (Team team : teams) {
      double level = 5.0 + 4.0 * DemoTeamModels.knowledge(DemoTeamModels.submitted(team, stage));
      for (String reviewer : panel.eligibleFor(team.organisations())) {
        double bias = random.nextGaussian() * 0.35;
        Map<String, Double> items = new LinkedHashMap<>();
        for (RubricItem item : panel.rubric()) {
          double score = level + bias + random.nextGaussian() * 0.25;
          items.put(item.id(), round(Math.max(0, Math.min(item.maxScore(), score))));
        }
        reviews.assign(stage, reviewer, team.id(), "demo");
        try {
          reviews.save(stage, reviewer, team.id(), items, "DEMO: simulated review sheet", true);
          submitted++;
        } catch (UserError e) {
          // already submitted by an earlier demo run on this database: sheets are final
        } catch (kr.gukdae.app.access.AccessDenied e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      }
    }
    return submitted;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
