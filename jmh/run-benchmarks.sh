#!/usr/bin/env bash
# Runs Stria's benchmark suite beside its peers and writes docs/benchmarks.md and
# docs/benchmarks.png from the results.
#
#   jmh/run-benchmarks.sh            the full suite, with the settings annotated on each class
#   jmh/run-benchmarks.sh --quick    a smoke run: 1 fork, 1 warmup and 1 measurement iteration
#                                    of 1 s each (minutes, not an hour; numbers are indicative)
#
# Any other argument is passed to every JMH invocation (e.g. -jvmArgsAppend -XX:+UseParallelGC).
# Steps: build the benchmark jar if a source or pom is newer than it; run JMH with -prof gc and
# JSON output (the contention cases once each with -t 1, -t 2 and -t 4, everything else on one
# thread); measure memory per series; turn all of it into the report and the README section
# between its benchmarks:begin/end markers.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
jar="$root/jmh/target/benchmarks.jar"
results="$root/jmh/target/benchmark-results"

quick=false
extra=()
for arg in "$@"; do
  case "$arg" in
    --quick|-quick) quick=true ;;
    *) extra+=("$arg") ;;
  esac
done

if [[ ! -f "$jar" ]] || [[ -n "$(find . -path ./jmh/target -prune -o \( -name '*.java' -o -name pom.xml \) -newer "$jar" -print -quit)" ]]; then
  echo "Building $jar"
  mvn -B -q -pl jmh -am package -DskipTests
fi

jmh=(-prof gc -rf json)
memory_trials=5
if $quick; then
  jmh+=(-f 1 -wi 1 -i 1 -w 1s -r 1s)
  memory_trials=3
  note="Quick smoke run (jmh/run-benchmarks.sh --quick: 1 fork, 1 warmup and 1 measurement iteration of 1 s each). Indicative only: single iterations carry no error estimate."
else
  note="Full run (jmh/run-benchmarks.sh, the settings annotated on each benchmark class)."
fi
if [[ ${#extra[@]} -gt 0 ]]; then
  note="$note Extra JMH options: ${extra[*]}."
fi
jmh+=(${extra[@]+"${extra[@]}"})

# The cases measured at 1, 2 and 4 threads: one shared series, a series per thread, and the
# histogram-core cells (one cell shared by all threads).
contended='\.(CounterBenchmark|HistogramBenchmark|ExponentialHistogramBenchmark|PerThreadSeriesCounterBenchmark|PerThreadSeriesHistogramBenchmark|BridgeBenchmark|CounterCellBenchmark|ExplicitCellBenchmark|ExponentialCellBenchmark)\.'

rm -rf "$results"
mkdir -p "$results"

echo "== single-thread cases"
java -jar "$jar" "${jmh[@]}" -t 1 -e "$contended" -rff "$results/jmh-single.json" '.*'
for threads in 1 2 4; do
  echo "== contention cases, $threads thread(s)"
  java -jar "$jar" "${jmh[@]}" -t "$threads" -rff "$results/jmh-threads$threads.json" "$contended"
done

echo "== memory per series"
java -XX:+UseSerialGC -Xmx2g -cp "$jar" dev.stria.jmh.memory.SeriesMemory \
  "$results/memory.json" 10000 "$memory_trials"

echo "== report"
java -Djava.awt.headless=true -cp "$jar" dev.stria.jmh.report.BenchmarkReport \
  --out "$root/docs" --readme "$root/README.md" --memory "$results/memory.json" \
  --note "$note" "$results"/jmh-*.json
