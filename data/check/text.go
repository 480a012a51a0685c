package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a field: a maximal run of letters and digits.
// Hyphens split words, so a reduplication ("antek-antek") is two tokens
// and a phrase still matches across it.
type token struct {
	start, end int      // byte offsets in the field text
	form       string   // lower-cased
	sent       int      // sentence number within the field
	stems      []string // Stem(form)
	exact      []string // exactForms(form)
}

// field is one checked text (the title, the body or a photo caption),
// tokenised once.
type field struct {
	name   string // FieldTitle, FieldBody or FieldPhoto
	photo  int    // 1-based photo number for FieldPhoto
	text   string
	toks   []token
	stems  map[string][]int // candidate root → token indexes
	exacts map[string][]int // exact form → token indexes
	quotes [][2]int         // byte ranges between quotation marks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits s into tokens with byte offsets and sentence numbers. A
// sentence ends at ! ? ; or a line break, and at a full stop followed by
// a space or the end (so "1.000" and "kpu.go.id" stay in one sentence).
func tokenize(s string) []token {
	var toks []token
	sent, brk := 0, false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) {
					break
				}
				j += n2
			}
			if brk && len(toks) > 0 {
				sent++
			}
			brk = false
			toks = append(toks, token{start: i, end: j, form: strings.ToLower(s[i:j]), sent: sent})
			i = j
			continue
		}
		switch r {
		case '!', '?', ';', '\n', '\r':
			brk = true
		case '.':
			end := i+n >= len(s) || s[i+n] == ' ' || s[i+n] == '\t' || s[i+n] == '\n' || s[i+n] == '\r'
			if end && !(len(toks) > 0 && toks[len(toks)-1].end == i && abbreviation(toks[len(toks)-1].form)) {
				brk = true
			}
		}
		i += n
	}
	return toks
}

// abbreviations that end with a full stop inside a sentence, besides
// degrees and single letters.
var abbreviations = setOf("kab", "kec", "kel", "ds", "jl", "jln", "no", "tgl", "prov", "pj", "plt", "plh",
	"bpk", "yth", "dll", "dsb", "dst", "hj", "dr", "drs", "dra", "ir", "prof", "kh", "ust", "tn", "ny", "nn",
	"sdr", "sdri", "hc")

// abbreviation reports whether a full stop after form is likely an
// abbreviation's (Dr. H. Kab. S.H.) rather than a sentence end.
func abbreviation(form string) bool {
	return utf8.RuneCountInString(form) == 1 || degrees[form] || abbreviations[form]
}

// quoteRanges returns the byte ranges enclosed in quotation marks: straight
// double quotes pair up in order; curly “ ” and « » open and close.
func quoteRanges(s string) [][2]int {
	var out [][2]int
	open := -1
	for i, r := range s {
		switch r {
		case '"':
			if open < 0 {
				open = i + 1
			} else {
				out = append(out, [2]int{open, i})
				open = -1
			}
		case '“', '«':
			open = i + utf8.RuneLen(r)
		case '”', '»':
			if open >= 0 {
				out = append(out, [2]int{open, i})
				open = -1
			}
		}
	}
	return out
}

func newField(name string, photo int, text string, cache map[string][]string) *field {
	f := &field{name: name, photo: photo, text: text, toks: tokenize(text),
		stems: map[string][]int{}, exacts: map[string][]int{}, quotes: quoteRanges(text)}
	for i := range f.toks {
		t := &f.toks[i]
		st, ok := cache[t.form]
		if !ok {
			st = Stem(t.form)
			cache[t.form] = st
		}
		t.stems = st
		t.exact = exactForms(t.form)
		for _, c := range t.stems {
			f.stems[c] = append(f.stems[c], i)
		}
		for _, c := range t.exact {
			f.exacts[c] = append(f.exacts[c], i)
		}
	}
	return f
}

// pattern is a compiled term: its words, matched in order within one
// sentence, each against the candidate roots of a token (or, when exact,
// against the token's exact forms).
type pattern struct {
	words []string
	exact bool
}

func newPattern(text string, exact bool) pattern {
	var words []string
	for _, t := range tokenize(text) {
		words = append(words, t.form)
	}
	return pattern{words: words, exact: exact}
}

// span is a match: tokens from..to inclusive.
type span struct{ from, to int }

func (f *field) has(i int, word string, exact bool) bool {
	if exact {
		return contains(f.toks[i].exact, word)
	}
	return contains(f.toks[i].stems, word)
}

// find returns every match of p in f.
func (f *field) find(p pattern) []span {
	if len(p.words) == 0 {
		return nil
	}
	idx := f.stems
	if p.exact {
		idx = f.exacts
	}
	var out []span
	for _, i := range idx[p.words[0]] {
		end := i + len(p.words) - 1
		if end >= len(f.toks) || f.toks[end].sent != f.toks[i].sent {
			continue
		}
		ok := true
		for j := 1; j < len(p.words) && ok; j++ {
			ok = f.has(i+j, p.words[j], p.exact)
		}
		if ok {
			out = append(out, span{i, end})
		}
	}
	return out
}

// bytes returns the byte offsets of a token span.
func (f *field) bytes(s span) (int, int) { return f.toks[s.from].start, f.toks[s.to].end }

// quoted reports whether the span starts inside quotation marks.
func (f *field) quoted(s span) bool {
	start, _ := f.bytes(s)
	for _, q := range f.quotes {
		if start >= q[0] && start < q[1] {
			return true
		}
	}
	return false
}
