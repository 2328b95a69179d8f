# Sourced by the launcher, the test script and CI: exports JAVA_HOME pointing at a JDK 21 or newer.
# Why: the machine's default java may be 17, and gukdae targets Java 21 bytecode.
_gukdae_java_major() {
  # The JDK's release file answers without starting a JVM (every launch passes here).
  local major=""
  [ -f "$1/release" ] && major=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n1)
  if [ -z "$major" ]; then
    major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)
  fi
  echo "$major"
}
_gukdae_pick_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /usr/local/java/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(_gukdae_java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
if ! JAVA_HOME=$(_gukdae_pick_jdk); then
  echo "gukdae: no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*). Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 25, and set JAVA_HOME." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
