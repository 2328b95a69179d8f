// Stage page: programme, readiness of the evidence, decisions and (for the office) why each team got
// its outcome, with links to every record behind each number. Untrusted text goes through textContent.
gukdaeI18n.add({
  ko: {
    "stage.title": "단계 평가", "stage.lead": "증거 → 점수 → 결정 → 보고서. 모든 기록은 해시 체인 원장에 남습니다.",
    "stage.demo": "데모 프로그램 (실제 결과 아님)", "stage.notLoaded": "불러온 프로그램이 없습니다 (gukdae stage load). 아래는 데모 프로그램 미리보기입니다.",
    "stage.programme": "프로그램", "stage.scheme": "평가 배점", "stage.teams": "팀", "stage.stages": "단계",
    "stage.readiness": "증거 준비 상태", "stage.complete": "모든 증거 준비됨", "stage.incomplete": "증거 부족",
    "stage.decisions": "결정", "stage.audit": "감사 원장", "stage.why": "결정 이유",
    "stage.cutLine": "커트라인", "stage.authoritative": "유효", "stage.superseded": "대체됨",
    "stage.officeOnly": "팀별 상세와 근거는 사무국 계정으로 로그인하면 보입니다.",
    "col.component": "항목", "col.points": "배점", "col.kind": "종류", "col.team": "팀", "col.members": "구성원",
    "col.target": "목표 모델", "col.joined": "합류 단계", "col.stage": "단계", "col.date": "평가일",
    "col.survivors": "진출 예정", "col.seq": "원장 번호", "col.recorded": "기록 시각", "col.continue": "진출",
    "col.rank": "순위", "col.total": "총점", "col.outcome": "결과", "col.gate": "독자성", "col.report": "보고서",
    "col.state": "상태", "col.detail": "내용", "col.evidence": "증거", "col.status": "효력", "col.reason": "사유",
    "col.score": "점수", "col.max": "만점", "col.average": "전체 평균", "col.rule": "적용 규칙",
    "report.public": "공개 요약", "report.team": "팀 보고서", "audit.ok": "무결성 확인", "audit.broken": "변조 감지",
    "state.PRESENT": "있음", "state.MISSING": "없음", "state.STALE": "유효하지 않음", "state.PARTIAL": "일부",
    "source": "근거", "stage.clean": "오염 제외 점수", "stage.notAudited": "오염 감사 안 됨",
    "stage.contaminated": "오염 문항", "benchmark": "벤치마크",
    "stage.tieBreak": "동점 처리", "stage.pointsFunction": "배점 함수", "stage.note": "참고",
  },
  en: {
    "stage.title": "Stage evaluation", "stage.lead": "Evidence → scores → decision → reports. Every record is kept in a hash-chained ledger.",
    "stage.demo": "Demo programme (not real results)", "stage.notLoaded": "No programme is loaded (gukdae stage load); the demo programme is shown as a preview.",
    "stage.programme": "Programme", "stage.scheme": "Scoring scheme", "stage.teams": "Teams", "stage.stages": "Stages",
    "stage.readiness": "Evidence readiness", "stage.complete": "all evidence present", "stage.incomplete": "evidence incomplete",
    "stage.decisions": "Decisions", "stage.audit": "Audit ledger", "stage.why": "Why",
    "stage.cutLine": "Cut line", "stage.authoritative": "in force", "stage.superseded": "superseded",
    "stage.officeOnly": "Per-team details and their evidence are shown to the programme office once signed in.",
    "col.component": "Component", "col.points": "Points", "col.kind": "Kind", "col.team": "Team", "col.members": "Members",
    "col.target": "Target model", "col.joined": "Joined", "col.stage": "Stage", "col.date": "Evaluated",
    "col.survivors": "Planned survivors", "col.seq": "Ledger seq", "col.recorded": "Recorded", "col.continue": "Continuing",
    "col.rank": "Rank", "col.total": "Total", "col.outcome": "Outcome", "col.gate": "Originality", "col.report": "Reports",
    "col.state": "State", "col.detail": "Detail", "col.evidence": "Evidence", "col.status": "Status", "col.reason": "Reason",
    "col.score": "Points", "col.max": "Max", "col.average": "Field average", "col.rule": "Rule applied",
    "report.public": "public summary", "report.team": "team report", "audit.ok": "intact", "audit.broken": "TAMPERING DETECTED",
    "state.PRESENT": "present", "state.MISSING": "missing", "state.STALE": "stale", "state.PARTIAL": "partial",
    "source": "source", "stage.clean": "clean subset", "stage.notAudited": "not audited for contamination",
    "stage.contaminated": "contaminated items", "benchmark": "Benchmark",
    "stage.tieBreak": "Tie-break", "stage.pointsFunction": "Points function", "stage.note": "Note",
  },
});

const t = (k) => gukdaeI18n.t(k);
// A {ko, en} text from the API (recorded stage sentences read for display) in the chosen language.
const pick = (b) => b[gukdaeI18n.lang()] || b.en;

function para(className, text) {
  const p = document.createElement("p");
  p.className = className; p.textContent = text;
  return p;
}
let roles = [];

// Headers are i18n keys here.
const table = (el, headers, rows) => gukdaeTable(el, headers.map(t), rows);

function link(text, href) {
  const a = document.createElement("a");
  a.href = href; a.textContent = text; a.target = "_blank"; a.rel = "noopener";
  return a;
}

function links(items) {
  const span = document.createElement("span");
  items.forEach((x, i) => { if (i) span.append(" "); span.append(x); });
  return span;
}

// Each source as its trail: evidence row → feature output → what that was computed from.
function trails(sources) {
  const box = document.createElement("span");
  sources.forEach((s, i) => {
    if (i) box.append(" · ");
    const steps = s.trail && s.trail.length ? s.trail : [{ label: "#" + s.evidence, href: s.evidenceLink }];
    steps.forEach((step, k) => { if (k) box.append(" → "); box.append(link(step.label, step.href)); });
  });
  return box;
}

async function json(url, options) {
  const r = await fetch(url, options);
  if (!r.ok) {
    const body = await r.json().catch(() => ({}));
    throw new Error(gukdaeI18n.problem(body, `${r.status} ${r.statusText}`));
  }
  return r.json();
}

const n = (x) => (x == null ? "–" : Number(x).toFixed(2));
const stageNo = () => Number(document.getElementById("stage-no").value || 1);

async function loadProgramme() {
  const p = await json("/api/stage/programme");
  document.getElementById("programme").textContent = `${p.name} · ${p.version} · ${pick(p.pointsFunctionText)}`;
  document.getElementById("tie-break").textContent = `${t("stage.tieBreak")}: ${pick(p.tieBreakRule)}`;
  document.getElementById("demo-flag").hidden = !p.demo;
  document.getElementById("not-loaded").hidden = p.loaded;
  table(document.getElementById("scheme"), ["col.component", "col.kind", "col.points"],
    p.components.map((c) => [c.id, gukdaeI18n.label(c.kind), c.points]).concat([[t("col.total"), "", p.total]]));
  table(document.getElementById("teams"), ["col.team", "col.members", "col.target", "col.joined"],
    p.teams.map((tm) => [tm.name, tm.members.map((m) => `${m.organisation} (${gukdaeI18n.label(m.role)})`).join(", "),
      tm.targetModel, tm.joinedStage]));
  table(document.getElementById("stages"), ["col.stage", "col.date", "col.survivors"],
    p.stages.map((s) => [s.number, s.evaluationDate, s.plannedSurvivors]));
  return p;
}

async function loadReadiness() {
  const r = await json(`/api/stage/status?stage=${stageNo()}`);
  document.getElementById("readiness-summary").textContent = t(r.complete ? "stage.complete" : "stage.incomplete");
  const rows = [];
  r.teams.forEach((tm) => tm.items.forEach((i) => rows.push([tm.team, i.component, gukdaeI18n.label(i.state),
    i.detail || "", links(i.evidence.map((id) => roles.includes("OFFICE") ? link("#" + id, `/api/stage/evidence/${id}`) : "#" + id))])));
  const tbl = document.getElementById("readiness");
  table(tbl, ["col.team", "col.component", "col.state", "col.detail", "col.evidence"], rows);
  [...tbl.rows].slice(1).forEach((row, k) => { row.className = "state-" + r.teams.flatMap((x) => x.items)[k].state; });
}

async function showExplanation(seq) {
  const x = await json(`/api/stage/decisions/${seq}/explain`);
  const box = document.getElementById("decision");
  box.replaceChildren();
  const lang = gukdaeI18n.lang();
  const head = document.createElement("p");
  head.textContent = `${t("stage.cutLine")}: ${n(x.cutLine)}` + (x.reason ? ` · ${t("col.reason")}: ${x.reason}` : "");
  box.appendChild(head);
  box.appendChild(para("tie-break-rule", `${t("stage.tieBreak")}: ${pick(x.tieBreakRule)}`));
  box.appendChild(para("points-function", `${t("stage.pointsFunction")}: ${pick(x.pointsFunction)}`));
  x.notes.forEach((note) => box.appendChild(para("note", `${t("stage.note")}: ${pick(note)}`)));
  x.teams.forEach((tv) => {
    const e = tv.explanation;
    const h = document.createElement("h3");
    h.textContent = `${e.rank}. ${e.name} — ${n(e.total)} — ${e.outcomeLabel[lang] || e.outcomeLabel.en}`;
    h.className = "team-" + e.team;
    box.appendChild(h);
    const why = document.createElement("p");
    why.className = "rule";
    why.textContent = `${t("stage.why")}: ${e.rule[lang] || e.rule.en}`;
    box.appendChild(why);
    const tbl = document.createElement("table");
    box.appendChild(tbl);
    table(tbl, ["col.component", "col.score", "col.max", "col.average", "source"],
      tv.components.map((c) => [t(c.line.id) === c.line.id ? c.line.id : t(c.line.id), n(c.line.points), n(c.line.max), n(c.line.average),
        trails(c.sources)])
        .concat([[t("col.gate"), e.gatePassed ? "✓" : "✗ " + pick(e.gateReasonText), "", "",
          trails(tv.gate)]]));
    const ratios = tv.components.flatMap((c) => c.ratios || []);
    if (ratios.length) {
      const rt = document.createElement("table");
      rt.className = "ratios";
      box.appendChild(rt);
      table(rt, ["benchmark", "col.score", "stage.clean"], ratios.map((r) => [r.benchmark, n(r.score),
        r.clean ? `${n(r.clean.clean)} (${n(r.clean.full)}; ${r.clean.contaminated}/${r.clean.items} ${t("stage.contaminated")}, ${r.clean.method})`
          : t("stage.notAudited")]));
    }
    const rep = document.createElement("p");
    rep.appendChild(link(t("report.team"), `/api/stage/decisions/${seq}/report?lang=${lang}&team=${encodeURIComponent(e.team)}`));
    box.appendChild(rep);
  });
}

function showPublic(seq) {
  const box = document.getElementById("decision");
  box.replaceChildren();
  const p = document.createElement("p");
  p.appendChild(link(t("report.public"), `/api/stage/decisions/${seq}/report?lang=${gukdaeI18n.lang()}`));
  box.appendChild(p);
  const q = document.createElement("p"); q.className = "muted"; q.textContent = t("stage.officeOnly");
  box.appendChild(q);
}

function show(seq) {
  return roles.includes("OFFICE") ? showExplanation(seq) : Promise.resolve(showPublic(seq));
}

async function loadDecisions() {
  const list = await json("/api/stage/decisions");
  table(document.getElementById("decisions"), ["col.seq", "col.stage", "col.recorded", "col.continue", "col.status", "col.reason"],
    list.map((d) => {
      const a = document.createElement("a");
      a.href = "#"; a.textContent = d.seq;
      a.addEventListener("click", (ev) => { ev.preventDefault(); show(d.seq).catch(err); });
      return [a, d.stage, d.recordedAt, d.survivors.join(", "), t(d.authoritative ? "stage.authoritative" : "stage.superseded"), d.reason || ""];
    }));
  const current = list.filter((d) => d.authoritative);
  const pick = current.length ? current[current.length - 1] : list[list.length - 1];
  if (pick) await show(pick.seq);
  const audit = await json("/api/stage/audit");
  document.getElementById("audit").textContent =
    `${t(audit.intact ? "audit.ok" : "audit.broken")} · ${audit.message}`;
}

function err(e) { document.getElementById("error").textContent = gukdaeI18n.message(e.message); }

async function load() {
  const who = await gukdaeSignin.me();
  gukdaeSignin.show(who);
  roles = (who && who.roles) || [];
  const p = await loadProgramme();
  if (p.loaded) await loadReadiness();
  await loadDecisions();
}

document.addEventListener("DOMContentLoaded", () => {
  gukdaeSignin.wire(() => load().catch(err));
  document.getElementById("stage-no").addEventListener("change", () => loadReadiness().catch(err));
  document.addEventListener("gukdae:lang", () => load().catch(err));
  load().catch(err);
});
