package kr.gukdae.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * {@link AppServices} for a command run without Spring: the context (no web server) starts the
 * first time a service is asked for, after a line on stderr, and closes with this object.
 */
final class LazyServices implements AppServices, AutoCloseable {

  private final String[] args;
  private final GlobalOptions options;
  private @Nullable ConfigurableApplicationContext context;

  LazyServices(String[] args, GlobalOptions options) {
    this.args = args.clone();
    this.options = options;
  }

  @Override
  public synchronized <T> T get(Class<T> type) {
    if (context == null) {
      System.err.println(Launcher.starting(false));
      context = Launcher.start(args, false, options);
    }
    return context.getBean(type);
  }

  /** Resolved from application.properties, the one place the rule is written, without Spring. */
  @Override
  public Path home() {
    if (context != null) {
      return Path.of(context.getEnvironment().getRequiredProperty("gukdae.home"));
    }
    var environment = new StandardEnvironment();
    try {
      environment
          .getPropertySources()
          .addLast(new ResourcePropertySource(new ClassPathResource("application.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Path.of(environment.getRequiredProperty("gukdae.home"));
  }

  /** Whether a service was asked for (and so Spring started). */
  synchronized boolean started() {
    return context != null;
  }

  @Override
  public synchronized void close() {
    if (context != null) {
      context.close();
      context = null;
    }
  }
}
