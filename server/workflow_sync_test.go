package server_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncclient"
	"github.com/humasdesk/humasdesk/data/workflow"
	"github.com/humasdesk/humasdesk/server"
)

// The content workflow's kinds (audit, stage, template, hoax) sync like
// every record: made on one device, they reach the office's other devices
// and the coordinator. The shipped stages every device makes for itself
// never travel, so two devices of one office do not conflict over them.

func TestWorkflowKindsReachTheCoordinator(t *testing.T) {
	w := newWorld(t)
	a1, a2, coord := w.device(w.a), w.device(w.a), w.device(w.prov)

	// Both devices of the office make their copy of the shipped stages.
	for _, ls := range []*store.Store{a1, a2} {
		if _, err := ls.Stages(ctx, data.Date{}, data.Date{}); err != nil {
			t.Fatal(err)
		}
	}
	writer := data.User{Name: "Rina Kusumawati", Position: "Staf Humas", Role: data.RoleWriter}
	reviewer := data.User{Name: "Bagus Prasetyo", Position: "Kasubbag Humas", Role: data.RoleReviewer}
	if err := a1.SetLocalUser(ctx, writer); err != nil {
		t.Fatal(err)
	}
	d := &data.Draft{Title: "Klarifikasi: surat suara tidak tercoblos", Kind: "klarifikasi_hoaks", Body: "Tidak benar."}
	if err := a1.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	hoax := &data.Hoax{Claim: "Surat suara sudah tercoblos", Platform: "whatsapp",
		FoundAt: time.Date(2024, 11, 20, 8, 0, 0, 0, time.UTC), DraftID: d.ID}
	if err := a1.SaveHoax(ctx, hoax); err != nil {
		t.Fatal(err)
	}
	if _, err := a1.Submit(ctx, d.ID, "mendesak", 1, "Kutipan resmi ketua KPU."); err != nil {
		t.Fatal(err)
	}
	stage := &data.Stage{Name: "Hari jadi Kabupaten Sleman", Start: data.NewDate(2024, 5, 15), Category: data.StageLocal}
	if err := a1.SaveStage(ctx, stage); err != nil {
		t.Fatal(err)
	}
	tpl := &data.Template{Name: "Siaran pers pleno", DraftKind: "siaran_pers", Body: "{{nama_kantor}} menggelar rapat pleno."}
	if err := a1.SaveTemplate(ctx, tpl); err != nil {
		t.Fatal(err)
	}
	kampanye, _ := a1.StagesByKey(ctx, "kampanye")
	corrected := kampanye[len(kampanye)-1]
	corrected.Notes = "Jadwal kampanye daerah kami dicek dengan KPU provinsi."
	if err := a1.SaveStage(ctx, &corrected); err != nil {
		t.Fatal(err)
	}

	rep := sync(t, a1)
	// The draft, its audit, the case, our stage, the corrected shipped
	// stage and the template; no untouched shipped stage.
	if rep.Applied != 6 || rep.Conflicts != 0 || rep.Rejected != 0 {
		t.Fatalf("first push: %+v", rep)
	}
	// The reviewer, on the other device, approves and publishes.
	if rep := sync(t, a2); rep.Conflicts != 0 || rep.Rejected != 0 {
		t.Fatalf("second device: %+v", rep)
	}
	if got, _ := a2.Stage(ctx, corrected.ID); got.Notes != corrected.Notes {
		t.Fatalf("the correction did not reach the office's other device: %+v", got)
	}
	if both, _ := a2.StagesByKey(ctx, "kampanye"); len(both) != 2 {
		t.Fatalf("the other device holds %d kampanye stages", len(both))
	}
	if err := a2.SetLocalUser(ctx, reviewer); err != nil {
		t.Fatal(err)
	}
	if _, err := a2.Approve(ctx, d.ID, "Silakan terbit."); err != nil {
		t.Fatal(err)
	}
	published := time.Date(2024, 11, 20, 14, 30, 0, 0, time.UTC)
	if _, err := a2.Publish(ctx, d.ID, "https://kab-sleman.kpu.go.id/klarifikasi", published, ""); err != nil {
		t.Fatal(err)
	}
	// The draft (its two changes squashed), the two audits, and the case
	// the publication closed.
	if rep := sync(t, a2); rep.Applied != 4 || rep.Conflicts != 0 || rep.Rejected != 0 {
		t.Fatalf("second device push: %+v", rep)
	}
	sync(t, a1)
	sync(t, coord)

	// The coordinator sees every kind, as written.
	trail, err := coord.AuditTrail(ctx, d.ID)
	if err != nil || len(trail) != 3 {
		t.Fatalf("coordinator's trail: %d (%v)", len(trail), err)
	}
	if s := trail[0]; s.ActorName != writer.Name || s.Findings != 1 || s.OverrideReason != "Kutipan resmi ketua KPU." || s.OfficeID != w.a.ID {
		t.Errorf("submission audit %+v", s)
	}
	if trail[1].ActorName != reviewer.Name || trail[1].ToStatus != data.StatusApproved || trail[2].ToStatus != data.StatusPublished {
		t.Errorf("trail %+v", trail)
	}
	if got, err := coord.Draft(ctx, d.ID); err != nil || got.Status != data.StatusPublished || got.PublishedLink == "" {
		t.Errorf("coordinator's draft %+v (%v)", got, err)
	}
	if got, err := coord.Hoax(ctx, hoax.ID); err != nil || got.ClarifiedAt == nil || !got.ClarifiedAt.Equal(published) || got.DraftID != d.ID {
		t.Errorf("coordinator's case %+v (%v)", got, err)
	}
	if got, err := coord.Stage(ctx, stage.ID); err != nil || got.Name != stage.Name || got.OfficeID != w.a.ID {
		t.Errorf("coordinator's stage %+v (%v)", got, err)
	}
	if got, err := coord.Stage(ctx, corrected.ID); err != nil || got.Notes != corrected.Notes {
		t.Errorf("coordinator's corrected stage %+v (%v)", got, err)
	}
	if got, err := coord.Template(ctx, tpl.ID); err != nil || got.Body != tpl.Body {
		t.Errorf("coordinator's template %+v (%v)", got, err)
	}
	untouched := workflow.StageID(w.a.ID, "Pemilu 2024", "masa_tenang")
	if _, err := coord.Stage(ctx, untouched); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an untouched shipped stage travelled: %v", err)
	}
	// The coordinator may read them, not write them.
	if err := coord.SaveTemplate(ctx, tpl); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("coordinator edited an office's template: %v", err)
	}
	// An audit record is never deleted, here or there.
	if err := a1.Delete(ctx, store.KindAudit, trail[0].ID); !errors.Is(err, store.ErrAuditImmutable) {
		t.Errorf("deleting an audit: %v", err)
	}
}

func TestEnrollmentRekeysShippedStages(t *testing.T) {
	w := newWorld(t)
	ls, err := store.Open(filepath.Join(t.TempDir(), "pre.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ls.Close()
	// Before enrollment: the placeholder office's copy, one correction, one own stage.
	if _, err := ls.Stages(ctx, data.Date{}, data.Date{}); err != nil {
		t.Fatal(err)
	}
	tenang, _ := ls.StagesByKey(ctx, "masa_tenang")
	tenang[0].Notes = "Dikoreksi sebelum pendaftaran."
	if err := ls.SaveStage(ctx, &tenang[0]); err != nil {
		t.Fatal(err)
	}
	own := &data.Stage{Name: "Festival demokrasi", Start: data.NewDate(2024, 8, 17)}
	if err := ls.SaveStage(ctx, own); err != nil {
		t.Fatal(err)
	}
	code, _, _ := w.st.NewEnrollment(ctx, w.b.ID, server.EnrollmentTTL)
	if _, err := syncclient.Enroll(ctx, ls, nil, w.srv.URL, code, "laptop humas"); err != nil {
		t.Fatal(err)
	}
	all, err := ls.Stages(ctx, data.Date{}, data.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(workflow.DefaultStages()) + 1; len(all) != want {
		t.Fatalf("%d stages after enrollment, want %d (the shipped ones once, and ours)", len(all), want)
	}
	keys := map[string]bool{}
	for _, s := range all {
		if s.OfficeID != w.b.ID {
			t.Fatalf("stage %q left on office %s", s.Name, s.OfficeID)
		}
		k := s.Election + "/" + s.Key
		if s.Key != "" && keys[k] {
			t.Fatalf("%s twice", k)
		}
		keys[k] = true
		if s.Key == "kampanye" && s.ID != workflow.StageID(w.b.ID, s.Election, "kampanye") {
			t.Errorf("untouched shipped stage not re-keyed to the server's office: %s", s.ID)
		}
	}
	if got, _ := ls.Stage(ctx, tenang[0].ID); got.Notes != "Dikoreksi sebelum pendaftaran." {
		t.Errorf("the correction was lost: %+v", got)
	}
	rep := sync(t, ls)
	if rep.Applied != 2 || rep.Conflicts != 0 { // the correction and our stage
		t.Fatalf("push after enrollment: %+v", rep)
	}
	// A second device of the office makes its own copy, and gets the two.
	ls2 := w.device(w.b)
	sync(t, ls2)
	all2, _ := ls2.Stages(ctx, data.Date{}, data.Date{})
	if len(all2) != len(all) {
		t.Fatalf("second device: %d stages, want %d", len(all2), len(all))
	}
	if rep := sync(t, ls2); rep.Conflicts != 0 || rep.Pushed != 0 {
		t.Errorf("second device pushed its copy: %+v", rep)
	}
}
