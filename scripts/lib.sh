# shellcheck shell=bash
# Shared helpers for scripts/setup.sh and scripts/test.sh. Source it; do not
# run it. Messages are in Indonesian, like the application.

# The packages Fyne needs to build (cgo + OpenGL + X11 headers). libc6-dev
# is only a Recommends of gcc, and we install without recommends.
# shellcheck disable=SC2034 # used by the scripts that source this file
BUILD_PACKAGES=(gcc libc6-dev pkg-config libgl1-mesa-dev xorg-dev)

say() { printf '\n==> %s\n' "$*"; }
warn() { printf 'PERINGATAN: %s\n' "$*" >&2; }
die() {
	printf '\nGAGAL: %s\n' "$*" >&2
	exit 1
}

# now_s prints the seconds since the epoch (for elapsed-time messages).
now_s() { date +%s; }

# repo_root changes to the repository's top folder (the one with go.mod).
repo_root() {
	local here
	here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
	cd "$here" || die "folder repo $here tidak dapat dibuka"
	[[ -f go.mod ]] || die "go.mod tidak ditemukan di $here"
}

# need_go makes sure a Go toolchain of at least 1.24 is on PATH (it looks in
# /usr/local/go/bin too, where the official archive installs it). It never
# downloads Go itself.
need_go() {
	if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
		export PATH="/usr/local/go/bin:$PATH"
		warn "go tidak ada di PATH; memakai /usr/local/go/bin/go. Tambahkan ke ~/.profile:  export PATH=\$PATH:/usr/local/go/bin"
	fi
	if ! command -v go >/dev/null 2>&1; then
		cat >&2 <<'EOF'

GAGAL: Go belum terpasang (perintah "go" tidak ditemukan).

Humas Desk memerlukan Go 1.24 atau lebih baru. Paket "golang" dari apt di
Debian 12 / Ubuntu 22.04 terlalu lama. Pasang Go resmi:

  1. Unduh arsip Linux (go1.26.x.linux-amd64.tar.gz) dari https://go.dev/dl/
  2. sudo rm -rf /usr/local/go && sudo tar -C /usr/local -xzf go1.26.*.linux-amd64.tar.gz
  3. echo 'export PATH=$PATH:/usr/local/go/bin' >> ~/.profile && . ~/.profile
  4. go version      (harus menampilkan go1.24 atau lebih baru)

Atau di Ubuntu: sudo snap install go --classic

Lalu jalankan perintah ini lagi.
EOF
		exit 1
	fi
	local v major minor
	v="$(go env GOVERSION 2>/dev/null || true)"
	if [[ "$v" =~ ^go([0-9]+)\.([0-9]+) ]]; then
		major="${BASH_REMATCH[1]}"
		minor="${BASH_REMATCH[2]}"
		if ((major < 1 || (major == 1 && minor < 24))); then
			die "versi Go ($v) terlalu lama; perlu Go 1.24 atau lebih baru. Pasang versi baru dari https://go.dev/dl/ (lihat README.md, bagian \"Persiapan\")."
		fi
	else
		warn "versi Go tidak dikenali ($v); dilanjutkan."
	fi
	# go.mod may ask for a newer Go than the installed one: with the default
	# GOTOOLCHAIN=auto the go command then fetches that toolchain from the Go
	# module proxy by itself; with GOTOOLCHAIN=local it stops.
	local want
	want="$(awk '$1 == "go" { print $2; exit }' go.mod)"
	echo "Go: $v ($(command -v go)); go.mod meminta go $want"
}

# sudo_cmd prints "sudo" when we are not root (and nothing when we are).
sudo_cmd() {
	if [[ "$(id -u)" -eq 0 ]]; then
		return
	fi
	if ! command -v sudo >/dev/null 2>&1; then
		die "perlu hak root untuk memasang paket, tetapi sudo tidak ada. Jalankan sebagai root, atau pasang sendiri: apt-get install $*"
	fi
	echo sudo
}

# is_installed reports whether the Debian package $1 is installed.
is_installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# ensure_packages installs, with apt-get, those of the named Debian packages
# that are missing; it does nothing (and needs no root) when all are there.
ensure_packages() {
	local missing=() p
	if ! command -v dpkg-query >/dev/null 2>&1; then
		warn "ini bukan Debian/Ubuntu (dpkg tidak ada); pastikan sendiri paket setara ini terpasang: $*"
		return
	fi
	for p in "$@"; do
		is_installed "$p" || missing+=("$p")
	done
	if ((${#missing[@]} == 0)); then
		echo "Semua paket sistem sudah terpasang: $*"
		return
	fi
	say "Memasang paket sistem yang belum ada: ${missing[*]}"
	local sudo
	sudo="$(sudo_cmd "${missing[@]}")" || exit 1
	if [[ -n "$sudo" ]]; then
		echo "(perlu sudo; mungkin Anda diminta memasukkan kata sandi)"
	fi
	# $sudo is unquoted on purpose: empty (we are root), it must vanish.
	# shellcheck disable=SC2086
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
		die "apt-get update gagal; periksa koneksi internet atau sumber apt"
	# shellcheck disable=SC2086
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" ||
		die "pemasangan paket gagal: ${missing[*]}"
}

# use_app_locale sets a real locale for Fyne in this shell. With LANG=C.UTF-8
# (common in containers) Fyne logs "Error parsing user locale C"; a locale
# that names a language avoids it. The locale does not need to be generated
# on the system: Fyne only reads the variable. Call it after apt-get (perl
# in dpkg would warn about an ungenerated locale).
#
# use_app_locale keep    keeps a real user locale (en_US.UTF-8, id_ID.UTF-8, ...)
#                        and replaces only C/POSIX ones;
# use_app_locale force   always uses id_ID.UTF-8 (the tests: same result everywhere).
use_app_locale() {
	local cur="${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}"
	if [[ "$1" == force ]]; then
		cur=C
	fi
	case "$cur" in
	"" | C | C.* | POSIX | POSIX.*)
		# Unset first: bash re-reads the locale on each change, and warns
		# about an ungenerated one if LANG is already set to it.
		unset LC_ALL LC_MESSAGES LANGUAGE
		export LANG=id_ID.UTF-8
		;;
	esac
}
