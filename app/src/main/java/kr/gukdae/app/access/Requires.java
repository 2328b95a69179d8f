package kr.gukdae.app.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a handler method (or every handler of a controller) behind {@link Access#require}: the check
 * runs before the request body is read or any argument is bound, so an anonymous caller gets 401
 * and a caller without the role 403, whatever they sent. With no roles named, any signed-in account
 * passes. {@code docs/security.md} lists every endpoint with its roles, and a test walks the
 * application's routes against that table.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
  /** Any one of these roles suffices. */
  Role[] value() default {};
}
