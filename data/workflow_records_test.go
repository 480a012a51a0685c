package data

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestWorkflowRecordsValidate(t *testing.T) {
	at := time.Date(2024, 11, 20, 8, 0, 0, 0, time.UTC)
	audit := func(f func(*Audit)) Record {
		a := &Audit{DraftID: "d", FromStatus: StatusDraft, ToStatus: StatusSubmitted, ActorName: "Rina", ActorRole: RoleWriter, At: at}
		f(a)
		return a
	}
	tests := []struct {
		name   string
		rec    Record
		fields []string
	}{
		{"audit", audit(func(*Audit) {}), nil},
		{"audit needs draft, actor, role, time", audit(func(a *Audit) { a.DraftID, a.ActorName, a.ActorRole, a.At = "", "", "", time.Time{} }),
			[]string{"draft_id", "actor_name", "actor_role", "at"}},
		{"audit unknown status", audit(func(a *Audit) { a.ToStatus = "dihapus" }), []string{"to_status"}},
		{"submission with findings needs a reason", audit(func(a *Audit) { a.Findings = 2 }), []string{"override_reason"}},
		{"submission with findings and reason", audit(func(a *Audit) { a.Findings, a.OverrideReason = 2, "kutipan resmi" }), nil},
		{"negative findings", audit(func(a *Audit) { a.Findings, a.OverrideReason = -1, "x" }), []string{"findings"}},
		{"template", &Template{Name: "Siaran pers", DraftKind: "siaran_pers", Body: "{{nama_kantor}}"}, nil},
		{"template needs name, kind, body", &Template{DraftKind: "berita"}, []string{"name", "draft_kind", "body"}},
		{"draft publication link", &Draft{Title: "x", Kind: "lainnya", PublishedLink: "kpu.go.id/x"}, []string{"published_link"}},
		{"photo of nothing", &Photo{Hash: strings.Repeat("a", 64), Mime: "image/png"}, []string{"entry_id"}},
		{"photo of a draft", &Photo{DraftID: "d", Hash: strings.Repeat("a", 64), Mime: "image/png", ShowsOfficial: true}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.rec.Normalize()
			err := tc.rec.Validate()
			v, _ := AsValidation(err)
			if len(v) != len(tc.fields) {
				t.Fatalf("got %v, want errors for %v", err, tc.fields)
			}
			for _, f := range tc.fields {
				if _, ok := v.For(f); !ok {
					t.Errorf("no error for %s in %v", f, v)
				}
			}
		})
	}
	if e := (&Template{DraftKind: "siaran_pers", Body: "x"}).Validate(); e == nil || e.Error() != "Nama templat wajib diisi" {
		t.Errorf("template message %v", e)
	}
}

func TestWorkflowRecordsJSON(t *testing.T) {
	clar := time.Date(2024, 11, 20, 15, 0, 0, 0, time.UTC)
	h := Hoax{Claim: "x", Platform: "x", FoundAt: clar.Add(-time.Hour), ClarifiedAt: &clar}
	b, _ := json.Marshal(h)
	for _, k := range []string{`"claim"`, `"platform"`, `"found_at"`, `"draft_id"`, `"clarified_at":"2024-11-20T15:00:00Z"`, `"notes"`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("hoax JSON %s lacks %s", b, k)
		}
	}
	h.ClarifiedAt = nil
	b, _ = json.Marshal(h)
	if !strings.Contains(string(b), `"clarified_at":null`) {
		t.Errorf("open case JSON %s", b)
	}
	s := Stage{Key: "kampanye", Name: "Masa kampanye", Start: NewDate(2024, 9, 25), End: NewDate(2024, 11, 23)}
	b, _ = json.Marshal(s)
	if !strings.Contains(string(b), `"start":"2024-09-25","end":"2024-11-23"`) {
		t.Errorf("stage JSON %s", b)
	}
	d := Draft{Title: "x", Revision: 2, PublishedAt: NewDate(2024, 1, 2), PublishedLink: "https://a.id"}
	b, _ = json.Marshal(d)
	if !strings.Contains(string(b), `"revision":2,"published_at":"2024-01-02","published_link":"https://a.id"`) {
		t.Errorf("draft JSON %s", b)
	}
	// A draft from an older app has no revision: it reads as revision 1.
	var old Draft
	if err := json.Unmarshal([]byte(`{"title":"x","kind":"lainnya","status":"draf"}`), &old); err != nil {
		t.Fatal(err)
	}
	old.Normalize()
	if old.Revision != 1 || old.WasPublished() || old.CalendarDay() != (Date{}) {
		t.Errorf("old draft %+v", old)
	}
}

func TestStageKeyAndUsers(t *testing.T) {
	for in, want := range map[string]string{"Masa Tenang": "masa_tenang", "  penetapan_paslon ": "penetapan_paslon",
		"Hari Pahlawan (10/11)": "hari_pahlawan_10_11", "Pemungutan—suara": "pemungutan_suara", "Rapat é": "rapat"} {
		if got := StageKey(in); got != want {
			t.Errorf("StageKey(%q) = %q, want %q", in, got, want)
		}
	}
	if !SamePerson("Sri  Lestari", " sri lestari") || SamePerson("", "") || SamePerson("Sri", "Sri Lestari") {
		t.Error("SamePerson")
	}
	u := User{Name: " Rina ", Role: "kepala"}
	u.Normalize()
	if v, _ := AsValidation(u.Validate()); len(v) != 1 || v[0].Field != "role" {
		t.Errorf("user validation %v", u.Validate())
	}
}
