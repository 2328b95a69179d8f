// One table renderer for the pages: a header row, then one row per array of cells. A cell that is
// a DOM node is placed as it is; anything else goes in as text (textContent), so untrusted values
// never become markup.
function gukdaeTable(target, headers, rows) {
  target.replaceChildren();
  const head = target.insertRow();
  headers.forEach((h) => { const th = document.createElement("th"); th.textContent = h; head.appendChild(th); });
  rows.forEach((cells) => {
    const tr = target.insertRow();
    cells.forEach((c) => { const td = tr.insertCell(); if (c instanceof Node) td.appendChild(c); else td.textContent = String(c); });
  });
}
