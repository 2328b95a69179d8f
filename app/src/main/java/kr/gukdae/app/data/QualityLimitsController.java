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
    List<String> problems = new ArrayList<>();
    for (String key : node.propertyNames()) {
      if (!List.of("revision", "reason", "thresholds").contains(key)) {
        problems.add(key + ": unknown key; use revision, reason, thresholds");
      }
    }
    JsonNode limits = node.path("thresholds");
    if (!limits.isObject()) {
      problems.add("thresholds: required, an object with every criterion");
    } else {
      for (var component : Thresholds.class.getRecordComponents()) {
        if (!limits.path(component.getName()).isNumber()) {
          problems.add("thresholds." + component.getName() + ": required, a share between 0 and 1");
        }
      }
    }
    if (!node.path("revision").isIntegralNumber()) {
      problems.add("revision: required, the revision you read (GET, 0 for the built-in default)");
    }
    if (!problems.isEmpty()) {
      throw new UserError(WHERE + ": " + String.join("; ", problems));
    }
    Thresholds t = DataJson.read(WHERE + " thresholds", limits.toString(), Thresholds.class);
    return store.setLimits(
        t, node.path("revision").asInt(), node.path("reason").asString(""), who.accountName());
  }
}
