#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu machine and starts Humas Desk with demo data:
#
#   ./scripts/setup.sh            install what is missing, build, fill the demo
#                                 database, open the window
#   ./scripts/setup.sh --no-run   the same, without opening the window
#
# It checks for Go (>= 1.24; it never downloads Go), installs the missing apt
# packages Fyne needs (with sudo when not root), builds bin/humasdesk, and
# fills the demo database with `humasdesk demo` (idempotent: running it again
# adds nothing). The demo database is kept apart from real work:
# tmp/demo.db in this repository, or the file named by DB=... .
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_app=1
for arg in "$@"; do
	case "$arg" in
	--no-run) run_app=0 ;;
	-h | --help)
		sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*) die "argumen tidak dikenal: $arg (yang dikenal: --no-run)" ;;
	esac
done

repo_root
DB="${DB:-$PWD/tmp/demo.db}"
start=$(now_s)

say "1/4 Memeriksa Go"
need_go

say "2/4 Memeriksa paket sistem untuk Fyne (${BUILD_PACKAGES[*]})"
ensure_packages "${BUILD_PACKAGES[@]}"
use_app_locale keep # after apt-get; see lib.sh

say "3/4 Membangun bin/humasdesk"
echo "Build pertama memakan waktu sekitar 3–5 menit: pustaka grafis Fyne (OpenGL, GLFW)"
echo "dikompilasi sekali dengan gcc dan modul Go diunduh. Build berikutnya hanya beberapa detik."
t0=$(now_s)
go build -o bin/humasdesk ./cmd/humasdesk || die "build gagal (lihat pesan di atas)"
echo "Selesai dalam $(($(now_s) - t0)) detik: bin/humasdesk"

say "4/4 Mengisi database contoh: $DB"
bin/humasdesk demo --db "$DB" || die "pengisian data contoh gagal"

echo
echo "Persiapan selesai dalam $(($(now_s) - start)) detik."
echo "Data contoh terpisah dari data kerja Anda. Untuk membukanya lagi nanti:"
echo "  bin/humasdesk --db \"$DB\""
echo "Untuk data kerja Anda sendiri (di folder konfigurasi pengguna):"
echo "  bin/humasdesk"

if ((run_app == 0)); then
	exit 0
fi
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
	echo
	echo "Tidak ada layar grafis (DISPLAY kosong, misalnya lewat SSH), jadi jendela tidak dibuka."
	echo "Jalankan perintah di atas dari desktop."
	exit 0
fi

say "Membuka Humas Desk dengan data contoh (tutup jendelanya untuk selesai)"
exec bin/humasdesk --db "$DB"
