#!/usr/bin/env bash
# Before the test run: the browser tests need Debian's Chromium and a font, and the briefing test
# reads its PDF with poppler-utils (pdftotext, pdftoppm). On a machine of the
# supported kind (Debian 12, root) they are installed from Debian's packages when missing;
# elsewhere this stops with the command to run.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
[ -x /usr/bin/pdftotext ] && [ -x /usr/bin/pdftoppm ] || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "preflight: installing ${missing[*]} from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "preflight: the browser tests need: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
