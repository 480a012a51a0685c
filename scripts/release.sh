#!/usr/bin/env bash
# Builds the release artefacts of Humas Desk into dist/ on Debian/Ubuntu
# (amd64), and optionally checks them:
#
#   ./scripts/release.sh               build dist/ (make release)
#   ./scripts/release.sh --check       build, then check every artefact
#                                      (scripts/test.sh runs this)
#   ./scripts/release.sh --check-only  check what is already in dist/
#
# dist/ then holds (VERSION as below):
#   humasdesk-VERSION-linux-amd64.tar.xz   the desktop app: `fyne package
#                                          --os linux` (Makefile + usr/local/…)
#   humasdesk-VERSION-windows-amd64.zip    "Humas Desk/Humas Desk.exe" (icon and
#                                          version information embedded) and
#                                          README.txt (docs/INSTALL-WINDOWS.md)
#   humasdesk-server-VERSION-linux-amd64.tar.gz   the sync server, its systemd
#                                          unit and environment file, SERVER.md
#   humasdesk-server-VERSION-windows-amd64.zip    the sync server for Windows
#   SHA256SUMS
#
# How: the fyne tool is the one pinned in go.mod (`go tool fyne`, v1.7.2),
# built once with the host compiler. Because `fyne package` reads
# FyneApp.toml only from its --src folder, writes files there while it
# builds (fyne_metadata_init.go, fyne.syso) and rewrites FyneApp.toml, the
# script packages a temporary copy of the source (the files git tracks or
# would track, so uncommitted work is included) and never writes into the
# repository except dist/. The Windows program is cross-compiled with
# MinGW-w64 by `fyne package --os windows` (which makes the .syso with the
# icon, version information and manifest), with CGO_LDFLAGS=-l:libssp.a
# for the stack protector the fyne tool turns on. The server is built with
# CGO_ENABLED=0 for linux/amd64 and windows/amd64.
#
# Version: a tag vX.Y.Z on HEAD gives X.Y.Z; a later commit gives
# `git describe` (X.Y.Z-N-gHASH); without a tag, Version in FyneApp.toml
# plus -dev+gHASH. "-dirty"/".dirty" marks uncommitted changes. The build
# number (Windows file version a.b.c.BUILD) is the number of commits.
# HUMASDESK_VERSION=… overrides the version string.
#
# Installs missing apt packages with scripts/lib.sh's ensure_packages;
# downloads nothing but Go modules and Debian packages. Times (2 cores):
# see docs/SERVER.md ("Membuat rilis").
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build=1 check=0
for arg in "$@"; do
	case "$arg" in
	--check) check=1 ;;
	--check-only) build=0 check=1 ;;
	-h | --help)
		sed -n '2,40p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*) die "argumen tidak dikenal: $arg (yang dikenal: --check, --check-only)" ;;
	esac
done

repo_root
ROOT=$PWD
DIST=$ROOT/dist
start=$(now_s)

# MinGW-w64 for the Windows build; xz-utils, zip for the archives; file,
# unzip, make, x11-utils (xprop, xwininfo), desktop-file-utils, Xvfb and
# ImageMagick for the checks.
RELEASE_PACKAGES=(gcc-mingw-w64-x86-64 xz-utils zip file)
CHECK_PACKAGES=(unzip make x11-utils desktop-file-utils xvfb xauth libgl1-mesa-dri dbus-x11 imagemagick)

need_go
if ((build)); then
	ensure_packages "${BUILD_PACKAGES[@]}" "${RELEASE_PACKAGES[@]}"
fi
if ((check)); then
	ensure_packages "${RELEASE_PACKAGES[@]}" "${CHECK_PACKAGES[@]}"
fi
use_app_locale force

WORK=$(mktemp -d "${TMPDIR:-/tmp}/humasdesk-release.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# ---------------------------------------------------------------- version
toml_value() { awk -F'"' -v k="$1" '$1 ~ "^[[:space:]]*"k"[[:space:]]*=" { print $2; exit }' FyneApp.toml; }
TOML_VERSION=$(toml_value Version)
[[ "$TOML_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "Version di FyneApp.toml harus x.y.z (sekarang \"$TOML_VERSION\")"
APP_ID=$(toml_value ID)
APP_NAME=$(toml_value Name)

version_info() {
	local desc dirty=""
	APP_VERSION=$TOML_VERSION
	BUILD_NUMBER=1
	if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		VERSION=$TOML_VERSION
		return
	fi
	BUILD_NUMBER=$(git rev-list --count HEAD)
	if [[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
		dirty=1
	fi
	if desc=$(git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null); then
		VERSION=${desc#v}
		if [[ "$VERSION" =~ ^([0-9]+\.[0-9]+\.[0-9]+) ]]; then
			APP_VERSION=${BASH_REMATCH[1]}
		fi
	else
		VERSION="$TOML_VERSION-dev+g$(git rev-parse --short HEAD)${dirty:+.dirty}"
	fi
}
version_info
VERSION=${HUMASDESK_VERSION:-$VERSION}
[[ "$VERSION" =~ ^[0-9A-Za-z.+-]+$ ]] || die "versi \"$VERSION\" memuat karakter yang tidak diizinkan"
WIN_FILE_VERSION="$APP_VERSION.$BUILD_NUMBER"

APP_TAR="humasdesk-$VERSION-linux-amd64.tar.xz"
APP_ZIP="humasdesk-$VERSION-windows-amd64.zip"
SRV_TAR="humasdesk-server-$VERSION-linux-amd64.tar.gz"
SRV_ZIP="humasdesk-server-$VERSION-windows-amd64.zip"

timed() {
	local name="$1" t0
	shift
	say "$name"
	t0=$(now_s)
	"$@"
	echo "--- $name: $(($(now_s) - t0)) d"
}

# ---------------------------------------------------------------- build
copy_source() {
	local src=$WORK/src
	mkdir -p "$src"
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		# Tracked and untracked-but-not-ignored files that still exist.
		git ls-files -z --cached --others --exclude-standard |
			while IFS= read -r -d '' f; do [[ -f "$f" ]] && printf '%s\0' "$f"; done |
			tar --null -T - -cf - | tar -C "$src" -xf -
	else
		tar --exclude=./dist --exclude=./bin --exclude=./tmp -cf - . | tar -C "$src" -xf -
	fi
	# FyneApp.toml where `fyne package --src` reads it, its icon path made
	# relative to it again.
	sed -e 's#^\([[:space:]]*Icon[[:space:]]*=[[:space:]]*\)"\([^"]*\)"#\1"../../\2"#' \
		FyneApp.toml >"$src/cmd/humasdesk/FyneApp.toml"
}

# The pinned fyne tool, built for this machine (never with the MinGW CC).
build_fyne_tool() {
	env -u GOOS -u GOARCH -u CC -u CGO_LDFLAGS -u GOFLAGS \
		go build -o "$WORK/fyne" fyne.io/tools/cmd/fyne
	"$WORK/fyne" version
}

# fyne_package OS: runs `fyne package` in the copy's cmd/humasdesk.
fyne_package() {
	local os=$1 icon=$WORK/src/assets/icon.png
	shift
	if [[ "$os" == windows ]]; then
		# An .ico holds at most 256×256 per image; draw that size rather
		# than squeeze the 512 one into it.
		icon=$WORK/icon-256.png
		[[ -f "$icon" ]] || (cd "$WORK/src/assets" && go run mkicon.go -size 256 "$icon")
	fi
	(
		cd "$WORK/src/cmd/humasdesk"
		# The fyne tool passes -ldflags found in GOFLAGS on to go build.
		export GOFLAGS="-ldflags=-X=main.version=$VERSION"
		"$@" "$WORK/fyne" package --os "$os" --release --src . \
			--name "$APP_NAME" --app-id "$APP_ID" --icon "$icon" \
			--app-version "$APP_VERSION" --app-build "$BUILD_NUMBER"
	)
}

build_linux_app() {
	# xz on every core (fyne's own tar -J and the repack below).
	export XZ_OPT=-T0
	fyne_package linux env
	# fyne tools v1.7.2 writes Icon := "<app id>" into the package's
	# Makefile, without the .png of the file it packs, so `make install`
	# and `make user-install` fail (fyne-io/tools#139). Repack with the
	# extension added where the Makefile copies or removes the icon file.
	local pkg=$WORK/linuxpkg
	mkdir -p "$pkg"
	tar -C "$pkg" -xJf "$WORK/src/cmd/humasdesk/$APP_NAME.tar.xz"
	if ! grep -q '^Icon := ".*\.png"' "$pkg/humasdesk/Makefile"; then
		# shellcheck disable=SC2016 # $(Icon) is make's, not the shell's
		sed -i '/share\/\(pixmaps\|icons\)\//s/\$(Icon)/$(Icon).png/g' "$pkg/humasdesk/Makefile"
	fi
	tar -C "$pkg" --owner=0 --group=0 -cJf "$WORK/dist/$APP_TAR" humasdesk
}

build_windows_app() {
	fyne_package windows env GOOS=windows GOARCH=amd64 CGO_ENABLED=1 \
		CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ CGO_LDFLAGS=-l:libssp.a
	local dir="$WORK/zip/$APP_NAME"
	mkdir -p "$dir"
	mv "$WORK/src/cmd/humasdesk/$APP_NAME.exe" "$dir/"
	# README.txt for Notepad: the Windows installation page, CRLF.
	sed 's/$/\r/' "$ROOT/docs/INSTALL-WINDOWS.md" >"$dir/README.txt"
	(cd "$WORK/zip" && zip -q -X -r "$WORK/dist/$APP_ZIP" "$APP_NAME")
}

build_servers() {
	local out=$WORK/server ldflags="-s -w -X main.version=$VERSION"
	mkdir -p "$out/linux/humasdesk-server-$VERSION" "$out/windows/humasdesk-server-$VERSION"
	(
		cd "$WORK/src"
		CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -trimpath -ldflags "$ldflags" \
			-o "$out/linux/humasdesk-server-$VERSION/humasdesk-server" ./cmd/humasdesk-server
		CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -trimpath -ldflags "$ldflags" \
			-o "$out/windows/humasdesk-server-$VERSION/humasdesk-server.exe" ./cmd/humasdesk-server
	)
	cp deploy/humasdesk-server.service deploy/humasdesk-server.env docs/SERVER.md \
		"$out/linux/humasdesk-server-$VERSION/"
	cp docs/SERVER.md "$out/windows/humasdesk-server-$VERSION/"
	tar -C "$out/linux" --owner=0 --group=0 -czf "$WORK/dist/$SRV_TAR" "humasdesk-server-$VERSION"
	(cd "$out/windows" && zip -q -X -r "$WORK/dist/$SRV_ZIP" "humasdesk-server-$VERSION")
}

if ((build)); then
	echo "Versi $VERSION (aplikasi $APP_VERSION, build $BUILD_NUMBER, versi berkas Windows $WIN_FILE_VERSION)"
	mkdir -p "$WORK/dist"
	timed "Menyalin sumber ke folder sementara" copy_source
	timed "Membangun alat fyne (versi dari go.mod)" build_fyne_tool
	echo "Build pertama: paket Linux 3–9 menit, Windows sekitar 8 menit (pustaka grafis Fyne"
	echo "dikompilasi dengan gcc dan MinGW); berikutnya seluruh rilis 1–2 menit."
	timed "Paket Linux (fyne package --os linux)" build_linux_app
	timed "Program Windows (fyne package --os windows, MinGW-w64)" build_windows_app
	timed "Server sinkronisasi (linux/amd64, windows/amd64, CGO_ENABLED=0)" build_servers
	(cd "$WORK/dist" && sha256sum -- * >SHA256SUMS)
	mkdir -p "$DIST"
	rm -f "$DIST"/humasdesk-* "$DIST"/SHA256SUMS
	mv "$WORK/dist"/* "$DIST/"
	say "Hasil di dist/ ($(($(now_s) - start)) detik)"
	ls -l "$DIST"
fi

((check)) || exit 0

# ---------------------------------------------------------------- checks
# Everything below reads the files in dist/; nothing trusts the build.
failed=()
ok() { echo "  ok: $*"; }
bad() {
	echo "  GAGAL: $*"
	failed+=("$*")
}
expect() { # expect DESCRIPTION COMMAND...: ok or bad by the command's status
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else bad "$desc"; fi
}
CHK=$WORK/check
mkdir -p "$CHK"
cd "$DIST"
only() { # only PATTERN: the one file in dist/ matching it
	local f=()
	mapfile -t f < <(compgen -G "$DIST/$1" || true)
	if ((${#f[@]} != 1)); then
		die "dist/ harus berisi tepat satu $1 (jalankan ./scripts/release.sh)"
	fi
	echo "${f[0]}"
}
# The version is the one in the file names (with --check-only too).
SRV_TAR=$(only 'humasdesk-server-*-linux-amd64.tar.gz')
VERSION=$(basename "$SRV_TAR")
VERSION=${VERSION#humasdesk-server-}
VERSION=${VERSION%-linux-amd64.tar.gz}
SRV_ZIP=$(only "humasdesk-server-$VERSION-windows-amd64.zip")
APP_TAR=$(only "humasdesk-$VERSION-linux-amd64.tar.xz")
APP_ZIP=$(only "humasdesk-$VERSION-windows-amd64.zip")
distcheck() { (cd "$ROOT" && go run ./scripts/distcheck "$@"); }

say "Memeriksa checksum"
if sha256sum --quiet -c SHA256SUMS; then ok "SHA256SUMS cocok"; else bad "SHA256SUMS tidak cocok"; fi

say "Memeriksa program Windows ($(basename "$APP_ZIP"))"
mkdir -p "$CHK/win"
unzip -q "$APP_ZIP" -d "$CHK/win"
exe="$CHK/win/$APP_NAME/$APP_NAME.exe"
if [[ -f "$exe" ]]; then
	desc=$(file -b "$exe")
	# "PE32+ executable (GUI) x86-64, for MS Windows" (file 5.44; later
	# versions order the words differently).
	if [[ "$desc" == *PE32+\ executable* && "$desc" == *"(GUI)"* && "$desc" == *x86-64* ]]; then
		ok "file: $desc"
	else
		bad "file: $desc"
	fi
	# The file version is a.b.c.BUILD; with --check-only the build number
	# is not known, so only the a.b.c part is compared then.
	if ((build)); then
		expect "PE: AMD64, GUI, ikon, info versi $WIN_FILE_VERSION, manifest" distcheck pe -gui -version "$WIN_FILE_VERSION" "$exe"
	else
		expect "PE: AMD64, GUI, ikon, info versi, manifest" distcheck pe -gui "$exe"
	fi
else
	bad "$APP_NAME/$APP_NAME.exe tidak ada di zip"
fi
readme="$CHK/win/$APP_NAME/README.txt"
if [[ -f "$readme" ]] && grep -q $'\r$' "$readme" && grep -qi "Windows" "$readme" && grep -q "Humas Desk" "$readme"; then
	ok "README.txt ada (CRLF, bahasa Indonesia)"
else
	bad "README.txt tidak ada atau bukan CRLF"
fi

say "Memeriksa server ($(basename "$SRV_TAR"), $(basename "$SRV_ZIP"))"
tar -C "$CHK" -xzf "$SRV_TAR"
srv="$CHK/humasdesk-server-$VERSION/humasdesk-server"
if [[ -x "$srv" ]] && distcheck elf -static "$srv"; then ok "server Linux: ELF x86-64 statis"; else bad "server Linux bukan ELF x86-64 statis"; fi
out=$("$srv" version 2>&1) || true
if [[ "$out" == "humasdesk-server $VERSION" ]]; then ok "\`humasdesk-server version\`: $out"; else bad "\`humasdesk-server version\` mencetak \"$out\", seharusnya \"humasdesk-server $VERSION\""; fi
for f in humasdesk-server.service humasdesk-server.env SERVER.md; do
	if [[ -s "$CHK/humasdesk-server-$VERSION/$f" ]]; then ok "$f ada di arsip"; else bad "$f tidak ada di arsip server"; fi
done
if command -v systemd-analyze >/dev/null 2>&1; then
	# verify needs the binary at ExecStart's path; check the syntax only.
	if systemd-analyze verify "$CHK/humasdesk-server-$VERSION/humasdesk-server.service" 2>&1 | grep -v "Command /usr/local/bin/humasdesk-server is not executable\|not found" | grep -q .; then
		warn "systemd-analyze verify memberi catatan untuk humasdesk-server.service (lihat di atas)"
	fi
fi
mkdir -p "$CHK/srvwin"
unzip -q "$SRV_ZIP" -d "$CHK/srvwin"
if distcheck pe "$CHK/srvwin/humasdesk-server-$VERSION/humasdesk-server.exe"; then ok "server Windows: PE32+ x86-64 konsol"; else bad "server Windows"; fi

say "Memeriksa paket Linux ($(basename "$APP_TAR"))"
mkdir -p "$CHK/pkg"
tar -C "$CHK/pkg" -xJf "$APP_TAR"
pkg="$CHK/pkg/humasdesk"
for f in Makefile usr/local/bin/humasdesk "usr/local/share/applications/$APP_ID.desktop" "usr/local/share/pixmaps/$APP_ID.png"; do
	if [[ -f "$pkg/$f" ]]; then ok "paket berisi $f"; else bad "paket tidak berisi $f"; fi
done
desktop="$pkg/usr/local/share/applications/$APP_ID.desktop"
if [[ -f "$desktop" ]]; then
	for line in "Name=$APP_NAME" "Exec=humasdesk" "Icon=$APP_ID" "Categories=Office;" "Comment=" "GenericName=" "Keywords=humas;"; do
		if grep -q "^$line" "$desktop"; then ok "$APP_ID.desktop: $line…"; else bad "$APP_ID.desktop tanpa $line"; fi
	done
	if desktop-file-validate "$desktop"; then ok "desktop-file-validate lulus"; else bad "desktop-file-validate menolak $APP_ID.desktop"; fi
fi

say "Memasang paket ke prefix sementara (make install DESTDIR=…)"
root="$CHK/root"
if make -s -C "$pkg" install DESTDIR="$root" PREFIX=/usr/local; then
	ok "make install"
else
	bad "make install gagal"
fi
bin="$root/usr/local/bin/humasdesk"
for f in "$bin" "$root/usr/local/share/applications/$APP_ID.desktop" "$root/usr/local/share/pixmaps/$APP_ID.png"; do
	if [[ -f "$f" ]]; then ok "terpasang: ${f#"$root"}"; else bad "tidak terpasang: ${f#"$root"}"; fi
done
expect "mode program 755" test "$(stat -c %a "$bin" 2>/dev/null)" = 755
expect "program: ELF x86-64" distcheck elf "$bin"
out=$("$bin" version 2>&1) || true
if [[ "$out" == "Humas Desk $VERSION" ]]; then ok "\`humasdesk version\`: $out"; else bad "\`humasdesk version\` mencetak \"$out\", seharusnya \"Humas Desk $VERSION\""; fi
# The per-user install of README.md too (HOME in the temporary folder).
if make -s -C "$pkg" user-install HOME="$CHK/home" &&
	[[ -x "$CHK/home/.local/bin/humasdesk" ]] &&
	grep -q "^Exec=$CHK/home/.local/bin/humasdesk" "$CHK/home/.local/share/applications/$APP_ID.desktop"; then
	ok "make user-install (~/.local)"
else
	bad "make user-install"
fi

say "Menjalankan program terpasang di Xvfb (jendela, ikon, tangkapan layar)"
db="$CHK/data/humasdesk.db"
if "$bin" demo --db "$db" >"$CHK/demo.txt" 2>&1; then ok "humasdesk demo mengisi database"; else bad "humasdesk demo gagal: $(tail -n1 "$CHK/demo.txt")"; fi
export BIN="$bin" DB="$db" CHK APP_NAME
# shellcheck disable=SC2016 # expanded by the inner shell
LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1280x1024x24" bash -c '
	set -u
	"$BIN" --db "$DB" --quit-after 8s >"$CHK/run.out" 2>"$CHK/run.err" &
	app=$!
	# The window is up when the program prints startup_ms (it then stays
	# 8 s); shoot 5 s after the launch, or 2 s after that line on a slow
	# machine.
	for i in $(seq 1 600); do
		grep -q "^startup_ms=" "$CHK/run.out" && break
		kill -0 "$app" 2>/dev/null || break
		sleep 0.1
	done
	if ((i < 30)); then sleep $(((50 - i) / 10)); else sleep 2; fi
	import -window root "$CHK/shot.png"
	xwininfo -name "$APP_NAME" >"$CHK/xwininfo.txt" 2>&1
	xprop -name "$APP_NAME" -notype -f _NET_WM_ICON 32c _NET_WM_ICON >"$CHK/icon.txt" 2>&1
	wait "$app"
	echo $? >"$CHK/run.rc"
' || true
rc=$(cat "$CHK/run.rc" 2>/dev/null || echo "?")
if [[ "$rc" == 0 ]] && grep -q '^startup_ms=' "$CHK/run.out"; then
	ok "program berjalan dan keluar dengan kode 0 ($(grep -m1 '^startup_ms=' "$CHK/run.out"))"
else
	bad "program keluar dengan kode $rc: $(tail -n3 "$CHK/run.err" 2>/dev/null | tr '\n' ' ')"
fi
if grep -q "Window id" "$CHK/xwininfo.txt"; then
	ok "jendela \"$APP_NAME\": $(grep -E 'Width|Height' "$CHK/xwininfo.txt" | tr -s ' ' | tr '\n' ' ')"
else
	bad "tidak ada jendela bernama \"$APP_NAME\""
fi
colors=$(identify -format %k "$CHK/shot.png" 2>/dev/null || echo 0)
if ((colors > 50)); then ok "tangkapan layar tidak kosong ($colors warna)"; else bad "tangkapan layar kosong ($colors warna)"; fi
# _NET_WM_ICON is width, height, then ARGB pixels row by row: the pixel
# near the top edge, in the middle, must be the icon's blue (0xFF0B4F9C).
icon=$(sed -n 's/^_NET_WM_ICON = //p' "$CHK/icon.txt" | tr -d ' ' |
	awk -F, '{ w=$1; h=$2; if (w < 16 || h < 16) { print "small"; exit }
		x=int(w/2); y=int(h*40/512); p=$(3 + y*w + x)
		print w "x" h, p }')
if [[ "$icon" =~ ^([0-9]+x[0-9]+)\ ([0-9]+)$ ]] && (((BASH_REMATCH[2] & 0xFFF0F0F0) == 0xFF004090)); then
	ok "ikon jendela (_NET_WM_ICON) ${BASH_REMATCH[1]}, biru Humas Desk"
else
	bad "ikon jendela (_NET_WM_ICON) tidak ada atau bukan ikon Humas Desk: ${icon:-kosong} ($(head -c 200 "$CHK/icon.txt"))"
fi
if [[ -n "${RELEASE_SHOT:-}" ]]; then
	cp "$CHK/shot.png" "$RELEASE_SHOT"
	echo "tangkapan layar disalin ke $RELEASE_SHOT"
fi

echo
if ((${#failed[@]})); then
	echo "PEMERIKSAAN RILIS GAGAL (${#failed[@]}): total $(($(now_s) - start)) detik"
	exit 1
fi
echo "PEMERIKSAAN RILIS LULUS: total $(($(now_s) - start)) detik"
