// Programme office page: an applicant submits an application, a reviewer scores their assignment.
// Untrusted text (names, messages) goes in with textContent only.
gukdaeI18n.add({
  ko: {
    "office.title": "공모와 선정", "office.lead": "신청서는 마감 시각에 원장에 봉인되고, 심사는 이해충돌 없이 배정됩니다.",
    "office.signin": "로그인", "office.username": "아이디", "office.password": "비밀번호", "office.signinButton": "로그인",
    "office.call": "공모", "office.apply": "신청서 제출", "office.consortium": "컨소시엄 이름",
    "office.members": "구성원 (한 줄에 하나: 기관 | 역할 | 규모)", "office.support": "지원 요청",
    "office.submit": "제출", "office.submitted": "제출되었습니다. 자격 문제 없음.", "office.violations": "자격 문제 (마감 전에 고치세요):",
    "office.review": "심사", "office.loadAssignment": "내 배정 불러오기", "office.save": "저장", "office.saved": "저장됨",
    "office.approve": "선정 찬성", "office.none": "배정된 신청서가 없습니다.", "office.signedInAs": "로그인: ",
    "office.document": "문서", "office.closes": "마감",
  },
  en: {
    "office.title": "Calls and selection", "office.lead": "Applications are sealed into the ledger at the deadline; reviewers are assigned without conflicts of interest.",
    "office.signin": "Sign in", "office.username": "username", "office.password": "password", "office.signinButton": "Sign in",
    "office.call": "Call", "office.apply": "Submit an application", "office.consortium": "Consortium name",
    "office.members": "Members (one per line: organisation | role | size)", "office.support": "Support requested",
    "office.submit": "Submit", "office.submitted": "Submitted. No eligibility problems.", "office.violations": "Eligibility problems (fix them before the deadline):",
    "office.review": "Review", "office.loadAssignment": "Load my assignment", "office.save": "Save", "office.saved": "saved",
    "office.approve": "approve", "office.none": "Nothing is assigned to you.", "office.signedInAs": "Signed in: ",
    "office.document": "Document", "office.closes": "closes",
  },
});

const t = (k) => gukdaeI18n.t(k);
let programmes = [];
let me = null;

async function api(method, path, body) {
  const r = await fetch(path, { method, headers: { "Content-Type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(gukdaeI18n.problem(data, String(r.status)));
  return data;
}

function text(tag, value, cls) {
  const el = document.createElement(tag);
  el.textContent = value;
  if (cls) el.className = cls;
  return el;
}

function current() {
  return programmes.find((p) => p.call.id === document.getElementById("call").value);
}

async function sha256(file) {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return Array.from(new Uint8Array(digest)).map((b) => b.toString(16).padStart(2, "0")).join("");
}

function showCall() {
  const p = current();
  if (!p) return;
  document.getElementById("call-info").textContent = p.call.title + " · " + t("office.closes") + " " + p.call.closes;
  const docs = document.getElementById("documents");
  docs.replaceChildren();
  p.call.eligibility.requiredDocuments.forEach((kind) => {
    const row = document.createElement("p");
    row.append(text("label", t("office.document") + " " + gukdaeI18n.label(kind) + " "));
    const input = document.createElement("input");
    input.type = "file";
    input.dataset.kind = kind;
    row.append(input);
    docs.append(row);
  });
  const rounds = document.getElementById("round");
  rounds.replaceChildren();
  p.rounds.forEach((r) => { const o = text("option", r.id + " (" + gukdaeI18n.label(r.kind) + ")"); o.value = r.id; rounds.append(o); });
}

async function refreshMe() {
  me = await api("GET", "/api/access/me");
  const who = document.getElementById("who");
  who.textContent = me.signedIn ? t("office.signedInAs") + me.username + " (" + (me.roles || []).join(", ") + ")" : "";
}

document.getElementById("login").addEventListener("submit", async (e) => {
  e.preventDefault();
  try {
    await api("POST", "/api/access/login", { username: document.getElementById("username").value, password: document.getElementById("password").value });
    await refreshMe();
  } catch (err) {
    document.getElementById("who").textContent = err.message;
  }
});

document.getElementById("application").addEventListener("submit", async (e) => {
  e.preventDefault();
  const out = document.getElementById("apply-result");
  out.replaceChildren();
  try {
    const members = document.getElementById("members").value.split("\n").filter((l) => l.trim()).map((l) => {
      const [organisation, role, size] = l.split("|").map((s) => s.trim());
      return { organisation, role, size };
    });
    const documents = [];
    for (const input of document.querySelectorAll("#documents input[type=file]")) {
      if (input.files.length) documents.push({ kind: input.dataset.kind, name: input.files[0].name, sha256: await sha256(input.files[0]) });
    }
    const support = [...document.querySelectorAll("input[name=support]:checked")].map((c) => c.value);
    const reply = await api("POST", "/api/office/calls/" + encodeURIComponent(current().call.id) + "/applications",
      { id: me && me.team ? me.team : "", consortium: document.getElementById("consortium").value, members, support, documents });
    if (reply.violations.length === 0) {
      out.append(text("p", t("office.submitted"), "ok"));
    } else {
      out.append(text("p", t("office.violations")));
      const ul = document.createElement("ul");
      reply.violations.forEach((v) => ul.append(text("li", gukdaeI18n.lang() === "ko" ? v.ko : v.en)));
      out.append(ul);
    }
  } catch (err) {
    out.append(text("p", err.message, "error"));
  }
});

document.getElementById("load-assignment").addEventListener("click", async () => {
  const p = current();
  const round = p.rounds.find((r) => r.id === document.getElementById("round").value);
  const box = document.getElementById("sheets");
  box.replaceChildren();
  try {
    const apps = await api("GET", "/api/office/calls/" + encodeURIComponent(p.call.id) + "/rounds/" + encodeURIComponent(round.id) + "/assignment");
    if (apps.length === 0) box.append(text("p", t("office.none")));
    apps.forEach((a) => {
      const form = document.createElement("form");
      form.className = "sheet";
      form.dataset.application = a.id;
      form.append(text("h3", a.consortium + " (" + a.id + ")"));
      round.criteria.forEach((c) => {
        const label = text("label", c.label + " (0-" + c.maxScore + ") ");
        const input = document.createElement("input");
        input.type = "number"; input.min = "0"; input.max = String(c.maxScore); input.step = "0.1";
        input.name = c.id;
        label.append(input);
        form.append(label);
      });
      const approve = document.createElement("input");
      approve.type = "checkbox"; approve.name = "approve";
      const al = text("label", " " + t("office.approve") + " ");
      al.prepend(approve);
      if (round.rule.majority) form.append(al);
      const save = text("button", t("office.save"));
      save.type = "submit";
      form.append(save);
      const status = text("span", "", "status");
      form.append(status);
      form.addEventListener("submit", async (e) => {
        e.preventDefault();
        const items = {};
        round.criteria.forEach((c) => { items[c.id] = Number(form.elements[c.id].value); });
        try {
          await api("POST", "/api/office/calls/" + encodeURIComponent(p.call.id) + "/rounds/" + encodeURIComponent(round.id) + "/scores",
            { application: a.id, items, approve: round.rule.majority ? approve.checked : null });
          status.textContent = " " + t("office.saved");
        } catch (err) {
          status.textContent = " " + err.message;
        }
      });
      box.append(form);
    });
  } catch (err) {
    box.append(text("p", err.message, "error"));
  }
});

document.getElementById("call").addEventListener("change", showCall);
document.addEventListener("gukdae:lang", showCall);

(async () => {
  programmes = await api("GET", "/api/office/programmes");
  const select = document.getElementById("call");
  programmes.forEach((p) => { const o = text("option", p.call.id + " · " + p.programme); o.value = p.call.id; select.append(o); });
  showCall();
  await refreshMe();
})();
