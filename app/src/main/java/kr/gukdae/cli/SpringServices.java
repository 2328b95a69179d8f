package kr.gukdae.cli;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** {@link AppServices} inside a running context: its beans, already started. */
@Component
class SpringServices implements AppServices {

  private final ApplicationContext context;
  private final Path home;

  SpringServices(ApplicationContext context, @Value("${gukdae.home}") String home) {
    this.context = context;
    this.home = Path.of(home);
  }

  @Override
  public <T> T get(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public Path home() {
    return home;
  }
}
