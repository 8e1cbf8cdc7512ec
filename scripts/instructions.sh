#!/usr/bin/env bash
# Instructions per cold comparison of two bundled articles (raw text → segmentation,
# alignment, word diff, layout: the `issue2_cold_*` workload, examples/cold_pair.rs), counted
# by callgrind. Start-up is taken out by running 1 and 1 + N comparisons. Counted on one thread
# (RAYON_NUM_THREADS=1): on two, a thread of the pool spins while it waits for work to take
# (`par::on_pool`), and its spinning would count; the work itself is the same.
# A steadier measure than wall time on a shared machine; needs valgrind.
#
#   scripts/instructions.sh [N]      (default N = 10)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
if ! command -v valgrind >/dev/null; then
    echo "SKIPPED: valgrind not installed"
    exit 0
fi
cargo build --release --quiet --example cold_pair
BIN=target/release/examples/cold_pair
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
count() { # pair, runs → instructions
    RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$TMP/cg" "$BIN" "$1" "$2" "$3" 2>&1 \
        | sed -n 's/.*refs: *//p' | tr -d ,
}
for pair in "003 004" "000 001"; do
    set -- $pair
    one=$(count "$1" "$2" 1)
    many=$(count "$1" "$2" $((N + 1)))
    echo "$1–$2: $(( (many - one) / N )) instructions per cold comparison (mean of $N)"
done
