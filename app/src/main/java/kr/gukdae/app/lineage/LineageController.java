package kr.gukdae.app.lineage;

import java.util.List;
import java.util.Set;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import kr.gukdae.lineage.CountRules;
import kr.gukdae.lineage.DerivativeCount;
import kr.gukdae.lineage.IngestReport;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST for the lineage page and the stage engine: counts, explanations, stored evidence. */
@RestController
@RequestMapping("/api/lineage")
class LineageController {

  private static final int MAX_TREE = 2_000;

  private final LineageService service;
  private final LineageEvidenceRepository evidence;

  LineageController(LineageService service, LineageEvidenceRepository evidence) {
    this.service = service;
    this.evidence = evidence;
  }

  record Dataset(String source, boolean demo, int repos, List<String> roots, IngestReport report) {}

  /** {@code explanation} stays English for existing clients; {@code explanationKo} is Korean. */
  record CountView(DerivativeCount count, List<String> explanation, List<String> explanationKo) {}

  @GetMapping("/dataset")
  Dataset dataset() {
    var lineage = service.lineage();
    return new Dataset(
        service.source(),
        service.isDemo(),
        lineage.repos(),
        service.suggestedRoots(),
        lineage.report());
  }

  @GetMapping("/count")
  CountView count(
      @RequestParam String root,
      RulesQuery query,
      @RequestParam(defaultValue = "500") int treeLimit) {
    DerivativeCount count =
        service.lineage().count(root, query.rules(), Math.min(Math.max(treeLimit, 1), MAX_TREE));
    return new CountView(count, count.explanationEn(), count.explanationKo());
  }

  @Requires(Role.OFFICE)
  @PostMapping("/evidence")
  LineageEvidenceRepository.Evidence record(
      @RequestParam String root, jakarta.servlet.http.HttpServletRequest request) {
    // Evidence counts under the programme's rules only; other rules are for exploring (GET /count).
    // Otherwise one request could record a count with every anti-gaming rule switched off.
    for (String name : request.getParameterMap().keySet()) {
      if (!name.equals("root")) {
        throw new UserError(
            "POST /api/lineage/evidence: '"
                + name
                + "' 규칙은 바꿀 수 없습니다 / evidence uses the programme's counting rules; try"
                + " other rules with GET /api/lineage/count");
      }
    }
    var lineage = service.lineage();
    return evidence.save(
        lineage.count(root, RulesQuery.DEFAULTS.rules(), MAX_TREE),
        lineage.report(),
        service.source());
  }

  @GetMapping("/evidence")
  List<LineageEvidenceRepository.Evidence> evidence(
      @RequestParam(required = false) @Nullable String root) {
    return evidence.list(root);
  }

  /** The model tree a recorded count was taken from: every node with its verdict. */
  @GetMapping("/evidence/{id}/tree")
  LineageEvidenceRepository.Tree tree(@PathVariable String id) {
    return evidence
        .tree(id)
        .orElseThrow(() -> UserError.of("계보 증거 " + id + "이(가) 없습니다", "no lineage evidence " + id));
  }

  static CountRules rules(
      @Nullable String since,
      @Nullable String until,
      boolean excludeTeam,
      String teamOwners,
      boolean requireWeights,
      int minCardChars,
      int minDownloads,
      int minLikes,
      int maxPerOwner) {
    try {
      Set<String> team =
          Set.of(teamOwners.isBlank() ? new String[0] : teamOwners.strip().split("\\s*,\\s*"));
      return CountRules.defaults()
          .window(Dates.parse(since, "since"), Dates.parse(until, "until"))
          .owners(excludeTeam, team)
          .weights(requireWeights)
          .thresholds(minCardChars, minDownloads, minLikes, maxPerOwner);
    } catch (UserError e) {
      String at = "lineage rules: ";
      throw UserError.of(at + e.message(true), at + e.message(false), e);
    } catch (IllegalArgumentException e) { // Set.of: a team owner listed twice
      throw UserError.of(
          "lineage rules: 잘못된 집계 규칙입니다 (" + e.getMessage() + ")",
          "lineage rules: " + e.getMessage());
    }
  }
}
