package kr.gukdae.cli;

import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The Korean sentence for a command line picocli could not parse. picocli writes its reasons in
 * English only; the common ones (an unknown option, an unmatched argument, a missing required
 * option, an option without its value, a value of the wrong type) are said here again in Korean
 * with the option and value named, read from the exception's own fields rather than its text. Any
 * other reason is quoted as picocli wrote it.
 */
final class ParseErrors {

  private ParseErrors() {}

  /** The reason in Korean, naming the option or argument picocli stopped at. */
  static String korean(ParameterException ex) {
    String reason = String.valueOf(ex.getMessage());
    return switch (ex) {
      case UnmatchedArgumentException u when !u.getUnmatched().isEmpty() ->
          u.isUnknownOption()
              ? "알 수 없는 옵션입니다: " + quoted(u.getUnmatched())
              : "알 수 없는 인수입니다: " + quoted(u.getUnmatched());
      case MissingParameterException m when !m.getMissing().isEmpty() ->
          reason.startsWith("Missing required parameter for option")
              ? "옵션 " + names(m.getMissing()) + "에 값이 없습니다. 옵션 뒤에 값을 적으세요"
              : reason.startsWith("Missing required option")
                  ? "필수 옵션이 없습니다: " + names(m.getMissing())
                  : "필수 인수가 없습니다: " + names(m.getMissing());
      default -> {
        ArgSpec spec = ex.getArgSpec();
        String value = ex.getValue();
        if (spec != null && value != null && reason.startsWith("Invalid value for")) {
          yield name(spec) + "의 값 '" + value + "'이(가) 올바르지 않습니다. " + expected(spec.type());
        }
        yield "명령줄을 해석할 수 없습니다 (" + reason + ")";
      }
    };
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
          + java.util.Arrays.stream(constants)
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
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
