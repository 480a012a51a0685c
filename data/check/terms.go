package check

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/humasdesk/humasdesk/data"
)

// Term categories. The first three produce findings of the rule with the
// same id; the others are signal words the rules combine.
const (
	CatSARA            = "sara"             // SARA framing → rule sara
	CatUjaranKebencian = "ujaran_kebencian" // hate speech, incitement → rule ujaran_kebencian
	CatProvokasiHoaks  = "provokasi_hoaks"  // hoax-provocation phrases → rule provokasi_hoaks
	CatPemilu          = "pemilu"           // marks content as election-related
	CatPeserta         = "peserta"          // candidates, pairs, parties, campaign teams (also marks election content)
	CatProgram         = "program"          // programs and handouts (Pasal 71)
	CatFasilitas       = "fasilitas"        // government facilities, budget, ASN (campaign ban)
	CatAjakan          = "ajakan"           // invitations to vote for a candidate (campaign ban)
	CatPengingat       = "pengingat"        // prohibition and supervision wording: the sentence is a reminder, not a breach
	CatProsedur        = "prosedur"         // electoral administration wording: the sentence reports procedure
)

// Categories are the term categories, with labels, in the order lists are
// written.
var Categories = data.Vocabulary{
	{Code: CatSARA, Label: data.Text{ID: "SARA", EN: "SARA (ethnic, religious, racial, inter-group)"}},
	{Code: CatUjaranKebencian, Label: data.Text{ID: "Ujaran kebencian", EN: "Hate speech"}},
	{Code: CatProvokasiHoaks, Label: data.Text{ID: "Provokasi hoaks", EN: "Hoax provocation"}},
	{Code: CatPemilu, Label: data.Text{ID: "Penanda konten pemilu", EN: "Election-content markers"}},
	{Code: CatPeserta, Label: data.Text{ID: "Peserta pemilu/pemilihan", EN: "Election participants"}},
	{Code: CatProgram, Label: data.Text{ID: "Program dan bantuan (Pasal 71)", EN: "Programs and handouts (Article 71)"}},
	{Code: CatFasilitas, Label: data.Text{ID: "Fasilitas, anggaran, dan aparatur negara", EN: "Government facilities, budget and civil servants"}},
	{Code: CatAjakan, Label: data.Text{ID: "Ajakan memilih peserta", EN: "Invitations to vote for a participant"}},
	{Code: CatPengingat, Label: data.Text{ID: "Kalimat larangan/pengawasan (pengecualian)", EN: "Prohibition or supervision wording (exception)"}},
	{Code: CatProsedur, Label: data.Text{ID: "Kalimat tahapan/prosedur (pengecualian)", EN: "Electoral procedure wording (exception)"}},
}

// Term is one entry of an editable list: a word, a root or a phrase.
//
// A root ("hasut") matches its affixed forms (menghasut, penghasut,
// dihasut, hasutannya); a derived form ("habisi") matches that form with
// outer affixes only; an Exact term matches the written form only, plus a
// particle or possessive (-lah, -kah, -pun, -nya…). A phrase matches when
// its words follow each other in one sentence.
type Term struct {
	Category string `json:"category"`
	Text     string `json:"text"`            // lower-case words separated by single spaces
	Exact    bool   `json:"exact,omitempty"` // written in quotes in a list file
	Note     string `json:"note,omitempty"`  // shown with the finding (Indonesian)
}

// String writes the term as a list line.
func (t Term) String() string {
	s := t.Category + ": "
	if t.Exact {
		s += `"` + t.Text + `"`
	} else {
		s += t.Text
	}
	if t.Note != "" {
		s += " | " + t.Note
	}
	return s
}

// normalizeTermText lower-cases a term and reduces it to its words, the
// way the checker tokenises text: "Info A1" → "info a1",
// "antek-antek" → "antek antek".
func normalizeTermText(s string) string {
	return strings.Join(newPattern(s, false).words, " ")
}

// LineError is a problem on one line of a list file.
type LineError struct {
	Line int
	Msg  string // Indonesian
}

func (e LineError) Error() string { return fmt.Sprintf("baris %d: %s", e.Line, e.Msg) }

// ParseError lists every bad line of a list file.
type ParseError []LineError

func (e ParseError) Error() string {
	msgs := make([]string, len(e))
	for i, le := range e {
		msgs[i] = le.Error()
	}
	return "daftar istilah tidak sah: " + strings.Join(msgs, "; ")
}

// ParseTerms reads a list file. The format, one entry per line:
//
//	# a comment (a line starting with #); blank lines are ignored
//	kategori: istilah
//	kategori: frasa beberapa kata
//	kategori: "bentuk persis"
//	kategori: istilah | catatan yang ditampilkan bersama temuan
//
// The category is one of Categories' codes. The term is lower-cased and
// reduced to its words (punctuation and hyphens become spaces). A UTF-8
// byte-order mark and Windows line ends are accepted.
//
// All bad lines are reported together in a ParseError, each with its line
// number; the terms are returned only when there is none.
func ParseTerms(r io.Reader) ([]Term, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var (
		terms []Term
		errs  ParseError
		seen  = map[string]int{}
		n     = 0
	)
	for sc.Scan() {
		n++
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		t, msg := parseTermLine(line)
		if msg != "" {
			errs = append(errs, LineError{n, msg})
			continue
		}
		key := t.Category + "\x00" + t.Text + "\x00" + fmt.Sprint(t.Exact)
		if first, dup := seen[key]; dup {
			errs = append(errs, LineError{n, fmt.Sprintf("istilah %q ganda, sudah ada di baris %d", t.Text, first)})
			continue
		}
		seen[key] = n
		terms = append(terms, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("membaca daftar istilah: %w", err)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return terms, nil
}

// parseTermLine parses one non-comment line; msg says what is wrong.
func parseTermLine(line string) (t Term, msg string) {
	cat, rest, ok := strings.Cut(line, ":")
	if !ok {
		return t, `tidak ada tanda ":" (bentuk: kategori: istilah)`
	}
	t.Category = strings.ToLower(strings.TrimSpace(cat))
	if !Categories.Has(t.Category) {
		return t, fmt.Sprintf("kategori %q tidak dikenal (pilihan: %s)", t.Category, strings.Join(Categories.Codes(), ", "))
	}
	text, note, _ := strings.Cut(rest, "|")
	text = strings.TrimSpace(text)
	t.Note = strings.TrimSpace(note)
	if strings.HasPrefix(text, `"`) {
		if len(text) < 2 || !strings.HasSuffix(text, `"`) {
			return t, "tanda kutip tidak ditutup"
		}
		t.Exact = true
		text = text[1 : len(text)-1]
	}
	if strings.Contains(text, `"`) {
		return t, "tanda kutip hanya boleh mengapit seluruh istilah"
	}
	t.Text = normalizeTermText(text)
	if t.Text == "" {
		return t, "istilah kosong (harus berisi huruf atau angka)"
	}
	return t, ""
}

// WriteTerms writes terms in the format ParseTerms reads, with a header
// that explains it, a comment before each run of one category, and the
// terms in the order given. ParseTerms(WriteTerms(terms)) gives the terms
// back (with their text normalised).
func WriteTerms(w io.Writer, terms []Term) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(listHeader)
	prev := ""
	for i, t := range terms {
		if !Categories.Has(t.Category) {
			return fmt.Errorf("istilah ke-%d: kategori %q tidak dikenal", i+1, t.Category)
		}
		text := normalizeTermText(t.Text)
		if text == "" {
			return fmt.Errorf("istilah ke-%d: istilah kosong", i+1)
		}
		if strings.ContainsAny(t.Note, "\r\n") {
			return fmt.Errorf("istilah ke-%d: catatan tidak boleh lebih dari satu baris", i+1)
		}
		if t.Category != prev {
			fmt.Fprintf(bw, "\n# %s\n", Categories.Label(t.Category, data.LangID))
			prev = t.Category
		}
		out := Term{Category: t.Category, Text: text, Exact: t.Exact, Note: strings.TrimSpace(t.Note)}
		bw.WriteString(out.String() + "\n")
	}
	return bw.Flush()
}

const listHeader = `# Daftar istilah Periksa Netralitas — Humas Desk
#
# Satu istilah per baris:  kategori: istilah
#   hasut                  kata dasar: cocok juga dengan menghasut, penghasut,
#                          dihasut, hasutannya
#   habisi                 bentuk turunan: cocok dengan menghabisi, dihabisi,
#                          tetapi tidak dengan menghabiskan
#   "viralkan"             dalam tanda kutip: hanya bentuk persis itu
#                          (ditambah -nya, -lah, -kah, -pun), tidak diviralkan
#   info a1                frasa: kata-katanya berurutan dalam satu kalimat
#   pribumi | catatan      teks setelah | ditampilkan bersama temuan
# Baris yang diawali # adalah komentar; baris kosong diabaikan.
# Kategori: sara, ujaran_kebencian, provokasi_hoaks (menghasilkan temuan);
# pemilu, peserta, program, fasilitas, ajakan, pengingat, prosedur (penanda
# yang dipakai aturan). Lihat docs/NETRALITAS.md.
`
