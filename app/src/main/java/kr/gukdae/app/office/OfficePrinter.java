package kr.gukdae.app.office;

import static kr.gukdae.cli.Terminal.pick;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.gukdae.call.Calls;
import kr.gukdae.call.Violation;
import kr.gukdae.cli.Terminal;
import kr.gukdae.designation.Designation;
import kr.gukdae.office.OfficeProgramme;
import kr.gukdae.openness.OpenLevel;
import kr.gukdae.openness.OpenLevelHistory;
import kr.gukdae.openness.OpenSourceCheck;
import kr.gukdae.resources.Allocation;
import kr.gukdae.resources.Compute;
import kr.gukdae.resources.GpuRules;
import kr.gukdae.resources.SelfPayments;
import kr.gukdae.resources.StageAllocations;
import kr.gukdae.selection.Round;
import kr.gukdae.selection.RoundResult;
import kr.gukdae.selection.Selection;
import org.jspecify.annotations.Nullable;

/**
 * What {@code gukdae office} prints, in the run's language ({@code --lang ko|en}). Ids, numbers and
 * paths are printed as they are; the reasons core records (round reasons and notes, lapse reasons,
 * open-source findings) in the run's language, those recorded in English before reasons were
 * bilingual in their own words.
 */
final class OfficePrinter {

  private OfficePrinter() {}

  /** The enums whose constants {@code office} prints; each has a Korean label in {@link #KO}. */
  static final List<Class<? extends Enum<?>>> LABELLED =
      List.of(
          RoundResult.Outcome.class,
          Round.Kind.class,
          OpenLevel.class,
          GpuRules.Mode.class,
          Designation.Kind.class);

  /** Korean labels of the constants; English prints the constant, as files and the API name it. */
  static final Map<Enum<?>, String> KO =
      Map.ofEntries(
          Map.entry(RoundResult.Outcome.SELECTED, "선정"),
          Map.entry(RoundResult.Outcome.NOT_SELECTED, "미선정"),
          Map.entry(RoundResult.Outcome.BELOW_THRESHOLD, "기준 미달"),
          Map.entry(RoundResult.Outcome.NO_MAJORITY, "과반 미달"),
          Map.entry(Round.Kind.DOCUMENT_SCREENING, "서류 심사"),
          Map.entry(Round.Kind.WRITTEN_REVIEW, "서면 평가"),
          Map.entry(Round.Kind.PRESENTATION, "발표 평가"),
          Map.entry(Round.Kind.BUDGET_REVIEW, "예산 검토"),
          Map.entry(OpenLevel.FULL_OPEN, "완전 공개"),
          Map.entry(OpenLevel.OPEN_WEIGHTS_COMMERCIAL, "가중치 공개(상업 이용 허용)"),
          Map.entry(OpenLevel.RESEARCH_ONLY, "연구용 공개"),
          Map.entry(OpenLevel.CLOSED, "비공개"),
          Map.entry(GpuRules.Mode.LEASE, "임대"),
          Map.entry(GpuRules.Mode.PURCHASE, "구매"),
          Map.entry(Designation.Kind.K_AI_MODEL, "K-AI 모델"),
          Map.entry(Designation.Kind.K_AI_COMPANY, "K-AI 기업"));

  /** A constant as the run's language names it. */
  static String label(@Nullable Enum<?> e) {
    if (e == null) {
      return "-";
    }
    return pick(KO.getOrDefault(e, e.name()), e.name());
  }

  static void programme(OfficeProgramme p) {
    String demo = p.demo() ? " [DEMO]" : "";
    String rounds =
        String.join(
            " → ",
            p.funnel().rounds().stream().map(r -> r.id() + " (" + r.rule().quota() + ")").toList());
    var c = p.call();
    int n = p.funnel().rounds().size();
    System.out.println(
        pick(
            String.format(
                Locale.ROOT,
                "%s, 버전 %s%s: 공모 %s (%s ~ %s), 라운드 %d개: %s",
                p.programme(),
                p.version(),
                demo,
                c.id(),
                c.opens(),
                c.closes(),
                n,
                rounds),
            String.format(
                Locale.ROOT,
                "%s, version %s%s: call %s (%s to %s), %d round(s): %s",
                p.programme(),
                p.version(),
                demo,
                c.id(),
                c.opens(),
                c.closes(),
                n,
                rounds)));
    p.sources()
        .forEach(s ->
            System.out.println(
                pick("출처 ", "source ") + s.id() + " (" + s.date() + "): " + s.title()));
  }

  static void violations(int applications, List<Violation> violations) {
    System.out.println(
        pick(
            "신청서 " + applications + "건, 위반 " + violations.size() + "건",
            applications + " application(s), " + violations.size() + " violation(s)"));
    violations.forEach(x -> System.out.println("  " + x.toString(Terminal.korean())));
  }

  static void exported(int count, Path to) {
    System.out.println(
        pick("신청서 " + count + "건을 내보냈습니다: " + to, "exported " + count + " applications to " + to));
  }

  static void sealed(Calls.Seal s) {
    int eligible = s.eligible().size();
    int violations = s.violations().size();
    System.out.println(
        pick(
            s.call() + " 봉인 (원장 seq " + s.seq() + "): 적격 " + eligible + "건; 위반 " + violations + "건",
            "sealed "
                + s.call()
                + " at ledger seq "
                + s.seq()
                + ": "
                + eligible
                + " eligible; "
                + violations
                + " violation(s)"));
    s.violations().forEach(v -> System.out.println("  " + Terminal.pick(v.text())));
  }

  static void assigned(Map<String, List<String>> reviewersOf, Map<String, Integer> load) {
    reviewersOf.forEach((app, rs) -> System.out.println(app + ": " + String.join(", ", rs)));
    System.out.println(pick("심사 부담: ", "load: ") + load);
  }

  static void stored(int sheets) {
    System.out.println(pick("심사표 " + sheets + "건 저장", "stored " + sheets + " sheets"));
  }

  static void round(RoundResult r) {
    System.out.println(
        pick(
            String.format(
                Locale.ROOT,
                "라운드 %s (%s): %s; 후보 %d개",
                r.round(),
                label(r.kind()),
                r.rule().text().ko(),
                r.candidates()),
            String.format(
                Locale.ROOT,
                "round %s (%s): %s; %d candidates",
                r.round(),
                r.kind(),
                r.rule().text().en(),
                r.candidates())));
    for (RoundResult.Line l : r.lines()) {
      System.out.printf(
          Locale.ROOT,
          "%3d %-16s %7.2f  %-15s %s%n",
          l.rank(),
          l.application(),
          l.total(),
          label(l.outcome()),
          l.reason().in(Terminal.korean()));
    }
    System.out.println(
        pick("선정: ", "selected: ")
            + (r.selected().isEmpty()
                ? pick("없음 (선정하지 않음)", "none (no award)")
                : String.join(", ", r.selected())));
    r.notes().forEach(n -> System.out.println(pick("참고: ", "note: ") + n.in(Terminal.korean())));
  }

  static void replayed(Selection.Replay r) {
    round(r.recomputed());
    System.out.println(
        r.matches()
            ? pick("원장에서 다시 계산: 결과가 같습니다", "recomputed from the ledger: SAME result")
            : pick(
                "원장에서 다시 계산: seq " + r.decisionSeq() + "의 결정과 다릅니다",
                "recomputed from the ledger: DIFFERENT from the decision at seq "
                    + r.decisionSeq()));
  }

  static void whatIf(Selection.WhatIf w, String criterion, double weight) {
    var now = w.base().selected();
    var then = w.changed().selected();
    System.out.println(
        pick(
            "현재 선정: " + now + "; " + criterion + " 가중치 " + weight + "일 때: " + then,
            "selected now: " + now + "; with " + criterion + " at " + weight + ": " + then));
    for (Selection.Move m : w.moves()) {
      System.out.println(
          "  "
              + m.application()
              + pick(": 순위 ", ": rank ")
              + m.rankBefore()
              + " -> "
              + m.rankAfter()
              + ", "
              + label(m.before())
              + (m.before() == m.after() ? "" : " -> " + label(m.after())));
    }
  }

  static void openLevel(
      String team, OpenSourceCheck.Finding finding, OpenLevelHistory.@Nullable Change change) {
    System.out.println(
        team
            + ": "
            + label(finding.level())
            + " ("
            + String.join(
                "; ", finding.reasons().stream().map(r -> r.in(Terminal.korean())).toList())
            + ")");
    System.out.println(
        change == null
            ? pick("변경 없음; 기록하지 않았습니다", "unchanged; nothing recorded")
            : pick("기록됨: ", "recorded: ") + label(change.from()) + " -> " + label(change.to()));
  }

  /** A recorded recomputation: the total, then each member's old and new share. */
  static void selfPayment(SelfPayments.Change c) {
    var after = c.after();
    System.out.println(
        pick(
            String.format(
                Locale.ROOT,
                "%s 등급의 자부담: %s; 기록 [%s]",
                label(after.level()),
                krw(after.total(), after.cash(), after.inKind()),
                c.call()),
            String.format(
                Locale.ROOT,
                "self-payment at %s: %s; recorded [%s]",
                after.level(),
                krw(after.total(), after.cash(), after.inKind()),
                c.call())));
    for (SelfPayments.MemberShare m : c.members()) {
      var b = m.before();
      System.out.println(
          "  "
              + m.organisation()
              + ": "
              + (b == null ? "-" : krw(b.total(), b.cash(), b.inKind()))
              + " -> "
              + krw(m.after().total(), m.after().cash(), m.after().inKind()));
    }
  }

  /** A recomputation recorded in the former shape: the level change and both totals. */
  static void selfPayment(SelfPayments.Legacy l) {
    var b = l.before();
    var a = l.after();
    System.out.println(
        pick(
            String.format(
                Locale.ROOT,
                "%s → %s 등급의 자부담 (이전 형식 기록, 계획·표 없음): %s -> %s",
                label(l.from()),
                label(l.to()),
                krw(b.total(), b.cash(), b.inKind()),
                krw(a.total(), a.cash(), a.inKind())),
            String.format(
                Locale.ROOT,
                "self-payment %s -> %s (recorded in the former shape, without plan or table): %s ->"
                    + " %s",
                l.from(),
                l.to(),
                krw(b.total(), b.cash(), b.inKind()),
                krw(a.total(), a.cash(), a.inKind()))));
  }

  /** "1,000 KRW (cash 500, in kind 500)" in the run's language. */
  private static String krw(long total, long cash, long inKind) {
    return String.format(
        Locale.ROOT,
        pick("%,d KRW (현금 %,d, 현물 %,d)", "%,d KRW (cash %,d, in kind %,d)"),
        total,
        cash,
        inKind);
  }

  static void replayedSelfPayment(long seq, boolean matches) {
    System.out.println(
        pick("  원장 seq ", "  ledger seq ")
            + seq
            + ": "
            + (matches ? pick("같음", "SAME") : pick("다름 (수정됨)", "DIFFERENT (edited)")));
  }

  static void noSelfPayment(String team) {
    System.out.println(
        team + pick(": 기록된 자부담 재계산이 없습니다", ": no self-payment recomputation recorded"));
  }

  static void allocations(
      List<Allocation> allocations, List<Compute.TeamAccount> accounts, String referenceType) {
    for (var a : allocations) {
      System.out.printf(
          Locale.ROOT,
          pick("%-12s %5d %-5s %s %s ~ %s%n", "%-12s %5d %-5s %s %s to %s%n"),
          a.team(),
          a.count(),
          a.gpuType(),
          label(a.mode()),
          a.from(),
          a.to());
    }
    for (var x : accounts) {
      System.out.printf(
          Locale.ROOT,
          pick("%-12s 약정 %,.0f %s-시간%n", "%-12s %,.0f %s-hours promised%n"),
          x.team(),
          x.promised(),
          referenceType);
    }
  }

  /** Each team's data budget and talent cap for the stage (kept), or the end of its support. */
  static void support(StageAllocations.Grant g) {
    for (StageAllocations.Line l : g.lines()) {
      System.out.println(
          l.kept()
              ? String.format(
                  Locale.ROOT,
                  pick(
                      "%-12s 단계 %d 데이터 예산 %,d원 추가, 인재 매칭 상한 연 %,d원",
                      "%-12s stage %d: data budget %,d KRW more, talent matching cap %,d KRW a year"),
                  l.team(),
                  g.stage(),
                  l.dataBudget(),
                  l.talentCapPerYear())
              : String.format(
                  Locale.ROOT,
                  pick(
                      "%-12s 단계 %d에 유지되지 않음: 데이터 지원은 %s에 끝납니다",
                      "%-12s not kept for stage %d: data support ends on %s"),
                  l.team(),
                  g.stage(),
                  g.from()));
    }
    if (g.data() != null) {
      System.out.println(pick("데이터 예산 출처: ", "data budget source: ") + g.data().source());
    }
    if (g.talent() != null) {
      System.out.println(pick("인재 상한 출처: ", "talent cap source: ") + g.talent().source());
    }
  }

  private static String lapse(Designation d) {
    var r = d.lapseReason();
    return r == null ? "-" : r.in(Terminal.korean());
  }

  static void designations(List<Designation> all) {
    all.forEach(d ->
        System.out.println(
            d.id()
                + "  "
                + label(d.kind())
                + "  "
                + d.holder()
                + "  "
                + d.from()
                + pick(" ~ ", " to ")
                + (d.to() == null ? pick("현재", "now") : d.to() + " (" + lapse(d) + ")")
                + pick("  엠블럼: ", "  emblem: ")
                + String.join(", ", d.emblemUsers())));
    if (all.isEmpty()) {
      System.out.println(pick("기록된 지정이 없습니다", "no designations recorded"));
    }
  }
}
