package report

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
)

// Text that reaches gofpdf must be sanitised first: gofpdf indexes its
// 65,536-entry width table by rune, so a character beyond U+FFFF (emoji,
// common in social-media titles) makes CellFormat and SplitText panic, and
// a character the Go fonts lack prints as an empty box. pdfClean is the one
// gate every string passes through (the drawing helpers of pdfDoc call it).

// pdfGlyphs is the set of BMP characters the Go fonts draw (regular, bold and
// italic cover the same 709 characters: Latin-1, Latin Extended-A, Greek,
// Cyrillic and common punctuation).
var pdfGlyphs = sync.OnceValue(func() *[1 << 16 / 64]uint64 {
	var set [1 << 16 / 64]uint64
	f, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		return &set // unreachable: the font is embedded in the binary
	}
	var buf sfnt.Buffer
	for r := rune(0); r <= 0xFFFF; r++ {
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return &set
})

func pdfHasGlyph(r rune) bool {
	return r >= 0 && r <= 0xFFFF && pdfGlyphs()[r/64]&(1<<(r%64)) != 0
}

// pdfClean makes s safe and legible for gofpdf with the Go fonts:
//   - composed to NFC, so "e" + combining diaeresis prints as one "ë";
//   - CR LF, CR, and the Unicode line and paragraph separators become "\n"
//     (kept: the wrapping code breaks lines there); a tab becomes a space;
//     other control and format characters (zero-width joiners, variation
//     selectors, byte-order marks) are dropped;
//   - a character beyond U+FFFF or without a glyph is replaced by its
//     compatibility form when that prints ("𝐁𝐞𝐫𝐢𝐭𝐚", the bold "fancy text"
//     of social media, becomes "Berita"), dropped when it is a symbol such
//     as an emoji (with one of the spaces around it), and printed as "?"
//     otherwise (a letter of a script the font lacks), so that a reader sees
//     something is missing.
//
// Indonesian and other Latin text with accents passes unchanged.
func pdfClean(s string) string {
	if pdfPlainASCII(s) {
		return s
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	dropped := false // a symbol was just dropped: swallow a doubled space
	last := rune(-1)
	write := func(r rune) {
		if r == ' ' && dropped && (last == ' ' || last == '\n' || last == -1) {
			return
		}
		dropped = false
		b.WriteRune(r)
		last = r
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			write('\n')
		case r == '\n':
			write('\n')
		case r == '\u2028' || r == '\u2029':
			write('\n')
		case r == '\t':
			write(' ')
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			// other control characters
		case r == '\u00a0' || r == '\u202f' || r == '\u2007': // no-break spaces
			write(' ')
		case pdfHasGlyph(r):
			write(r)
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r) || pdfVariationSelector(r):
			// zero-width and format characters, combining marks that did
			// not compose, emoji variation selectors: invisible, dropped
		default:
			if alt := norm.NFKC.String(string(r)); alt != string(r) && pdfAllGlyphs(alt) {
				for _, a := range alt {
					write(a)
				}
				continue
			}
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				write('?')
				continue
			}
			dropped = true // emoji, pictographs, other symbols
		}
	}
	return strings.TrimRight(b.String(), " ")
}

func pdfPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n') || c >= 0x7f {
			return false
		}
	}
	return true
}

func pdfVariationSelector(r rune) bool {
	return (r >= 0xfe00 && r <= 0xfe0f) || (r >= 0xe0100 && r <= 0xe01ef) || (r >= 0xe0000 && r <= 0xe007f)
}

func pdfAllGlyphs(s string) bool {
	for _, r := range s {
		if !pdfHasGlyph(r) {
			return false
		}
	}
	return s != ""
}

// pdfLine is pdfClean for text that must stay on one line.
func pdfLine(s string) string {
	s = pdfClean(s)
	if strings.IndexByte(s, '\n') >= 0 {
		s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
	}
	return s
}

// pdfNum writes an integer the Indonesian way, with dots between thousands:
// 12.345.
func pdfNum(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	if len(s) <= 3 {
		return sign + s
	}
	var b strings.Builder
	b.WriteString(sign)
	first := len(s) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(s[:first])
	for i := first; i < len(s); i += 3 {
		b.WriteByte('.')
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// pdfDateSpan writes an activity's date: "10 Juli 2023" for one day, and a
// compact range otherwise: "10–11 Juli 2023", "30 Juli – 2 Agustus 2023",
// "30 Desember 2023 – 2 Januari 2024".
func pdfDateSpan(from, to data.Date) string {
	if to.IsZero() || to == from || to.Before(from) {
		return iddate.Medium(from)
	}
	switch {
	case from.Year == to.Year && from.Month == to.Month:
		return strconv.Itoa(from.Day) + "–" + iddate.Medium(to)
	case from.Year == to.Year:
		return strconv.Itoa(from.Day) + " " + iddate.Months[from.Month-1] + " – " + iddate.Medium(to)
	}
	return iddate.Range(from, to)
}
