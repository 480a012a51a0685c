package report

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// BenchmarkReportPDF measures a quarter's report from the store to the
// finished PDF (Build + WritePDF) for a busy office: 1,000, 5,000 and 20,000
// activities, each with 50 documentation photos as messaging apps deliver
// them (1600×1200 JPEG of 220 KB). Two more cases separate the
// photos' cost: 5,000 activities without photos, and with 50 photos
// straight from a phone camera (4000×3000 JPEG of 2.9 MB), whose
// report-size copies the store makes when they are attached (not timed). Besides ns/op and allocs it reports
//
//	build-ms, pdf-ms  the two phases of one run (means)
//	med-ms, med-cpu-ms  the median of the runs' wall and CPU time (user +
//	                  system, all goroutines): run with -benchtime 5x or
//	                  more; CPU time varies less on a shared machine
//	peak-heap-MB      the highest heap seen while rendering, garbage not
//	                  yet collected included (sampled every millisecond)
//	peak-live-MB      the highest live heap measured by a GC
//	peak-rss-MB       the process's peak resident memory during the runs
//	                  (Linux; base-rss-MB is where it started)
//	pdf-MB, pages     the document's size
//
// Run: go test ./data/report -run '^$' -bench ReportPDF -benchmem -benchtime 5x
func BenchmarkReportPDF(b *testing.B) {
	for _, c := range []struct {
		entries, photos int
		camera          bool
	}{
		{1000, 50, false}, {5000, 50, false}, {20000, 50, false},
		{5000, 0, false}, {5000, 50, true},
	} {
		name := fmt.Sprintf("entries=%d/photos=%d", c.entries, c.photos)
		if c.camera {
			name = fmt.Sprintf("entries=%d/camera-photos=%d", c.entries, c.photos)
		}
		b.Run(name, func(b *testing.B) {
			st := pdfBenchStore(b, c.entries, c.photos, c.camera)
			opt := Options{Period: Period{2026, 3}, SignDate: data.NewDate(2026, 10, 5)}
			var buildT, pdfT time.Duration
			var size int64
			var pages int
			var walls, cpus []time.Duration
			peak := pdfStartPeak()
			b.ReportAllocs()
			for b.Loop() {
				// Under the memory limits that Export applies, as users run it.
				var r *Report
				t0, c0 := time.Now(), pdfBenchCPU()
				err := WithMemoryLimit(MemoryLimit(0), func() (err error) {
					r, err = Build(bctx, st, opt)
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
				err = WithMemoryLimit(MemoryLimit(len(r.Activities)), func() error {
					t1 := time.Now()
					cw := &pdfCountingWriter{}
					if err := WritePDF(cw, r, PDFOptions{Time: pdfTime, Progress: func(done, total int) {}}); err != nil {
						return err
					}
					buildT += t1.Sub(t0)
					pdfT += time.Since(t1)
					size, pages = cw.n, cw.pages
					if len(r.Activities) != c.entries || len(r.Photos) != c.photos {
						return fmt.Errorf("report has %d activities and %d photos", len(r.Activities), len(r.Photos))
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				walls, cpus = append(walls, time.Since(t0)), append(cpus, pdfBenchCPU()-c0)
			}
			peak.stop()
			n := float64(b.N)
			b.ReportMetric(float64(buildT.Milliseconds())/n, "build-ms")
			b.ReportMetric(float64(pdfT.Milliseconds())/n, "pdf-ms")
			b.ReportMetric(pdfMedianMS(walls), "med-ms")
			b.ReportMetric(pdfMedianMS(cpus), "med-cpu-ms")
			b.ReportMetric(float64(peak.heap)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(peak.live)/(1<<20), "peak-live-MB")
			if peak.rssPeak > 0 {
				b.ReportMetric(float64(peak.rssPeak)/(1<<20), "peak-rss-MB")
				b.ReportMetric(float64(peak.rssBase)/(1<<20), "base-rss-MB")
			}
			b.ReportMetric(float64(size)/(1<<20), "pdf-MB")
			b.ReportMetric(float64(pages), "pages")
		})
	}
}

// pdfMedianMS is the median of ds, in milliseconds.
func pdfMedianMS(ds []time.Duration) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return float64(m.Microseconds()) / 1000
}

// pdfCountingWriter counts bytes and pages ("/Type /Page" objects) written.
type pdfCountingWriter struct {
	n     int64
	pages int
	tail  []byte
}

func (w *pdfCountingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	buf := append(w.tail, p...)
	w.pages += bytes.Count(buf, []byte("/Type /Page\n")) - bytes.Count(w.tail, []byte("/Type /Page\n"))
	w.tail = append(w.tail[:0], buf[max(len(buf)-16, 0):]...)
	return len(p), nil
}

var _ io.Writer = (*pdfCountingWriter)(nil)

// pdfPeakSampler records the memory high-water marks while it runs: the
// heap (live and not yet collected objects) and the live heap after each
// GC, sampled every millisecond through runtime/metrics, and on Linux the
// process's peak resident set (VmHWM, reset at the start through
// /proc/self/clear_refs so that the data set's setup does not count).
type pdfPeakSampler struct {
	done             chan struct{}
	wg               sync.WaitGroup
	heap, live       uint64
	rssBase, rssPeak uint64 // bytes; 0 when unavailable
}

func pdfStartPeak() *pdfPeakSampler {
	runtime.GC()
	debug.FreeOSMemory()
	p := &pdfPeakSampler{done: make(chan struct{})}
	if os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil {
		p.rssBase = pdfProcStatus("VmRSS:")
	}
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			p.heap = max(p.heap, samples[0].Value.Uint64())
			p.live = max(p.live, samples[1].Value.Uint64())
			select {
			case <-p.done:
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

func (p *pdfPeakSampler) stop() {
	close(p.done)
	p.wg.Wait()
	if p.rssBase > 0 {
		p.rssPeak = pdfProcStatus("VmHWM:")
	}
}

// pdfProcStatus reads a size in kB from /proc/self/status, in bytes.
func pdfProcStatus(key string) uint64 {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(raw), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == key {
			n, _ := strconv.ParseUint(f[1], 10, 64)
			return n << 10
		}
	}
	return 0
}

// pdfBenchStore makes a database with one office whose Triwulan III 2026 has
// the given number of activities (and a few outside it), 60 partner
// agencies, 200 published contents, and photos attached to the first
// activities.
func pdfBenchStore(b *testing.B, entries, photos int, camera bool) *store.Store {
	b.Helper()
	dir := b.TempDir()
	st, err := store.Open(filepath.Join(dir, "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	o, _ := st.CurrentOffice(bctx)
	o.Name, o.Kind, o.Level = "Komisi Pemilihan Umum Kabupaten Sleman", "kpu", "kabupaten"
	o.Address, o.Phone, o.Email = "Jl. KRT Pringgodiningrat No. 1, Beran, Tridadi, Sleman 55511", "(0274) 868405", "humas@kpu-slemankab.go.id"
	o.HeadName, o.HeadPosition, o.HeadNIP, o.SignerPlace = "Dr. Ahmad Shidqi, S.H., M.H.", "Ketua KPU Kabupaten Sleman", "197805122005011003", "Sleman"
	o.Logo = pdfTestPNG(b, 200, 200)
	if err := st.SaveOffice(bctx, o); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(entries), 42))
	var agencies []data.Record
	var ids []string
	for i := range 60 {
		a := &data.Agency{Name: fmt.Sprintf("%s %s", pdfPick(rng, pdfBenchAgencyKinds), pdfPick(rng, pdfBenchPlaces)), Kind: "lainnya"}
		a.ID = fmt.Sprintf("019a0000-0000-7000-8000-%012d", i)
		ids = append(ids, a.ID)
		agencies = append(agencies, a)
	}
	pdfInsertB(b, st, agencies)
	from := data.NewDate(2026, 7, 1)
	var batch []data.Record
	flush := func() {
		pdfInsertB(b, st, batch)
		batch = batch[:0]
	}
	for i := range entries + 20 {
		d := from.AddDays(rng.IntN(92))
		if i >= entries { // outside the quarter
			d = from.AddDays(-1 - rng.IntN(60))
		}
		e := &data.Entry{
			StartDate: d, EndDate: d.AddDays(rng.IntN(3) / 2),
			Title:        fmt.Sprintf("%s %s %s", pdfPick(rng, pdfBenchActivities), pdfPick(rng, pdfBenchTopics), pdfPick(rng, pdfBenchPlaces)),
			ActivityType: data.ActivityTypes[rng.IntN(len(data.ActivityTypes))].Code,
			Strategy:     1 + rng.IntN(8), Location: pdfPick(rng, pdfBenchLocations) + ", " + pdfPick(rng, pdfBenchPlaces),
			Online: rng.IntN(5) == 0, Participants: 10 + rng.IntN(300), Outputs: 1 + rng.IntN(6), Reach: rng.IntN(30000),
			Realised: rng.IntN(10) != 0,
		}
		for range 1 + rng.IntN(3) {
			e.PartnerIDs = append(e.PartnerIDs, ids[rng.IntN(len(ids))])
		}
		if rng.IntN(3) == 0 {
			e.Notes = strings.Repeat(pdfPick(rng, pdfBenchNotes)+" ", 1+rng.IntN(3))
		}
		if rng.IntN(10) == 0 {
			e.Obstacles, e.FollowUp = pdfPick(rng, pdfBenchNotes), "Dijadwalkan ulang dan dikoordinasikan dengan mitra."
		}
		batch = append(batch, e)
		if len(batch) == 2000 {
			flush()
		}
	}
	for i := range 200 {
		batch = append(batch, &data.Draft{Title: fmt.Sprintf("Siaran pers %s nomor %d", pdfPick(rng, pdfBenchTopics), i+1),
			Kind: "siaran_pers", Status: data.StatusPublished, PlannedDate: from.AddDays(rng.IntN(92)),
			Channels: data.List[string]{"website", "instagram", "facebook"}[:1+rng.IntN(3)]})
	}
	flush()
	if photos > 0 {
		list, err := st.EntriesBetween(bctx, []string{o.ID}, from, data.NewDate(2026, 9, 30))
		if err != nil {
			b.Fatal(err)
		}
		w, h := 1600, 1200
		if camera {
			w, h = 4000, 3000
		}
		for i := range photos {
			path := filepath.Join(dir, fmt.Sprintf("foto-%02d.jpg", i))
			if err := os.WriteFile(path, pdfBenchPhoto(b, w, h, uint64(i)), 0o600); err != nil {
				b.Fatal(err)
			}
			if _, err := st.AttachPhoto(bctx, list[i*len(list)/photos].ID, path, fmt.Sprintf("Dokumentasi kegiatan %d", i+1)); err != nil {
				b.Fatal(err)
			}
		}
	}
	return st
}

func pdfInsertB(b *testing.B, st *store.Store, recs []data.Record) {
	b.Helper()
	if _, err := st.InsertBatch(bctx, recs, false); err != nil {
		b.Fatal(err)
	}
}

// pdfBenchPhoto is a distinct JPEG per seed: gradients with noise, so that it
// compresses about as a photograph does (1600×1200 at quality 80: 220 KB,
// the upper end of what WhatsApp delivers; 4000×3000 at quality 92: 2.9 MB,
// a phone camera's original).
func pdfBenchPhoto(b *testing.B, w, h int, seed uint64) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	x := seed*0x9e3779b97f4a7c15 + 1
	for y := range h {
		row := img.Pix[y*img.Stride:]
		for i := range w {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			n := uint8(x & 15)
			row[4*i] = uint8((i+int(seed)*37)*255/w) ^ n
			row[4*i+1] = uint8(y*255/h) + n
			row[4*i+2] = uint8((i+y)*255/(w+h)) + n/2
			row[4*i+3] = 255
		}
	}
	q := 80
	if w > 2000 {
		q = 92
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func pdfPick(rng *rand.Rand, xs []string) string { return xs[rng.IntN(len(xs))] }

var (
	pdfBenchActivities = []string{"Rapat koordinasi", "Sosialisasi", "Publikasi", "Klarifikasi hoaks tentang", "Monitoring media",
		"Pelatihan", "Evaluasi", "Kunjungan media", "Talkshow radio", "Bimbingan teknis"}
	pdfBenchTopics = []string{"pemutakhiran data pemilih berkelanjutan", "pendidikan pemilih pemula", "tahapan pencalonan",
		"keterbukaan informasi publik", "penyandang disabilitas", "netralitas ASN", "layanan pengaduan masyarakat",
		"rekapitulasi daftar pemilih", "pengelolaan media sosial resmi", "desa peduli pemilu"}
	pdfBenchPlaces = []string{"Kecamatan Depok", "Kecamatan Mlati", "Kecamatan Ngaglik", "Kecamatan Gamping",
		"Kecamatan Kalasan", "Kecamatan Tempel", "Kecamatan Turi", "Kecamatan Prambanan", "Kecamatan Cangkringan"}
	pdfBenchLocations = []string{"Aula KPU", "Balai Desa", "Pendopo Kecamatan", "SMA Negeri 1", "Ruang Media Center",
		"Studio RRI", "Gedung Serbaguna", "Kantor Diskominfo"}
	pdfBenchAgencyKinds = []string{"Dinas Komunikasi dan Informatika", "Bawaslu", "Kepolisian Sektor", "Komando Rayon Militer",
		"Relawan Demokrasi", "Radio Komunitas", "Karang Taruna", "Forum Anak"}
	pdfBenchNotes = []string{"Dokumentasi dan daftar hadir tersimpan di arsip humas.",
		"Peserta aktif bertanya tentang cara mengecek status di daftar pemilih melalui laman resmi.",
		"Materi paparan dibagikan kepada peserta dan diunggah ke situs web.",
		"Liputan diterbitkan oleh dua media daring lokal dan diunggah ke kanal media sosial resmi."}
)
