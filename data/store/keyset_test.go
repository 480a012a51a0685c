package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
)

// setAnchorEvery puts an anchor every n rows (so that a few hundred rows
// have many) and returns what puts it back.
func setAnchorEvery(n int) (restore func()) {
	was := anchorEvery
	anchorEvery = n
	return func() { anchorEvery = was }
}

// keysetWorld is a real database with rows made to tie: few distinct
// dates and names (names differing in case only, which NOCASE sorts as
// equal), drafts without a planned date, two offices.
type keysetWorld struct {
	s           *Store
	mine, other string
	entries     []string // of mine
}

func newKeysetWorld(t *testing.T, rng *rand.Rand) *keysetWorld {
	t.Helper()
	s := newStore(t)
	other := &data.Office{Name: "Diskominfo DIY", Kind: "diskominfo", Level: "provinsi"}
	if err := s.SaveOffice(ctx, other); err != nil {
		t.Fatal(err)
	}
	mine, err := s.CurrentOffice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w := &keysetWorld{s: s, mine: mine.ID, other: other.ID}
	words := []string{"rapat pemilih", "sosialisasi pemilu", "klarifikasi hoaks", "pemilih pemula", "rapat koordinasi"}
	types := []string{"sosialisasi", "rapat_koordinasi", "publikasi"}
	names := []string{"Dinas Kominfo", "dinas kominfo", "DINAS KOMINFO", "Bawaslu", "bawaslu", "Polres"}
	office := func() string { return []string{mine.ID, other.ID}[rng.IntN(2)] }
	var recs []data.Record
	for i := range 260 {
		recs = append(recs, &data.Entry{Meta: data.Meta{OfficeID: office()},
			Title: fmt.Sprintf("%s %d", words[rng.IntN(len(words))], i), ActivityType: types[rng.IntN(len(types))],
			Strategy: 1 + rng.IntN(3), StartDate: data.NewDate(2024, time.Month(1+rng.IntN(3)), 1+rng.IntN(2))})
	}
	for i := range 120 {
		d := &data.Draft{Meta: data.Meta{OfficeID: office()}, Title: fmt.Sprintf("%s %d", words[rng.IntN(len(words))], i),
			Kind: "siaran_pers", Status: data.StatusDraft}
		if rng.IntN(3) > 0 { // the rest have no planned date (NULL)
			d.PlannedDate = data.NewDate(2024, 4, 1+rng.IntN(3))
		}
		recs = append(recs, d)
	}
	for range 90 {
		recs = append(recs, &data.Agency{Meta: data.Meta{OfficeID: office()}, Name: names[rng.IntN(len(names))], Kind: "diskominfo"})
	}
	if _, err := s.InsertBatch(ctx, recs, false); err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if e, ok := r.(*data.Entry); ok && e.OfficeID == mine.ID {
			w.entries = append(w.entries, e.ID)
		}
	}
	return w
}

// idsOf lists the ids of rows read as []T, whose pointers are records.
func idsOf[T any](rows []T) []string {
	out := make([]string, len(rows))
	for i := range rows {
		out[i] = any(&rows[i]).(data.Record).RecordMeta().ID
	}
	return out
}

// byOffset is the list read the plain way, whole, with LIKE alone: what
// every page must be a slice of.
func byOffset(t *testing.T, s *Store, sp listSpec, f Filter, offices []string) []string {
	t.Helper()
	var ids []string
	if err := sp.scope(f, offices)(s.read(ctx), "").Order(sp.order).Pluck("id", &ids).Error; err != nil {
		t.Fatal(err)
	}
	return ids
}

type keysetList struct {
	sp   listSpec
	page func(ctx context.Context, f Filter, offices []string, offset, limit int) ([]string, error)
}

func keysetLists(s *Store) []keysetList {
	return []keysetList{
		{entrySpec, func(ctx context.Context, f Filter, o []string, off, lim int) ([]string, error) {
			r, err := s.EntriesIn(ctx, f, o, off, lim)
			return idsOf(r), err
		}},
		{draftSpec, func(ctx context.Context, f Filter, o []string, off, lim int) ([]string, error) {
			r, err := s.DraftsIn(ctx, f, o, off, lim)
			return idsOf(r), err
		}},
		{agencySpec, func(ctx context.Context, f Filter, o []string, off, lim int) ([]string, error) {
			r, err := s.AgenciesIn(ctx, f, o, off, lim)
			return idsOf(r), err
		}},
	}
}

// Every page read by seeking from an anchor is the same page an OFFSET
// query reads, for every list, filter, office set and page size, with
// the trigram index used or not.
func TestKeysetPagesEqualOffsetPages(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 1))
	w := newKeysetWorld(t, rng)
	defer setAnchorEvery(7)()
	filters := []Filter{
		{}, {OfficeID: w.mine}, {Query: "pemilih"}, {Query: "rap"}, {OfficeID: w.other, Query: "pemilu"},
		{Kind: "sosialisasi"}, {Strategy: 2}, {From: data.NewDate(2024, 2, 1), To: data.NewDate(2024, 3, 1)},
		{Kind: "diskominfo", Query: "kominfo"}, {Status: data.StatusDraft, From: data.NewDate(2024, 4, 2)},
		{Query: "nothing-matches"},
	}
	officeSets := [][]string{nil, {w.mine}, {w.mine, w.other}}
	for _, fts := range []int{0, 100000} { // LIKE alone; the trigram index
		restore := setFTSBounds(fts)
		for _, l := range keysetLists(w.s) {
			for _, f := range filters {
				for _, offices := range officeSets {
					want := byOffset(t, w.s, l.sp, f, offices)
					name := fmt.Sprintf("%s fts=%d %+v offices=%d", l.sp.table, fts, f, len(offices))
					checkPages(t, name, rng, l, f, offices, want)
				}
			}
		}
		restore()
	}
}

// checkPages reads want's rows page after page, and at random positions,
// with random page sizes.
func checkPages(t *testing.T, name string, rng *rand.Rand, l keysetList, f Filter, offices []string, want []string) {
	t.Helper()
	size := 1 + rng.IntN(20)
	for off := 0; off <= len(want); off += size {
		checkPage(t, name, l, f, offices, want, off, size)
	}
	for range 10 {
		checkPage(t, name, l, f, offices, want, rng.IntN(len(want)+5), 1+rng.IntN(30))
	}
}

func checkPage(t *testing.T, name string, l keysetList, f Filter, offices []string, want []string, off, size int) {
	t.Helper()
	got, err := l.page(ctx, f, offices, off, size)
	if err != nil {
		t.Fatalf("%s: page at %d: %v", name, off, err)
	}
	exp := want[min(off, len(want)):min(off+size, len(want))]
	if !slices.Equal(got, exp) && !(len(got) == 0 && len(exp) == 0) {
		t.Fatalf("%s: page at %d size %d:\n got %v\nwant %v", name, off, size, got, exp)
	}
}

// The anchors follow the store's writes: after inserts and deletes a deep
// page is again the OFFSET page of the data as it now is.
func TestKeysetAnchorsFollowWrites(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2))
	w := newKeysetWorld(t, rng)
	defer setAnchorEvery(5)()
	l := keysetLists(w.s)[0]
	f := Filter{OfficeID: w.mine}
	check := func(step string) {
		t.Helper()
		want := byOffset(t, w.s, entrySpec, f, nil)
		for off := 0; off < len(want); off += 9 {
			checkPage(t, step, l, f, nil, want, off, 9)
		}
		// Scrolling up from the end (pages walk back from the anchors
		// the later pages left).
		if err := w.s.SetSetting(ctx, "scroll", step); err != nil { // a write: anchors forgotten
			t.Fatal(err)
		}
		for off := len(want) - 4; off >= 0; off -= 4 {
			checkPage(t, step+", upwards", l, f, nil, want, off, 4)
		}
	}
	check("before")
	for i := range 30 { // ties with existing dates, before and after the anchors
		e := entry(fmt.Sprintf("Baru %d", i), 1, data.NewDate(2024, time.Month(1+rng.IntN(3)), 1+rng.IntN(2)))
		if err := w.s.SaveEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	check("after inserts")
	for _, id := range w.entries[:40] {
		if err := w.s.Delete(ctx, KindEntry, id); err != nil {
			t.Fatal(err)
		}
	}
	check("after deletes")
}

// A capped count is the count when it is below the cap, else the cap,
// whichever way the search goes.
func TestCountAtMost(t *testing.T) {
	w := newKeysetWorld(t, rand.New(rand.NewPCG(13, 3)))
	for _, fts := range []int{0, 100000} {
		restore := setFTSBounds(fts)
		for _, f := range []Filter{{}, {Query: "pemilih"}, {OfficeID: w.mine, Query: "rap"}, {Query: "nothing-matches"}} {
			for _, offices := range [][]string{nil, {w.other}} {
				all, err := w.s.CountEntriesIn(ctx, f, offices)
				if err != nil {
					t.Fatal(err)
				}
				for _, most := range []int{1, 10, all, all + 1, 1000} {
					got, err := w.s.CountEntriesInAtMost(ctx, f, offices, most)
					if err != nil {
						t.Fatal(err)
					}
					if want := min(all, most); got != want {
						t.Errorf("fts=%d %+v offices=%v at most %d: %d, want %d", fts, f, offices, most, got, want)
					}
					d, _ := w.s.CountDraftsIn(ctx, f, offices)
					if got, _ := w.s.CountDraftsInAtMost(ctx, f, offices, most); got != min(d, most) {
						t.Errorf("drafts fts=%d %+v at most %d: %d, want %d", fts, f, most, got, min(d, most))
					}
				}
			}
		}
		restore()
	}
}
