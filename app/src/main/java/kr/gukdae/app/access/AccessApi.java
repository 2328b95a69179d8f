package kr.gukdae.app.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sign in, sign out and "who am I" for every page of the platform. */
@RestController
class AccessApi {

  record LoginForm(@Nullable String username, @Nullable String password) {}

  /** Who the caller is; {@code signedIn} false (and the rest empty) for anonymous visitors. */
  record Me(
      boolean signedIn,
      @Nullable String username,
      List<String> roles,
      @Nullable String team,
      boolean verified) {}

  record Done(boolean ok) {}

  private final Access access;

  AccessApi(Access access) {
    this.access = access;
  }

  @PostMapping("/api/access/login")
  Me login(@RequestBody LoginForm form, HttpServletRequest request, HttpServletResponse response) {
    return describe(
        access.login(
            request,
            response,
            form.username() == null ? "" : form.username(),
            form.password() == null ? "" : form.password()));
  }

  @PostMapping("/api/access/logout")
  Done logout(HttpServletRequest request, HttpServletResponse response) {
    access.logout(request, response);
    return new Done(true);
  }

  @GetMapping("/api/access/me")
  Me me(HttpServletRequest request) {
    return access
        .current(request)
        .map(AccessApi::describe)
        .orElse(new Me(false, null, List.of(), null, false));
  }

  static Me describe(Principal principal) {
    return new Me(
        principal.signedIn(),
        principal.username(),
        principal.roles().stream().map(Role::name).sorted().toList(),
        principal.team(),
        principal.verified());
  }
}
