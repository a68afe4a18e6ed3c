#!/bin/sh
# `npm start`: the production server, as the container image runs it (Next.js's standalone output,
# .next/standalone/server.js, behind compressed-server.mjs, which sends the build's scripts
# compressed), built first when there is no build yet or when a source file is newer than the build
# (after a pull or an edit). It runs from its own folder,
# so a relative PGLITE_DATA_DIR is made absolute here: the embedded database stays where `npm run
# dev` and the commands keep it. Listens on HOST (default 127.0.0.1) and PORT (default 3000).
set -e
cd "$(dirname "$0")/.."
built=.next/standalone/compressed-server.mjs
if [ ! -f "$built" ] || [ -n "$(find app lib db data deploy/*.mjs instrumentation.ts proxy.ts next.config.js package-lock.json \
  -newer "$built" -type f -print 2>/dev/null | head -n 1)" ]; then
  echo "blo-atlas: building the production app (a few minutes, once)…"
  npm run build
fi
data="${PGLITE_DATA_DIR:-.data/pglite}"
case "$data" in
  *://* | /*) ;;
  *) data="$PWD/$data" ;;
esac
export PGLITE_DATA_DIR="$data" HOSTNAME="${HOST:-127.0.0.1}" NEXT_TELEMETRY_DISABLED=1
exec node .next/standalone/compressed-server.mjs
