package kr.gukdae.app.originality;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.gukdae.originality.Findings;
import kr.gukdae.originality.Fingerprint;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Originality evidence and fingerprints in the database (H2 or PostgreSQL). */
@Repository
public class OriginalityStore {

  private static final JsonMapper JSON = JsonMapper.shared();
  private final JdbcClient jdbc;

  OriginalityStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A store over a connection outside Spring (a worker process joining a distributed check). */
  public static OriginalityStore over(JdbcClient jdbc) {
    return new OriginalityStore(jdbc);
  }

  /**
   * Stores a report without weight hashes (a stage never counts such a check for a submission);
   * returns its id.
   */
  @Transactional
  public String save(Findings.Report report, @Nullable String modelPath) {
    return save(report, modelPath, List.of(), Map.of());
  }

  /**
   * Stores a report with its findings, per-component evidence and the SHA-256 of every weight file
   * compared (the candidate's and each reference's, hashed by the caller outside the transaction);
   * returns its id.
   */
  @Transactional
  public String save(
      Findings.Report report,
      @Nullable String modelPath,
      List<WeightFile> candidateFiles,
      Map<String, List<WeightFile>> referenceFiles) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            "INSERT INTO forensics_report (id, model, model_path, verdict_code, verdict,"
                + " explanation, created_at, log_json, verdict_ko, explanation_ko, null_json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        // param(…) for the optional path and log: Spring marks only that form as taking null
        .params(id, report.candidate())
        .param(modelPath)
        .params(
            report.verdict().code(),
            report.verdict().label(),
            report.explanation().en(),
            OffsetDateTime.now(ZoneOffset.UTC))
        .param(report.log() == null ? null : ReportJson.log(report.log()).toString())
        .params(
            report.verdict().labelKo(),
            report.explanation().ko(),
            ReportJson.nullModels(report.nullModels()).toString())
        .update();
    insertFiles(id, "CANDIDATE", report.candidate(), candidateFiles);
    referenceFiles.forEach((name, files) -> insertFiles(id, "REFERENCE", name, files));
    for (Findings.ReferenceFinding f : report.findings()) {
      jdbc.sql(
              "INSERT INTO forensics_finding (report_id, reference_name, verdict_code, verdict,"
                  + " explanation, candidate_params, matched_params, tensors_json, verdict_ko,"
                  + " explanation_ko, details_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              id,
              f.reference(),
              f.verdict().code(),
              f.verdict().label(),
              f.explanation().en(),
              f.candidateParameters(),
              f.matchedParameters(),
              ReportJson.tensors(f).toString(),
              f.verdict().labelKo(),
              f.explanation().ko(),
              ReportJson.details(f).toString())
          .update();
      for (Findings.ComponentSummary c : f.components()) {
        jdbc.sql(
                "INSERT INTO forensics_evidence (report_id, model, reference_name, verdict_code,"
                    + " component, similarity, tensors, params, pearson, cosine, rel_l2,"
                    + " identical_frac, min_z, statistics_json)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(
                id,
                report.candidate(),
                f.reference(),
                f.verdict().code(),
                c.component(),
                c.level().name(),
                c.tensors(),
                c.parameters(),
                c.pearson(),
                c.cosine(),
                clip(c.relL2()),
                c.identical(),
                clip(c.minZ()),
                ReportJson.component(c).toString())
            .update();
      }
    }
    return id;
  }

  private void insertFiles(String id, String role, String model, List<WeightFile> files) {
    for (WeightFile f : files) {
      jdbc.sql(
              "INSERT INTO forensics_weight_file (report_id, role, model_name, file_name, sha256,"
                  + " size_bytes) VALUES (?, ?, ?, ?, ?, ?)")
          .params(id, role, model, f.file(), f.sha256(), f.bytes())
          .update();
    }
  }

  /**
   * The weight files a check compared, by role ({@code CANDIDATE}, {@code REFERENCE}) and model.
   */
  public record CheckedFiles(
      List<WeightFile> candidate, Map<String, List<WeightFile>> references) {}

  public CheckedFiles weightFiles(String reportId) {
    List<WeightFile> candidate = new ArrayList<>();
    Map<String, List<WeightFile>> references = new java.util.TreeMap<>();
    jdbc.sql(
            "SELECT role, model_name, file_name, sha256, size_bytes FROM forensics_weight_file"
                + " WHERE report_id = ? ORDER BY role, model_name, file_name")
        .param(reportId)
        .query()
        .listOfRows()
        .forEach(r -> {
          WeightFile f =
              new WeightFile(
                  (String) column(r, "file_name"),
                  (String) column(r, "sha256"),
                  ((Number) column(r, "size_bytes")).longValue());
          if ("CANDIDATE".equals(r.get("role"))) {
            candidate.add(f);
          } else {
            references.computeIfAbsent((String) r.get("model_name"), k -> new ArrayList<>()).add(f);
          }
        });
    return new CheckedFiles(candidate, references);
  }

  /** Report headers, newest first. */
  public List<ReportSummary> list() {
    return jdbc.sql(
            "SELECT id, model, verdict_code, verdict, verdict_ko, created_at FROM forensics_report"
                + " ORDER BY created_at DESC, id")
        .query((rs, n) ->
            new ReportSummary(
                rs.getString("id"),
                rs.getString("model"),
                rs.getString("verdict_code"),
                rs.getString("verdict"),
                rs.getString("verdict_ko"),
                rs.getObject("created_at", java.time.OffsetDateTime.class)))
        .list();
  }

  /**
   * One stored report in the list; the snake_case names are the columns', which the originality
   * page reads.
   */
  public record ReportSummary(
      String id,
      String model,
      @com.fasterxml.jackson.annotation.JsonProperty("verdict_code") String verdictCode,
      String verdict,
      @com.fasterxml.jackson.annotation.JsonProperty("verdict_ko") @Nullable String verdictKo,
      @com.fasterxml.jackson.annotation.JsonProperty("created_at")
          java.time.OffsetDateTime createdAt) {}

  /** The stored report as the same JSON the CLI prints, or empty. */
  public Optional<ObjectNode> get(String id) {
    List<Map<String, @Nullable Object>> rows =
        jdbc.sql("SELECT * FROM forensics_report WHERE id = ?").param(id).query().listOfRows();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, @Nullable Object> r = rows.get(0);
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    o.put("model", (String) r.get("model"));
    o.put("verdict", (String) r.get("verdict"));
    o.put("verdictCode", (String) r.get("verdict_code"));
    o.put("explanation", (String) r.get("explanation"));
    o.put("verdictKo", orElse(r.get("verdict_ko"), r.get("verdict")));
    o.put("explanationKo", orElse(r.get("explanation_ko"), r.get("explanation")));
    o.put("createdAt", String.valueOf(r.get("created_at")));
    Object nul = r.get("null_json");
    if (nul != null) {
      o.set("nullModels", JSON.readTree(nul.toString()));
    }
    Object log = r.get("log_json");
    if (log != null) {
      o.set("log", JSON.readTree(log.toString()));
    }
    CheckedFiles files = weightFiles(id);
    ObjectNode weights = o.putObject("weights");
    weights.set("candidate", JSON.valueToTree(files.candidate()));
    weights.set("references", JSON.valueToTree(files.references()));
    ArrayNode findings = o.putArray("findings");
    jdbc.sql("SELECT * FROM forensics_finding WHERE report_id = ? ORDER BY reference_name")
        .param(id)
        .query()
        .listOfRows()
        .forEach(f -> {
          ObjectNode n = findings.addObject();
          n.put("reference", (String) f.get("reference_name"));
          n.put("verdict", (String) f.get("verdict"));
          n.put("verdictCode", (String) f.get("verdict_code"));
          n.put("explanation", (String) f.get("explanation"));
          n.put("verdictKo", orElse(f.get("verdict_ko"), f.get("verdict")));
          n.put("explanationKo", orElse(f.get("explanation_ko"), f.get("explanation")));
          n.put("candidateParameters", ((Number) column(f, "candidate_params")).longValue());
          n.put("matchedParameters", ((Number) column(f, "matched_params")).longValue());
          Object details = f.get("details_json");
          if (details != null && JSON.readTree(details.toString()) instanceof ObjectNode d) {
            n.setAll(d);
          }
          ArrayNode components = n.putArray("components");
          jdbc.sql(
                  "SELECT statistics_json FROM forensics_evidence WHERE report_id = ? AND"
                      + " reference_name = ? ORDER BY component")
              .params(id, column(f, "reference_name"))
              .query(String.class)
              .list()
              .forEach(s -> components.add(JSON.readTree(s)));
          JsonNode tensors = JSON.readTree(column(f, "tensors_json").toString());
          n.set("tensors", tensors);
        });
    return Optional.of(o);
  }

  /** Replaces a model's fingerprints. */
  @Transactional
  public void saveFingerprints(String model, List<Fingerprint> prints) {
    jdbc.sql("DELETE FROM forensics_fingerprint WHERE model_name = ?").param(model).update();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    for (Fingerprint f : prints) {
      jdbc.sql(
              "INSERT INTO forensics_fingerprint (model_name, tensor_name, normalized_name,"
                  + " shape_text, is_norm, elements, sum_x, sum_sq, sketch_b64, sketch_version,"
                  + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              model,
              f.tensor(),
              f.normalized(),
              f.shape(),
              f.norm(),
              f.elements(),
              f.sum(),
              f.sumSquares(),
              Base64.getEncoder().encodeToString(f.sketchBytes()),
              Fingerprint.VERSION,
              now)
          .update();
    }
  }

  /** Every stored fingerprint of the current sketch version, by model. */
  public Map<String, List<Fingerprint>> fingerprints() {
    Map<String, List<Fingerprint>> out = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT * FROM forensics_fingerprint WHERE sketch_version = ?"
                + " ORDER BY model_name, tensor_name")
        .param(Fingerprint.VERSION)
        .query()
        .listOfRows()
        .forEach(r ->
            out.computeIfAbsent((String) r.get("model_name"), k -> new ArrayList<>())
                .add(
                    new Fingerprint(
                        (String) column(r, "tensor_name"),
                        (String) column(r, "normalized_name"),
                        (String) column(r, "shape_text"),
                        (Boolean) column(r, "is_norm"),
                        ((Number) column(r, "elements")).longValue(),
                        ((Number) column(r, "sum_x")).doubleValue(),
                        ((Number) column(r, "sum_sq")).doubleValue(),
                        Fingerprint.sketchFromBytes(
                            Base64.getDecoder().decode((String) r.get("sketch_b64"))))));
    return out;
  }

  /** A NOT NULL column of a row read as a map; null there means the table is not ours. */
  private static Object column(Map<String, ? extends @Nullable Object> row, String name) {
    Object value = row.get(name);
    if (value == null) {
      throw new IllegalStateException("originality: column " + name + " is null");
    }
    return value;
  }

  /** Rows stored before the Korean columns existed show the English text. */
  private static String orElse(@Nullable Object ko, @Nullable Object en) {
    return String.valueOf(ko != null ? ko : en);
  }

  private static double clip(double v) {
    return Double.isNaN(v) ? 0 : Math.max(-1e300, Math.min(1e300, v));
  }
}
