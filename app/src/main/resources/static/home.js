// Landing page: where the programme stands (stage, teams, next evaluation date, last decision) from
// the public stage API, and where to go. Names come from programme files: set with textContent.
gukdaeI18n.add({
  ko: {
    "home.title": "국가대표 AI 파운데이션 모델 평가 플랫폼",
    "home.lead": "벤치마크, 블라인드 아레나, 독자성 검증, 파생 모델 집계, 단계 평가와 감사 원장을 한 곳에서.",
    "home.status": "프로그램 현황", "home.demo": "불러온 프로그램이 없어 데모 프로그램을 보여 줍니다 (실제 결과 아님).",
    "home.demoLoaded": "데모 프로그램입니다. 모든 팀과 숫자는 데모이며 실제 결과가 아닙니다.",
    "home.programme": "프로그램", "home.stage": "현재 단계", "home.next": "다음 평가일", "home.teams": "참여 팀",
    "home.decision": "최근 결정", "home.noDecision": "아직 없음", "home.stageOf": "{n}단계 / 전체 {total}단계",
    "home.finished": "모든 단계 종료", "home.teamsCount": "{n}개 팀", "home.decided": "{stage}단계: {survivors} 진출",
    "home.where": "어디로 갈까요", "home.leaderboardTitle": "아레나 리더보드",
    "home.arena": "두 모델의 답을 비교하고 투표하세요 (누구나)", "home.leaderboard": "투표로 만든 순위와 95% 구간",
    "home.eval": "벤치마크 실행 결과와 문항별 답변", "home.stageLink": "배점, 증거, 결정과 보고서",
    "home.originality": "가중치 유사도와 독자성 판정", "home.lineage": "파생 모델 집계",
    "home.review": "전문가 평가위원 작업 공간", "home.officeTitle": "공모와 선정", "home.office": "사무국: 공모, 심사, 자원 배분",
    "home.designationTitle": "K-AI 지정 확인", "home.designation": "지정 모델 확인", "home.dataTitle": "데이터 거버넌스",
    "home.data": "데이터 공급, 이용 계약, 품질 검사",
    "home.portfolioTitle": "포트폴리오 결정", "home.portfolio": "분야별 특화 모델, 충족 규칙과 기관 지원",
    "home.jobsTitle": "작업 진행", "home.jobs": "작업자가 나누어 처리하는 평가·검증·검사",
  },
  en: {
    "home.title": "Evaluation platform for national foundation models",
    "home.lead": "Benchmarks, blind arena, originality checks, derivative counts, stage decisions and an audit ledger in one place.",
    "home.status": "Programme status", "home.demo": "No programme is loaded, so the demo programme is shown (not real results).",
    "home.demoLoaded": "This is the demo programme: every team and number is a demo, not a real result.",
    "home.programme": "Programme", "home.stage": "Current stage", "home.next": "Next evaluation", "home.teams": "Teams",
    "home.decision": "Latest decision", "home.noDecision": "none yet", "home.stageOf": "stage {n} of {total}",
    "home.finished": "all stages finished", "home.teamsCount": "{n} teams", "home.decided": "stage {stage}: {survivors} continue",
    "home.where": "Where to go", "home.leaderboardTitle": "Arena leaderboard",
    "home.arena": "Compare two models' answers and vote (anyone)", "home.leaderboard": "Rankings from the votes, with 95% intervals",
    "home.eval": "Benchmark runs and each question's answer", "home.stageLink": "Scoring, evidence, decisions and reports",
    "home.originality": "Weight similarity and originality verdicts", "home.lineage": "Derivative model counts",
    "home.review": "Workspace for expert reviewers", "home.officeTitle": "Calls and selection", "home.office": "Office: calls, reviews, resources",
    "home.designationTitle": "K-AI designation check", "home.designation": "Check a designated model", "home.dataTitle": "Data governance",
    "home.data": "Data suppliers, agreements, quality checks",
    "home.portfolioTitle": "Portfolio decision", "home.portfolio": "Domain models, the coverage rule and institutes' funding",
    "home.jobsTitle": "Job progress", "home.jobs": "Evaluations, checks and scans shared out to workers",
  },
});
(function () {
  const $ = (id) => document.getElementById(id);
  const t = gukdaeI18n.t;
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));
  async function json(url) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(url + ": " + res.status);
    return res.json();
  }
  async function load() {
    try {
      const [p, decisions] = await Promise.all([json("/api/stage/programme"), json("/api/stage/decisions")]);
      const inForce = decisions.filter((d) => d.authoritative);
      const decided = new Set(inForce.map((d) => d.stage));
      const stages = [...p.stages].sort((a, b) => a.number - b.number);
      const current = stages.find((s) => !decided.has(s.number));
      // a loaded demo programme, or none loaded (the demo shown as a preview): either way not real
      $("status-demo").hidden = p.loaded && !p.demo;
      $("status-demo").textContent = t(p.loaded ? "home.demoLoaded" : "home.demo");
      $("status-programme").textContent = p.name + " · " + p.version;
      $("status-stage").textContent = current
        ? fill(t("home.stageOf"), { n: current.number, total: stages.length }) : t("home.finished");
      $("status-next").textContent = current ? current.evaluationDate : "–";
      const stageNo = current ? current.number : stages.length;
      const active = p.teams.filter((tm) => tm.joinedStage <= stageNo && tm.leftAfterStage >= stageNo);
      $("status-teams").textContent = fill(t("home.teamsCount"), { n: active.length }) + " — " + active.map((tm) => tm.name).join(", ");
      const last = inForce[inForce.length - 1];
      $("status-decision").textContent = last
        ? fill(t("home.decided"), { stage: last.stage, survivors: last.survivors.join(", ") }) + " (" + last.recordedAt.slice(0, 10) + ")"
        : t("home.noDecision");
      $("status-error").textContent = "";
    } catch (e) { $("status-error").textContent = e.message; }
  }
  document.addEventListener("DOMContentLoaded", () => { load(); document.addEventListener("gukdae:lang", load); });
})();
