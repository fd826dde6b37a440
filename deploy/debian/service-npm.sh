#!/usr/bin/env bash
# Runs one of the installed application's npm scripts as the service user, with the service's
# environment (/etc/yishiting/yishiting.env, then local.env) — for the commands an operator runs
# by hand on a server installed by deploy/debian/install.sh (docs/deployment.md#a-debian-server):
#
#   deploy/debian/service-npm.sh backup
#   systemctl stop yishiting && deploy/debian/service-npm.sh restore -- /var/backups/yishiting/yishiting-….tar.gz
#   deploy/debian/service-npm.sh admin:reset -- admin
set -euo pipefail
LOG_TAG=yishiting
# shellcheck source=deploy/debian/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ $# -ge 1 ] || die "usage: $0 <npm script> [-- arguments]"
[ "$(id -u)" -eq 0 ] || die "run as root (it switches to the user yishiting)"
[ -x "$NODE_DIR/bin/node" ] && [ -f "$APP_DIR/package.json" ] || die "no installation in $APP_DIR: run deploy/debian/install.sh first"
as_service_npm "$@"
