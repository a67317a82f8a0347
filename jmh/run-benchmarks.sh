#!/usr/bin/env bash
# Runs Stria's benchmark suite beside its peers and writes the report and chart from the results.
#
#   jmh/run-benchmarks.sh                the full suite on the `java` on the PATH, with the settings
#                                        annotated on each class
#   jmh/run-benchmarks.sh --quick        a smoke run: 1 fork, 1 warmup and 1 measurement iteration
#                                        of 1 s each (minutes, not an hour; numbers are indicative)
#   jmh/run-benchmarks.sh --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
#                                        the suite on another JDK (a java binary or a JDK home;
#                                        or set JAVA=...)
#   jmh/run-benchmarks.sh --only 'VirtualThread|Gauge'
#                                        only the benchmarks matching a regular expression (the
#                                        memory program and the virtual-thread check still run)
#
# On Java 17 (the release the library is built for) the report is docs/benchmarks.md with
# docs/benchmarks.png, and the README's section between its benchmarks:begin/end markers is
# replaced. On any other JDK the report is docs/benchmarks-java<N>.md and .png, and the README is
# left alone. Any other argument is passed to every JMH invocation (e.g. -jvmArgsAppend
# -XX:+UseParallelGC).
#
# Steps: build the benchmark jar if a source or pom is newer than it; print a time estimate; run
# JMH with -prof gc and JSON output (the contention cases once each with -t 1, -t 2 and -t 4,
# every other benchmark class on one thread: exemplars, operations, the bridge, JVM metrics,
# scrape and OTLP included; VirtualThreadBenchmark only on Java 21+); measure memory per series
# with one and four writer threads; run the virtual-thread check (exact totals, stripe memory)
# and the virtual-thread rounds (every library's batches in the same JVMs, on which the report
# judges the throughput target); turn all of it into the report.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
jar="$root/jmh/target/benchmarks.jar"

quick=false
java_bin="${JAVA:-java}"
only='.*'
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick|-quick) quick=true ;;
    --java) java_bin="$2"; shift ;;
    --only) only="$2"; shift ;;
    *) extra+=("$1") ;;
  esac
  shift
done
if [[ -d "$java_bin" ]]; then
  java_bin="$java_bin/bin/java"
fi

major=$("$java_bin" -XshowSettings:properties -version 2>&1 \
  | awk -F'= ' '/java.specification.version/ {print $2}')
if [[ -z "$major" ]]; then
  echo "Cannot run $java_bin" >&2
  exit 1
fi
if [[ "$major" == "17" ]]; then
  name=benchmarks
  results="$root/jmh/target/benchmark-results"
  readme=(--readme "$root/README.md")
else
  name="benchmarks-java$major"
  results="$root/jmh/target/benchmark-results-java$major"
  readme=()
fi

if [[ ! -f "$jar" ]] || [[ -n "$(find . -path ./jmh/target -prune -o \( -name '*.java' -o -name pom.xml \) -newer "$jar" -print -quit)" ]]; then
  echo "Building $jar"
  mvn -B -q -pl jmh -am package -DskipTests
fi

jmh=(-prof gc -rf json)
memory_trials=5
check=()
pairs=()
if $quick; then
  jmh+=(-f 1 -wi 1 -i 1 -w 1s -r 1s)
  memory_trials=3
  check=(100000 16 3)
  pairs=(1 20)
  note="Quick smoke run (jmh/run-benchmarks.sh --quick: 1 fork, 1 warmup and 1 measurement iteration of 1 s each). Indicative only: single iterations carry no error estimate."
else
  note="Full run (jmh/run-benchmarks.sh, the settings annotated on each benchmark class)."
fi
note="$note Java $major ($java_bin)."
if [[ "$only" != '.*' ]]; then
  note="$note Only the benchmarks matching '$only'."
fi
if [[ ${#extra[@]} -gt 0 ]]; then
  note="$note Extra JMH options: ${extra[*]}."
fi
jmh+=(${extra[@]+"${extra[@]}"})

# The cases measured at 1, 2 and 4 threads: one shared series, a series per thread, the bridge,
# and the histogram-core cells (one cell shared by all threads).
contended='\.(CounterBenchmark|HistogramBenchmark|ExponentialHistogramBenchmark|PerThreadSeriesCounterBenchmark|PerThreadSeriesHistogramBenchmark|BridgeBenchmark|CounterCellBenchmark|ExplicitCellBenchmark|ExponentialCellBenchmark)\.'
# Virtual threads exist from Java 21; on older JDKs the benchmark is left out and the report says
# its target was not measured.
needs_virtual_threads='\.VirtualThreadBenchmark\.'

# The benchmarks of each run, as exact names, so that --only can narrow both.
selected=$("$java_bin" -jar "$jar" -l "$only" | grep '^dev\.' || true)
single_names=$(grep -Ev "$contended" <<<"$selected" || true)
if (( major < 21 )); then
  single_names=$(grep -Ev "$needs_virtual_threads" <<<"$single_names" || true)
fi
contended_names=$(grep -E "$contended" <<<"$selected" || true)
as_regex() { [[ -n "$1" ]] && echo "^($(paste -sd'|' <<<"$1" | sed 's/\./\\./g'))\$"; }
single_regex=$(as_regex "$single_names" || true)
contended_regex=$(as_regex "$contended_names" || true)

estimate=("$java_bin" -cp "$jar" dev.stria.jmh.report.SuiteEstimate --other-seconds 450)
if $quick; then
  estimate+=(--quick)
fi
[[ -n "$single_regex" ]] && estimate+=(--run "$single_regex" '')
for threads in 1 2 4; do
  [[ -n "$contended_regex" ]] && estimate+=(--run "$contended_regex" '')
done
echo "Java $major: report docs/$name.md$( [[ ${#readme[@]} -gt 0 ]] && echo ' and the README section')"
"${estimate[@]}"

rm -rf "$results"
mkdir -p "$results"

if [[ -n "$single_regex" ]]; then
  echo "== single-thread cases"
  "$java_bin" -jar "$jar" "${jmh[@]}" -t 1 -rff "$results/jmh-single.json" "$single_regex"
fi
if [[ -n "$contended_regex" ]]; then
  for threads in 1 2 4; do
    echo "== contention cases, $threads thread(s)"
    "$java_bin" -jar "$jar" "${jmh[@]}" -t "$threads" -rff "$results/jmh-threads$threads.json" \
      "$contended_regex"
  done
fi

# -XX:+UseSerialGC makes System.gc() a full, compacting collection; -XX:-UseTLAB keeps the
# thread-local allocation buffer a thread takes right after it (megabytes, counted whole as used
# heap) out of the measurement, which otherwise moves single trials by +-2 MB.
memory_jvm=(-XX:+UseSerialGC -XX:-UseTLAB -Xmx2g)

echo "== memory per series, one and four writer threads"
"$java_bin" "${memory_jvm[@]}" -cp "$jar" dev.stria.jmh.memory.SeriesMemory \
  "$results/memory.json" 10000 "$memory_trials"

echo "== virtual threads: exact totals and the memory stripes hold"
"$java_bin" "${memory_jvm[@]}" -cp "$jar" dev.stria.jmh.virtual.VirtualThreadCheck \
  "$results/virtual-threads.json" ${check[@]+"${check[@]}"}

echo "== virtual threads: every library's batches in the same JVMs, round by round"
"$java_bin" -cp "$jar" dev.stria.jmh.VirtualThreadPairs \
  "$results/virtual-thread-pairs.json" ${pairs[@]+"${pairs[@]}"}

echo "== report"
shopt -s nullglob
jmh_files=("$results"/jmh-*.json)
"$java_bin" -Djava.awt.headless=true -cp "$jar" dev.stria.jmh.report.BenchmarkReport \
  --out "$root/docs" --name "$name" ${readme[@]+"${readme[@]}"} \
  --memory "$results/memory.json" --virtual-threads "$results/virtual-threads.json" \
  --note "$note" "${jmh_files[@]}"
