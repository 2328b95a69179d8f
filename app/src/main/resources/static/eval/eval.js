// All values come from the API and are set with textContent: task names and model names are user input.
function cell(row, text, cls) { const td = row.insertCell(); td.textContent = text; if (cls) td.className = cls; return td; }
async function loadTasks() {
  const tasks = await (await fetch("/api/eval/tasks")).json();
  const list = document.getElementById("task-list");
  for (const t of tasks) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox"; box.value = t.name; box.checked = t.demo;
    label.append(box, " " + t.name + " ");
    list.append(label, document.createElement("br"));
  }
}
let selected = null;
async function refresh() {
  const runs = await (await fetch("/api/eval/runs")).json();
  const body = document.querySelector("#runs tbody");
  body.replaceChildren();
  for (const r of runs) {
    const row = body.insertRow();
    const link = document.createElement("a"); link.href = "#"; link.textContent = r.id;
    link.onclick = (e) => { e.preventDefault(); selected = r.id; showResults(); };
    row.insertCell().append(link);
    cell(row, r.model); cell(row, r.tasks); cell(row, r.status);
    cell(row, r.samplesDone + " / " + r.samplesTotal, "num"); cell(row, r.errors, "num");
  }
  if (!selected && runs.length) selected = runs[0].id;
  showResults();
}
async function showResults() {
  if (!selected) return;
  const data = await (await fetch("/api/eval/runs/" + encodeURIComponent(selected))).json();
  const body = document.querySelector("#results tbody");
  body.replaceChildren();
  for (const r of data.results || []) {
    const row = body.insertRow();
    cell(row, r.task); cell(row, r.metric + "," + r.filterName); cell(row, r.metricValue.toFixed(4), "num");
    cell(row, r.stderr == null ? "N/A" : r.stderr.toFixed(4), "num"); cell(row, r.nSamples, "num"); cell(row, r.aggregation);
  }
}
document.getElementById("start").addEventListener("submit", async (e) => {
  e.preventDefault();
  const form = e.target;
  const tasks = [...document.querySelectorAll("#task-list input:checked")].map((b) => b.value);
  const limit = form.limit.value ? Number(form.limit.value) : null;
  const res = await fetch("/api/eval/runs", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ model: form.model.value, tasks, limit }) });
  const out = await res.json();
  document.getElementById("start-error").textContent = res.ok ? "" : out.message || out.error;
  if (res.ok) { selected = out.runId; refresh(); }
});
// Achievement of the selected run against a bundled reference table (GET /api/eval/runs/{id}/compare).
async function loadModels() {
  const table = document.querySelector("#compare [name=references]").value;
  const data = await (await fetch("/api/compare/references?table=" + encodeURIComponent(table))).json();
  const list = document.getElementById("cmp-models");
  list.replaceChildren(...(data.models || []).map((m) => { const o = document.createElement("option"); o.value = m; return o; }));
}
document.querySelector("#compare [name=references]").addEventListener("change", loadModels);
document.getElementById("compare").addEventListener("submit", async (e) => {
  e.preventDefault();
  const f = e.target;
  const q = new URLSearchParams({ references: f.references.value, goal: f.goal.value });
  if (f.target.value) q.set("target", f.target.value);
  if (f.bestWithin.value) q.set("bestWithin", f.bestWithin.value);
  if (f.asOf.value) q.set("asOf", f.asOf.value);
  const body = document.querySelector("#compared tbody");
  body.replaceChildren();
  if (!selected) return;
  const res = await fetch("/api/eval/runs/" + encodeURIComponent(selected) + "/compare?" + q);
  const out = await res.json().catch(() => ({ error: res.statusText }));
  document.getElementById("compare-error").textContent = res.ok ? "" : out.error;
  for (const t of res.ok ? out.tasks : []) {
    const row = body.insertRow();
    cell(row, t.task);
    if (t.reference) {
      cell(row, t.metric); cell(row, t.score.toFixed(2), "num"); cell(row, t.reference.model);
      cell(row, t.reference.score.toFixed(2), "num"); cell(row, t.reference.releaseDate);
      cell(row, t.ratio.toFixed(3), "num"); cell(row, t.meetsGoal ? "✓" : "✗", t.meetsGoal ? "ok" : "bad");
    } else {
      const td = cell(row, gukdaeI18n.t("cmpNone") + " — " + t.noReference);
      td.colSpan = 7; td.className = "muted";
    }
  }
});
loadTasks(); refresh(); loadModels(); setInterval(refresh, 2000);
