package kr.gukdae.app.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sign in, sign out and "who am I" for every page of the platform. */
@RestController
class AccessApi {

  record LoginForm(@Nullable String username, @Nullable String password) {}

  private final Access access;

  AccessApi(Access access) {
    this.access = access;
  }

  @PostMapping("/api/access/login")
  Map<String, Object> login(
      @RequestBody LoginForm form, HttpServletRequest request, HttpServletResponse response) {
    return describe(
        access.login(
            request,
            response,
            form.username() == null ? "" : form.username(),
            form.password() == null ? "" : form.password()));
  }

  @PostMapping("/api/access/logout")
  Map<String, Object> logout(HttpServletRequest request, HttpServletResponse response) {
    access.logout(request, response);
    return Map.of("ok", true);
  }

  @GetMapping("/api/access/me")
  Map<String, Object> me(HttpServletRequest request) {
    return access.current(request).map(AccessApi::describe).orElse(Map.of("signedIn", false));
  }

  static Map<String, Object> describe(Principal principal) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("signedIn", principal.signedIn());
    out.put("username", principal.username());
    out.put("roles", principal.roles().stream().map(Role::name).sorted().toList());
    out.put("team", principal.team());
    out.put("verified", principal.verified());
    return out;
  }
}
