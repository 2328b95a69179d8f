# Sourced by the launcher and the start-up benchmark. Runs the application from the layout Spring
# Boot's tools extract (the application jar next to lib/), which starts faster than the nested
# jar, with a class cache: on JDK 25+ an AOT cache trained once by `gukdae tasks` (classes loaded
# and linked ahead; benchmarks/cli-startup), on older JDKs a CDS archive the JVM writes on first exit.
# Sets GUKDAE_RUN_JAR and GUKDAE_CACHE_OPTS.
gukdae_launch_layout() {
  local jar="$1" dir="$2" major
  if [ ! -f "$dir/gukdae.jar" ] || [ "$jar" -nt "$dir/gukdae.jar" ]; then
    # Into a fresh folder, then renamed: two launches at once never read a half-extracted one.
    local fresh="$dir.$$"
    rm -rf "$fresh"
    "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$fresh" >/dev/null
    rm -rf "$dir"
    mv "$fresh" "$dir"
  fi
  GUKDAE_RUN_JAR="$dir/gukdae.jar"
  major=$(_gukdae_java_major "$JAVA_HOME")
  GUKDAE_CACHE_OPTS=()
  if [ "${GUKDAE_CLASS_CACHE:-on}" = off ]; then
    return 0
  fi
  # A cache that does not fit (other JDK, other options) is skipped; say nothing about it. (JDKs
  # before 25 have no 'aot' log tag and refuse to start when given one.)
  if [ "${major:-0}" -ge 25 ] 2>/dev/null; then
    GUKDAE_CACHE_OPTS=(-Xlog:aot=off,cds=off)
    if [ ! -f "$dir/gukdae.aot" ]; then
      echo "gukdae: writing the start-up cache (once per build)…" >&2
      # Written under a private name and renamed, so no launch maps a half-written cache.
      if GUKDAE_HOME="$dir/training-home.$$" "$JAVA_HOME/bin/java" \
        -XX:AOTCacheOutput="$dir/gukdae.aot.$$" -Xlog:aot=off,cds=off \
        -jar "$GUKDAE_RUN_JAR" tasks >/dev/null 2>&1; then
        mv -f "$dir/gukdae.aot.$$" "$dir/gukdae.aot"
      fi
      rm -rf "$dir/training-home.$$" "$dir/gukdae.aot.$$" "$dir/gukdae.aot.$$.config"
    fi
    [ -f "$dir/gukdae.aot" ] && GUKDAE_CACHE_OPTS+=(-XX:AOTCache="$dir/gukdae.aot")
  else
    GUKDAE_CACHE_OPTS=(-Xlog:cds=off -XX:SharedArchiveFile="$dir/gukdae.jsa" -XX:+AutoCreateSharedArchive)
  fi
  return 0
}

# The JVM options for one command line, in GUKDAE_JVM_OPTS (call after gukdae_launch_layout).
gukdae_command_opts() {
  GUKDAE_JVM_OPTS=("${GUKDAE_CACHE_OPTS[@]}")
  local arg
  # Help, versions and the command list are done in a fraction of a second: the optimising JIT
  # compiler would only burn CPU (half of it, measured in benchmarks/cli-startup).
  if [ $# -eq 0 ]; then
    GUKDAE_JVM_OPTS+=(-XX:TieredStopAtLevel=1)
  fi
  for arg in "$@"; do
    case "$arg" in
      --) break ;;
      -h | --help | -V | --version) GUKDAE_JVM_OPTS+=(-XX:TieredStopAtLevel=1) && break ;;
    esac
  done
  # Weight comparison runs a SIMD kernel from the JDK's Vector API, still an incubator module:
  # load it only for the command that compares weights, since the JVM announces it with a
  # warning. The class cache was written without that module, so that command runs without it.
  if [ "${1:-}" = originality ]; then
    GUKDAE_JVM_OPTS=(--add-modules jdk.incubator.vector)
  fi
  return 0
}
