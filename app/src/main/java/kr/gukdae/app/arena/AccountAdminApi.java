package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.List;
import kr.gukdae.app.access.Access;
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

  record Verified(String username, String verifiedBy, OffsetDateTime verifiedAt) {}

  private final Arena arena;
  private final Access access;

  AccountAdminApi(Arena arena, Access access) {
    this.arena = arena;
    this.access = access;
  }

  @Requires(Role.OFFICE)
  @GetMapping("/api/arena/admin/accounts/unverified")
  List<Sessions.Unverified> unverified(HttpServletRequest request) {
    Admins.require(access, request);
    return arena.sessions().unverified();
  }

  @Requires(Role.OFFICE)
  @PostMapping("/api/arena/admin/accounts/{username}/verify")
  Verified verify(@PathVariable String username, HttpServletRequest request) {
    Voter admin = Admins.require(access, request);
    var at = arena.sessions().verify(username, admin.accountName());
    return new Verified(username, admin.accountName(), at);
  }
}
