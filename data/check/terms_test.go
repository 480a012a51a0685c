package check

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
)

func TestDefaultConfigLoads(t *testing.T) {
	cfg := DefaultConfig()
	if len(cfg.Officials) != 0 || len(cfg.Stages) != 0 {
		t.Errorf("DefaultConfig has officials or stages: %+v", cfg)
	}
	count := map[string]int{}
	for _, tm := range cfg.Terms {
		count[tm.Category]++
	}
	for _, c := range Categories.Codes() {
		if count[c] == 0 {
			t.Errorf("the default lists have no %s term", c)
		}
	}
	t.Logf("default terms by category: %v (total %d)", count, len(cfg.Terms))
	// The words the lists deliberately leave out: ordinary news words as
	// findings, ambiguous words as election markers.
	for _, tm := range cfg.Terms {
		finding := tm.Category == CatSARA || tm.Category == CatUjaranKebencian || tm.Category == CatProvokasiHoaks
		marker := tm.Category == CatPemilu || tm.Category == CatPeserta
		switch {
		case finding && slices.Contains([]string{"katanya", "hoaks", "hoax", "menyesatkan", "sesat", "sebarkan", "sebelum dihapus", "musnah", "bakar", "curang"}, tm.Text),
			marker && slices.Contains([]string{"kampanye", "calon", "pemilihan", "tahapan", "pilih"}, tm.Text):
			t.Errorf("the default lists must not contain %q on its own (%s)", tm.Text, tm.Category)
		}
	}
}

func TestDefaultListsRoundTrip(t *testing.T) {
	terms := DefaultTerms()
	var buf bytes.Buffer
	if err := WriteTerms(&buf, terms); err != nil {
		t.Fatal(err)
	}
	back, err := ParseTerms(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, terms) {
		t.Errorf("round trip changed the default terms")
	}
}

func TestParseAndWriteTerms(t *testing.T) {
	in := "\ufeff# komentar\r\n" +
		"\r\n" +
		"sara: Pribumi | Inpres 26/1998\r\n" +
		"  ujaran_kebencian :  hasut  \n" +
		"provokasi_hoaks: \"viralkan\"\n" +
		"provokasi_hoaks: Info A1\n" +
		"ujaran_kebencian: antek-antek | catatan: dengan titik dua\n" +
		"PEMILU: Pilkada\n"
	want := []Term{
		{Category: CatSARA, Text: "pribumi", Note: "Inpres 26/1998"},
		{Category: CatUjaranKebencian, Text: "hasut"},
		{Category: CatProvokasiHoaks, Text: "viralkan", Exact: true},
		{Category: CatProvokasiHoaks, Text: "info a1"},
		{Category: CatUjaranKebencian, Text: "antek antek", Note: "catatan: dengan titik dua"},
		{Category: CatPemilu, Text: "pilkada"},
	}
	got, err := ParseTerms(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ParseTerms =\n%+v\nwant\n%+v", got, want)
	}
	var buf bytes.Buffer
	if err := WriteTerms(&buf, got); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, line := range []string{"sara: pribumi | Inpres 26/1998\n", "provokasi_hoaks: \"viralkan\"\n", "ujaran_kebencian: antek antek | catatan: dengan titik dua\n"} {
		if !strings.Contains(out, line) {
			t.Errorf("WriteTerms output lacks %q:\n%s", line, out)
		}
	}
	back, err := ParseTerms(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, want) {
		t.Errorf("round trip =\n%+v\nwant\n%+v", back, want)
	}
}

func TestParseTermsErrors(t *testing.T) {
	in := strings.Join([]string{
		"# daftar",                // 1
		"sara pribumi",            // 2: no colon
		"sara: kafir",             // 3: fine
		"rasis: kata",             // 4: unknown category
		"sara: ...",               // 5: empty term
		`provokasi_hoaks: "viral`, // 6: unclosed quote
		"sara: aseng",             // 7: fine
		"sara: Aseng",             // 8: duplicate of 7
		`sara: kata "di" tengah`,  // 9: quote inside
		"ujaran_kebencian: hasut", // 10: fine
	}, "\n")
	terms, err := ParseTerms(strings.NewReader(in))
	if terms != nil {
		t.Errorf("terms = %v, want nil on error", terms)
	}
	var pe ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want a ParseError", err)
	}
	want := map[int]string{2: `":"`, 4: `"rasis" tidak dikenal`, 5: "kosong", 6: "kutip tidak ditutup", 8: "ganda, sudah ada di baris 7", 9: "seluruh istilah"}
	if len(pe) != len(want) {
		t.Errorf("got %d errors, want %d: %v", len(pe), len(want), err)
	}
	for _, le := range pe {
		frag, ok := want[le.Line]
		if !ok || !strings.Contains(le.Msg, frag) {
			t.Errorf("line %d: %q, want a message with %q", le.Line, le.Msg, frag)
		}
	}
	if !strings.Contains(err.Error(), "baris 4: kategori") {
		t.Errorf("Error() = %q, want line numbers", err.Error())
	}
}

func TestWriteTermsRejectsBadTerms(t *testing.T) {
	for _, terms := range [][]Term{
		{{Category: "rasis", Text: "x"}},
		{{Category: CatSARA, Text: " - "}},
		{{Category: CatSARA, Text: "x", Note: "dua\nbaris"}},
	} {
		if err := WriteTerms(&bytes.Buffer{}, terms); err == nil {
			t.Errorf("WriteTerms(%+v) succeeded", terms)
		}
	}
}

// TestTermWordForms checks that a listed term matches the word forms it
// should and only those, through the whole checker.
func TestTermWordForms(t *testing.T) {
	tests := []struct {
		term  string // a list line
		text  string
		match string // "" = no finding
	}{
		{"sara: kafir", "Mereka dikafirkan oleh kelompok itu.", "dikafirkan"},
		{"sara: kafir", "Jangan mengkafirkan sesama warga.", "mengkafirkan"},
		{"sara: kafir", "Tuduhan kekafiran beredar.", "kekafiran"},
		{"sara: kafir", "Rombongan kafilah tiba.", ""},
		{"ujaran_kebencian: hasut", "Ia menghasut warga.", "menghasut"},
		{"ujaran_kebencian: hasut", "Penghasut ditangkap.", "Penghasut"},
		{"ujaran_kebencian: hasut", "Warga dihasut.", "dihasut"},
		{"ujaran_kebencian: hasut", "Jangan termakan hasutannya.", "hasutannya"},
		{"ujaran_kebencian: bantai", "Liburan ke pantai di Bantul.", ""},
		{"ujaran_kebencian: bantai", "Seruan pembantaian beredar.", "pembantaian"},
		{"ujaran_kebencian: usir", "Warga mengusulkan perbaikan jalan.", ""},
		{"ujaran_kebencian: usir", "Mereka diusir dari kampung.", "diusir"},
		{"ujaran_kebencian: habisi", "Pesan itu berbunyi: habisi mereka.", "habisi"},
		{"ujaran_kebencian: habisi", "Kelompok itu menghabisi lawannya.", "menghabisi"},
		{"ujaran_kebencian: habisi", "Kegiatan menghabiskan anggaran kecil.", ""},
		{"ujaran_kebencian: antek", "Dasar antek-antek asing!", "antek-antek"},
		{`provokasi_hoaks: "viralkan"`, "Viralkan sekarang juga!", "Viralkan"},
		{`provokasi_hoaks: "viralkan"`, "Viralkanlah!", "Viralkanlah"},
		{`provokasi_hoaks: "viralkan"`, "Video yang diviralkan akun itu keliru.", ""},
		{"provokasi_hoaks: info a1", "Ini INFO A1 dari orang dalam.", "INFO A1"},
		{"provokasi_hoaks: info a1", "Info. A1 adalah kode formulir.", ""}, // not in one sentence
		{"provokasi_hoaks: sebar sebelum dihapus", "Sebarkan sebelum dihapus!!", "Sebarkan sebelum dihapus"},
		{"provokasi_hoaks: sebar sebelum dihapus", "Menyebarkan sebelum dihapus adalah ciri hoaks.", "Menyebarkan sebelum dihapus"},
		{"provokasi_hoaks: sebar sebelum dihapus", "Pemilih yang meninggal diverifikasi sebelum dihapus dari daftar.", ""},
	}
	for _, tt := range tests {
		terms, err := ParseTerms(strings.NewReader(tt.term))
		if err != nil {
			t.Fatal(err)
		}
		got := Check(Input{Body: tt.text}, Config{Terms: terms}, data.NewDate(2025, 1, 1))
		switch {
		case tt.match == "" && len(got) > 0:
			t.Errorf("%s in %q: unexpected finding %q", tt.term, tt.text, got[0].Match)
		case tt.match != "" && (len(got) != 1 || got[0].Match != tt.match):
			t.Errorf("%s in %q: got %v, want one finding %q", tt.term, tt.text, matches(got), tt.match)
		}
	}
}

func matches(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Rule + ":" + f.Match
	}
	return out
}
