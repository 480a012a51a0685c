package check

import (
	"slices"
	"strings"
	"testing"
)

func TestStemFindsRoot(t *testing.T) {
	tests := []struct{ word, root string }{
		{"kafir", "kafir"},
		{"dikafirkan", "kafir"},
		{"mengkafirkan", "kafir"},
		{"mengafirkan", "kafir"}, // standard meng- with k dropped
		{"kekafiran", "kafir"},
		{"pengkafiran", "kafir"},
		{"penghasut", "hasut"},
		{"menghasut", "hasut"},
		{"dihasut", "hasut"},
		{"hasutannya", "hasut"},
		{"hasutanmu", "hasut"},
		{"pembantaian", "bantai"},
		{"dibantai", "bantai"},
		{"membantai", "bantai"},
		{"pengusiran", "usir"},
		{"mengusir", "usir"},
		{"diusirlah", "usir"},
		{"menyebarkan", "sebar"}, // meny- + s
		{"penyebar", "sebar"},
		{"memukul", "pukul"},    // mem- + p
		{"menuduh", "tuduh"},    // men- + t
		{"mengirim", "kirim"},   // meng- + k
		{"menistakan", "nista"}, // me- before n
		{"penistaan", "nista"},
		{"memperhatikan", "hati"}, // memper-
		{"dipersatukan", "satu"},  // diper-
		{"keberhasilan", "hasil"}, // ke- + ber-
		{"berenang", "renang"},    // be(r)- before r
		{"bekerja", "kerja"},      // be- before -er-
		{"pengawasan", "awas"},
		{"mendukung", "dukung"},
		{"diganyang", "ganyang"},
		{"menghabisi", "habisi"}, // a listed derived form
		{"viralkanlah", "viralkan"},
		{"Pilkada", "pilkada"}, // lower-cased
		{"pemilunya", "pemilu"},
		{"pencoblosan", "coblos"},
	}
	for _, tt := range tests {
		got := Stem(tt.word)
		if !slices.Contains(got, tt.root) {
			t.Errorf("Stem(%q) = %v, want it to contain %q", tt.word, got, tt.root)
		}
	}
}

func TestStemDoesNotOverStrip(t *testing.T) {
	tests := []struct{ word, root string }{
		{"pantai", "bantai"},
		{"Bantul", "bantai"},
		{"mengusulkan", "usir"},
		{"menghabiskan", "habisi"},
		{"tersesat", "ajaran"},
		{"pemusnahan", "musnahkan"},
		{"sumbangsih", "sumbang"},
		{"ilmu", "il"}, // never fewer than three letters
		{"dinas", "na"},
		{"pemilih", "pemilihan"},
	}
	for _, tt := range tests {
		if got := Stem(tt.word); slices.Contains(got, tt.root) {
			t.Errorf("Stem(%q) = %v, must not contain %q", tt.word, got, tt.root)
		}
	}
}

func TestStemWordFirstAndShort(t *testing.T) {
	for _, w := range []string{"TPS", "di", "a1", "menyebarluaskan", "é", ""} {
		got := Stem(w)
		if len(got) == 0 || got[0] != strings.ToLower(w) {
			t.Errorf("Stem(%q)[0] = %v, want the lower-cased word first", w, got)
		}
		for _, c := range got[1:] {
			if len([]rune(c)) < minRoot {
				t.Errorf("Stem(%q) has %q, shorter than %d letters", w, c, minRoot)
			}
		}
	}
}

func TestExactForms(t *testing.T) {
	got := exactForms("viralkanlah")
	if !slices.Contains(got, "viralkan") || slices.Contains(got, "viral") {
		t.Errorf("exactForms(viralkanlah) = %v", got)
	}
	if got := exactForms("pemilihnya"); !slices.Contains(got, "pemilih") {
		t.Errorf("exactForms(pemilihnya) = %v", got)
	}
	if got := exactForms("pemilihan"); slices.Contains(got, "pemilih") {
		t.Errorf("exactForms(pemilihan) = %v must not contain pemilih", got)
	}
}
