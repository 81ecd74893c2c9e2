#!/usr/bin/env bash
# Packs the CLI as npm would publish it and runs the tarball through npx on a fixture copy:
# proves the bin works from the package alone and reports what npx has to install.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
size=$(stat -c %s "$work/$tarball")
deps=$(node -e 'const p=require("./package.json");console.log(Object.keys(p.dependencies||{}).length)')
echo "tarball: $tarball, $size bytes, $deps runtime dependencies (npx installs $((deps + 1)) package(s))"
[ "$deps" -eq 0 ] || { echo "runtime dependencies must be bundled into dist/"; exit 1; }

cp -r test/fixtures/express-cjs "$work/app"
out="$(cd "$work/app" && npx --yes --package "$work/$tarball" create-secure-node-docker --yes --offline --dry-run --json 2>"$work/stderr")" || {
  cat "$work/stderr"; exit 1; }
node -e '
const r = JSON.parse(process.argv[1]);
const dockerfile = r.files.find((f) => f.path === "Dockerfile");
if (!dockerfile || dockerfile.action !== "create") throw new Error("no Dockerfile in " + process.argv[1]);
if (!/^node:\d+\.\d+\.\d+-alpine\d+\.\d+@sha256:[0-9a-f]{64}$/.test(r.image.ref)) throw new Error("bad ref " + r.image.ref);
console.log("npx run: ok,", r.files.length, "files planned, base", r.image.ref);
' "$out"
[ ! -e "$work/app/Dockerfile" ] || { echo "--dry-run wrote a Dockerfile"; exit 1; }
