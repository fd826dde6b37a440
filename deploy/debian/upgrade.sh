#!/usr/bin/env bash
# The documented upgrade of a server installed by deploy/debian/install.sh
# (docs/deployment.md#upgrading):
#
#   deploy/debian/upgrade.sh [--source DIR] [--wait MINUTES] [--force]
#
#   1. builds the new tree beside the running one (/opt/yishiting/app.new: copy of --source,
#      npm ci, npm run build) while the service still runs;
#   2. npm run upgrade (the installed version's safety step): refuses while a meeting is live
#      (exit 3), or with --wait drains, polling up to that many minutes; then takes a backup;
#   3. systemctl stop yishiting, swaps the new tree in, systemctl start yishiting (the server
#      migrates the database at start, and refuses a database from a newer version);
#   4. waits for GET /api/ready.
#
# --source DIR   the new Yishiting tree (default: the repository holding this script)
# --wait N       drain: wait up to N minutes for live meetings to end (npm run upgrade -- --wait N)
# --force        upgrade even when the source is the installed one (a rebuild and restart)
set -euo pipefail
LOG_TAG=yishiting-upgrade
# shellcheck source=deploy/debian/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

source_dir="" wait_minutes="" force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --source)
      [ $# -ge 2 ] && [ -n "$2" ] || die "--source needs a folder"
      source_dir="$2"
      shift 2
      ;;
    --wait)
      [ $# -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] && (($2 >= 1)) || die "--wait needs a number of minutes (1 or more)"
      wait_minutes="$2"
      shift 2
      ;;
    --force)
      force=1
      shift
      ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown option $1 (--help lists them)" ;;
  esac
done
[ "$(id -u)" -eq 0 ] || die "run as root"
[ -d /run/systemd/system ] || die "systemd is not running: the upgrade stops and starts the service"
[ -f "$APP_DIR/.yst-source" ] && [ -x "$NODE_DIR/bin/node" ] || die "no installation in $APP_DIR: run deploy/debian/install.sh first"
source_dir="${source_dir:-$(cd "$DEBIAN_DIR/../.." && pwd)}"
[ -f "$source_dir/package.json" ] && [ -f "$source_dir/server/src/main.ts" ] || die "--source $source_dir is not a Yishiting tree"
source_dir="$(cd "$source_dir" && pwd)"
[ "$source_dir" != "$APP_DIR" ] || die "--source must be the new tree, not the installed $APP_DIR"

hash="$(source_hash "$source_dir")"
if [ "$(cat "$APP_DIR/.yst-source")" = "$hash" ] && [ "$force" = 0 ]; then
  say "the installed application is already this source (${hash:0:12}): nothing to do (--force rebuilds and restarts)"
  exit 0
fi

started="$(date +%s)"
say "1/4 building the new tree in $APP_DIR.new (the service keeps running) …"
build_app "$source_dir" "$APP_DIR.new" "$hash"

say "2/4 safety check and backup (npm run upgrade${wait_minutes:+ -- --wait $wait_minutes}) …"
args=()
[ -z "$wait_minutes" ] || args=(-- --wait "$wait_minutes")
status=0
as_service_npm upgrade "${args[@]}" || status=$?
if [ "$status" != 0 ]; then
  rm -rf "$APP_DIR.new"
  [ "$status" != 3 ] || die "a meeting is live: nothing was changed (try again later, or --wait MINUTES to drain)"
  die "npm run upgrade failed (exit $status): nothing was changed"
fi

say "3/4 stopping yishiting, swapping the tree, starting (the server migrates the database) …"
down="$(date +%s)"
systemctl stop yishiting
swap_app
systemctl start yishiting

say "4/4 waiting for /api/ready …"
if ! wait_ready 180; then
  die "yishiting is not ready after 3 minutes: journalctl -u yishiting (a database from a newer version is refused; the backup of step 2 is in /var/backups/yishiting)"
fi
now="$(date +%s)"
say "upgraded to ${hash:0:12} in $((now - started)) s (service down $((now - down)) s)"
