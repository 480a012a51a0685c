package demo

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// The demo holds activities in every state: those from today on are
// planned, some earlier ones did not take place and say why, and none
// dated ahead is counted done.
func TestDemoActivityStates(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	today := data.NewDate(2024, 11, 15)
	if _, err := Load(ctx, st, Options{Year: 2024, Today: today}); err != nil {
		t.Fatal(err)
	}
	entries, err := st.EntriesIn(ctx, store.Filter{}, nil, 0, 100000)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range entries {
		count[e.Status]++
		switch {
		case !e.StartDate.Before(today) && e.Status != data.EntryPlanned:
			t.Errorf("%s on %s is %q", e.Title, e.StartDate, e.Status)
		case e.Status == data.EntryNotDone && e.NotDoneReason == "":
			t.Errorf("%s not done without a reason", e.Title)
		case e.Status == data.EntryPlanned && e.StartDate.Before(today):
			t.Errorf("%s planned in the past", e.Title)
		}
	}
	if count[data.EntryPlanned] == 0 || count[data.EntryNotDone] == 0 || count[data.EntryDone] == 0 {
		t.Errorf("states %v", count)
	}
}
