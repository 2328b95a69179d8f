// The blind arena page. Model names never reach this page before the vote: the server sends only
// an opaque battle id, sides A/B and answer text.
(function () {
  const t = gukdaeI18n.t;
  const $ = (id) => document.getElementById(id);
  let battleId = null;
  let turn = 0;
  let session = null;
  let scenarios = [];

  const api = window.arenaApi;
  function showError(e) { $("error").textContent = e ? gukdaeI18n.message(e.message) : ""; }

  // Keys 1–4 vote like the buttons, but never while typing in a text box.
  const KEYS = { 1: "A", 2: "B", 3: "tie", 4: "bothbad" };
  function onKey(ev) {
    const target = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey || !KEYS[ev.key]) return;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const button = document.querySelector('[data-vote="' + KEYS[ev.key] + '"]');
    if (button && !button.disabled && !$("battle").hidden) { ev.preventDefault(); button.click(); }
  }

  async function loadSession() {
    session = await api("GET", "/api/arena/session");
    // A public voter with an account keeps voting as the public; the label says whether verified.
    const label = session.voterClass === "PUBLIC"
      ? (session.username ? t(session.verified ? "arena.verified" : "arena.member") + " · " + session.username : t("arena.public"))
      : (session.voterClass === "ADMIN" ? t("arena.admin") : t("arena.expert")) + " · " + session.username;
    $("who-label").textContent = label;
    $("login").hidden = !!session.username;
    $("logout").hidden = !session.username;
    $("admin-link").hidden = session.voterClass !== "ADMIN";
  }

  async function loadScenarios() {
    scenarios = await api("GET", "/api/arena/scenarios");
    const select = $("scenario");
    while (select.options.length > 1) select.remove(1);
    for (const s of scenarios) {
      const opt = document.createElement("option");
      opt.value = String(s.id);
      opt.textContent = s.title + " [" + s.category + " · " + s.language + "]";
      select.appendChild(opt);
    }
  }

  function setVoting(enabled) {
    document.querySelectorAll("[data-vote]").forEach((b) => { b.disabled = !enabled; });
    $("send").disabled = !enabled;
  }

  function addTurn(prompt) {
    const boxes = {};
    for (const side of ["A", "B"]) {
      const wrap = document.createElement("div");
      wrap.className = "turn";
      const ask = document.createElement("div");
      ask.className = "ask";
      ask.textContent = prompt;
      const answer = document.createElement("div");
      answer.className = "answer streaming";
      answer.dataset.side = side;
      // read out once complete (aria-busy holds the announcement while tokens arrive)
      answer.setAttribute("aria-live", "polite");
      answer.setAttribute("aria-busy", "true");
      wrap.append(ask, answer);
      document.querySelector("#side-" + side + " .turns").appendChild(wrap);
      boxes[side] = answer;
    }
    return boxes;
  }

  function generating(on) {
    $("generating").classList.toggle("on", on);
    $("generating-text").textContent = t(on ? "arena.generating" : "arena.answered");
  }

  function stream(prompt) {
    const boxes = addTurn(prompt);
    setVoting(false);
    generating(true);
    const events = new EventSource("/api/arena/battles/" + encodeURIComponent(battleId) + "/turns/" + turn + "/events");
    events.addEventListener("delta", (e) => {
      const d = JSON.parse(e.data);
      boxes[d.side].textContent += d.text;
    });
    events.addEventListener("done", (e) => {
      const d = JSON.parse(e.data);
      boxes[d.side].classList.remove("streaming");
      boxes[d.side].setAttribute("aria-busy", "false");
      arenaMarkdown.render(boxes[d.side], d.blocks);
    });
    events.addEventListener("end", () => {
      events.close();
      document.body.dataset.state = "answered";
      if ($("rubric").hidden) showRubric();
      setVoting(true);
      generating(false);
    });
    events.onerror = () => {
      events.close();
      $("generating").classList.remove("on");
      $("generating-text").textContent = "";
      showError(new Error(t("arena.failed")));
    };
  }

  async function start() {
    showError(null);
    const scenarioId = $("scenario").value ? Number($("scenario").value) : null;
    const prompt = $("prompt").value;
    try {
      const started = await api("POST", "/api/arena/battles", { prompt, scenarioId });
      battleId = started.battleId;
      turn = started.turn;
      document.querySelectorAll(".turns").forEach((el) => el.replaceChildren());
      $("battle").hidden = false;
      $("reveal").hidden = true;
      $("rubric").hidden = true;
      $("start").hidden = true;
      document.body.dataset.state = "streaming";
      const scenario = scenarios.find((s) => s.id === scenarioId);
      stream(scenario ? scenario.prompt : prompt);
    } catch (e) { showError(e); }
  }

  async function followUp() {
    showError(null);
    const prompt = $("followup").value;
    try {
      const next = await api("POST", "/api/arena/battles/" + encodeURIComponent(battleId) + "/turns", { prompt });
      turn = next.turn;
      $("followup").value = "";
      document.body.dataset.state = "streaming";
      stream(prompt);
    } catch (e) { showError(e); }
  }

  async function vote(outcome) {
    showError(null);
    try {
      const reveal = await api("POST", "/api/arena/battles/" + encodeURIComponent(battleId) + "/vote", { outcome });
      setVoting(false);
      $("reveal-A").textContent = reveal.modelA;
      $("reveal-B").textContent = reveal.modelB;
      $("reveal-leak").hidden = reveal.blind;
      $("reveal-leak").textContent = reveal.blind ? "" : t("arena.leaked") + reveal.leak;
      $("reveal").hidden = false;
      document.body.dataset.state = "revealed";
      $("rubric").hidden = true; // rated blind, as A and B, before the reveal
      $("generating-text").textContent = "";
      $("again").focus();
    } catch (e) { showError(e); }
  }

  function showRubric() {
    const scenarioId = $("scenario").value ? Number($("scenario").value) : null;
    const scenario = scenarios.find((s) => s.id === scenarioId);
    if (!session || session.voterClass === "PUBLIC" || !scenario || !scenario.criteria.length) return;
    const rows = $("rubric-rows");
    rows.replaceChildren();
    for (const c of scenario.criteria) {
      const row = document.createElement("div");
      row.className = "rubric-row";
      const name = document.createElement("div");
      name.textContent = c.name;
      if (c.description) {
        const help = document.createElement("div");
        help.className = "muted";
        help.textContent = c.description;
        name.appendChild(help);
      }
      row.appendChild(name);
      for (const side of ["A", "B"]) {
        const cell = document.createElement("div");
        const select = document.createElement("select");
        select.dataset.criterion = c.id;
        select.dataset.side = side;
        for (let s = 1; s <= 5; s++) select.add(new Option(side + ": " + s, String(s), false, s === 3));
        const comment = document.createElement("textarea");
        comment.rows = 1;
        comment.maxLength = 2000;
        comment.placeholder = t("arena.comment");
        comment.dataset.commentFor = side + c.id;
        cell.append(select, comment);
        row.appendChild(cell);
      }
      rows.appendChild(row);
    }
    $("rubric").hidden = false;
  }

  async function submitRubric(ev) {
    ev.preventDefault();
    const scores = [...document.querySelectorAll("#rubric select")].map((s) => ({
      side: s.dataset.side,
      criterionId: Number(s.dataset.criterion),
      score: Number(s.value),
      comment: document.querySelector('[data-comment-for="' + s.dataset.side + s.dataset.criterion + '"]').value,
    }));
    try {
      await api("POST", "/api/arena/battles/" + encodeURIComponent(battleId) + "/rubric", { scores });
      $("rubric-status").textContent = t("arena.rubricSaved");
    } catch (e) { showError(e); }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    $("go").addEventListener("click", start);
    $("send").addEventListener("click", followUp);
    document.querySelectorAll("[data-vote]").forEach((b) => b.addEventListener("click", () => vote(b.dataset.vote)));
    $("again").addEventListener("click", () => { $("battle").hidden = true; $("start").hidden = false; document.body.dataset.state = ""; });
    $("rubric").addEventListener("submit", submitRubric);
    document.addEventListener("keydown", onKey);
    $("login").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      try {
        await api("POST", "/api/arena/login", { username: $("login-user").value, password: $("login-pass").value });
        $("login-pass").value = "";
        await loadSession();
      } catch (e) { showError(e); }
    });
    $("register").addEventListener("click", async () => {
      showError(null);
      try {
        await api("POST", "/api/arena/register", { username: $("login-user").value, password: $("login-pass").value });
        $("login-pass").value = "";
        await loadSession();
      } catch (e) { showError(e); }
    });
    $("logout").addEventListener("click", async () => { await api("POST", "/api/arena/logout"); await loadSession(); });
    document.addEventListener("gukdae:lang", () => loadSession().catch(showError));
    try { await loadSession(); await loadScenarios(); } catch (e) { showError(e); }
  });
})();
