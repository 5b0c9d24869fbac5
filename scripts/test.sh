#!/usr/bin/env bash
# The README's test command (make test): starts OpenSearch, PostgreSQL and
# Redis on loopback, runs the whole suite against them and the embedded
# defaults, and stops the services again, whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")/.."
trap 'scripts/services.sh stop >/dev/null 2>&1 || true' EXIT
env_file="$(scripts/services.sh start)"
set -a
# shellcheck disable=SC1090
. "$env_file"
set +a
.venv/bin/python -m pytest -q "$@"
