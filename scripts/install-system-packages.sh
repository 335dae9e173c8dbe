#!/usr/bin/env bash
# Install the system packages Next Steps needs, on Debian or Ubuntu.
#
#   scripts/install-system-packages.sh          # build and preview the site
#   scripts/install-system-packages.sh --test   # and run the tests
#
# It installs only what is missing, so it is quick to run again. It uses
# sudo when you are not root.
set -euo pipefail

# To build: Python's venv module, Pango for the PDFs (WeasyPrint), and a
# font for the pages.
wanted=(python3-venv libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
# To test: Chromium for the browser tests, Java for the HTML checker, and
# nginx to check the hosting example.
case "${1:-}" in
  "") ;;
  --test) wanted+=("chromium|chromium-browser" default-jre-headless "nginx-light|nginx") ;;
  *) echo "usage: $0 [--test]" >&2; exit 2 ;;
esac
# A command that, when found, means a package is there in another form
# (a Chromium or Java installed some other way).
declare -A provides=([chromium]=chromium [default-jre-headless]=java [nginx-light]=nginx)

if ! command -v apt-get >/dev/null 2>&1; then
  echo "This script is for Debian or Ubuntu. Elsewhere, install: ${wanted[*]//|/ or }" >&2
  exit 1
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
available() { apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [^(]'; }

missing=()
for choice in "${wanted[@]}"; do
  IFS='|' read -r -a names <<<"$choice"
  have=""
  for name in "${names[@]}"; do
    if installed "$name"; then have=1; break; fi
  done
  [ -n "$have" ] && continue
  command="${provides[${names[0]}]:-}"
  if [ -n "$command" ] && command -v "$command" >/dev/null 2>&1; then continue; fi
  pick="${names[0]}"
  if [ "${#names[@]}" -gt 1 ]; then
    for name in "${names[@]}"; do
      if available "$name"; then pick="$name"; break; fi
    done
  fi
  missing+=("$pick")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "System packages: all there."
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing: ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
