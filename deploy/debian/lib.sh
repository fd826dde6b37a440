# Helpers of deploy/debian/install.sh and upgrade.sh (sourced, not run). Every change to the
# target goes through write_file / ensure_dir / ensure_link, which compare first and report
# "unchanged", so that a second run of the installer changes nothing.
#
# Globals read: ROOT (the target's root, empty for /), DRY_RUN (1: report, change nothing).
# Globals written: CHANGES (what changed, for the summary), LAST_CHANGED (1 when the last
# helper changed something or would have).

# `render … | write_file …` runs write_file in this shell (it records CHANGES and LAST_CHANGED).
shopt -s lastpipe
LOG_TAG="${LOG_TAG:-yishiting-install}"
ROOT="${ROOT:-}"
DRY_RUN="${DRY_RUN:-0}"
CHANGES=()
LAST_CHANGED=0
DEBIAN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

say() { echo "[$LOG_TAG] $*"; }
warn() { echo "[$LOG_TAG] warning: $*" >&2; }
die() {
  echo "[$LOG_TAG] error: $*" >&2
  exit 1
}

# The path $1 in the target.
t() { echo "$ROOT$1"; }

changed() {
  CHANGES+=("$1")
  LAST_CHANGED=1
  if [ "$DRY_RUN" = 1 ]; then say "would: $1"; else say "$1"; fi
}

unchanged() {
  LAST_CHANGED=0
  say "unchanged: $1"
}

# The numeric id of a user or group in the target's /etc/passwd or /etc/group (empty if none).
uid_of() { [ "$1" = root ] && echo 0 || awk -F: -v n="$1" '$1 == n { print $3 }' "$(t /etc/passwd)" 2>/dev/null; }
gid_of() { [ "$1" = root ] && echo 0 || awk -F: -v n="$1" '$1 == n { print $3 }' "$(t /etc/group)" 2>/dev/null; }

# "uid:gid" of owner $1 and group $2 in the target; fails when one does not exist (yet).
ids_of() {
  local uid gid
  uid="$(uid_of "$1")"
  gid="$(gid_of "$2")"
  [ -n "$uid" ] && [ -n "$gid" ] || return 1
  echo "$uid:$gid"
}

# Lines of KEY=VALUE with the values of secrets hidden, for diffs and dry runs.
mask_secrets() { sed -E 's/^([+ -]?[A-Z_]*(SECRET|TOKEN|PASSWORD)[A-Z_]*=).+$/\1<hidden>/; s/^(static-auth-secret=).+$/\1<hidden>/'; }

# write_file PATH MODE OWNER GROUP < content: writes PATH in the target when its content, mode
# or ownership differ (atomically: a temporary file beside it, then rename). Reports the change,
# with a diff of the content (secrets hidden).
write_file() {
  local path="$1" mode="$2" owner="$3" group="$4" dest new ids="" reasons=()
  dest="$(t "$path")"
  new="$(mktemp)"
  cat >"$new"
  if ! ids="$(ids_of "$owner" "$group")"; then
    [ "$DRY_RUN" = 1 ] || die "user $owner or group $group does not exist in the target (writing $path)"
  fi
  if [ ! -e "$dest" ]; then
    reasons+=("new")
  else
    cmp -s "$new" "$dest" || reasons+=("content")
    [ "$(stat -c %a "$dest")" = "$mode" ] || reasons+=("mode $(stat -c %a "$dest") -> $mode")
    [ -n "$ids" ] && [ "$(stat -c %u:%g "$dest")" = "$ids" ] || reasons+=("owner -> $owner:$group")
  fi
  if [ ${#reasons[@]} -eq 0 ]; then
    rm -f "$new"
    unchanged "$path"
    return 0
  fi
  changed "write $path ($(
    IFS=,
    echo "${reasons[*]}"
  ), $mode $owner:$group)"
  if [ ! -e "$dest" ] && [ "$DRY_RUN" = 1 ]; then
    mask_secrets <"$new" | sed 's/^/    | /'
  elif [ -e "$dest" ] && [[ " ${reasons[*]} " == *" content "* ]]; then
    diff -u --label "$path (now)" --label "$path (new)" "$dest" "$new" | tail -n +3 | mask_secrets | sed 's/^/    /' || true
  fi
  if [ "$DRY_RUN" = 1 ]; then
    rm -f "$new"
    return 0
  fi
  mkdir -p "$(dirname "$dest")"
  local tmp
  tmp="$(mktemp "$(dirname "$dest")/.yst-XXXXXX")"
  cat "$new" >"$tmp"
  rm -f "$new"
  chmod "$mode" "$tmp"
  chown "$ids" "$tmp"
  mv -f "$tmp" "$dest"
}

# ensure_dir PATH MODE OWNER GROUP: creates the folder or corrects its mode and ownership.
ensure_dir() {
  local path="$1" mode="$2" owner="$3" group="$4" dest ids="" reasons=()
  dest="$(t "$path")"
  if ! ids="$(ids_of "$owner" "$group")"; then
    [ "$DRY_RUN" = 1 ] || die "user $owner or group $group does not exist in the target (folder $path)"
  fi
  if [ ! -d "$dest" ]; then
    [ ! -e "$dest" ] || die "$path exists and is not a folder"
    reasons+=("new")
  else
    [ "$(stat -c %a "$dest")" = "$mode" ] || reasons+=("mode $(stat -c %a "$dest") -> $mode")
    [ -n "$ids" ] && [ "$(stat -c %u:%g "$dest")" = "$ids" ] || reasons+=("owner -> $owner:$group")
  fi
  if [ ${#reasons[@]} -eq 0 ]; then
    unchanged "$path/"
    return 0
  fi
  changed "folder $path/ ($(
    IFS=,
    echo "${reasons[*]}"
  ), $mode $owner:$group)"
  [ "$DRY_RUN" = 1 ] && return 0
  mkdir -p "$dest"
  chmod "$mode" "$dest"
  chown "$ids" "$dest"
}

# render TEMPLATE: the template with @Y_NAME@ replaced by the value of the shell variable Y_NAME;
# a line starting with "@if Y_NAME@" is kept (without that prefix) only when Y_NAME is not empty.
render() {
  local template="$1" line name value
  [ -f "$template" ] || die "no template $template"
  while IFS= read -r line || [ -n "$line" ]; do
    if [[ "$line" =~ ^@if\ (Y_[A-Z0-9_]+)@\ ?(.*)$ ]]; then
      name="${BASH_REMATCH[1]}"
      [ -n "${!name:-}" ] || continue
      line="${BASH_REMATCH[2]}"
    fi
    while [[ "$line" =~ @(Y_[A-Z0-9_]+)@ ]]; do
      name="${BASH_REMATCH[1]}"
      [ -n "${!name+set}" ] || die "template $(basename "$template") uses @$name@, which is not set"
      value="${!name}"
      # Quoted: bash 5.2 would put the matched text in place of an unquoted "&" in $value.
      line="${line//"@$name@"/"$value"}"
    done
    printf '%s\n' "$line"
  done <"$template"
}

# The value of KEY in an env file (KEY=VALUE lines), empty when missing.
env_value() {
  local file="$1" key="$2"
  [ -f "$file" ] || return 0
  sed -n "s/^$key=//p" "$file" | tail -n 1
}

# 32 random bytes as 64 hex digits.
new_secret() { head -c 32 /dev/urandom | od -An -vtx1 | tr -d ' \n'; }

# A hash of the application's source tree: paths and contents of every file the installer copies.
APP_EXCLUDES=(./.git ./node_modules ./dist ./data ./test-results ./.yst-source)
source_hash() {
  local src="$1" args=() e
  for e in "${APP_EXCLUDES[@]}"; do args+=(-path "$e" -prune -o); done
  (cd "$src" && find . "${args[@]}" \( -type f -o -type l \) -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum | sha256sum | cut -c1-64)
}

copy_source() {
  local src="$1" dest="$2" args=() e
  for e in "${APP_EXCLUDES[@]}"; do args+=("--exclude=$e"); done
  mkdir -p "$dest"
  tar -C "$src" "${args[@]}" -cf - . | tar -C "$dest" --no-same-owner -xf -
  chmod -R u+rwX,go+rX,go-w "$dest"
}

# ---- running commands in the target ----

# Mounts /proc and /dev into the target root while the script runs commands there (apt, npm).
TARGET_MOUNTS=()
mount_target() {
  [ -n "$ROOT" ] || return 0
  [ ${#TARGET_MOUNTS[@]} -eq 0 ] || return 0
  mountpoint -q "$ROOT/proc" || {
    mount -t proc proc "$ROOT/proc"
    TARGET_MOUNTS+=("$ROOT/proc")
  }
  mountpoint -q "$ROOT/dev" || {
    mount --bind /dev "$ROOT/dev"
    TARGET_MOUNTS+=("$ROOT/dev")
  }
  mountpoint -q "$ROOT/dev/pts" || ! mountpoint -q /dev/pts || {
    mount --bind /dev/pts "$ROOT/dev/pts"
    TARGET_MOUNTS+=("$ROOT/dev/pts")
  }
  [ -s "$ROOT/etc/resolv.conf" ] || cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
}
unmount_target() {
  local i
  for ((i = ${#TARGET_MOUNTS[@]} - 1; i >= 0; i--)); do umount "${TARGET_MOUNTS[$i]}" || umount -l "${TARGET_MOUNTS[$i]}" || true; done
  TARGET_MOUNTS=()
}

# Runs a command in the target with a clean environment (chroot when ROOT is set).
in_target() {
  # NODE_EXTRA_CA_CERTS: npm trusts the system's certificate store (/usr/local/share/ca-certificates
  # included, e.g. a company's proxy), not only the CAs built into Node.
  local envs=(PATH=/opt/yishiting/node/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt)
  local v
  for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do [ -z "${!v:-}" ] || envs+=("$v=${!v}"); done
  if [ -n "$ROOT" ]; then
    mount_target
    chroot "$ROOT" /usr/bin/env -i "${envs[@]}" "$@"
  else
    env -i "${envs[@]}" "$@"
  fi
}

# ---- Node and the application ----

NODE_DIR=/opt/yishiting/node
APP_DIR=/opt/yishiting/app

# The newest version of npm package $1 whose major is $2, as "version tarball integrity".
registry_pick() {
  # The abbreviated document (versions with their dist), not the full one of every release.
  curl -fsS --retry 3 -H "Accept: application/vnd.npm.install-v1+json" "https://registry.npmjs.org/$1" | python3 -c '
import json, sys
doc = json.load(sys.stdin); major = sys.argv[1]
versions = [v for v in doc["versions"] if v.split(".")[0] == major and "-" not in v]
if not versions: sys.exit("no version " + major + " of " + doc["name"])
best = max(versions, key=lambda v: tuple(int(p) for p in v.split(".")))
dist = doc["versions"][best]["dist"]
print(best, dist["tarball"], dist["integrity"])' "$2"
}

# Downloads an npm tarball and checks its sha512 integrity.
fetch_tarball() {
  local url="$1" integrity="$2" out="$3" actual
  curl -fsS --retry 3 -o "$out" "$url"
  actual="sha512-$(openssl dgst -sha512 -binary "$out" | base64 -w0)"
  [ "$actual" = "$integrity" ] || die "$url: integrity mismatch ($actual, expected $integrity)"
}

# Node (node-linux-<arch>@<major> from the npm registry, with its headers for native modules)
# and npm (npm@10) into /opt/yishiting/node, when missing or of another major.
ensure_node() {
  local major="$1" marker arch have="" work node_v node_url node_int npm_v npm_url npm_int
  marker="$(t "$NODE_DIR/.yst-node")"
  [ ! -f "$marker" ] || have="$(cat "$marker")"
  if [[ "$have" == "node $major."* ]]; then
    unchanged "$NODE_DIR ($have)"
    return 0
  fi
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64) arch=arm64 ;;
    *) die "no Node package for $(uname -m)" ;;
  esac
  if [ "$DRY_RUN" = 1 ]; then
    changed "install Node $major (npm registry: node-linux-$arch@$major) and npm 10 into $NODE_DIR${have:+ (replacing $have)}"
    return 0
  fi
  for tool in curl python3 openssl; do command -v "$tool" >/dev/null || die "$tool is needed to download Node"; done
  read -r node_v node_url node_int < <(registry_pick "node-linux-$arch" "$major") || die "cannot read node-linux-$arch from the npm registry"
  read -r npm_v npm_url npm_int < <(registry_pick npm 10) || die "cannot read npm from the npm registry"
  work="$(mktemp -d)"
  fetch_tarball "$node_url" "$node_int" "$work/node.tgz"
  fetch_tarball "$npm_url" "$npm_int" "$work/npm.tgz"
  local dest
  dest="$(t "$NODE_DIR")"
  rm -rf "$dest.new"
  mkdir -p "$dest.new/lib/node_modules/npm"
  tar -C "$dest.new" --strip-components=1 --no-same-owner -xzf "$work/node.tgz"
  tar -C "$dest.new/lib/node_modules/npm" --strip-components=1 --no-same-owner -xzf "$work/npm.tgz"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$dest.new/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$dest.new/bin/npx"
  echo "node $node_v npm $npm_v" >"$dest.new/.yst-node"
  chmod -R u+rwX,go+rX,go-w "$dest.new"
  rm -rf "$work" "$dest"
  mv "$dest.new" "$dest"
  changed "installed Node $node_v and npm $npm_v into $NODE_DIR"
}

# Copies the source tree $1 into $2 (a folder path in the target), then npm ci and npm run build
# there, as root (the service only reads the tree).
build_app() {
  local src="$1" path="$2" hash="$3"
  local dest
  dest="$(t "$path")"
  rm -rf "$dest"
  copy_source "$src" "$dest"
  say "npm ci in $path (minutes) …"
  in_target /usr/bin/env -C "$path" npm_config_nodedir="$NODE_DIR" npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
    "$NODE_DIR/bin/node" "$NODE_DIR/bin/npm" ci --no-progress --loglevel=warn >&2 || die "npm ci failed in $path"
  say "npm run build in $path …"
  in_target /usr/bin/env -C "$path" "$NODE_DIR/bin/node" "$NODE_DIR/bin/npm" run --silent build >/dev/null || die "npm run build failed in $path"
  chmod -R u+rwX,go+rX,go-w "$dest"
  echo "$hash" >"$dest/.yst-source"
}

# Installs the source tree $1 as /opt/yishiting/app when it differs from the installed one:
# built beside it (app.new), then swapped in. Sets APP_CHANGED.
APP_CHANGED=0
ensure_app() {
  local src="$1" hash have=""
  hash="$(source_hash "$src")"
  [ ! -f "$(t "$APP_DIR/.yst-source")" ] || have="$(cat "$(t "$APP_DIR/.yst-source")")"
  if [ "$have" = "$hash" ]; then
    unchanged "$APP_DIR (source ${hash:0:12})"
    return 0
  fi
  APP_CHANGED=1
  if [ "$DRY_RUN" = 1 ]; then
    changed "install the application from $src into $APP_DIR (source ${hash:0:12}${have:+, now ${have:0:12}}): copy, npm ci, npm run build"
    return 0
  fi
  build_app "$src" "$APP_DIR.new" "$hash"
  swap_app
  changed "installed the application from $src into $APP_DIR (source ${hash:0:12})"
}

# Replaces the application tree with the one built in app.new (the old one is removed).
swap_app() {
  local dest
  dest="$(t "$APP_DIR")"
  rm -rf "$dest.old"
  [ ! -e "$dest" ] || mv "$dest" "$dest.old"
  mv "$dest.new" "$dest"
  rm -rf "$dest.old"
}

# KEY=VALUE lines of the service's environment (the installer's file, then local.env).
service_env() {
  local file
  for file in /etc/yishiting/yishiting.env /etc/yishiting/local.env; do
    [ -f "$(t "$file")" ] || continue
    grep -E '^[A-Za-z_][A-Za-z0-9_]*=' "$(t "$file")" || true
  done
}

# Runs an npm script of the installed application as the service user with its environment:
# as_service_npm <script> [args…]
as_service_npm() {
  local envs=()
  mapfile -t envs < <(service_env)
  in_target /usr/sbin/runuser -u yishiting -- /usr/bin/env -C "$APP_DIR" "${envs[@]}" npm_config_cache=/tmp/yishiting-npm npm_config_update_notifier=false \
    "$NODE_DIR/bin/node" "$NODE_DIR/bin/npm" run --silent "$@"
}

# Waits up to $1 seconds for GET /api/ready of the local service (/api/health for a version
# without the readiness route, which answers it 404).
wait_ready() {
  local seconds="$1" port code
  port="$(env_value "$(t /etc/yishiting/yishiting.env)" PORT)"
  for _ in $(seq 1 "$seconds"); do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${port:-8080}/api/ready" 2>/dev/null || true)"
    [ "$code" != 200 ] || return 0
    if [ "$code" = 404 ] && curl -fsS --max-time 2 "http://127.0.0.1:${port:-8080}/api/health" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  return 1
}

systemd_running() { [ -z "$ROOT" ] && [ -d /run/systemd/system ]; }
