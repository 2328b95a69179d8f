// Expert review: a reviewer's assignments (artefacts, rubric, draft, submit once) and the office's
// progress and set-up forms. Every text from the server goes in through textContent.
gukdaeI18n.add({
  ko: {
    "review.title": "전문가 평가", "review.lead": "배정된 팀의 기술 보고서와 학습 로그를 읽고 평가표를 작성합니다. 제출한 평가표는 수정할 수 없고, 다른 심사위원의 평가표는 내 평가표를 제출한 뒤에 보입니다.",
    "review.stage": "단계", "review.mine": "내 배정", "review.progress": "진행 현황 (사무국)",
    "review.openPanel": "이 단계 심사단 열기", "review.assign": "심사위원 배정", "review.attach": "자료 첨부",
    "review.reviewerId": "심사위원 아이디", "review.teamId": "팀 아이디", "review.artefacts": "자료",
    "review.comment": "의견", "review.saveDraft": "임시 저장", "review.submit": "제출",
    "review.confirm": "제출한 평가표는 수정할 수 없습니다. 제출할까요?", "review.saved": "임시 저장됨",
    "review.submitted": "제출 완료", "review.status": "상태", "review.others": "다른 심사위원의 평가표",
    "review.none": "배정된 팀이 없습니다", "review.assigned": "배정", "review.done": "제출",
    "review.aggregate": "집계 (배점 대비)", "review.rule": "집계 규칙", "status.NEW": "작성 전", "status.DRAFT": "임시 저장",
    "status.SUBMITTED": "제출 완료", "kind.TECHNICAL_REPORT": "기술 보고서", "kind.TRAINING_LOG": "학습 로그",
    "kind.OTHER": "기타", "col.team": "팀",
  },
  en: {
    "review.title": "Expert review", "review.lead": "Read your assigned teams' technical reports and training logs and fill in the rubric. A submitted sheet is final; other reviewers' sheets appear once yours is submitted.",
    "review.stage": "Stage", "review.mine": "My assignments", "review.progress": "Progress (office)",
    "review.openPanel": "Open this stage's panel", "review.assign": "Assign reviewer", "review.attach": "Attach artefact",
    "review.reviewerId": "reviewer id", "review.teamId": "team id", "review.artefacts": "Artefacts",
    "review.comment": "Comment", "review.saveDraft": "Save draft", "review.submit": "Submit",
    "review.confirm": "A submitted sheet cannot be changed. Submit?", "review.saved": "Draft saved",
    "review.submitted": "Submitted", "review.status": "Status", "review.others": "Other reviewers' sheets",
    "review.none": "No assignments", "review.assigned": "Assigned", "review.done": "Submitted",
    "review.aggregate": "Aggregate (of max)", "review.rule": "Rule", "status.NEW": "not saved yet", "status.DRAFT": "draft",
    "status.SUBMITTED": "submitted", "kind.TECHNICAL_REPORT": "technical report", "kind.TRAINING_LOG": "training log",
    "kind.OTHER": "other", "col.team": "Team",
  },
});

const t = (k) => gukdaeI18n.t(k);
const stage = () => Number(document.getElementById("stage").value || 1);

async function api(url, options) {
  const r = await fetch(url, options);
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(gukdaeI18n.problem(body, `${r.status}`));
  return body;
}

function send(method, url, data) {
  return api(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function showError(e) { document.getElementById("error").textContent = e ? e.message : ""; }

function sheetForm(panel, a) {
  const form = el("form");
  form.dataset.team = a.team;
  const mine = a.mine || { items: {}, comment: "", status: "NEW" };
  const final = mine.status === "SUBMITTED";
  panel.rubric.forEach((item) => {
    const label = el("label");
    label.appendChild(el("span", `${item.label} (0–${item.maxScore}) `));
    const input = el("input");
    input.type = "number"; input.min = 0; input.max = item.maxScore; input.step = "0.5";
    input.name = item.id; input.disabled = final;
    if (mine.items[item.id] !== undefined) input.value = mine.items[item.id];
    label.appendChild(input);
    form.appendChild(label);
    form.appendChild(el("br"));
  });
  const comment = el("textarea");
  comment.name = "comment"; comment.rows = 3; comment.cols = 60; comment.maxLength = 4000;
  comment.value = mine.comment; comment.disabled = final;
  comment.setAttribute("aria-label", t("review.comment"));
  form.appendChild(el("div", t("review.comment")));
  form.appendChild(comment);
  const status = el("p", `${t("review.status")}: ${t("status." + mine.status)}`, "status");
  form.appendChild(status);
  if (!final) {
    const save = (submit) => async (ev) => {
      ev.preventDefault();
      if (submit && !confirm(t("review.confirm"))) return;
      const items = {};
      form.querySelectorAll("input[type=number]").forEach((i) => { if (i.value !== "") items[i.name] = Number(i.value); });
      try {
        await send("PUT", "/api/review/sheets", { stage: stage(), team: a.team, items, comment: comment.value, submit });
        showError(null);
        await load();
      } catch (e) { showError(e); }
    };
    const draft = el("button", t("review.saveDraft")); draft.type = "button"; draft.className = "draft";
    draft.addEventListener("click", save(false));
    const submit = el("button", t("review.submit")); submit.type = "button"; submit.className = "submit";
    submit.addEventListener("click", save(true));
    form.append(draft, " ", submit);
  }
  return form;
}

async function loadMine() {
  const box = document.getElementById("assignments");
  box.replaceChildren();
  const mine = await api(`/api/review/mine?stage=${stage()}`);
  if (!mine.assignments.length) box.appendChild(el("p", t("review.none"), "muted"));
  mine.assignments.forEach((a) => {
    const art = el("article");
    art.className = "assignment";
    art.appendChild(el("h3", `${a.teamName} (${a.team})`));
    art.appendChild(el("h4", t("review.artefacts")));
    const list = el("ul");
    a.artefacts.forEach((x) => {
      const li = el("li");
      const link = el("a", `${t("kind." + x.kind)}: ${x.fileName}`);
      link.href = `/api/review/artefacts/${x.id}`; link.target = "_blank"; link.rel = "noopener";
      li.append(link, el("span", ` sha256 ${x.sha256.slice(0, 16)}…`, "muted"));
      list.appendChild(li);
    });
    art.appendChild(list);
    art.appendChild(sheetForm(mine.panel, a));
    if (a.others.length) {
      art.appendChild(el("h4", t("review.others")));
      a.others.forEach((o) => art.appendChild(el("p", `${o.reviewer}: ${JSON.stringify(o.items)} ${o.comment}`, "muted")));
    }
    box.appendChild(art);
  });
}

async function loadOffice() {
  const tbl = document.getElementById("progress");
  tbl.replaceChildren();
  let rows = [];
  try { rows = await api(`/api/review/progress?stage=${stage()}`); } catch (e) { showError(e); return; }
  const head = tbl.insertRow();
  ["col.team", "review.assigned", "review.done", "review.aggregate", "review.rule", "review.artefacts"]
    .forEach((k) => head.appendChild(el("th", t(k))));
  rows.forEach((r) => {
    const tr = tbl.insertRow();
    [r.name, r.assigned.join(", "), `${r.submitted.length} / ${r.assigned.length}`,
      r.aggregate == null ? "–" : `${(100 * r.aggregate).toFixed(1)}%`, gukdaeI18n.label(r.rule),
      r.artefacts.map((x) => x.fileName).join(", ")].forEach((c) => { tr.insertCell().textContent = c; });
  });
}

async function load() {
  const who = await gukdaeSignin.me();
  gukdaeSignin.show(who);
  const roles = (who && who.roles) || [];
  document.getElementById("reviewer").hidden = !roles.includes("REVIEWER");
  document.getElementById("office").hidden = !roles.includes("OFFICE");
  try {
    if (roles.includes("REVIEWER")) await loadMine();
    if (roles.includes("OFFICE")) await loadOffice();
  } catch (e) { showError(e); }
}

document.addEventListener("DOMContentLoaded", () => {
  gukdaeSignin.wire(() => load());
  document.getElementById("stage").addEventListener("change", load);
  document.addEventListener("gukdae:lang", load);
  document.getElementById("open-panel").addEventListener("click", async () => {
    try { await send("POST", "/api/review/panels", { stage: stage() }); await load(); } catch (e) { showError(e); }
  });
  document.getElementById("assign-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      await send("POST", "/api/review/assignments", { stage: stage(),
        reviewer: document.getElementById("assign-reviewer").value, team: document.getElementById("assign-team").value });
      await load();
    } catch (e) { showError(e); }
  });
  document.getElementById("attach-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const file = document.getElementById("attach-file").files[0];
    // The file itself is the body: streamed to the server and hashed there, beyond the JSON limit.
    const q = new URLSearchParams({ stage: stage(), team: document.getElementById("attach-team").value,
      kind: document.getElementById("attach-kind").value, name: file.name });
    try {
      await api(`/api/review/artefacts/upload?${q}`,
        { method: "POST", headers: { "Content-Type": file.type || "application/octet-stream" }, body: file });
      await load();
    } catch (e) { showError(e); }
  });
  load();
});
