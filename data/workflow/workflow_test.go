package workflow

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
)

func TestPlan(t *testing.T) {
	w := data.User{Name: "Rina", Role: data.RoleWriter}
	r := data.User{Name: "Bagus", Role: data.RoleReviewer}
	b := data.User{Name: "Sri", Role: data.RoleBoth}
	now := time.Date(2024, 10, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		status string
		req    Request
		want   string // "" allowed, else the error's text must contain it
	}{
		{"submit", data.StatusDraft, Request{Action: Submit, User: w}, ""},
		{"submit new", "", Request{Action: Submit, User: w}, ""},
		{"resubmit", data.StatusReturned, Request{Action: Submit, User: b}, ""},
		{"reviewer cannot submit", data.StatusDraft, Request{Action: Submit, User: r}, "peran Verifikator tidak dapat melakukan \"Ajukan\""},
		{"findings need reason", data.StatusDraft, Request{Action: Submit, User: w, Findings: 3}, "3 temuan"},
		{"findings with reason", data.StatusDraft, Request{Action: Submit, User: w, Findings: 3, OverrideReason: "kutipan resmi"}, ""},
		{"approve", data.StatusSubmitted, Request{Action: Approve, User: r, LastSubmitter: "Rina"}, ""},
		{"approve own", data.StatusSubmitted, Request{Action: Approve, User: b, LastSubmitter: " SRI "}, "Anda ajukan sendiri"},
		{"writer cannot approve", data.StatusSubmitted, Request{Action: Approve, User: w, LastSubmitter: "Sri"}, "aksi ini untuk peran Verifikator"},
		{"return needs note", data.StatusSubmitted, Request{Action: Return, User: r}, "catatan untuk penulis wajib diisi"},
		{"approve twice", data.StatusApproved, Request{Action: Approve, User: r}, `dari "Disetujui" menjadi "Disetujui"`},
		{"publish unapproved", data.StatusSubmitted, Request{Action: Publish, User: w, Link: "https://a.go.id", PublishedAt: now}, `dari "Diajukan" menjadi "Terbit"`},
		{"publish", data.StatusApproved, Request{Action: Publish, User: r, Link: "https://a.go.id/x", PublishedAt: now}, ""},
		{"publish without link", data.StatusApproved, Request{Action: Publish, User: w, PublishedAt: now}, "tautan terbit wajib"},
		{"revise draft", data.StatusDraft, Request{Action: Revise, User: w}, `dari "Draf" menjadi "Draf"`},
		{"revise published", data.StatusPublished, Request{Action: Revise, User: r}, ""},
		{"no user", data.StatusDraft, Request{Action: Submit}, "belum ada pengguna yang masuk"},
		{"unknown action", data.StatusDraft, Request{Action: "hapus", User: w}, `aksi "hapus" tidak dikenal`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Plan(tc.status, tc.req)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
}

func TestStepAndAvailable(t *testing.T) {
	d := &data.Draft{Meta: data.Meta{ID: "d1"}, Status: data.StatusApproved, Revision: 1}
	now := time.Date(2024, 10, 2, 9, 0, 0, 0, time.UTC)
	u := data.User{Name: "Rina", Position: "Staf", Role: data.RoleWriter}
	a, err := Step(d, Request{Action: Revise, User: u, Note: "koreksi"}, 3, "dev", now)
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != data.StatusDraft || d.Revision != 2 || a.Revision != 2 || a.Step != 3 || a.FromStatus != data.StatusApproved ||
		a.ActorDevice != "dev" || !a.At.Equal(now) || a.Action != "revisi" {
		t.Fatalf("step: draft %+v audit %+v", d, a)
	}
	before := *d
	if _, err := Step(d, Request{Action: Approve, User: u}, 4, "dev", now); err == nil {
		t.Fatal("refused step allowed")
	}
	if d.Status != before.Status || d.Revision != before.Revision {
		t.Fatal("a refused step changed the draft")
	}
	if got := Available(data.StatusSubmitted, data.User{Role: data.RoleBoth}); len(got) != 3 {
		t.Errorf("both on a submitted draft: %v", got)
	}
	if got := Available(data.StatusSubmitted, data.User{Role: data.RoleReviewer}); len(got) != 2 || got[0] != Approve {
		t.Errorf("reviewer on a submitted draft: %v", got)
	}
	for _, s := range data.DraftStatuses.Codes() {
		if Editable(s) != (s == data.StatusDraft || s == data.StatusReturned) {
			t.Errorf("editable %s", s)
		}
		if err := EditError(s); (err == nil) != Editable(s) || (err != nil && !errors.Is(err, ErrLocked)) {
			t.Errorf("EditError(%s) = %v", s, err)
		}
	}
}

func TestShippedStages(t *testing.T) {
	stages := DefaultStages()
	seen := map[string]bool{}
	for _, s := range stages {
		k := s.Election + "/" + s.Key
		if seen[k] {
			t.Errorf("%s twice", k)
		}
		seen[k] = true
		if s.Key == "" || s.Source == "" || s.Category != data.StageElection {
			t.Errorf("stage %+v", s)
		}
		if s.Election == "Pemilu 2024" && s.Source != "PKPU 3/2022" || s.Election == "Pilkada 2024" && s.Source != "PKPU 2/2024" {
			t.Errorf("%s from %s", k, s.Source)
		}
	}
	for _, k := range []string{"kampanye", "masa_tenang", "pemungutan_suara", "rekapitulasi"} {
		for _, e := range []string{"Pemilu 2024", "Pilkada 2024"} {
			if !seen[e+"/"+k] {
				t.Errorf("%s/%s missing", e, k)
			}
		}
	}
	// The checker's Pasal 71 window (UU 10/2016, regional elections only)
	// starts from penetapan_paslon: Pilkada has it, Pemilu must not.
	if !seen["Pilkada 2024/penetapan_paslon"] || seen["Pemilu 2024/penetapan_paslon"] || seen["Pemilu 2024/penetapan_terpilih"] {
		t.Error("penetapan_paslon/penetapan_terpilih must be Pilkada keys only")
	}
	byKey := func(e, k string) data.Stage {
		for _, s := range stages {
			if s.Election == e && s.Key == k {
				return s
			}
		}
		t.Fatalf("%s/%s", e, k)
		return data.Stage{}
	}
	d := data.NewDate
	for _, c := range []struct {
		e, k       string
		start, end data.Date
	}{
		{"Pemilu 2024", "penetapan_peserta", d(2022, 12, 14), d(2022, 12, 14)},
		{"Pemilu 2024", "kampanye", d(2023, 11, 28), d(2024, 2, 10)},
		{"Pemilu 2024", "masa_tenang", d(2024, 2, 11), d(2024, 2, 13)},
		{"Pemilu 2024", "pemungutan_suara", d(2024, 2, 14), d(2024, 2, 14)},
		{"Pemilu 2024", "rekapitulasi", d(2024, 2, 15), d(2024, 3, 20)},
		{"Pilkada 2024", "pendaftaran_paslon", d(2024, 8, 27), d(2024, 8, 29)},
		{"Pilkada 2024", "penetapan_paslon", d(2024, 9, 22), d(2024, 9, 22)},
		{"Pilkada 2024", "kampanye", d(2024, 9, 25), d(2024, 11, 23)},
		{"Pilkada 2024", "masa_tenang", d(2024, 11, 24), d(2024, 11, 26)},
		{"Pilkada 2024", "pemungutan_suara", d(2024, 11, 27), d(2024, 11, 27)},
		{"Pilkada 2024", "rekapitulasi", d(2024, 11, 27), d(2024, 12, 16)},
	} {
		if s := byKey(c.e, c.k); s.Start != c.start || s.End != c.end {
			t.Errorf("%s/%s: %s – %s", c.e, c.k, s.Start, s.End)
		}
	}
	if first, again := StageID("o", "Pilkada 2024", "kampanye"), StageID("o", "Pilkada 2024", "kampanye"); first != again ||
		first == StageID("p", "Pilkada 2024", "kampanye") || first == StageID("o", "Pemilu 2024", "kampanye") {
		t.Error("stage ids are not stable per office")
	}
	if id := StageID("o", "e", "k"); len(id) != 36 || id[14] != '7' {
		t.Errorf("id %s is not UUIDv7-shaped", id)
	}
}

func TestFill(t *testing.T) {
	office := data.Office{Name: "KPU Kabupaten Sleman", Address: "Jl. KRT Pringgodiningrat No. 1", Region: "Kabupaten Sleman",
		HeadName: "Dr. Ahmad Shidqi", HeadPosition: "Ketua", Website: "https://kab-sleman.kpu.go.id"}
	ag := func(n ...string) []data.Agency {
		var out []data.Agency
		for _, s := range n {
			out = append(out, data.Agency{Name: s})
		}
		return out
	}
	day := data.NewDate(2023, 7, 10)
	tests := []struct {
		name, text string
		agencies   []data.Agency
		day        data.Date
		want       string
	}{
		{"office", "{{nama_kantor}}, {{alamat_kantor}}", nil, day, "KPU Kabupaten Sleman, Jl. KRT Pringgodiningrat No. 1"},
		{"dates", "{{tanggal}} / {{hari_tanggal}} / {{tahun}}", nil, day, "10 Juli 2023 / Senin, 10 Juli 2023 / 2023"},
		{"head", "{{ nama_pimpinan }} ({{jabatan_pimpinan}})", nil, day, "Dr. Ahmad Shidqi (Ketua)"},
		{"place falls back to the region", "{{tempat}}", nil, day, "Kabupaten Sleman"},
		{"one agency", "{{instansi}}", ag("Bawaslu"), day, "Bawaslu"},
		{"two agencies", "{{instansi}}", ag("Bawaslu", "Polres"), day, "Bawaslu dan Polres"},
		{"three agencies", "{{instansi}}", ag("Bawaslu", "Polres", "Kodim"), day, "Bawaslu, Polres, dan Kodim"},
		{"unknown stays", "{{nama_calon}} di {{nama_kantor}}", nil, day, "{{nama_calon}} di KPU Kabupaten Sleman"},
		{"empty value stays", "Telp. {{telepon_kantor}}, {{instansi}}", nil, day, "Telp. {{telepon_kantor}}, {{instansi}}"},
		{"no day", "{{tanggal}}", nil, data.Date{}, "{{tanggal}}"},
		{"not a placeholder", "{nama_kantor} {{ }} {{nama kantor}}", nil, day, "{nama_kantor} {{ }} {{nama kantor}}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Fill(data.Template{Body: tc.text}, office, tc.agencies, tc.day)
			if got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
	if got := Unfilled("{{a}} {{b}} {{ a }}"); len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Errorf("Unfilled %v", got)
	}
	known := map[string]bool{}
	for _, p := range Placeholders {
		known[p.Name] = true
	}
	for _, tpl := range DefaultTemplates() {
		if tpl.Validate() != nil || !IsBuiltin(tpl.ID) || tpl.Name == "" {
			t.Errorf("shipped template %q: %v", tpl.ID, tpl.Validate())
		}
		for _, p := range Unfilled(tpl.Body) {
			if !known[p] {
				t.Errorf("%s uses undocumented placeholder %q", tpl.ID, p)
			}
		}
		full := data.Office{Name: "n", Address: "a", Region: "r", Phone: "1", Email: "e@x.id", Website: "https://w",
			HeadName: "h", HeadPosition: "p", HeadNIP: "197805122005011003", SignerPlace: "s"}
		if left := Unfilled(Fill(tpl, full, ag("A"), day)); len(left) != 0 {
			t.Errorf("%s leaves %v with a full profile", tpl.ID, left)
		}
	}
	kinds := map[string]bool{}
	for _, tpl := range DefaultTemplates() {
		kinds[tpl.DraftKind] = true
	}
	for _, k := range []string{"siaran_pers", "klarifikasi_hoaks", "narasi_tahapan", "pengumuman"} {
		if !kinds[k] {
			t.Errorf("no shipped template for %s", k)
		}
	}
}

func TestTimeToClarify(t *testing.T) {
	base := time.Date(2024, 4, 1, 8, 0, 0, 0, time.Local)
	c := func(found time.Time, after time.Duration) data.Hoax {
		h := data.Hoax{Claim: "x", Platform: "x", FoundAt: found}
		if after >= 0 {
			t := found.Add(after)
			h.ClarifiedAt = &t
		}
		return h
	}
	h := c(base, 90*time.Minute)
	if d, ok := TimeToClarify(&h); !ok || Hours(d) != 1.5 {
		t.Fatalf("one case: %v %v", d, ok)
	}
	open := c(base, -1)
	if _, ok := TimeToClarify(&open); ok {
		t.Fatal("an open case has a time")
	}
	tests := []struct {
		name   string
		cases  []data.Hoax
		want   ClarifySummary
		median string // as printed
	}{
		{"none", nil, ClarifySummary{}, "0,0"},
		{"only open", []data.Hoax{open}, ClarifySummary{Cases: 1, Open: 1}, "0,0"},
		{"odd", []data.Hoax{c(base, 2*time.Hour), c(base, 30*time.Hour), c(base, 4*time.Hour), open},
			ClarifySummary{Cases: 4, Clarified: 3, Open: 1, MedianHours: 4, MeanHours: 12}, "4,0"},
		{"even", []data.Hoax{c(base, time.Hour), c(base, 2*time.Hour), c(base, 5*time.Hour), c(base, 100*time.Hour)},
			ClarifySummary{Cases: 4, Clarified: 4, MedianHours: 3.5, MeanHours: 27}, "3,5"},
		{"minutes", []data.Hoax{c(base, 20*time.Minute), c(base, 25*time.Minute)},
			ClarifySummary{Cases: 2, Clarified: 2, MedianHours: 22.5 / 60, MeanHours: 22.5 / 60}, "0,4"},
	}
	for _, tc := range tests {
		got := Summarize(tc.cases)
		if got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
		if FormatHours(got.MedianHours) != tc.median {
			t.Errorf("%s: median printed %s", tc.name, FormatHours(got.MedianHours))
		}
	}
	// Per quarter, by the local day found; an empty quarter has zeros.
	year := []data.Hoax{
		c(time.Date(2024, 3, 31, 23, 0, 0, 0, time.Local), 10*time.Hour), // Q1, clarified in Q2
		c(time.Date(2024, 4, 1, 0, 0, 0, 0, time.Local), 6*time.Hour),    // Q2
		c(time.Date(2024, 6, 30, 12, 0, 0, 0, time.Local), -1),           // Q2, open
		c(time.Date(2024, 12, 31, 23, 59, 0, 0, time.Local), 24*time.Hour),
	}
	q := ByQuarter(year, data.NewDate(2024, 1, 1), data.NewDate(2024, 12, 31))
	want := []ClarifySummary{{1, 1, 0, 10, 10}, {2, 1, 1, 6, 6}, {}, {1, 1, 0, 24, 24}}
	if len(q) != 4 {
		t.Fatalf("%d quarters", len(q))
	}
	for i := range q {
		if q[i].ClarifySummary != want[i] || q[i].Quarter != i+1 || q[i].Year != 2024 {
			t.Errorf("quarter %d: %+v, want %+v", i+1, q[i], want[i])
		}
	}
	if q[1].Label() != "Triwulan II 2024" {
		t.Errorf("label %q", q[1].Label())
	}
	if got := ByQuarter(year, data.NewDate(2024, 11, 5), data.NewDate(2025, 2, 1)); len(got) != 2 || got[1].Year != 2025 {
		t.Errorf("quarters across years: %+v", got)
	}
	for h, want := range map[float64]string{0: "0,0", 7.5: "7,5", 7.25: "7,3", 26.04: "26,0", 1234.56: "1.234,6", 999.96: "1.000,0"} {
		if got := FormatHours(h); got != want {
			t.Errorf("FormatHours(%v) = %s, want %s", h, got, want)
		}
	}
}

func TestWeeklyGaps(t *testing.T) {
	d := data.NewDate
	if WeekStart(d(2024, 11, 24)) != d(2024, 11, 18) || WeekStart(d(2024, 11, 18)) != d(2024, 11, 18) || WeekStart(d(2024, 12, 1)) != d(2024, 11, 25) {
		t.Fatal("WeekStart")
	}
	days := []data.Date{d(2024, 11, 24), d(2024, 12, 2), {}}
	got := WeeklyGaps(d(2024, 11, 13), d(2024, 12, 10), days)
	want := []data.Date{d(2024, 11, 11), d(2024, 11, 25), d(2024, 12, 9)}
	if len(got) != len(want) {
		t.Fatalf("gaps %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("gaps %v, want %v", got, want)
		}
	}
}
