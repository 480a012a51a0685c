#!/usr/bin/env bash
# First sync of N records: Humas Desk against PouchDB 9 (batch_size 1000),
# on the same machine, in the same run, on the same N; see docs/BENCHMARKS.md.
#
#   scripts/bench-sync-vs-pouchdb.sh              # N=100000, 5 runs each
#   scripts/bench-sync-vs-pouchdb.sh -n 10000 -r 3
#
# Humas Desk: BenchmarkSyncInitial (server/bench_test.go), a new device's
# pull of one office's whole feed over loopback into a new local SQLite
# file, R timed runs after the server is loaded (the load is not timed).
# PouchDB: the peer benchmark (PEER, default /work/shared/peers/pouchdb),
# copied to a temporary folder where `npm ci` installs its pinned packages;
# its replication with batch_size 1000 into a fresh leveldb, R timed runs.
# Both report the median records/s; the script prints both, their ratio and
# the load average before and after each side, and the CPU time (client
# and server) each spends per sync, which a loaded machine disturbs less. The machine may be shared:
# compare ratios measured in one run, not figures from different runs.
#
# Needs: go, node (>= 18) and npm.
set -euo pipefail

cd "$(dirname "$0")/.."
N=100000
RUNS=5
PEER=${PEER:-/work/shared/peers/pouchdb}
while getopts "n:r:" opt; do
	case $opt in
	n) N=$OPTARG ;;
	r) RUNS=$OPTARG ;;
	*) echo "usage: $0 [-n records] [-r runs]" >&2; exit 2 ;;
	esac
done

for tool in go node npm; do
	command -v "$tool" >/dev/null || { echo "bench-sync-vs-pouchdb: $tool is missing" >&2; exit 1; }
done
[ -f "$PEER/bench.js" ] || { echo "bench-sync-vs-pouchdb: no $PEER/bench.js (set PEER)" >&2; exit 1; }

# The peer is copied, never installed into in place.
WORK=${WORK:-${TMPDIR:-/tmp}/humasdesk-pouchdb-peer}
mkdir -p "$WORK"
cp "$PEER/bench.js" "$PEER/package.json" "$PEER/package-lock.json" "$WORK/"
if [ ! -d "$WORK/node_modules/pouchdb" ]; then
	echo "npm ci in $WORK" >&2
	(cd "$WORK" && npm ci --no-audit --no-fund >&2)
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "N=$N runs=$RUNS nproc=$(nproc) $(uname -m)"
echo "load average before Humas Desk: $(load)"
GOOUT=$(mktemp)
trap 'rm -f "$GOOUT"' EXIT
HUMASDESK_BENCH_SYNC_N=$N go test ./server -run '^$' -bench '^BenchmarkSyncInitial$' \
	-benchtime "${RUNS}x" -timeout 60m | tee "$GOOUT" >&2
metric() { awk -v m="$1" '/^BenchmarkSyncInitial/ {for (i = 2; i <= NF; i++) if ($i == m) print $(i-1)}' "$GOOUT"; }
hd=$(metric median-records/s)
hdcpu=$(metric cpu-s/op)
[ -n "$hd" ] || { echo "bench-sync-vs-pouchdb: no median-records/s from the Go benchmark" >&2; exit 1; }

echo "load average before PouchDB: $(load)"
pj=$(cd "$WORK" && node bench.js "$N" --repeats "$RUNS" --batch-size 1000 --noop-runs 1)
pd=$(node -e 'console.log(JSON.parse(process.argv[1]).docs_per_s_tuned)' "$pj")
# CPU seconds of client and server per timed run (medians of each).
pdcpu=$(node -e 'const c = JSON.parse(process.argv[1]).cpu_ms_median.tuned; console.log((c.client + c.server) / 1000)' "$pj")
echo "load average after PouchDB: $(load)"

echo "Humas Desk first sync, median of $RUNS: $hd records/s"
echo "PouchDB 9 batch_size 1000, median of $RUNS: $pd docs/s"
echo "CPU seconds per first sync (client + server): Humas Desk $hdcpu, PouchDB $pdcpu"
awk -v a="$hd" -v b="$pd" 'BEGIN {printf "ratio (Humas Desk / PouchDB): %.2fx (goal 3x)\n", a / b}'
awk -v a="$hdcpu" -v b="$pdcpu" 'BEGIN {printf "CPU ratio (PouchDB CPU / Humas Desk CPU): %.2fx; steadier than wall time on a loaded machine\n", b / a}'
