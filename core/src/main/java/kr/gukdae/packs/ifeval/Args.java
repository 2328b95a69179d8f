package kr.gukdae.packs.ifeval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;

/**
 * One instruction's kwargs. Hugging Face's Arrow export gives every instruction every kwarg, most
 * of them null; like the reference scorer, null and empty values count as absent.
 */
final class Args {

  private final String where;
  private final String id;
  private final Map<String, Object> values = new LinkedHashMap<>();

  Args(String where, String id, Map<?, ?> raw) {
    this.where = where;
    this.id = id;
    raw.forEach((k, v) -> {
      if (v != null && !"".equals(v) && !(v instanceof List<?> l && l.isEmpty())) {
        values.put(String.valueOf(k), v);
      }
    });
  }

  String string(String name) {
    return String.valueOf(require(name));
  }

  int integer(String name) {
    Object v = require(name);
    if (v instanceof Number n) {
      return n.intValue();
    }
    try {
      return (int) Double.parseDouble(v.toString());
    } catch (NumberFormatException e) {
      throw bad(name, "은(는) 숫자여야 합니다 (받은 값: '" + v + "')", "must be a number, got '" + v + "'");
    }
  }

  List<String> strings(String name) {
    Object v = require(name);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      list.forEach(x -> out.add(String.valueOf(x)));
    } else {
      out.add(v.toString());
    }
    return out;
  }

  /** "less than" or "at least", the two relations IFEval uses. */
  boolean compare(String name, int actual, int wanted) {
    String relation = string(name);
    return switch (relation) {
      case "less than" -> actual < wanted;
      case "at least" -> actual >= wanted;
      default ->
          throw bad(
              name,
              "은(는) 'less than' 또는 'at least'여야 합니다 (받은 값: '" + relation + "')",
              "must be 'less than' or 'at least', got '" + relation + "'");
    };
  }

  private Object require(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw bad(name, "이(가) 없습니다", "is missing");
    }
    return v;
  }

  /** {@code korean} follows the kwarg's name directly, so it starts with its particle. */
  private UserError bad(String name, String korean, String problem) {
    return UserError.of(
        where + ": 지시문 '" + id + "'의 kwarg '" + name + "'" + korean + ". kwargs를 고치세요",
        where + ": instruction '" + id + "' kwarg '" + name + "' " + problem + "; fix kwargs");
  }
}
