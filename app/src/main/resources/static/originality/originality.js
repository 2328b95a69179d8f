// Originality evidence: list of stored checks and the evidence table of the selected one.
// Everything from the server is set with textContent (tensor names and explanations are untrusted).
(function () {
  const t = (k) => gukdaeI18n.t(k);
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  };
  const num = (v, digits) => (v === null || v === undefined ? "–" : Number(v).toFixed(digits));
  // one number format whatever the browser's locale, so figures read the same in both languages
  const big = (v) => Number(v).toLocaleString("en-US");
  const pct = (v) => (v === null || v === undefined ? "–" : (100 * Number(v)).toFixed(1) + "%");
  const ko = () => gukdaeI18n.lang() === "ko";
  // Korean text where stored (reports from before it existed fall back to English)
  const say = (o, key) => (ko() && o[key + "Ko"]) || o[key];

  function row(cells, numeric) {
    const tr = document.createElement("tr");
    cells.forEach((c, i) => tr.appendChild(el("td", c, numeric && numeric[i] ? "num" : undefined)));
    return tr;
  }

  function table(headers, numeric) {
    const tbl = document.createElement("table");
    const tr = document.createElement("tr");
    headers.forEach((h, i) => tr.appendChild(el("th", t(h), numeric[i] ? "num" : undefined)));
    tbl.appendChild(document.createElement("thead")).appendChild(tr);
    tbl.appendChild(document.createElement("tbody"));
    return tbl;
  }

  async function load() {
    const res = await fetch("/api/originality/reports");
    const reports = await res.json();
    const body = document.querySelector("#reports tbody");
    body.replaceChildren();
    document.getElementById("empty").hidden = reports.length > 0;
    reports.forEach((r) => {
      const tr = row([r.model, (ko() && r.verdict_ko) || r.verdict, r.created_at]);
      tr.className = "click";
      tr.children[1].className = "verdict-" + r.verdict_code;
      tr.addEventListener("click", () => show(r.id, tr));
      body.appendChild(tr);
    });
    const wanted = new URLSearchParams(location.search).get("id") || (reports[0] && reports[0].id);
    if (wanted) show(wanted);
  }

  async function show(id, tr) {
    document.querySelectorAll("#reports tr.sel").forEach((r) => r.classList.remove("sel"));
    if (tr) tr.classList.add("sel");
    const res = await fetch("/api/originality/reports/" + encodeURIComponent(id));
    if (!res.ok) return;
    const r = await res.json();
    const detail = document.getElementById("detail");
    detail.replaceChildren();
    const head = el("div", undefined, "card");
    head.appendChild(el("h2", r.model));
    head.appendChild(el("p", say(r, "verdict"), "verdict-" + r.verdictCode));
    head.appendChild(el("p", say(r, "explanation")));
    if (r.nullModels) {
      head.appendChild(el("p", t("o.null") + ": " + say(r.nullModels, "description"), "muted"));
      (r.nullModels.warnings || []).forEach((w) => head.appendChild(el("p", ko() ? w.ko : w.en, "bad")));
    }
    detail.appendChild(head);
    (r.findings || []).forEach((f) => {
      const card = el("div", undefined, "card");
      card.appendChild(el("h3", t("o.against") + ": " + f.reference));
      card.appendChild(el("p", say(f, "verdict"), "verdict-" + f.verdictCode));
      card.appendChild(el("p", say(f, "explanation")));
      card.appendChild(el("p", t("o.matched") + ": " + big(f.matchedParameters) + " / " + big(f.candidateParameters)
        + " · " + t("o.coverage") + " " + pct(f.coverage) + " · " + t("o.share") + " " + pct(f.share), "muted"));
      const moved = (f.mapping || []).filter((b) => b.referenceBlock >= 0).map((b) => b.candidateBlock + "=" + b.referenceBlock);
      if (moved.length) card.appendChild(el("p", t("o.mapping") + ": " + moved.join(" "), "muted"));
      if (f.tamper && (f.tamper.nonFiniteCandidate > 0 || f.tamper.extremeCandidate > 0)) {
        card.appendChild(el("p", t("o.tamper") + " " + big(f.tamper.nonFiniteCandidate) + ", "
          + t("o.extreme") + " " + big(f.tamper.extremeCandidate), "bad"));
      }
      const numeric = [false, true, true, true, true, true, true, true, false];
      const tbl = table(["o.component", "o.tensors", "o.params", "o.pearson", "o.cosine", "o.rel", "o.identical", "o.z", "o.similarity"], numeric);
      (f.components || []).forEach((c) => tbl.tBodies[0].appendChild(row([
        c.component, c.tensors, big(c.parameters), num(c.pearson, 4), num(c.cosine, 4),
        num(c.relL2, 4), num(c.identical, 3), num(c.minZ, 1), c.similarity], numeric)));
      card.appendChild(tbl);
      detail.appendChild(card);
    });
    if (r.log) {
      const card = el("div", undefined, "card");
      card.appendChild(el("h3", t("o.log")));
      card.appendChild(el("p", r.log.file + " · " + r.log.rows + " rows", "muted"));
      const tbl = table(["o.flag", "o.line", "o.explanation"], [false, true, false]);
      r.log.flags.forEach((f) => {
        const tr = row([f.severity + " " + f.kind, f.line, say(f, "explanation")], [false, true, false]);
        if (f.severity === "WARN") tr.children[0].className = "bad";
        tbl.tBodies[0].appendChild(tr);
      });
      card.appendChild(tbl);
      detail.appendChild(card);
    }
  }

  document.addEventListener("DOMContentLoaded", load);
  document.addEventListener("gukdae:lang", load);
})();
