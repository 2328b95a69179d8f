# Sourced by scripts/test: installs and starts the real services the tests talk to.

_apt_install() {
  # Installs Debian packages when we are root and they are missing; otherwise says what to install.
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "scripts/test: please install: ${missing[*]} (apt-get install ${missing[*]})" >&2
    return 1
  fi
  [ -n "${_APT_UPDATED:-}" ] || { apt-get update -qq >/dev/null; _APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

provision_postgres() {
  # A private PostgreSQL cluster in a temp dir on a free port, stopped when the script exits.
  if [ -n "${GUKDAE_TEST_PG_URL:-}" ]; then return 0; fi
  _apt_install postgresql
  local bin port dir
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  dir=$(mktemp -d /tmp/gukdae-pg.XXXXXX)
  local run_as=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; run_as=(runuser -u postgres --); fi
  "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U gukdae -A trust -E UTF8 >/dev/null
  "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" -l "$dir/log" -w start >/dev/null
  _GUKDAE_PG_STOP="${run_as[*]} $bin/pg_ctl -D $dir/data -m immediate stop"
  trap 'eval "$_GUKDAE_PG_STOP" >/dev/null 2>&1 || true' EXIT
  "${run_as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U gukdae gukdae_test
  export GUKDAE_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/gukdae_test?user=gukdae"
  echo "scripts/test: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port"
}

provision_report_tools() {
  # PDF reports embed a Korean TrueType font; the report tests render pages with poppler.
  _apt_install fonts-nanum poppler-utils
}

provision_chromium() {
  # Browser tests drive Debian's Chromium through Playwright (no browser download).
  _apt_install chromium fonts-noto-cjk || true
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [ -x /usr/bin/chromium ]; then export GUKDAE_CHROMIUM=/usr/bin/chromium; fi
}

provision_python() {
  # lm-eval !function helpers run in Debian's own interpreter (/usr/bin/python3), not a pyenv one.
  if [ -x /usr/bin/python3 ]; then return 0; fi
  _apt_install python3 || echo "scripts/test: /usr/bin/python3 missing; !function helper tests will fail" >&2
}
