#!/usr/bin/env bash
# Runs a command inside a throw-away, loopback-only network namespace (see docs/media.md and
# ../shared/docs/stack.md, "Loopback pitfall"): `lo` is up and a veth pair carries 127.0.0.2/32,
# the only address Janus may use for ICE (ice_enforce_list = "127.0.0.2"). Nothing in the
# namespace can reach eth0 or any private/public address, so no media can leave this machine.
# Needs root (or CAP_SYS_ADMIN): `unshare -n`. Usage: bash e2e/media/netns-run.sh <command> [args...]
set -euo pipefail
if [ $# -eq 0 ]; then echo "usage: $0 <command> [args...]" >&2; exit 2; fi
if [ "${YST_IN_MEDIA_NETNS:-}" != "1" ]; then
  exec unshare --net -- env YST_IN_MEDIA_NETNS=1 bash "$0" "$@"
fi
ip link set lo up
ip link add veth0 type veth peer name veth1
ip addr add 127.0.0.2/32 dev veth0
ip link set veth0 up
ip link set veth1 up
# Refuse to run if anything but loopback addresses exist here (defence in depth).
if ip -o -4 addr show | awk '{print $4}' | grep -qv '^127\.'; then
  echo "netns-run: unexpected non-loopback IPv4 address in the media namespace" >&2
  ip -o addr show >&2
  exit 1
fi
exec "$@"
