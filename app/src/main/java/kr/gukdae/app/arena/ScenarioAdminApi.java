package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
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

  private final Arena arena;
  private final ArenaApi api;

  ScenarioAdminApi(Arena arena, ArenaApi api) {
    this.arena = arena;
    this.api = api;
  }

  @Requires(Role.OFFICE)
  @GetMapping("/api/arena/admin/scenarios")
  List<Scenarios.Scenario> scenarios(HttpServletRequest request, HttpServletResponse response) {
    Admins.require(api, request, response);
    return arena.scenarios().all();
  }

  @Requires(Role.OFFICE)
  @PostMapping("/api/arena/admin/scenarios/{id}/criteria")
  Map<String, Object> addCriterion(
      @PathVariable long id,
      @RequestBody Scenarios.CriterionDraft draft,
      HttpServletRequest request,
      HttpServletResponse response) {
    Admins.require(api, request, response);
    return Map.of("id", arena.scenarios().addCriterion(id, draft), "scenarioId", id);
  }

  @Requires(Role.OFFICE)
  @PostMapping("/api/arena/admin/scenarios/{id}/retired")
  Map<String, Object> retire(
      @PathVariable long id,
      @RequestBody RetireForm form,
      HttpServletRequest request,
      HttpServletResponse response) {
    Admins.require(api, request, response);
    if (form.retired() == null) {
      throw ArenaException.badRequest("retired", "retired: true or false");
    }
    if (!arena.scenarios().setRetired(id, form.retired())) {
      throw ArenaException.notFound("no scenario " + id);
    }
    return Map.of("id", id, "retired", form.retired());
  }

  /** A voted battle with names and answers; 404 before the vote (see {@link Results#reviewed}). */
  @Requires(Role.OFFICE)
  @GetMapping("/api/arena/admin/battles/{id}")
  Results.Reviewed battle(
      @PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
    Admins.require(api, request, response);
    return arena
        .results()
        .reviewed(id, arena.votes())
        .orElseThrow(() -> ArenaException.notFound("no voted battle " + id));
  }
}
