#!/usr/bin/env bash
# Runs the unit and integration projects on another Node major (default 24) than the machine's:
# the npm registry ships Node binaries as packages (node-linux-<arch>@<major>, with the headers
# node-gyp needs), so nothing else is downloaded. The run happens in a copy of the tree whose
# native modules are rebuilt for that Node, so the working tree keeps working meanwhile.
# Its Vitest report goes to test-results/vitest-node<major>.json (.ci/totals.mjs counts it).
set -euo pipefail
major="${1:-24}"
root="$(cd "$(dirname "$0")/.." && pwd)"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "No Node $major package for $(uname -m)" >&2; exit 1 ;;
esac
work="$(mktemp -d "${TMPDIR:-/tmp}/yishiting-node$major-XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "Node $major: installing node-linux-$arch@$major …"
npm install --silent --no-save --no-package-lock --prefix "$work/runtime" "node-linux-$arch@$major"
nodedir="$work/runtime/node_modules/node-linux-$arch"

mkdir -p "$work/tree" "$root/test-results"
tar -C "$root" --exclude=./.git --exclude=./dist --exclude=./test-results --exclude=./data -cf - . | tar -C "$work/tree" -xf -
cd "$work/tree"
export PATH="$nodedir/bin:$PATH"
echo "Node $major: $(node -v); rebuilding the native modules …"
npm_config_nodedir="$nodedir" npm rebuild --silent better-sqlite3 argon2 unix-dgram
# The pure core's random walks (core/meeting.fuzz.test.ts) run once, on the machine's Node: they
# touch no native module or Node API that differs between majors, and are the longest unit file.
YST_SKIP_WALKS=1 YST_VITEST_JSON="$root/test-results/vitest-node$major.json" npx vitest run --project unit --project integration
