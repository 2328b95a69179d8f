package kr.gukdae.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Each feature package shows a small, listed public face: every public top-level type of the core
 * library is named in {@code architecture/public-types.txt}. A type that becomes public, or stops
 * being public, fails here until the list (reviewed with the change) says so. The current list is
 * written to {@code target/public-types.txt} to copy from.
 */
class PublicSurfaceTest {

  @Test
  void publicTypesAreListed() throws IOException {
    TreeSet<String> actual = new TreeSet<>();
    for (JavaClass type : ArchitectureTest.PRODUCTION) {
      if (type.isTopLevelClass()
          && type.getModifiers().contains(JavaModifier.PUBLIC)
          && !type.getPackageName().startsWith("kr.gukdae.app")
          && !type.getPackageName().startsWith("kr.gukdae.web")
          && !type.getPackageName().startsWith("kr.gukdae.cli")) {
        actual.add(type.getName());
      }
    }
    Files.write(Path.of("target/public-types.txt"), actual);
    TreeSet<String> listed = new TreeSet<>(listed());
    TreeSet<String> added = new TreeSet<>(actual);
    added.removeAll(listed);
    TreeSet<String> gone = new TreeSet<>(listed);
    gone.removeAll(actual);
    assertThat(added).as("public types missing from architecture/public-types.txt").isEmpty();
    assertThat(gone).as("listed types that are no longer public: remove them").isEmpty();
  }

  private static List<String> listed() throws IOException {
    try (InputStream in =
        PublicSurfaceTest.class.getResourceAsStream("/architecture/public-types.txt")) {
      return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    }
  }
}
