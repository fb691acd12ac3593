#!/usr/bin/env bash
# Builds the release and serves the demo (the widget in a sample practice page)
# at http://127.0.0.1:8080/ . Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trunk build --release
echo "Demo: http://127.0.0.1:${PORT:-8080}/  (Ctrl-C to stop)"
exec node scripts/serve.mjs "${PORT:-8080}"
