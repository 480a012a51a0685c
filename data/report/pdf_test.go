package report

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/photoimg"
	"github.com/humasdesk/humasdesk/data/store"
)

// The PDF is checked by reading it back, never by trusting the writer:
// qpdf --check for structure, pdftotext for the words.

// pdfTime makes the test documents reproducible.
var pdfTime = time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC)

type pdfTools struct{}

// needPDFTools skips the test when poppler-utils or qpdf are missing,
// except in CI, where their absence is a failure.
func needPDFTools(t *testing.T) pdfTools {
	t.Helper()
	for _, tool := range []string{"pdftotext", "qpdf"} {
		if _, err := exec.LookPath(tool); err != nil {
			msg := fmt.Sprintf("%s not found: install poppler-utils and qpdf to read generated PDFs back", tool)
			if os.Getenv("CI") != "" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
	return pdfTools{}
}

// pdfRead is a written PDF as read back.
type pdfRead struct {
	path   string
	npages int      // qpdf --show-npages
	pages  []string // pdftotext -layout, one string per page
	flat   string   // pdftotext -raw with all white space collapsed: content in drawing order
}

func pdfRun(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// render writes r to path, checks it with qpdf and reads its text back.
func (pdfTools) render(t *testing.T, r *Report, path string) *pdfRead {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), "laporan.pdf")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := WritePDF(f, r, PDFOptions{Time: pdfTime}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return readPDF(t, path)
}

func readPDF(t *testing.T, path string) *pdfRead {
	t.Helper()
	check := pdfRun(t, "qpdf", "--check", path)
	if !strings.Contains(check, "No syntax or stream encoding errors") {
		t.Fatalf("qpdf --check:\n%s", check)
	}
	n, err := strconv.Atoi(strings.TrimSpace(pdfRun(t, "qpdf", "--show-npages", path)))
	if err != nil {
		t.Fatal(err)
	}
	layout := pdfRun(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	pages := strings.Split(strings.TrimSuffix(layout, "\f"), "\f")
	raw := pdfRun(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	return &pdfRead{path: path, npages: n, pages: pages, flat: pdfFlatten(raw)}
}

// page reads one page on its own with pdftotext -f/-l.
func (p *pdfRead) page(t *testing.T, n int) string {
	t.Helper()
	return pdfRun(t, "pdftotext", "-layout", "-enc", "UTF-8", "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), p.path, "-")
}

func (p *pdfRead) text() string { return strings.Join(p.pages, "\n") }

// pageOf is the first page (1-based) whose text contains s, or 0.
func (p *pdfRead) pageOf(s string) int {
	for i, pg := range p.pages {
		if strings.Contains(pg, s) {
			return i + 1
		}
	}
	return 0
}

// checkPageNumbers asserts "Halaman i dari N" on every page i, with N the
// page count qpdf reports.
func (p *pdfRead) checkPageNumbers(t *testing.T) {
	t.Helper()
	if len(p.pages) != p.npages {
		t.Fatalf("pdftotext found %d pages, qpdf %d", len(p.pages), p.npages)
	}
	for i, pg := range p.pages {
		if want := fmt.Sprintf("Halaman %d dari %d", i+1, p.npages); !strings.Contains(pg, want) {
			t.Fatalf("page %d lacks %q:\n%s", i+1, want, pg)
		}
	}
}

var pdfSpaces = regexp.MustCompile(`\s+`)

func pdfFlatten(s string) string { return strings.TrimSpace(pdfSpaces.ReplaceAllString(s, " ")) }

// pdfSection is the layout text from the first line containing from up to
// the first line after it containing to ("" for the end).
func pdfSection(text, from, to string) string {
	i := strings.Index(text, from)
	if i < 0 {
		return ""
	}
	rest := text[i+len(from):]
	if to != "" {
		if j := strings.Index(rest, to); j >= 0 {
			rest = rest[:j]
		}
	}
	return rest
}

// --- test data ----------------------------------------------------------

type pdfFixture struct {
	st      *store.Store
	office  *data.Office
	parent  *data.Office
	inside  []string // titles of the period's activities
	outside []string
	from    data.Date
	to      data.Date
}

const pdfNoteStart, pdfNoteEnd = "CATATANAWAL", "AKHIRCATATAN"

// pdfLongNote is notes of exactly n characters: numbered words between two
// markers, so that a loss anywhere shows.
func pdfLongNote(n int) string {
	var b strings.Builder
	b.WriteString(pdfNoteStart)
	for i := 1; b.Len() < n-len(pdfNoteEnd)-10; i++ {
		fmt.Fprintf(&b, " kata%04d", i)
	}
	b.WriteString(" ")
	b.WriteString(pdfNoteEnd)
	for b.Len() < n {
		b.WriteString(".")
	}
	return b.String()
}

// newPDFFixture makes an office under a parent office, partner agencies
// with non-ASCII names, activities in Triwulan III 2026 (count per strategy
// s = s+2, so every total differs) and outside it, one with an emoji title
// and one with 4,000 characters of notes, published content and hoaxes.
func newPDFFixture(t *testing.T, extra int) *pdfFixture {
	t.Helper()
	st := openStore(t)
	fx := &pdfFixture{st: st, from: data.NewDate(2026, 7, 1), to: data.NewDate(2026, 9, 30)}
	fx.parent = &data.Office{Name: "KPU D.I. Yogyakarta", Kind: "kpu", Level: "provinsi",
		HeadName: "Ñoño Wibisono, S.Sos.", HeadPosition: "Ketua KPU Daerah Istimewa Yogyakarta", HeadNIP: "196912251995032002"}
	if err := st.SaveOffice(bctx, fx.parent); err != nil {
		t.Fatal(err)
	}
	o, err := st.CurrentOffice(bctx)
	if err != nil {
		t.Fatal(err)
	}
	o.Name, o.Kind, o.Level, o.ParentID = "KPU Kabupaten Sleman", "kpu", "kabupaten", fx.parent.ID
	o.Address, o.Phone, o.Email, o.Website = "Jl. Malioboro — Yogyakarta", "(0274) 868405", "humas@kpu-slemankab.go.id", "https://kab-sleman.kpu.go.id"
	o.HeadName, o.HeadPosition, o.HeadNIP, o.SignerPlace = "Dr. Rëné Siahaan", "Ketua KPU Kabupaten Sleman", "197805122005011003", "Sleman"
	o.Logo = pdfTestPNG(t, 120, 120)
	if err := st.SaveOffice(bctx, o); err != nil {
		t.Fatal(err)
	}
	fx.office = o
	partner := &data.Agency{Name: "Dinas Pariwisata — Ñoño", Kind: "lainnya"}
	if err := st.SaveAgency(bctx, partner); err != nil {
		t.Fatal(err)
	}

	var recs []data.Record
	n := 0
	add := func(title string, strategy int, d data.Date, inside bool) *data.Entry {
		n++
		e := &data.Entry{Title: title, ActivityType: data.ActivityTypes[n%len(data.ActivityTypes)].Code, Strategy: strategy,
			StartDate: d, Realised: n%4 != 0, Participants: 10 + n, Outputs: 1 + n%3, Reach: 100 * n,
			Location: "Aula KPU Sleman", PartnerIDs: data.List[string]{partner.ID}}
		if n%5 == 0 {
			e.Obstacles, e.FollowUp = "Narasumber berhalangan hadir", "Dijadwalkan ulang"
		}
		recs = append(recs, e)
		if inside {
			fx.inside = append(fx.inside, title)
		} else {
			fx.outside = append(fx.outside, title)
		}
		return e
	}
	for s := 1; s <= 8; s++ {
		for i := range s + 2 + extra {
			add(fmt.Sprintf("Kegiatan S%d-%03d", s, i+1), s, fx.from.AddDays((s*7+i*3)%92), true)
		}
	}
	long := add("Kegiatan dengan catatan panjang", 3, data.NewDate(2026, 8, 17), true)
	long.Notes = pdfLongNote(4000)
	long.EndDate = data.NewDate(2026, 8, 18)
	add("Sosialisasi 🎉 pemilih pemula 🗳️", 4, data.NewDate(2026, 9, 2), true)
	add("Luar periode Juni", 1, data.NewDate(2026, 6, 30), false)
	add("Luar periode Oktober", 2, data.NewDate(2026, 10, 1), false)
	add("Luar periode tahun lalu", 3, data.NewDate(2025, 8, 1), false)
	recs = append(recs,
		&data.Draft{Title: "Siaran pers pemutakhiran data", Kind: "siaran_pers", Status: data.StatusPublished,
			PlannedDate: data.NewDate(2026, 7, 20), Channels: data.List[string]{"website", "instagram"}},
		&data.Draft{Title: "Klarifikasi: hoaks TPS dipindah", Kind: "klarifikasi_hoaks", Status: data.StatusPublished,
			PlannedDate: data.NewDate(2026, 8, 3), Channels: data.List[string]{"instagram"}},
		&data.Draft{Title: "Draf belum terbit", Kind: "pengumuman", PlannedDate: data.NewDate(2026, 8, 4)})
	mustInsert(t, st, recs...)
	return fx
}

func (fx *pdfFixture) build(t *testing.T, opt Options) *Report {
	t.Helper()
	if opt.Period == (Period{}) {
		opt.Period = Period{2026, 3}
	}
	if opt.SignDate.IsZero() {
		opt.SignDate = data.NewDate(2026, 10, 5)
	}
	if opt.Number == "" {
		opt.Number = "027/HM.00.02/KPU-Kab/X/2026"
	}
	r, err := Build(bctx, fx.st, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func pdfTestPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, pdfTestPicture(w, h)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pdfTestJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, pdfTestPicture(w, h), &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pdfTestPicture is a gradient with some noise, compressing like a photo.
func pdfTestPicture(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(uint64(w), uint64(h)))
	for y := range h {
		for x := range w {
			i := img.PixOffset(x, y)
			img.Pix[i] = uint8(x * 255 / w)
			img.Pix[i+1] = uint8(y * 255 / h)
			img.Pix[i+2] = uint8(120 + rng.IntN(60))
			img.Pix[i+3] = 255
		}
	}
	return img
}

// --- tests ---------------------------------------------------------------

func TestPDFQuarterReport(t *testing.T) {
	tools := needPDFTools(t)
	fx := newPDFFixture(t, 0)
	r := fx.build(t, Options{})
	doc := tools.render(t, r, "")
	text := doc.text()
	first := doc.pages[0]

	t.Run("title, number and period", func(t *testing.T) {
		for _, want := range []string{"LAPORAN KEGIATAN KEHUMASAN TRIWULAN III TAHUN 2026",
			"Nomor: 027/HM.00.02/KPU-Kab/X/2026", "Periode: 1 Juli 2026 – 30 September 2026",
			"KPU KABUPATEN SLEMAN", "Jl. Malioboro — Yogyakarta", "I.", "PENDAHULUAN"} {
			if !strings.Contains(first, want) {
				t.Errorf("page 1 lacks %q:\n%s", want, first)
			}
		}
		if !strings.Contains(doc.pages[doc.npages-1], r.Title) {
			t.Errorf("footer lacks the title %q", r.Title)
		}
	})

	t.Run("page numbers", func(t *testing.T) { doc.checkPageNumbers(t) })

	t.Run("strategy totals equal the database", func(t *testing.T) {
		table := pdfSection(text, "Rekapitulasi Menurut Strategi Bakohumas", "Rekapitulasi Menurut Jenis Kegiatan")
		rowRe := regexp.MustCompile(`(?m)^\s*([1-8])\s+(\S.*?)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$`)
		got := map[int]int{}
		for _, m := range rowRe.FindAllStringSubmatch(table, -1) {
			s, _ := strconv.Atoi(m[1])
			got[s] = pdfAtoi(t, m[3])
		}
		total := 0
		for s := 1; s <= 8; s++ {
			want, err := fx.st.CountEntries(bctx, store.Filter{OfficeID: fx.office.ID, Strategy: s, From: fx.from, To: fx.to})
			if err != nil {
				t.Fatal(err)
			}
			total += want
			if got[s] != want {
				t.Errorf("strategy %d: PDF says %d, database has %d\n%s", s, got[s], want, table)
			}
		}
		m := regexp.MustCompile(`(?m)^\s*Jumlah\s+([\d.]+)`).FindStringSubmatch(table)
		if m == nil || pdfAtoi(t, m[1]) != total {
			t.Errorf("total row %v, want %d", m, total)
		}
	})

	t.Run("every activity of the period and none outside", func(t *testing.T) {
		for _, title := range fx.inside {
			if title == "Sosialisasi 🎉 pemilih pemula 🗳️" {
				continue // checked below
			}
			if !strings.Contains(doc.flat, title) {
				t.Errorf("activity %q missing", title)
			}
		}
		for _, title := range fx.outside {
			if strings.Contains(doc.flat, title) {
				t.Errorf("activity %q is outside the period but printed", title)
			}
		}
	})

	t.Run("signature", func(t *testing.T) {
		last := doc.pages[len(doc.pages)-1]
		for _, want := range []string{"Sleman, 5 Oktober 2026", "Ketua KPU Kabupaten Sleman", "Dr. Rëné Siahaan",
			"NIP. 197805122005011003", "Mengetahui,", "Ñoño Wibisono, S.Sos.", "NIP. 196912251995032002"} {
			if !strings.Contains(last, want) {
				t.Errorf("signature page lacks %q:\n%s", want, last)
			}
		}
	})

	t.Run("table headers repeat after page breaks", func(t *testing.T) {
		// The list runs from its first row to the PUBLIKASI heading (the
		// obstacles table later names activities too).
		firstRow, lastRow := doc.pageOf("Kegiatan S1-001"), 0
		pub := doc.pageOf("PUBLIKASI")
		for n := firstRow; n > 0 && n <= pub; n++ {
			pg := doc.pages[n-1]
			if n == pub {
				pg = pg[:strings.Index(pg, "PUBLIKASI")]
			}
			if strings.Contains(pg, "Kegiatan S") {
				lastRow = n
			}
		}
		if firstRow == 0 || lastRow <= firstRow {
			t.Fatalf("activity list on pages %d..%d; want at least two pages", firstRow, lastRow)
		}
		for n := firstRow; n <= lastRow; n++ {
			pg := doc.page(t, n) // read on its own, with pdftotext -f/-l
			for _, head := range []string{"Tanggal", "Judul kegiatan", "Lokasi", "Mitra", "Keluaran"} {
				if !strings.Contains(pg, head) {
					t.Errorf("page %d of the activity list lacks header %q", n, head)
				}
			}
		}
	})

	t.Run("4000 characters of notes wrap onto the next page without loss", func(t *testing.T) {
		note := pdfLongNote(4000)
		if utf8.RuneCountInString(note) != 4000 {
			t.Fatalf("note has %d characters", utf8.RuneCountInString(note))
		}
		words := strings.Fields(strings.TrimRight(note, "."))
		at := 0
		for _, w := range words {
			i := strings.Index(doc.flat[at:], w)
			if i < 0 {
				t.Fatalf("word %q of the notes missing (or out of order)", w)
			}
			at += i + len(w)
		}
		start, end := doc.pageOf(pdfNoteStart), doc.pageOf(pdfNoteEnd)
		if start == 0 || end <= start {
			t.Errorf("notes from page %d to %d; want them to continue on a later page", start, end)
		}
	})

	t.Run("non-ASCII and emoji", func(t *testing.T) {
		for _, want := range []string{"Dr. Rëné Siahaan", "Jl. Malioboro — Yogyakarta", "Dinas Pariwisata — Ñoño", "Sosialisasi pemilih pemula"} {
			if !strings.Contains(doc.flat, want) {
				t.Errorf("%q did not round-trip", want)
			}
		}
		if strings.ContainsAny(text, "🎉🗳") {
			t.Error("emoji reached the PDF")
		}
	})

	t.Run("other sections", func(t *testing.T) {
		for _, want := range []string{"PUBLIKASI", "Siaran pers pemutakhiran data", "Instagram",
			"KLARIFIKASI HOAKS", "Klarifikasi: hoaks TPS dipindah", "KENDALA DAN TINDAK LANJUT",
			"Narasumber berhalangan hadir", "PENUTUP", "Grafik Jumlah Kegiatan", "Jumlah kegiatan"} {
			if !strings.Contains(doc.flat, want) {
				t.Errorf("missing %q", want)
			}
		}
		if strings.Contains(doc.flat, "Draf belum terbit") {
			t.Error("an unpublished draft is listed as published")
		}
		if strings.Contains(doc.flat, "LAMPIRAN DOKUMENTASI") {
			t.Error("appendix without photos")
		}
	})
}

// pdfAtoi reads a number written with Indonesian thousands dots.
func pdfAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.ReplaceAll(s, ".", ""))
	if err != nil {
		t.Fatalf("number %q: %v", s, err)
	}
	return n
}

func TestPDFEmptyPeriod(t *testing.T) {
	tools := needPDFTools(t)
	st := openStore(t)
	r, err := Build(bctx, st, Options{Period: Period{2023, 1}, SignDate: data.NewDate(2023, 4, 3)})
	if err != nil {
		t.Fatal(err)
	}
	doc := tools.render(t, r, "")
	doc.checkPageNumbers(t)
	for _, want := range []string{pdfNoActivities, pdfNoPublications, pdfNoHoaxes, pdfNoIssues, "Periode: 1 Januari 2023 – 31 Maret 2023",
		"RINCIAN KEGIATAN", "Mengetahui,", "PENUTUP"} {
		if !strings.Contains(doc.flat, want) {
			t.Errorf("empty report lacks %q", want)
		}
	}
	if got := strings.Count(doc.flat, pdfNoActivities); got < 2 {
		t.Errorf("%q appears %d times; want it in the summary and the list", pdfNoActivities, got)
	}
}

func TestPDFAnnualAndRollup(t *testing.T) {
	tools := needPDFTools(t)
	fx := newPDFFixture(t, 0)
	child := fx.office
	// Activities of the parent office itself, so that the rollup differs.
	mustInsert(t, fx.st,
		&data.Entry{Meta: data.Meta{OfficeID: fx.parent.ID}, Title: "Rapat koordinasi provinsi", ActivityType: "rapat_koordinasi",
			Strategy: 2, StartDate: data.NewDate(2026, 8, 10), Realised: true},
		&data.Entry{Meta: data.Meta{OfficeID: fx.parent.ID}, Title: "Evaluasi tahunan provinsi", ActivityType: "lainnya",
			Strategy: 7, StartDate: data.NewDate(2026, 12, 10), Realised: true})
	cases := []struct {
		name      string
		opt       Options
		want, not []string
	}{
		{"quarter", Options{Period: Period{2026, 3}},
			[]string{"Rekapitulasi per Bulan", "Juli 2026", "September 2026"},
			[]string{"TW I", "Rekapitulasi per Kantor", "Laporan gabungan", "Rapat koordinasi provinsi"}},
		{"annual", Options{Period: Period{Year: 2026}},
			[]string{"LAPORAN KEGIATAN KEHUMASAN TAHUN 2026", "Rekapitulasi per Triwulan", "TW I", "TW II", "TW III", "TW IV",
				"Januari 2026", "Desember 2026", "Periode: 1 Januari 2026 – 31 Desember 2026"},
			[]string{"Rekapitulasi per Kantor"}},
		{"rollup", Options{OfficeID: fx.parent.ID, Period: Period{2026, 3}, Rollup: true},
			[]string{"Laporan gabungan 2 kantor", "Rekapitulasi per Kantor", "Rapat koordinasi provinsi", "KPU D.I. YOGYAKARTA", "KPU Kabupaten Sleman"},
			[]string{"TW I", "Evaluasi tahunan provinsi"}},
		{"annual rollup", Options{OfficeID: fx.parent.ID, Period: Period{Year: 2026}, Rollup: true},
			[]string{"TW IV", "Rekapitulasi per Kantor", "Evaluasi tahunan provinsi"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := fx.build(t, c.opt)
			doc := tools.render(t, r, "")
			doc.checkPageNumbers(t)
			text := doc.text()
			for _, w := range c.want {
				if !strings.Contains(text, w) && !strings.Contains(doc.flat, w) {
					t.Errorf("lacks %q", w)
				}
			}
			for _, w := range c.not {
				if strings.Contains(text, w) || strings.Contains(doc.flat, w) {
					t.Errorf("has %q", w)
				}
			}
			if !c.opt.Rollup {
				return
			}
			// The per-office table has one row per office, ending in its total.
			table := pdfSection(text, "Rekapitulasi per Kantor", "Kolom 1–8")
			for _, o := range []*data.Office{fx.parent, child} {
				var want int
				for _, po := range r.PerOffice {
					if po.Office.ID == o.ID {
						want = po.Count
					}
				}
				m := regexp.MustCompile(`(?m)^.*` + regexp.QuoteMeta(o.Name) + `.*?(\d+)\s*$`).FindStringSubmatch(table)
				if m == nil || pdfAtoi(t, m[1]) != want || want == 0 {
					t.Errorf("office %q: row %v, want total %d\n%s", o.Name, m, want, table)
				}
			}
		})
	}
}

func TestPDFPhotos(t *testing.T) {
	tools := needPDFTools(t)
	fx := newPDFFixture(t, 0)
	entries, err := fx.st.EntriesBetween(bctx, []string{fx.office.ID}, fx.from, fx.to)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := []struct {
		name, caption string
		raw           []byte
	}{
		{"rapat.png", "Rapat koordinasi dengan Bawaslu", pdfTestPNG(t, 640, 480)},
		{"sosialisasi.jpg", "Sosialisasi di SMA Negeri 1 Ñoño", pdfTestJPEG(t, 1200, 900)},
		{"besar.jpg", "Foto kamera ponsel (diperkecil)", pdfTestJPEG(t, 3000, 2000)},
		{"rusak.jpg", "Foto yang filenya rusak", pdfTestJPEG(t, 400, 300)},
	}
	var broken string
	for i, f := range files {
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, f.raw, 0o600); err != nil {
			t.Fatal(err)
		}
		p, err := fx.st.AttachPhoto(bctx, entries[i].ID, path, f.caption)
		if err != nil {
			t.Fatal(err)
		}
		if f.name == "rusak.jpg" {
			broken = fx.st.PhotoPath(p.Hash, p.Mime)
		}
	}
	// Break the stored copy: cut it short.
	if err := os.WriteFile(broken, files[3].raw[:200], 0o600); err != nil {
		t.Fatal(err)
	}

	r := fx.build(t, Options{})
	if len(r.Photos) != 4 {
		t.Fatalf("report has %d photos", len(r.Photos))
	}
	withPhotos := tools.render(t, r, "")
	r.Photos = nil
	without := tools.render(t, r, "")
	withPhotos.checkPageNumbers(t)
	if withPhotos.npages != without.npages+2 {
		t.Errorf("four photos: %d pages, without them %d; want two more", withPhotos.npages, without.npages)
	}
	app := withPhotos.pageOf("LAMPIRAN DOKUMENTASI")
	if app == 0 || app <= without.npages-1 {
		t.Fatalf("appendix on page %d of %d", app, withPhotos.npages)
	}
	for i, f := range files {
		if want := fmt.Sprintf("Foto %d. %s", i+1, f.caption); !strings.Contains(withPhotos.flat, want) {
			t.Errorf("caption %q missing", want)
		}
	}
	if !strings.Contains(withPhotos.flat, "Foto tidak tersedia") {
		t.Error("no placeholder for the broken photo")
	}
	if !strings.Contains(withPhotos.flat, "Kegiatan: "+entries[0].Title) {
		t.Error("photo detail does not name the activity")
	}
	if _, err := exec.LookPath("pdfimages"); err == nil {
		// the logo and three readable photos
		list := pdfRun(t, "pdfimages", "-list", withPhotos.path)
		var n int
		for _, l := range strings.Split(list, "\n") {
			if f := strings.Fields(l); len(f) > 3 && f[2] == "image" {
				n++
			}
		}
		if n != 4 {
			t.Errorf("pdfimages lists %d images, want 4 (logo and three photos):\n%s", n, list)
		}
	}
}

// TestPDFHostileText feeds emoji, control characters, scripts the font
// lacks and random runes into every text field: WritePDF must not panic,
// must not fail, and must write a valid file.
func TestPDFHostileText(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	junk := func() string {
		var b strings.Builder
		b.WriteString("Teks 🎉 ✅ ❤️ 👨‍👩‍👧 \x00\x07\t\r\n 漢字 العربية 𝐁𝐞𝐫𝐢𝐭𝐚 e\u0301 ")
		for range 40 {
			b.WriteRune(rune(rng.IntN(0x10FFFF)))
		}
		return b.String()
	}
	r := &Report{
		Office: data.Office{Name: junk(), Address: junk(), Phone: junk(), Email: junk(), Website: junk(), Logo: []byte("not an image")},
		Period: Period{2026, 3}, Title: junk(), Number: junk(), Intro: junk(), Closing: junk(),
		From: data.NewDate(2026, 7, 1), To: data.NewDate(2026, 9, 30), SignPlace: junk(), SignDate: data.NewDate(2026, 10, 5),
		Signer: Signer{junk(), junk(), junk()}, KnownBy: Signer{junk(), junk(), junk()}, Rollup: true,
	}
	r.Offices = []data.Office{r.Office}
	r.PerOffice = []OfficeTally{{Office: r.Office}}
	for i := range 30 {
		e := data.Entry{Title: junk(), Strategy: 1 + i%8, StartDate: data.NewDate(2026, 8, 1), Location: junk(), Notes: junk()}
		r.Activities = append(r.Activities, Activity{Entry: e, Office: junk(), Partners: []string{junk(), junk()}})
		r.Publications = append(r.Publications, Publication{Title: junk(), Kind: junk(), Channels: []string{junk()}, Office: junk()})
		r.Hoaxes = append(r.Hoaxes, Hoax{Title: junk(), Source: junk(), Status: junk(), Office: junk()})
		r.Issues = append(r.Issues, Issue{Title: junk(), Obstacles: junk(), FollowUp: junk()})
		r.Strategies[i%8].Count++
		r.Total.Count++
	}
	r.Types = []TypeTally{{Type: "x", Label: junk()}}
	r.Months = []MonthTally{{Month: 7, Label: junk()}}
	r.Channels = []ChannelTally{{Label: junk(), Count: 1}}
	r.Photos = []Photo{{Activity: junk(), Caption: junk(), Path: filepath.Join(t.TempDir(), "tidak-ada.jpg")}}
	var buf bytes.Buffer
	if err := WritePDF(&buf, r, PDFOptions{Time: pdfTime}); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("qpdf"); err != nil {
		return
	}
	path := filepath.Join(t.TempDir(), "aneh.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	doc := readPDF(t, path)
	if !strings.Contains(doc.flat, "TEKS") || !strings.Contains(doc.flat, "Berita") || !strings.Contains(doc.flat, "Foto tidak tersedia") {
		t.Errorf("sanitised text not printed: %.400s", doc.flat)
	}
}

func TestPDFClean(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Laporan Triwulan III", "Laporan Triwulan III"},
		{"Dr. Rëné Siahaan — Ñoño", "Dr. Rëné Siahaan — Ñoño"},
		{"Re\u0308ne\u0301", "Rëné"}, // decomposed accents compose
		{"Sosialisasi 🎉 pemilih 🗳️ pemula", "Sosialisasi pemilih pemula"},
		{"Hore🎉", "Hore"},
		{"👍 Setuju", "Setuju"},
		{"Keluarga 👨‍👩‍👧 hadir", "Keluarga hadir"},
		{"Berhasil ✅", "Berhasil"}, // a BMP symbol the font lacks
		{"𝐁𝐞𝐫𝐢𝐭𝐚 𝘵𝘦𝘳𝘬𝘪𝘯𝘪", "Berita terkini"},
		{"baris\r\nbaru\rlagi", "baris\nbaru\nlagi"},
		{"tab\tdan\x00nol\x1b", "tab dannol"},
		{"zero\u200bwidth\ufeff", "zerowidth"},
		{"Kanji 漢字", "Kanji ??"},
		{"tanpa\u00a0putus", "tanpa putus"},
		{"ＡＢＣ ①", "ABC 1"}, // compatibility forms
		{"bad \xff byte", "bad \ufffd byte"},
	}
	for _, c := range cases {
		if got := pdfClean(c.in); got != c.want {
			t.Errorf("pdfClean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Whatever comes in, only printable characters of the font come out.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		rs := make([]rune, 20)
		for i := range rs {
			rs[i] = rune(rng.IntN(0x110000))
		}
		for _, r := range pdfClean(string(rs)) {
			if r != '\n' && !pdfHasGlyph(r) {
				t.Fatalf("pdfClean let %U through", r)
			}
		}
	}
}

func TestPDFHelpers(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1.000", 25000: "25.000", 1234567: "1.234.567", -4500: "-4.500"} {
		if got := pdfNum(n); got != want {
			t.Errorf("num(%d) = %q, want %q", n, got, want)
		}
	}
	d := data.NewDate
	for _, c := range []struct {
		from, to data.Date
		want     string
	}{
		{d(2026, 7, 10), d(2026, 7, 10), "10 Juli 2026"},
		{d(2026, 7, 10), data.Date{}, "10 Juli 2026"},
		{d(2026, 7, 10), d(2026, 7, 11), "10–11 Juli 2026"},
		{d(2026, 7, 30), d(2026, 8, 2), "30 Juli – 2 Agustus 2026"},
		{d(2026, 12, 30), d(2027, 1, 2), "30 Desember 2026 – 2 Januari 2027"},
	} {
		if got := pdfDateSpan(c.from, c.to); got != c.want {
			t.Errorf("dateSpan(%v, %v) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
	for _, c := range []struct{ max, step, end int }{{0, 1, 1}, {1, 1, 1}, {3, 1, 3}, {7, 2, 8}, {12, 5, 15}, {48, 10, 50}, {730, 200, 800}} {
		if step, end := pdfNiceScale(c.max); step != c.step || end != c.end {
			t.Errorf("niceScale(%d) = %d, %d; want %d, %d", c.max, step, end, c.step, c.end)
		}
	}
}

func TestPDFPhotoOrientation(t *testing.T) {
	raw := pdfTestJPEG(t, 64, 32)
	for o := 1; o <= 8; o++ {
		rotated := pdfWithOrientation(raw, o)
		if got := photoimg.EXIFOrientation(rotated); got != o {
			t.Fatalf("orientation %d read as %d", o, got)
		}
		img := pdfPrepareImage(rotated)
		if img.err != nil {
			t.Fatal(img.err)
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(img.data))
		if err != nil {
			t.Fatal(err)
		}
		wantW, wantH := 64, 32
		if o >= 5 {
			wantW, wantH = 32, 64
		}
		if cfg.Width != wantW || cfg.Height != wantH {
			t.Errorf("orientation %d: %d×%d, want %d×%d", o, cfg.Width, cfg.Height, wantW, wantH)
		}
	}
	// A small upright JPEG goes in untouched; a big one is shrunk.
	if img := pdfPrepareImage(raw); !bytes.Equal(img.data, raw) {
		t.Error("small JPEG was re-encoded")
	}
	big := pdfPrepareImage(pdfTestJPEG(t, 4000, 3000))
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(big.data)); err != nil || cfg.Width != pdfPhotoTarget || cfg.Height != 1200 {
		t.Errorf("big JPEG became %+v (%v)", cfg, err)
	}
	if img := pdfPrepareImage(raw[:len(raw)/2]); img.err == nil {
		t.Error("truncated JPEG accepted")
	}
	if img := pdfPrepareImage([]byte("GIF89a")); img.err == nil {
		t.Error("non-image accepted")
	}
}

// pdfWithOrientation inserts an EXIF segment with an orientation tag after the
// JPEG's start marker.
func pdfWithOrientation(raw []byte, o int) []byte {
	tiff := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, byte(o), 0, 0, 0, 0, 0, 0}
	seg := append([]byte("Exif\x00\x00"), tiff...)
	out := []byte{0xff, 0xd8, 0xff, 0xe1, byte((len(seg) + 2) >> 8), byte(len(seg) + 2)}
	out = append(out, seg...)
	return append(out, raw[2:]...)
}

func TestPDFReproducibleAndProgress(t *testing.T) {
	fx := newPDFFixture(t, 0)
	r := fx.build(t, Options{})
	var a, b bytes.Buffer
	var calls [][2]int
	if err := WritePDF(&a, r, PDFOptions{Time: pdfTime, Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }}); err != nil {
		t.Fatal(err)
	}
	if err := WritePDF(&b, r, PDFOptions{Time: pdfTime}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders with the same time differ")
	}
	if len(calls) < 2 || len(calls) > 110 {
		t.Fatalf("%d progress calls", len(calls))
	}
	for i, c := range calls {
		if c[1] != calls[0][1] || (i > 0 && c[0] < calls[i-1][0]) {
			t.Fatalf("progress not monotonic: %v", calls)
		}
	}
	if last := calls[len(calls)-1]; last[0] != last[1] {
		t.Errorf("last progress %v; want done == total", last)
	}
	if !bytes.HasPrefix(a.Bytes(), []byte("%PDF-")) {
		t.Error("not a PDF")
	}
}
