package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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

  /** Who the page is talking to and the limits it should show; no name for anonymous voters. */
  record SessionView(
      String voterClass,
      @Nullable String username,
      boolean verified,
      int maxTurns,
      int maxPromptChars,
      int dailyCap) {}

  /** The account a login or registration signed in. */
  record SignedIn(String voterClass, String username, boolean verified) {}

  /** The answer to a request that has nothing else to say. */
  record Ok(boolean ok) {}

  /** One finished turn: both answers as safe Markdown trees. */
  record TurnView(
      int turn, String prompt, List<MarkdownJson.Block> a, List<MarkdownJson.Block> b) {}

  /** The battle so far; {@code reveal} (the model names) stays null until the vote is in. */
  record BattleView(
      String battleId,
      List<TurnView> turns,
      boolean streaming,
      Scenarios.@Nullable Scenario scenario,
      Votes.@Nullable Reveal reveal) {}

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

  @GetMapping("/api/arena/session")
  SessionView session(HttpServletRequest request, HttpServletResponse response) {
    Voter voter = voter(request, response);
    return new SessionView(
        voter.voterClass().name(),
        voter.username(),
        voter.verified(),
        settings.maxTurns(),
        settings.maxPromptChars(),
        settings.dailyCap(voter.voterClass()));
  }

  @PostMapping("/api/arena/login")
  SignedIn login(
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
  SignedIn register(
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

  private static SignedIn signedIn(Voter voter) {
    // a login or registration always names an account
    return new SignedIn(voter.voterClass().name(), voter.accountName(), voter.verified());
  }

  @PostMapping("/api/arena/logout")
  Ok logout(HttpServletRequest request, HttpServletResponse response) {
    access.logout(request, response);
    return new Ok(true);
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
  BattleView battle(
      @PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
    var battle = arena.battles().owned(voter(request, response), id);
    Long scenarioId = battle.scenarioId();
    return new BattleView(
        id,
        arena.battles().turns(id).stream()
            .map(t ->
                new TurnView(
                    t.turnNo(),
                    t.prompt(),
                    MarkdownJson.of(t.answerA()),
                    MarkdownJson.of(t.answerB())))
            .toList(),
        arena.battles().isStreaming(id),
        // a battle keeps its scenario and rubric after the scenario is retired
        scenarioId == null ? null : arena.scenarios().findAny(scenarioId).orElse(null),
        arena.votes().reveal(id));
  }

  Voter voter(HttpServletRequest request, HttpServletResponse response) {
    return cookies.voter(request, response);
  }
}
