// Job progress: the list of background jobs and, for the chosen one, its shards done/total,
// retries, the shards being worked on (and by which worker) and the failed or retried ones with
// their reasons; refreshed while the job runs. Server text is set with textContent only.
(function () {
  const t = (k) => gukdaeI18n.t(k);
  const $ = (id) => document.getElementById(id);
  let current = new URLSearchParams(location.search).get("id");
  let timer = null;

  function cell(tr, text, cls) {
    const td = document.createElement("td");
    td.textContent = text == null ? "" : String(text);
    if (cls) td.className = cls;
    tr.appendChild(td);
  }
  const kind = (k) => t("jobs.kind." + k) === "jobs.kind." + k ? k : t("jobs.kind." + k);

  async function getJson(url) {
    const r = await fetch(url);
    const body = await r.json().catch(() => null);
    if (!r.ok) {
      const err = new Error(r.status === 401 || r.status === 403 ? t("jobs.signinFirst")
        : r.status === 404 ? t("jobs.notFound") : gukdaeI18n.problem(body, "HTTP " + r.status));
      err.status = r.status;
      throw err;
    }
    return body;
  }

  async function list() {
    $("jobs-error").textContent = "";
    let jobs;
    try {
      jobs = await getJson("/api/jobs");
    } catch (e) {
      $("jobs-error").textContent = e.message;
      return;
    }
    const body = document.querySelector("#jobs tbody");
    body.replaceChildren();
    $("jobs-empty").hidden = jobs.length > 0;
    jobs.forEach((j) => {
      const tr = document.createElement("tr");
      tr.className = "click" + (j.id === current ? " sel" : "");
      cell(tr, j.id);
      cell(tr, kind(j.kind));
      cell(tr, j.label);
      cell(tr, gukdaeI18n.label(j.status));
      cell(tr, String(j.createdAt).replace("T", " ").slice(0, 19));
      tr.addEventListener("click", () => { current = j.id; history.replaceState(null, "", "?id=" + encodeURIComponent(j.id)); list(); show(); });
      body.appendChild(tr);
    });
    if (!current && jobs.length) current = jobs[0].id;
    if (current) show();
  }

  async function show() {
    clearTimeout(timer);
    let p;
    try {
      p = await getJson("/api/jobs/" + encodeURIComponent(current));
    } catch (e) {
      $("job").hidden = true;
      $("jobs-error").textContent = e.message;
      return;
    }
    $("job").hidden = false;
    $("job-id").textContent = p.id;
    $("job-kind").textContent = kind(p.kind);
    $("job-label").textContent = p.label;
    $("job-status").textContent = gukdaeI18n.label(p.status);
    const pct = p.shardsTotal ? Math.round(100 * p.shardsDone / p.shardsTotal) : 0;
    $("job-bar").style.width = pct + "%";
    document.querySelector(".bar").setAttribute("aria-valuenow", String(pct));
    $("job-shards").textContent = p.shardsDone + " / " + p.shardsTotal;
    $("job-running").textContent = p.shardsRunning;
    $("job-queued").textContent = p.shardsQueued;
    $("job-failed").textContent = p.shardsFailed;
    $("job-retries").textContent = p.retries;
    $("job-eta").textContent = p.etaSeconds == null ? "–" : p.etaSeconds + " " + t("jobs.seconds");
    $("job-error").textContent = p.error || "";
    const link = $("job-result");
    link.hidden = p.status !== "DONE";
    if (p.kind === "eval") {
      link.href = "/eval/#run=" + encodeURIComponent(p.id);
      link.textContent = t("jobs.evalRun");
    } else {
      link.href = "/api/jobs/" + encodeURIComponent(p.id) + "/result";
      link.textContent = t("jobs.result");
    }
    const holders = document.querySelector("#holders tbody");
    holders.replaceChildren();
    p.running.forEach((s) => {
      const tr = document.createElement("tr");
      cell(tr, s.shard); cell(tr, s.label); cell(tr, s.worker); cell(tr, s.attempts, "num");
      holders.appendChild(tr);
    });
    const stuck = document.querySelector("#unplaceable tbody");
    stuck.replaceChildren();
    const size = (cpus, mb) => cpus + " CPU · " + Number(mb).toLocaleString("en") + " MiB";
    (p.unplaceable || []).forEach((u) => {
      const tr = document.createElement("tr");
      cell(tr, u.shard); cell(tr, u.label); cell(tr, size(u.needCpus, u.needMemoryMb));
      cell(tr, u.workersLive ? size(u.mostCpus, u.mostMemoryMb) : t("jobs.noWorker"));
      stuck.appendChild(tr);
    });
    $("unplaceable").hidden = !(p.unplaceable || []).length;
    const problems = document.querySelector("#problems tbody");
    problems.replaceChildren();
    p.problems.forEach((s) => {
      const tr = document.createElement("tr");
      cell(tr, s.shard); cell(tr, s.label); cell(tr, gukdaeI18n.label(s.status));
      cell(tr, s.attempts, "num"); cell(tr, s.error, "reason");
      problems.appendChild(tr);
    });
    if (p.status === "RUNNING") timer = setTimeout(show, 2000);
  }

  document.addEventListener("gukdae:lang", () => { if (current) show(); list(); });
  document.addEventListener("DOMContentLoaded", async () => {
    gukdaeSignin.wire(() => list());
    gukdaeSignin.show(await gukdaeSignin.me());
    list();
  });
})();
