#!/usr/bin/env bash
# Runs the JMH suite with fixed settings and writes the results as JSON.
# Usage: benchmarks/run.sh [JMH regexp] [extra JMH options]   (from anywhere)
# Needs ../shared/data beside the repository (or -Dtradekit.refdata via JAVA_OPTS).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -B -q -pl benchmarks -am package -DskipTests -Dspotless.check.skip=true
refdata="${TRADEKIT_REFDATA:-$root/../shared/data}"
out="$root/benchmarks/target/results.json"
java ${JAVA_OPTS:-} -Dtradekit.refdata="$refdata" -jar benchmarks/target/benchmarks.jar \
  -rf json -rff "$out" "${@:-.*}"
echo "results: $out"
