// The arena pages' one way to call the API: JSON in and out, the session cookie sent, and a
// refusal turned into an Error carrying the server's message (the UI language's fallback if none).
window.arenaApi = async function (method, url, body) {
  const res = await fetch(url, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
    credentials: "same-origin",
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(gukdaeI18n.problem(data, gukdaeI18n.t("arena.failed") + " (" + res.status + ")"));
  return data;
};
