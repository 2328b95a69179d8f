package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator page's endpoints beyond {@link ArenaAdminApi}: the full scenario list (retired
 * ones included), adding rubric criteria, retiring and restoring scenarios, and reviewing one voted
 * battle (e.g. a leak-flagged one) with its answers.
 */
@RestController
class ScenarioAdminApi {

  record RetireForm(@Nullable Boolean retired) {}

  record CriterionCreated(long id, long scenarioId) {}

  record Retired(long id, boolean retired) {}

  private final Arena arena;
  private final Access access;

  ScenarioAdminApi(Arena arena, Access access) {
    this.arena = arena;
    this.access = access;
  }

  @Requires(Role.OFFICE)
  @GetMapping("/api/arena/admin/scenarios")
  List<Scenarios.Scenario> scenarios(HttpServletRequest request) {
    Admins.require(access, request);
    return arena.scenarios().all();
  }

  @Requires(Role.OFFICE)
  @PostMapping("/api/arena/admin/scenarios/{id}/criteria")
  CriterionCreated addCriterion(
      @PathVariable long id,
      @RequestBody Scenarios.CriterionDraft draft,
      HttpServletRequest request) {
    Admins.require(access, request);
    return new CriterionCreated(arena.scenarios().addCriterion(id, draft), id);
  }

  @Requires(Role.OFFICE)
  @PostMapping("/api/arena/admin/scenarios/{id}/retired")
  Retired retire(@PathVariable long id, @RequestBody RetireForm form, HttpServletRequest request) {
    Admins.require(access, request);
    Boolean retired = form.retired();
    if (retired == null) {
      throw ArenaException.badRequest("retired", "retired: true 또는 false여야 합니다 / true or false");
    }
    if (!arena.scenarios().setRetired(id, retired)) {
      throw ArenaException.notFound("시나리오 " + id + "이(가) 없습니다 / no scenario " + id);
    }
    return new Retired(id, retired);
  }

  /** A voted battle with names and answers; 404 before the vote (see {@link Results#reviewed}). */
  @Requires(Role.OFFICE)
  @GetMapping("/api/arena/admin/battles/{id}")
  Results.Reviewed battle(@PathVariable String id, HttpServletRequest request) {
    Admins.require(access, request);
    return arena
        .results()
        .reviewed(id, arena.votes())
        .orElseThrow(
            () -> ArenaException.notFound("투표가 끝난 대결 " + id + "이(가) 없습니다 / no voted battle " + id));
  }
}
