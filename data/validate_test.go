package data

import (
	"strings"
	"testing"
)

func validEntry() *Entry {
	return &Entry{Title: "Rapat koordinasi", ActivityType: "rapat_koordinasi", Strategy: 2,
		StartDate: NewDate(2024, 4, 10)}
}

func validAgency() *Agency { return &Agency{Name: "Bawaslu Sleman", Kind: "bawaslu"} }

func validDraft() *Draft { return &Draft{Title: "Siaran pers", Kind: "siaran_pers"} }

func validOffice() *Office {
	return &Office{Name: "KPU Kabupaten Sleman", Kind: "kpu", Level: "kabupaten"}
}

// TestValidationRules checks each rule once, on the record kind where it
// matters, and that the message names the field in Indonesian.
func TestValidationRules(t *testing.T) {
	long := strings.Repeat("a", MaxShort+1)
	cases := []struct {
		name    string
		rec     Record
		field   string
		rule    string
		message string
	}{
		{"agency name required", func() Record { a := validAgency(); a.Name = "  "; return a }(), "name", RuleRequired, "Nama wajib diisi"},
		{"agency name too long", func() Record { a := validAgency(); a.Name = long; return a }(), "name", RuleTooLong, "Nama terlalu panjang (paling banyak 200 karakter)"},
		{"agency kind unknown", func() Record { a := validAgency(); a.Kind = "ormas"; return a }(), "kind", RuleUnknown, "Jenis berisi pilihan yang tidak dikenal"},
		{"agency bad email", func() Record { a := validAgency(); a.Email = "humas@kpu"; return a }(), "email", RuleEmail, "Email bukan alamat email yang sah"},
		{"agency bad website", func() Record { a := validAgency(); a.Website = "kpu.go.id"; return a }(), "website", RuleURL, "Situs web bukan alamat web yang sah"},
		{"agency bad phone", func() Record { a := validAgency(); a.Phone = "0274-abc"; return a }(), "phone", RulePhone, "Telepon hanya boleh"},
		{"agency social handle missing", func() Record {
			a := validAgency()
			a.SocialAccounts = List[SocialAccount]{{Platform: "instagram"}}
			return a
		}(), "social_accounts", RuleRequired, "Akun media sosial wajib diisi"},
		{"entry end before start", func() Record { e := validEntry(); e.EndDate = NewDate(2024, 4, 9); return e }(), "end_date", RuleEndBefore, "Tanggal selesai tidak boleh sebelum tanggal mulai"},
		{"entry start required", func() Record { e := validEntry(); e.StartDate = Date{}; return e }(), "start_date", RuleRequired, "Tanggal mulai wajib diisi"},
		{"entry strategy zero", func() Record { e := validEntry(); e.Strategy = 0; return e }(), "strategy", RuleRange, "Strategi Bakohumas harus antara 1 dan 8"},
		{"entry strategy nine", func() Record { e := validEntry(); e.Strategy = 9; return e }(), "strategy", RuleRange, "harus antara 1 dan 8"},
		{"entry negative participants", func() Record { e := validEntry(); e.Participants = -1; return e }(), "participants", RuleNegative, "Jumlah peserta tidak boleh negatif"},
		{"entry bad evidence link", func() Record { e := validEntry(); e.EvidenceLinks = List[string]{"foto di drive"}; return e }(), "evidence_links", RuleURL, "Tautan bukti bukan alamat web"},
		{"entry notes too long", func() Record { e := validEntry(); e.Notes = strings.Repeat("é", MaxText+1); return e }(), "notes", RuleTooLong, "Catatan terlalu panjang"},
		{"draft title required", func() Record { d := validDraft(); d.Title = ""; return d }(), "title", RuleRequired, "Judul wajib diisi"},
		{"draft channel unknown", func() Record { d := validDraft(); d.Channels = List[string]{"koran"}; return d }(), "channels", RuleUnknown, "Kanal berisi pilihan"},
		{"draft status unknown", func() Record { d := validDraft(); d.Status = "arsip"; return d }(), "status", RuleUnknown, "Status berisi pilihan"},
		{"office NIP 17 digits", func() Record { o := validOffice(); o.HeadNIP = "19780512200501100"; return o }(), "head_nip", RuleNIP, "NIP pimpinan harus 18 angka"},
		{"office NIP letters", func() Record { o := validOffice(); o.HeadNIP = "19780512200501100X"; return o }(), "head_nip", RuleNIP, "harus 18 angka"},
		{"office level required", func() Record { o := validOffice(); o.Level = ""; return o }(), "level", RuleRequired, "Tingkat wajib diisi"},
		{"office logo not an image", func() Record { o := validOffice(); o.Logo = []byte("not a png"); return o }(), "logo", RuleInvalidImage, "Logo bukan gambar"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.rec.Normalize()
			err := c.rec.Validate()
			v, ok := AsValidation(err)
			if !ok {
				t.Fatalf("want a ValidationError, got %v", err)
			}
			fe, ok := v.For(c.field)
			if !ok || fe.Rule != c.rule {
				t.Fatalf("want %s on %s, got %v", c.rule, c.field, v)
			}
			if !strings.Contains(fe.Error(), c.message) {
				t.Errorf("message %q does not contain %q", fe.Error(), c.message)
			}
			if en := fe.Text(LangEN); en == fe.Error() || en == "" {
				t.Errorf("no English message for %s: %q", c.rule, en)
			}
		})
	}
}

func TestValidRecordsPass(t *testing.T) {
	o := validOffice()
	o.HeadNIP = "19780512 200501 1 003" // spaces as people type them
	o.Email, o.Website, o.Phone = "humas@kpu-slemankab.go.id", "https://kab-sleman.kpu.go.id", "(0274) 868405"
	e := validEntry()
	e.EvidenceLinks = List[string]{" https://kab-sleman.kpu.go.id/berita/1 ", ""}
	for _, r := range []Record{o, validAgency(), validDraft(), e} {
		r.Normalize()
		if err := r.Validate(); err != nil {
			t.Errorf("%s: %v", r.RecordKind(), err)
		}
	}
	if o.HeadNIP != "197805122005011003" {
		t.Errorf("NIP not normalised: %q", o.HeadNIP)
	}
	if e.EndDate != e.StartDate || len(e.EvidenceLinks) != 1 {
		t.Errorf("entry not normalised: end %v links %q", e.EndDate, e.EvidenceLinks)
	}
}

func TestEveryErrorIsReported(t *testing.T) {
	e := &Entry{Strategy: 12, Participants: -3}
	v, _ := AsValidation(e.Validate())
	for _, f := range []string{"start_date", "title", "activity_type", "strategy", "participants"} {
		if _, ok := v.For(f); !ok {
			t.Errorf("missing error for %s in %v", f, v)
		}
	}
}

func TestNewDraftStartsAsDraf(t *testing.T) {
	d := validDraft()
	d.Normalize()
	if d.Status != StatusDraft {
		t.Fatalf("status %q", d.Status)
	}
}
