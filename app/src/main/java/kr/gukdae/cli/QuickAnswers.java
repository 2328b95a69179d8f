package kr.gukdae.cli;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Answers {@code gukdae}, {@code --help} and {@code --version} (for the root or any command)
 * without starting Spring: help never runs anything and should not cost a context start. The
 * command list comes from the commands' annotations alone; a command's own help from an instance
 * built with empty constructor arguments (or, for a {@link StandaloneCommand}, services that are
 * never started), which is enough for picocli to print its options; it is never called.
 */
final class QuickAnswers {

  private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

  private QuickAnswers() {}

  /** Whether the arguments only ask for help, a version or the command list. */
  static boolean applies(String... args) {
    if (args.length == 0) {
      return true;
    }
    for (String arg : args) {
      if ("--".equals(arg)) {
        return false;
      }
      if (HELP.contains(arg)) {
        return true;
      }
    }
    return false;
  }

  /** The exit code, or empty when a command cannot be built without Spring (then start it). */
  static Optional<Integer> answer(String... args) {
    Optional<Class<?>> named =
        args.length == 0 || args[0].startsWith("-")
            ? Optional.empty()
            : CommandClasses.named(args[0]);
    if (named.isEmpty()) {
      // The root's help, version or command list (or an unknown command, which picocli names).
      List<Object> list = new ArrayList<>();
      CommandClasses.all().forEach(type -> list.add(listEntry(type)));
      return Optional.of(Launcher.tree(list).execute(args));
    }
    Optional<CommandLine> tree = helpTree(named.get());
    if (tree.isPresent() && !asksForHelp(tree.get(), args)) {
      return Optional.empty(); // e.g. 'registry version --version 1.0': a value, not a question
    }
    // a tree of its own: parsing above left its values in the first one's fields
    return helpTree(named.get()).map(t -> t.execute(args));
  }

  /**
   * Whether picocli reads the line as a request for help or a version: {@code --version} is also
   * some commands' own option (a dataset's version), which must run the command. A line picocli
   * cannot parse is answered here too: its handler says why without starting Spring.
   */
  private static boolean asksForHelp(CommandLine tree, String... args) {
    try {
      for (ParseResult p = tree.parseArgs(args); p != null; p = p.subcommand()) {
        if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
          return true;
        }
      }
      return false;
    } catch (ParameterException e) {
      return true;
    }
  }

  /**
   * The root with this one command under it, as its help prints it (nothing is started), or empty
   * when the command cannot be built without Spring.
   */
  static Optional<CommandLine> helpTree(Class<?> type) {
    return build(type).map(c -> Launcher.tree(List.of(c)));
  }

  /** A standalone command ready to run, its services started only when it asks. */
  static Object instantiate(Class<?> type, AppServices services) {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      try {
        constructor.setAccessible(true);
        if (parameters.length == 0) {
          return constructor.newInstance();
        }
        if (parameters.length == 1 && parameters[0] == AppServices.class) {
          return constructor.newInstance(services);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + type.getName(), e);
      }
    }
    throw new IllegalStateException(
        type.getName() + " is a StandaloneCommand: give it a constructor taking AppServices");
  }

  private static Optional<Object> build(Class<?> type) {
    if (StandaloneCommand.class.isAssignableFrom(type)) {
      // Help never asks for a service, so nothing starts.
      return Optional.of(instantiate(type, new LazyServices(new String[0], GlobalOptions.parse())));
    }
    return withEmptyArguments(type);
  }

  /**
   * A command's line in the command list, from its annotation alone (no instance, no option scan):
   * its first sentence, whole, where picocli would show the first line of the description.
   */
  private static CommandLine listEntry(Class<?> type) {
    Command annotation = type.getAnnotation(Command.class);
    CommandSpec spec = CommandSpec.create().name(annotation.name());
    // The list shows a header before a description, and under --lang ko picocli would replace a
    // description by the Korean file's lines, of which the list shows only the first.
    String[] description =
        Terminal.korean()
            ? KoreanHelp.description(annotation.name()).orElse(annotation.description())
            : annotation.description();
    spec.usageMessage().header(summary(description));
    return new CommandLine(spec);
  }

  /** The first sentence of a description given as lines. */
  static String summary(String... lines) {
    String text = String.join(" ", lines).strip().replaceAll("\\s+", " ");
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private static Optional<Object> withEmptyArguments(Class<?> type) {
    Constructor<?>[] constructors = type.getDeclaredConstructors();
    Arrays.sort(constructors, Comparator.comparingInt(Constructor::getParameterCount));
    for (Constructor<?> constructor : constructors) {
      Object[] arguments =
          Arrays.stream(constructor.getParameterTypes()).map(QuickAnswers::empty).toArray();
      try {
        constructor.setAccessible(true);
        return Optional.of(constructor.newInstance(arguments));
      } catch (ReflectiveOperationException | RuntimeException e) {
        // A constructor that does work with its arguments: try the next, or start Spring.
      }
    }
    return Optional.empty();
  }

  private static @org.jspecify.annotations.Nullable Object empty(Class<?> type) {
    if (type == String.class) {
      return ""; // injected settings such as a home folder, turned into paths by constructors
    }
    if (!type.isPrimitive()) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    return switch (type.getName()) {
      case "long" -> 0L;
      case "float" -> 0f;
      case "double" -> 0d;
      case "byte" -> (byte) 0;
      case "short" -> (short) 0;
      default -> 0;
    };
  }
}
