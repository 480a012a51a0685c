// Command distcheck checks the executables that scripts/release.sh puts in
// dist/, by reading their headers rather than trusting the build:
//
//	go run ./scripts/distcheck pe [-gui] [-version 0.1.0.57] FILE.exe
//	go run ./scripts/distcheck elf [-static] FILE
//
// pe: a PE32+ image for x86-64 (Machine AMD64) with the WINDOWS_GUI
// subsystem (-gui) or the console one; with -gui also the resources that
// the fyne tool embeds: an icon (RT_ICON and RT_GROUP_ICON, whose picture
// must be Humas Desk's: blue at the top, white in the bubble), the version
// information (RT_VERSION, whose file version must be -version when
// given) and a manifest (RT_MANIFEST).
//
// elf: a 64-bit x86-64 ELF executable; with -static one with no
// interpreter and no shared libraries (CGO_ENABLED=0).
//
// It prints what it found and exits 1 on the first thing that is wrong.
package main

import (
	"bytes"
	"debug/elf"
	"debug/pe"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"strings"
	"unicode/utf16"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "pemakaian: distcheck pe|elf [opsi] FILE")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "pe":
		fs := flag.NewFlagSet("pe", flag.ExitOnError)
		gui := fs.Bool("gui", false, "expect the WINDOWS_GUI subsystem and the resources")
		version := fs.String("version", "", "expected file version (a.b.c.d)")
		_ = fs.Parse(os.Args[2:])
		if fs.NArg() != 1 {
			err = errors.New("satu file .exe diperlukan")
			break
		}
		err = checkPE(fs.Arg(0), *gui, *version)
	case "elf":
		fs := flag.NewFlagSet("elf", flag.ExitOnError)
		static := fs.Bool("static", false, "expect a static executable")
		_ = fs.Parse(os.Args[2:])
		if fs.NArg() != 1 {
			err = errors.New("satu file diperlukan")
			break
		}
		err = checkELF(fs.Arg(0), *static)
	default:
		err = fmt.Errorf("perintah %q tidak dikenal", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "distcheck: "+err.Error())
		os.Exit(1)
	}
}

func checkELF(path string, static bool) error {
	f, err := elf.Open(path)
	if err != nil {
		return fmt.Errorf("%s: bukan ELF: %w", path, err)
	}
	defer f.Close()
	if f.Class != elf.ELFCLASS64 || f.Machine != elf.EM_X86_64 {
		return fmt.Errorf("%s: %v %v, bukan ELF64 x86-64", path, f.Class, f.Machine)
	}
	if f.Type != elf.ET_EXEC && f.Type != elf.ET_DYN {
		return fmt.Errorf("%s: jenis %v, bukan program", path, f.Type)
	}
	libs, _ := f.ImportedLibraries()
	interp := false
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			interp = true
		}
	}
	if static && (interp || len(libs) > 0) {
		return fmt.Errorf("%s: tidak statis (interpreter %v, pustaka %v)", path, interp, libs)
	}
	fmt.Printf("%s: ELF64 x86-64, %s\n", path, map[bool]string{true: "statis", false: fmt.Sprintf("dinamis: %s", strings.Join(libs, " "))}[!interp && len(libs) == 0])
	return nil
}

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

func checkPE(path string, gui bool, version string) error {
	f, err := pe.Open(path)
	if err != nil {
		return fmt.Errorf("%s: bukan PE: %w", path, err)
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return fmt.Errorf("%s: Machine %#x, bukan AMD64", path, f.Machine)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return fmt.Errorf("%s: bukan PE32+ (header opsional 32-bit)", path)
	}
	want := uint16(pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
	if gui {
		want = pe.IMAGE_SUBSYSTEM_WINDOWS_GUI
	}
	if oh.Subsystem != want {
		return fmt.Errorf("%s: subsistem %d, seharusnya %d", path, oh.Subsystem, want)
	}
	kind := "konsol"
	if gui {
		kind = "GUI"
	}
	fmt.Printf("%s: PE32+ x86-64, subsistem %s\n", path, kind)
	if !gui {
		return nil
	}
	res, err := readResources(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, t := range []struct {
		id   uint32
		name string
	}{{rtIcon, "RT_ICON"}, {rtGroupIcon, "RT_GROUP_ICON"}, {rtVersion, "RT_VERSION"}, {rtManifest, "RT_MANIFEST"}} {
		if len(res[t.id]) == 0 {
			return fmt.Errorf("%s: sumber daya %s tidak ada", path, t.name)
		}
	}
	if err := checkIcon(res[rtIcon][0]); err != nil {
		return fmt.Errorf("%s: ikon: %w", path, err)
	}
	fv, strs := parseVersion(res[rtVersion][0])
	fmt.Printf("%s: versi berkas %s, ProductName %q, ProductVersion %q\n", path, fv, strs["ProductName"], strs["ProductVersion"])
	if version != "" && fv != version {
		return fmt.Errorf("%s: versi berkas %s, seharusnya %s", path, fv, version)
	}
	if strs["ProductName"] != "Humas Desk" {
		return fmt.Errorf("%s: ProductName %q, seharusnya \"Humas Desk\"", path, strs["ProductName"])
	}
	if !bytes.Contains(res[rtManifest][0], []byte("<assembly")) {
		return fmt.Errorf("%s: manifest bukan XML assembly", path)
	}
	return nil
}

// readResources returns the data of every resource in the .rsrc section,
// by type.
func readResources(f *pe.File) (map[uint32][][]byte, error) {
	s := f.Section(".rsrc")
	if s == nil {
		return nil, errors.New("tidak ada bagian .rsrc (tanpa ikon dan info versi)")
	}
	raw, err := s.Data()
	if err != nil {
		return nil, err
	}
	out := map[uint32][][]byte{}
	// The tree has three levels: type, name, language; leaves point at
	// IMAGE_RESOURCE_DATA_ENTRY records whose data is addressed by RVA.
	var walk func(off uint32, depth int, typ uint32) error
	walk = func(off uint32, depth int, typ uint32) error {
		if depth > 3 || int(off)+16 > len(raw) {
			return errors.New("direktori sumber daya rusak")
		}
		n := int(binary.LittleEndian.Uint16(raw[off+12:])) + int(binary.LittleEndian.Uint16(raw[off+14:]))
		for i := 0; i < n; i++ {
			e := int(off) + 16 + 8*i
			if e+8 > len(raw) {
				return errors.New("direktori sumber daya rusak")
			}
			id := binary.LittleEndian.Uint32(raw[e:])
			to := binary.LittleEndian.Uint32(raw[e+4:])
			t := typ
			if depth == 0 {
				t = id
			}
			if to&0x80000000 != 0 {
				if err := walk(to&0x7fffffff, depth+1, t); err != nil {
					return err
				}
				continue
			}
			if int(to)+16 > len(raw) {
				return errors.New("entri sumber daya rusak")
			}
			rva := binary.LittleEndian.Uint32(raw[to:])
			size := binary.LittleEndian.Uint32(raw[to+4:])
			start := int64(rva) - int64(s.VirtualAddress)
			if start < 0 || start+int64(size) > int64(len(raw)) {
				return errors.New("data sumber daya di luar .rsrc")
			}
			out[t] = append(out[t], raw[start:start+int64(size)])
		}
		return nil
	}
	return out, walk(0, 0, 0)
}

// checkIcon decodes the first icon image (the fyne tool stores a PNG) and
// checks that it is Humas Desk's: the blue square near the top edge, the
// white bubble left of the middle.
func checkIcon(b []byte) error {
	if !bytes.HasPrefix(b, []byte("\x89PNG")) {
		return errors.New("gambar ikon bukan PNG")
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return err
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	blue := near(img, w/2, h*40/512, 0x0B, 0x4F, 0x9C)
	white := near(img, w*112/512, h*200/512, 0xFF, 0xFF, 0xFF)
	fmt.Printf("ikon: %d×%d piksel, biru di atas %v, gelembung putih %v\n", w, h, blue, white)
	if !blue || !white {
		return errors.New("gambar ikon bukan ikon Humas Desk")
	}
	return nil
}

func near(img image.Image, x, y int, r, g, b uint8) bool {
	cr, cg, cb, ca := img.At(img.Bounds().Min.X+x, img.Bounds().Min.Y+y).RGBA()
	d := func(c uint32, want uint8) bool { return int(c>>8)-int(want) < 8 && int(want)-int(c>>8) < 8 }
	return ca>>8 > 0xF0 && d(cr, r) && d(cg, g) && d(cb, b)
}

// parseVersion reads a VS_VERSIONINFO resource: the fixed file version
// (a.b.c.d) and the key/value strings of its StringFileInfo.
func parseVersion(b []byte) (string, map[string]string) {
	fv := "?"
	if i := bytes.Index(b, []byte{0xBD, 0x04, 0xEF, 0xFE}); i >= 0 && i+16 <= len(b) {
		ms := binary.LittleEndian.Uint32(b[i+8:])
		ls := binary.LittleEndian.Uint32(b[i+12:])
		fv = fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
	}
	// Keys and values are NUL-terminated UTF-16 strings on 32-bit
	// boundaries; between them only lengths and padding. Reading the whole
	// block as UTF-16 and splitting at NULs leaves "key", "value" pairs
	// among a few short binary fragments.
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	var parts []string
	for _, p := range strings.Split(string(utf16.Decode(u)), "\x00") {
		if p != "" {
			parts = append(parts, p)
		}
	}
	strs := map[string]string{}
	for i, p := range parts {
		for _, key := range []string{"ProductName", "ProductVersion", "FileDescription", "FileVersion"} {
			// The key may follow its record's length fields.
			if strings.HasSuffix(p, key) && i+1 < len(parts) {
				strs[key] = clean(parts[i+1])
			}
		}
	}
	return fv, strs
}

// clean drops the length fields that precede the next key in the block.
func clean(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r < 0x20 || r > 0x7e && r < 0xa0 })
}
