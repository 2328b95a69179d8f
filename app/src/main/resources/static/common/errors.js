// Error pages (static/error/404.html, 4xx.html, 5xx.html), served by Spring Boot for browser
// requests instead of its Whitelabel page; API clients still get JSON.
gukdaeI18n.add({
  ko: {
    "error.404.title": "페이지를 찾을 수 없습니다", "error.404.lead": "주소가 바뀌었거나 없는 페이지입니다. 주소를 확인하거나 처음 화면에서 다시 찾아 주세요.",
    "error.4xx.title": "요청을 처리할 수 없습니다", "error.4xx.lead": "요청이 잘못되었거나 권한이 없습니다. 로그인이 필요한 페이지라면 로그인 후 다시 시도하세요.",
    "error.5xx.title": "서버 오류", "error.5xx.lead": "서버에서 문제가 생겼습니다. 잠시 후 다시 시도하고, 계속되면 사무국에 알려 주세요.",
    "error.home": "처음 화면으로",
  },
  en: {
    "error.404.title": "Page not found", "error.404.lead": "This address does not exist or has moved. Check it, or start again from the home page.",
    "error.4xx.title": "The request cannot be served", "error.4xx.lead": "The request was malformed or you lack the rights for it. If the page needs an account, sign in and try again.",
    "error.5xx.title": "Server error", "error.5xx.lead": "Something went wrong on the server. Try again shortly; if it persists, tell the programme office.",
    "error.home": "Go to the home page",
  },
});
