package csvimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Limits of one import. A quarter of a busy office is a few thousand lines;
// the limits only stop a wrong file (a database dump, a video) early.
const (
	DefaultMaxLines = 50000    // data lines, the header not counted
	MaxBytes        = 32 << 20 // 32 MiB
)

// table is a CSV file read and checked for shape, not yet for values.
type table struct {
	lay    *layout
	sep    rune
	header []string       // as written
	index  map[string]int // canonical column name → field position
	rows   []row
	// mixed: the file is UTF-8 with some cells that are not; those cells
	// are read as Windows-1252, each with a warning (fixCells).
	mixed    bool
	warnings Errors
}

type row struct {
	line    int
	fields  []string
	shifted bool // wrong number of cells: already reported, values not read
}

// get returns the trimmed value of col on r, or "" when the file has no
// such column. A leading apostrophe that protected a formula-like value
// (see guardText) is removed.
func (t *table) get(r row, col string) string {
	i, ok := t.index[col]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return unguard(strings.TrimSpace(r.fields[i]))
}

// readTable reads r as CSV of the layout. Problems of the file's shape
// (encoding, header, ragged lines, size) are returned as Errors; err is
// only for a failing reader.
func readTable(r io.Reader, lay *layout, maxLines int) (*table, Errors, error) {
	if maxLines <= 0 {
		maxLines = DefaultMaxLines
	}
	raw, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("berkas tidak dapat dibaca: %w", err)
	}
	if len(raw) > MaxBytes {
		return nil, Errors{{Reason: fmt.Sprintf("berkas lebih besar dari %d MB; bagi menjadi beberapa berkas", MaxBytes>>20)}}, nil
	}
	text, mixed, problem := decodeText(raw)
	if problem != "" {
		return nil, Errors{{Reason: problem}}, nil
	}
	text, sep, offset := separator(text)

	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = sep
	cr.FieldsPerRecord = -1 // ragged lines are reported per line below
	cr.LazyQuotes = true    // a stray quote inside a cell is taken as text
	t := &table{lay: lay, sep: sep, mixed: mixed}
	var errs Errors
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := 0
			if errors.As(err, &pe) {
				line = pe.StartLine + offset
			}
			return nil, append(errs, LineError{Line: line, Reason: "baris tidak dapat dibaca sebagai CSV (periksa tanda kutip): " + err.Error()}), nil
		}
		line, _ := cr.FieldPos(0)
		line += offset
		if t.mixed {
			t.fixCells(cr, offset, rec)
		}
		if blank(rec) {
			continue
		}
		if t.header == nil {
			t.header = rec
			if es := t.readHeader(line); len(es) > 0 {
				return nil, es, nil
			}
			continue
		}
		if len(t.rows) == maxLines {
			return nil, append(errs, LineError{Line: line, Reason: fmt.Sprintf(
				"berkas berisi lebih dari %s baris data; batasnya %s baris per impor, bagi menjadi beberapa berkas",
				thousands(maxLines), thousands(maxLines))}), nil
		}
		e, ok := t.checkWidth(line, rec)
		if !ok {
			errs = append(errs, e)
		}
		t.rows = append(t.rows, row{line: line, fields: rec, shifted: !ok})
	}
	if t.header == nil {
		return nil, Errors{{Reason: "berkas kosong; baris pertama harus berisi judul kolom (lihat templat)"}}, nil
	}
	if len(t.rows) == 0 {
		return t, Errors{{Reason: "berkas hanya berisi judul kolom, tanpa baris data"}}, nil
	}
	return t, errs, nil
}

// readHeader maps the header to the layout's columns.
func (t *table) readHeader(line int) Errors {
	var errs Errors
	var unknown []string
	t.index = map[string]int{}
	for i, h := range t.header {
		key := headerKey(h)
		if key == "" {
			continue // an unnamed column must stay empty; see checkWidth
		}
		if t.lay.ignored[key] {
			continue
		}
		col, ok := t.lay.lookup[key]
		if !ok {
			unknown = append(unknown, fmt.Sprintf("%q", strings.TrimSpace(h)))
			continue
		}
		if j, dup := t.index[col.Name]; dup {
			errs = append(errs, LineError{Line: line, Column: col.Name, Reason: fmt.Sprintf(
				"kolom %s muncul dua kali (kolom ke-%d dan ke-%d)", col.Name, j+1, i+1)})
			continue
		}
		t.index[col.Name] = i
	}
	if len(unknown) > 0 {
		errs = append(errs, LineError{Line: line, Reason: fmt.Sprintf(
			"kolom tidak dikenal: %s; kolom yang dikenal: %s", strings.Join(unknown, ", "), t.lay.names())})
	}
	var missing []string
	for _, c := range t.lay.columns {
		if _, ok := t.index[c.Name]; c.Required && !ok {
			missing = append(missing, c.Name)
		}
	}
	if len(missing) > 0 {
		errs = append(errs, LineError{Line: line, Reason: fmt.Sprintf(
			"kolom wajib tidak ada: %s (pemisah terbaca: %s; lihat templat untuk susunan kolom)",
			strings.Join(missing, ", "), sepName(t.sep))})
	}
	return errs
}

// checkWidth refuses a line whose number of cells differs from the
// header's: its cells have most likely shifted (a separator inside an
// unquoted value), and reading them would put text in the wrong columns.
// It also refuses text under an unnamed header cell. (A spreadsheet that
// writes extra empty columns writes them on the header line too, where
// they are unnamed.)
func (t *table) checkWidth(line int, rec []string) (LineError, bool) {
	if len(rec) != len(t.header) {
		return LineError{Line: line, Reason: fmt.Sprintf(
			"baris ini berisi %d kolom, padahal baris judul berisi %d kolom (periksa pemisah %s dan tanda kutip: "+
				`isi yang memuat pemisah harus diapit tanda kutip, mis. "Aula, Sleman")`,
			len(rec), len(t.header), sepName(t.sep))}, false
	}
	for i, v := range rec {
		if strings.TrimSpace(v) != "" && headerKey(t.header[i]) == "" {
			return LineError{Line: line, Reason: fmt.Sprintf(
				"kolom ke-%d tidak berjudul tetapi berisi %q (beri judul kolom atau hapus isinya)", i+1, v)}, false
		}
	}
	return LineError{}, true
}

func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// decodeText returns the file as UTF-8 without a byte-order mark. Text with
// no UTF-8 character beyond ASCII and some bytes that are not UTF-8 is
// taken as Windows-1252, which is what Excel writes for "CSV (Comma
// delimited)" on Indonesian and English Windows. A file that holds both
// (UTF-8 text with a stray byte pasted in from elsewhere) is mixed: it is
// returned as it is, for its cells to be decoded one by one (fixCells), so
// that correct UTF-8 is never turned into "Ã ". UTF-16 is refused with a
// hint rather than guessed.
func decodeText(b []byte) (text []byte, mixed bool, problem string) {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return nil, false, "berkas tersimpan sebagai UTF-16 (Unicode Text); simpan ulang sebagai \"CSV UTF-8 (Comma delimited)\""
	}
	bom := bytes.HasPrefix(b, []byte("\xEF\xBB\xBF"))
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if utf8.Valid(b) {
		return b, false, ""
	}
	if bom || hasUTF8Beyond(b) {
		return b, true, ""
	}
	return windows1252(b), false, ""
}

// hasUTF8Beyond reports whether b holds a valid UTF-8 character beyond
// ASCII.
func hasUTF8Beyond(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if n > 1 && r != utf8.RuneError {
			return true
		}
		b = b[n:]
	}
	return false
}

// fixCells decodes the cells of a mixed file's record that are not valid
// UTF-8 as Windows-1252, and warns of each by line and column: the guess
// is likely right ("é" typed on a Windows-1252 machine) but is a guess.
func (t *table) fixCells(cr *csv.Reader, offset int, rec []string) {
	for i, v := range rec {
		if utf8.ValidString(v) {
			continue
		}
		rec[i] = string(windows1252([]byte(v)))
		line, _ := cr.FieldPos(i)
		col := fmt.Sprintf("ke-%d", i+1)
		if t.header != nil && i < len(t.header) {
			if c, ok := t.lay.lookup[headerKey(t.header[i])]; ok {
				col = c.Name
			}
		}
		t.warnings = append(t.warnings, LineError{Line: line + offset, Column: col, Reason: fmt.Sprintf(
			"isi bukan UTF-8 yang sah, padahal bagian lain berkas UTF-8; dibaca sebagai Windows-1252: %q — periksa "+
				"ejaannya, atau simpan ulang berkas sebagai \"CSV UTF-8\"", rec[i])})
	}
}

// windows1252 decodes b as Windows-1252.
func windows1252(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/8)
	for _, c := range b {
		switch {
		case c < 0x80:
			out.WriteByte(c)
		case c < 0xA0:
			out.WriteRune(cp1252[c-0x80])
		default:
			out.WriteRune(rune(c)) // Latin-1 and Windows-1252 agree from 0xA0
		}
	}
	return out.Bytes()
}

// cp1252 maps bytes 0x80–0x9F of Windows-1252; undefined ones map to U+FFFD.
var cp1252 = [32]rune{
	'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
}

// separator picks the field separator: an Excel "sep=X" first line if
// present (the line is dropped and offset is 1), otherwise whichever of
// semicolon, tab and comma occurs most outside quotes on the first
// non-empty line, comma on a tie.
func separator(text []byte) (rest []byte, sep rune, offset int) {
	first, after, _ := bytes.Cut(text, []byte("\n"))
	first = bytes.TrimRight(first, "\r")
	if len(first) == 5 && strings.EqualFold(string(first[:4]), "sep=") {
		if r := rune(first[4]); r == ',' || r == ';' || r == '\t' || r == '|' {
			return after, r, 1
		}
	}
	counts := map[byte]int{}
	inQuote, started := false, false
	for _, c := range text {
		if c == '\n' && !inQuote {
			if started {
				break
			}
			continue
		}
		if c != '\r' && c != ' ' {
			started = true
		}
		if c == '"' {
			inQuote = !inQuote
		} else if !inQuote {
			counts[c]++
		}
	}
	sep = ','
	if counts[';'] > counts[','] {
		sep = ';'
	}
	if counts['\t'] > counts[byte(sep)] {
		sep = '\t'
	}
	return text, sep, 0
}

func sepName(sep rune) string {
	switch sep {
	case ';':
		return "titik koma (;)"
	case '\t':
		return "tab"
	case '|':
		return "garis tegak (|)"
	}
	return "koma (,)"
}

// thousands writes n with Indonesian thousand dots: 50.000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}
