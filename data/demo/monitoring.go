package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// The demo's media monitoring: a year of clippings per office (outlets
// from its media agencies and a few others typed as text, a tone mix
// leaning positive, some negative coverage tied to the hoax cases), the
// pickups of its published press releases, and its annual targets. Like
// the rest of the demo it is written once by id and never queued.

// otherOutlets are outlets that are not among the demo agencies.
var otherOutlets = []struct{ name, medium string }{
	{"Harian Jogja", "cetak"}, {"detikJogja", "online"}, {"KRjogja.com", "online"},
	{"Kompas.com Regional", "online"}, {"Radio Sonora Jogja", "radio"}, {"TVRI Yogyakarta", "tv"},
	{"Akun Instagram @sleman_update", "media_sosial"},
}

// clipTopics are the issues the demo's coverage is about, with a headline
// each for the three tones.
var clipTopics = []struct {
	topic                       string
	positive, neutral, negative string
}{
	{"pemutakhiran data", "%s ajak warga cek data pemilih lewat aplikasi", "%s rekapitulasi daftar pemilih berkelanjutan", "Warga keluhkan nama ganda di daftar pemilih"},
	{"pendidikan pemilih", "Pemilih pemula antusias ikuti sosialisasi %s", "%s gelar sosialisasi di sekolah", "Sosialisasi pemilu dinilai kurang menjangkau desa"},
	{"disabilitas", "%s gandeng SIGAB wujudkan pemilu inklusif", "Diskusi aksesibilitas TPS bersama %s", "Penyandang disabilitas minta TPS lebih ramah"},
	{"hoaks", "%s luruskan kabar bohong soal data pemilih", "%s imbau warga cek fakta sebelum berbagi", "Beredar kabar data pemilih bocor, warga resah"},
	{"anggaran", "%s paparkan penggunaan anggaran secara terbuka", "Rapat evaluasi anggaran bersama %s", "Anggaran sosialisasi dipertanyakan DPRD"},
}

func loadMonitoring(ctx context.Context, st *store.Store, opt Options) error {
	for _, o := range offices() {
		recs, err := monitoringRecords(ctx, st, o, opt)
		if err != nil {
			return fmt.Errorf("demo: pemantauan media %s: %w", o.office.Name, err)
		}
		if _, err := st.InsertBatch(ctx, recs, false); err != nil {
			return fmt.Errorf("demo: pemantauan media %s: %w", o.office.Name, err)
		}
	}
	return nil
}

func monitoringRecords(ctx context.Context, st *store.Store, o demoOffice, opt Options) ([]data.Record, error) {
	from, to := iddate.YearRange(opt.Year)
	if opt.Today.Before(to) {
		to = opt.Today
	}
	drafts, err := st.DraftsBetween(ctx, []string{o.office.ID}, from, to)
	if err != nil {
		return nil, err
	}
	cases, err := st.HoaxesBetween(ctx, []string{o.office.ID}, from, to)
	if err != nil {
		return nil, err
	}
	var media []*data.Agency
	for _, a := range o.agencies {
		if a.Kind == "media" {
			a.ID = stableID(o.office.ID + "/agency/" + a.Name)
			media = append(media, a)
		}
	}
	rng := rand.New(rand.NewPCG(uint64(opt.Year)+7, uint64(len(o.office.Name))))
	short := shortName(o.office)
	var out []data.Record
	add := func(key string, c *data.Clipping) {
		c.ID = stableID(o.office.ID + "/clipping/" + key)
		c.OfficeID = o.office.ID
		out = append(out, c)
	}
	outlet := func(c *data.Clipping) {
		if len(media) > 0 && rng.IntN(3) > 0 {
			a := media[rng.IntN(len(media))]
			c.AgencyID, c.Outlet, c.Medium = a.ID, a.Name, mediumOf(a.Name)
			return
		}
		x := otherOutlets[rng.IntN(len(otherOutlets))]
		c.Outlet, c.Medium = x.name, x.medium
	}
	// Pickups: three in four published press releases are carried by one
	// to three outlets within three days.
	releases := 0
	for _, d := range drafts {
		if d.Kind != "siaran_pers" || !d.WasPublished() {
			continue
		}
		if releases++; releases%4 == 0 { // every fourth went unnoticed
			continue
		}
		for k := 0; k < 1+rng.IntN(3); k++ {
			day := d.CalendarDay().AddDays(rng.IntN(4))
			if day.After(to) {
				continue
			}
			c := &data.Clipping{Date: day, Headline: d.Title, Tone: pick(rng, data.TonePositive, data.ToneNeutral),
				Topics: data.List[string]{"siaran pers"}, DraftIDs: data.List[string]{d.ID}, ElectionStage: d.ElectionStage}
			outlet(c)
			add(d.ID+"/"+strconv.Itoa(k), c)
		}
	}
	// Everyday coverage, about as many items a month as activities.
	per := max(3, o.perMonth)
	for m := time.January; m <= time.December; m++ {
		for i := 0; i < per+rng.IntN(3); i++ {
			day := data.NewDate(opt.Year, m, 1+rng.IntN(28))
			if day.After(to) {
				continue
			}
			t := clipTopics[rng.IntN(len(clipTopics))]
			c := &data.Clipping{Date: day, Topics: data.List[string]{t.topic}}
			switch r := rng.IntN(20); {
			case r < 11:
				c.Tone, c.Headline = data.TonePositive, fmt.Sprintf(t.positive, short)
			case r < 18:
				c.Tone, c.Headline = data.ToneNeutral, fmt.Sprintf(t.neutral, short)
			default:
				c.Tone, c.Headline = data.ToneNegative, t.negative
			}
			outlet(c)
			add(fmt.Sprintf("%02d/%d", m, i), c)
		}
	}
	// Negative coverage of each hoax case, answered by its clarification.
	for i, h := range cases {
		day := data.DateOf(h.FoundAt.In(time.Local))
		c := &data.Clipping{Date: day, Headline: "Viral: " + h.Claim, Tone: data.ToneNegative, HoaxID: h.ID,
			Topics: data.List[string]{"hoaks"}, Outlet: "Akun Instagram @sleman_update", Medium: "media_sosial"}
		add("hoax/"+strconv.Itoa(i), c)
	}
	out = append(out, demoTarget(o, opt.Year))
	return out, nil
}

func pick(rng *rand.Rand, a, b string) string {
	if rng.IntN(4) == 0 {
		return b
	}
	return a
}

// mediumOf guesses the medium of a demo media agency from its name.
func mediumOf(name string) string {
	switch name {
	case "SKH Kedaulatan Rakyat":
		return "cetak"
	case "LPP RRI Yogyakarta":
		return "radio"
	}
	return "online"
}

// shortName is how the press names the office.
func shortName(o *data.Office) string {
	if o.ID == KPUOfficeID {
		return "KPU Sleman"
	}
	return "Diskominfo DIY"
}

// demoTarget is the office's targets for the year: about what its plan of
// activities gives, a little more, so that some strategies fall short.
func demoTarget(o demoOffice, year int) *data.Target {
	t := &data.Target{Year: year}
	t.ID = stableID(o.office.ID + "/target/" + strconv.Itoa(year))
	t.OfficeID = o.office.ID
	perStrategy := map[int]int{}
	for _, p := range o.entries {
		perStrategy[p.strategy]++
	}
	total := o.perMonth * 12
	for s := 1; s <= 8; s++ {
		n := total * perStrategy[s] / max(1, len(o.entries))
		if n > 0 {
			t.Items = append(t.Items, data.TargetItem{Dimension: data.TargetStrategy, Code: strconv.Itoa(s), Count: n + n/5 + 1})
		}
	}
	t.Items = append(t.Items,
		data.TargetItem{Dimension: data.TargetChannel, Code: "siaran_pers", Count: 24},
		data.TargetItem{Dimension: data.TargetChannel, Code: "instagram", Count: 48})
	return t
}
