package kr.gukdae.app.access;

import org.springframework.http.HttpStatus;

/**
 * A request refused at the trust boundary: 401 (sign in first), 403 (signed in without the role),
 * 429 (too many attempts) or 400/409 for bad account input. The message is Korean and English, as
 * every message a user reads; {@code code} is stable for scripts.
 */
public final class AccessDenied extends RuntimeException {

  private final HttpStatus status;
  private final String code;

  public AccessDenied(HttpStatus status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  static AccessDenied unauthenticated() {
    return new AccessDenied(
        HttpStatus.UNAUTHORIZED,
        "unauthenticated",
        "로그인이 필요합니다 / sign in first (POST /api/access/login)");
  }

  static AccessDenied forbidden(String roles) {
    return new AccessDenied(
        HttpStatus.FORBIDDEN,
        "forbidden",
        "권한이 없습니다 (필요한 역할: " + roles + ") / not allowed: needs the role " + roles);
  }

  static AccessDenied badInput(String field, String message) {
    return new AccessDenied(HttpStatus.BAD_REQUEST, "bad_" + field, message);
  }
}
