// Derivative-model page: rules form → /api/lineage/count, then counts, explanation, a collapsible
// tree and a monthly chart. Every text from the data goes through textContent.
(function () {
  gukdaeI18n.add({
    ko: {
      "lin.title": "파생 AI 모델 수", "lin.lead": "Hugging Face 모델 트리(base_model)로 각 팀 모델의 파생 모델을 셉니다. 규칙과 제외 사유를 모두 보여 줍니다.",
      "lin.demo": "데모 데이터", "lin.source": "메타데이터", "lin.root": "루트 모델", "lin.since": "시작일", "lin.until": "종료일(미포함)",
      "lin.excludeTeam": "팀 자체 업로드 제외", "lin.teamOwners": "팀 계정(쉼표)", "lin.requireWeights": "가중치 없는 저장소 제외",
      "lin.minCard": "모델 카드 최소 글자", "lin.minDownloads": "최소 다운로드", "lin.minLikes": "최소 좋아요", "lin.maxPerOwner": "계정당 최대(0=무제한)",
      "lin.count": "집계", "lin.record": "증거로 기록", "lin.counted": "인정된 파생 모델", "lin.direct": "직접 파생", "lin.owners": "서로 다른 소유자",
      "lin.reached": "트리에서 도달한 저장소", "lin.byRelation": "관계별", "lin.why": "설명", "lin.overTime": "월별 추이",
      "lin.chartNote": "막대: 그 달에 인정된 수, 회색: 제외된 수, 선: 누적 인정 수 (createdAt 기준, UTC).",
      "lin.tree": "모델 트리", "lin.treeNote": "너비 우선 순서, 항목을 눌러 펼치거나 접습니다. 취소선은 규칙으로 제외된 저장소입니다.",
      "lin.skipped": "건너뛰거나 고친 레코드", "lin.where": "위치", "lin.problem": "문제", "lin.detail": "내용",
      "lin.evidence": "기록된 증거", "lin.when": "기록 시각", "lin.window": "기간", "lin.recorded": "증거로 기록했습니다: ",
      "rel.finetune": "미세조정", "rel.adapter": "어댑터", "rel.merge": "병합", "rel.quantized": "양자화",
    },
    en: {
      "lin.title": "Derivative models", "lin.lead": "Counts the derivatives of each team's model on the Hugging Face model tree (base_model), showing every rule and every exclusion.",
      "lin.demo": "demo data", "lin.source": "Metadata", "lin.root": "Root model", "lin.since": "From", "lin.until": "Until (exclusive)",
      "lin.excludeTeam": "Leave out the team's own uploads", "lin.teamOwners": "Team accounts (comma)", "lin.requireWeights": "Leave out repos without weights",
      "lin.minCard": "Min. card characters", "lin.minDownloads": "Min. downloads", "lin.minLikes": "Min. likes", "lin.maxPerOwner": "Max per owner (0 = no cap)",
      "lin.count": "Count", "lin.record": "Record as evidence", "lin.counted": "Derivatives counted", "lin.direct": "Direct", "lin.owners": "Distinct owners",
      "lin.reached": "Repos reached in the tree", "lin.byRelation": "By relation", "lin.why": "Explanation", "lin.overTime": "Over time",
      "lin.chartNote": "Bars: counted that month; grey: left out; line: cumulative counted (by createdAt, UTC).",
      "lin.tree": "Model tree", "lin.treeNote": "Breadth-first; click an entry to open or close it. Struck-through repos were left out by a rule.",
      "lin.skipped": "Skipped or repaired records", "lin.where": "Where", "lin.problem": "Problem", "lin.detail": "Detail",
      "lin.evidence": "Recorded evidence", "lin.when": "Recorded", "lin.window": "Window", "lin.recorded": "Recorded as evidence: ",
      "rel.finetune": "fine-tune", "rel.adapter": "adapter", "rel.merge": "merge", "rel.quantized": "quantized",
    },
  });
  const t = (k) => gukdaeI18n.t(k);
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; };
  let last = null;

  function params() {
    const p = new URLSearchParams();
    p.set("root", $("root").value.trim());
    for (const id of ["since", "until", "teamOwners", "minCardChars", "minDownloads", "minLikes", "maxPerOwner"]) {
      if ($(id).value !== "") p.set(id, $(id).value);
    }
    p.set("excludeTeam", $("excludeTeam").checked);
    p.set("requireWeights", $("requireWeights").checked);
    return p;
  }

  async function call(url, options) {
    const response = await fetch(url, options);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(gukdaeI18n.problem(body, response.statusText));
    return body;
  }

  async function count() {
    $("error").textContent = "";
    try {
      const p = params();
      p.set("treeLimit", "1500");
      last = await call("/api/lineage/count?" + p);
      render(last);
    } catch (e) { $("error").textContent = e.message; }
  }

  function render(view) {
    const c = view.count;
    $("result").hidden = false;
    $("counted").textContent = c.counted.toLocaleString();
    $("direct").textContent = c.direct.toLocaleString();
    $("owners").textContent = c.distinctOwners.toLocaleString();
    $("reached").textContent = c.reached.toLocaleString();
    $("relations").replaceChildren(...["FINETUNE", "ADAPTER", "MERGE", "QUANTIZED"].map((r) => {
      const row = el("tr");
      row.append(el("td", t("rel." + r.toLowerCase())), el("td", String(c.byRelation[r] || 0), "num"));
      return row;
    }));
    const lines = gukdaeI18n.lang() === "ko" && view.explanationKo ? view.explanationKo : view.explanation;
    $("explanation").replaceChildren(...lines.map((line) => el("li", line)));
    chart(c.months);
    tree(c.tree, c.treeTruncated);
  }

  function chart(months) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    const w = 900, h = 220, pad = 30;
    svg.setAttribute("viewBox", `0 0 ${w} ${h + 40}`);
    svg.setAttribute("width", "100%");
    const max = Math.max(1, ...months.map((m) => m.counted + m.excluded));
    const maxCum = Math.max(1, ...months.map((m) => m.cumulative));
    const bw = months.length ? (w - 2 * pad) / months.length : 0;
    const line = [];
    months.forEach((m, i) => {
      const x = pad + i * bw;
      const hc = (m.counted / max) * (h - pad), he = (m.excluded / max) * (h - pad);
      for (const [height, y, fill, label] of [[hc, h - hc, "#0b5fff", m.counted], [he, h - hc - he, "#c8ccd4", m.excluded]]) {
        const rect = document.createElementNS(ns, "rect");
        rect.setAttribute("x", x + 2); rect.setAttribute("y", y);
        rect.setAttribute("width", Math.max(1, bw - 4)); rect.setAttribute("height", height);
        rect.setAttribute("fill", fill);
        const title = document.createElementNS(ns, "title");
        title.textContent = `${m.month}: ${label}`;
        rect.append(title);
        svg.append(rect);
      }
      const label = document.createElementNS(ns, "text");
      label.setAttribute("x", x + bw / 2); label.setAttribute("y", h + 16);
      label.setAttribute("text-anchor", "middle"); label.setAttribute("font-size", "12");
      label.textContent = m.month;
      svg.append(label);
      line.push(`${x + bw / 2},${h - (m.cumulative / maxCum) * (h - pad)}`);
    });
    if (line.length) {
      const path = document.createElementNS(ns, "polyline");
      path.setAttribute("points", line.join(" "));
      path.setAttribute("fill", "none"); path.setAttribute("stroke", "#0a7d32"); path.setAttribute("stroke-width", "2");
      svg.append(path);
    }
    $("chart").replaceChildren(svg);
  }

  function tree(nodes, truncated) {
    const kids = nodes.map(() => []);
    nodes.forEach((n, i) => { if (n.parent >= 0) kids[n.parent].push(i); });
    function item(i) {
      const n = nodes[i];
      const line = el("span");
      line.append(el("span", n.id, n.verdict === "COUNTED" || n.verdict === "ROOT" ? "verdict-" + n.verdict : "verdict-other"));
      if (n.relation) line.append(el("span", t("rel." + n.relation.toLowerCase()), "rel"));
      if (n.verdict !== "COUNTED" && n.verdict !== "ROOT") line.append(el("span", n.verdict.toLowerCase().replaceAll("_", " "), "why"));
      if (n.createdAt > -9e15) line.append(el("span", new Date(n.createdAt).toISOString().slice(0, 10), "why"));
      if (!kids[i].length) { const leaf = el("div", null, "leaf"); leaf.append(line); return leaf; }
      const details = el("details");
      details.open = n.depth < 1;
      const summary = el("summary");
      summary.append(line, el("span", `(${kids[i].length})`, "why"));
      details.append(summary);
      // Children render on first open so a tree of thousands stays quick.
      let filled = false;
      const fill = () => { if (!filled) { filled = true; kids[i].forEach((k) => details.append(item(k))); } };
      if (details.open) fill(); else details.addEventListener("toggle", fill);
      return details;
    }
    const root = nodes.length ? item(0) : el("p", "-");
    $("tree").replaceChildren(root);
    if (truncated) $("tree").append(el("p", "…", "muted"));
  }

  async function dataset() {
    try {
      const d = await call("/api/lineage/dataset");
      $("source").textContent = d.source + " · " + d.repos.toLocaleString() + " repos";
      $("demo").hidden = !d.demo;
      $("roots").replaceChildren(...d.roots.map((r) => { const o = el("option"); o.value = r; return o; }));
      if (!$("root").value && d.roots.length) $("root").value = d.roots[0];
      const r = d.report;
      $("ingest").textContent = `${r.read} read, ${r.kept} kept, ${r.skipped} skipped, ${r.repaired} repaired`;
      $("issues").replaceChildren(...r.examples.slice(0, 200).map((i) => {
        const row = el("tr");
        row.append(el("td", i.where + (i.id ? " " + i.id : "")), el("td", gukdaeI18n.label(i.problem)), el("td", i.detail));
        return row;
      }));
      await count();
    } catch (e) { $("error").textContent = e.message; }
  }

  async function evidence() {
    try {
      const list = await call("/api/lineage/evidence");
      $("evidence").replaceChildren(...list.map((e) => {
        const row = el("tr");
        row.append(el("td", e.recordedAt), el("td", e.rootModel), el("td", String(e.counted), "num"),
          el("td", (e.windowStart || "…") + " – " + (e.windowEnd || "…")));
        return row;
      }));
    } catch (e) { $("error").textContent = e.message; }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("rules").addEventListener("submit", (e) => { e.preventDefault(); count(); });
    $("record").addEventListener("click", async () => {
      try {
        const saved = await call("/api/lineage/evidence?" + params(), { method: "POST" });
        $("error").textContent = "";
        await evidence();
        $("record").title = t("lin.recorded") + saved.id;
      } catch (e) { $("error").textContent = e.message; }
    });
    document.addEventListener("gukdae:lang", () => { if (last) render(last); });
    dataset();
    evidence();
  });
})();
