package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.access.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sessions and battles for the arena page. Nothing here names a model before the vote. The vote
 * itself ({@code POST /api/arena/battles/{id}/vote}) is served by {@link VoteFilter}.
 */
@RestController
class ArenaApi {

  record LoginForm(@Nullable String username, @Nullable String password) {}

  record BattleForm(@Nullable String prompt, @Nullable Long scenarioId) {}

  private final Arena arena;
  private final ArenaSettings settings;
  private final SessionCookies cookies;
  private final Access access;

  ArenaApi(Arena arena, ArenaSettings settings, SessionCookies cookies, Access access) {
    this.arena = arena;
    this.settings = settings;
    this.cookies = cookies;
    this.access = access;
  }

  Access access() {
    return access;
  }

  @GetMapping("/api/arena/session")
  Map<String, Object> session(HttpServletRequest request, HttpServletResponse response) {
    Voter voter = voter(request, response);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("voterClass", voter.voterClass().name());
    out.put("username", voter.username());
    out.put("verified", voter.verified());
    out.put("maxTurns", settings.maxTurns());
    out.put("maxPromptChars", settings.maxPromptChars());
    out.put("dailyCap", settings.dailyCap(voter.voterClass()));
    return out;
  }

  @PostMapping("/api/arena/login")
  Map<String, Object> login(
      @RequestBody LoginForm form, HttpServletRequest request, HttpServletResponse response) {
    String username = form.username() == null ? "" : form.username();
    String password = form.password() == null ? "" : form.password();
    return signedIn(arenaRefusal(() -> access.login(request, response, username, password)));
  }

  /**
   * A public voter's optional account: registered and signed in at once. From then on the voter id
   * is the account's, so limits and the daily cap follow the person across cookies and devices.
   */
  @PostMapping("/api/arena/register")
  Map<String, Object> register(
      @RequestBody LoginForm form, HttpServletRequest request, HttpServletResponse response) {
    String username = form.username() == null ? "" : form.username();
    String password = form.password() == null ? "" : form.password();
    // the anonymous session this browser had is finished: its cookie is replaced
    return signedIn(arenaRefusal(() -> access.register(request, response, username, password)));
  }

  private static Voter arenaRefusal(java.util.function.Supplier<Principal> action) {
    try {
      return Sessions.voter(action.get());
    } catch (AccessDenied e) {
      throw new ArenaException(e.status(), e.code(), e.getMessage());
    }
  }

  private static Map<String, Object> signedIn(Voter voter) {
    return Map.of(
        "voterClass",
        voter.voterClass().name(),
        "username",
        String.valueOf(voter.username()),
        "verified",
        voter.verified());
  }

  @PostMapping("/api/arena/logout")
  Map<String, Object> logout(HttpServletRequest request, HttpServletResponse response) {
    access.logout(request, response);
    return Map.of("ok", true);
  }

  @GetMapping("/api/arena/scenarios")
  List<Scenarios.Scenario> scenarios() {
    return arena.scenarios().list();
  }

  @PostMapping("/api/arena/battles")
  Battles.Started start(
      @RequestBody BattleForm form, HttpServletRequest request, HttpServletResponse response) {
    return arena.battles().start(voter(request, response), form.prompt(), form.scenarioId());
  }

  @PostMapping("/api/arena/battles/{id}/turns")
  Battles.Started followUp(
      @PathVariable String id,
      @RequestBody BattleForm form,
      HttpServletRequest request,
      HttpServletResponse response) {
    return arena
        .battles()
        .followUp(voter(request, response), id, form.prompt(), arena.votes().reveal(id) != null);
  }

  /** The battle so far (for reloads); model names only once the vote is in. */
  @GetMapping("/api/arena/battles/{id}")
  Map<String, Object> battle(
      @PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
    var battle = arena.battles().owned(voter(request, response), id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("battleId", id);
    out.put(
        "turns",
        arena.battles().turns(id).stream()
            .map(t ->
                Map.of(
                    "turn", t.turnNo(),
                    "prompt", t.prompt(),
                    "a", MarkdownJson.of(t.answerA()),
                    "b", MarkdownJson.of(t.answerB())))
            .toList());
    out.put("streaming", arena.battles().isStreaming(id));
    out.put(
        "scenario",
        battle.scenarioId() == null
            ? null
            // a battle keeps its scenario and rubric after the scenario is retired
            : arena.scenarios().findAny(battle.scenarioId()).orElse(null));
    out.put("reveal", arena.votes().reveal(id));
    return out;
  }

  Voter voter(HttpServletRequest request, HttpServletResponse response) {
    return cookies.voter(request, response);
  }
}
