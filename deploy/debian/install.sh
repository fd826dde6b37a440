#!/usr/bin/env bash
# Installs Yishiting on a Debian 12 server (docs/deployment.md#a-debian-server): Caddy as the TLS
# reverse proxy, coturn (TURN), Janus, Node into /opt/yishiting/node, the application into
# /opt/yishiting/app, a system user, its data folder, environment file and systemd units.
# Idempotent: a second run changes nothing, and says so.
#
#   deploy/debian/install.sh --domain meet.example.org [--email admin@example.org] [options]
#
# Options:
#   --domain NAME       the site's name (DNS points to this server); required
#   --email ADDR        the ACME account's address (Caddy obtains the certificate: ports 80 and
#                       443 must be reachable from the Internet)
#   --cert FILE --key FILE
#                       an operator-supplied certificate (PEM, full chain) and its key instead of ACME
#   --public-ip ADDR    this server's public IPv4 address: Janus's nat_1_1_mapping (behind 1:1 NAT),
#                       coturn's external-ip, and Caddy's only address when --turn-ip is given
#   --turn-ip ADDR      a second public address for coturn's TLS on port 443 (TURN for networks
#                       that allow only 443); without it TURN over TLS listens on 5349
#   --turn-domain NAME  the name of --turn-ip (required with it; --cert must cover it)
#   --port N            the service's loopback port (default 8080)
#   --media MODE        embedded (default: Janus as the service's child) or external (with --janus-url)
#   --janus-url URL     the external Janus's WebSocket API (--media external)
#   --rtp-ports A-B     Janus's UDP media ports (default 20000-20200)
#   --ice-enforce IF    Janus's ice_enforce_list (an interface or address, e.g. eth0)
#   --node-major N      Node's major version (default 22; the app needs ^20.19, ^22.12 or ^24)
#   --source DIR        the Yishiting tree to install (default: the repository holding this script)
#   --root DIR          operate on a Debian root in DIR (a debootstrap tree): apt and npm through
#                       chroot, units enabled offline, no service started
#   --dry-run           print every change it would make, and make none
set -euo pipefail
LOG_TAG=yishiting-install
# shellcheck source=deploy/debian/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

domain="" email="" cert="" key="" public_ip="" turn_ip="" turn_domain="" port=8080 media=embedded janus_url=""
rtp_ports=20000-20200 ice_enforce="" node_major=22 source_dir="" root_dir=""
DRY_RUN=0
need_value() { [ $# -ge 2 ] && [ -n "$2" ] && [[ "$2" != --* ]] || die "$1 needs a value"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --domain | --email | --cert | --key | --public-ip | --turn-ip | --turn-domain | --port | --media | --janus-url | --rtp-ports | --ice-enforce | --node-major | --source | --root)
      need_value "$@"
      case "$1" in
        --domain) domain="$2" ;;
        --email) email="$2" ;;
        --cert) cert="$2" ;;
        --key) key="$2" ;;
        --public-ip) public_ip="$2" ;;
        --turn-ip) turn_ip="$2" ;;
        --turn-domain) turn_domain="$2" ;;
        --port) port="$2" ;;
        --media) media="$2" ;;
        --janus-url) janus_url="$2" ;;
        --rtp-ports) rtp_ports="$2" ;;
        --ice-enforce) ice_enforce="$2" ;;
        --node-major) node_major="$2" ;;
        --source) source_dir="$2" ;;
        --root) root_dir="$2" ;;
      esac
      shift 2
      ;;
    --dry-run)
      DRY_RUN=1
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) die "unknown option $1 (--help lists them)" ;;
  esac
done

# ---- the options, checked before anything changes ----

ipv4_re='^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$'
name_re='^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$'
[ -n "$domain" ] || die "--domain is required (the name browsers use, e.g. --domain meet.example.org)"
domain="${domain,,}"
[[ "$domain" =~ $name_re ]] || die "--domain must be a DNS name such as meet.example.org, got $domain"
[ -z "$email" ] || [[ "$email" =~ ^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$ ]] || die "--email must be an e-mail address, got $email"
if [ -n "$cert" ] || [ -n "$key" ]; then
  [ -n "$cert" ] && [ -n "$key" ] || die "--cert and --key go together"
  [ -z "$email" ] || die "--email (ACME) and --cert/--key (your own certificate) exclude each other"
  [ -f "$cert" ] || die "--cert: no such file $cert"
  [ -f "$key" ] || die "--key: no such file $key"
  grep -q -- "-----BEGIN CERTIFICATE-----" "$cert" || die "--cert: $cert is not a PEM certificate"
  grep -q -- "-----BEGIN .*PRIVATE KEY-----" "$key" || die "--key: $key is not a PEM private key"
fi
[ -z "$public_ip" ] || [[ "$public_ip" =~ $ipv4_re ]] || die "--public-ip must be an IPv4 address, got $public_ip"
if [ -n "$turn_ip" ]; then
  [[ "$turn_ip" =~ $ipv4_re ]] || die "--turn-ip must be an IPv4 address, got $turn_ip"
  [ -n "$public_ip" ] || die "--turn-ip needs --public-ip (Caddy then binds to --public-ip only, coturn to --turn-ip:443)"
  [ "$turn_ip" != "$public_ip" ] || die "--turn-ip must differ from --public-ip (both would take TCP port 443)"
fi
[ -z "$turn_domain" ] || [ -n "$turn_ip" ] || die "--turn-domain goes with --turn-ip"
turn_domain="${turn_domain,,}"
if [ -n "$turn_ip" ]; then
  # Caddy cannot obtain a certificate for a name whose ports 80 and 443 it does not hold.
  [ -n "$turn_domain" ] || die "--turn-ip needs --turn-domain (a name resolving to --turn-ip, e.g. turn.$domain)"
  [[ "$turn_domain" =~ $name_re ]] || die "--turn-domain must be a DNS name, got $turn_domain"
  [ "$turn_domain" != "$domain" ] || die "--turn-domain must differ from --domain (they resolve to different addresses)"
  [ -n "$cert" ] || die "--turn-ip needs --cert/--key: a certificate whose names include $turn_domain (Caddy's ACME cannot reach that address)"
  openssl x509 -noout -checkhost "$turn_domain" -in "$cert" 2>/dev/null | grep -q "does match" || die "--cert does not cover --turn-domain $turn_domain"
fi
[[ "$port" =~ ^[0-9]+$ ]] && ((port >= 1 && port <= 65535)) || die "--port must be 1-65535, got $port"
case "$media" in
  embedded) [ -z "$janus_url" ] || die "--janus-url goes with --media external" ;;
  external) [[ "$janus_url" =~ ^wss?:// ]] || die "--media external needs --janus-url ws://host:8188" ;;
  *) die "--media must be embedded or external, got $media" ;;
esac
[[ "$rtp_ports" =~ ^([0-9]+)-([0-9]+)$ ]] && ((BASH_REMATCH[1] >= 1024 && BASH_REMATCH[1] < BASH_REMATCH[2] && BASH_REMATCH[2] <= 65535)) ||
  die "--rtp-ports must look like 20000-20200 (above 1023), got $rtp_ports"
[ -z "$ice_enforce" ] || [[ "$ice_enforce" =~ ^[A-Za-z0-9.:_-]+$ ]] || die "--ice-enforce must be an interface name or an address, got $ice_enforce"
[[ "$node_major" =~ ^(20|22|24)$ ]] || die "--node-major must be 20, 22 or 24 (the app needs ^20.19, ^22.12 or ^24), got $node_major"
source_dir="${source_dir:-$(cd "$DEBIAN_DIR/../.." && pwd)}"
[ -f "$source_dir/package.json" ] && [ -f "$source_dir/server/src/main.ts" ] || die "--source $source_dir is not a Yishiting tree (no package.json and server/src/main.ts)"
source_dir="$(cd "$source_dir" && pwd)"
if [ -n "$root_dir" ]; then
  [ -d "$root_dir" ] || die "--root $root_dir is not a folder"
  root_dir="$(cd "$root_dir" && pwd)"
  [ "$root_dir" != / ] || root_dir=""
fi
ROOT="$root_dir"
[ "$(id -u)" -eq 0 ] || [ "$DRY_RUN" = 1 ] || die "run as root (or with --dry-run)"
if [ -z "$ROOT" ] && [ "$DRY_RUN" != 1 ]; then
  grep -q '^VERSION_ID="12"' /etc/os-release 2>/dev/null || warn "this is not Debian 12: the packages may differ"
fi

[ "$DRY_RUN" = 1 ] && say "dry run: nothing is changed${ROOT:+ in $ROOT}" || say "installing${ROOT:+ into $ROOT}"
trap unmount_target EXIT

# ---- Debian packages ----

# The packages: proxy, TURN, Janus (with janus-pp-rec for recordings), the tools for Node's
# download, and a compiler for native modules (better-sqlite3 builds from source without a prebuilt binary).
packages=(caddy coturn janus-tools ca-certificates curl openssl python3 make g++)
[ "$media" = external ] || packages+=(janus)
installed() { [ "$(dpkg-query --admindir="$(t /var/lib/dpkg)" -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null)" = "ii " ]; }
ensure_packages() {
  local missing=() p
  for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
  if [ ${#missing[@]} -eq 0 ]; then
    unchanged "packages ${packages[*]}"
    return 0
  fi
  changed "apt-get install ${missing[*]}"
  [ "$DRY_RUN" = 1 ] && return 0
  local policy=""
  if [ -n "$ROOT" ] && [ ! -e "$ROOT/usr/sbin/policy-rc.d" ]; then
    # No service starts inside the root while its packages are configured.
    policy="$ROOT/usr/sbin/policy-rc.d"
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
  fi
  in_target apt-get update -qq
  in_target apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ -z "$policy" ] || rm -f "$policy"
  for p in "${missing[@]}"; do installed "$p" || die "package $p is still not installed"; done
}
ensure_packages

# ---- user and folders ----

if [ -n "$(uid_of yishiting)" ]; then
  unchanged "user yishiting"
else
  changed "create the system user yishiting (no login shell, home /var/lib/yishiting)"
  [ "$DRY_RUN" = 1 ] || in_target useradd --system --user-group --home-dir /var/lib/yishiting --no-create-home --shell /usr/sbin/nologin yishiting
fi
ensure_dir /var/lib/yishiting 700 yishiting yishiting
ensure_dir /var/backups/yishiting 700 yishiting yishiting
ensure_dir /etc/yishiting 755 root root
ensure_dir /opt/yishiting 755 root root

# ---- Node and the application ----

ensure_node "$node_major"
# A running installation is upgraded by upgrade.sh (live meetings checked, a backup first), not here.
if systemd_running && [ -f "$APP_DIR/.yst-source" ] && [ "$(cat "$APP_DIR/.yst-source")" != "$(source_hash "$source_dir")" ] &&
  systemctl is-active --quiet yishiting.service; then
  die "$source_dir differs from the installed application and yishiting is running: upgrade with deploy/debian/upgrade.sh (it refuses while a meeting is live and takes a backup), then run the installer again"
fi
ensure_app "$source_dir"
restart_app="$APP_CHANGED"

# ---- environment file (secrets generated once, kept afterwards) ----

env_file=/etc/yishiting/yishiting.env
old_env="$(t "$env_file")"
Y_TOKEN_SECRET="$(env_value "$old_env" YST_TOKEN_SECRET)"
Y_TURN_SECRET="$(env_value "$old_env" YST_TURN_SECRET)"
dry_note=""
[ "$DRY_RUN" != 1 ] || dry_note=" (dry run: not kept)"
if [ -z "$Y_TOKEN_SECRET" ]; then
  Y_TOKEN_SECRET="$(new_secret)"
  say "generated YST_TOKEN_SECRET$dry_note"
fi
if [ -z "$Y_TURN_SECRET" ]; then
  Y_TURN_SECRET="$(new_secret)"
  say "generated YST_TURN_SECRET (also coturn's static-auth-secret)$dry_note"
fi
Y_DOMAIN="$domain" Y_EMAIL="$email" Y_PORT="$port" Y_PUBLIC_IP="$public_ip" Y_ICE_ENFORCE="$ice_enforce"
Y_RTP_PORTS="$rtp_ports" Y_MEDIA="$media" Y_JANUS_URL="$janus_url"
Y_TURN_REALM="${turn_domain:-$domain}"
Y_TURN_LISTEN_IP="$turn_ip"
Y_BIND="${turn_ip:+$public_ip}"
if [ -n "$turn_ip" ]; then Y_TURN_TLS_PORT=443; else Y_TURN_TLS_PORT=5349; fi
Y_TURN_MIN_PORT=49160 Y_TURN_MAX_PORT=49999
Y_TURN_URLS="turn:$Y_TURN_REALM:3478?transport=udp,turns:$Y_TURN_REALM:$Y_TURN_TLS_PORT?transport=tcp"
templates="$DEBIAN_DIR/templates"

render "$templates/yishiting.env" | write_file "$env_file" 600 root root
restart_app=$((restart_app | LAST_CHANGED))

# ---- TLS: the operator's certificate for Caddy; coturn gets a copy (yishiting-turn-cert) ----

Y_CERT="" Y_KEY=""
if [ -n "$cert" ]; then
  ensure_dir /etc/yishiting/tls 750 root caddy
  write_file /etc/yishiting/tls/cert.pem 644 root caddy <"$cert"
  write_file /etc/yishiting/tls/key.pem 640 root caddy <"$key"
  Y_CERT=/etc/yishiting/tls/cert.pem Y_KEY=/etc/yishiting/tls/key.pem
fi

# ---- Caddy ----

restart_caddy=0
render "$templates/Caddyfile" | write_file /etc/caddy/Caddyfile 644 root root
restart_caddy=$((restart_caddy | LAST_CHANGED))

# ---- coturn ----

restart_coturn=0
ensure_dir /etc/coturn/yishiting 750 root turnserver
render "$templates/turnserver.conf" | write_file /etc/turnserver.conf 640 root turnserver
restart_coturn=$((restart_coturn | LAST_CHANGED))
render "$templates/coturn-override.conf" | write_file /etc/systemd/system/coturn.service.d/yishiting.conf 644 root root
units_changed=$LAST_CHANGED
restart_coturn=$((restart_coturn | LAST_CHANGED))

# ---- systemd units ----

for unit in yishiting.service yishiting-backup.service yishiting-backup.timer yishiting-turn-cert.service yishiting-turn-cert.timer; do
  render "$templates/$unit" | write_file "/etc/systemd/system/$unit" 644 root root
  units_changed=$((units_changed | LAST_CHANGED))
  [ "$unit" != yishiting.service ] || restart_app=$((restart_app | LAST_CHANGED))
done

enabled_units=(yishiting.service yishiting-backup.timer yishiting-turn-cert.timer caddy.service coturn.service)
for unit in "${enabled_units[@]}"; do
  if [ "$DRY_RUN" = 1 ] && [ ! -e "$(t "/etc/systemd/system/$unit")" ] && [ ! -e "$(t "/lib/systemd/system/$unit")" ]; then
    changed "enable $unit"
    continue
  fi
  if systemd_running; then
    if [ "$(systemctl is-enabled "$unit" 2>/dev/null)" = enabled ]; then unchanged "enabled $unit"; else
      changed "enable $unit"
      [ "$DRY_RUN" = 1 ] || systemctl enable --quiet "$unit"
    fi
  elif command -v systemctl >/dev/null; then
    if [ "$(systemctl --root="${ROOT:-/}" is-enabled "$unit" 2>/dev/null)" = enabled ]; then unchanged "enabled $unit"; else
      changed "enable $unit (offline, in ${ROOT:-/})"
      [ "$DRY_RUN" = 1 ] || systemctl --root="${ROOT:-/}" enable --quiet "$unit"
    fi
  else
    warn "no systemctl here: enable $unit yourself"
  fi
done

# Debian's janus package enables its own janus.service (the packaged configuration on the same
# ports): with an embedded Janus the service runs its own, so the packaged one is disabled.
if [ "$media" = embedded ] && [ -e "$(t /lib/systemd/system/janus.service)" ]; then
  if systemd_running; then janus_state="$(systemctl is-enabled janus.service 2>/dev/null || true)"; else janus_state="$(systemctl --root="${ROOT:-/}" is-enabled janus.service 2>/dev/null || true)"; fi
  if [ "$janus_state" = enabled ]; then
    changed "disable Debian's janus.service (the service runs its own Janus)"
    if [ "$DRY_RUN" != 1 ]; then
      if systemd_running; then systemctl disable --now --quiet janus.service; else systemctl --root="${ROOT:-/}" disable --quiet janus.service; fi
    fi
  else
    unchanged "janus.service not enabled"
  fi
fi

# ---- services: (re)started only when their configuration changed ----

if ! systemd_running; then
  say "systemd is not running${ROOT:+ (a root in $ROOT)}: no service is started or restarted"
elif [ "$DRY_RUN" = 1 ]; then
  [ "$units_changed" = 0 ] || say "would: systemctl daemon-reload"
  [ "$restart_caddy" = 0 ] || say "would: reload caddy"
  [ "$restart_coturn" = 0 ] || say "would: restart coturn"
  [ "$restart_app" = 0 ] || say "would: restart yishiting"
else
  [ "$units_changed" = 0 ] || systemctl daemon-reload
  # coturn's certificate comes from the operator's files or Caddy's ACME storage.
  systemctl start yishiting-turn-cert.service || warn "no certificate for coturn yet (Caddy obtains it once the domain reaches this server): TURN over TLS waits, UDP works"
  if [ "$restart_caddy" = 1 ]; then
    systemctl reload-or-restart caddy
    say "reloaded caddy"
  fi
  if [ "$restart_coturn" = 1 ]; then
    systemctl restart coturn
    say "restarted coturn"
  fi
  if [ "$restart_app" = 1 ]; then
    systemctl restart yishiting
    say "restarted yishiting; waiting for /api/ready …"
    wait_ready 120 || die "yishiting did not become ready within 2 minutes: journalctl -u yishiting"
    say "yishiting is ready"
  fi
  # Started when not running (a no-op otherwise): the first install, or a service stopped by hand.
  systemctl start caddy.service coturn.service yishiting-backup.timer yishiting-turn-cert.timer yishiting.service || true
  for unit in caddy coturn yishiting; do systemctl is-active --quiet "$unit" || warn "$unit is not running: journalctl -u $unit"; done
fi

# ---- summary ----

echo
if [ ${#CHANGES[@]} -eq 0 ]; then
  say "summary: nothing changed"
else
  say "summary: ${#CHANGES[@]} change(s)$([ "$DRY_RUN" = 1 ] && echo " would be made")"
  for c in "${CHANGES[@]}"; do say "  - $c"; done
fi
say "site https://$domain, TURN $Y_TURN_URLS"
say "open: TCP 80 and 443 (Caddy), UDP and TCP 3478 and TCP $Y_TURN_TLS_PORT (coturn), UDP $Y_TURN_MIN_PORT-$Y_TURN_MAX_PORT (TURN relays), UDP $rtp_ports (Janus)"
