#!/usr/bin/env bash
# Several Yishiting nodes on this machine behind HAProxy, on the local PostgreSQL and Redis
# (docs/deployment.md).
#
#   deploy/local-cluster.sh [start] [--build]   start what is not running yet (safe to run again)
#   deploy/local-cluster.sh links [--long]      the demo meeting's links again
#   deploy/local-cluster.sh status              what runs, and whether each node answers
#   deploy/local-cluster.sh stop                stop what this script started (data is kept)
#
# Settings (environment):
#   YST_CLUSTER_DIR    the deployment's folder (default: data/local-cluster in the repository):
#                      pid files, logs, each node's data folder, the shared token secret
#   YST_CLUSTER_NODES  how many nodes (default 3, at most 9)
#   YST_CLUSTER_PORT   HAProxy's port (default 8080); node i listens on 127.0.0.1:(port + i)
#   YST_CLUSTER_BIND   HAProxy's address (default 0.0.0.0: phones on the LAN may connect)
#   YST_PUBLIC_URL     the address in printed links (default http://127.0.0.1:$YST_CLUSTER_PORT)
#   YST_DATABASE_URL   a PostgreSQL URL (or DATABASE_URL); default: database yishiting_cluster
#                      and role yishiting on the local PostgreSQL, created when missing
#   YST_REDIS_URL      default redis://127.0.0.1:6379
#   YST_JANUS_URL      a Janus every node uses (YST_MEDIA=external); without it media is off
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${YST_CLUSTER_DIR:-$repo/data/local-cluster}"
nodes="${YST_CLUSTER_NODES:-3}"
lb_port="${YST_CLUSTER_PORT:-8080}"
lb_bind="${YST_CLUSTER_BIND:-0.0.0.0}"
public_url="${YST_PUBLIC_URL:-http://127.0.0.1:$lb_port}"
redis_url="${YST_REDIS_URL:-redis://127.0.0.1:6379}"
pg_database="yishiting_cluster"
pg_role="yishiting"

say() { echo "[local-cluster] $*"; }
die() {
  echo "[local-cluster] error: $*" >&2
  exit 1
}

[[ "$nodes" =~ ^[1-9]$ ]] || die "YST_CLUSTER_NODES must be 1 to 9, got $nodes"
[[ "$lb_port" =~ ^[0-9]+$ ]] && ((lb_port >= 1 && lb_port + nodes <= 65535)) || die "YST_CLUSTER_PORT must be a port number, got $lb_port"

node_port() { echo $((lb_port + $1)); }

# ---- processes: a pid file per process; a pid counts only while it is still our command ----

# Prints the pid in $1 when that process is alive and its command line contains $2.
running_pid() {
  local file="$1" pattern="$2" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$pattern" || return 1
  echo "$pid"
}

node_pid() { running_pid "$dir/node$1.pid" "server/src/main.ts"; }
haproxy_pid() { running_pid "$dir/haproxy.pid" "haproxy"; }

port_in_use() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

healthy() { curl -fsS --max-time 2 "http://127.0.0.1:$1/api/health" >/dev/null 2>&1; }

# Sends SIGTERM (the server closes its connections and the database), SIGKILL after 15 s.
stop_pid() {
  local name="$1" pid="$2"
  say "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  say "$name did not stop within 15 s: killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# ---- system packages ----

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  say "installing $* (apt)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@"
}

ensure_haproxy() {
  command -v haproxy >/dev/null 2>&1 || apt_install haproxy
  command -v haproxy >/dev/null 2>&1 || die "haproxy is still not on PATH after installing it"
}

# ---- PostgreSQL ----

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

# Sets database_url: YST_DATABASE_URL / DATABASE_URL as given, else the local database
# yishiting_cluster owned by the role yishiting, whose password is generated once into the
# deployment's folder (no change to pg_hba.conf: Debian's default allows passwords on 127.0.0.1).
ensure_database() {
  if [ -n "${YST_DATABASE_URL:-}" ] && [ -n "${DATABASE_URL:-}" ] && [ "$YST_DATABASE_URL" != "$DATABASE_URL" ]; then
    die "YST_DATABASE_URL and DATABASE_URL are both set and differ: set one"
  fi
  database_url="${YST_DATABASE_URL:-${DATABASE_URL:-}}"
  if [ -n "$database_url" ]; then
    [[ "$database_url" =~ ^postgres(ql)?:// ]] || die "YST_DATABASE_URL must be a postgresql:// URL for several nodes (SQLite is one process)"
    say "database: the one in YST_DATABASE_URL"
    return
  fi
  command -v pg_lsclusters >/dev/null 2>&1 || apt_install postgresql
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    say "starting PostgreSQL"
    pg_lsclusters --no-header | while read -r version cluster _port status _rest; do
      [ "$status" = online ] || as_root pg_ctlcluster "$version" "$cluster" start
    done
    for _ in $(seq 1 40); do
      pg_isready -q -h 127.0.0.1 -p 5432 && break
      sleep 0.25
    done
    pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL is not accepting connections on 127.0.0.1:5432"
  fi
  local password_file="$dir/pg-password"
  [ -s "$password_file" ] || (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$password_file")
  local password
  password="$(cat "$password_file")"
  # Creates or updates the role (its password follows the file) and creates the database once.
  as_postgres psql -q -v ON_ERROR_STOP=1 -v role="$pg_role" -v password="$password" <<'SQL' >/dev/null
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" LOGIN PASSWORD :'password';
SQL
  if [ "$(as_postgres psql -Atc "SELECT count(*) FROM pg_database WHERE datname = '$pg_database'")" != 1 ]; then
    say "creating database $pg_database"
    as_postgres createdb -O "$pg_role" "$pg_database"
  fi
  database_url="postgresql://$pg_role:$password@127.0.0.1:5432/$pg_database"
  PGCONNECT_TIMEOUT=5 psql "$database_url" -Atc "SELECT 1" >/dev/null ||
    die "cannot connect to $pg_database as $pg_role on 127.0.0.1:5432 (does pg_hba.conf allow passwords from 127.0.0.1?)"
  say "database: $pg_database on 127.0.0.1:5432 (role $pg_role, password in $password_file)"
}

# ---- Redis ----

ensure_redis() {
  if [ -z "${YST_REDIS_URL:-}" ]; then
    if ! command -v redis-server >/dev/null 2>&1 && ! port_in_use 6379; then apt_install redis-server; fi
    if ! port_in_use 6379; then
      say "starting Redis"
      as_root service redis-server start >/dev/null 2>&1 || true
      for _ in $(seq 1 20); do
        port_in_use 6379 && break
        sleep 0.25
      done
    fi
  fi
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -u "$redis_url" ping 2>/dev/null)" = PONG ] || die "Redis does not answer at $redis_url"
  fi
  say "redis: $redis_url"
}

# ---- the nodes ----

ensure_client_build() {
  [ -d "$repo/node_modules" ] || die "no node_modules: run npm ci in $repo first"
  if [ "${build:-0}" = 1 ] || [ ! -f "$repo/dist/client/index.html" ]; then
    say "building the client (npm run build)"
    (cd "$repo" && npm run -s build >"$dir/build.log" 2>&1) || die "the client build failed: see $dir/build.log"
  fi
}

# One token secret for all nodes (a link made by one node is checked by another), made once.
ensure_token_secret() {
  local file="$dir/token-secret"
  [ -s "$file" ] || (umask 077 && head -c 32 /dev/urandom | od -An -vtx1 | tr -d ' \n' >"$file")
  token_secret="$(cat "$file")"
}

# Each node has its own data folder (the embedded Janus's files, its own bits), but uploaded
# materials, ledger attachments, campaign photos and recordings are shared: a file uploaded
# through one node is downloaded through any. The folders are symlinks into shared/.
prepare_node_dir() {
  local node_dir="$dir/node$1" folder
  mkdir -p -m 700 "$node_dir" "$dir/shared"
  for folder in materials ledger campaigns recordings; do
    mkdir -p -m 700 "$dir/shared/$folder"
    [ -L "$node_dir/$folder" ] || ln -s "../shared/$folder" "$node_dir/$folder"
  done
}

# The environment of node $1, as `env` arguments (also used to print the demo links).
node_env() {
  local i="$1" media=(YST_MEDIA=off)
  [ -z "${YST_JANUS_URL:-}" ] || media=(YST_MEDIA=external "YST_JANUS_URL=$YST_JANUS_URL")
  printf '%s\n' \
    "PORT=$(node_port "$i")" \
    "HOST=127.0.0.1" \
    "YST_DATA_DIR=$dir/node$i" \
    "YST_RECORDINGS_DIR=$dir/shared/recordings" \
    "YST_DATABASE_URL=$database_url" \
    "YST_REDIS_URL=$redis_url" \
    "YST_NODE_ID=node$i" \
    "YST_TOKEN_SECRET=$token_secret" \
    "YST_PUBLIC_URL=$public_url" \
    "YST_TRUST_PROXY=loopback" \
    "YST_DEMO=$([ "$i" = 1 ] && echo on || echo off)" \
    "${media[@]}"
}

start_node() {
  local i="$1" pid env_args=()
  if pid="$(node_pid "$i")"; then
    say "node$i already running (pid $pid)"
    return
  fi
  port_in_use "$(node_port "$i")" && die "port $(node_port "$i") is in use by another program: set YST_CLUSTER_PORT to move the cluster"
  prepare_node_dir "$i"
  mapfile -t env_args < <(node_env "$i")
  # setsid: the node outlives this script and the terminal; its own session, so Ctrl-C here does not reach it.
  (cd "$repo" && exec setsid env -u DATABASE_URL "${env_args[@]}" node --import tsx server/src/main.ts >>"$dir/node$i.log" 2>&1 </dev/null) &
  echo $! >"$dir/node$i.pid"
  say "node$i starting on 127.0.0.1:$(node_port "$i") (pid $!, log $dir/node$i.log)"
}

wait_healthy() {
  local i="$1"
  for _ in $(seq 1 240); do
    healthy "$(node_port "$i")" && return 0
    if ! node_pid "$i" >/dev/null; then
      tail -n 30 "$dir/node$i.log" >&2 || true
      die "node$i exited while starting (log above, $dir/node$i.log)"
    fi
    sleep 0.5
  done
  die "node$i did not answer /api/health within 2 minutes (see $dir/node$i.log)"
}

# ---- HAProxy ----

start_haproxy() {
  local pid cfg="$dir/haproxy.cfg" servers="" i
  for i in $(seq 1 "$nodes"); do servers+="    server node$i 127.0.0.1:$(node_port "$i") check\n"; done
  sed -e "s|^\( *bind \)@BIND@$|\1$lb_bind:$lb_port|" -e "s|^\( *pidfile \)@PIDFILE@$|\1$dir/haproxy.pid|" -e "s|^@SERVERS@$|${servers%\\n}|" "$repo/deploy/haproxy.cfg" >"$cfg.new"
  haproxy -c -q -f "$cfg.new" || die "the rendered HAProxy configuration is invalid: $cfg.new"
  if pid="$(haproxy_pid)"; then
    if cmp -s "$cfg.new" "$cfg"; then
      rm "$cfg.new"
      say "haproxy already running (pid $pid)"
      return
    fi
    # The node count or ports changed: start a fresh HAProxy with the new configuration.
    stop_pid haproxy "$pid"
  fi
  mv "$cfg.new" "$cfg"
  port_in_use "$lb_port" && die "port $lb_port is in use by another program: set YST_CLUSTER_PORT"
  # Thousands of WebSockets need thousands of open files: the soft limit raised to the hard one.
  (ulimit -n "$(ulimit -Hn)" 2>/dev/null || true; exec haproxy -D -f "$cfg") || die "haproxy did not start"
  for _ in $(seq 1 40); do
    haproxy_pid >/dev/null && break
    sleep 0.25
  done
  say "haproxy on $lb_bind:$lb_port (pid $(haproxy_pid || echo '?'))"
}

# ---- commands ----

cmd_start() {
  mkdir -p -m 700 "$dir"
  ensure_haproxy
  ensure_database
  ensure_redis
  ensure_client_build
  ensure_token_secret
  # node1 first and alone: it applies the migrations, creates the first admin and the demo meeting;
  # then the others (the migration runner's lock would also serialise them, this keeps logs clear).
  # Where this start's part of node1's log begins (the one-time password is printed only once).
  local log_start
  log_start="$(stat -c %s "$dir/node1.log" 2>/dev/null || echo 0)"
  start_node 1
  wait_healthy 1
  local i
  for i in $(seq 2 "$nodes"); do start_node "$i"; done
  for i in $(seq 2 "$nodes"); do wait_healthy "$i"; done
  start_haproxy
  for _ in $(seq 1 40); do
    curl -fsS --max-time 2 "http://127.0.0.1:$lb_port/api/health" >/dev/null 2>&1 && break
    sleep 0.25
  done
  curl -fsS --max-time 2 "http://127.0.0.1:$lb_port/api/health" >/dev/null || die "HAProxy on port $lb_port does not reach a healthy node"

  echo
  say "$nodes nodes behind $public_url (HAProxy), PostgreSQL, Redis $redis_url"
  local password
  password="$(tail -c "+$((log_start + 1))" "$dir/node1.log" | grep -o 'One-time password for account "admin": [^ ]*' || true)"
  [ -z "$password" ] || say "first start: $password (must be changed at first login)"
  say "organisers: $public_url/admin"
  echo
  print_links
  echo
  say "logs: $dir/node<i>.log; links again: $0 links; status: $0 status; stop: $0 stop"
}

# The demo meeting's links through HAProxy (npm run demo:links with node1's environment).
print_links() {
  local env_args=()
  mapfile -t env_args < <(node_env 1)
  (cd "$repo" && env -u DATABASE_URL "${env_args[@]}" node --import tsx server/src/demo/printDemoLinks.ts "$@") ||
    say "could not print the demo links (see above)"
}

cmd_links() {
  [ -s "$dir/token-secret" ] || die "no deployment in $dir: run $0 start first"
  ensure_database
  ensure_token_secret
  print_links "$@"
}

cmd_status() {
  local i pid state
  for i in $(seq 1 "$nodes"); do
    if pid="$(node_pid "$i")"; then
      state="running (pid $pid), $(healthy "$(node_port "$i")" && echo healthy || echo 'not answering')"
    else
      state="stopped"
    fi
    say "node$i 127.0.0.1:$(node_port "$i"): $state"
  done
  if pid="$(haproxy_pid)"; then say "haproxy $lb_bind:$lb_port: running (pid $pid)"; else say "haproxy: stopped"; fi
}

cmd_stop() {
  local pid i stopped=0
  # HAProxy first, so that no new connection reaches a node that is going away.
  if pid="$(haproxy_pid)"; then
    stop_pid haproxy "$pid"
    stopped=1
  fi
  rm -f "$dir/haproxy.pid"
  # Every node whose pid file is in the folder, also beyond YST_CLUSTER_NODES (started with more).
  for file in "$dir"/node*.pid; do
    [ -e "$file" ] || continue
    i="${file##*/node}"
    i="${i%.pid}"
    if pid="$(node_pid "$i")"; then
      stop_pid "node$i" "$pid"
      stopped=1
    fi
    rm -f "$file"
  done
  [ "$stopped" = 1 ] && say "stopped; the data stays in $dir and the database" || say "nothing was running"
}

command="${1:-start}"
[ $# -eq 0 ] || shift
build=0
long=()
for arg in "$@"; do
  case "$command $arg" in
    "start --build") build=1 ;;
    "links --long") long=(--long) ;;
    *) die "unknown option $arg for $command" ;;
  esac
done
case "$command" in
  start) cmd_start ;;
  links) cmd_links "${long[@]}" ;;
  status) cmd_status ;;
  stop) cmd_stop ;;
  *) die "unknown command $command (start, links, status or stop)" ;;
esac
