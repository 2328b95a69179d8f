package kr.gukdae.cli;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import picocli.CommandLine;

/**
 * Answers {@code gukdae}, {@code --help} and {@code --version} (for the root or any command)
 * without starting Spring: help never runs anything and should not cost a context start. Commands
 * are found by scanning for {@link GukdaeCommand} classes (reading class files, not starting beans)
 * and instantiated with empty constructor arguments, which is enough for picocli to print their
 * options; they are never called.
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
    List<Object> commands = new ArrayList<>();
    for (Class<?> type : commandClasses()) {
      Optional<Object> command = withEmptyArguments(type);
      if (command.isEmpty()) {
        return Optional.empty();
      }
      commands.add(command.get());
    }
    CommandLine root = Launcher.tree(commands);
    return Optional.of(root.execute(args));
  }

  static List<Class<?>> commandClasses() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(GukdaeCommand.class));
    List<Class<?>> types = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("kr.gukdae")) {
      try {
        types.add(Class.forName(candidate.getBeanClassName(), false, loader()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("command class vanished: " + e.getMessage(), e);
      }
    }
    types.sort(Comparator.comparing(Class::getName));
    return types;
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

  private static ClassLoader loader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : QuickAnswers.class.getClassLoader();
  }
}
