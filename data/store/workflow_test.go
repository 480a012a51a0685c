package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

var (
	writer   = data.User{Name: "Rina Kusumawati", Position: "Staf Humas", Role: data.RoleWriter}
	reviewer = data.User{Name: "Bagus Prasetyo", Position: "Kasubbag Humas", Role: data.RoleReviewer}
	both     = data.User{Name: "Sri Lestari", Position: "Pranata Humas", Role: data.RoleBoth}
)

func as(t *testing.T, s *Store, u data.User) {
	t.Helper()
	if err := s.SetLocalUser(ctx, u); err != nil {
		t.Fatal(err)
	}
}

func newDraft(t *testing.T, s *Store) *data.Draft {
	t.Helper()
	d := &data.Draft{Title: "Siaran pers tahapan kampanye", Kind: "siaran_pers", Body: "Isi awal.",
		PlannedDate: data.NewDate(2024, 10, 1)}
	if err := s.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	return d
}

// toStatus drives a fresh draft to status through the workflow, as the
// writer (submission) and the reviewer (decision).
func toStatus(t *testing.T, s *Store, status string) *data.Draft {
	t.Helper()
	as(t, s, writer)
	d := newDraft(t, s)
	step := func(u data.User, f func() (*data.Draft, error)) {
		t.Helper()
		as(t, s, u)
		var err error
		if d, err = f(); err != nil {
			t.Fatalf("to %s: %v", status, err)
		}
	}
	submit := func() (*data.Draft, error) { return s.Submit(ctx, d.ID, "", 0, "") }
	switch status {
	case data.StatusDraft:
	case data.StatusSubmitted:
		step(writer, submit)
	case data.StatusReturned:
		step(writer, submit)
		step(reviewer, func() (*data.Draft, error) { return s.Return(ctx, d.ID, "Tambahkan sumber data.") })
	case data.StatusApproved, data.StatusPublished:
		step(writer, submit)
		step(reviewer, func() (*data.Draft, error) { return s.Approve(ctx, d.ID, "") })
		if status == data.StatusPublished {
			step(writer, func() (*data.Draft, error) {
				return s.Publish(ctx, d.ID, "https://kab-sleman.kpu.go.id/berita/1", time.Date(2024, 10, 1, 9, 0, 0, 0, time.Local), "")
			})
		}
	default:
		t.Fatalf("toStatus %s", status)
	}
	return d
}

func TestEveryTransition(t *testing.T) {
	statuses := data.DraftStatuses.Codes()
	actions := []workflow.Action{workflow.Submit, workflow.Withdraw, workflow.Approve, workflow.Return, workflow.Publish, workflow.Revise}
	allowed := map[string]string{} // action/from → to
	for _, tr := range workflow.Transitions {
		allowed[string(tr.Action)+"/"+tr.From] = tr.To
	}
	if len(allowed) != 8 {
		t.Fatalf("transition table has %d entries", len(allowed))
	}
	do := func(s *Store, a workflow.Action, id string) (*data.Draft, error) {
		switch a {
		case workflow.Submit:
			return s.Submit(ctx, id, "siap ditinjau", 0, "")
		case workflow.Withdraw:
			return s.Withdraw(ctx, id, "ada salah ketik")
		case workflow.Approve:
			return s.Approve(ctx, id, "")
		case workflow.Return:
			return s.Return(ctx, id, "Perbaiki judul.")
		case workflow.Publish:
			return s.Publish(ctx, id, "https://contoh.go.id/berita", time.Now(), "")
		case workflow.Revise:
			return s.NewRevision(ctx, id, "koreksi angka")
		}
		panic(a)
	}
	for _, from := range statuses {
		for _, a := range actions {
			t.Run(string(a)+"/"+from, func(t *testing.T) {
				s := newStore(t)
				d := toStatus(t, s, from)
				before, _ := s.AuditTrail(ctx, d.ID)
				_, queued := rows(t, s, "drafts")
				as(t, s, both) // a role that may do everything, and not the submitter
				got, err := do(s, a, d.ID)
				to, ok := allowed[string(a)+"/"+from]
				after, _ := s.AuditTrail(ctx, d.ID)
				stored, _ := s.Draft(ctx, d.ID)
				_, queuedAfter := rows(t, s, "drafts")
				if !ok {
					var te *workflow.TransitionError
					if !errors.As(err, &te) || te.From != from {
						t.Fatalf("refused with %v, want a TransitionError", err)
					}
					fromLabel := data.DraftStatuses.Label(from, data.LangID)
					if !strings.Contains(err.Error(), fromLabel) || !strings.Contains(err.Error(), data.DraftStatuses.Label(te.To, data.LangID)) {
						t.Errorf("error %q does not name both states", err)
					}
					if len(after) != len(before) || stored.Status != from || queuedAfter != queued {
						t.Errorf("a refused transition wrote: trail %d→%d, status %s, outbox %d→%d", len(before), len(after), stored.Status, queued, queuedAfter)
					}
					return
				}
				if err != nil {
					t.Fatalf("allowed transition refused: %v", err)
				}
				if got.Status != to || stored.Status != to {
					t.Fatalf("status %s / stored %s, want %s", got.Status, stored.Status, to)
				}
				if len(after) != len(before)+1 {
					t.Fatalf("trail %d → %d", len(before), len(after))
				}
				last := after[len(after)-1]
				if last.Action != string(a) || last.FromStatus != from || last.ToStatus != to || last.ActorName != both.Name ||
					last.ActorPosition != both.Position || last.ActorRole != both.Role || !last.Legacy() || last.ActorDevice == "" ||
					last.At.IsZero() || time.Since(last.At) > time.Minute || last.Step != len(after) || last.Revision != stored.Revision {
					t.Errorf("audit %+v", last)
				}
				if queuedAfter != queued+2 { // the draft and its audit, together
					t.Errorf("outbox %d → %d, want +2", queued, queuedAfter)
				}
				wantRev := d.Revision
				if a == workflow.Revise {
					wantRev++
				}
				if stored.Revision != wantRev {
					t.Errorf("revision %d, want %d", stored.Revision, wantRev)
				}
			})
		}
	}
}

func TestRolesAndSelfApproval(t *testing.T) {
	tests := []struct {
		name    string
		submit  data.User // who submits
		decide  data.User // who then tries
		action  workflow.Action
		wantErr error // nil: allowed; workflow.ErrSelfApproval; or a *RoleError (errRole)
	}{
		{"reviewer approves writer", writer, reviewer, workflow.Approve, nil},
		{"both approves writer", writer, both, workflow.Approve, nil},
		{"writer may not approve", both, writer, workflow.Approve, errRole},
		{"writer may not return", both, writer, workflow.Return, errRole},
		{"both may not approve own", both, both, workflow.Approve, workflow.ErrSelfApproval},
		{"same name other spelling", both, data.User{Name: "  sri   LESTARI ", Role: data.RoleReviewer}, workflow.Approve, workflow.ErrSelfApproval},
		{"both may return own", both, both, workflow.Return, nil},
		{"reviewer may not withdraw", writer, reviewer, workflow.Withdraw, errRole},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			as(t, s, tc.submit)
			d := newDraft(t, s)
			if _, err := s.Submit(ctx, d.ID, "", 0, ""); err != nil {
				t.Fatal(err)
			}
			as(t, s, tc.decide)
			var err error
			switch tc.action {
			case workflow.Approve:
				_, err = s.Approve(ctx, d.ID, "")
			case workflow.Return:
				_, err = s.Return(ctx, d.ID, "Mohon diperbaiki.")
			case workflow.Withdraw:
				_, err = s.Withdraw(ctx, d.ID, "")
			}
			switch {
			case tc.wantErr == nil && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.wantErr == errRole:
				var re *workflow.RoleError
				if !errors.As(err, &re) {
					t.Fatalf("got %v, want a RoleError", err)
				}
			case tc.wantErr != nil && !errors.Is(err, tc.wantErr):
				t.Fatalf("got %v, want %v", err, tc.wantErr)
			}
		})
	}

	t.Run("writer cannot submit without a user", func(t *testing.T) {
		s := newStore(t)
		d := newDraft(t, s)
		if _, err := s.Submit(ctx, d.ID, "", 0, ""); !errors.Is(err, workflow.ErrNoUser) {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("resubmission by another writer lets the first approve", func(t *testing.T) {
		s := newStore(t)
		d := toStatus(t, s, data.StatusReturned) // submitted by writer, returned by reviewer
		as(t, s, both)
		if _, err := s.Submit(ctx, d.ID, "sudah diperbaiki", 0, ""); err != nil {
			t.Fatal(err)
		}
		as(t, s, data.User{Name: writer.Name, Role: data.RoleBoth}) // the last submission is not theirs
		if _, err := s.Approve(ctx, d.ID, ""); err != nil {
			t.Fatal(err)
		}
	})
}

var errRole = errors.New("role error")

func TestReturnNeedsNoteAndPublishNeedsLinkAndDate(t *testing.T) {
	s := newStore(t)
	d := toStatus(t, s, data.StatusSubmitted)
	as(t, s, reviewer)
	if _, err := s.Return(ctx, d.ID, "   "); !errors.Is(err, workflow.ErrNoteRequired) {
		t.Fatalf("return without note: %v", err)
	}
	if _, err := s.Approve(ctx, d.ID, "Bagus."); err != nil {
		t.Fatal(err)
	}
	as(t, s, writer)
	for _, tc := range []struct {
		link string
		at   time.Time
		want error
	}{
		{"", time.Now(), workflow.ErrPublishLink},
		{"kab-sleman.kpu.go.id/berita", time.Now(), workflow.ErrPublishLink},
		{"https://kab-sleman.kpu.go.id/berita/2", time.Time{}, workflow.ErrPublishTime},
	} {
		if _, err := s.Publish(ctx, d.ID, tc.link, tc.at, ""); !errors.Is(err, tc.want) {
			t.Errorf("publish %q %v: %v, want %v", tc.link, tc.at, err, tc.want)
		}
	}
	at := time.Date(2024, 10, 2, 15, 40, 0, 0, time.Local)
	got, err := s.Publish(ctx, d.ID, " https://kab-sleman.kpu.go.id/berita/2 ", at, "")
	if err != nil {
		t.Fatal(err)
	}
	if got.PublishedAt != data.NewDate(2024, 10, 2) || got.PublishedLink != "https://kab-sleman.kpu.go.id/berita/2" {
		t.Fatalf("publication %v %q", got.PublishedAt, got.PublishedLink)
	}
	trail, _ := s.AuditTrail(ctx, d.ID)
	if last := trail[len(trail)-1]; last.Note != "Terbit di https://kab-sleman.kpu.go.id/berita/2" {
		t.Errorf("publish note %q", last.Note)
	}
}

func TestSubmitWithFindings(t *testing.T) {
	s := newStore(t)
	as(t, s, writer)
	d := newDraft(t, s)
	var fe *workflow.FindingsError
	if _, err := s.Submit(ctx, d.ID, "", 2, ""); !errors.As(err, &fe) || fe.Findings != 2 {
		t.Fatalf("findings without reason: %v", err)
	}
	if !strings.Contains(fe.Error(), "2 temuan") {
		t.Errorf("message %q", fe.Error())
	}
	if _, err := s.Submit(ctx, d.ID, "", -1, ""); !errors.Is(err, workflow.ErrNegative) {
		t.Fatalf("negative findings: %v", err)
	}
	if trail, _ := s.AuditTrail(ctx, d.ID); len(trail) != 0 {
		t.Fatalf("refused submissions left %d audits", len(trail))
	}
	reason := "Foto bupati adalah dokumentasi resmi peresmian, bukan materi sosialisasi pemilihan."
	if _, err := s.Submit(ctx, d.ID, "mohon ditinjau", 2, reason); err != nil {
		t.Fatal(err)
	}
	trail, _ := s.AuditTrail(ctx, d.ID)
	if len(trail) != 1 || trail[0].Findings != 2 || trail[0].OverrideReason != reason || trail[0].Note != "mohon ditinjau" {
		t.Fatalf("trail %+v", trail)
	}
}

func TestLockedDraftsAndNewRevision(t *testing.T) {
	for _, status := range []string{data.StatusSubmitted, data.StatusApproved, data.StatusPublished} {
		t.Run(status, func(t *testing.T) {
			s := newStore(t)
			d := toStatus(t, s, status)
			edited := *d
			edited.Body = "Isi diubah diam-diam."
			err := s.SaveDraft(ctx, &edited)
			if !errors.Is(err, workflow.ErrLocked) {
				t.Fatalf("edit of a %s draft: %v", status, err)
			}
			if !strings.Contains(err.Error(), "revisi baru") && status != data.StatusSubmitted {
				t.Errorf("message %q does not say how to edit", err)
			}
			same := *d
			if err := s.SaveDraft(ctx, &same); err != nil {
				t.Fatalf("saving it unchanged: %v", err)
			}
			if stored, _ := s.Draft(ctx, d.ID); stored.Body != "Isi awal." {
				t.Fatal("the locked draft changed")
			}
			if status == data.StatusSubmitted {
				return
			}
			as(t, s, writer)
			rev, err := s.NewRevision(ctx, d.ID, "Koreksi jumlah TPS.")
			if err != nil {
				t.Fatal(err)
			}
			if rev.Status != data.StatusDraft || rev.Revision != 2 {
				t.Fatalf("after NewRevision: %s rev %d", rev.Status, rev.Revision)
			}
			if status == data.StatusPublished && (rev.PublishedAt.IsZero() || !rev.WasPublished()) {
				t.Error("a correction lost the publication")
			}
			rev.Body = "Isi revisi kedua."
			if err := s.SaveDraft(ctx, rev); err != nil {
				t.Fatalf("editing the new revision: %v", err)
			}
			trail, _ := s.AuditTrail(ctx, d.ID)
			last := trail[len(trail)-1]
			if last.Action != string(workflow.Revise) || last.FromStatus != status || last.ToStatus != data.StatusDraft ||
				last.Revision != 2 || last.Note != "Koreksi jumlah TPS." || last.ActorName != writer.Name {
				t.Errorf("revision audit %+v", last)
			}
			// The new revision needs approval again.
			if _, err := s.Submit(ctx, d.ID, "", 0, ""); err != nil {
				t.Fatal(err)
			}
			as(t, s, reviewer)
			if got, err := s.Approve(ctx, d.ID, ""); err != nil || got.Revision != 2 {
				t.Fatalf("approving revision 2: %v", err)
			}
		})
	}
}

func TestSaveDraftKeepsWorkflowFields(t *testing.T) {
	s := newStore(t)
	d := &data.Draft{Title: "Langsung terbit", Kind: "pengumuman", Status: data.StatusPublished}
	if err := s.SaveDraft(ctx, d); !errors.Is(err, ErrStatusByWorkflow) {
		t.Fatalf("new published draft: %v", err)
	}
	d = newDraft(t, s)
	d.Status = data.StatusApproved
	if err := s.SaveDraft(ctx, d); !errors.Is(err, ErrStatusByWorkflow) {
		t.Fatalf("status by save: %v", err)
	}
	d.Status = data.StatusDraft
	d.Revision, d.PublishedLink, d.PublishedAt = 7, "https://contoh.go.id/x", data.NewDate(2024, 1, 1)
	if err := s.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	stored, _ := s.Draft(ctx, d.ID)
	if stored.Revision != 1 || stored.PublishedLink != "" || !stored.PublishedAt.IsZero() {
		t.Fatalf("workflow fields taken from the form: %+v", stored)
	}
	// Editing a returned draft is fine.
	r := toStatus(t, s, data.StatusReturned)
	r.Body = "Sudah ditambah sumber data."
	if err := s.SaveDraft(ctx, r); err != nil {
		t.Fatal(err)
	}
}

func TestAuditsAreImmutableAndSync(t *testing.T) {
	s := newStore(t)
	d := toStatus(t, s, data.StatusApproved)
	trail, _ := s.AuditTrail(ctx, d.ID)
	if len(trail) != 2 || trail[0].ToStatus != data.StatusSubmitted || trail[1].ToStatus != data.StatusApproved ||
		trail[0].ActorName != writer.Name || trail[1].ActorName != reviewer.Name || trail[0].Step != 1 || trail[1].Step != 2 {
		t.Fatalf("trail %+v", trail)
	}
	if err := s.Delete(ctx, KindAudit, trail[0].ID); !errors.Is(err, ErrAuditImmutable) {
		t.Fatalf("deleting an audit: %v", err)
	}
	kinds := map[string]int{}
	queue, _ := s.Outbox(ctx, 100)
	for _, e := range queue {
		kinds[e.Kind]++
	}
	if kinds["audit"] != 2 || kinds["draft"] != 3 {
		t.Fatalf("outbox kinds %v", kinds)
	}
}

func TestTransitionsOnOtherOfficesAreRefused(t *testing.T) {
	s := newStore(t)
	other := &data.Office{Name: "KPU Bantul", Kind: "kpu", Level: "kabupaten"}
	if _, err := s.InsertBatch(ctx, []data.Record{other}, false); err != nil {
		t.Fatal(err)
	}
	d := &data.Draft{Meta: data.Meta{OfficeID: other.ID}, Title: "Milik Bantul", Kind: "siaran_pers"}
	if _, err := s.InsertBatch(ctx, []data.Record{d}, false); err != nil {
		t.Fatal(err)
	}
	as(t, s, both)
	if _, err := s.Submit(ctx, d.ID, "", 0, ""); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("submitting another office's draft: %v", err)
	}
	if _, err := s.Submit(ctx, "tidak-ada", "", 0, ""); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing draft: %v", err)
	}
}

func TestLocalUser(t *testing.T) {
	s := newStore(t)
	if u, err := s.LocalUser(ctx); err != nil || u != (data.User{}) {
		t.Fatalf("fresh: %+v %v", u, err)
	}
	err := s.SetLocalUser(ctx, data.User{Name: "  Rina  ", Role: "admin"})
	if v, ok := data.AsValidation(err); !ok || len(v) != 1 || v[0].Field != "role" {
		t.Fatalf("unknown role: %v", err)
	}
	if err := s.SetLocalUser(ctx, data.User{Name: " Rina   Kusumawati ", Position: "Staf", Role: data.RoleBoth}); err != nil {
		t.Fatal(err)
	}
	if u, _ := s.LocalUser(ctx); u.Name != "Rina Kusumawati" || u.Role != data.RoleBoth || u.Position != "Staf" {
		t.Fatalf("stored %+v", u)
	}
	d := newDraft(t, s)
	if d.UpdatedBy != "Rina Kusumawati" {
		t.Errorf("updated_by %q", d.UpdatedBy)
	}
}
