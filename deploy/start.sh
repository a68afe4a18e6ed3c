#!/bin/sh
# `npm start`: the production server, as the container image runs it (Next.js's standalone output,
# .next/standalone/server.js), built first when there is no build yet. It runs from its own folder,
# so a relative PGLITE_DATA_DIR is made absolute here: the embedded database stays where `npm run
# dev` and the commands keep it. Listens on HOST (default 127.0.0.1) and PORT (default 3000).
set -e
cd "$(dirname "$0")/.."
[ -f .next/standalone/server.js ] || npm run build
data="${PGLITE_DATA_DIR:-.data/pglite}"
case "$data" in
  *://* | /*) ;;
  *) data="$PWD/$data" ;;
esac
export PGLITE_DATA_DIR="$data" HOSTNAME="${HOST:-127.0.0.1}" NEXT_TELEMETRY_DISABLED=1
exec node .next/standalone/server.js
