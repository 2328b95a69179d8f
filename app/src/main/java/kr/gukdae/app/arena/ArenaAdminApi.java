package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
import java.util.List;
import kr.gukdae.app.access.Access;
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

  /** The id of what was just created. */
  record Created(long id) {}

  record AccountCreated(String username, String role) {}

  record Saved(int saved) {}

  /** A stuffing pattern as the administrator sees it (the quarantined battle ids stay inside). */
  record Quarantine(
      String rule,
      String source,
      String model,
      int votes,
      int wins,
      OffsetDateTime from,
      OffsetDateTime to) {}

  /** The limits behind the flags, so the page can say why a voter or pattern was flagged. */
  record Thresholds(
      int minVotes,
      double minAgreement,
      double maxSideShare,
      int burstVotes,
      double targetShare,
      double targetWins) {}

  record Integrity(
      int votesCounted,
      List<Outliers.Report> outliers,
      List<JudgeCheck> judgeFitOutliers,
      List<Results.Excluded> excludedNonBlind,
      List<Quarantine> quarantined,
      Thresholds thresholds) {}

  private final Arena arena;
  private final SessionCookies cookies;
  private final Access access;

  ArenaAdminApi(Arena arena, SessionCookies cookies, Access access) {
    this.arena = arena;
    this.cookies = cookies;
    this.access = access;
  }

  @Requires(Role.OFFICE)
  @PostMapping("/api/arena/admin/scenarios")
  Created addScenario(@RequestBody Scenarios.Draft draft, HttpServletRequest request) {
    Voter admin = Admins.require(access, request);
    return new Created(arena.scenarios().create(draft, admin.accountName()));
  }

  @Requires(Role.OFFICE)
  @PostMapping("/api/arena/admin/accounts")
  AccountCreated addAccount(@RequestBody AccountForm form, HttpServletRequest request) {
    Admins.require(access, request);
    VoterClass role;
    try {
      role = VoterClass.valueOf(String.valueOf(form.role()).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ArenaException.badRequest("role", "role: EXPERT 또는 ADMIN이어야 합니다 / EXPERT or ADMIN");
    }
    arena
        .sessions()
        .createAccount(
            String.valueOf(form.username()), form.password() == null ? "" : form.password(), role);
    return new AccountCreated(String.valueOf(form.username()), role.name());
  }

  /** Outlier voters and battles excluded as non-blind: for an administrator to review. */
  @Requires(Role.OFFICE)
  @GetMapping("/api/arena/admin/integrity")
  Integrity integrity(HttpServletRequest request) {
    Admins.require(access, request);
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
    return new Integrity(
        votes.size(),
        Outliers.find(votes),
        judgeFit,
        arena.results().excluded(),
        stuffing.flags().stream()
            .map(f ->
                new Quarantine(
                    f.rule(), f.source(), f.model(), f.votes(), f.wins(), f.from(), f.to()))
            .toList(),
        new Thresholds(
            Outliers.MIN_VOTES,
            Outliers.MIN_AGREEMENT,
            Outliers.MAX_SIDE_SHARE,
            Stuffing.MIN_BURST,
            Stuffing.MIN_TARGET_SHARE,
            Stuffing.MIN_TARGET_WINS));
  }

  @Requires({Role.EXPERT, Role.OFFICE})
  @PostMapping("/api/arena/battles/{id}/rubric")
  Saved rate(
      @PathVariable String id,
      @RequestBody RubricForm form,
      HttpServletRequest request,
      HttpServletResponse response) {
    Voter voter = cookies.voter(request, response);
    var battle = arena.battles().owned(voter, id);
    Long scenarioId = battle.scenarioId();
    if (scenarioId == null) {
      throw ArenaException.badRequest(
          "battle", "루브릭 평가는 시나리오 대결에만 할 수 있습니다 / rubric ratings need a battle on a scenario");
    }
    if (arena.battles().turns(id).isEmpty()) {
      throw new ArenaException(
          HttpStatus.CONFLICT, "not_answered", "답변이 끝난 뒤에 평가하세요 / rate after the answers finish");
    }
    if (arena.votes().reveal(id) != null) {
      // After the reveal the rater knows which side is which model: no longer a blind rating.
      throw new ArenaException(
          HttpStatus.CONFLICT,
          "revealed",
          "루브릭은 투표(공개) 전에 A/B로 평가합니다 / rate A and B before you vote; after the"
              + " reveal the rating would not be blind");
    }
    var scenario = arena.scenarios().findAny(scenarioId).orElseThrow();
    var scores = form.scores() == null ? List.<Rubrics.Score>of() : form.scores();
    arena.rubrics().rate(voter, battle, scenario, scores);
    return new Saved(scores.size());
  }

  @Requires({Role.OFFICE, Role.REVIEWER})
  @GetMapping("/api/arena/rubric")
  List<Rubrics.Summary> rubricSummary() {
    return arena.rubrics().summary();
  }
}
