package kr.gukdae.app.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Enforces {@link Requires} after the handler is found and before its arguments are bound. */
@Configuration(proxyBeanMethods = false)
class AccessInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  private final Access access;

  AccessInterceptor(Access access) {
    this.access = access;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object h) {
    if (h instanceof HandlerMethod handler) {
      Requires requires = handler.getMethodAnnotation(Requires.class);
      if (requires == null) {
        requires = handler.getBeanType().getAnnotation(Requires.class);
      }
      if (requires != null) {
        access.require(request, requires.value());
      }
    }
    return true;
  }
}
