package kr.gukdae.cli;

import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The Korean sentence for a command line picocli could not parse. picocli writes its reasons in
 * English only; each reason it gives (an unknown option, command or argument, a missing option,
 * value or command, a value of the wrong type or shape, too few or too many values, an option given
 * twice, options that exclude each other) is said here again in Korean with the option and value
 * named, read from the exception's own fields where it has them and from picocli's fixed wording
 * where it does not. A reason picocli may add later is quoted as it wrote it.
 */
final class ParseErrors {

  private static final Pattern FOUND = Pattern.compile("but found '(.*)'$");
  private static final Pattern TOO_FEW =
      Pattern.compile("requires at least (\\d+) values?, but only (\\d+)");
  private static final Pattern EXCLUSIVE =
      Pattern.compile("^(?:Error: )?(.+) are mutually exclusive");
  private static final Pattern OPTION_NAME = Pattern.compile("'(-[^']+)'");

  private ParseErrors() {}

  /** The reason in Korean, naming the option or argument picocli stopped at. */
  static String korean(ParameterException ex) {
    String reason = String.valueOf(ex.getMessage());
    return switch (ex) {
      case UnmatchedArgumentException u when !u.getUnmatched().isEmpty() -> unmatched(u);
      case MissingParameterException m when !m.getMissing().isEmpty() -> missing(m, reason);
      case MutuallyExclusiveArgsException x -> {
        Matcher m = EXCLUSIVE.matcher(reason);
        yield "다음 옵션은 함께 쓸 수 없습니다. 하나만 지정하세요: " + (m.find() ? m.group(1) : "(" + reason + ")");
      }
      case OverwrittenOptionException o ->
          "옵션 " + name(o.getOverwritten()) + "은(는) 한 번만 지정할 수 있습니다";
      case MaxValuesExceededException x -> {
        Matcher m = OPTION_NAME.matcher(reason);
        yield (m.find() ? "옵션 '" + m.group(1) + "'에 " : "") + "값이 너무 많습니다 (" + reason + ")";
      }
      default -> other(ex, reason);
    };
  }

  private static String unmatched(UnmatchedArgumentException u) {
    if (u.isUnknownOption()) {
      return "알 수 없는 옵션입니다: " + quoted(u.getUnmatched());
    }
    CommandLine cmd = u.getCommandLine();
    // A word where a command takes subcommands and no arguments is a mistyped command name.
    if (!cmd.getSubcommands().isEmpty() && cmd.getCommandSpec().positionalParameters().isEmpty()) {
      return "알 수 없는 명령입니다: " + quoted(u.getUnmatched()) + ". " + oneOf(cmd);
    }
    return "알 수 없는 인수입니다: " + quoted(u.getUnmatched());
  }

  private static String missing(MissingParameterException m, String reason) {
    String named = names(m.getMissing());
    if (reason.startsWith("Expected parameter for option")) {
      Matcher found = FOUND.matcher(reason);
      return "옵션 "
          + named
          + "에 값이 없습니다"
          + (found.find() ? " ('" + found.group(1) + "'은(는) 값이 아니라 옵션입니다)" : "")
          + ". 옵션 바로 뒤에 값을 적으세요";
    }
    Matcher few = TOO_FEW.matcher(reason);
    if (few.find()) {
      return "옵션 " + named + "에는 값이 " + few.group(1) + "개 필요합니다 (받은 값: " + few.group(2) + "개)";
    }
    if (reason.startsWith("Missing required parameter for option")) {
      return "옵션 " + named + "에 값이 없습니다. 옵션 뒤에 값을 적으세요";
    }
    boolean options = m.getMissing().stream().allMatch(ArgSpec::isOption);
    return (options ? "필수 옵션이 없습니다: " : "필수 인수가 없습니다: ") + named;
  }

  private static String other(ParameterException ex, String reason) {
    if (reason.startsWith("Missing required subcommand")) {
      return "명령이 빠졌습니다. " + oneOf(ex.getCommandLine());
    }
    ArgSpec spec = ex.getArgSpec();
    String value = ex.getValue();
    if (spec != null && value != null) {
      if (reason.contains("KEY=VALUE")) {
        return name(spec) + "의 값 '" + value + "'은(는) 이름=값(KEY=VALUE) 형식이어야 합니다";
      }
      return name(spec) + "의 값 '" + value + "'이(가) 올바르지 않습니다. " + expected(spec.type());
    }
    return "명령줄을 해석할 수 없습니다 (" + reason + ")";
  }

  /** "Write one of: a, b, c" for a command's subcommands. */
  private static String oneOf(CommandLine cmd) {
    return "다음 중 하나를 적으세요: " + String.join(", ", cmd.getSubcommands().keySet());
  }

  /** What to write instead, by the option's type (a whole sentence). */
  static String expected(Class<?> type) {
    if (type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == short.class
        || type == Short.class) {
      return "정수를 적으세요";
    }
    if (type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class
        || Number.class.isAssignableFrom(type)) {
      return "숫자를 적으세요";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true 또는 false를 적으세요";
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return "다음 중 하나를 적으세요: "
          + Arrays.stream(constants).map(String::valueOf).collect(Collectors.joining(", "));
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "날짜를 YYYY-MM-DD 형식으로 적으세요";
    }
    if (type == Path.class || type == java.io.File.class) {
      return "파일이나 폴더 경로를 적으세요";
    }
    return "알맞은 형식의 값을 적으세요";
  }

  private static String names(List<ArgSpec> specs) {
    return specs.stream().map(ParseErrors::name).collect(Collectors.joining(", "));
  }

  private static String name(ArgSpec spec) {
    return switch (spec) {
      case OptionSpec o -> "'" + o.longestName() + "'";
      case PositionalParamSpec p -> "'" + p.paramLabel() + "'";
      default -> "'" + spec.paramLabel() + "'";
    };
  }

  private static String quoted(List<String> values) {
    String joined = values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    return joined.length() > 200 ? joined.substring(0, 200) + "…" : joined;
  }
}
