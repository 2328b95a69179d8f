package kr.gukdae.app.stage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.gukdae.app.originality.OriginalityStore;
import kr.gukdae.app.originality.WeightFile;
import kr.gukdae.stage.EvaluationPlan;
import kr.gukdae.stage.Evidence;
import kr.gukdae.stage.StageDef;
import kr.gukdae.stage.Team;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The originality gate's evidence: the check of the team's submitted weights. Of the checks stored
 * under the submitted model's name, the newest whose candidate files have exactly the submitted
 * SHA-256s counts; failing that the newest check is shown, stale, with why: no submission recorded,
 * a check without weight hashes, or other weights than the submission (e.g. swapped after the
 * check). The source carries the check id and the weight hashes of candidate and references.
 */
@Component
class OriginalityEvidence {

  private final JdbcClient jdbc;
  private final OriginalityStore originality;
  private final Submissions submissions;

  OriginalityEvidence(JdbcClient jdbc, OriginalityStore originality, Submissions submissions) {
    this.jdbc = jdbc;
    this.originality = originality;
    this.submissions = submissions;
  }

  private record Check(
      String id, String verdictCode, String verdict, String modelPath, Instant at) {}

  List<StageEvidence> collect(
      long programmeId,
      String programme,
      EvaluationPlan plan,
      StageDef st,
      Team team,
      String model) {
    List<Check> checks =
        jdbc.sql(
                "SELECT id, verdict_code, verdict, model_path, created_at FROM forensics_report"
                    + " WHERE model = ? ORDER BY created_at DESC, id")
            .param(model)
            .query((rs, n) ->
                new Check(
                    rs.getString("id"),
                    rs.getString("verdict_code"),
                    rs.getString("verdict"),
                    String.valueOf(rs.getString("model_path")),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant()))
            .list();
    if (checks.isEmpty()) {
      return List.of();
    }
    Optional<Submissions.Submission> submitted =
        submissions.current(programme, st.number(), team.id());
    Check pick = checks.getFirst();
    OriginalityStore.CheckedFiles files = originality.weightFiles(pick.id());
    if (submitted.isPresent()) {
      List<String> wanted = WeightFile.contents(submitted.get().weights());
      for (Check c : checks) {
        OriginalityStore.CheckedFiles f = originality.weightFiles(c.id());
        if (WeightFile.contents(f.candidate()).equals(wanted)) {
          pick = c;
          files = f;
          break;
        }
      }
    }
    List<String> references = List.copyOf(files.references().keySet());
    if (references.isEmpty()) {
      references =
          jdbc.sql(
                  "SELECT reference_name FROM forensics_finding WHERE report_id = ?"
                      + " ORDER BY reference_name")
              .param(pick.id())
              // a row mapper, not query(String.class): reference_name is NOT NULL, so no row is
              .query((rs, n) -> rs.getString(1))
              .list();
    }
    Map<String, Object> src = new java.util.LinkedHashMap<>();
    src.put("check", pick.id());
    src.put("verdict", pick.verdict());
    src.put("references", references);
    src.put("modelPath", pick.modelPath());
    src.put("weights", files.candidate());
    src.put(
        "weightsSha256", files.candidate().isEmpty() ? "" : Submissions.digest(files.candidate()));
    src.put("referenceWeights", files.references());
    submitted.ifPresent(s -> {
      src.put("submission", s.id());
      src.put("submittedSha256", s.weightsSha256());
    });
    return List.of(
        Drafts.draft(
            programmeId,
            model,
            new Evidence.OriginalityVerdict(
                team.id(), st.number(), "ORIGINAL".equals(pick.verdictCode()), pick.verdict()),
            "originality-check",
            pick.id(),
            src,
            pick.at(),
            false,
            stale(plan, st, team, pick, files, submitted.orElse(null), references)));
  }

  private static @Nullable String stale(
      EvaluationPlan plan,
      StageDef st,
      Team team,
      Check check,
      OriginalityStore.CheckedFiles files,
      Submissions.@Nullable Submission submitted,
      List<String> references) {
    String redo = "; run gukdae originality on the submitted weights";
    if (submitted == null) {
      return "no submitted weights recorded for team "
          + team.id()
          + " in stage "
          + st.number()
          + "; record them with gukdae stage submit --team "
          + team.id()
          + " --stage "
          + st.number()
          + " --weights DIR";
    }
    String changed = Submissions.changedOnDisk(submitted);
    if (changed != null) {
      return changed
          + "; submit the weights again (gukdae stage submit) and run gukdae originality on them";
    }
    if (files.candidate().isEmpty()) {
      return "check " + check.id() + " recorded no weight hashes" + redo;
    }
    String checked = Submissions.digest(files.candidate());
    if (!checked.equals(submitted.weightsSha256())) {
      return "weights mismatch: check "
          + check.id()
          + " compared weights "
          + checked.substring(0, 12)
          + " but team "
          + team.id()
          + " submitted "
          + submitted.weightsSha256().substring(0, 12)
          + " for stage "
          + st.number()
          + " (submission "
          + submitted.id()
          + ")"
          + redo;
    }
    List<String> absent =
        plan.originalityReferences().stream().filter(r -> !references.contains(r)).toList();
    if (!absent.isEmpty()) {
      return "the check did not compare against declared reference(s) " + absent;
    }
    return check.at().isBefore(FeatureEvidence.from(st))
        ? "checked before the stage started"
        : null;
  }
}
