package store

import (
	"errors"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

func ptime(t time.Time) *time.Time { return &t }

func TestHoaxValidation(t *testing.T) {
	s := newStore(t)
	found := time.Date(2024, 11, 20, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		h      data.Hoax
		fields []string
	}{
		{"valid open", data.Hoax{Claim: "Surat suara sudah dicoblos", Platform: "tiktok", FoundAt: found}, nil},
		{"valid clarified", data.Hoax{Claim: "TPS dipindah", Platform: "situs_web", Link: "https://contoh.com/a",
			FoundAt: found, ClarifiedAt: ptime(found.Add(3 * time.Hour))}, nil},
		{"clarified at the same moment", data.Hoax{Claim: "x", Platform: "x", FoundAt: found, ClarifiedAt: ptime(found)}, nil},
		{"claim required", data.Hoax{Claim: "  ", Platform: "whatsapp", FoundAt: found}, []string{"claim"}},
		{"platform required", data.Hoax{Claim: "x", FoundAt: found}, []string{"platform"}},
		{"platform vocabulary", data.Hoax{Claim: "x", Platform: "telegram", FoundAt: found}, []string{"platform"}},
		{"link must be a URL", data.Hoax{Claim: "x", Platform: "facebook", Link: "facebook.com/post/1", FoundAt: found}, []string{"link"}},
		{"found required", data.Hoax{Claim: "x", Platform: "facebook"}, []string{"found_at"}},
		{"clarified before found", data.Hoax{Claim: "x", Platform: "instagram", FoundAt: found, ClarifiedAt: ptime(found.Add(-time.Minute))}, []string{"clarified_at"}},
		{"unknown clarification draft", data.Hoax{Claim: "x", Platform: "youtube", FoundAt: found, DraftID: "tidak-ada"}, []string{"draft_id"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := tc.h
			err := s.SaveHoax(ctx, &h)
			if len(tc.fields) == 0 {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			v, ok := data.AsValidation(err)
			if !ok || len(v) != len(tc.fields) {
				t.Fatalf("got %v, want errors for %v", err, tc.fields)
			}
			for _, f := range tc.fields {
				if _, ok := v.For(f); !ok {
					t.Errorf("no error for %s in %v", f, v)
				}
			}
		})
	}
	h := data.Hoax{Claim: "x", Platform: "instagram", FoundAt: found, ClarifiedAt: ptime(found.Add(-time.Hour))}
	if err := s.SaveHoax(ctx, &h); err == nil || err.Error() != "Waktu klarifikasi terbit tidak boleh sebelum waktu hoaks ditemukan" {
		t.Errorf("message %v", err)
	}
}

func TestHoaxRegisterPeriodsAndPublish(t *testing.T) {
	s := newStore(t)
	local := time.FixedZone("WIB", 7*3600)
	old := time.Local
	time.Local = local // the office's zone decides the day a case was found
	t.Cleanup(func() { time.Local = old })

	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, local) }
	cases := []*data.Hoax{
		// 31 March 23:30 WIB is 16:30 UTC: the first quarter.
		{Claim: "Akhir Maret", Platform: "whatsapp", FoundAt: at(2024, 3, 31, 23, 30), ClarifiedAt: ptime(at(2024, 4, 1, 9, 30))},
		// 1 April 05:00 WIB is 31 March 22:00 UTC: the second quarter.
		{Claim: "Awal April", Platform: "facebook", FoundAt: at(2024, 4, 1, 5, 0)},
		{Claim: "Juni", Platform: "x", FoundAt: at(2024, 6, 30, 12, 0), ClarifiedAt: ptime(at(2024, 7, 2, 12, 0))},
	}
	for _, h := range cases {
		if err := s.SaveHoax(ctx, h); err != nil {
			t.Fatal(err)
		}
	}
	q2, err := s.Hoaxes(ctx, data.NewDate(2024, 4, 1), data.NewDate(2024, 6, 30))
	if err != nil {
		t.Fatal(err)
	}
	if len(q2) != 2 || q2[0].Claim != "Awal April" || q2[1].Claim != "Juni" {
		t.Fatalf("second quarter %v", q2)
	}
	quarters, _ := s.HoaxQuarters(ctx, 2024)
	if len(quarters) != 4 || quarters[0].Cases != 1 || quarters[1].Cases != 2 || quarters[1].Open != 1 ||
		quarters[1].MedianHours != 48 || quarters[0].MeanHours != 10 {
		t.Fatalf("quarters %+v", quarters)
	}

	// Publishing the clarification closes its open case, in one transaction.
	as(t, s, writer)
	d := &data.Draft{Title: "Klarifikasi: tidak benar", Kind: "klarifikasi_hoaks"}
	if err := s.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	open := cases[1]
	open.DraftID = d.ID
	if err := s.SaveHoax(ctx, open); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Submit(ctx, d.ID, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	as(t, s, reviewer)
	if _, err := s.Approve(ctx, d.ID, ""); err != nil {
		t.Fatal(err)
	}
	pub := at(2024, 4, 1, 16, 45)
	if _, err := s.Publish(ctx, d.ID, "https://contoh.go.id/klarifikasi", pub, ""); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Hoax(ctx, open.ID)
	if got.ClarifiedAt == nil || !got.ClarifiedAt.Equal(pub) {
		t.Fatalf("clarified at %v, want %v", got.ClarifiedAt, pub)
	}
	if dur, ok := workflow.TimeToClarify(got); !ok || dur != 11*time.Hour+45*time.Minute {
		t.Errorf("time to clarify %v", dur)
	}
	if left, _ := s.OpenHoaxes(ctx); len(left) != 0 {
		t.Errorf("open cases left: %v", left)
	}
	if of, _ := s.HoaxesOfDraft(ctx, d.ID); len(of) != 1 {
		t.Errorf("cases of the draft: %v", of)
	}
	if err := s.Delete(ctx, KindHoax, got.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Hoax(ctx, got.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted case: %v", err)
	}
}
