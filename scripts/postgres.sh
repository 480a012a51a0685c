#!/usr/bin/env bash
# A throwaway PostgreSQL server for the server tests (scripts/test.sh calls
# it; DESIGN.md, "How it is checked"):
#
#   eval "$(./scripts/postgres.sh start)"   start one, export its URL
#   ./scripts/postgres.sh stop [DIR]         stop it and delete it
#   ./scripts/postgres.sh run CMD [ARG...]   start, run CMD with the URL in
#                                            its environment, stop
#
# start installs PostgreSQL from Debian's packages when it is missing
# (postgresql; with sudo when not root), makes a new cluster in a temporary
# folder, and starts it on 127.0.0.1 only, on a free port, with trust
# authentication (it accepts only loopback connections and lives as long as
# the tests). Root cannot run PostgreSQL, so as root the cluster belongs to
# the postgres system user the package creates. It creates the database
# humasdesk_test and prints, for eval:
#
#   export HUMASDESK_TEST_PG='postgres://postgres@127.0.0.1:PORT/humasdesk_test?sslmode=disable'
#   export HUMASDESK_TEST_PG_DIR='/tmp/humasdesk-pg.XXXXXX'
#
# The server tests run on it with HUMASDESK_TEST_BACKEND=postgres; they make
# a database of their own per test from that URL. For speed the cluster runs
# without fsync; HUMASDESK_PG_DURABLE=1 keeps PostgreSQL's durable defaults
# (the benchmarks in docs/BENCHMARKS.md use that). Messages go to stderr.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_PACKAGES=(postgresql)

# pg_bin prints the newest installed server's bin folder.
pg_bin() {
	local d
	d="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
	[[ -n "$d" && -x "$d/initdb" ]] || return 1
	echo "$d"
}

# as_owner runs a command as the cluster's owner: the postgres user when we
# are root, ourselves otherwise.
as_owner() {
	if [[ "$(id -u)" -eq 0 ]]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

start() {
	local bin dir port try log durable=()
	if ! bin="$(pg_bin)"; then
		ensure_packages "${PG_PACKAGES[@]}" >&2
		bin="$(pg_bin)" || die "PostgreSQL terpasang, tetapi initdb tidak ditemukan di /usr/lib/postgresql/*/bin"
	fi
	if [[ "$(id -u)" -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
		die "pengguna sistem 'postgres' tidak ada (paket postgresql membuatnya); root tidak dapat menjalankan PostgreSQL"
	fi
	dir="$(mktemp -d "${TMPDIR:-/tmp}/humasdesk-pg.XXXXXX")"
	chmod 755 "$dir"
	if [[ "$(id -u)" -eq 0 ]]; then
		chown postgres: "$dir"
	fi
	# Run from the cluster's folder: the owner may not be allowed into ours.
	cd "$dir"
	log="$dir/server.log"
	as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2
		rm -rf "$dir"
		die "initdb gagal"
	}
	if [[ -z "${HUMASDESK_PG_DURABLE:-}" ]]; then
		durable=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
	fi
	# A random port; another program may hold it, so try a few.
	for try in 1 2 3 4 5 6 7 8 9 10; do
		port=$((20000 + RANDOM % 40000))
		if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$log" -w -t 60 -o "$(printf '%q ' \
			-c listen_addresses=127.0.0.1 -p "$port" -c unix_socket_directories="$dir" \
			-c max_connections=300 "${durable[@]}")" start >/dev/null 2>&1; then
			break
		fi
		if ((try == 10)) || ! grep -q 'could not bind\|Address already in use' "$log" 2>/dev/null; then
			cat "$log" >&2 || true
			stop "$dir"
			die "PostgreSQL tidak dapat dijalankan"
		fi
	done
	as_owner "$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
		-c "CREATE DATABASE humasdesk_test" >&2 || {
		stop "$dir"
		die "database humasdesk_test tidak dapat dibuat"
	}
	echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') berjalan di 127.0.0.1:$port (folder $dir)" >&2
	printf 'export HUMASDESK_TEST_PG=%q\n' "postgres://postgres@127.0.0.1:$port/humasdesk_test?sslmode=disable"
	printf 'export HUMASDESK_TEST_PG_DIR=%q\n' "$dir"
}

stop() {
	local dir="${1:-${HUMASDESK_TEST_PG_DIR:-}}" bin pid
	[[ -n "$dir" ]] || die "folder klaster tidak diketahui: ./scripts/postgres.sh stop DIR"
	[[ "$(basename "$dir")" == humasdesk-pg.* ]] || die "$dir bukan klaster dari scripts/postgres.sh"
	[[ -d "$dir" ]] || return 0
	if [[ -f "$dir/data/postmaster.pid" ]]; then
		if bin="$(pg_bin)"; then
			(cd "$dir" && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1) || true
		fi
		if [[ -f "$dir/data/postmaster.pid" ]]; then
			pid="$(head -n 1 "$dir/data/postmaster.pid")"
			if [[ "$pid" =~ ^[0-9]+$ ]]; then
				kill -KILL "$pid" 2>/dev/null || true
			fi
		fi
	fi
	rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
stop) stop "${2:-}" ;;
run)
	shift
	(($#)) || die "perintah wajib diisi: ./scripts/postgres.sh run CMD [ARG...]"
	eval "$(start)"
	trap 'stop "$HUMASDESK_TEST_PG_DIR"' EXIT
	"$@"
	;;
*)
	sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
	[[ "${1:-}" == -h || "${1:-}" == --help ]] || exit 2
	;;
esac
