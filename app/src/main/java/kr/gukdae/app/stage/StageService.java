package kr.gukdae.app.stage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import kr.gukdae.Bilingual;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.app.programmes.Programmes;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.review.ReviewBoard;
import kr.gukdae.stage.EvaluationPlan;
import kr.gukdae.stage.Evidence;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.Stages;
import kr.gukdae.stage.Team;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence chain's one entry: load the programme, gather what the features measured, import
 * evidence produced elsewhere, show readiness, and record one authoritative decision per stage.
 */
@Service
public class StageService {

  private final Programmes programmes;
  private final Workspace workspace;
  private final FeatureEvidence features;
  private final Decisions decisions;
  private final Ledger ledger;
  private final TransactionTemplate tx;
  private final Submissions submissions;

  StageService(
      Submissions submissions,
      Programmes programmes,
      Workspace workspace,
      FeatureEvidence features,
      Decisions decisions,
      Ledger ledger,
      DataSource dataSource) {
    this.submissions = submissions;
    this.programmes = programmes;
    this.workspace = workspace;
    this.features = features;
    this.decisions = decisions;
    this.ledger = ledger;
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  public Workspace workspace() {
    return workspace;
  }

  public Programmes programmes() {
    return programmes;
  }

  /**
   * Records the weights a team submitted for a stage (hashed here); the originality gate counts
   * only a check of exactly these files.
   */
  public Submissions.Submission submit(
      Programmes.Loaded loaded, int stage, String team, Path weights, String by) {
    return submissions.submit(loaded, stage, team, weights, by);
  }

  public Programmes.Loaded load(Path file, String by) {
    try {
      if (Files.size(file) > 2L * 1024 * 1024) {
        throw UserError.of(
            file + ": 프로그램 파일이 2 MiB보다 큽니다", file + ": programme file is larger than 2 MiB");
      }
      return programmes.load(Files.readString(file, StandardCharsets.UTF_8), file.toString(), by);
    } catch (IOException e) {
      throw UserError.of(
          "프로그램 " + file + "을(를) 읽을 수 없습니다: " + e.getMessage(),
          "cannot read programme " + file + ": " + e.getMessage(),
          e);
    }
  }

  /** Records what the features measured since the last look; returns every record of the stage. */
  public List<StageEvidence> gather(Programmes.Loaded loaded, int stage) {
    loaded.program().stage(stage);
    for (StageEvidence d : features.collect(loaded.id(), loaded.program(), stage)) {
      workspace.record(d);
    }
    return workspace.evidence(loaded.id(), stage);
  }

  Readiness status(Programmes.Loaded loaded, int stage) {
    return Readiness.of(loaded.program(), stage, gather(loaded, stage));
  }

  /**
   * Imports an evidence file: every record must be for a team of the stage, for this stage, for a
   * slot the scheme has, and not repeat a record in the file or one already counting; otherwise one
   * error lists the problems and nothing is recorded.
   */
  public List<StageEvidence> importFile(Programmes.Loaded loaded, int stage, @Nullable Path file) {
    if (file == null) {
      if (!loaded.program().demo()) {
        throw UserError.of(
            "데모 근거 자료는 데모 프로그램에만 쓸 수 있습니다", "the demo evidence belongs to the demo programme only");
      }
      List<Evidence> demo = EvidenceLoader.demo();
      return importRecords(
          loaded,
          stage,
          demo,
          "demo evidence-stage1.yaml",
          Sha256.hex(demo.stream().map(kr.gukdae.stage.EvidenceJson::write).toList().toString()));
    }
    List<Evidence> records = EvidenceLoader.load(file);
    try {
      return importRecords(
          loaded, stage, records, file.toString(), Sha256.hex(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw UserError.of(
          "근거 자료 " + file + "을(를) 읽을 수 없습니다: " + e.getMessage(),
          "cannot read evidence " + file + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Loads the demo programme into the workspace. Refused when the database already holds a real
   * programme: the demo never writes next to, or over, a programme office's data.
   */
  public Programmes.Loaded loadDemo(String by) {
    return programmes.load(
        kr.gukdae.stage.ProgramLoader.demo().source(), "demo programme.yaml", by);
  }

  private List<StageEvidence> importRecords(
      Programmes.Loaded loaded, int stage, List<Evidence> records, String file, String sha) {
    Program p = loaded.program();
    p.stage(stage);
    List<StageEvidence> existing = gather(loaded, stage);
    Set<String> benchmarks = new HashSet<>();
    EvaluationPlan.slots(p).forEach(s -> benchmarks.add(s.group() + "/" + s.benchmark()));
    List<Bilingual> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<StageEvidence> drafts = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Evidence e = records.get(i);
      String at = "evidence[" + i + "]";
      Team team = p.team(e.team()).orElse(null);
      String key = e.team() + "|" + StageEvidenceKeys.key(e);
      if (team == null) {
        problems.add(
            new Bilingual(
                at + ".team: '" + e.team() + "'은(는) 프로그램 " + p.name() + "의 팀이 아닙니다",
                at + ".team: '" + e.team() + "' is not a team of programme " + p.name()));
      } else if (e.stage() != stage) {
        problems.add(
            new Bilingual(
                at + ".stage: " + e.stage() + "이지만 이 가져오기는 " + stage + "단계용입니다",
                at + ".stage: " + e.stage() + " but this import is for stage " + stage));
      } else if (!team.competesIn(stage) || FeatureEvidence.model(team, stage) == null) {
        problems.add(
            new Bilingual(
                at + ".team: '" + e.team() + "'은(는) " + stage + "단계에 제출한 모델이 없습니다",
                at + ".team: '" + e.team() + "' has no submitted model in stage " + stage));
      } else if (e instanceof Evidence.BenchmarkResult b
          && !benchmarks.contains(b.group() + "/" + b.benchmark())) {
        String named = b.group() + "/" + b.benchmark();
        problems.add(
            new Bilingual(
                at + ".benchmark: '" + named + "'은(는) 배점 체계에 없습니다",
                at + ".benchmark: '" + named + "' is not in the scheme"));
      } else if (!counted(p, e)) {
        String kind = kr.gukdae.stage.EvidenceJson.kind(e);
        problems.add(
            new Bilingual(
                at + ".type: 배점 체계에 " + kind + " 항목이 없어 아무것도 이를 세지 않습니다",
                at + ".type: the scheme has no " + kind + " component; nothing would count it"));
      } else if (e instanceof Evidence.ReviewScore r && reviewProblem(p, team, r) != null) {
        problems.add(
            new Bilingual(at, at)
                .joined(": ", Objects.requireNonNull(reviewProblem(p, team, r), "checked above")));
      } else if (!seen.add(key)) {
        problems.add(
            new Bilingual(
                at + ": 같은 파일에 " + key + " 기록이 두 번 있습니다",
                at + ": a second record for " + key + " in the same file"));
      } else if (existing.stream()
          .anyMatch(x -> x.counts() && (x.team() + "|" + x.kind() + "|" + x.slot()).equals(key))) {
        problems.add(
            new Bilingual(
                at + ": " + key + "은(는) 이미 기록돼 있습니다. 두 번 세지 않습니다",
                at + ": " + key + " is already recorded; nothing is counted twice"));
      } else {
        drafts.add(
            Drafts.draft(
                loaded.id(),
                // checked above: the team has a submitted model in this stage
                Objects.requireNonNull(FeatureEvidence.model(team, stage), "model"),
                e,
                "import",
                Path.of(file).getFileName() + "#" + i,
                Map.of("file", file, "fileSha256", sha, "index", i),
                Instant.now(),
                true,
                null));
      }
    }
    if (!problems.isEmpty()) {
      throw UserError.of(
          file
              + ": 문제 "
              + problems.size()
              + "건이 있어 아무것도 가져오지 않았습니다: "
              + String.join(" | ", problems.stream().map(Bilingual::ko).toList()),
          file
              + ": "
              + problems.size()
              + " problem(s), nothing imported: "
              + String.join(" | ", problems.stream().map(Bilingual::en).toList()));
    }
    return tx.execute(s -> drafts.stream().map(workspace::record).toList());
  }

  /** Whether the scheme has a place for this kind of record. */
  private static boolean counted(Program p, Evidence e) {
    var kinds = p.scheme().components().stream().map(kr.gukdae.stage.Component::kind).toList();
    return switch (e) {
      case Evidence.BenchmarkResult b -> true; // checked against the slots above
      case Evidence.ReviewScore r -> kinds.contains(kr.gukdae.stage.ComponentKind.EXPERT_REVIEW);
      case Evidence.UserEvaluation u ->
          kinds.contains(kr.gukdae.stage.ComponentKind.USER_EVALUATION);
      case Evidence.DerivativeCount d -> kinds.contains(kr.gukdae.stage.ComponentKind.DERIVATIVES);
      case Evidence.OriginalityVerdict o -> p.scheme().originalityGate();
    };
  }

  /** Why a review sheet may not count: an unknown or conflicted reviewer, a bad item. */
  private static @Nullable Bilingual reviewProblem(Program p, Team team, Evidence.ReviewScore r) {
    if (p.panel() == null) {
      return new Bilingual("프로그램에 심사위원단이 없습니다", "the programme has no review panel");
    }
    var sheet = new kr.gukdae.review.ReviewSheet(r.reviewer(), r.team(), r.items(), r.comment());
    List<Bilingual> problems = p.panel().problems(sheet);
    if (!problems.isEmpty()) {
      return new Bilingual(ReviewBoard.halves(problems, true), ReviewBoard.halves(problems, false));
    }
    if (p.panel().reviewer(r.reviewer()).orElseThrow().conflictsWith(team.organisations())) {
      return new Bilingual(
          "심사위원 '" + r.reviewer() + "'이(가) 팀 '" + team.id() + "'과(와)의 관계를 신고했습니다 (이해 충돌)",
          "reviewer '"
              + r.reviewer()
              + "' declared an affiliation with team '"
              + team.id()
              + "' (conflict of interest)");
    }
    return null;
  }

  /** Whether a stage of programmes of this name already has a decision in force. */
  public boolean decided(Programmes.Loaded loaded, int stage) {
    return decisions.authoritative(loaded.program().name(), stage).isPresent();
  }

  /** A recorded decision and the row that makes it authoritative. */
  public record Decided(StageResult result, long ledgerSeq, @Nullable Long supersedesSeq) {}

  /**
   * Decides a stage from the evidence that counts. A stage already decided needs the office role
   * and a reason; the new decision supersedes the earlier one, and both stay in the ledger.
   */
  public Decided decide(
      Programmes.Loaded loaded, int stage, String by, boolean office, @Nullable String reason) {
    Program p = loaded.program();
    // The decision this one would supersede is read before gathering (which can take a while):
    // two offices deciding at once then name the same one, and the chain key lets one through.
    var earlier = decisions.authoritative(p.name(), stage);
    List<StageEvidence> counted =
        gather(loaded, stage).stream().filter(StageEvidence::counts).toList();
    String why = reason == null ? "" : reason.strip();
    if (earlier.isPresent()) {
      if (!office) {
        throw UserError.of(
            "stage "
                + stage
                + ": 이미 결정되었습니다 (원장 seq "
                + earlier.get().ledgerSeq()
                + "). 새 결정은 프로그램 사무국만 기록할 수 있습니다",
            "stage "
                + stage
                + " is already decided (ledger seq "
                + earlier.get().ledgerSeq()
                + "); only the programme office may record a new decision");
      }
      if (why.isEmpty()) {
        throw UserError.of(
            "stage "
                + stage
                + ": 이미 결정되었습니다 (원장 seq "
                + earlier.get().ledgerSeq()
                + "). 이를 대체할 새 결정을 기록하려면 사유(--reason TEXT)를 적으세요",
            "stage "
                + stage
                + " is already decided (ledger seq "
                + earlier.get().ledgerSeq()
                + "); give a reason (--reason TEXT) to record a new decision that supersedes it");
      }
    }
    if (why.length() > 2000) {
      throw UserError.of("--reason: 최대 2000자까지 쓸 수 있습니다", "--reason: at most 2000 characters");
    }
    List<Stages.Input> inputs =
        counted.stream().map(e -> new Stages.Input(e.evidence(), provenance(e))).toList();
    Stages.evaluate(p, stage, inputs.stream().map(Stages.Input::evidence).toList());
    Long supersedes = earlier.map(Decisions.Row::id).orElse(null);
    Long supersededSeq = earlier.map(Decisions.Row::ledgerSeq).orElse(null);
    return tx.execute(s -> {
      long id =
          decisions.claim(loaded.id(), p.name(), stage, by, why.isEmpty() ? null : why, supersedes);
      Map<String, Object> extras = new LinkedHashMap<>();
      extras.put("decidedBy", by);
      extras.put("programmeId", loaded.id());
      if (supersededSeq != null) {
        extras.put("supersedes", supersededSeq);
        extras.put("reason", why);
      }
      StageResult result = Stages.run(p, stage, inputs, ledger, extras);
      long seq = ledger.entries().getLast().seq();
      decisions.recorded(id, seq);
      return new Decided(result, seq, supersededSeq);
    });
  }

  private static Map<String, Object> provenance(StageEvidence e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("evidence", e.id());
    m.put("model", e.model());
    m.put("source", e.sourceKind() + ":" + e.sourceId());
    m.put("contentSha256", e.contentHash());
    m.put("imported", e.imported());
    return m;
  }
}
