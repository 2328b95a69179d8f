package kr.gukdae.office;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.call.Application;
import kr.gukdae.portfolio.PortfolioDecision;
import kr.gukdae.selection.Score;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads programme-office files (YAML or JSON) strictly: unknown keys, missing required fields and
 * values the records reject are one {@link UserError} naming the file, line and field path.
 */
public final class OfficeFiles {

  /** The example programmes shipped with gukdae (figures from public reports; teams invented). */
  public static final List<String> EXAMPLES =
      List.of("seed-2025", "extra-call-2026", "contest", "institutes");

  private static final long MAX_BYTES = 16L * 1024 * 1024;
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // Optional flags and counts default to false and 0; the records reject a 0 that matters.
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // Deadlines keep the zone the office published them in (16:00+09:00, not 07:00Z).
          .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  private OfficeFiles() {}

  record ApplicationsFile(List<Application> applications) {
    ApplicationsFile {
      applications = applications == null ? List.of() : List.copyOf(applications);
    }
  }

  record ScoresFile(List<Score> scores) {
    ScoresFile {
      scores = scores == null ? List.of() : List.copyOf(scores);
    }
  }

  record ResultsFile(List<PortfolioDecision.Result> results) {
    ResultsFile {
      results = results == null ? List.of() : List.copyOf(results);
    }
  }

  /** A portfolio's benchmark results, {@code results: [{model, benchmark, score}]}. */
  public static List<PortfolioDecision.Result> portfolioResults(String text, String source) {
    List<PortfolioDecision.Result> results = parse(text, source, ResultsFile.class).results();
    if (results.isEmpty()) {
      throw UserError.of(
          source + ": results가 비어 있습니다. results: [{model, benchmark, score}]로 쓰세요",
          source + ": results is empty; write results: [{model, benchmark, score}]");
    }
    return results;
  }

  /** The demo results shipped with a portfolio example, e.g. institutes. */
  public static List<PortfolioDecision.Result> examplePortfolioResults(String example) {
    return portfolioResults(example(example + "-results.yaml"), "example " + example + " results");
  }

  public static OfficeProgramme programme(Path file) {
    return parse(readFile(file), file.toString(), OfficeProgramme.class);
  }

  /** A shipped example by name ({@link #EXAMPLES}), or a file path. */
  public static OfficeProgramme programme(String nameOrPath) {
    if (EXAMPLES.contains(nameOrPath)) {
      return parse(example(nameOrPath + ".yaml"), "example " + nameOrPath, OfficeProgramme.class);
    }
    return programme(Path.of(nameOrPath));
  }

  public static String example(String file) {
    try (InputStream in = OfficeFiles.class.getResourceAsStream("examples/" + file)) {
      if (in == null) {
        throw UserError.of(
            "함께 배포된 예시 " + file + "이(가) 없습니다. 예시: " + EXAMPLES,
            "no shipped example " + file + "; examples: " + EXAMPLES);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) { // a resource inside our own jar
      throw new IllegalStateException("bug: cannot read the shipped example " + file, e);
    }
  }

  /** The invented applicants shipped with an example (demo), e.g. seed-2025. */
  public static List<Application> exampleApplications(String example) {
    return applications(
        example(example + "-applications.yaml"), "example " + example + " applications");
  }

  public static List<Application> applications(Path file) {
    return applications(readFile(file), file.toString());
  }

  /** {@code applications: [...]}, as exported by {@link #write}. */
  public static List<Application> applications(String text, String source) {
    List<Application> apps = parse(text, source, ApplicationsFile.class).applications();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < apps.size(); i++) {
      if (!ids.add(apps.get(i).id())) {
        throw UserError.of(
            source + ": applications[" + i + "].id '" + apps.get(i).id() + "'이(가) 두 번 나옵니다",
            source + ": applications[" + i + "].id '" + apps.get(i).id() + "' appears twice");
      }
    }
    return apps;
  }

  public static List<Score> scores(String text, String source) {
    return parse(text, source, ScoresFile.class).scores();
  }

  /** Applications as YAML that {@link #applications(String, String)} reads back unchanged. */
  public static String write(List<Application> applications) {
    return YAML.writeValueAsString(new ApplicationsFile(applications));
  }

  public static <T> T parse(String text, String source, Class<T> type) {
    try {
      T value = YAML.readValue(text, type);
      if (value == null) {
        throw UserError.of(source + ": 파일이 비어 있습니다", source + ": the file is empty");
      }
      return value;
    } catch (JacksonException e) {
      String at = source + ": ";
      throw UserError.of(at + describe(e, true), at + describe(e, false), e);
    }
  }

  /** A user file's text (at most 16 MiB), or a {@link UserError} naming it. */
  public static String readText(Path file) {
    return readFile(file);
  }

  static String readFile(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw UserError.of(file + ": 16 MiB보다 큽니다", file + ": larger than 16 MiB");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw UserError.of(
          file + "을(를) 읽을 수 없습니다: " + e.getMessage(),
          "cannot read " + file + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * "line 12: funnel.rounds[1].criteria: weights sum to 95; they must sum to 100", in Korean ("12행:
   * …") or English; a record's check worded in both languages gives its half.
   */
  static String describe(JacksonException e, boolean korean) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    var location = e.getLocation();
    String line =
        location == null || location.getLineNr() < 1
            ? ""
            : korean ? location.getLineNr() + "행: " : "line " + location.getLineNr() + ": ";
    String message = rootMessage(e, korean);
    return line + (path.isEmpty() ? "" : path + ": ") + message;
  }

  private static String rootMessage(JacksonException e, boolean korean) {
    UserError user = UserError.findIn(e.getCause());
    if (user != null) {
      return user.message(korean);
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      String m = t.getMessage();
      if ((t instanceof IllegalArgumentException || t instanceof NullPointerException)
          && m != null) {
        return UserError.hasKorean(m)
            ? UserError.inLanguage(m, korean)
            : korean ? "값이 올바르지 않습니다 (" + m + ")" : m;
      }
    }
    String m = e.getOriginalMessage();
    if (m == null) {
      return korean ? "값이 올바르지 않습니다" : "invalid value";
    }
    if (m.startsWith("Unrecognized property")) {
      if (korean) {
        String key =
            e instanceof UnrecognizedPropertyException u ? " '" + u.getPropertyName() + "'" : "";
        return "알 수 없는 키" + key + "입니다. docs/programme.md에서 철자를 확인하세요";
      }
      return m.replaceAll("\\s*\\(class.*", "").replaceAll("\\s+", " ").strip()
          + " (unknown key; check its spelling in docs/programme.md)";
    }
    String cleaned = m.replaceAll("\\s+", " ").replaceAll(" at \\[Source.*", "").strip();
    return korean ? "파일을 읽을 수 없습니다: " + cleaned : cleaned;
  }
}
