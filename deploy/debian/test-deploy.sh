#!/usr/bin/env bash
# `npm run test:deploy` (opt-in, not part of `npm test`; needs root and the network to
# deb.debian.org and registry.npmjs.org; minutes): a fresh Debian 12 root made by debootstrap,
# deploy/debian/install.sh --root run on it twice — the second run must report no change and
# leave every file of the root as it was — then the files, modes, user, units and environment
# are checked, and the installed server answers /api/health inside the root.
#
# The tree installed is the repository's HEAD (git archive), not the working tree.
# YST_DEPLOY_KEEP=1 keeps the work folder (printed) for a look afterwards.
set -euo pipefail
LOG_TAG=test-deploy
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
say() { echo "[test-deploy] $*"; }
failures=0
fail() {
  echo "[test-deploy] FAIL: $*" >&2
  failures=$((failures + 1))
}
ok() { say "ok: $*"; }
die() {
  echo "[test-deploy] error: $*" >&2
  exit 1
}
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mounts)"
t0="$(date +%s)"
elapsed() { echo "$(($(date +%s) - t0)) s"; }

if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

work="$(mktemp -d "${YST_DEPLOY_TMP:-/var/tmp}/yishiting-deploy-XXXXXX")"
root="$work/root"
cleanup() {
  local m
  # Never delete through a mount that the installer may have left (it unmounts on exit).
  for m in "$root/proc" "$root/dev/pts" "$root/dev"; do ! mountpoint -q "$m" 2>/dev/null || umount -l "$m" || true; done
  if [ "${YST_DEPLOY_KEEP:-0}" = 1 ]; then
    say "kept $work"
  elif [ -z "$(findmnt -rn -o TARGET | grep -F "$work" || true)" ]; then
    rm -rf --one-file-system "$work"
  else
    say "something is still mounted under $work: not removed"
  fi
}
trap cleanup EXIT

mkdir -p "$root"
s="$(date +%s)"
# YST_DEPLOY_CACHE=DIR: keep the fresh root as DIR/bookworm-root.tar and reuse it (to repeat the
# installer's runs without waiting for debootstrap again).
cache="${YST_DEPLOY_CACHE:+$YST_DEPLOY_CACHE/bookworm-root.tar}"
if [ -n "$cache" ] && [ -s "$cache" ]; then
  say "1. the debootstrap root from $cache"
  tar -C "$root" -xpf "$cache"
else
  say "1. debootstrap bookworm into $root …"
  debootstrap --variant=minbase --include=systemd,passwd bookworm "$root" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
    {
      tail -n 20 "$work/debootstrap.log" >&2
      die "debootstrap failed"
    }
  if [ -n "$cache" ]; then
    mkdir -p "$YST_DEPLOY_CACHE"
    tar -C "$root" -cpf "$cache.new" . && mv "$cache.new" "$cache"
  fi
fi
say "   took $(($(date +%s) - s)) s"

# Certificates this machine trusts beyond Debian's (a company's or a sandbox's TLS proxy) are
# trusted in the root too, as an operator would add them (the installer's npm uses the system store).
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  [ ! -x "$root/usr/sbin/update-ca-certificates" ] || chroot "$root" /usr/sbin/update-ca-certificates >/dev/null
  say "   the root trusts this machine's extra CAs: $(cd /usr/local/share/ca-certificates && echo *.crt)"
fi

say "2. the source: git archive HEAD"
mkdir -p "$work/src"
git -C "$repo" archive HEAD | tar -C "$work/src" -xf -

options=(--root "$root" --source "$work/src" --domain deploy-test.example.org --email ops@example.org --public-ip 203.0.113.7)

# Metadata of every file of the root (path, type, mode, owner, size, mtime) and the contents of
# the installer's paths: equal before and after the second run, or the run changed something.
snapshot() {
  (cd "$root" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./sys \) -prune -o -printf '%p %y %m %U:%G %s %T@ %l\n' | LC_ALL=C sort)
  (cd "$root" && find ./etc/yishiting ./etc/caddy ./etc/turnserver.conf ./etc/coturn ./etc/systemd/system ./opt/yishiting ./var/lib/yishiting \
    ./var/backups/yishiting ./etc/passwd ./etc/group ./etc/shadow -xdev -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
}

say "3. first run of install.sh --root …"
s="$(date +%s)"
if ! bash "$repo/deploy/debian/install.sh" "${options[@]}" >"$work/run1.log" 2>&1; then
  tail -n 40 "$work/run1.log" >&2
  die "the first run failed (log above)"
fi
run1=$(($(date +%s) - s))
sed -n '/summary:/,$p' "$work/run1.log"
say "   first run took $run1 s"

snapshot >"$work/before"
say "4. second run …"
s="$(date +%s)"
bash "$repo/deploy/debian/install.sh" "${options[@]}" >"$work/run2.log" 2>&1 || {
  tail -n 40 "$work/run2.log" >&2
  die "the second run failed"
}
run2=$(($(date +%s) - s))
snapshot >"$work/after"
say "   second run took $run2 s"
if grep -q "summary: nothing changed" "$work/run2.log"; then ok "the second run reports: nothing changed"; else
  fail "the second run reported changes:"
  sed -n '/summary:/,$p' "$work/run2.log" >&2
fi
if cmp -s "$work/before" "$work/after"; then ok "the root is identical after the second run ($(wc -l <"$work/before") paths and hashes)"; else
  fail "the second run changed the root:"
  diff "$work/before" "$work/after" | head -n 20 >&2
fi
if grep -v '^\[yishiting-install\] \(unchanged: \|summary: \|site \|open: \|installing \|systemd is not running\)' "$work/run2.log" | grep -q .; then
  fail "the second run printed more than unchanged lines: $(grep -v '^\[yishiting-install\] unchanged' "$work/run2.log" | head -n 5)"
fi

say "5. the installation"
check_stat() {
  local path="$1" want="$2" have
  # Owners by name in the root's own user database.
  have="$(stat -c '%a %u %g' "$root$path" 2>/dev/null)" || {
    fail "$path is missing"
    return
  }
  local mode uid gid
  read -r mode uid gid <<<"$have"
  local uname gname
  uname="$(awk -F: -v i="$uid" '$3 == i { print $1; exit }' "$root/etc/passwd")"
  gname="$(awk -F: -v i="$gid" '$3 == i { print $1; exit }' "$root/etc/group")"
  if [ "$mode $uname $gname" = "$want" ]; then ok "$path $want"; else fail "$path is $mode $uname $gname, expected $want"; fi
}
check_stat /var/lib/yishiting "700 yishiting yishiting"
check_stat /var/backups/yishiting "700 yishiting yishiting"
check_stat /etc/yishiting/yishiting.env "600 root root"
check_stat /etc/turnserver.conf "640 root turnserver"
check_stat /etc/caddy/Caddyfile "644 root root"
check_stat /etc/systemd/system/yishiting.service "644 root root"
check_stat /opt/yishiting/app "755 root root"
passwd_line="$(grep '^yishiting:' "$root/etc/passwd" || true)"
case "$passwd_line" in
  *:/var/lib/yishiting:/usr/sbin/nologin) ok "user yishiting: $passwd_line" ;;
  *) fail "user yishiting: '$passwd_line'" ;;
esac
uid="$(cut -d: -f3 <<<"$passwd_line")"
[ -n "$uid" ] && ((uid < 1000)) && ok "yishiting is a system user (uid $uid)" || fail "yishiting's uid is $uid"
env_file="$root/etc/yishiting/yishiting.env"
for line in HOST=127.0.0.1 PORT=8080 YST_DATA_DIR=/var/lib/yishiting YST_BACKUP_DIR=/var/backups/yishiting YST_PUBLIC_URL=https://deploy-test.example.org \
  YST_TRUST_PROXY=loopback YST_LOG_FORMAT=json YST_MEDIA=embedded YST_JANUS_NAT_1_1=203.0.113.7 \
  "YST_TURN_URLS=turn:deploy-test.example.org:3478?transport=udp,turns:deploy-test.example.org:5349?transport=tcp"; do
  grep -qxF "$line" "$env_file" && ok "env: $line" || fail "env file lacks $line"
done
turn_secret="$(sed -n 's/^YST_TURN_SECRET=//p' "$env_file")"
token_secret="$(sed -n 's/^YST_TOKEN_SECRET=//p' "$env_file")"
[[ "$turn_secret" =~ ^[0-9a-f]{64}$ ]] && [[ "$token_secret" =~ ^[0-9a-f]{64}$ ]] && [ "$turn_secret" != "$token_secret" ] &&
  ok "two generated secrets of 64 hex digits" || fail "secrets in the env file are not two 64-hex-digit values"
grep -qxF "static-auth-secret=$turn_secret" "$root/etc/turnserver.conf" && ok "coturn's static-auth-secret is YST_TURN_SECRET" || fail "coturn's static-auth-secret differs from YST_TURN_SECRET"
grep -qx "use-auth-secret" "$root/etc/turnserver.conf" && ok "coturn: use-auth-secret" || fail "coturn lacks use-auth-secret"
for unit in multi-user.target.wants/yishiting.service timers.target.wants/yishiting-backup.timer timers.target.wants/yishiting-turn-cert.timer \
  multi-user.target.wants/caddy.service multi-user.target.wants/coturn.service; do
  [ -L "$root/etc/systemd/system/$unit" ] && ok "enabled: $unit" || fail "not enabled: $unit"
done
for directive in User=yishiting NoNewPrivileges=yes ProtectSystem=strict "ReadWritePaths=/var/lib/yishiting /var/backups/yishiting" PrivateTmp=yes \
  "EnvironmentFile=/etc/yishiting/yishiting.env"; do
  grep -qxF "$directive" "$root/etc/systemd/system/yishiting.service" && ok "unit: $directive" || fail "unit lacks $directive"
done
[ ! -e "$root/etc/systemd/system/multi-user.target.wants/janus.service" ] && ok "Debian's janus.service is disabled (the service runs its own Janus)" ||
  fail "Debian's janus.service is still enabled"
node_v="$(chroot "$root" /opt/yishiting/node/bin/node -v 2>&1 || true)"
[[ "$node_v" == v22.* ]] && ok "Node $node_v in /opt/yishiting/node" || fail "node -v in the root: $node_v"
[ -f "$root/opt/yishiting/app/dist/client/index.html" ] && ok "the client is built" || fail "no dist/client/index.html in the app"
if chroot "$root" /usr/bin/caddy adapt --config /etc/caddy/Caddyfile >/dev/null 2>"$work/caddy.err"; then ok "caddy adapts the Caddyfile"; else fail "caddy adapt: $(cat "$work/caddy.err")"; fi
if chroot "$root" /usr/bin/systemd-analyze verify /etc/systemd/system/yishiting.service /etc/systemd/system/yishiting-backup.service /etc/systemd/system/yishiting-backup.timer >"$work/verify.log" 2>&1; then
  ok "systemd-analyze verify: the units"
else
  say "   systemd-analyze verify (in a chroot, informative): $(head -c 400 "$work/verify.log")"
fi

say "6. the installed server starts in the root (media off, port 18089) and answers"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mapfile -t envs < <(grep -E '^[A-Z_]+=' "$env_file")
chroot "$root" /usr/sbin/runuser -u yishiting -- /usr/bin/env -i -C /opt/yishiting/app PATH=/opt/yishiting/node/bin:/usr/bin:/bin "${envs[@]}" \
  PORT=18089 YST_MEDIA=off /opt/yishiting/node/bin/node --import tsx server/src/main.ts >"$work/server.log" 2>&1 &
server_pid=$!
answered=0
for _ in $(seq 1 120); do
  if curl -fsS --max-time 2 http://127.0.0.1:18089/api/health >/dev/null 2>&1; then
    answered=1
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.5
done
if [ "$answered" = 1 ]; then
  ok "GET /api/health answers"
  ready="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 http://127.0.0.1:18089/api/ready || true)"
  say "   GET /api/ready: HTTP $ready"
  [ "$(stat -c %a "$root/var/lib/yishiting")" = 700 ] && ok "the data folder is still 700 with the server running" || fail "data folder mode changed"
else
  fail "the installed server did not answer /api/health: $(tail -n 15 "$work/server.log")"
fi
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
umount "$root/dev" "$root/proc"

echo
say "debootstrap + two runs + checks: $(elapsed) (first run $run1 s, second run $run2 s)"
if [ "$failures" -gt 0 ]; then
  say "$failures check(s) failed (logs in $work: run1.log, run2.log, server.log; YST_DEPLOY_KEEP=1 keeps them)"
  exit 1
fi
say "all checks passed"
