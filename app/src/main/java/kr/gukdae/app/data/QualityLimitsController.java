package kr.gukdae.app.data;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Principal;
import kr.gukdae.app.access.Role;
import kr.gukdae.data.DataJson;
import kr.gukdae.data.quality.Thresholds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The programme's quality limits per criterion. Teams and reviewers read the limits they are held
 * to; the office changes them, on top of the revision it read, with a reason. Uploads checked
 * afterwards use the new limits; each report carries the limits it was checked against.
 */
@RestController
@RequestMapping("/api/data/quality/thresholds")
class QualityLimitsController {

  private static final String WHERE = "PUT /api/data/quality/thresholds";

  private final QualityStore store;
  private final Access access;

  QualityLimitsController(QualityStore store, Access access) {
    this.store = store;
    this.access = access;
  }

  @GetMapping
  QualityStore.Limits limits(HttpServletRequest request) {
    access.require(request, Role.OFFICE, Role.REVIEWER, Role.TEAM);
    return store.limits();
  }

  /** Body: {@code {revision, reason, thresholds: {every criterion}}}; unknown keys are errors. */
  @PutMapping
  QualityStore.Limits set(HttpServletRequest request, @RequestBody String body) {
    Principal who = access.require(request, Role.OFFICE);
    JsonNode node = DataJson.tree(WHERE, body);
    // Each problem in both languages: the Korean list and the English list are joined once.
    List<String> problems = new ArrayList<>();
    List<String> problemsKo = new ArrayList<>();
    for (String key : node.propertyNames()) {
      if (!List.of("revision", "reason", "thresholds").contains(key)) {
        problemsKo.add(key + ": 알 수 없는 키입니다. revision, reason, thresholds를 사용하세요");
        problems.add(key + ": unknown key; use revision, reason, thresholds");
      }
    }
    JsonNode limits = node.path("thresholds");
    if (!limits.isObject()) {
      problemsKo.add("thresholds: 필수이며, 모든 기준을 담은 객체여야 합니다");
      problems.add("thresholds: required, an object with every criterion");
    } else {
      for (var component : Thresholds.class.getRecordComponents()) {
        if (!limits.path(component.getName()).isNumber()) {
          problemsKo.add("thresholds." + component.getName() + ": 필수이며, 0과 1 사이의 비율이어야 합니다");
          problems.add("thresholds." + component.getName() + ": required, a share between 0 and 1");
        }
      }
    }
    if (!node.path("revision").isIntegralNumber()) {
      problemsKo.add("revision: 필수이며, 읽어 온 판 번호여야 합니다 (GET, 기본값은 0)");
      problems.add("revision: required, the revision you read (GET, 0 for the built-in default)");
    }
    if (!problems.isEmpty()) {
      throw UserError.of(
          WHERE + ": 다음을 고치세요 — " + String.join("; ", problemsKo),
          WHERE + ": " + String.join("; ", problems));
    }
    Thresholds t = DataJson.read(WHERE + " thresholds", limits.toString(), Thresholds.class);
    return store.setLimits(
        t, node.path("revision").asInt(), node.path("reason").asString(""), who.accountName());
  }
}
