# Sourced by benchmarks/arena-votes/run.sh and benchmarks/arena-instances/run.sh, from the repository
# root, with the client's main source file as $1. It builds app/target/gukdae.jar (SKIP_BUILD=1
# reuses one that is there; GUKDAE_BENCH_JAR=path runs another build instead, e.g. a control from
# main back to back), provides the database and compiles ArenaHttp.java with that main file.
# Sets: jar, db_url, pgpid (PostgreSQL's postmaster, or -1), client_cp (the compiled client and the
# JDBC driver: java -cp "$client_cp" MainClass ...).
#
# Database: GUKDAE_BENCH_DB=postgresql (default) starts a private PostgreSQL on loopback with durable
# commits (fsync and synchronous_commit on: an acknowledged vote must survive), unless
# GUKDAE_BENCH_PG_URL names an empty database; GUKDAE_BENCH_DB=h2 uses a fresh H2 file, which the
# first server serves to the others (and to this client) over loopback (AUTO_SERVER).
# shellcheck shell=bash
# shellcheck source=../../scripts/java-home.sh
source scripts/java-home.sh
jar="${GUKDAE_BENCH_JAR:-app/target/gukdae.jar}"
if [ -z "${GUKDAE_BENCH_JAR:-}" ] && { [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; }; then
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package >&2
fi
_jar() { ls ~/.m2/repository/"$1"/*/"$2"-*.jar | grep -v sources | sort -V | tail -n1; }
_bench_tmp=$(mktemp -d /tmp/gukdae-bench.XXXXXX)
_bench_cleanup=("rm -rf '$_bench_tmp'")
trap 'for c in "${_bench_cleanup[@]}"; do eval "$c"; done' EXIT
pgpid=-1
case "${GUKDAE_BENCH_DB:-postgresql}" in
  h2)
    db_url="jdbc:h2:file:$_bench_tmp/db/gukdae;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;WRITE_DELAY=0"
    driver=$(_jar com/h2database/h2 h2)
    ;;
  postgresql)
    driver=$(_jar org/postgresql/postgresql postgresql)
    db_url="${GUKDAE_BENCH_PG_URL:-}"
    if [ -z "$db_url" ]; then
      bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
      port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
      pgdir=$(mktemp -d /tmp/gukdae-bench-pg.XXXXXX)
      run_as=()
      if [ "$(id -u)" -eq 0 ]; then chown postgres "$pgdir"; run_as=(runuser -u postgres --); fi
      "${run_as[@]}" "$bin/initdb" -D "$pgdir/data" -U gukdae -A trust -E UTF8 >/dev/null
      "${run_as[@]}" "$bin/pg_ctl" -D "$pgdir/data" -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=200" -l "$pgdir/log" -w start >/dev/null
      _bench_cleanup=("${run_as[*]} '$bin/pg_ctl' -D '$pgdir/data' -m fast stop >/dev/null 2>&1 || true" "rm -rf '$pgdir'" "${_bench_cleanup[@]}")
      "${run_as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U gukdae bench
      db_url="jdbc:postgresql://127.0.0.1:$port/bench?user=gukdae"
      pgpid=$(head -n1 "$pgdir/data/postmaster.pid") # CPU of this PostgreSQL only, not others' on the host
    fi
    ;;
  *)
    echo "GUKDAE_BENCH_DB: postgresql or h2, not '${GUKDAE_BENCH_DB}'" >&2
    exit 2
    ;;
esac
mkdir "$_bench_tmp/classes"
javac -nowarn -d "$_bench_tmp/classes" benchmarks/arena-common/ArenaHttp.java "$1"
client_cp="$_bench_tmp/classes:$driver"
