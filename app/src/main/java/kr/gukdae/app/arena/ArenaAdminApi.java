package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import kr.gukdae.arena.JudgeCheck;
import kr.gukdae.arena.RatingOptions;
import kr.gukdae.arena.Ratings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrator and expert endpoints: scenarios, accounts, rubric ratings, integrity report. */
@RestController
class ArenaAdminApi {

  record AccountForm(@Nullable String username, @Nullable String password, @Nullable String role) {}

  record RubricForm(@Nullable List<Rubrics.Score> scores) {}

  private final Arena arena;
  private final ArenaApi api;

  ArenaAdminApi(Arena arena, ArenaApi api) {
    this.arena = arena;
    this.api = api;
  }

  @Requires(Role.OFFICE)
  @PostMapping("/api/arena/admin/scenarios")
  Map<String, Object> addScenario(
      @RequestBody Scenarios.Draft draft,
      HttpServletRequest request,
      HttpServletResponse response) {
    Voter admin = admin(request, response);
    return Map.of("id", arena.scenarios().create(draft, admin.username()));
  }

  @Requires(Role.OFFICE)
  @PostMapping("/api/arena/admin/accounts")
  Map<String, Object> addAccount(
      @RequestBody AccountForm form, HttpServletRequest request, HttpServletResponse response) {
    admin(request, response);
    VoterClass role;
    try {
      role = VoterClass.valueOf(String.valueOf(form.role()).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ArenaException.badRequest("role", "role: EXPERT or ADMIN");
    }
    arena
        .sessions()
        .createAccount(
            String.valueOf(form.username()), form.password() == null ? "" : form.password(), role);
    return Map.of("username", String.valueOf(form.username()), "role", role.name());
  }

  /** Outlier voters and battles excluded as non-blind: for an administrator to review. */
  @Requires(Role.OFFICE)
  @GetMapping("/api/arena/admin/integrity")
  Map<String, Object> integrity(HttpServletRequest request, HttpServletResponse response) {
    admin(request, response);
    var all = arena.results().votes(new Results.Filter(null, null, null));
    var stuffing = Stuffing.find(all);
    var votes = all.stream().filter(v -> !stuffing.quarantined().contains(v.battleId())).toList();
    var battles = votes.stream().map(Results.VoteRow::battle).toList();
    // The ratings' own check: judges whose votes fit the fitted Bradley-Terry model badly (z < -3).
    var judgeFit =
        battles.isEmpty()
            ? List.<JudgeCheck>of()
            : Ratings.judgeOutliers(
                    battles,
                    Ratings.bradleyTerry(battles, RatingOptions.builder().bootstrap(0).build()),
                    3.0)
                .stream()
                .filter(JudgeCheck::flagged)
                .toList();
    return Map.of(
        "votesCounted", votes.size(),
        "outliers", Outliers.find(votes),
        "judgeFitOutliers", judgeFit,
        "excludedNonBlind", arena.results().excluded(),
        "quarantined",
            stuffing.flags().stream()
                .map(f ->
                    Map.of(
                        "rule", f.rule(),
                        "source", f.source(),
                        "model", f.model(),
                        "votes", f.votes(),
                        "wins", f.wins(),
                        "from", f.from(),
                        "to", f.to()))
                .toList(),
        "thresholds",
            Map.of(
                "minVotes", Outliers.MIN_VOTES,
                "minAgreement", Outliers.MIN_AGREEMENT,
                "maxSideShare", Outliers.MAX_SIDE_SHARE,
                "burstVotes", Stuffing.MIN_BURST,
                "targetShare", Stuffing.MIN_TARGET_SHARE,
                "targetWins", Stuffing.MIN_TARGET_WINS));
  }

  @Requires({Role.EXPERT, Role.OFFICE})
  @PostMapping("/api/arena/battles/{id}/rubric")
  Map<String, Object> rate(
      @PathVariable String id,
      @RequestBody RubricForm form,
      HttpServletRequest request,
      HttpServletResponse response) {
    Voter voter = api.voter(request, response);
    var battle = arena.battles().owned(voter, id);
    if (battle.scenarioId() == null) {
      throw ArenaException.badRequest("battle", "rubric ratings need a battle on a scenario");
    }
    if (arena.battles().turns(id).isEmpty()) {
      throw new ArenaException(
          HttpStatus.CONFLICT, "not_answered", "rate after the answers finish");
    }
    if (arena.votes().reveal(id) != null) {
      // After the reveal the rater knows which side is which model: no longer a blind rating.
      throw new ArenaException(
          HttpStatus.CONFLICT,
          "revealed",
          "루브릭은 투표(공개) 전에 A/B로 평가합니다 / rate A and B before you vote; after the"
              + " reveal the rating would not be blind");
    }
    var scenario = arena.scenarios().findAny(battle.scenarioId()).orElseThrow();
    var scores = form.scores() == null ? List.<Rubrics.Score>of() : form.scores();
    arena.rubrics().rate(voter, battle, scenario, scores);
    return Map.of("saved", scores.size());
  }

  @Requires({Role.OFFICE, Role.REVIEWER})
  @GetMapping("/api/arena/rubric")
  List<Rubrics.Summary> rubricSummary() {
    return arena.rubrics().summary();
  }

  private Voter admin(HttpServletRequest request, HttpServletResponse response) {
    return Admins.require(api, request, response);
  }
}
