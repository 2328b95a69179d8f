// Sign-in shared by the review and stage pages: the platform's one account system (/api/access).
gukdaeI18n.add({
  ko: { "signin.username": "아이디", "signin.password": "비밀번호", "signin.submit": "로그인",
    "signin.as": "로그인: ", "signin.none": "로그인하지 않았습니다", "signin.failed": "로그인 실패" },
  en: { "signin.username": "Username", "signin.password": "Password", "signin.submit": "Sign in",
    "signin.as": "Signed in as ", "signin.none": "Not signed in", "signin.failed": "Sign-in failed" },
});

window.gukdaeSignin = (function () {
  async function me() {
    const r = await fetch("/api/access/me");
    if (!r.ok) return null;
    const body = await r.json();
    return body && body.username ? body : null;
  }
  function show(who) {
    const el = document.getElementById("me");
    if (el) {
      el.textContent = who ? gukdaeI18n.t("signin.as") + who.username + " (" + (who.roles || []).join(", ") + ")"
        : gukdaeI18n.t("signin.none");
    }
  }
  function wire(onChange) {
    const form = document.getElementById("signin-form");
    if (!form) return;
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const err = document.getElementById("signin-error");
      err.textContent = "";
      const r = await fetch("/api/access/login", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: document.getElementById("username").value,
          password: document.getElementById("password").value }),
      });
      if (!r.ok) {
        const body = await r.json().catch(() => ({}));
        err.textContent = gukdaeI18n.problem(body, gukdaeI18n.t("signin.failed"));
        return;
      }
      const who = await me();
      show(who);
      onChange(who);
    });
  }
  return { me, show, wire };
})();
