#!/usr/bin/env bash
# Time `parallax align A B --sentences --json` on the two Bible translations of
# ../shared/eval/scale against `git diff --no-index --word-diff` on the same pair, in the same
# run, and print medians, max RSS and the ratio. Uses hyperfine when installed, else repeated
# /usr/bin/time -v runs. Also prints the verse-level P/R/F1 of the alignment it timed.
#
#   scripts/bench-vs-git.sh [RUNS]      (default 7 runs each)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
SCALE=../shared/eval/scale
if [[ ! -f $SCALE/bible_kjv_verses.tsv ]]; then
    echo "SKIPPED: $SCALE not found"
    exit 0
fi
cargo build --release --quiet
BIN=$PWD/target/release/parallax
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
tail -n +2 $SCALE/bible_kjv_verses.tsv | cut -f5 > "$TMP/kjv.txt"
tail -n +2 $SCALE/bible_bbe_verses.tsv | cut -f5 > "$TMP/bbe.txt"
echo "inputs: $(wc -l < "$TMP/kjv.txt") and $(wc -l < "$TMP/bbe.txt") lines, $(du -h "$TMP/kjv.txt" | cut -f1) and $(du -h "$TMP/bbe.txt" | cut -f1)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

ALIGN=("$BIN" align "$TMP/kjv.txt" "$TMP/bbe.txt" --sentences --json)
GIT=(git diff --no-index --word-diff "$TMP/kjv.txt" "$TMP/bbe.txt")

# median of numbers on stdin
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

# run CMD RUNS times under /usr/bin/time -v; print "median_wall_s max_rss_kb median_cpu_s"
# (CPU = user + system time, all threads; less sensitive than wall time to a busy machine)
measure() {
    local times=() cpus=() rss=0 i
    for ((i = 0; i < RUNS; i++)); do
        /usr/bin/time -v -o "$TMP/time" "$@" > /dev/null 2>&1 || true
        local wall kb cpu
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(k=1;k<=n;k++) s=s*60+p[k]; print s}' "$TMP/time")
        cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$TMP/time")
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$TMP/time")
        times+=("$wall")
        cpus+=("$cpu")
        ((kb > rss)) && rss=$kb
    done
    printf '%s\n' "${times[@]}" | median | tr '\n' ' '
    echo -n "$rss "
    printf '%s\n' "${cpus[@]}" | median
}

if command -v hyperfine > /dev/null; then
    hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$TMP/h.json" \
        "${ALIGN[*]} > /dev/null" "${GIT[*]} > /dev/null"
    read -r A_MED G_MED < <(python3 -c "import json,sys; r=json.load(open('$TMP/h.json'))['results']; print(r[0]['median'], r[1]['median'])")
    read -r _ A_RSS A_CPU < <(measure "${ALIGN[@]}")
    read -r _ G_RSS G_CPU < <(measure "${GIT[@]}")
else
    # interleave warm-up, then measure both
    "${ALIGN[@]}" > /dev/null
    "${GIT[@]}" > /dev/null || true
    read -r A_MED A_RSS A_CPU < <(measure "${ALIGN[@]}")
    read -r G_MED G_RSS G_CPU < <(measure "${GIT[@]}")
fi
echo "parallax align --sentences --json: median wall ${A_MED} s, CPU ${A_CPU} s, max RSS $((A_RSS / 1024)) MB"
echo "git diff --no-index --word-diff:   median wall ${G_MED} s, CPU ${G_CPU} s, max RSS $((G_RSS / 1024)) MB"
awk -v a="$A_MED" -v g="$G_MED" -v ac="$A_CPU" -v gc="$G_CPU" 'BEGIN {
    printf "ratio parallax/git: wall %.3f, CPU %.3f (target < 0.333); parallax wall %s 0.5 s\n", a/g, ac/gc, (a < 0.5 ? "under" : "NOT under")}'

# quality of the alignment that was timed
"${ALIGN[@]}" > "$TMP/out.json"
python3 - "$SCALE" "$TMP/out.json" <<'PY'
import json, sys
scale, out = sys.argv[1], sys.argv[2]
def ids(path):
    with open(path) as f:
        next(f)
        return [":".join((c[0], c[2], c[3])) for c in (l.rstrip("\n").split("\t") for l in f)]
a, b = ids(f"{scale}/bible_kjv_verses.tsv"), ids(f"{scale}/bible_bbe_verses.tsv")
pos = {v: j for j, v in enumerate(b)}
gold = {(i, pos[v]) for i, v in enumerate(a) if v in pos}
pred = {(i, j) for u in json.load(open(out))["units"] if u["kind"] not in ("only_a", "only_b") for i in u["a"] for j in u["b"]}
ok = len(pred & gold)
p, r = ok / max(len(pred), 1), ok / max(len(gold), 1)
print(f"verse-level: P {p:.3f} R {r:.3f} F1 {2*p*r/max(p+r,1e-9):.3f} ({ok} correct / {len(pred)} predicted / {len(gold)} gold)")
PY
