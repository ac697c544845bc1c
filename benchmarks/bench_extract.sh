#!/usr/bin/env bash
# Score `timeline extract` on the shared development corpora (see
# benchmarks/extraction.md). Run from the project root; needs ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-$PWD/../shared}"
PY=.venv/bin/python
EVAL="$SHARED/tools/timex_eval.py"
CMD=".venv/bin/timeline extract"

echo "# $(date -u +%Y-%m-%dT%H:%MZ)  nproc=$(nproc)  mem=$(free -g | awk '/Mem:/{print $2}')G"
"$PY" "$EVAL" "$SHARED/corpora/wikiwars-dev" --cmd "$CMD" --baseline
"$PY" "$EVAL" "$SHARED/corpora/fr-timebank-dev" --lang fr --cmd "$CMD"
"$PY" "$EVAL" "$SHARED/corpora/seed-article" --cmd "$CMD" --show-errors 20
