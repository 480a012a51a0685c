package data

import (
	"strings"
	"testing"
)

// A social-media post is held to the tightest limit of its channels, and
// the message names the platform and the limit in both languages; other
// kinds and channels without a limit are not held.
func TestSocialPostLimit(t *testing.T) {
	tests := []struct {
		name     string
		kind     string
		channels []string
		n        int
		wantID   string // "" = valid
		wantEN   string
	}{
		{"X at its limit", DraftKindSocialPost, []string{"x"}, 280, "", ""},
		{"X over", DraftKindSocialPost, []string{"x"}, 281,
			"Isi terlalu panjang untuk X (Twitter): 281 karakter, batasnya 280", "Body is too long for X (Twitter): 281 characters, its limit is 280"},
		{"Instagram over", DraftKindSocialPost, []string{"instagram"}, 2201,
			"Isi terlalu panjang untuk Instagram: 2201 karakter, batasnya 2200", "Body is too long for Instagram: 2201 characters, its limit is 2200"},
		{"TikTok at its limit", DraftKindSocialPost, []string{"tiktok"}, 2200, "", ""},
		// Facebook's 63,206 is above any body's MaxBody, which decides first.
		{"Facebook at a body's most", DraftKindSocialPost, []string{"facebook"}, MaxBody, "", ""},
		{"tightest of several", DraftKindSocialPost, []string{"facebook", "x", "instagram"}, 300,
			"Isi terlalu panjang untuk X (Twitter): 300 karakter, batasnya 280", ""},
		{"no limited channel", DraftKindSocialPost, []string{"website", "radio"}, 5000, "", ""},
		{"press release on X is not a post", "siaran_pers", []string{"x"}, 5000, "", ""},
		{"characters, not bytes", DraftKindSocialPost, []string{"x"}, -280, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body string
			if tt.n >= 0 {
				body = strings.Repeat("a", tt.n)
			} else {
				body = strings.Repeat("é", -tt.n) // 560 bytes, 280 characters
			}
			d := &Draft{Title: "Unggahan", Kind: tt.kind, Status: StatusDraft, Body: body, Channels: tt.channels}
			err := d.Validate()
			if tt.wantID == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			v, ok := AsValidation(err)
			if !ok {
				t.Fatalf("Validate() = %v, want a validation error", err)
			}
			fe, ok := v.For("body")
			if !ok || fe.Rule != RulePostTooLong || fe.Text(LangID) != tt.wantID {
				t.Fatalf("body error = %+v (%q), want %q", fe, fe.Text(LangID), tt.wantID)
			}
			if tt.wantEN != "" && fe.Text(LangEN) != tt.wantEN {
				t.Errorf("English: %q, want %q", fe.Text(LangEN), tt.wantEN)
			}
		})
	}
}

// The Bakohumas member kinds are agency kinds, and every code ever
// shipped still is one: codes are only added.
func TestVocabularyKeepsCodes(t *testing.T) {
	for _, code := range []string{"diskominfo", "humas", "kpu", "bawaslu", "forkopimda", "tni", "polri", "kejaksaan",
		"media", "partai", "komunitas", "lainnya", "kementerian_lembaga", "pemda_opd", "bumn_bumd", "perguruan_tinggi"} {
		if !AgencyKinds.Has(code) {
			t.Errorf("agency kind %q missing", code)
		}
	}
	for code, label := range map[string]string{"kementerian_lembaga": "Kementerian/Lembaga", "pemda_opd": "Pemda/OPD",
		"bumn_bumd": "BUMN/BUMD", "perguruan_tinggi": "Perguruan tinggi"} {
		if got := AgencyKinds.Label(code, LangID); got != label {
			t.Errorf("label of %s = %q, want %q", code, got, label)
		}
	}
	for _, code := range []string{"siaran_pers", "narasi_tahapan", "klarifikasi_hoaks", "pengumuman", "lainnya", DraftKindSocialPost} {
		if !DraftKinds.Has(code) {
			t.Errorf("draft kind %q missing", code)
		}
	}
	if got := DraftKinds.Label(DraftKindSocialPost, LangID); got != "Unggahan media sosial" {
		t.Errorf("social post label = %q", got)
	}
	for ch := range PostLimits {
		if !Channels.Has(ch) {
			t.Errorf("PostLimits has %q, which is not a channel", ch)
		}
	}
}
