#!/usr/bin/env bash
# Build time and peak memory against the number of documents (BENCHMARKS.md, "Scaling").
# Makes a content folder of N công văn (the demo's issuer, one dispatch copied N times with
# its number and subject changed, so no two are alike), builds it with the release binary,
# and prints N, wall seconds, ms per document and peak MB. Usage:
#   cargo build --release && scripts/bench-scale.sh 100 500 1000 2000 5000
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CARGO_TARGET_DIR:-target}/release/cchc"
work="${BENCH_DIR:-/tmp/cchc-scale}"
printf '%6s %9s %9s %8s\n' docs seconds ms/doc peakMB
for n in "$@"; do
  rm -rf "$work/$n"
  mkdir -p "$work/$n/content/van-ban"
  cp content/co_quan.yaml "$work/$n/content/"
  src=content/van-ban/cong-van-12-don-doc-cchc-quy-1.yaml
  for i in $(seq 1 "$n"); do
    sed -e "s/^so: 12$/so: $i/" \
        -e "s/^trich_yeu: \(.*\)$/trich_yeu: \1 (lần $i)/" \
        "$src" > "$work/$n/content/van-ban/cv-$i.yaml"
  done
  /usr/bin/time -f '%e %M' -o "$work/$n/time" \
    "$bin" build --content "$work/$n/content" --output "$work/$n/output" >/dev/null 2>"$work/$n/err" \
    || { cat "$work/$n/err"; exit 1; }
  read -r secs kb < "$work/$n/time"
  awk -v n="$n" -v s="$secs" -v kb="$kb" 'BEGIN { printf "%6d %9.2f %9.2f %8.0f\n", n, s, 1000*s/n, kb/1024 }'
done
