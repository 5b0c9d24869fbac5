#!/usr/bin/env bash
# The production services the tests run against, on loopback only:
#   OpenSearch 2.x (the min distribution from Maven Central, cached outside
#   the work tree), PostgreSQL and Redis (Debian packages).
#
#   scripts/services.sh start|stop|status [opensearch|postgres|redis ...]
#
# start writes $STATE/env, the SOTARCHIVE_TEST_* variables the test suite
# reads to run its production-backend tests (source it). Running it twice is
# safe: a service already up is left as it is.
set -euo pipefail

OPENSEARCH_VERSION="${SOTARCHIVE_OPENSEARCH_VERSION:-2.19.6}"
if [ "$(id -u)" = 0 ]; then
  # The services run as an unprivileged user, who cannot enter /root.
  CACHE="${SOTARCHIVE_SERVICES_CACHE:-/var/cache/sotarchive}"
else
  CACHE="${SOTARCHIVE_SERVICES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sotarchive}"
fi
STATE="${SOTARCHIVE_SERVICES_DIR:-$CACHE/services}"
OPENSEARCH_PORT="${SOTARCHIVE_TEST_OPENSEARCH_PORT:-9250}"
POSTGRES_PORT="${SOTARCHIVE_TEST_POSTGRES_PORT:-55432}"
REDIS_PORT="${SOTARCHIVE_TEST_REDIS_PORT:-56379}"
SERVICE_USER="sotarchive-svc"  # OpenSearch and PostgreSQL refuse to run as root

log() { echo "services: $*" >&2; }

ensure_user() {
  id "$SERVICE_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
}

as_service_user() {
  if [ "$(id -u)" = 0 ]; then
    ensure_user
    runuser -u "$SERVICE_USER" -- "$@"
  else
    "$@"
  fi
}

own() {
  if [ "$(id -u)" = 0 ]; then ensure_user; chown -R "$SERVICE_USER" "$@"; fi
}

wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND...
  local limit="$1" what="$2"; shift 2
  for _ in $(seq "$limit"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  log "$what did not come up within ${limit}s"
  return 1
}

# --- OpenSearch -----------------------------------------------------------------------------

opensearch_home() { echo "$CACHE/opensearch-$OPENSEARCH_VERSION"; }

opensearch_fetch() {
  local home; home="$(opensearch_home)"
  [ -x "$home/bin/opensearch" ] && return 0
  log "fetching OpenSearch $OPENSEARCH_VERSION (min distribution) with Maven"
  local work="$CACHE/opensearch-fetch"
  mkdir -p "$work"
  mvn -q -B -Dstyle.color=never -Dorg.slf4j.simpleLogger.defaultLogLevel=warn dependency:copy \
    -Dartifact="org.opensearch.distribution.integ-test-zip:opensearch:$OPENSEARCH_VERSION:zip" \
    -DoutputDirectory="$work" >&2
  rm -rf "$home.part" && mkdir -p "$home.part"
  unzip -q "$work/opensearch-$OPENSEARCH_VERSION.zip" -d "$home.part"
  mv "$home.part/opensearch-$OPENSEARCH_VERSION" "$home" && rm -rf "$home.part" "$work"
  chmod -R a+rX "$CACHE"
}

opensearch_up() { curl -fsS "http://127.0.0.1:$OPENSEARCH_PORT/_cluster/health" >/dev/null 2>&1; }

opensearch_start() {
  opensearch_up && { log "OpenSearch already up on $OPENSEARCH_PORT"; return 0; }
  opensearch_fetch
  local node="$STATE/opensearch"
  mkdir -p "$node/data" "$node/logs" "$node/config"
  cp -r "$(opensearch_home)/config/." "$node/config/"
  # The JVM's log and dump paths are relative to the distribution, which the
  # service user may not write: point them at the node's folders.
  sed -i -e "s#logs/#$node/logs/#g" -e "s#=data#=$node/data#g" "$node/config/jvm.options"
  cat > "$node/config/opensearch.yml" <<YML
cluster.name: sotarchive-test
node.name: test-node
network.host: 127.0.0.1
http.port: $OPENSEARCH_PORT
transport.port: $((OPENSEARCH_PORT + 100))
discovery.type: single-node
path.data: $node/data
path.logs: $node/logs
action.auto_create_index: false
YML
  own "$node"
  log "starting OpenSearch $OPENSEARCH_VERSION on 127.0.0.1:$OPENSEARCH_PORT"
  # The min distribution brings no JDK: the machine's Java 17 runs it.
  local java_home; java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  # Run from the node's folder: the JVM options write logs/gc.log relative to it.
  if ! (cd "$node" && as_service_user env OPENSEARCH_JAVA_HOME="$java_home" OPENSEARCH_JAVA_OPTS="-Xms512m -Xmx512m" \
      OPENSEARCH_PATH_CONF="$node/config" "$(opensearch_home)/bin/opensearch" -d -p "$node/pid" \
      >"$node/logs/stdout.log" 2>&1); then
    log "OpenSearch did not start:"; tail -30 "$node/logs/stdout.log" >&2; return 1
  fi
  wait_for 180 OpenSearch opensearch_up || { tail -30 "$node/logs/"*.log >&2 || true; return 1; }
}

opensearch_stop() {
  local pidfile="$STATE/opensearch/pid" pid
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    log "OpenSearch stopped"
  fi
  rm -rf "$STATE/opensearch"
}

# --- PostgreSQL -----------------------------------------------------------------------------

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "$dir" ] || { log "PostgreSQL is not installed (apt-get install postgresql)"; return 1; }
  echo "$dir"
}

postgres_up() { pg_isready -h 127.0.0.1 -p "$POSTGRES_PORT" >/dev/null 2>&1; }

postgres_start() {
  postgres_up && { log "PostgreSQL already up on $POSTGRES_PORT"; return 0; }
  local bin dir="$STATE/postgres"; bin="$(pg_bin)"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir" && mkdir -p "$dir" && own "$dir"
    as_service_user "$bin/initdb" -D "$dir/data" -U sotarchive --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  log "starting PostgreSQL on 127.0.0.1:$POSTGRES_PORT"
  as_service_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $POSTGRES_PORT -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null
  wait_for 60 PostgreSQL postgres_up
  psql -h 127.0.0.1 -p "$POSTGRES_PORT" -U sotarchive -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'sotarchive_test'" | grep -q 1 ||
    psql -h 127.0.0.1 -p "$POSTGRES_PORT" -U sotarchive -d postgres -qc "CREATE DATABASE sotarchive_test"
}

postgres_stop() {
  local dir="$STATE/postgres"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_service_user "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    log "PostgreSQL stopped"
  fi
  rm -rf "$dir"
}

# --- Redis ----------------------------------------------------------------------------------

redis_up() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

redis_start() {
  redis_up && { log "Redis already up on $REDIS_PORT"; return 0; }
  command -v redis-server >/dev/null || { log "Redis is not installed (apt-get install redis-server)"; return 1; }
  local dir="$STATE/redis"
  mkdir -p "$dir"
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --pidfile "$dir/pid" \
    --dir "$dir" --logfile "$dir/log" --save "" --appendonly no
  wait_for 30 Redis redis_up
}

redis_stop() {
  local dir="$STATE/redis"
  if redis_up; then redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; log "Redis stopped"; fi
  rm -rf "$dir"
}

# --- commands -------------------------------------------------------------------------------

write_env() {
  mkdir -p "$STATE"
  cat > "$STATE/env" <<ENV
SOTARCHIVE_TEST_OPENSEARCH_URL=http://127.0.0.1:$OPENSEARCH_PORT
SOTARCHIVE_TEST_DATABASE_URL=postgresql+psycopg://sotarchive@127.0.0.1:$POSTGRES_PORT/sotarchive_test
SOTARCHIVE_TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
ENV
  echo "$STATE/env"
}

main() {
  local command="${1:-status}"; shift || true
  local services=("$@")
  [ ${#services[@]} -gt 0 ] || services=(opensearch postgres redis)
  mkdir -p "$STATE" && chmod a+rx "$CACHE" "$STATE"
  case "$command" in
    start)
      for s in "${services[@]}"; do "${s}_start"; done
      write_env ;;
    stop)
      for s in "${services[@]}"; do "${s}_stop"; done ;;
    status)
      for s in "${services[@]}"; do
        if "${s}_up"; then echo "$s: up"; else echo "$s: down"; fi
      done ;;
    *) echo "usage: $0 start|stop|status [opensearch|postgres|redis ...]" >&2; exit 2 ;;
  esac
}

main "$@"
