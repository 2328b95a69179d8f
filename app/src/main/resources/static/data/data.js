// Data governance page: sign in, the dataset catalogue, supplier and dataset registration (office),
// and the access rule check. Text from the server goes in with textContent only.
(function () {
  gukdaeI18n.add({
    ko: {
      "data.title": "데이터 거버넌스", "data.lead": "공급기업, 데이터셋과 버전, 이용 범위와 기간, 협약을 등록하고 이용 권한을 확인합니다.",
      "data.user": "아이디", "data.password": "비밀번호", "data.signin": "로그인", "data.signedIn": "로그인: ",
      "data.datasets": "데이터셋", "data.id": "ID", "data.name": "이름", "data.supplier": "공급기업", "data.modality": "유형",
      "data.licence": "라이선스", "data.term": "기간", "data.use": "이용 범위", "data.price": "가격(원)", "data.status": "상태",
      "data.newSupplier": "공급기업 등록", "data.freeHelp": "무상 공급(OCR·중복 제거 지원)", "data.save": "저장",
      "data.newDataset": "데이터셋 등록", "data.rights": "적법한 권원", "data.who": "이용 주체", "data.purpose": "이용 목적",
      "data.commercial": "상업적 이용 허용", "data.termStart": "기간 시작", "data.termEnd": "기간 종료", "data.provenance": "출처",
      "data.govFunded": "정부 재원으로 구축됨(제외)", "data.access": "이용 권한 확인", "data.team": "팀", "data.check": "확인",
      "data.excluded": "제외(정부 재원)", "data.ok": "등록됨", "data.commercialUse": "상업 가능", "data.nonCommercial": "비상업",
      "data.free": "무상", "data.granted": "허용: ", "data.refused": "거부: ", "data.saved": "저장했습니다.",
    },
    en: {
      "data.title": "Data governance", "data.lead": "Register suppliers, datasets and versions, usage scope and term, and agreements; check who may use what.",
      "data.user": "Username", "data.password": "Password", "data.signin": "Sign in", "data.signedIn": "Signed in: ",
      "data.datasets": "Datasets", "data.id": "ID", "data.name": "Name", "data.supplier": "Supplier", "data.modality": "Modality",
      "data.licence": "Licence", "data.term": "Term", "data.use": "Usage scope", "data.price": "Price (KRW)", "data.status": "Status",
      "data.newSupplier": "Register a supplier", "data.freeHelp": "Free supplier (OCR and de-duplication help)", "data.save": "Save",
      "data.newDataset": "Register a dataset", "data.rights": "Rights basis (legal title)", "data.who": "Who may use it", "data.purpose": "Purpose",
      "data.commercial": "Commercial use allowed", "data.termStart": "Term start", "data.termEnd": "Term end", "data.provenance": "Provenance",
      "data.govFunded": "Built with government funds (excluded)", "data.access": "Check access", "data.team": "Team", "data.check": "Check",
      "data.excluded": "excluded (government funds)", "data.ok": "registered", "data.commercialUse": "commercial", "data.nonCommercial": "non-commercial",
      "data.free": "free", "data.granted": "Granted: ", "data.refused": "Refused: ", "data.saved": "Saved.",
    },
  });
  const t = (k) => gukdaeI18n.t(k);
  const $ = (id) => document.getElementById(id);
  const cell = (text) => { const td = document.createElement("td"); td.textContent = text == null ? "" : String(text); return td; };

  async function call(method, path, body) {
    const res = await fetch(path, {
      method, credentials: "same-origin",
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) throw new Error(gukdaeI18n.problem(data, res.status));
    return data;
  }
  function fail(e) { $("error").textContent = e.message; }
  function clear() { $("error").textContent = ""; }

  async function load() {
    const me = await call("GET", "/api/access/me");
    if (!me.signedIn) { $("catalogue").hidden = true; $("login").hidden = false; return; }
    $("login").hidden = true;
    $("who").textContent = t("data.signedIn") + me.username + " (" + me.roles.join(", ") + ")";
    $("catalogue").hidden = false;
    const rows = await call("GET", "/api/data/datasets");
    const body = $("datasets").querySelector("tbody");
    body.replaceChildren();
    for (const v of rows) {
      const d = v.entry;
      const tr = document.createElement("tr");
      tr.dataset.id = d.id;
      tr.append(cell(d.id), cell(d.title), cell(d.supplier), cell(d.modality.toLowerCase()), cell(d.licence),
        cell(d.term.start + " ~ " + d.term.end),
        cell(d.usage.who + " / " + d.usage.purpose + " / " + t(d.usage.commercial ? "data.commercialUse" : "data.nonCommercial")),
        cell(d.priceKrw === 0 ? t("data.free") : d.priceKrw.toLocaleString()),
        cell(t(v.excluded ? "data.excluded" : "data.ok")));
      const link = document.createElement("a");
      link.href = "/api/data/datasets/" + encodeURIComponent(d.id) + "/croissant";
      link.textContent = "JSON-LD";
      const td = document.createElement("td");
      td.append(link);
      tr.append(td);
      body.append(tr);
    }
  }

  function formFields(form) {
    const out = {};
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === "checkbox") out[el.name] = el.checked ? "true" : "false";
      else if (el.value !== "") out[el.name] = el.value;
    }
    return out;
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("login").addEventListener("submit", async (e) => {
      e.preventDefault(); clear();
      try { await call("POST", "/api/access/login", { username: $("username").value, password: $("password").value }); await load(); }
      catch (err) { fail(err); }
    });
    $("supplier").addEventListener("submit", async (e) => {
      e.preventDefault(); clear();
      const f = formFields(e.target);
      try { await call("POST", "/api/data/suppliers", { id: f.id, name: f.name, freeHelp: f.freeHelp === "true" }); e.target.reset(); $("who").textContent += " · " + t("data.saved"); }
      catch (err) { fail(err); }
    });
    $("dataset").addEventListener("submit", async (e) => {
      e.preventDefault(); clear();
      const f = formFields(e.target);
      const supplier = f.supplier; delete f.supplier;
      try { await call("POST", "/api/data/datasets?supplier=" + encodeURIComponent(supplier), f); await load(); }
      catch (err) { fail(err); }
    });
    $("access").addEventListener("submit", async (e) => {
      e.preventDefault(); clear();
      const f = formFields(e.target);
      try {
        const d = await call("GET", "/api/data/access?team=" + encodeURIComponent(f.team) + "&dataset=" + encodeURIComponent(f.dataset));
        $("decision").textContent = t(d.granted ? "data.granted" : "data.refused") + (gukdaeI18n.lang() === "ko" && d.because ? d.because.ko : d.reason);
      } catch (err) { fail(err); }
    });
    load().catch(fail);
  });
})();
