#!/usr/bin/env bash
# The long run of the adversarial suite, before a release: many more generated cases than
# CI runs, with a seed of your choice (0-255). Usage: scripts/adversarial.sh [CASES] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export CCHC_ADVERSARIAL_CASES="${1:-2000}"
export CCHC_ADVERSARIAL_SEED="${2:-7}"
time cargo test --release --test adversarial -- --nocapture
