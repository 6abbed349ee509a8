#!/usr/bin/env bash
# Installs what the test suite needs from Debian's packages when it is missing: a PostgreSQL server (the
# suite starts a throwaway cluster), Chromium (browser tests), DejaVu fonts and poppler-utils (tests open the
# PDFs the app writes with pdftotext/pdftoppm). Nothing is downloaded from elsewhere.
set -euo pipefail

need=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null || need+=(poppler-utils)

if [ ${#need[@]} -eq 0 ]; then exit 0; fi
echo "Installing from Debian: ${need[*]}"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "Missing ${need[*]} and not root: install them with apt-get (Debian packages)." >&2
    exit 1
  fi
else SUDO=""; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
