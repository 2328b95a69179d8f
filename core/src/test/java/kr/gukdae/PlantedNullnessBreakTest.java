package kr.gukdae;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Shows that the build fails on a planted break of the rules error-prone and NullAway enforce. A
 * real Maven child process compiles {@code src/test/resources/planted}, a tiny project whose parent
 * is gukdae's own POM, so it runs with exactly the build's compiler options and {@code
 * .mvn/jvm.config}. Every line marked {@code BREAK <check>} must be reported by that check, and
 * nothing else may be (its clean twin {@code Clean.java} compiles without a finding).
 */
class PlantedNullnessBreakTest {

  private static final Pattern BREAK = Pattern.compile("// BREAK (\\w+)");
  private static final Pattern FINDING =
      Pattern.compile("/planted/(\\w+\\.java):\\[(\\d+),\\d+] \\[(\\w+)]");

  @Test
  void everyPlantedBreakFailsTheBuildAndNothingElseIsReported() throws Exception {
    Path project = planted();
    List<String> expected = new ArrayList<>();
    List<String> lines =
        Files.readAllLines(
            project.resolve("src/main/java/planted/Planted.java"), StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = BREAK.matcher(lines.get(i));
      if (m.find()) {
        expected.add("Planted.java:" + (i + 1) + " " + m.group(1));
      }
    }
    assertThat(expected).hasSize(4);

    Path root = project;
    while (!Files.isRegularFile(root.resolve("mvnw"))) {
      root = Objects.requireNonNull(root.getParent(), "no mvnw above " + project);
    }
    ProcessBuilder build =
        new ProcessBuilder(
                root.resolve("mvnw").toString(),
                "-o",
                "-q",
                "-f",
                project.resolve("pom.xml").toString(),
                "compile")
            .redirectErrorStream(true);
    build.environment().put("JAVA_HOME", System.getProperty("java.home"));
    build.environment().put("MAVEN_OPTS", "-Xmx512m");
    Process p = build.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

    assertThat(p.exitValue()).as(output).isNotZero();
    List<String> found = new ArrayList<>();
    Matcher m = FINDING.matcher(output);
    while (m.find()) {
      String finding = m.group(1) + ":" + m.group(2) + " " + m.group(3);
      if (!found.contains(finding)) {
        found.add(finding);
      }
    }
    assertThat(found).as(output).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** The planted project as copied to target/test-classes (so its build output stays there). */
  private static Path planted() throws URISyntaxException {
    var pom = PlantedNullnessBreakTest.class.getResource("/planted/pom.xml");
    assertThat(pom).as("planted/pom.xml on the test class path").isNotNull();
    return Path.of(Objects.requireNonNull(pom).toURI()).getParent();
  }
}
