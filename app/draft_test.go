package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

func TestDraftFormSavesAValidDraft(t *testing.T) {
	u, st := newTestUI(t)
	kpu := mustSaveAgency(t, st, "KPU Kabupaten Sleman", "kpu")
	mustSaveAgency(t, st, "Bawaslu Kabupaten Sleman", "bawaslu")
	b, f := u.drafts, u.draftEd
	u.tabs.SelectIndex(2)

	// Given a draft typed into the form, with channels ticked, a planned
	// date typed the office way and a related agency found by name
	if got := f.flow.status.Text; got != "Status: Draf · revisi 1" {
		t.Errorf("a new draft shows %q", got)
	}
	test.Type(f.title, "Siaran pers: jadwal kampanye")
	f.kind.SetSelected("Berita/Siaran pers")
	test.Tap(f.channels.Check("Situs web"))
	test.Tap(f.channels.Check("Instagram"))
	typeInto(f.planned.Entry, "17/08/2026")
	test.Type(f.agencies.search, "kpu")
	if f.agencies.result("Bawaslu Kabupaten Sleman") != nil {
		t.Error("the agency search offered an agency that does not match")
	}
	test.Tap(f.agencies.result("KPU Kabupaten Sleman"))
	test.Type(f.body, "Isi siaran pers.")
	// When it is saved
	test.Tap(b.SaveBtn)
	// Then it is stored with codes, not labels, and listed with its status
	got, err := st.Drafts(ctx, store.Filter{}, 0, 10)
	if err != nil || len(got) != 1 {
		t.Fatalf("drafts = %+v, %v (form errors: %q)", got, err, f.f.General.Text)
	}
	d := got[0]
	if d.Kind != "siaran_pers" || d.Status != data.StatusDraft || d.PlannedDate != data.NewDate(2026, 8, 17) ||
		!slices.Equal(d.Channels, data.List[string]{"website", "instagram"}) ||
		!slices.Equal(d.AgencyIDs, data.List[string]{kpu.ID}) {
		t.Errorf("stored %+v", d)
	}
	if b.CellText(0, 1) != "Draf" || b.CellText(0, 2) != "Senin, 17 Agustus 2026" {
		t.Errorf("row = %q, %q", b.CellText(0, 1), b.CellText(0, 2))
	}

	// The status filter narrows the list.
	b.Bar.ByKey["status"].(*kit.Choice).SetSelected("Terbit")
	if b.N != 0 {
		t.Errorf("published drafts: %d", b.N)
	}
}

func TestDraftMissingTitleAndKind(t *testing.T) {
	u, st := newTestUI(t)
	b, f := u.drafts, u.draftEd
	test.Tap(b.SaveBtn)
	if f.f.ErrorText("title") != "Judul wajib diisi" || f.f.ErrorText("kind") != "Jenis wajib diisi" {
		t.Errorf("errors: title %q, kind %q", f.f.ErrorText("title"), f.f.ErrorText("kind"))
	}
	if n, _ := st.CountDrafts(ctx, store.Filter{}); n != 0 {
		t.Fatalf("stored %d drafts", n)
	}
}
