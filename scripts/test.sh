#!/usr/bin/env bash
# Runs the whole test suite, as CI does (.ci/run calls exactly this):
#
#   ./scripts/test.sh               everything
#   ./scripts/test.sh ./data/...    go test only these packages (the checks
#                                   before it still cover the whole module)
#
# It installs the missing apt packages the tests need (with sudo when not
# root), then runs: gofmt, go vet, staticcheck (pinned in go.mod as a tool),
# and go test -count=1 under Xvfb with software OpenGL, so the real-window
# test works without a screen. It runs every step even when one fails, and
# exits non-zero if any failed.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

repo_root
start=$(now_s)

# Xvfb and software GL for the real window; dbus-x11 silences a harmless dbus
# warning; poppler-utils (pdftotext) and qpdf read back generated PDFs;
# imagemagick (import) screenshots the real window under Xvfb.
TEST_PACKAGES=(xvfb xauth libgl1-mesa-dri dbus-x11 poppler-utils qpdf imagemagick)

say "Memeriksa Go"
need_go

say "Memeriksa paket sistem"
ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"

# A real locale for Fyne (see lib.sh), the same on every machine.
use_app_locale force
# Never touch the user's own database or Fyne settings from a test.
unset HUMASDESK_DB

failed=()
step() {
	local name="$1" t0
	shift
	say "$name"
	t0=$(now_s)
	if "$@"; then
		echo "--- $name: LULUS ($(($(now_s) - t0)) d)"
	else
		echo "--- $name: GAGAL ($(($(now_s) - t0)) d)"
		failed+=("$name")
	fi
}

check_gofmt() {
	local all=() files=() f bad
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		mapfile -t all < <(git ls-files --cached --others --exclude-standard -- '*.go')
	else
		mapfile -t all < <(find . -name '*.go' -not -path './.git/*')
	fi
	for f in "${all[@]}"; do
		# Go ignores testdata; a file deleted but still tracked is gone.
		[[ "$f" != *testdata/* && -f "$f" ]] && files+=("$f")
	done
	((${#files[@]})) || return 0
	bad="$(gofmt -l "${files[@]}")" || {
		echo "gofmt tidak dapat membaca semua file (lihat pesan di atas)"
		return 1
	}
	if [[ -n "$bad" ]]; then
		echo "File berikut belum diformat dengan gofmt (jalankan: gofmt -w FILE):"
		while read -r f; do echo "  $f"; done <<<"$bad"
		return 1
	fi
}

run_tests() {
	local pkgs=("$@")
	((${#pkgs[@]})) || pkgs=(./...)
	LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1280x1024x24" \
		go test -count=1 -timeout 20m "${pkgs[@]}"
}

step "gofmt" check_gofmt
echo
echo "Kompilasi pertama (go vet) memakan waktu sekitar 4–5 menit: pustaka grafis Fyne"
echo "dikompilasi sekali dan modul Go diunduh. Berikutnya seluruh pemeriksaan sekitar 10 detik."
step "go vet" go vet ./...
step "staticcheck" go tool staticcheck ./...
step "go test" run_tests "$@"
# The server tests again on PostgreSQL: a throwaway server on loopback
# (scripts/postgres.sh), removed on exit; only for the whole suite. Without
# one the PostgreSQL tests fail in CI and skip elsewhere.
if (($# == 0)); then
	pg_env="$(./scripts/postgres.sh start)" && eval "$pg_env" && trap './scripts/postgres.sh stop' EXIT
	step "go test ./server (PostgreSQL)" env HUMASDESK_TEST_BACKEND=postgres go test -count=1 -timeout 20m ./server
fi
# The release artefacts, built and checked (a real start of the installed
# Linux package under Xvfb among them): only for the whole suite, not when
# go test is given packages; HUMASDESK_SKIP_RELEASE=1 skips it.
if (($# == 0)) && [[ -z "${HUMASDESK_SKIP_RELEASE:-}" ]]; then
	step "rilis (dist/) dan pemeriksaannya" ./scripts/release.sh --check
fi

echo
if ((${#failed[@]})); then
	echo "GAGAL: ${failed[*]} (total $(($(now_s) - start)) detik)"
	exit 1
fi
echo "SEMUA PEMERIKSAAN LULUS (total $(($(now_s) - start)) detik)"
