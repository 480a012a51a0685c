package store

import (
	"os"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

func TestSeedStagesIsIdempotent(t *testing.T) {
	s := newStore(t)
	want := len(workflow.DefaultStages())
	n, err := s.SeedStages(ctx)
	if err != nil || n != want {
		t.Fatalf("first seed: %d (%v), want %d", n, err, want)
	}
	if n, err := s.SeedStages(ctx); err != nil || n != 0 {
		t.Fatalf("second seed added %d (%v)", n, err)
	}
	if total, _ := rows(t, s, "stages"); total != int64(want) {
		t.Fatalf("%d stage rows", total)
	}
	// Shipped copies are not queued: every device makes them alike.
	if _, queued := rows(t, s, "stages"); queued != 0 {
		t.Fatalf("%d outbox entries after seeding", queued)
	}
	office, _ := s.CurrentOffice(ctx)
	kampanye, err := s.StagesByKey(ctx, "kampanye")
	if err != nil || len(kampanye) != 2 {
		t.Fatalf("kampanye stages: %v %v", kampanye, err)
	}
	for _, st := range kampanye {
		if st.ID != workflow.StageID(office.ID, st.Election, "kampanye") || st.UpdatedBy != workflow.SeedAuthor {
			t.Errorf("seeded stage %+v", st.Meta)
		}
	}
	// An office's edit and delete survive reseeding, and are queued.
	edited := kampanye[1]
	edited.Notes = "Dikoreksi kantor."
	if err := s.SaveStage(ctx, &edited); err != nil {
		t.Fatal(err)
	}
	tenang, _ := s.StagesByKey(ctx, "masa_tenang")
	if err := s.Delete(ctx, KindStage, tenang[0].ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.SeedStages(ctx); n != 0 {
		t.Fatalf("reseeding after edits added %d", n)
	}
	if got, _ := s.Stage(ctx, edited.ID); got.Notes != "Dikoreksi kantor." {
		t.Error("reseeding overwrote an edit")
	}
	if left, _ := s.StagesByKey(ctx, "masa_tenang"); len(left) != 1 {
		t.Errorf("reseeding restored a deleted stage: %d masa tenang", len(left))
	}
	if _, queued := rows(t, s, "stages"); queued != 2 {
		t.Errorf("%d outbox entries for one edit and one delete", queued)
	}
}

func TestStagesSeedOnFirstUseAndCurrentStage(t *testing.T) {
	s := newStore(t)
	own := &data.Stage{Name: "Hari jadi Kabupaten Sleman", Start: data.NewDate(2024, 5, 15), Category: data.StageLocal}
	if err := s.SaveStage(ctx, own); err != nil {
		t.Fatal(err)
	}
	if own.End != own.Start || own.Key != "" {
		t.Fatalf("normalised own stage %+v", own)
	}
	tests := []struct {
		day  data.Date
		want []string // keys, most specific first ("" for the office's own)
	}{
		// The last day of the nominations, shortest stage first; penyusunan_peraturan
		// (its end still to be checked) runs on to 14 December 2023.
		{data.NewDate(2023, 11, 25), []string{"pencalonan_presiden", "pencalonan_dpr_dprd", "pencalonan_dpd", "penyusunan_peraturan"}},
		{data.NewDate(2023, 11, 27), []string{"penyusunan_peraturan"}},                  // the day before the campaign
		{data.NewDate(2023, 11, 28), []string{"kampanye", "penyusunan_peraturan"}},      // its first day
		{data.NewDate(2024, 2, 10), []string{"kampanye"}},                               // its last day
		{data.NewDate(2024, 2, 11), []string{"masa_tenang"}},                            // the next day
		{data.NewDate(2024, 2, 14), []string{"pemungutan_suara", "penghitungan_suara"}}, // one-day stage first
		{data.NewDate(2024, 2, 15), []string{"penghitungan_suara", "rekapitulasi"}},     // ends as the next begins
		{data.NewDate(2024, 5, 15), []string{""}},                                       // the office's own event
		{data.NewDate(2024, 9, 22), []string{"penetapan_paslon"}},                       // Pilkada
		{data.NewDate(2024, 11, 27), []string{"pemungutan_suara", "rekapitulasi"}},      // Pilkada voting day
		{data.NewDate(2025, 1, 6), nil},                                                 // nothing
	}
	for _, tc := range tests {
		got, err := s.CurrentStages(ctx, tc.day)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, st := range got {
			keys = append(keys, st.Key)
		}
		if strings.Join(keys, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%s: stages %v, want %v", tc.day, keys, tc.want)
		}
		one, _ := s.CurrentStage(ctx, tc.day)
		if (one == nil) != (len(tc.want) == 0) || (one != nil && one.Key != tc.want[0]) {
			t.Errorf("%s: CurrentStage %v", tc.day, one)
		}
	}
	inYear, _ := s.Stages(ctx, data.NewDate(2024, 1, 1), data.NewDate(2024, 12, 31))
	if len(inYear) < 15 || inYear[0].Key != "kampanye" { // the Pemilu campaign started in 2023
		t.Fatalf("2024 stages: %d, first %q", len(inYear), inYear[0].Key)
	}
}

func TestShippedStagesDroppedWithThePlaceholderOffice(t *testing.T) {
	s := newStore(t)
	if _, err := s.Stages(ctx, data.Date{}, data.Date{}); err != nil { // seeds the placeholder office
		t.Fatal(err)
	}
	dropped, err := s.DropPlaceholderOffice(ctx)
	if err != nil || !dropped {
		t.Fatalf("placeholder not dropped (%v): its shipped stages hold it", err)
	}
	if n, _ := rows(t, s, "stages"); n != 0 {
		t.Fatalf("%d stages left", n)
	}
	// The trigger of migration 5 names the seed author literally.
	src, err := os.ReadFile("migrate.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "updated_by = '"+workflow.SeedAuthor+"'") {
		t.Fatal("migrate.go's stages_drop_seeds trigger does not match workflow.SeedAuthor")
	}
}

func TestStageValidation(t *testing.T) {
	s := newStore(t)
	err := s.SaveStage(ctx, &data.Stage{Key: "Hari Pahlawan!", Name: "", Start: data.NewDate(2024, 11, 10), End: data.NewDate(2024, 11, 9)})
	v, ok := data.AsValidation(err)
	if !ok || len(v) != 2 {
		t.Fatalf("got %v", err)
	}
	if _, ok := v.For("name"); !ok {
		t.Error("no error for the missing name")
	}
	if e, ok := v.For("end"); !ok || e.Error() != "Selesai tidak boleh sebelum tanggal mulai" {
		t.Errorf("end error %v", e)
	}
	st := &data.Stage{Key: "Hari Pahlawan!", Name: "Hari Pahlawan", Start: data.NewDate(2024, 11, 10), Category: data.StageNational}
	if err := s.SaveStage(ctx, st); err != nil || st.Key != "hari_pahlawan" {
		t.Fatalf("%v key %q", err, st.Key)
	}
}
