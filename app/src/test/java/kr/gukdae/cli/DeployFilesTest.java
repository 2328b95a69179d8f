package kr.gukdae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.gukdae.testing.InProcessLauncher;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment recipes in {@code deploy/} (systemd units, the container recipe, Kubernetes
 * manifests) are text nobody runs here, so this reads them: every {@code gukdae} command line they
 * hold names a command and options the launcher really has (asked through the launcher's own {@code
 * --help}, in-process), every environment variable they set is one the application reads, every
 * path the container recipe copies exists, and the probes point at a public route.
 */
class DeployFilesTest {

  private static final Path ROOT = Path.of("..");
  private static final Path DEPLOY = ROOT.resolve("deploy");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A command line found in a file: where, and the arguments after the launcher. */
  record Invocation(String where, List<String> args) {}

  @Test
  void everyCommandLineNamesACommandAndOptionsTheLauncherHas() {
    List<Invocation> found = invocations();
    // web and worker, each in systemd, the container recipe and Kubernetes
    assertThat(found.stream().map(i -> i.args().get(0)).distinct())
        .containsExactlyInAnyOrder("serve", "worker");
    assertThat(found).hasSizeGreaterThanOrEqualTo(5);
    for (Invocation call : found) {
      String help = help(call.args().get(0));
      for (String arg : call.args()) {
        if (arg.startsWith("--")) {
          String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
          assertThat(help)
              .as(call.where() + ": " + option)
              .containsPattern("(^|[\\s,])" + Pattern.quote(option) + "([\\s=,]|$)");
        }
      }
    }
  }

  @Test
  void aMadeUpOptionIsCaught() {
    // the check above must be able to fail
    assertThat(help("worker")).contains("--capacity").doesNotContain("--capactiy");
    assertThat(help("serve")).doesNotContain("--replicas");
  }

  @Test
  void everyEnvironmentVariableIsOneTheApplicationReads() throws IOException {
    String properties =
        Files.readString(ROOT.resolve("app/src/main/resources/application.properties"));
    String sources = allText(ROOT.resolve("app/src/main/java"));
    List<String> unknown = new ArrayList<>();
    for (Path file : deployFiles()) {
      Matcher m = Pattern.compile("\\b(GUKDAE_[A-Z0-9_]+)\\b").matcher(Files.readString(file));
      while (m.find()) {
        String name = m.group(1);
        // model keys are named freely by the office (keyRef) and by --api-key-env
        if (name.startsWith("GUKDAE_KEY_") || name.equals("GUKDAE_JAVA_OPTS")) {
          continue;
        }
        // read directly in application.properties, or bound by Spring's relaxed names
        // (GUKDAE_METRICS_TOKEN -> gukdae.metrics.token) from a @Value in the sources
        String property = name.toLowerCase(Locale.ROOT).replace('_', '.');
        if (!properties.contains("${" + name) && !sources.contains("${" + property)) {
          unknown.add(DEPLOY.relativize(file) + ": " + name);
        }
      }
    }
    assertThat(unknown).isEmpty();
  }

  @Test
  void theContainerRecipeCopiesPathsThatExistAndRunsTheJarItBuilt() throws IOException {
    String recipe = Files.readString(DEPLOY.resolve("container/Containerfile"));
    String finalName =
        Files.readString(ROOT.resolve("app/pom.xml"))
            .replaceAll("(?s).*<finalName>([^<]+)</finalName>.*", "$1");
    assertThat(recipe).contains("app/target/" + finalName + ".jar");
    Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(.+)$").matcher(recipe);
    int copies = 0;
    while (copy.find()) {
      List<String> parts = Arrays.asList(copy.group(1).trim().split("\\s+"));
      for (String source : parts.subList(0, parts.size() - 1)) {
        assertThat(ROOT.resolve(source)).as("COPY " + source).exists();
        copies++;
      }
    }
    assertThat(copies).isGreaterThanOrEqualTo(5);
    // the run stage's jar is where the build stage's extract put it
    Matcher from = Pattern.compile("COPY --from=build (\\S+) (\\S+)").matcher(recipe);
    assertThat(from.find()).isTrue();
    assertThat(recipe).contains("--destination " + from.group(1));
    assertThat(entrypoint(recipe)).contains(from.group(2) + "/" + finalName + ".jar");
  }

  @Test
  void probesPointAtARouteAnyoneMayCallAndWebHasSeveralReplicas() throws Exception {
    String web = Files.readString(DEPLOY.resolve("k8s/web.yaml"));
    String security = Files.readString(ROOT.resolve("docs/security.md"));
    Matcher probe = Pattern.compile("httpGet: \\{path: (\\S+),").matcher(web);
    int probes = 0;
    while (probe.find()) {
      // the access table (RouteAccessTest holds the application to it) lets anyone call it
      assertThat(security).contains("| GET | " + probe.group(1) + " | anyone");
      probes++;
    }
    assertThat(probes).isEqualTo(2);
    Matcher replicas = Pattern.compile("replicas: (\\d+)").matcher(web);
    assertThat(replicas.find()).isTrue();
    assertThat(Integer.parseInt(replicas.group(1))).isGreaterThanOrEqualTo(2);
    // the Service selects exactly the web pods' labels
    assertThat(web)
        .contains("selector: {app.kubernetes.io/name: gukdae, app.kubernetes.io/component: web}");
  }

  private static List<Invocation> invocations() {
    List<Invocation> found = new ArrayList<>();
    for (Path file : deployFiles()) {
      String text = read(file);
      String where = DEPLOY.relativize(file).toString();
      // systemd: ExecStart=… -jar /opt/gukdae/gukdae.jar <command> <options>
      Matcher exec = Pattern.compile("(?m)^ExecStart=.*?gukdae\\.jar (.+)$").matcher(text);
      while (exec.find()) {
        found.add(new Invocation(where, List.of(exec.group(1).trim().split("\\s+"))));
      }
      // Kubernetes: args: ["worker", "--capacity", "32"] (a flow sequence of JSON strings)
      Matcher args = Pattern.compile("(?m)^\\s*args: (\\[.*])$").matcher(text);
      while (args.find()) {
        found.add(new Invocation(where, strings(args.group(1))));
      }
      // the container recipe: CMD ["serve"], and the usage lines in its header
      Matcher cmd = Pattern.compile("(?m)^CMD (\\[.*])$").matcher(text);
      while (cmd.find()) {
        found.add(new Invocation(where, strings(cmd.group(1))));
      }
      Matcher usage = Pattern.compile("(?m)^#\\s+podman run .*? gukdae:latest (.+)$").matcher(text);
      while (usage.find()) {
        found.add(new Invocation(where, List.of(usage.group(1).trim().split("\\s+"))));
      }
    }
    return found;
  }

  private static List<String> strings(String jsonArray) {
    List<String> out = new ArrayList<>();
    JSON.readTree(jsonArray).forEach(n -> out.add(n.asString()));
    return out;
  }

  private static String entrypoint(String recipe) {
    Matcher m = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$").matcher(recipe);
    assertThat(m.find()).isTrue();
    return String.join(" ", strings(m.group(1)));
  }

  /** {@code gukdae <command> --help} through the launcher, in this JVM. */
  private static String help(String command) {
    return InProcessLauncher.run(command, "--help").succeeded();
  }

  private static List<Path> deployFiles() {
    try (Stream<Path> files = Files.walk(DEPLOY)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String allText(Path dir) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(f));
      }
    }
    return all.toString();
  }
}
