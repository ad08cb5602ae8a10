#!/usr/bin/env bash
# Runs the JMH suite and the heap-flatness harness; writes the results as JSON.
# Usage: benchmarks/run.sh [JMH regexp] [extra JMH options]   (from anywhere)
# Warm-up, measurement and fork settings are fixed per benchmark by annotations; the suite takes
# about 10 minutes on 2 cores (under 20). Every benchmark runs with -prof gc (allocation per op).
# Needs ../shared/data beside the repository (or TRADEKIT_REFDATA=/path/to/shared/data).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -B -q -pl benchmarks -am package -DskipTests -Dspotless.check.skip=true
refdata="${TRADEKIT_REFDATA:-$root/../shared/data}"
out="$root/benchmarks/target/results.json"
heap="$root/benchmarks/target/heap-flatness.json"
jar="$root/benchmarks/target/benchmarks.jar"
echo "machine: $(nproc) cores, $(uptime)"
java ${JAVA_OPTS:-} -Dtradekit.refdata="$refdata" -jar "$jar" \
  -foe true -prof gc -rf json -rff "$out" "${@:-.*}"
echo "results: $out"
if [[ $# -eq 0 ]]; then
  # 10 M synthetic events through the book and the simulator in a 64 MiB heap.
  java -Xmx64m -cp "$jar" dev.tradekit.benchmarks.HeapFlatness 10000000 "$heap"
  echo "heap flatness: $heap"
fi
