// Package demo fills a database with believable records: the demo data a
// new user sees (Load), and large generated sets for benchmarks (Generate).
package demo

import (
	"context"
	"crypto/sha1"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// Options choose what Load makes.
type Options struct {
	Year  int       // the year of activities; default: this year
	Today data.Date // what counts as "today" for realised/planned; default: today
}

// Result counts what Load added; zero counts mean it had been loaded before.
type Result struct {
	Offices, Agencies, Drafts, Entries int
	Photos                             int // documentation photos (photos.go)
	People                             int // people who sign in (people.go)
}

// Office ids of the demo, stable so that Load is idempotent.
var (
	KPUOfficeID        = stableID("office/kpu-sleman")
	DiskominfoOfficeID = stableID("office/diskominfo-diy")
)

// stableID makes a UUIDv7-shaped id from a name, so that running the demo
// twice writes the same ids and the second run adds nothing.
func stableID(name string) string {
	h := sha1.Sum([]byte("humasdesk-demo/" + name))
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[:8], uint64(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli())<<16)
	copy(u[6:], h[:10])
	u[6] = 0x70 | (u[6] & 0x0f) // version 7
	u[8] = 0x80 | (u[8] & 0x3f) // RFC 4122 variant
	return u.String()
}

// Load writes the demo: a kabupaten KPU humas office (made this
// installation's office) and a provincial Diskominfo, each with partner
// agencies, a year of activities over all eight strategies, and drafts in
// every status, and the people who sign in to each office (people.go).
// Records already present (by id) are left alone.
func Load(ctx context.Context, st *store.Store, opt Options) (Result, error) {
	if opt.Today.IsZero() {
		opt.Today = data.Today()
	}
	if opt.Year == 0 {
		opt.Year = opt.Today.Year
	}
	if opt.Today.Year != opt.Year {
		// A demo of another year is seen as of mid-November of that year,
		// so that its plans, hoax cases and Beranda fall inside it.
		opt.Today = data.NewDate(opt.Year, time.November, 15)
	}
	var res Result
	if _, err := st.DropPlaceholderOffice(ctx); err != nil {
		return res, err
	}
	for _, o := range offices() {
		n, err := st.InsertBatch(ctx, []data.Record{o.office}, false)
		if err != nil {
			return res, fmt.Errorf("demo: kantor %s: %w", o.office.Name, err)
		}
		res.Offices += n
		a, d, e := o.records(opt)
		for _, batch := range []struct {
			recs  []data.Record
			count *int
		}{{a, &res.Agencies}, {d, &res.Drafts}, {e, &res.Entries}} {
			n, err := st.InsertBatch(ctx, batch.recs, false)
			if err != nil {
				return res, fmt.Errorf("demo: %s: %w", o.office.Name, err)
			}
			*batch.count += n
		}
		n, err = loadPhotos(ctx, st, o, e)
		if err != nil {
			return res, err
		}
		res.Photos += n
	}
	n, err := loadPeople(ctx, st) // people.go
	if err != nil {
		return res, err
	}
	res.People = n
	if err := loadWorkflow(ctx, st, opt); err != nil { // workflow.go
		return res, err
	}
	if err := loadMonitoring(ctx, st, opt); err != nil { // monitoring.go
		return res, err
	}
	if err := st.SetCurrentOffice(ctx, KPUOfficeID); err != nil {
		return res, err
	}
	return res, nil
}

// demoOffice is one office of the demo with what it works on.
type demoOffice struct {
	office   *data.Office
	agencies []*data.Agency
	entries  []entryPlan
	drafts   []draftPlan
	perMonth int // activities a month
}

type entryPlan struct {
	strategy int
	kind     string
	title    string
	location string
	online   bool
}

type draftPlan struct {
	kind     string
	title    string
	stage    string
	channels []string
}

func (o demoOffice) records(opt Options) (agencies, drafts, entries []data.Record) {
	rng := rand.New(rand.NewPCG(uint64(opt.Year), uint64(len(o.office.Name))))
	ids := make([]string, len(o.agencies))
	for i, a := range o.agencies {
		a.ID = stableID(o.office.ID + "/agency/" + a.Name)
		a.OfficeID = o.office.ID
		ids[i] = a.ID
		agencies = append(agencies, a)
	}
	for month := time.January; month <= time.December; month++ {
		for i := 0; i < o.perMonth; i++ {
			p := o.entries[(int(month)*o.perMonth+i)%len(o.entries)]
			entries = append(entries, o.entry(rng, p, opt, month, i, ids))
		}
	}
	for i, p := range o.drafts {
		drafts = append(drafts, o.draft(rng, p, opt, i, ids))
	}
	return agencies, drafts, entries
}

func (o demoOffice) entry(rng *rand.Rand, p entryPlan, opt Options, month time.Month, i int, agencyIDs []string) *data.Entry {
	start := data.NewDate(opt.Year, month, 2+rng.IntN(26))
	e := &data.Entry{
		StartDate:    start,
		EndDate:      start.AddDays(rng.IntN(3) / 2), // mostly one day, some two
		Title:        p.title + " — " + iddate.Months[month-1],
		ActivityType: p.kind,
		Strategy:     p.strategy,
		Location:     p.location,
		Online:       p.online,
		PartnerIDs:   data.List[string]{agencyIDs[rng.IntN(len(agencyIDs))], agencyIDs[rng.IntN(len(agencyIDs))]},
		Participants: 10 + rng.IntN(140),
		Outputs:      1 + rng.IntN(6),
		Reach:        rng.IntN(25000),
		Realised:     start.Before(opt.Today) && rng.IntN(12) != 0,
	}
	e.ID = stableID(fmt.Sprintf("%s/entry/%d/%d/%d", o.office.ID, opt.Year, month, i))
	e.OfficeID = o.office.ID
	if e.PartnerIDs[0] == e.PartnerIDs[1] {
		e.PartnerIDs = e.PartnerIDs[:1]
	}
	e.Status = entryStatus(e.Realised, start, opt.Today)
	if e.Status == data.EntryNotDone {
		e.NotDoneReason = "Narasumber berhalangan hadir; kegiatan dijadwalkan ulang."
		e.Obstacles = "Jadwal bertabrakan dengan agenda pimpinan daerah; narasumber berhalangan hadir."
		e.FollowUp = "Kegiatan dijadwalkan ulang pada bulan berikutnya dan undangan dikirim lebih awal."
	}
	if e.Realised {
		e.EvidenceLinks = data.List[string]{fmt.Sprintf("%s/berita/%d/%02d/kegiatan-%d", o.office.Website, opt.Year, month, i+1)}
		e.Notes = "Dokumentasi dan daftar hadir tersimpan di arsip humas."
	}
	return e
}

// entryStatus is a demo activity's state: from today on it is still
// planned; before, done unless it was drawn as not done.
func entryStatus(realised bool, start, today data.Date) string {
	switch {
	case !start.Before(today):
		return data.EntryPlanned
	case realised:
		return data.EntryDone
	}
	return data.EntryNotDone
}

func (o demoOffice) draft(rng *rand.Rand, p draftPlan, opt Options, i int, agencyIDs []string) *data.Draft {
	// Drafts cycle through every status; published ones lie in the past,
	// the rest are planned around today so that Beranda shows upcoming work.
	status := data.DraftStatuses[i%len(data.DraftStatuses)].Code
	planned := opt.Today.AddDays(rng.IntN(30) + 1)
	if status == data.StatusPublished {
		planned = opt.Today.AddDays(-(rng.IntN(300) + 1))
	}
	if planned.Year != opt.Year { // keep the demo inside its year
		planned = data.NewDate(opt.Year, time.December, 1+i%28)
	}
	d := &data.Draft{
		Title:         p.title,
		Body:          draftBody(p, o.office),
		Kind:          p.kind,
		Channels:      p.channels,
		Status:        status,
		PlannedDate:   planned,
		ElectionStage: p.stage,
		AgencyIDs:     data.List[string]{agencyIDs[rng.IntN(len(agencyIDs))]},
	}
	d.ID = stableID(fmt.Sprintf("%s/draft/%d/%d", o.office.ID, opt.Year, i))
	d.OfficeID = o.office.ID
	return d
}

func draftBody(p draftPlan, o *data.Office) string {
	return fmt.Sprintf("%s — %s, %s.\n\n%s menyampaikan informasi ini kepada masyarakat "+
		"sebagai bagian dari keterbukaan informasi publik. Masyarakat dapat memperoleh "+
		"keterangan lebih lanjut melalui %s atau kanal media sosial resmi kami.\n\n"+
		"Narahubung: %s, %s.", p.title, o.Region, p.stage, o.Name, o.Website, o.HeadName, o.Phone)
}
