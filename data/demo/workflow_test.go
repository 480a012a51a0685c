package demo

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/workflow"
)

func TestDemoWorkflow(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	opt := Options{Year: 2024, Today: data.NewDate(2024, 11, 15)}
	if _, err := Load(ctx, st, opt); err != nil {
		t.Fatal(err)
	}
	counts := func() map[string]int {
		out := map[string]int{}
		for _, o := range []string{KPUOfficeID, DiskominfoOfficeID} {
			hs, _ := st.HoaxesBetween(ctx, []string{o}, data.Date{}, data.Date{})
			out["hoax"] += len(hs)
		}
		all, _ := st.Stages(ctx, data.Date{}, data.Date{})
		out["stage"] = len(all)
		tpl, _ := st.Templates(ctx, "")
		out["template"] = len(tpl)
		return out
	}
	first := counts()
	if first["hoax"] != 4 || first["stage"] != len(workflow.DefaultStages()) || first["template"] != 5 {
		t.Fatalf("demo workflow counts %v", first)
	}
	if _, err := Load(ctx, st, opt); err != nil {
		t.Fatal(err)
	}
	if again := counts(); again["hoax"] != first["hoax"] || again["stage"] != first["stage"] || again["template"] != first["template"] {
		t.Fatalf("second load changed %v → %v", first, again)
	}
	if n, _ := st.PendingChanges(ctx); n != 0 {
		t.Errorf("the demo queued %d changes", n)
	}
	if u, _ := st.LocalUser(ctx); u != LocalUser() {
		t.Errorf("local user %+v", u)
	}

	// Every demo draft's trail ends in its status, in order, by the office's people.
	for _, o := range offices() {
		w, r := People(o.office.ID)
		drafts, err := st.Drafts(ctx, store.Filter{OfficeID: o.office.ID}, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		withTrail := 0
		for _, d := range drafts {
			trail, _ := st.AuditTrail(ctx, d.ID)
			if len(trail) == 0 {
				if d.Status != data.StatusDraft {
					t.Errorf("%q (%s) has no trail", d.Title, d.Status)
				}
				continue
			}
			withTrail++
			last := trail[len(trail)-1]
			if last.ToStatus != d.Status || last.Revision != d.Revision {
				t.Errorf("%q: trail ends %s rev %d, draft %s rev %d", d.Title, last.ToStatus, last.Revision, d.Status, d.Revision)
			}
			for i, a := range trail {
				if a.Step != i+1 || (i > 0 && a.FromStatus != trail[i-1].ToStatus) || (i > 0 && a.At.Before(trail[i-1].At)) {
					t.Errorf("%q: step %d %+v", d.Title, i+1, a)
				}
				if a.ActorName != w.Name && a.ActorName != r.Name {
					t.Errorf("%q: actor %q", d.Title, a.ActorName)
				}
				if err := a.Validate(); err != nil {
					t.Errorf("%q: %v", d.Title, err)
				}
			}
		}
		if withTrail < 4 {
			t.Errorf("%s: %d drafts with a trail", o.office.Name, withTrail)
		}
	}

	// The register: one open case, and the others' times to clarify.
	open, _ := st.OpenHoaxes(ctx)
	if len(open) != 1 {
		t.Fatalf("open cases %v", open)
	}
	if d, err := st.Draft(ctx, open[0].DraftID); err != nil || d.Status != data.StatusApproved {
		t.Errorf("the open case's clarification: %v %v", d, err)
	}
	quarters, _ := st.HoaxQuarters(ctx, 2024)
	total := 0
	for _, q := range quarters {
		total += q.Cases
	}
	if total != 3 {
		t.Errorf("KPU cases in 2024: %d", total)
	}

	// The demo's calendar: the Pilkada stage on "today", something planned ahead.
	o, err := st.Outlook(ctx, opt.Today, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Stages) == 0 || o.Stages[0].Key != "kampanye" || len(o.Items) == 0 || o.OpenHoaxes != 1 {
		t.Errorf("outlook %+v", o)
	}

	// The demo verifier, signed in, may approve the writer's submission,
	// and not their own.
	if _, err := st.SignIn(ctx, PersonID(KPUOfficeID, "verifikator"), Password); err != nil {
		t.Fatal(err)
	}
	review, _ := st.Draft(ctx, stableID(KPUOfficeID+"/workflow/2024/draft/cek-dpt"))
	if _, err := st.Approve(ctx, review.ID, "Silakan terbitkan."); err != nil {
		t.Fatalf("the demo user cannot approve the writer's draft: %v", err)
	}
	mine := &data.Draft{Title: "Draf pengguna demo", Kind: "pengumuman"}
	if err := st.SaveDraft(ctx, mine); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Submit(ctx, mine.ID, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Approve(ctx, mine.ID, ""); !errors.Is(err, workflow.ErrSelfApproval) {
		t.Fatalf("self-approval in the demo: %v", err)
	}
}
