// Leaderboard page: ratings with intervals for the chosen slice and method (Bradley–Terry, online
// Elo, style-controlled with its coefficients); every cell is set with textContent.
(function () {
  const $ = (id) => document.getElementById(id);
  function query() {
    const p = new URLSearchParams();
    for (const id of ["category", "language", "voterClass", "minBattles"]) if ($(id).value) p.set(id, $(id).value);
    return p.toString();
  }
  function ratingsQuery() {
    const p = new URLSearchParams(query());
    p.set("method", $("method").value);
    return p.toString();
  }
  function cell(tr, text, cls) {
    const td = document.createElement("td");
    if (cls) td.className = cls;
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }
  async function load() {
    $("error").textContent = "";
    try {
      const res = await fetch("/api/arena/leaderboard?" + ratingsQuery());
      const data = await res.json();
      if (!res.ok) throw new Error(gukdaeI18n.problem(data, res.status));
      $("count").textContent = String(data.battles);
      $("export").href = "/api/arena/export?" + query();
      const rows = $("rows");
      rows.replaceChildren();
      const t = gukdaeI18n.t;
      for (const r of data.ratings) {
        const tr = document.createElement("tr");
        tr.dataset.model = r.model;
        if (r.preliminary) tr.className = "preliminary";
        cell(tr, String(r.rank), "num");
        const name = cell(tr, r.model);
        for (const [on, cls, key] of [[r.demo, "demo-badge", "lb.demo"], [r.preliminary, "prelim-badge", "lb.preliminary"]]) {
          if (!on) continue;
          const badge = document.createElement("span");
          badge.className = cls;
          badge.textContent = t(key);
          name.append(" ", badge);
        }
        cell(tr, r.rating.toFixed(1), "num");
        cell(tr, r.lower.toFixed(1) + " – " + r.upper.toFixed(1), "num");
        cell(tr, String(r.battles), "num");
        rows.appendChild(tr);
      }
      $("lead").textContent = t("lb.lead." + data.method);
      arenaChart.draw($("chart"), data.ratings, t("lb.preliminary"));
      $("chart-box").hidden = data.ratings.length === 0;
      $("preliminary-note").textContent = t("lb.preliminaryNote").replace("{n}", data.preliminaryBelow);
      const style = $("style-rows");
      style.replaceChildren();
      for (const s of data.style || []) {
        const tr = document.createElement("tr");
        tr.dataset.feature = s.feature;
        cell(tr, gukdaeI18n.t("lb.feature." + s.feature));
        cell(tr, (s.points >= 0 ? "+" : "") + s.points.toFixed(1), "num");
        cell(tr, s.lower.toFixed(1) + " – " + s.upper.toFixed(1), "num");
        style.appendChild(tr);
      }
      $("style").hidden = data.method !== "style";
      document.body.dataset.method = data.method;
    } catch (e) { $("error").textContent = gukdaeI18n.message(e.message); }
  }
  async function adminLink() {
    const res = await fetch("/api/arena/session", { credentials: "same-origin" });
    const session = await res.json();
    $("admin-link").hidden = session.voterClass !== "ADMIN";
  }
  async function slices() {
    const data = await (await fetch("/api/arena/slices")).json();
    for (const [id, values] of [["category", data.categories], ["language", data.languages]]) {
      for (const v of values) $(id).add(new Option(v, v));
    }
  }
  document.addEventListener("DOMContentLoaded", async () => {
    $("filters").addEventListener("change", load);
    document.addEventListener("gukdae:lang", load);
    await slices().catch(() => {});
    adminLink().catch(() => {});
    load();
  });
})();
