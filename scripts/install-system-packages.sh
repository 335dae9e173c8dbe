#!/usr/bin/env bash
# Install the system packages Next Steps needs, on Debian or Ubuntu.
#
#   scripts/install-system-packages.sh          # build and preview the site
#   scripts/install-system-packages.sh --test   # and run the tests
#
# It installs only what is missing, so it is quick to run again. Run it as
# root, or as a user who may use sudo.
set -euo pipefail

# To build: Python's venv module, Pango for the PDFs (WeasyPrint), and a
# font for the pages.
wanted=(python3-venv libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
# To test: Chromium for the browser tests, Java for the HTML checker, nginx
# to check the hosting example, and npm (with Node.js) for ESLint. "a|b":
# either will do (the names differ between Debian and Ubuntu releases).
case "${1:-}" in
  "") ;;
  --test) wanted+=("chromium|chromium-browser" default-jre-headless "nginx-light|nginx" npm) ;;
  *) echo "usage: $0 [--test]" >&2; exit 2 ;;
esac
# Installed when the release has it, and no error when it has not: Chromium's
# headless shell runs the browser tests on less CPU than the full browser
# (Debian has it; elsewhere the tests use Chromium itself).
optional=()
[ "${1:-}" = --test ] && optional+=(chromium-headless-shell)
# A command that, when found, means a package is there in another form
# (a Chromium, Java or Node.js installed some other way).
declare -A provides=([chromium]=chromium [default-jre-headless]=java [nginx-light]=nginx [npm]=npm)

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "This script is for Debian or Ubuntu (it needs apt-get). Elsewhere, install: ${wanted[*]//|/ or }" >&2
  exit 1
fi

# Each reads the whole output before matching: with pipefail, "grep -q" in a
# pipe can stop the writer early and make a match look like a failure.
installed() { local out; out=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1; [[ $out == *"install ok installed"* ]]; }
available() { local out; out=$(apt-cache policy "$1" 2>/dev/null) || return 1; grep -q 'Candidate: [^(]' <<<"$out"; }

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
  missing+=("$choice")
done

# An optional package the current package lists already offer.
extra=()
for name in "${optional[@]}"; do
  if ! installed "$name" && available "$name"; then extra+=("$name"); fi
done

if [ "${#missing[@]}" -eq 0 ] && [ "${#extra[@]}" -eq 0 ]; then
  echo "System packages: all there."
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
elif [ "${#missing[@]}" -eq 0 ]; then
  echo "System packages: all there (without the optional ${extra[*]}, which needs root to install)."
  exit 0
else
  echo "Missing: ${missing[*]//|/ or }. Installing them needs root, and sudo is not installed." >&2
  echo "Run this script as root (for example: su -c '$0 ${1:-}'), or install sudo first." >&2
  exit 1
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Missing: ${missing[*]//|/ or }. Updating the package lists first."
  "${as_root[@]}" apt-get update -q
fi

# With fresh package lists, pick the name this release has.
packages=()
for choice in "${missing[@]}"; do
  IFS='|' read -r -a names <<<"$choice"
  pick=""
  for name in "${names[@]}"; do
    if available "$name"; then pick="$name"; break; fi
  done
  if [ -z "$pick" ]; then
    echo "This system's package sources have no ${choice//|/ or }. Add the release's main sources, or install it another way." >&2
    exit 1
  fi
  packages+=("$pick")
done
# The fresh lists may offer an optional package the old ones did not.
extra=()
for name in "${optional[@]}"; do
  if ! installed "$name" && available "$name"; then extra+=("$name"); fi
done

# sudo clears the environment, so the setting goes through env.
if [ "${#packages[@]}" -gt 0 ]; then
  echo "Installing: ${packages[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
fi
# An optional package that will not install stops nothing.
if [ "${#extra[@]}" -gt 0 ]; then
  echo "Installing (optional): ${extra[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${extra[@]}" ||
    echo "Could not install ${extra[*]}; the tests use Chromium itself instead." >&2
fi
