package kr.gukdae.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kr.gukdae.GukdaeApplication;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Runs a command in the cheapest shape it needs: help, versions and the command list from the
 * annotations alone; a {@link StandaloneCommand} through picocli without Spring; any other command
 * in a Spring context without a web server; only {@code serve} and {@code demo} with one.
 */
public final class Launcher {

  /** Returned when a command left a web server running; the JVM must not exit. */
  public static final int KEEP_RUNNING = Integer.MIN_VALUE;

  /** Commands that bring up the HTTP server unless told not to. */
  private static final Set<String> WEB_COMMANDS = Set.of("serve", "demo");

  private Launcher() {}

  public static int run(String... arguments) {
    GlobalOptions options;
    try {
      options = GlobalOptions.parse(arguments);
    } catch (UserError e) {
      // no --lang was read: the locale's language
      System.err.println("gukdae: " + e.message(GlobalOptions.fromLocale().equals("ko")));
      return FriendlyErrors.USER_ERROR_EXIT;
    }
    options.apply();
    String[] args = options.args();
    if (QuickAnswers.applies(args)) {
      Optional<Integer> answered = QuickAnswers.answer(args);
      if (answered.isPresent()) {
        return answered.get();
      }
    }
    Optional<Class<?>> named = CommandClasses.named(args[0]);
    if (named.isEmpty()) {
      // An unknown command or option: picocli names it over the command list, nothing starts.
      return QuickAnswers.answer(args).orElseThrow();
    }
    if (StandaloneCommand.class.isAssignableFrom(named.get())) {
      try (LazyServices services = new LazyServices(args, options)) {
        return tree(List.of(QuickAnswers.instantiate(named.get(), services))).execute(args);
      }
    }
    boolean web = needsWebServer(args);
    // Spring takes seconds to start: say so at once (stderr keeps stdout for results).
    System.err.println(starting(web));
    ConfigurableApplicationContext context = start(args, web, options);
    int exitCode = commandLine(context).execute(args);
    if (web && exitCode == 0 && context.isActive()) {
      return KEEP_RUNNING;
    }
    context.close();
    return exitCode;
  }

  /** The line on stderr before Spring starts, in this run's language (stdout keeps results). */
  static String starting(boolean web) {
    return web
        ? Terminal.pick(
            "gukdae: 웹 서버와 데이터베이스를 시작하는 중…", "gukdae: starting the web server and database…")
        : Terminal.pick("gukdae: 데이터베이스를 여는 중…", "gukdae: opening the database…");
  }

  /** The application context, with or without the web server; framework logs only if verbose. */
  static ConfigurableApplicationContext start(String[] args, boolean web, GlobalOptions options) {
    SpringApplication app = new SpringApplication(GukdaeApplication.class);
    app.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
    if (!web) {
      app.setAdditionalProfiles("cli");
    }
    app.setLogStartupInfo(options.verbose());
    if (options.verbose()) {
      app.setDefaultProperties(Map.of("logging.level.root", "INFO"));
    } else {
      // Lowest precedence: application and profile properties may still lower it further.
      app.setDefaultProperties(
          Map.of("logging.level.root", "WARN", "logging.level.org.flywaydb", "WARN"));
    }
    return app.run(args);
  }

  /** The address the embedded server listens on, as a browser would type it. */
  public static String webAddress(org.springframework.core.env.Environment environment) {
    // the defaults are application.properties' (GUKDAE_ADDRESS, GUKDAE_PORT), written once there
    String host = environment.getRequiredProperty("server.address");
    String port =
        environment.getProperty(
            "local.server.port", environment.getRequiredProperty("server.port"));
    return "http://" + host + ":" + port + "/";
  }

  static boolean needsWebServer(String... args) {
    return args.length > 0
        && WEB_COMMANDS.contains(args[0])
        && Arrays.stream(args).noneMatch("--no-serve"::equals);
  }

  /** The picocli tree: the root command plus every {@link GukdaeCommand} bean, sorted by name. */
  public static CommandLine commandLine(ConfigurableApplicationContext context) {
    return tree(new ArrayList<>(context.getBeansOfType(GukdaeCommand.class).values()));
  }

  /** The root command with the given commands under it, sorted by name. */
  static CommandLine tree(List<?> commands) {
    CommandLine root = new CommandLine(new Root());
    commands.stream()
        .sorted(Comparator.comparing(Launcher::nameOf))
        .forEach(command -> root.addSubcommand(nameOf(command), command));
    root.setCaseInsensitiveEnumValuesAllowed(true);
    if (Terminal.korean()) {
      // after the commands are added: picocli hands the bundle down to those already there
      root.setResourceBundle(KoreanHelp.bundle());
    }
    HelpWrap.install(root);
    FriendlyErrors friendly = new FriendlyErrors();
    root.setExecutionExceptionHandler(friendly);
    root.setParameterExceptionHandler(friendly);
    return root;
  }

  private static String nameOf(Object command) {
    if (command instanceof CommandLine line) {
      return line.getCommandName();
    }
    Command annotation = command.getClass().getAnnotation(Command.class);
    if (annotation == null) {
      // Spring may hand us a CGLIB subclass; the annotation sits on the user class.
      annotation = command.getClass().getSuperclass().getAnnotation(Command.class);
    }
    if (annotation == null) {
      throw new IllegalStateException(command.getClass() + " lacks picocli's @Command");
    }
    return annotation.name();
  }

  @Command(
      name = "gukdae",
      mixinStandardHelpOptions = true,
      version = "gukdae 0.1.0",
      description = {
        "국대 gukdae: evaluation platform for national foundation-model programmes.",
        "Run 'gukdae <command> --help' for a command's options.",
        "Every command also takes --lang ko|en (labels; default: the locale) and --verbose"
            + " (framework logs)."
      })
  static final class Root implements Runnable {
    @Spec @Nullable CommandSpec spec;

    @Override
    public void run() {
      // Through the spec, so the usage lists the commands added under the root.
      Objects.requireNonNull(spec, "spec").commandLine().usage(System.out);
    }
  }
}
