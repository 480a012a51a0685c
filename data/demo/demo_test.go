package demo

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

func TestLoadIsRealisticAndIdempotent(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	opt := Options{Year: 2024, Today: data.NewDate(2024, 11, 15)}
	first, err := Load(ctx, st, opt)
	if err != nil {
		t.Fatal(err)
	}
	if first.Offices != 2 || first.Agencies < 20 || first.Entries < 150 || first.Drafts < 15 {
		t.Fatalf("too little demo data: %+v", first)
	}
	again, err := Load(ctx, st, opt)
	if err != nil || again != (Result{}) {
		t.Fatalf("second load added %+v (%v)", again, err)
	}
	offices, _ := st.Offices(ctx)
	if len(offices) != 2 {
		t.Fatalf("offices: %v (placeholder left behind?)", offices)
	}
	cur, _ := st.CurrentOffice(ctx)
	if cur.ID != KPUOfficeID || cur.Kind != "kpu" || cur.Level != "kabupaten" || len(cur.HeadNIP) != 18 {
		t.Fatalf("current office %+v", cur)
	}
	for _, o := range offices {
		from, to := data.NewDate(2024, 1, 1), data.NewDate(2024, 12, 31)
		sum, err := st.Summarize(ctx, o.ID, from, to, opt.Today, 10)
		if err != nil {
			t.Fatal(err)
		}
		for s := 1; s <= 8; s++ {
			if sum.ByStrategy[s] == 0 {
				t.Errorf("%s: no activity for strategy %d", o.Name, s)
			}
		}
		if o.ID == KPUOfficeID {
			for _, status := range data.DraftStatuses.Codes() {
				if sum.DraftsByState[status] == 0 {
					t.Errorf("no draft with status %s", status)
				}
			}
			if sum.Realised == 0 || sum.Realised == sum.Entries {
				t.Errorf("realised %d of %d: want a mix", sum.Realised, sum.Entries)
			}
			if len(sum.Upcoming) == 0 {
				t.Error("nothing planned ahead for Beranda")
			}
		}
	}
}

// TestLoadOnAnInstallThatHasWork loads the demo into a fresh install that
// already holds a record of a kind the placeholder check must know about:
// the placeholder office stays (it owns work), and the load succeeds.
func TestLoadOnAnInstallThatHasWork(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	own := &data.Template{Name: "Templat kantor", DraftKind: "pengumuman", Title: "Pengumuman", Body: "Isi"}
	if err := st.SaveTemplate(ctx, own); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(ctx, st, Options{Year: 2024, Today: data.NewDate(2024, 11, 15)}); err != nil {
		t.Fatalf("demo on an install with work: %v", err)
	}
	offices, _ := st.Offices(ctx)
	if len(offices) != 3 {
		t.Fatalf("want the placeholder kept beside the two demo offices, got %d", len(offices))
	}
}
