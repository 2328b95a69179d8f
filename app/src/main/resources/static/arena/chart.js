// The leaderboard's interval chart, as LMArena draws it: one row per model, a line from the lower to
// the upper end of its 95% interval and a mark at its rating, all rows on one shared scale. Names
// and numbers are HTML (readable at any width); each row's drawing is an SVG stretched to the row.
window.arenaChart = (function () {
  const SVG = "http://www.w3.org/2000/svg";
  function node(name, attrs) {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  }
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    e.className = cls;
    e.textContent = text;
    return e;
  }
  // A scale with some room either side, rounded outwards to tens.
  function scale(rows) {
    let lo = Math.min(...rows.map((r) => r.lower));
    let hi = Math.max(...rows.map((r) => r.upper));
    if (hi - lo < 1) { lo -= 10; hi += 10; }
    const pad = (hi - lo) * 0.05;
    lo = Math.floor((lo - pad) / 10) * 10;
    hi = Math.ceil((hi + pad) / 10) * 10;
    return { lo, hi, x: (v) => ((v - lo) / (hi - lo)) * 1000 };
  }
  function draw(box, rows, preliminaryLabel) {
    box.replaceChildren();
    if (!rows.length) return;
    const s = scale(rows);
    const list = document.createElement("ol");
    list.className = "intervals";
    for (const r of rows) {
      const li = document.createElement("li");
      li.dataset.model = r.model;
      if (r.preliminary) li.className = "preliminary";
      const name = el("span", "iv-name", r.model);
      if (r.preliminary) name.append(" ", el("span", "prelim-badge", preliminaryLabel));
      const svg = node("svg", { viewBox: "0 0 1000 20", preserveAspectRatio: "none", role: "img",
        "aria-label": r.model + ": " + r.rating.toFixed(0) + " [" + r.lower.toFixed(0) + ", " + r.upper.toFixed(0) + "]" });
      svg.append(node("line", { class: "iv-grid", x1: 500, x2: 500, y1: 0, y2: 20 }),
        node("rect", { class: "iv-range", x: s.x(r.lower), y: 8, width: Math.max(2, s.x(r.upper) - s.x(r.lower)), height: 4 }),
        node("rect", { class: "iv-point", x: s.x(r.rating) - 5, y: 3, width: 10, height: 14 }));
      li.append(name, svg, el("span", "iv-value", r.rating.toFixed(0) + " (" + r.lower.toFixed(0) + "–" + r.upper.toFixed(0) + ")"));
      list.append(li);
    }
    // the scale under the drawings, in the same grid column
    const axisRow = document.createElement("li");
    axisRow.className = "iv-axis-row";
    axisRow.setAttribute("aria-hidden", "true");
    const axis = el("div", "iv-axis", "");
    for (const v of [s.lo, (s.lo + s.hi) / 2, s.hi]) axis.append(el("span", "", v.toFixed(0)));
    axisRow.append(el("span", "", ""), axis, el("span", "", ""));
    list.append(axisRow);
    box.append(list);
  }
  return { draw };
})();
