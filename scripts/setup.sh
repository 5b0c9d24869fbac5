#!/usr/bin/env bash
# Installs what sotarchive needs on a Debian machine; safe to run again.
#   scripts/setup.sh          system packages + .venv with the app
#   scripts/setup.sh test     ... and the test tools
#   scripts/setup.sh bench    ... and the benchmarks' peers (OCRmyPDF)
set -euo pipefail
cd "$(dirname "$0")/.."

EXTRAS="${1:-}"
APT_PACKAGES=(
  tesseract-ocr tesseract-ocr-kir tesseract-ocr-rus tesseract-ocr-osd tesseract-ocr-script-cyrl
  poppler-utils
  fonts-liberation2 fonts-dejavu-core fonts-freefont-ttf
)
# The browser tests drive Debian's Chromium with its own driver; the OCR
# benchmark runs OCRmyPDF as the peer, which needs unpaper and ghostscript.
[ "$EXTRAS" = "test" ] && APT_PACKAGES+=(chromium chromium-driver)
# The production backends run for real in the tests (scripts/services.sh):
# PostgreSQL and Redis from Debian; OpenSearch from Maven Central.
[ "$EXTRAS" = "test" ] || [ "$EXTRAS" = "bench" ] && APT_PACKAGES+=(postgresql redis-server unzip curl)
# veraPDF (fetched from Maven Central by scripts/verapdf.sh) checks our PDF/A.
if { [ "$EXTRAS" = "test" ] || [ "$EXTRAS" = "bench" ]; } && ! command -v mvn >/dev/null 2>&1; then
  APT_PACKAGES+=(maven default-jre-headless)
fi
[ "$EXTRAS" = "bench" ] && APT_PACKAGES+=(unpaper ghostscript)
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing+=(python3-venv)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  echo "creating .venv with $PYTHON"
  "$PYTHON" -m venv .venv
fi
spec="."
[ -n "$EXTRAS" ] && spec=".[$EXTRAS]"
stamp=".venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)-${EXTRAS:-app}"
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e "$spec"
  touch "$stamp"
fi
# The interface's translations, compiled from their catalogues (.po → .mo).
.venv/bin/pybabel -q compile -d search_api/translations

if [ "$EXTRAS" = "test" ]; then
  scripts/verapdf.sh >/dev/null
fi
