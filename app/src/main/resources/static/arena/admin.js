// Arena administration: scenarios and rubric criteria, outlier voters, leak-flagged battles.
// The server checks the administrator role on every call; this page only hides what it cannot use.
// Everything that came from users or models is set with textContent.
(function () {
  const t = gukdaeI18n.t;
  const $ = (id) => document.getElementById(id);

  const api = window.arenaApi;
  function showError(e) { $("error").textContent = e ? e.message : ""; }
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function cell(tr, content, cls) {
    const td = el("td", typeof content === "string" ? content : null, cls);
    if (content instanceof Node) td.appendChild(content);
    tr.appendChild(td);
    return td;
  }
  function percent(x) { return x === null || x === undefined || Number.isNaN(x) ? "–" : Math.round(x * 100) + "%"; }

  async function loadSession() {
    const session = await api("GET", "/api/arena/session");
    const admin = session.voterClass === "ADMIN";
    $("who-label").textContent = session.voterClass === "PUBLIC"
      ? (session.username ? t(session.verified ? "arena.verified" : "arena.member") + " · " + session.username : t("arena.public"))
      : (admin ? t("arena.admin") : t("arena.expert")) + " · " + session.username;
    $("login").hidden = !!session.username;
    $("logout").hidden = !session.username;
    $("not-admin").hidden = admin;
    $("console").hidden = !admin;
    if (admin) await refresh();
    document.body.dataset.state = admin ? "admin" : "locked";
  }

  async function refresh() {
    const [scenarios, integrity, accounts] = await Promise.all([
      api("GET", "/api/arena/admin/scenarios"),
      api("GET", "/api/arena/admin/integrity"),
      api("GET", "/api/arena/admin/accounts/unverified"),
    ]);
    renderScenarios(scenarios);
    renderIntegrity(integrity);
    renderAccounts(accounts);
  }

  // Public accounts waiting for the out-of-band identity check; Verify records who and when.
  function renderAccounts(accounts) {
    const rows = $("account-rows");
    rows.replaceChildren();
    for (const a of accounts) {
      const tr = el("tr");
      tr.dataset.username = a.username;
      cell(tr, a.username);
      cell(tr, new Date(a.createdAt).toLocaleString());
      const verify = el("button", t("admin.verify"), "verify");
      verify.type = "button";
      verify.addEventListener("click", () =>
        act(() => api("POST", "/api/arena/admin/accounts/" + encodeURIComponent(a.username) + "/verify")));
      cell(tr, verify);
      rows.appendChild(tr);
    }
    if (!accounts.length) rows.appendChild(emptyRow(3));
  }

  function renderScenarios(scenarios) {
    const rows = $("scenario-rows");
    rows.replaceChildren();
    for (const s of scenarios) {
      const tr = el("tr");
      tr.dataset.scenario = String(s.id);
      if (s.retired) tr.className = "muted";
      cell(tr, String(s.id), "num");
      const title = el("td");
      title.append(el("div", s.title), el("div", s.prompt.length > 120 ? s.prompt.slice(0, 120) + "…" : s.prompt, "muted"));
      tr.appendChild(title);
      cell(tr, s.category + " · " + s.language);
      const criteria = el("ul", null, "criteria");
      for (const c of s.criteria) {
        const li = el("li", c.name);
        if (c.description) li.append(" ", el("span", "— " + c.description, "muted"));
        criteria.appendChild(li);
      }
      const add = el("form", null, "inline add-criterion");
      const name = el("input");
      name.maxLength = 200;
      name.required = true;
      name.placeholder = t("admin.criterionName");
      name.className = "criterion-name";
      const description = el("input");
      description.maxLength = 2000;
      description.placeholder = t("admin.criterionDescription");
      description.className = "criterion-description";
      add.append(name, description, el("button", t("admin.addCriterion")));
      add.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        await act(() => api("POST", "/api/arena/admin/scenarios/" + s.id + "/criteria",
          { name: name.value, description: description.value }));
      });
      const criteriaCell = cell(tr, criteria);
      criteriaCell.appendChild(add);
      cell(tr, s.retired ? t("admin.retired") : t("admin.active"), "status");
      const toggle = el("button", s.retired ? t("admin.restore") : t("admin.retire"), "retire");
      toggle.type = "button";
      toggle.addEventListener("click", () =>
        act(() => api("POST", "/api/arena/admin/scenarios/" + s.id + "/retired", { retired: !s.retired })));
      cell(tr, toggle);
      rows.appendChild(tr);
    }
  }

  function renderIntegrity(data) {
    const th = data.thresholds;
    $("thresholds").textContent = t("admin.thresholds")
      .replace("{votes}", th.minVotes).replace("{agreement}", percent(th.minAgreement))
      .replace("{side}", percent(th.maxSideShare)).replace("{counted}", data.votesCounted);
    const outliers = $("outlier-rows");
    outliers.replaceChildren();
    for (const o of data.outliers) {
      const tr = el("tr");
      cell(tr, o.voterId);
      cell(tr, o.voterClass.toLowerCase());
      cell(tr, String(o.decisiveVotes), "num");
      cell(tr, percent(o.agreement), "num");
      cell(tr, percent(o.sideAShare), "num");
      cell(tr, o.reasons.join("; "));
      outliers.appendChild(tr);
    }
    if (!data.outliers.length) outliers.appendChild(emptyRow(6));
    const judges = $("judge-rows");
    judges.replaceChildren();
    for (const j of data.judgeFitOutliers) {
      const tr = el("tr");
      cell(tr, j.judge);
      cell(tr, String(j.votes), "num");
      cell(tr, j.z.toFixed(2), "num");
      judges.appendChild(tr);
    }
    if (!data.judgeFitOutliers.length) judges.appendChild(emptyRow(3));
    $("quarantine-rule").textContent = t("admin.quarantineRule")
      .replace("{votes}", th.burstVotes).replace("{share}", percent(th.targetShare))
      .replace("{wins}", percent(th.targetWins));
    const quarantined = $("quarantine-rows");
    quarantined.replaceChildren();
    for (const q of data.quarantined) {
      const tr = el("tr");
      cell(tr, t("admin.rule." + q.rule));
      cell(tr, q.source);
      cell(tr, q.model);
      cell(tr, String(q.votes), "num");
      cell(tr, String(q.wins), "num");
      cell(tr, q.from + " – " + q.to);
      quarantined.appendChild(tr);
    }
    if (!data.quarantined.length) quarantined.appendChild(emptyRow(6));
    const leaks = $("leak-rows");
    leaks.replaceChildren();
    for (const x of data.excludedNonBlind) {
      const tr = el("tr");
      tr.dataset.battle = x.battleId;
      cell(tr, x.battleId.slice(0, 12) + "…");
      cell(tr, x.leak);
      cell(tr, x.modelA + " · " + x.modelB);
      cell(tr, x.outcome);
      cell(tr, new Date(x.votedAt).toLocaleString());
      const view = el("button", t("admin.view"), "view");
      view.type = "button";
      view.addEventListener("click", () => showBattle(x.battleId).catch(showError));
      cell(tr, view);
      leaks.appendChild(tr);
    }
    if (!data.excludedNonBlind.length) leaks.appendChild(emptyRow(6));
  }

  function emptyRow(span) {
    const tr = el("tr");
    const td = el("td", t("admin.none"), "muted");
    td.colSpan = span;
    tr.appendChild(td);
    return tr;
  }

  async function showBattle(id) {
    const b = await api("GET", "/api/arena/admin/battles/" + encodeURIComponent(id));
    const box = $("battle-detail");
    box.replaceChildren(el("h3", b.modelA + " (A) · " + b.modelB + " (B) — " + b.outcome));
    for (const turn of b.turns) {
      const wrap = el("div", null, "turn");
      wrap.append(el("div", turn.turn + ". " + turn.prompt, "ask"));
      if (turn.leak) wrap.append(el("p", t("admin.leakTerm") + ": " + turn.leak, "bad"));
      const sides = el("div", null, "sides");
      sides.append(el("pre", turn.answerA, "answer"), el("pre", turn.answerB, "answer"));
      wrap.append(sides);
      box.appendChild(wrap);
    }
    box.hidden = false;
  }

  // Runs one change, then shows the server's state again (the list is the source of truth).
  async function act(change) {
    showError(null);
    try {
      await change();
      await refresh();
      document.body.dataset.changed = String(Date.now());
    } catch (e) { showError(e); }
  }

  async function createScenario(ev) {
    ev.preventDefault();
    const criteria = $("ns-criteria").value.split("\n").map((c) => c.trim()).filter((c) => c);
    await act(async () => {
      await api("POST", "/api/arena/admin/scenarios", {
        title: $("ns-title").value, prompt: $("ns-prompt").value, category: $("ns-category").value,
        language: $("ns-language").value, criteria,
      });
      $("new-scenario").reset();
      $("ns-status").textContent = t("admin.created");
    });
  }

  document.addEventListener("DOMContentLoaded", async () => {
    $("login").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      showError(null);
      try {
        await api("POST", "/api/arena/login", { username: $("login-user").value, password: $("login-pass").value });
        $("login-pass").value = "";
        await loadSession();
      } catch (e) { showError(e); }
    });
    $("logout").addEventListener("click", async () => { await api("POST", "/api/arena/logout"); await loadSession(); });
    $("new-scenario").addEventListener("submit", createScenario);
    document.addEventListener("gukdae:lang", () => loadSession().catch(showError));
    try { await loadSession(); } catch (e) { showError(e); }
  });
})();
