package kr.gukdae.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Each feature's page is a static {@code /<feature>/index.html}; Spring serves a welcome page only
 * at the root, so {@code /<feature>} and {@code /<feature>/} are mapped here, in one place.
 */
@Configuration
class FeaturePages implements WebMvcConfigurer {

  static final List<String> FEATURES =
      List.of(
          "eval",
          "arena",
          "originality",
          "lineage",
          "review",
          "stage",
          "office",
          "designation",
          "portfolio",
          "data",
          "jobs");

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    for (String feature : FEATURES) {
      registry.addRedirectViewController("/" + feature, "/" + feature + "/");
      registry
          .addViewController("/" + feature + "/")
          .setViewName("forward:/" + feature + "/index.html");
    }
  }
}
