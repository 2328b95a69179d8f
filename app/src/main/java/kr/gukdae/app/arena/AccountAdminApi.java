package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators verify public voters' accounts. The identity check itself (e.g. the contest's
 * phone or real-name check) happens outside gukdae; this records who vouched for it and when.
 */
@RestController
class AccountAdminApi {

  private final Arena arena;
  private final ArenaApi api;

  AccountAdminApi(Arena arena, ArenaApi api) {
    this.arena = arena;
    this.api = api;
  }

  @Requires(Role.OFFICE)
  @GetMapping("/api/arena/admin/accounts/unverified")
  List<Sessions.Unverified> unverified(HttpServletRequest request, HttpServletResponse response) {
    Admins.require(api, request, response);
    return arena.sessions().unverified();
  }

  @Requires(Role.OFFICE)
  @PostMapping("/api/arena/admin/accounts/{username}/verify")
  Map<String, Object> verify(
      @PathVariable String username, HttpServletRequest request, HttpServletResponse response) {
    Voter admin = Admins.require(api, request, response);
    var at = arena.sessions().verify(username, admin.accountName());
    return Map.of("username", username, "verifiedBy", admin.accountName(), "verifiedAt", at);
  }
}
