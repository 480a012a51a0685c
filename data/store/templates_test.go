package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

func TestTemplatesStore(t *testing.T) {
	s := newStore(t)
	office, _ := s.CurrentOffice(ctx)
	office.Name, office.HeadName, office.HeadPosition, office.Address, office.SignerPlace =
		"KPU Kabupaten Sleman", "Dr. Ahmad Shidqi", "Ketua KPU Kabupaten Sleman", "Jl. KRT Pringgodiningrat No. 1", "Sleman"
	if err := s.SaveOffice(ctx, office); err != nil {
		t.Fatal(err)
	}
	all, err := s.Templates(ctx, "")
	if err != nil || len(all) != 4 {
		t.Fatalf("shipped templates %d (%v)", len(all), err)
	}
	own := &data.Template{Name: "Siaran pers tahapan Pilkada", DraftKind: "siaran_pers",
		Title: "{{nama_kantor}}: {{ tahun }}", Body: "{{tempat}}, {{tanggal}} — {{nama_kantor}} bersama {{instansi}}. {{tidak_dikenal}}"}
	if err := s.SaveTemplate(ctx, own); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTemplate(ctx, &all[0]); !errors.Is(err, ErrBuiltinTemplate) {
		t.Fatalf("saving over a shipped template: %v", err)
	}
	if err := s.SaveTemplate(ctx, &data.Template{Name: "Tanpa jenis", Body: "x"}); err == nil {
		t.Fatal("a template without kind was saved")
	}
	press, _ := s.Templates(ctx, "siaran_pers")
	if len(press) != 2 || press[0].ID != workflow.BuiltinPrefix+"siaran_pers" || press[1].ID != own.ID {
		t.Fatalf("press-release templates %v", press)
	}
	a1 := &data.Agency{Name: "Bawaslu Kabupaten Sleman", Kind: "bawaslu"}
	a2 := &data.Agency{Name: "Polres Sleman", Kind: "polri"}
	for _, a := range []*data.Agency{a1, a2} {
		if err := s.SaveAgency(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	d, err := s.DraftFromTemplate(ctx, own.ID, []string{a2.ID, a1.ID}, data.NewDate(2024, 9, 23))
	if err != nil {
		t.Fatal(err)
	}
	want := "Sleman, 23 September 2024 — KPU Kabupaten Sleman bersama Polres Sleman dan Bawaslu Kabupaten Sleman. {{tidak_dikenal}}"
	if d.Body != want || d.Title != "KPU Kabupaten Sleman: 2024" || d.Kind != "siaran_pers" || len(d.AgencyIDs) != 2 || d.ID != "" {
		t.Fatalf("draft from template: %q / %q / %+v", d.Title, d.Body, d)
	}
	if err := s.SaveDraft(ctx, d); err != nil {
		t.Fatalf("saving the draft: %v", err)
	}
	b, err := s.DraftFromTemplate(ctx, workflow.BuiltinPrefix+"pengumuman", nil, data.NewDate(2024, 9, 23))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.Body, "Ketua KPU Kabupaten Sleman") || !strings.Contains(b.Body, "NIP {{nip_pimpinan}}") {
		t.Errorf("shipped announcement filled as %q", b.Body)
	}
	if _, err := s.Template(ctx, workflow.BuiltinPrefix+"tidak_ada"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown shipped template: %v", err)
	}
}
