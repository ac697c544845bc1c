#!/usr/bin/env bash
# Score `timeline extract` on the shared development corpora and measure what
# extraction costs (see benchmarks/extraction.md). Run from the project root;
# the scores need ../shared, the cost figures do not.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-$PWD/../shared}"
PY=.venv/bin/python
EVAL="$SHARED/tools/timex_eval.py"
CMD=".venv/bin/timeline extract"

echo "# $(date -u +%Y-%m-%dT%H:%MZ)  nproc=$(nproc)  mem=$(free -g | awk '/Mem:/{print $2}')G  load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -f "$EVAL" ]; then
  "$PY" "$EVAL" "$SHARED/corpora/wikiwars-dev" --cmd "$CMD" --baseline
  "$PY" "$EVAL" "$SHARED/corpora/fr-timebank-dev" --lang fr --cmd "$CMD"
  "$PY" "$EVAL" "$SHARED/corpora/seed-article" --cmd "$CMD" --show-errors 20
fi

# Cost of the dateparser languages (de, es, it, pl, nl) against English, on
# synthetic articles of about 16 kchar written for this benchmark: in process
# (CPU time of this process: the first call pays dateparser's import and
# parser; the second, on new text, is the steady cost), then whole processes (`timeline extract`).
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$PY" - "$WORK" <<'PYEOF'
import random
import sys
import time

from timeline.extract import extract_mentions

S = {
    "en": ["On {d} March {y} de Gaulle wrote to Johnson.", "In July {y} France left.",
           "The government talked at length about the budget and defence."],
    "de": ["Am {d}. März {y} schrieb de Gaulle an Johnson.", "Im Juli {y} ging Frankreich.",
           "Die Regierung beriet lange über den Haushalt und die Verteidigung."],
    "es": ["El {d} de marzo de {y}, De Gaulle escribió.", "En julio de {y} Francia salió.",
           "El gobierno debatió durante horas sobre el presupuesto y la defensa."],
    "it": ["Il {d} marzo {y} de Gaulle scrisse.", "Nel luglio {y} la Francia uscì.",
           "Il governo discusse a lungo del bilancio e della difesa."],
    "pl": ["{d} marca {y} r. de Gaulle napisał list.", "W lipcu {y} Francja wyszła.",
           "Rząd długo dyskutował o budżecie i obronie."],
    "nl": ["Op {d} maart {y} schreef de Gaulle.", "In juli {y} vertrok Frankrijk.",
           "De regering sprak lang over de begroting en de defensie."],
}


def article(lang: str, seed: int) -> str:
    rnd = random.Random(seed)
    return " ".join(s.format(d=rnd.randint(1, 28), y=rnd.randint(1900, 2020))
                    for _ in range(110) for s in S[lang])


work = sys.argv[1]
for lang in S:
    body = article(lang, 1)
    with open(f"{work}/{lang}.txt", "w", encoding="utf-8") as fh:
        fh.write(f"---\ntitle: bench\npublished: 2009-06-01\nlanguage: {lang}\n---\n{body}\n")
import datetime  # noqa: E402

pub = datetime.date(2009, 6, 1)
for lang in S:
    first, second = article(lang, 2), article(lang, 3)
    t = time.process_time()
    n = len(extract_mentions(first, published=pub, lang=lang))
    t1 = time.process_time()
    extract_mentions(second, published=pub, lang=lang)
    t2 = time.process_time()
    print(f"in process {lang}: {len(first)} chars, {n} mentions, first call "
          f"{(t1 - t) * 1000:.0f} ms CPU, next text {(t2 - t1) * 1000:.0f} ms CPU")
PYEOF
# Whole processes, run where there is no events.yaml (so none is read)...
ROOT="$PWD"
for lang in en de es it pl nl; do
  for i in 1 2 3; do
    (cd "$WORK" && /usr/bin/time -f "whole process $lang: %e s wall, %U s user + %S s sys" \
      "$ROOT/.venv/bin/timeline" extract --format jsonl "$lang.txt" 2>&1 >/dev/null)
  done
done
# ...and what reading the shipped events.yaml adds to one (event-anchored dates).
for i in 1 2 3; do
  (cd "$WORK" && /usr/bin/time -f "whole process en with --events: %e s wall, %U s user + %S s sys" \
    "$ROOT/.venv/bin/timeline" extract --format jsonl --events "$ROOT/events.yaml" en.txt \
    2>&1 >/dev/null)
done
