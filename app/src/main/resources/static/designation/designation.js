// Public K-AI designation registry: anyone verifies who holds a designation and the emblem right.
gukdaeI18n.add({
  ko: {
    "designation.title": "K-AI 지정 확인", "designation.lead": "K-AI 모델·기업 지정과 엠블럼 사용 권한을 누구나 확인할 수 있습니다. 기록은 감사 원장에서 읽습니다.",
    "designation.verify": "확인", "designation.registry": "지정 목록", "designation.valid": "유효한 지정입니다",
    "designation.lapsed": "효력이 없는 지정입니다", "col.id": "지정 번호", "col.kind": "종류", "col.holder": "보유자",
    "col.emblem": "엠블럼 사용", "col.from": "시작", "col.to": "종료",
  },
  en: {
    "designation.title": "K-AI designation check", "designation.lead": "Anyone can check who holds a K-AI model or company designation and the right to the emblem. Records are read from the audit ledger.",
    "designation.verify": "Verify", "designation.registry": "Registry", "designation.valid": "Valid designation",
    "designation.lapsed": "Not valid", "col.id": "Designation", "col.kind": "Kind", "col.holder": "Holder",
    "col.emblem": "Emblem users", "col.from": "From", "col.to": "To",
  },
});

const t = (k) => gukdaeI18n.t(k);
// A lapse reason as recorded: {code, ko, en}; lapses recorded before that hold one sentence.
const said = (r) => (typeof r === "string" ? r : gukdaeI18n.lang() === "ko" ? r.ko : r.en);

async function registry() {
  const rows = await (await fetch("/api/designations")).json();
  const table = document.getElementById("registry");
  table.replaceChildren();
  const head = table.insertRow();
  ["col.id", "col.kind", "col.holder", "col.emblem", "col.from", "col.to"].forEach((h) => {
    const th = document.createElement("th"); th.textContent = t(h); head.appendChild(th);
  });
  rows.forEach((d) => {
    const tr = table.insertRow();
    [d.id, d.kind, d.holder, d.emblemUsers.join(", "), d.from, d.to ? d.to + " (" + (d.lapseReason ? said(d.lapseReason) : "—") + ")" : "—"]
      .forEach((c) => { tr.insertCell().textContent = c; });
  });
}

document.getElementById("verify").addEventListener("submit", async (e) => {
  e.preventDefault();
  const id = document.getElementById("designation-id").value.trim();
  const out = document.getElementById("verdict");
  const r = await fetch("/api/designations/" + encodeURIComponent(id));
  const data = await r.json();
  out.textContent = r.ok
    ? (data.valid ? t("designation.valid") : t("designation.lapsed")) + ": " + data.designation.holder + " (" + data.designation.kind + ", " + data.asOf + ")"
    : gukdaeI18n.problem(data, String(r.status));
});

document.addEventListener("gukdae:lang", registry);
registry();
