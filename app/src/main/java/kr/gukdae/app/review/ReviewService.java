package kr.gukdae.app.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;
import kr.gukdae.app.access.AccessDenied;
import kr.gukdae.app.programmes.Programmes;
import kr.gukdae.review.Artefact;
import kr.gukdae.review.Panel;
import kr.gukdae.review.ReviewBoard;
import kr.gukdae.review.ReviewSheet;
import kr.gukdae.review.Reviewer;
import kr.gukdae.stage.Program;
import kr.gukdae.stage.Team;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The expert review round of the current programme's stage: the office opens a panel, assigns
 * reviewers (never to a team they declared an affiliation with), attaches artefacts; a reviewer
 * sees only their own assignments, reads the artefacts, saves drafts and submits once; another
 * reviewer's sheet for a team stays hidden until one's own is submitted. A reviewer's account name
 * is their id on the programme's panel.
 */
@Service
public class ReviewService {

  private final ReviewStore store;
  private final Programmes programmes;
  private final ArtefactFiles artefacts;

  ReviewService(
      ReviewStore store,
      Programmes programmes,
      @Value("${gukdae.home}") Path home,
      @Value("${gukdae.review.max-artefact-bytes:268435456}") long maxArtefact) {
    this.store = store;
    this.programmes = programmes;
    this.artefacts = new ArtefactFiles(home.resolve("artefacts"), maxArtefact);
  }

  /** The largest artefact stored, in bytes ({@code gukdae.review.max-artefact-bytes}). */
  public long maxArtefactBytes() {
    return artefacts.limit();
  }

  record Round(Programmes.Loaded loaded, Panel panel, ReviewStore.PanelRow row) {
    Program program() {
      return loaded.program();
    }
  }

  /** Opens the panel for a stage of the current programme (once). */
  public long openPanel(int stage, String by) {
    Programmes.Loaded loaded = programmes.require();
    loaded.program().stage(stage);
    if (loaded.program().panel() == null) {
      throw UserError.of(
          "프로그램 '" + loaded.program().name() + "'에 선언된 심사위원단이 없습니다",
          "programme '" + loaded.program().name() + "' declares no review panel");
    }
    if (store.panel(loaded.id(), stage).isEmpty()) {
      try {
        store.createPanel(loaded.id(), stage, by);
      } catch (org.springframework.dao.DuplicateKeyException e) {
        // Opened by someone else a moment ago: the same panel.
      }
    }
    return store.panel(loaded.id(), stage).orElseThrow().id();
  }

  Round round(int stage) {
    Programmes.Loaded loaded = programmes.require();
    var row =
        store
            .panel(loaded.id(), stage)
            .orElseThrow(() ->
                UserError.of(
                    stage + "단계의 심사위원단이 없습니다. 사무국이 먼저 열어야 합니다",
                    "no review panel for stage " + stage + "; the office opens it first"));
    Panel panel = loaded.program().panel();
    if (panel == null) {
      // the panel was opened, then the programme file lost its panel
      throw UserError.of(
          "프로그램 '" + loaded.program().name() + "'에 선언된 심사위원단이 없습니다",
          "programme '" + loaded.program().name() + "' declares no review panel");
    }
    return new Round(loaded, panel, row);
  }

  private static Team team(Round r, String teamId) {
    return r.program().teamsIn(r.row().stage()).stream()
        .filter(t -> t.id().equals(teamId))
        .findFirst()
        .orElseThrow(() ->
            UserError.of(
                "팀 '" + teamId + "'은(는) " + r.row().stage() + "단계에 참가하지 않습니다",
                "team '" + teamId + "' does not compete in stage " + r.row().stage()));
  }

  /** Assigns a panel reviewer to a team; a declared affiliation with a member is refused. */
  public void assign(int stage, String reviewerId, String teamId, String by) {
    Round r = round(stage);
    Team team = team(r, teamId);
    Reviewer reviewer =
        r.panel()
            .reviewer(reviewerId)
            .orElseThrow(() ->
                UserError.of(
                    "'" + reviewerId + "'은(는) 이 프로그램 심사위원단의 심사위원이 아닙니다",
                    "'" + reviewerId + "' is not a reviewer on the programme's panel"));
    if (reviewer.conflictsWith(team.organisations())) {
      throw UserError.of(
          "심사위원 '"
              + reviewerId
              + "'은(는) 팀 '"
              + teamId
              + "'의 구성 기관과 소속 관계를 신고했습니다 (이해충돌이므로 다른 심사위원을 배정하세요)",
          "reviewer '"
              + reviewerId
              + "' declared an affiliation with a member of team '"
              + teamId
              + "' (conflict of interest; assign someone else)");
    }
    if (assigned(r, reviewerId, teamId)) {
      return;
    }
    store.assign(r.row().id(), reviewerId, teamId, by);
  }

  private boolean assigned(Round r, String reviewer, String team) {
    return store.assignments(r.row().id()).stream()
        .anyMatch(a -> a.reviewer().equals(reviewer) && a.team().equals(team));
  }

  /** Stores an artefact for a team; a technical report must be a PDF. Returns its id. */
  public long attach(
      int stage, String teamId, String kind, String fileName, byte[] content, String by) {
    return attach(stage, teamId, kind, fileName, new java.io.ByteArrayInputStream(content), by)
        .id();
  }

  /**
   * Streams an artefact into the store (hashed on the way, up to the configured limit) and records
   * it for a team; a technical report must be a PDF. Stage, team and kind are checked before a byte
   * is read; a refused upload leaves neither a file nor a row.
   */
  public Attached attach(
      int stage,
      String teamId,
      String kind,
      String fileName,
      java.io.InputStream content,
      String by) {
    Round r = round(stage);
    team(r, teamId);
    Artefact.Kind k;
    try {
      k = Artefact.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw UserError.of(
          "kind: TECHNICAL_REPORT, TRAINING_LOG, OTHER 중 하나여야 합니다. 받은 값은 '" + kind + "'입니다",
          "kind: TECHNICAL_REPORT, TRAINING_LOG or OTHER, got '" + kind + "'");
    }
    String name = fileName.replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
    if (name.isEmpty() || name.length() > 200) {
      name = "artefact";
    }
    ArtefactFiles.Stored stored = artefacts.store(content, k == Artefact.Kind.TECHNICAL_REPORT);
    String type = stored.pdf() ? "application/pdf" : "text/plain; charset=utf-8";
    long id =
        store.addArtefact(
            r.row().id(), teamId, k.name(), name, type, stored.sha256(), stored.size(), by);
    return new Attached(id, stored.sha256(), stored.size());
  }

  /** A stored artefact: its id, SHA-256 (computed while it streamed) and size. */
  public record Attached(long id, String sha256, long size) {}

  /** An artefact's file, checked against the recorded SHA-256 before anyone reads it. */
  public record Opened(String fileName, String mediaType, String sha256, long size, Path file) {}

  public Opened open(long id, String user, boolean office) {
    ReviewStore.Artefact a =
        store
            .artefact(id)
            .orElseThrow(() -> UserError.of("자료 " + id + "이(가) 없습니다", "no artefact " + id));
    if (!office && !assignedAnywhere(a.panelId(), user, a.team())) {
      throw denied(
          "배정되지 않은 팀의 자료입니다", "artefact " + id + " belongs to a team you are not assigned to");
    }
    Path file = artefacts.path(a.sha256());
    if (!Files.isRegularFile(file)) {
      throw UserError.of(
          "자료 " + id + "이(가) 자료 저장소에 없습니다",
          "artefact " + id + " is missing from the artefact store");
    }
    if (!artefacts.intact(a.sha256())) {
      throw new IllegalStateException(
          "artefact " + id + " no longer matches its recorded SHA-256; it was changed on disk");
    }
    return new Opened(a.fileName(), a.mediaType(), a.sha256(), a.size(), file);
  }

  private boolean assignedAnywhere(long panelId, String reviewer, String team) {
    return store.assignments(panelId).stream()
        .anyMatch(x -> x.reviewer().equals(reviewer) && x.team().equals(team));
  }

  /** Saves a draft or submits; only an assigned reviewer, and a submitted sheet is final. */
  public void save(
      int stage,
      String reviewer,
      String teamId,
      Map<String, Double> items,
      @Nullable String comment,
      boolean submit) {
    Round r = round(stage);
    Team team = team(r, teamId);
    if (!assigned(r, reviewer, teamId)) {
      throw denied("배정되지 않은 팀입니다", "you are not assigned to review team '" + teamId + "'");
    }
    if (r.panel().reviewer(reviewer).map(x -> x.conflictsWith(team.organisations())).orElse(true)) {
      throw denied(
          "이해 충돌: 이 팀을 평가할 수 없습니다",
          "conflict of interest: you may not review team '" + teamId + "'");
    }
    ReviewSheet sheet =
        new ReviewSheet(reviewer, teamId, items, Objects.requireNonNullElse(comment, ""));
    List<Bilingual> problems = new ArrayList<>(r.panel().problems(sheet));
    if (!submit) {
      // a draft may be unfinished
      problems.removeIf(p -> p.en().endsWith("has no score"));
    }
    if (!problems.isEmpty()) {
      throw UserError.of(
          "팀 '" + teamId + "'의 심사표: " + ReviewBoard.halves(problems, true),
          "sheet for team '" + teamId + "': " + ReviewBoard.halves(problems, false));
    }
    if (!store.save(r.row().id(), reviewer, teamId, sheet.itemScores(), sheet.comment(), submit)) {
      throw UserError.of(
          "팀 '" + teamId + "'에 대한 심사표는 이미 제출되어 확정되었습니다",
          "your sheet for team '" + teamId + "' is already submitted and final");
    }
  }

  private static AccessDenied denied(String ko, String en) {
    return new AccessDenied(HttpStatus.FORBIDDEN, "forbidden", UserError.both(ko, en));
  }

  /** A submitted sheet with the artefacts of its team, as evidence links reach it. */
  public record SheetDetail(
      long id,
      String team,
      String reviewer,
      Map<String, Double> items,
      String comment,
      String status,
      @Nullable String submittedAt,
      List<ArtefactView> artefacts) {}

  /**
   * One submitted sheet: the office always; a reviewer only for a team they are assigned to and
   * once their own sheet for it is submitted (the rule of {@link #mine}); nobody else (the public
   * sees the aggregate through the disclosure policy, never a sheet).
   */
  public SheetDetail sheet(long id, String viewer, boolean office) {
    ReviewStore.Sheet s =
        store
            .sheet(id)
            .filter(ReviewStore.Sheet::submitted)
            .orElseThrow(() ->
                UserError.of("제출된 심사표 " + id + "이(가) 없습니다", "no submitted review sheet " + id));
    if (!office && !s.reviewer().equals(viewer)) {
      boolean ownSubmitted =
          store
              .sheet(s.panelId(), viewer, s.team())
              .map(ReviewStore.Sheet::submitted)
              .orElse(false);
      if (!ownSubmitted) {
        throw denied(
            "본인 평가표를 제출한 배정 팀의 평가표만 볼 수 있습니다",
            "you see other sheets of a team you are assigned to once your own is submitted");
      }
    }
    List<ArtefactView> artefacts =
        store.artefacts(s.panelId()).stream()
            .filter(x -> x.team().equals(s.team()))
            .map(x -> new ArtefactView(x.id(), x.kind(), x.fileName(), x.sha256(), x.size()))
            .toList();
    return new SheetDetail(
        s.id(),
        s.team(),
        s.reviewer(),
        s.items(),
        s.comment(),
        s.status(),
        s.submittedAt() == null ? null : s.submittedAt().toString(),
        artefacts);
  }

  /** What one reviewer sees: their assignments, artefacts, own sheets, others' once submitted. */
  public record Assignment(
      String team,
      String teamName,
      List<ArtefactView> artefacts,
      @Nullable SheetView mine,
      List<SheetView> others) {}

  public record ArtefactView(long id, String kind, String fileName, String sha256, long size) {}

  public record SheetView(
      long id, String reviewer, Map<String, Double> items, String comment, String status) {}

  public record Mine(int stage, Panel panel, List<Assignment> assignments) {}

  public Mine mine(int stage, String reviewer) {
    Round r = round(stage);
    List<ReviewStore.Sheet> sheets = store.sheets(r.row().id());
    List<Assignment> out = new ArrayList<>();
    for (ReviewStore.Assignment a : store.assignments(r.row().id())) {
      if (!a.reviewer().equals(reviewer)) {
        continue;
      }
      SheetView own =
          sheets.stream()
              .filter(s -> s.team().equals(a.team()) && s.reviewer().equals(reviewer))
              .findFirst()
              .map(ReviewService::view)
              .orElse(null);
      boolean submitted = own != null && own.status().equals("SUBMITTED");
      List<SheetView> others =
          submitted
              ? sheets.stream()
                  .filter(s -> s.team().equals(a.team()) && !s.reviewer().equals(reviewer))
                  .filter(ReviewStore.Sheet::submitted)
                  .map(ReviewService::view)
                  .toList()
              : List.of();
      out.add(
          new Assignment(a.team(), team(r, a.team()).name(), artefacts(r, a.team()), own, others));
    }
    return new Mine(stage, r.panel(), out);
  }

  private List<ArtefactView> artefacts(Round r, String team) {
    return store.artefacts(r.row().id()).stream()
        .filter(x -> x.team().equals(team))
        .map(x -> new ArtefactView(x.id(), x.kind(), x.fileName(), x.sha256(), x.size()))
        .toList();
  }

  private static SheetView view(ReviewStore.Sheet s) {
    return new SheetView(s.id(), s.reviewer(), s.items(), s.comment(), s.status());
  }

  /** The office's view: per team the assignments, submissions and the aggregate once possible. */
  public record TeamProgress(
      String team,
      String name,
      List<String> assigned,
      List<String> submitted,
      @Nullable Double aggregate,
      String rule,
      List<ArtefactView> artefacts,
      List<SheetView> sheets) {}

  public List<TeamProgress> progress(int stage) {
    Round r = round(stage);
    List<ReviewStore.Sheet> sheets = store.sheets(r.row().id());
    List<ReviewStore.Assignment> assignments = store.assignments(r.row().id());
    List<TeamProgress> out = new ArrayList<>();
    for (Team t : r.program().teamsIn(stage)) {
      List<ReviewStore.Sheet> done =
          sheets.stream().filter(s -> s.team().equals(t.id()) && s.submitted()).toList();
      List<Double> scores =
          done.stream()
              .map(s -> r.panel().normalised(new ReviewSheet(s.reviewer(), t.id(), s.items(), "")))
              .toList();
      Double aggregate =
          scores.size() >= r.panel().aggregation().minimumScores()
              ? r.panel().aggregation().apply(scores)
              : null;
      out.add(
          new TeamProgress(
              t.id(),
              t.name(),
              assignments.stream()
                  .filter(a -> a.team().equals(t.id()))
                  .map(ReviewStore.Assignment::reviewer)
                  .toList(),
              done.stream().map(ReviewStore.Sheet::reviewer).toList(),
              aggregate,
              r.panel().aggregation().name(),
              artefacts(r, t.id()),
              done.stream().map(ReviewService::view).toList()));
    }
    return out;
  }
}
