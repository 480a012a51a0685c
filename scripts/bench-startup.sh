#!/usr/bin/env bash
# Start-up time of the real window over the benchmark database (100,000
# report entries, 20,000 drafts, 1,000 agencies); see docs/BENCHMARKS.md.
#
#   scripts/bench-startup.sh            # 5 runs
#   RUNS=9 DB=/path/to/file.db scripts/bench-startup.sh
#
# It builds cmd/humasdesk once, makes the database with `humasdesk bench`
# if it is not there yet, then starts the program RUNS times with
# --quit-after under Xvfb with software GL. The program prints
# startup_ms=N when Fyne's OnStarted runs, i.e. the first window is shown,
# counted from the initialisation of its main package; the script also
# times, from outside, the launch until that line appears (which adds the
# Go runtime's and the packages' initialisation), and the launch until the
# process has exited. During the first run it takes a screenshot of the
# screen with ImageMagick's import (if installed), to show that the window
# was really drawn. One Xvfb serves every run, so no time is spent starting
# X servers inside the measurements.
#
# Needs: go, a C compiler and Fyne's build packages, xvfb, libgl1-mesa-dri;
# imagemagick for the screenshot.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/humasdesk-startup.XXXXXX")}
BIN="$OUT/humasdesk"
# The same cached file that `humasdesk bench` and the Go benchmarks use.
DB=${DB:-${TMPDIR:-/tmp}/humasdesk-bench-v3-s1-a1000-d20000-e100000.db}

for tool in go xvfb-run; do
	command -v "$tool" >/dev/null || { echo "bench-startup: $tool is missing" >&2; exit 1; }
done

echo "building $BIN" >&2
go build -o "$BIN" ./cmd/humasdesk

if [ ! -s "$DB" ]; then
	echo "generating $DB (about half a minute)" >&2
fi
# Generates only what is missing; with the data present it just checks.
"$BIN" bench --db "$DB" --runs 1 >/dev/null

export LANG=${LANG_FOR_BENCH:-C.UTF-8}
export LIBGL_ALWAYS_SOFTWARE=1
QUIT=${QUIT:-3}  # seconds the window stays up
export BIN DB OUT RUNS QUIT

# One X server for all runs; inside it, each run is timed from launch.
# shellcheck disable=SC2016 # expanded by the inner shell
xvfb-run -a -s "-screen 0 1280x1024x24" bash -c '
	set -euo pipefail
	now() { date +%s%N; }
	for i in $(seq 1 "$RUNS"); do
		: >"$OUT/out-$i.txt"
		t0=$(now)
		"$BIN" --db "$DB" --quit-after "${QUIT}s" >"$OUT/out-$i.txt" 2>"$OUT/stderr-$i.txt" &
		app=$!
		until grep -q "^startup_ms=" "$OUT/out-$i.txt"; do
			kill -0 "$app" 2>/dev/null || break
			sleep 0.005
		done
		t1=$(now)
		if [ "$i" = 1 ] && command -v import >/dev/null; then
			sleep 2
			import -window root "$OUT/shot.png"
		fi
		wait "$app" || { echo "run $i failed (see $OUT/stderr-$i.txt)" >&2; exit 1; }
		t2=$(now)
		line=$(grep -m1 "^startup_ms=" "$OUT/out-$i.txt" || true)
		if [ -z "$line" ]; then
			echo "run $i: no startup_ms (see $OUT/stderr-$i.txt)" >&2
			exit 1
		fi
		echo "${line#startup_ms=} $(( (t1 - t0) / 1000000 )) $(( (t2 - t0) / 1000000 ))" >>"$OUT/runs.txt"
	done
'

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

echo "| run | startup_ms (main package to OnStarted) | launch to startup_ms line, ms | launch to exit, ms (window up ${QUIT} s) |"
echo "|---:|---:|---:|---:|"
n=0
while read -r s l w; do
	n=$((n + 1))
	echo "| $n | $s | $l | $w |"
done <"$OUT/runs.txt"
echo
echo "median startup_ms: $(cut -d' ' -f1 "$OUT/runs.txt" | median)"
echo "median launch to startup_ms line: $(cut -d' ' -f2 "$OUT/runs.txt" | median) ms"
echo "median launch to exit: $(cut -d' ' -f3 "$OUT/runs.txt" | median) ms (of which ${QUIT} s is the window staying up)"
if [ -f "$OUT/shot.png" ]; then
	size=$(stat -c %s "$OUT/shot.png")
	echo "screenshot of run 1: $OUT/shot.png ($size bytes)"
	# A drawn window compresses to well over 20 kB; an empty screen to a
	# few kB. Then the figures above time a window that showed nothing.
	if [ "$size" -lt 20000 ]; then
		echo "WARNING: the screenshot looks blank ($size bytes): the window may not have drawn anything" >&2
	fi
fi
