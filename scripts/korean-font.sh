# Sourced by the launcher: makes sure the PDF reports have a Korean TrueType font on a fresh machine.
# Why: Debian's fonts-nanum is not always installed, and a PDF without Hangul glyphs shows empty
# boxes. The font comes from a package registry (npm: Pretendard, SIL Open Font License 1.1),
# pinned by version and checked by SHA-256, and is cached under GUKDAE_HOME/fonts.
_GUKDAE_FONT_PACKAGE="pretendard@1.3.9"
_GUKDAE_FONT_MEMBER="package/dist/public/static/alternative/Pretendard-Regular.ttf"
_GUKDAE_FONT_SHA256="6d0af5258997aec7354a6e340fc2325ba321c410ca48b3af858c8c3d6e92a324"

gukdae_korean_font() {
  # Exports GUKDAE_KOREAN_FONT when it had to fetch or find the cached font; silent when the
  # machine already has one. Never fails the command: without a font the reports say what to do.
  [ -n "${GUKDAE_KOREAN_FONT:-}" ] && return 0
  local f
  for f in /usr/share/fonts/truetype/nanum/NanumGothic.ttf /usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf /usr/share/fonts/nanum/NanumGothic.ttf; do
    [ -r "$f" ] && return 0
  done
  local target="${GUKDAE_HOME:-$HOME/.gukdae}/fonts/Pretendard-Regular.ttf"
  [ -r "$target" ] || gukdae_fetch_korean_font "$target" ||
    echo "gukdae: PDFs will be skipped; install a Korean font (apt-get install fonts-nanum)" >&2
  [ -r "$target" ] && export GUKDAE_KOREAN_FONT="$target"
  return 0
}

gukdae_fetch_korean_font() {
  # Fetches the pinned font into the file $1, checked by SHA-256; returns non-zero on any failure.
  local target="$1" tmp ok=1
  command -v npm >/dev/null 2>&1 || { echo "gukdae: no npm to fetch a Korean font" >&2; return 1; }
  echo "gukdae: fetching the Korean PDF font ($_GUKDAE_FONT_PACKAGE, OFL-1.1) from the npm registry…" >&2
  tmp=$(mktemp -d)
  if (cd "$tmp" && npm pack --silent "$_GUKDAE_FONT_PACKAGE" >/dev/null 2>&1 && tar xzf ./*.tgz "$_GUKDAE_FONT_MEMBER") &&
    [ "$(sha256sum "$tmp/$_GUKDAE_FONT_MEMBER" | cut -d' ' -f1)" = "$_GUKDAE_FONT_SHA256" ]; then
    mkdir -p "$(dirname "$target")" && mv "$tmp/$_GUKDAE_FONT_MEMBER" "$target.part" && mv "$target.part" "$target" && ok=0
  else
    echo "gukdae: could not fetch or verify $_GUKDAE_FONT_PACKAGE" >&2
  fi
  rm -rf "$tmp"
  return $ok
}
