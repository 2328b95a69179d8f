// Benchmarks page: start a run, list runs, open one in the viewer (viewer.js), compare with
// references. Values come from the API and are set with textContent (task and model names are input).
(function () {
  const $ = (id) => document.getElementById(id);
  const t = (k) => gukdaeI18n.t(k);
  const cell = window.evalCell;
  let selected = null;
  let timer = null;
  let waits = 0;

  // API errors are RFC 9457 problems (kr.gukdae.web.Problems); gukdaeI18n.problem picks the language.
  async function json(url, options) {
    const res = await fetch(url, options);
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(gukdaeI18n.problem(body, res.status + " " + res.statusText));
    return body;
  }

  async function loadTasks() {
    const tasks = await json("/api/eval/tasks");
    const list = $("task-list");
    list.replaceChildren();
    for (const task of tasks) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox"; box.value = task.name; box.checked = task.demo;
      label.append(box, " " + task.name);
      label.title = task.description || "";
      list.append(label);
    }
  }

  function select(id) {
    selected = id;
    if (location.hash !== "#run=" + encodeURIComponent(id)) history.replaceState(null, "", "#run=" + encodeURIComponent(id));
    document.querySelectorAll("#runs tbody tr").forEach((tr) => tr.classList.toggle("selected", tr.dataset.run === id));
    return window.evalViewer.show(id);
  }

  // Polls while a run is in progress, and only then; a failed poll shows its error once, then stops.
  async function refresh() {
    clearTimeout(timer);
    try {
      const runs = await json("/api/eval/runs");
      $("runs-error").textContent = "";
      const body = document.querySelector("#runs tbody");
      body.replaceChildren();
      for (const r of runs) {
        const row = body.insertRow();
        row.dataset.run = r.id;
        const link = document.createElement("a");
        link.href = "#run=" + encodeURIComponent(r.id); link.textContent = r.id;
        link.addEventListener("click", (e) => { e.preventDefault(); select(r.id).catch(showRunsError); });
        row.insertCell().append(link);
        cell(row, r.model); cell(row, r.tasks.split(",").join(", "));
        cell(row, gukdaeI18n.label(r.status), "status-" + r.status);
        cell(row, r.samplesDone + " / " + r.samplesTotal, "num"); cell(row, r.errors, "num");
      }
      const fromHash = decodeURIComponent((location.hash.match(/^#run=(.+)$/) || [])[1] || "");
      if (!selected) selected = fromHash || (runs.length ? runs[0].id : null);
      // A run just accepted is recorded by its worker a moment later (or recorded as failed).
      const listed = runs.some((r) => r.id === selected);
      if (listed) await select(selected);
      if ((selected && !listed && waits++ < 30) || runs.some((r) => r.status === "RUNNING")) timer = setTimeout(refresh, 1000);
    } catch (e) { showRunsError(e); }
  }
  function showRunsError(e) { $("runs-error").textContent = e.message; }

  async function startRun(e) {
    e.preventDefault();
    const form = e.target;
    const tasks = [...document.querySelectorAll("#task-list input:checked")].map((b) => b.value);
    const limit = form.limit.value ? Number(form.limit.value) : null;
    const box = $("start-error");
    try {
      const out = await json("/api/eval/runs", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ model: form.model.value, tasks, limit }) });
      box.hidden = true;
      selected = out.runId;
      waits = 0;
      await refresh();
    } catch (err) { box.textContent = err.message; box.hidden = false; }
  }

  async function loadModels() {
    const table = document.querySelector("#compare [name=references]").value;
    const data = await json("/api/compare/references?table=" + encodeURIComponent(table));
    $("cmp-models").replaceChildren(...(data.models || []).map((m) => { const o = document.createElement("option"); o.value = m; return o; }));
  }

  async function compare(e) {
    e.preventDefault();
    const f = e.target;
    const q = new URLSearchParams({ references: f.references.value, goal: f.goal.value });
    if (f.target.value) q.set("target", f.target.value);
    if (f.bestWithin.value) q.set("bestWithin", f.bestWithin.value);
    if (f.asOf.value) q.set("asOf", f.asOf.value);
    const body = document.querySelector("#compared tbody");
    body.replaceChildren();
    if (!selected) return;
    try {
      const out = await json("/api/eval/runs/" + encodeURIComponent(selected) + "/compare?" + q);
      $("compare-error").textContent = "";
      for (const c of out.tasks) {
        const row = body.insertRow();
        cell(row, c.task);
        if (c.reference) {
          cell(row, c.metric); cell(row, c.score.toFixed(2), "num"); cell(row, c.reference.model);
          cell(row, c.reference.score.toFixed(2), "num"); cell(row, c.reference.releaseDate);
          cell(row, c.ratio.toFixed(3), "num"); cell(row, c.meetsGoal ? "✓" : "✗", c.meetsGoal ? "ok" : "bad");
        } else {
          const td = cell(row, t("cmpNone") + " — " + (gukdaeI18n.lang() === "ko" && c.noReferenceKo ? c.noReferenceKo : c.noReference));
          td.colSpan = 7; td.className = "muted";
        }
      }
    } catch (err) { $("compare-error").textContent = err.message; }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("start").addEventListener("submit", startRun);
    document.querySelector("#compare [name=references]").addEventListener("change", () => loadModels().catch(() => {}));
    $("compare").addEventListener("submit", compare);
    document.addEventListener("gukdae:lang", refresh);
    loadTasks().catch((e) => { $("start-error").textContent = e.message; $("start-error").hidden = false; });
    loadModels().catch(() => {});
    refresh();
  });
})();
