package kr.gukdae.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import picocli.CommandLine.Command;

/**
 * Finds the {@link GukdaeCommand} classes without starting Spring. Spring's class-path scan reads
 * every class file and costs about half a second, so the launcher lists the application's own
 * classes (a folder, its jar, or the jar nested in the Spring Boot jar) and loads only those named
 * {@code *Command}; LauncherTest checks that this finds exactly what the scan finds. Where the
 * classes are somewhere else, the scan is the fallback.
 */
final class CommandClasses {

  private static final String ROOT = "kr/gukdae/";
  private static final String NESTED = "jar:nested:";
  private static final String BOOT_CLASSES = "BOOT-INF/classes/";

  private CommandClasses() {}

  /** Every command class, sorted by class name. */
  static List<Class<?>> all() {
    List<String> names = candidateNames();
    List<Class<?>> types = new ArrayList<>();
    for (String name : names == null ? scanned() : names) {
      Class<?> type = load(name);
      if (GukdaeCommand.class.isAssignableFrom(type)
          && !type.isInterface()
          && type.isAnnotationPresent(Command.class)) {
        types.add(type);
      }
    }
    types.sort(Comparator.comparing(Class::getName));
    return types;
  }

  /** The command class named so on the command line ({@code @Command(name = …)}). */
  static Optional<Class<?>> named(String command) {
    return all().stream().filter(t -> nameOf(t).equals(command)).findFirst();
  }

  static String nameOf(Class<?> type) {
    return type.getAnnotation(Command.class).name();
  }

  /** What Spring's class-path scan finds: the reference the fast listing is checked against. */
  static List<String> scanned() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(GukdaeCommand.class));
    return scanner.findCandidateComponents("kr.gukdae").stream()
        .map(BeanDefinition::getBeanClassName)
        .sorted()
        .toList();
  }

  /** Class names ending in {@code Command} among the application's classes; null: not found. */
  static @Nullable List<String> candidateNames() {
    var source = GukdaeCommand.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return null;
    }
    URL location = source.getLocation();
    try {
      String text = location.toString();
      if (text.startsWith(NESTED)) {
        // jar:nested:/path/gukdae.jar/!BOOT-INF/classes/!/ (the Spring Boot launcher's form)
        int end = text.indexOf("/!" + BOOT_CLASSES);
        if (end < 0) {
          return null;
        }
        return inJar(
            Path.of(new URI("file:" + text.substring(NESTED.length(), end))), BOOT_CLASSES);
      }
      if (!"file".equals(location.getProtocol())) {
        return null;
      }
      Path path = Path.of(location.toURI());
      return Files.isDirectory(path) ? inFolder(path) : inJar(path, "");
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static List<String> inFolder(Path classes) {
    Path root = classes.resolve(ROOT);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .map(p -> classes.relativize(p).toString().replace('\\', '/'))
          .filter(CommandClasses::isCandidate)
          .map(CommandClasses::className)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static @Nullable List<String> inJar(Path jar, String prefix) {
    if (!Files.isRegularFile(jar)) {
      return null;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream()
          .map(e -> e.getName())
          .filter(n -> n.startsWith(prefix))
          .map(n -> n.substring(prefix.length()))
          .filter(CommandClasses::isCandidate)
          .map(CommandClasses::className)
          .sorted()
          .toList();
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isCandidate(String entry) {
    return entry.startsWith(ROOT) && entry.endsWith("Command.class") && !entry.contains("$");
  }

  private static String className(String entry) {
    return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
  }

  private static Class<?> load(String name) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      return Class.forName(
          name, false, loader != null ? loader : CommandClasses.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("command class vanished: " + name, e);
    }
  }
}
