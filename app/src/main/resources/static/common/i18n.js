// Korean/English text for gukdae pages. A page registers its strings with gukdaeI18n.add({ko:{...}, en:{...}})
// and marks elements with data-i18n="key"; the language comes from ?lang=, then localStorage, then Korean.
(function () {
  const dict = { ko: {}, en: {} };
  const fromQuery = new URLSearchParams(location.search).get("lang");
  let lang = fromQuery || localStorage.getItem("gukdae.lang") || "ko";
  if (!dict[lang]) lang = "ko";
  function t(key) {
    return (dict[lang] && dict[lang][key]) || dict.en[key] || key;
  }
  function apply(root) {
    (root || document).querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    (root || document).querySelectorAll("[data-i18n-placeholder]").forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    document.documentElement.lang = lang;
  }
  function setLang(next) {
    lang = next;
    localStorage.setItem("gukdae.lang", next);
    apply();
    document.dispatchEvent(new CustomEvent("gukdae:lang", { detail: next }));
  }
  function add(strings) {
    for (const l of Object.keys(strings)) Object.assign(dict[l] || (dict[l] = {}), strings[l]);
  }
  add({
    ko: { "nav.home": "홈", "nav.eval": "벤치마크", "nav.arena": "아레나", "nav.originality": "독자성 검증", "nav.lineage": "파생 모델", "nav.review": "전문가 평가", "nav.stage": "단계 평가", "lang.toggle": "English" },
    en: { "nav.home": "Home", "nav.eval": "Benchmarks", "nav.arena": "Arena", "nav.originality": "Originality", "nav.lineage": "Derivatives", "nav.review": "Expert review", "nav.stage": "Stage evaluation", "lang.toggle": "한국어" },
  });
  // Every page gets the same header: brand, feature links, language toggle.
  function header() {
    const el = document.createElement("header");
    el.className = "top";
    el.innerHTML =
      '<a class="brand" href="/">국대 gukdae</a><nav>' +
      '<a href="/eval/" data-i18n="nav.eval"></a><a href="/arena/" data-i18n="nav.arena"></a>' +
      '<a href="/originality/" data-i18n="nav.originality"></a><a href="/lineage/" data-i18n="nav.lineage"></a>' +
      '<a href="/review/" data-i18n="nav.review"></a>' +
      '<a href="/stage/" data-i18n="nav.stage"></a></nav>' +
      '<button class="lang" type="button" data-i18n="lang.toggle"></button>';
    el.querySelector("nav").setAttribute("aria-label", "gukdae");
    el.querySelector(".lang").addEventListener("click", () => setLang(lang === "ko" ? "en" : "ko"));
    document.body.prepend(el);
  }
  // An enum name from the server (ELIMINATED_POINTS, RUNNING) as words; "enum.<NAME>" keys live in
  // common/labels.js. An unknown name is shown as it is rather than hidden.
  function label(value) {
    if (value == null) return "";
    const key = "enum." + value;
    return dict[lang][key] || dict.en[key] || String(value);
  }
  // Server messages are often "[field: ]한국어 / English" in one string; show the page's language,
  // keeping the field prefix (e.g. "model 'x': ") in front of the English half too.
  function message(text) {
    const s = String(text == null ? "" : text);
    const cut = s.indexOf(" / ");
    const head = cut < 0 ? "" : s.slice(0, cut);
    const hangul = head.search(/[\uac00-\ud7a3]/);
    if (hangul < 0) return s;
    const colon = head.lastIndexOf(": ", hangul);
    return lang === "ko" ? head : (colon < 0 ? "" : head.slice(0, colon + 2)) + s.slice(cut + 3);
  }
  // A refusal from the API, which is always an RFC 9457 problem with the message in both languages
  // (messageKo, messageEn; built by kr.gukdae.web.Problems), as one line in the page's language.
  // `fallback` is shown when the reply is not a problem (e.g. a proxy's own error page).
  function problem(body, fallback) {
    if (body && typeof body === "object") {
      const own = lang === "ko" ? body.messageKo : body.messageEn;
      if (own) return own;
      if (body.detail || body.message) return message(body.detail || body.message);
    }
    return String(fallback == null ? "" : fallback);
  }
  // Keys present in one language and not the other (the browser test asserts none).
  function mismatched() {
    const ko = Object.keys(dict.ko), en = Object.keys(dict.en);
    return ko.filter((k) => !(k in dict.en)).map((k) => "en lacks " + k)
      .concat(en.filter((k) => !(k in dict.ko)).map((k) => "ko lacks " + k));
  }
  window.gukdaeI18n = { t, add, apply, setLang, label, message, problem, mismatched, lang: () => lang };
  document.addEventListener("DOMContentLoaded", () => { header(); apply(); });
})();
