// Stage page: programme, teams, stages and recorded decisions. Untrusted text goes through textContent.
gukdaeI18n.add({
  ko: {
    "stage.title": "단계 평가", "stage.lead": "증거 → 점수 → 결정 → 보고서. 모든 기록은 해시 체인 원장에 남습니다.",
    "stage.demo": "데모 프로그램 (실제 결과 아님)", "stage.programme": "프로그램", "stage.scheme": "평가 배점",
    "stage.teams": "팀", "stage.stages": "단계", "stage.decisions": "결정", "stage.runDemo": "데모 1단계 실행",
    "stage.audit": "감사 원장", "col.component": "항목", "col.points": "배점", "col.kind": "종류",
    "col.team": "팀", "col.members": "구성원", "col.target": "목표 모델", "col.joined": "합류 단계",
    "col.stage": "단계", "col.date": "평가일", "col.survivors": "진출 예정", "col.seq": "원장 번호",
    "col.recorded": "기록 시각", "col.continue": "진출", "col.rank": "순위", "col.total": "총점",
    "col.outcome": "결과", "col.gate": "독자성", "col.report": "보고서", "report.public": "공개 요약",
    "report.team": "팀 보고서", "audit.ok": "무결성 확인", "audit.broken": "변조 감지",
  },
  en: {
    "stage.title": "Stage evaluation", "stage.lead": "Evidence → scores → decision → reports. Every record is kept in a hash-chained ledger.",
    "stage.demo": "Demo programme (not real results)", "stage.programme": "Programme", "stage.scheme": "Scoring scheme",
    "stage.teams": "Teams", "stage.stages": "Stages", "stage.decisions": "Decisions", "stage.runDemo": "Run demo stage 1",
    "stage.audit": "Audit ledger", "col.component": "Component", "col.points": "Points", "col.kind": "Kind",
    "col.team": "Team", "col.members": "Members", "col.target": "Target model", "col.joined": "Joined",
    "col.stage": "Stage", "col.date": "Evaluated", "col.survivors": "Planned survivors", "col.seq": "Ledger seq",
    "col.recorded": "Recorded", "col.continue": "Continuing", "col.rank": "Rank", "col.total": "Total",
    "col.outcome": "Outcome", "col.gate": "Originality", "col.report": "Reports", "report.public": "public summary",
    "report.team": "team report", "audit.ok": "intact", "audit.broken": "TAMPERING DETECTED",
  },
});

const t = (k) => gukdaeI18n.t(k);

function table(el, headers, rows) {
  el.replaceChildren();
  const head = el.insertRow();
  headers.forEach((h) => { const th = document.createElement("th"); th.textContent = t(h); head.appendChild(th); });
  rows.forEach((cells) => {
    const tr = el.insertRow();
    cells.forEach((c) => {
      const td = tr.insertCell();
      if (c instanceof Node) td.appendChild(c); else td.textContent = String(c);
    });
  });
}

function link(text, href) {
  const a = document.createElement("a");
  a.href = href; a.textContent = text; a.target = "_blank";
  return a;
}

async function json(url, options) {
  const r = await fetch(url, options);
  if (!r.ok) {
    // API errors are {"error": "..."} (UserErrorAdvice) or, for refusals, {"error": code, "message"}
    const body = await r.json().catch(() => ({}));
    throw new Error(body.message || body.error || `${r.status} ${r.statusText}`);
  }
  return r.json();
}

async function loadProgramme() {
  const p = await json("/api/stage/programme");
  document.getElementById("programme").textContent = `${p.name} · ${p.version} · ${p.pointsFunction}`;
  document.getElementById("demo-flag").hidden = !p.demo;
  table(document.getElementById("scheme"), ["col.component", "col.kind", "col.points"],
    p.components.map((c) => [c.id, c.kind, c.points]).concat([["total", "", p.total]]));
  table(document.getElementById("teams"), ["col.team", "col.members", "col.target", "col.joined"],
    p.teams.map((tm) => [tm.name, tm.members.map((m) => `${m.organisation} (${m.role})`).join(", "),
      tm.targetModel, tm.joinedStage]));
  table(document.getElementById("stages"), ["col.stage", "col.date", "col.survivors"],
    p.stages.map((s) => [s.number, s.evaluationDate, s.plannedSurvivors]));
}

async function showDecision(seq) {
  const r = await json(`/api/stage/decisions/${seq}`);
  const box = document.getElementById("decision");
  box.replaceChildren();
  const tbl = document.createElement("table");
  box.appendChild(tbl);
  const lang = gukdaeI18n.lang();
  table(tbl, ["col.rank", "col.team", "col.total", "col.gate", "col.outcome", "col.report"],
    r.ranking.map((x) => [x.rank, x.name, x.total.toFixed(2), x.gatePassed ? "✓" : "✗ " + x.gateReason,
      x.outcome, link(t("report.team"), `/api/stage/decisions/${seq}/report?lang=${lang}&team=${encodeURIComponent(x.team)}`)]));
  const p = document.createElement("p");
  p.appendChild(link(t("report.public"), `/api/stage/decisions/${seq}/report?lang=${lang}`));
  box.appendChild(p);
  (r.notes || []).forEach((n) => { const q = document.createElement("p"); q.className = "muted"; q.textContent = n; box.appendChild(q); });
}

async function loadDecisions() {
  const list = await json("/api/stage/decisions");
  table(document.getElementById("decisions"), ["col.seq", "col.stage", "col.recorded", "col.continue"],
    list.map((d) => {
      const a = document.createElement("a");
      a.href = "#"; a.textContent = d.seq;
      a.addEventListener("click", (ev) => { ev.preventDefault(); showDecision(d.seq); });
      return [a, d.stage, d.recordedAt, d.survivors.join(", ")];
    }));
  if (list.length) showDecision(list[list.length - 1].seq);
  const audit = await json("/api/stage/audit");
  document.getElementById("audit").textContent =
    `${t(audit.intact ? "audit.ok" : "audit.broken")} · ${audit.message}`;
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("run-demo").addEventListener("click", async () => {
    await json("/api/stage/demo", { method: "POST" });
    await loadProgramme();
    await loadDecisions();
  });
  loadProgramme().then(loadDecisions).catch((e) => {
    document.getElementById("audit").textContent = e.message;
  });
});
