package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// A new activity dated after today becomes Direncanakan by itself; a
// not-done one needs its reason; the stored state is what the form showed.
func TestEntryFormState(t *testing.T) {
	u, st := newTestUI(t)
	b, f := u.entries, u.entryEd
	test.Tap(b.NewBtn)
	if f.state.Code() != data.EntryDone {
		t.Errorf("new entry dated today: %q", f.state.Code())
	}
	future := data.Today().AddDays(10)
	typeInto(f.start.Entry, iddate.Medium(future))
	if f.state.Code() != data.EntryPlanned || !f.reason.Disabled() {
		t.Errorf("dated ahead: %q, reason disabled %v", f.state.Code(), f.reason.Disabled())
	}
	test.Type(f.title, "Rapat koordinasi akhir tahun")
	f.activity.SetSelected("Rapat koordinasi")
	f.strategy.SetSelectedIndex(1)
	test.Tap(b.SaveBtn)
	got, err := st.Entries(ctx, store.Filter{}, 0, 10)
	if err != nil || len(got) != 1 || got[0].Status != data.EntryPlanned || got[0].Realised {
		t.Fatalf("stored %+v (%v)", got, err)
	}

	// The user says it did not take place, without a reason: refused.
	f.state.SetCode(data.EntryNotDone)
	if f.reason.Disabled() {
		t.Error("reason stays disabled for a not-done activity")
	}
	test.Tap(b.SaveBtn)
	if msg := f.f.ErrorText("not_done_reason"); msg != "Alasan tidak terlaksana wajib diisi" {
		t.Errorf("reason error %q", msg)
	}
	test.Type(f.reason, "Dibatalkan karena banjir")
	test.Tap(b.SaveBtn)
	if e, _ := st.Entry(ctx, got[0].ID); e.Status != data.EntryNotDone || e.NotDoneReason != "Dibatalkan karena banjir" {
		t.Errorf("stored %q %q", e.Status, e.NotDoneReason)
	}

	// Done for a date after today is refused by the store's rule.
	f.state.SetCode(data.EntryDone)
	test.Tap(b.SaveBtn)
	if msg := f.f.ErrorText("status"); msg == "" {
		t.Error("done in the future accepted")
	}
}

// The date field names the contradiction of a wrong day name.
func TestDateFieldWrongWeekday(t *testing.T) {
	f := kit.NewDateField(data.LangID, false)
	typeInto(f.Entry, "Selasa, 10 Juli 2023")
	if f.Shown.Text != "10 Juli 2023 adalah hari Senin, bukan Selasa" {
		t.Errorf("shown %q", f.Shown.Text)
	}
	var msgs []kit.FieldMsg
	f.Read("start_date", data.LabelStartDate, &msgs)
	if len(msgs) != 1 || msgs[0].Text != "Tanggal mulai: 10 Juli 2023 adalah hari Senin, bukan Selasa" {
		t.Errorf("read %+v", msgs)
	}
}

// The Agenda shows planned activities beside planned content, and opens
// one in the Kegiatan form.
func TestAgendaShowsPlannedActivities(t *testing.T) {
	u, st := newTestUI(t)
	today := data.Today()
	ahead := today.AddDays(3)
	mustInsert(t, st,
		&data.Draft{Title: "Ajakan cek DPT", Kind: "pengumuman", PlannedDate: ahead},
		&data.Entry{Title: "Sosialisasi pemilih pemula", ActivityType: "sosialisasi", Strategy: 4, StartDate: ahead},
		&data.Entry{Title: "Sudah terlaksana", ActivityType: "sosialisasi", Strategy: 4, StartDate: today, Status: data.EntryDone},
	)
	v := agendaAt(u, ahead)
	items := v.dayItems(ahead)
	if !slices.Contains(items, "Kegiatan: Sosialisasi pemilih pemula") || !slices.Contains(items, "Ajakan cek DPT") {
		t.Errorf("day items %q", items)
	}
	if slices.Contains(v.dayItems(today), "Kegiatan: Sudah terlaksana") {
		t.Error("a done activity is on the agenda")
	}
	v.setListMode(true)
	for i, r := range v.rows {
		if r.kind == rowActivity {
			v.list.Select(i)
			break
		}
	}
	if u.tabs.Selected().Content != u.reports || u.reports.Selected().Content != u.entries.Content || u.entryEd.title.Text != "Sosialisasi pemilih pemula" {
		t.Errorf("activity not opened: %q", u.entryEd.title.Text)
	}
}
