// The run viewer, in the manner of Inspect's log viewer: a header (model, tasks, data source, date),
// one score card per task, a per-category chart, all metrics, and every sample with filters.
window.evalCell = function (row, text, cls) {
  const td = row.insertCell(); td.textContent = String(text); if (cls) td.className = cls; return td;
};
window.evalViewer = (function () {
  const $ = (id) => document.getElementById(id);
  const t = (k) => gukdaeI18n.t(k);
  const SVG = "http://www.w3.org/2000/svg";
  const PRIMARY = ["acc", "exact_match", "acc_norm", "f1", "mcc"];
  const SHOWN = 200;
  let samples = [];
  let current = null;

  async function json(url) {
    const res = await fetch(url);
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(gukdaeI18n.problem(body, res.status + " " + res.statusText));
    return body;
  }
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    return e;
  }
  const fmt = (v) => (v == null ? "–" : Number(v).toFixed(3));

  // The metric a task is summed up by: the first of PRIMARY it has, else its first metric.
  function primary(rows) {
    for (const m of PRIMARY) { const r = rows.find((x) => x.metric === m); if (r) return r; }
    return rows[0];
  }

  function header(run) {
    $("run-id").textContent = run.id;
    $("run-model").textContent = run.model;
    $("run-tasks").textContent = run.tasks.split(",").join(", ");
    const bundled = run.dataSource === "bundled";
    $("run-data").textContent = bundled ? t("dataBundled") : (run.dataSource || t("dataUnknown"));
    $("run-date").textContent = run.startedAt.replace("T", " ").slice(0, 19) + " UTC";
    $("run-status").textContent = gukdaeI18n.label(run.status);
    $("run-status").className = "status-" + run.status;
    $("bundled-banner").hidden = !bundled;
    const failed = run.status === "FAILED";
    $("run-error").hidden = !failed;
    $("run-error").textContent = failed ? t("runFailed") + " " + (run.error || t("noReason")) : "";
  }

  function cards(results) {
    const byTask = new Map();
    for (const r of results) {
      if (r.task.includes(":") || r.task.includes("#")) continue;
      if (!byTask.has(r.task)) byTask.set(r.task, []);
      byTask.get(r.task).push(r);
    }
    const box = $("cards");
    box.replaceChildren();
    for (const [task, rows] of byTask) {
      const p = primary(rows);
      const card = el("div", "score-card");
      card.dataset.task = task;
      card.append(el("div", "name", task), el("div", "value", fmt(p.metricValue)),
        el("div", "meta", p.metric + (p.stderr == null ? "" : " ± " + fmt(p.stderr)) + " · n = " + p.nSamples));
      box.append(card);
    }
    return byTask;
  }

  // One bar per category: the label and value in HTML (readable at any width), the bar an SVG
  // stretched to the row, so nothing needs an inline style.
  function categoryChart(results, byTask) {
    const rows = [];
    for (const r of results) {
      const cut = r.task.indexOf(":");
      if (cut < 0) continue;
      const task = r.task.slice(0, cut);
      const p = primary(byTask.get(task) || [r]);
      if (r.metric === p.metric && r.filterName === p.filterName) rows.push({ task, category: r.task.slice(cut + 1), value: r.metricValue, n: r.nSamples });
    }
    $("categories").hidden = rows.length === 0;
    const chart = $("category-chart");
    chart.replaceChildren();
    const list = el("ul", "bars");
    for (const row of rows) {
      const li = el("li", "bar-row");
      li.dataset.category = row.category;
      li.append(el("span", "bar-label", row.category + (byTask.size > 1 ? " (" + row.task + ")" : "")));
      const svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("viewBox", "0 0 100 10");
      svg.setAttribute("preserveAspectRatio", "none");
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", row.category + ": " + fmt(row.value));
      const track = document.createElementNS(SVG, "rect");
      track.setAttribute("class", "track"); track.setAttribute("width", "100"); track.setAttribute("height", "10");
      const bar = document.createElementNS(SVG, "rect");
      bar.setAttribute("class", "bar"); bar.setAttribute("height", "10");
      bar.setAttribute("width", String(Math.max(0, Math.min(1, row.value)) * 100));
      svg.append(track, bar);
      li.append(svg, el("span", "bar-value", fmt(row.value) + " · n = " + row.n));
      list.append(li);
    }
    chart.append(list);
  }

  function metricsTable(results) {
    const body = document.querySelector("#results tbody");
    body.replaceChildren();
    for (const r of results) {
      const row = body.insertRow();
      window.evalCell(row, r.task); window.evalCell(row, r.metric + "," + r.filterName);
      window.evalCell(row, r.metricValue.toFixed(4), "num");
      window.evalCell(row, r.stderr == null ? "N/A" : r.stderr.toFixed(4), "num");
      window.evalCell(row, r.nSamples, "num"); window.evalCell(row, r.aggregation);
    }
  }

  function options(select, values) {
    const keep = select.value;
    while (select.options.length > 1) select.remove(1);
    for (const v of values) select.add(new Option(v, v));
    if (values.includes(keep)) select.value = keep;
  }

  function renderSamples() {
    const task = $("f-task").value, category = $("f-category").value, outcome = $("f-correct").value;
    const shown = samples.filter((s) => (!task || s.task === task) && (!category || s.category === category)
      && (!outcome || (outcome === "error" ? s.error != null : s.error == null && s.correct === (outcome === "yes"))));
    $("sample-count").textContent = t("showing").replace("{n}", Math.min(shown.length, SHOWN)).replace("{total}", shown.length);
    const list = $("sample-list");
    list.replaceChildren();
    for (const s of shown.slice(0, SHOWN)) {
      const kind = s.error != null ? "error" : s.correct ? "correct" : "incorrect";
      const li = el("li", "sample " + kind);
      li.dataset.correct = kind;
      const head = el("div", "head");
      head.append(el("span", "verdict " + (kind === "correct" ? "ok" : "bad"), t(kind === "error" ? "failedSample" : kind)),
        el("span", null, s.task + " #" + s.docId));
      if (s.category) head.append(el("span", null, t("category") + ": " + s.category));
      li.append(head, el("div", "muted", t("prompt")), el("pre", "prompt", s.prompt),
        el("div", "muted", t("response")), el("pre", "response", s.error != null ? s.error : s.response));
      const dl = el("dl");
      const scores = Object.entries(s.scores).map(([k, v]) => k + " = " + fmt(v)).join(" · ");
      for (const [k, v] of [["answer", s.answer], ["target", s.target], ["score", scores]]) dl.append(el("dt", null, t(k)), el("dd", k, v));
      li.append(dl);
      list.append(li);
    }
  }

  async function loadSamples(id) {
    const note = $("samples-note");
    try {
      const data = await json("/api/eval/runs/" + encodeURIComponent(id) + "/samples");
      samples = data.samples;
      note.hidden = !data.truncated;
      note.textContent = data.truncated ? t("truncated").replace("{total}", data.total) : "";
    } catch (e) {
      samples = [];
      note.hidden = false;
      note.textContent = e.message;
    }
    options($("f-task"), [...new Set(samples.map((s) => s.task))]);
    options($("f-category"), [...new Set(samples.map((s) => s.category).filter((c) => c != null))].sort());
    renderSamples();
  }

  async function show(id) {
    const data = await json("/api/eval/runs/" + encodeURIComponent(id));
    $("run").hidden = false;
    header(data.run);
    const results = data.results || [];
    const byTask = cards(results);
    categoryChart(results, byTask);
    metricsTable(results);
    // samples are read once per finished run, not on every poll
    const key = id + "|" + data.run.status + "|" + data.run.samplesDone;
    if (key !== current) { current = key; await loadSamples(id); } else renderSamples();
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("sample-filters").addEventListener("change", renderSamples);
  });
  return { show };
})();
