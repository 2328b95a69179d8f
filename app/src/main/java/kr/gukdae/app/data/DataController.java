package kr.gukdae.app.data;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.access.Principal;
import kr.gukdae.app.access.Role;
import kr.gukdae.data.DataJson;
import kr.gukdae.data.commit.Commitments;
import kr.gukdae.data.commit.InclusionProof;
import kr.gukdae.data.commit.Manifest;
import kr.gukdae.data.registry.Agreement;
import kr.gukdae.data.registry.Croissant;
import kr.gukdae.data.registry.DatasetEntry;
import kr.gukdae.data.registry.Fields;
import kr.gukdae.data.registry.Openness;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for the data registry and commitments. Reading the catalogue needs an account; every write
 * needs the programme office, except a team committing its own manifest or registering a version
 * its own team built.
 */
@RestController
@RequestMapping("/api/data")
class DataController {

  private static final int MAX_BODY = 4 * 1024 * 1024;

  private final DataRegistry registry;
  private final CommitmentStore commitments;
  private final Access access;

  DataController(DataRegistry registry, CommitmentStore commitments, Access access) {
    this.registry = registry;
    this.commitments = commitments;
    this.access = access;
  }

  // Boxed fields: an empty body reaches the access check instead of failing to bind first.
  record SupplierForm(@Nullable String id, @Nullable String name, @Nullable Boolean freeHelp) {}

  record TeamForm(@Nullable String id, @Nullable Boolean commercialRelease) {}

  record DatasetView(DatasetEntry entry, boolean excluded, List<DataRegistry.Version> versions) {}

  @GetMapping("/suppliers")
  List<DataRegistry.Supplier> suppliers(HttpServletRequest request) {
    access.require(request);
    return registry.suppliers();
  }

  @PostMapping("/suppliers")
  DataRegistry.Supplier addSupplier(HttpServletRequest request, @RequestBody SupplierForm f) {
    access.require(request, Role.OFFICE);
    registry.addSupplier(f.id(), f.name(), Boolean.TRUE.equals(f.freeHelp()));
    // addSupplier refuses a missing id with its own message, so it is present here
    return registry.supplier(Objects.requireNonNull(f.id()));
  }

  @GetMapping("/teams")
  List<DataRegistry.Team> teams(HttpServletRequest request) {
    access.require(request);
    return registry.teams();
  }

  @PostMapping("/teams")
  DataRegistry.Team addTeam(HttpServletRequest request, @RequestBody TeamForm f) {
    access.require(request, Role.OFFICE);
    registry.addTeam(f.id(), Boolean.TRUE.equals(f.commercialRelease()));
    // addTeam refuses a missing id with its own message, so it is present here
    return registry.team(Objects.requireNonNull(f.id()));
  }

  record CommercialView(String team, boolean commercialRelease, List<String> suspendedAgreements) {}

  /** Marks a team for commercial release; the reply lists grants that no longer count. */
  @PostMapping("/teams/{id}/commercial")
  CommercialView commercial(
      HttpServletRequest request,
      @PathVariable String id,
      @RequestParam(required = false) @Nullable Boolean value) {
    access.require(request, Role.OFFICE);
    boolean v = Boolean.TRUE.equals(required("value", value));
    return new CommercialView(id, v, registry.markCommercial(id, v));
  }

  @GetMapping("/datasets")
  List<DatasetView> datasets(HttpServletRequest request) {
    access.require(request);
    return registry.datasets().stream()
        .map(d -> new DatasetView(d, d.excluded(), registry.versions(d.id())))
        .toList();
  }

  /** A dataset from named fields (the same names the CLI and imports use). */
  @PostMapping("/datasets")
  DatasetEntry addDataset(
      HttpServletRequest request,
      @RequestParam(required = false) @Nullable String supplier,
      @RequestBody Map<String, String> fields) {
    access.require(request, Role.OFFICE);
    DatasetEntry d =
        Fields.entry("POST /api/data/datasets", required("supplier", supplier), fields);
    registry.addDataset(d);
    return d;
  }

  @PostMapping("/datasets/import/croissant")
  DatasetEntry importCroissant(
      HttpServletRequest request,
      @RequestParam(required = false) @Nullable String supplier,
      @RequestBody String body) {
    access.require(request, Role.OFFICE);
    bounded(body);
    DatasetEntry d =
        Croissant.importFrom("croissant upload", body, required("supplier", supplier), Map.of());
    registry.addDataset(d);
    return d;
  }

  /** JSON-LD, whose keys ({@code @context}, {@code rai:…}) no record can name: sent as its text. */
  @GetMapping(value = "/datasets/{id}/croissant", produces = "application/ld+json")
  String croissant(HttpServletRequest request, @PathVariable String id) {
    access.require(request);
    return DataJson.pretty(registry.croissant(id));
  }

  record VersionForm(
      @Nullable String version,
      @Nullable Long bytes,
      @Nullable Long records,
      @Nullable String sha256,
      @Nullable String builtBy,
      @Nullable Boolean opened) {}

  @PostMapping("/datasets/{id}/versions")
  DataRegistry.Version addVersion(
      HttpServletRequest request, @PathVariable String id, @RequestBody VersionForm f) {
    Principal p = access.require(request, Role.OFFICE, Role.TEAM);
    required("version", f.version());
    if (!p.has(Role.OFFICE) && (f.builtBy() == null || !f.builtBy().equals(p.team()))) {
      throw new AccessDenied(
          HttpStatus.FORBIDDEN,
          "forbidden",
          "자기 팀이 구축한 버전만 등록할 수 있습니다 / a team registers only versions it built (builtBy = "
              + p.team()
              + ")");
    }
    var v =
        new DataRegistry.Version(
            id,
            field("version", f.version()),
            required("bytes", f.bytes()),
            required("records", f.records()),
            f.sha256(),
            f.builtBy(),
            Boolean.TRUE.equals(f.opened()));
    registry.addVersion(v);
    return v;
  }

  record AgreementForm(
      String id,
      String supplier,
      String team,
      String dataset,
      @Nullable Boolean commercial,
      String start,
      String end,
      @Nullable String replaces) {}

  @PostMapping("/agreements")
  Agreement addAgreement(HttpServletRequest request, @RequestBody AgreementForm f) {
    access.require(request, Role.OFFICE);
    var a =
        new Agreement(
            f.id(),
            f.supplier(),
            f.team(),
            f.dataset(),
            Boolean.TRUE.equals(f.commercial()),
            Fields.date("agreement", "start", f.start()),
            Fields.date("agreement", "end", f.end()),
            f.replaces());
    registry.addAgreement(a);
    return a;
  }

  @GetMapping("/agreements")
  List<Agreement> agreements(
      HttpServletRequest request, @RequestParam(required = false) @Nullable String team) {
    Principal p = access.require(request, Role.OFFICE, Role.REVIEWER, Role.TEAM);
    return registry.agreements(p.has(Role.OFFICE) || p.has(Role.REVIEWER) ? team : p.team());
  }

  @GetMapping("/access")
  Agreement.Decision decide(
      HttpServletRequest request,
      @RequestParam(required = false) @Nullable String team,
      @RequestParam(required = false) @Nullable String dataset,
      @RequestParam(required = false) @Nullable String day) {
    access.require(request);
    return registry.access(
        required("team", team),
        required("dataset", dataset),
        day == null ? null : Fields.date("access", "day", day));
  }

  @GetMapping("/openness/{team}")
  Openness.Status openness(
      HttpServletRequest request,
      @PathVariable String team,
      @RequestParam(defaultValue = "bytes") String unit,
      @RequestParam(defaultValue = "0.5") double share,
      @RequestParam(defaultValue = "") List<String> stages) {
    access.require(request);
    List<LocalDate> dates = new ArrayList<>();
    stages.stream()
        .filter(s -> !s.isBlank())
        .forEach(s -> dates.add(Fields.date("openness", "stages", s)));
    return registry.openness(team, Openness.Unit.parse(unit), share, dates);
  }

  @PostMapping("/commitments")
  CommitmentStore.Stored commit(HttpServletRequest request, @RequestBody String manifest) {
    Principal p = access.require(request, Role.OFFICE, Role.TEAM);
    bounded(manifest);
    Manifest m = DataJson.read("POST /api/data/commitments", manifest, Manifest.class);
    if (!p.has(Role.OFFICE) && !m.team().equals(p.team())) {
      throw new AccessDenied(
          HttpStatus.FORBIDDEN,
          "forbidden",
          "다른 팀의 매니페스트는 제출할 수 없습니다 / a team commits only its own manifest (" + p.team() + ")");
    }
    registry.team(m.team());
    return commitments.commit(manifest, "POST /api/data/commitments");
  }

  @GetMapping("/commitments/{team}")
  List<CommitmentStore.Stored> commitments(HttpServletRequest request, @PathVariable String team) {
    access.require(request);
    return commitments.list(team);
  }

  record ClaimView(boolean supported, String summary, List<InclusionProof> proofs) {}

  @GetMapping("/commitments/{team}/{root}/claim")
  ClaimView claim(
      HttpServletRequest request,
      @PathVariable String team,
      @PathVariable String root,
      @RequestParam(required = false) @Nullable String dataset,
      @RequestParam(required = false) @Nullable String version) {
    access.require(request);
    Commitments.ClaimResult r =
        commitments.claim(team, root, required("dataset", dataset), version);
    return new ClaimView(r.supported(), r.describe(), r.proofs());
  }

  @GetMapping(
      value = "/commitments/{team}/{root}/summary",
      produces = "text/markdown;charset=UTF-8")
  String summary(HttpServletRequest request, @PathVariable String team, @PathVariable String root) {
    access.require(request);
    return kr.gukdae.data.commit.TrainingSummary.markdown(commitments.manifest(team, root), root);
  }

  /**
   * Query parameters are optional to Spring and checked here, after the access check, so a caller
   * without the role learns nothing from a 400 about which parameters exist.
   */
  /** A field the JSON body must carry. */
  private static <T> T field(String name, @Nullable T value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw UserError.of("필드 '" + name + "'은(는) 필수입니다", "field '" + name + "' is required");
    }
    return value;
  }

  private static <T> T required(String name, @Nullable T value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw UserError.of(
          "쿼리 매개변수 '" + name + "'은(는) 필수입니다", "query parameter '" + name + "' is required");
    }
    return value;
  }

  private static void bounded(String body) {
    if (body.length() > MAX_BODY) {
      throw UserError.of(
          "업로드가 " + MAX_BODY / 1024 / 1024 + " MiB보다 큽니다. 나누어 올리세요",
          "upload larger than " + MAX_BODY / 1024 / 1024 + " MiB; split it");
    }
  }
}
