#!/usr/bin/env bash
# The list queries of Humas Desk against the same SQL in the sqlite3 CLI,
# on the same benchmark database, in the same run; see docs/BENCHMARKS.md.
#
#   scripts/bench-lists-vs-sqlite3.sh            # 5 runs of each
#   RUNS=9 DB=/path/to/file.db scripts/bench-lists-vs-sqlite3.sh
#
# Go: BenchmarkQuery (data/store/bench_test.go), RUNS rounds of 20 timed
# runs; each round reports ms/op and cpu-ms/op, and the script prints the
# median round. sqlite3: each statement RUNS times with .timer on, median
# of real and of user+sys. The machine may be shared: CPU time is the
# steadier figure, and only figures of one run compare.
#
# Needs: go, sqlite3.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
DB=${DB:-${TMPDIR:-/tmp}/humasdesk-bench-v3-s1-a1000-d20000-e100000.db}
for tool in go sqlite3; do
	command -v "$tool" >/dev/null || { echo "bench-lists-vs-sqlite3: $tool is missing" >&2; exit 1; }
done
load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

echo "load average before: $(load)"
# Generates the database on first use (a few minutes).
Q='BenchmarkQuery/^(entries|drafts)$/^(first-page|middle-page|last-page|last-page-after-write|count|search-common|search-common-capped|search-rare)$'
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
HUMASDESK_BENCH_DB=$DB go test ./data/store -run '^$' -bench "$Q" -benchtime 20x -count "$RUNS" | grep '^Benchmark' >"$OUT"
echo
echo "| Humas Desk query | ms/op (median of $RUNS rounds of 20) | cpu-ms/op |"
echo "|---|---:|---:|"
for name in $(awk '{sub(/-[0-9]+$/, "", $1); print $1}' "$OUT" | sort -u); do
	ms=$(awk -v n="$name" '{b=$1; sub(/-[0-9]+$/, "", b)} b==n {for (i=2;i<=NF;i++) if ($i=="ms/op") print $(i-1)}' "$OUT" | median)
	cpu=$(awk -v n="$name" '{b=$1; sub(/-[0-9]+$/, "", b)} b==n {for (i=2;i<=NF;i++) if ($i=="cpu-ms/op") print $(i-1)}' "$OUT" | median)
	echo "| ${name#BenchmarkQuery/} | $ms | $cpu |"
done

office=$(sqlite3 "$DB" "SELECT value FROM settings WHERE key = 'office_id'")
own="deleted = 0 AND office_id = '$office'"
like="(title LIKE '%pemilih%' ESCAPE '\\' OR location LIKE '%pemilih%' ESCAPE '\\')"
order="ORDER BY start_date DESC, id DESC"
declare -A sql=(
	[entries/first-page]="SELECT * FROM entries WHERE $own $order LIMIT 100"
	[entries/last-page-offset]="SELECT * FROM entries WHERE $own $order LIMIT 100 OFFSET 99900"
	[entries/count]="SELECT count(*) FROM entries WHERE $own"
	[entries/search-common-count]="SELECT count(*) FROM entries WHERE $own AND $like"
	[entries/search-common-count-capped]="SELECT count(*) FROM (SELECT 1 FROM entries WHERE $own AND $like LIMIT 1000)"
	[entries/search-common-page]="SELECT * FROM entries WHERE $own AND $like $order LIMIT 100"
)
echo
echo "| sqlite3 CLI $(sqlite3 --version | cut -d' ' -f1) | real ms (median of $RUNS) | user+sys ms |"
echo "|---|---:|---:|"
for name in $(printf '%s\n' "${!sql[@]}" | sort); do
	times=$(for _ in $(seq "$RUNS"); do
		printf '.timer on\n%s;\n' "${sql[$name]}" | sqlite3 "$DB" | grep '^Run Time' |
			awk '{print $4*1000, ($6+$8)*1000}'
	done)
	echo "| $name | $(echo "$times" | cut -d' ' -f1 | median) | $(echo "$times" | cut -d' ' -f2 | median) |"
done
echo
echo "load average after: $(load)"
