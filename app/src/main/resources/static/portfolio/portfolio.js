// Portfolio page: each domain with its benchmarks and thresholds, every model's scores against
// them, the model chosen for the domain and why, the coverage rule, the institutes kept and the
// GPUs that followed. Anyone reads it; the words come from the recorded structure, so both
// languages say the same. Untrusted text goes through textContent.
gukdaeI18n.add({
  ko: {
    "pf.title": "포트폴리오 결정", "pf.lead": "연구기관별 특화 모델을 분야마다 자기 벤치마크로 평가하고, 충분한 분야가 충족되면 포트폴리오가 계속됩니다. 결정과 자원 배정은 감사 원장에 기록됩니다.",
    "pf.call": "공모", "pf.none": "포트폴리오가 있는 프로그램이 없습니다.", "pf.demo": "데모 (실제 결과 아님)",
    "pf.notDecided": "아직 기록된 결정이 없습니다. 아래는 평가 기준입니다.",
    "pf.recorded": "원장 순번 {seq}에 기록됨 ({at})", "pf.replay": "원장에서 재현",
    "pf.replaySame": "원장의 입력으로 다시 계산한 결과가 기록과 같습니다", "pf.replayDiff": "다시 계산한 결과가 기록과 다릅니다 (원장 순번 {seq})",
    "pf.coverage": "분야 충족: {n}개 중 {covered}개, 필요 {required}개 → ", "pf.continues": "포트폴리오 계속", "pf.stops": "포트폴리오 중단",
    "pf.rule": "충족 규칙: {n}개 분야 중 {required}개 이상에 통과 모델이 있어야 합니다",
    "pf.domains": "분야", "pf.institutes": "기관", "pf.funding": "자원 배정",
    "pf.passScore": "통과 점수 {score} (가중 평균, 모든 벤치마크가 기준 이상)", "pf.covered": "충족: {model} 선택 ({score}점, 가장 높은 통과 모델)",
    "pf.notCovered": "충족하지 못함: 통과한 모델이 없습니다", "pf.weight": "가중치 {w}, 기준 {th}",
    "pf.noFunding": "아직 자원이 배정되지 않았습니다 (gukdae portfolio fund).",
    "pf.fundingNote": "단계 {stage}의 할당량, {from} – {to}, 원장 순번 {seq}의 결정에 따름",
    "pf.recordedReason": "기록된 사유: ",
    "pf.dataFigure": "유지 기관 데이터 예산 {amount}원 (출처 {source})", "pf.talentFigure": "유지 기관 인재 매칭 연 상한 {amount}원 (출처 {source})",
    "pf.fundingSame": "자원 배정이 기록된 결정과 수치로 다시 계산한 결과와 같습니다", "pf.fundingDiff": "자원 배정이 다시 계산한 결과와 다릅니다 (수정된 기록)",
    "pf.dataEnds": "{from}부터 데이터 지원 없음", "pf.talentAfter": "인재: 탈락 후 규칙대로",
    "col.data": "데이터 예산", "col.talent": "인재 연 상한",
    "col.model": "모델", "col.institute": "기관", "col.domainScore": "분야 점수", "col.outcome": "결과",
    "col.name": "이름", "col.kept": "유지", "col.dropped": "탈락", "col.continues": "계속", "col.why": "사유", "col.gpus": "GPU",
    "yes": "예", "no": "아니오", "noResult": "결과 없음",
  },
  en: {
    "pf.title": "Portfolio decision", "pf.lead": "Institutes' specialised models, each domain judged on its own benchmarks; the portfolio continues when enough domains are covered. The decision and the funding are recorded in the audit ledger.",
    "pf.call": "Call", "pf.none": "No programme has a portfolio.", "pf.demo": "Demo (not real results)",
    "pf.notDecided": "No decision is recorded yet; the criteria are shown below.",
    "pf.recorded": "Recorded at ledger seq {seq} ({at})", "pf.replay": "Replay from the ledger",
    "pf.replaySame": "Recomputed from the ledger's input: the same as recorded", "pf.replayDiff": "Recomputed result differs from the record (ledger seq {seq})",
    "pf.coverage": "Domains covered: {covered} of {n}, {required} needed → ", "pf.continues": "the portfolio continues", "pf.stops": "the portfolio stops",
    "pf.rule": "Coverage rule: at least {required} of {n} domains need a passing model",
    "pf.domains": "Domains", "pf.institutes": "Institutes", "pf.funding": "Funding",
    "pf.passScore": "Pass score {score} (weighted mean, every benchmark at or above its threshold)", "pf.covered": "Covered: {model} chosen ({score}, the best passing model)",
    "pf.notCovered": "Not covered: no model passes", "pf.weight": "weight {w}, threshold {th}",
    "pf.noFunding": "Nothing is funded yet (gukdae portfolio fund).",
    "pf.fundingNote": "Stage {stage} quota, {from} – {to}, following the decision at ledger seq {seq}",
    "pf.recordedReason": "Recorded reason: ",
    "pf.dataFigure": "Data budget per kept institute {amount} KRW (source {source})", "pf.talentFigure": "Talent matching cap per kept institute and year {amount} KRW (source {source})",
    "pf.fundingSame": "The funding recomputes from the recorded decision and figures: the same", "pf.fundingDiff": "The funding differs from its recomputation (an edited record)",
    "pf.dataEnds": "no data support from {from}", "pf.talentAfter": "talent: as the rules say after elimination",
    "col.data": "Data budget", "col.talent": "Talent cap/year",
    "col.model": "Model", "col.institute": "Institute", "col.domainScore": "Domain score", "col.outcome": "Outcome",
    "col.name": "Name", "col.kept": "Kept", "col.dropped": "Dropped", "col.continues": "Continues", "col.why": "Why", "col.gpus": "GPUs",
    "yes": "yes", "no": "no", "noResult": "no result",
  },
});

const t = (k) => gukdaeI18n.t(k);
const krw = (n) => Number(n).toLocaleString("en-US");
const fill = (k, v) => t(k).replace(/\{(\w+)\}/g, (_, n) => String(v[n]));
// Labels are "법률 / law": the page's language half.
const half = (label) => gukdaeI18n.message(label);
// A recorded reason {code, ko, en}: the ledger record itself holds both languages.
const said = (r) => (gukdaeI18n.lang() === "ko" ? r.ko : r.en);
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; };
let current = null;

function table(target, headers, rows) {
  target.replaceChildren();
  const head = target.insertRow();
  headers.forEach((h) => { const th = document.createElement("th"); th.textContent = h; head.appendChild(th); });
  rows.forEach((cells) => {
    const tr = target.insertRow();
    cells.forEach((c) => { const td = tr.insertCell(); if (c instanceof Node) td.appendChild(c); else td.textContent = String(c); });
  });
}

function scoreCell(b, scores) {
  const s = scores ? scores[b.id] : undefined;
  if (s == null) return el("span", t("noResult"), "bad");
  const ok = s >= b.threshold;
  return el("span", s.toFixed(1) + (ok ? " ≥ " : " < ") + b.threshold.toFixed(1), ok ? "ok" : "bad");
}

function domain(d, v) {
  const card = el("section", null, "card");
  card.dataset.domain = d.id;
  card.appendChild(el("h3", half(d.label) + " (" + d.id + ")"));
  card.appendChild(el("p", fill("pf.passScore", { score: d.passScore.toFixed(1) }), "muted"));
  card.appendChild(el("p", d.benchmarks.map((b) => b.id + ": " + fill("pf.weight", { w: b.weight, th: b.threshold })).join(" · "), "muted"));
  const line = v.decision ? v.decision.domains.find((x) => x.domain === d.id) : null;
  if (line) {
    const verdict = line.covered
      ? el("p", fill("pf.covered", { model: line.best, score: line.bestScore.toFixed(2) }), "ok covered")
      : el("p", t("pf.notCovered"), "bad covered");
    card.appendChild(verdict);
    const models = v.decision.models.filter((m) => m.domain === d.id);
    const wrap = el("div", null, "table-scroll");
    const tbl = document.createElement("table");
    table(tbl, [t("col.model"), t("col.institute"), t("col.domainScore"), t("col.outcome")].concat(d.benchmarks.map((b) => b.id)),
      models.map((m) => {
        const out = el("span", said(m.reason), (m.outcome === "PASSES" ? "ok" : "bad") + " reason");
        return [m.model, m.institute, m.domainScore.toFixed(2), out].concat(d.benchmarks.map((b) => scoreCell(b, m.scores)));
      }));
    wrap.appendChild(tbl);
    card.appendChild(wrap);
  }
  return card;
}

function render(v) {
  current = v;
  document.getElementById("summary").hidden = false;
  document.getElementById("programme").textContent = v.programme + " · " + v.call;
  document.getElementById("demo").hidden = !v.demo;
  const p = v.portfolio, n = p.domains.length;
  const d = v.decision;
  document.getElementById("recorded").textContent = d
    ? fill("pf.recorded", { seq: v.decisionSeq, at: v.recordedAt })
    : t("pf.notDecided");
  const coverage = document.getElementById("coverage");
  coverage.replaceChildren();
  if (d) {
    coverage.append(fill("pf.coverage", { n, covered: d.covered, required: d.required }));
    coverage.appendChild(el("strong", t(d.continues ? "pf.continues" : "pf.stops"), d.continues ? "ok" : "bad"));
    coverage.append(el("br"), el("span", t("pf.recordedReason") + said(d.reason), "muted decision-reason"));
  } else {
    coverage.textContent = fill("pf.rule", { n, required: p.minDomainsCovered });
  }
  document.getElementById("replay").hidden = !d;
  document.getElementById("replay-result").textContent = "";
  document.getElementById("domains").replaceChildren(...p.domains.map((x) => domain(x, v)));
  const names = Object.fromEntries(p.institutes.map((i) => [i.id, i.name]));
  table(document.getElementById("institutes"),
    [t("col.institute"), t("col.name"), t("col.kept"), t("col.dropped"), t("col.continues")],
    d ? d.institutes.map((i) => [i.institute, names[i.institute] || "", i.kept.join(", ") || "—", i.dropped.join(", ") || "—",
      el("span", t(i.continues ? "yes" : "no"), i.continues ? "ok" : "bad")])
      : p.institutes.map((i) => [i.id, i.name, i.models.map((m) => m.id).join(", "), "—", "—"]));
  const f = v.funding;
  const note = document.getElementById("funding-note");
  note.replaceChildren();
  if (f) {
    note.append(fill("pf.fundingNote", { stage: f.stage, from: f.from, to: f.to, seq: f.decisionSeq }));
    if (f.data) note.append(el("br"), fill("pf.dataFigure", { amount: krw(f.data.perTeamBudget), source: f.data.source }));
    if (f.talent) note.append(el("br"), fill("pf.talentFigure", { amount: krw(f.talent.capPerTeamYear), source: f.talent.source }));
    note.append(el("br"), el("span", t(v.fundingReplays ? "pf.fundingSame" : "pf.fundingDiff"), v.fundingReplays ? "ok funding-replay" : "bad funding-replay"));
  } else {
    note.textContent = t("pf.noFunding");
  }
  const funded = (l) => l.why === "FUNDED";
  table(document.getElementById("funding"), [t("col.institute"), t("col.why"), t("col.gpus"), t("col.data"), t("col.talent")],
    f ? f.lines.map((l) => [l.institute, el("span", gukdaeI18n.label(l.why), funded(l) ? "ok" : "bad"),
      l.allocations.map((a) => a.count + " " + a.gpuType + " " + gukdaeI18n.label(a.mode)).join(", ") || "—",
      funded(l) ? krw(l.dataBudget) : fill("pf.dataEnds", { from: f.from }),
      funded(l) ? krw(l.talentCapPerYear) : t("pf.talentAfter")]) : []);
}

async function get(url) {
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(gukdaeI18n.problem(body, String(r.status)));
  return body;
}

async function load() {
  const error = document.getElementById("error");
  error.textContent = "";
  const call = document.getElementById("call").value;
  if (!call) return;
  try {
    render(await get("/api/office/calls/" + encodeURIComponent(call) + "/portfolio"));
  } catch (e) {
    error.textContent = e.message;
  }
}

async function start() {
  const select = document.getElementById("call");
  try {
    const programmes = (await get("/api/office/programmes")).filter((p) => p.portfolio);
    document.getElementById("none").hidden = programmes.length > 0;
    select.replaceChildren(...programmes.map((p) => { const o = el("option", p.call.id); o.value = p.call.id; return o; }));
    const wanted = new URLSearchParams(location.search).get("call");
    if (wanted && programmes.some((p) => p.call.id === wanted)) select.value = wanted;
    await load();
  } catch (e) {
    document.getElementById("error").textContent = e.message;
  }
}

document.getElementById("call").addEventListener("change", load);
document.getElementById("replay").addEventListener("click", async () => {
  const out = document.getElementById("replay-result");
  try {
    const r = await get("/api/office/calls/" + encodeURIComponent(current.call) + "/portfolio/replay");
    out.textContent = r.matches ? t("pf.replaySame") : fill("pf.replayDiff", { seq: r.decisionSeq });
    out.className = r.matches ? "ok" : "bad";
  } catch (e) {
    out.textContent = e.message;
    out.className = "bad";
  }
});
document.addEventListener("gukdae:lang", () => { if (current) render(current); });
start();
