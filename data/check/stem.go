package check

import (
	"strings"
	"unicode/utf8"
)

// minRoot is the shortest candidate root Stem returns (the word itself is
// always returned, whatever its length). Indonesian roots of one or two
// letters are too rare to be worth the false matches.
const minRoot = 3

// Inflectional and derivational suffixes, outermost first: particles, then
// possessive pronouns, then derivational suffixes.
var (
	particles    = []string{"lah", "kah", "tah", "pun"}
	possessives  = []string{"nya", "ku", "mu"}
	derivational = []string{"kan", "an", "i"}
)

// Stem returns the candidate roots of an Indonesian word form: the
// lower-cased word itself first, then every form that removing common
// suffixes (-lah, -kah, -tah, -pun; -nya, -ku, -mu; -kan, -an, -i) and up
// to two layers of prefixes (me-, pe- with their nasal forms, di-, ke-,
// se-, ber-, ter-, per-) can leave, restoring the first letter a nasal
// prefix absorbs (menyebar → sebar, memukul → pukul, menuduh → tuduh,
// mengirim → kirim).
//
// It over-generates on purpose: a listed root matches a word when it is
// any of the candidates, so "dikafirkan", "mengkafirkan" and "kekafiran"
// all match "kafir". It never strips a word down to fewer than three
// letters, and it only strips whole affixes at the edges, so "pantai" and
// "Bantul" do not match "bantai" and "mengusulkan" does not match "usir".
// A listed derived form ("habisi") matches that form with outer affixes
// ("menghabisi", "dihabisi") but not other derivations of the same root
// ("menghabiskan").
func Stem(word string) []string {
	w := strings.ToLower(word)
	out := []string{w}
	add := func(s string) {
		if utf8.RuneCountInString(s) < minRoot {
			return
		}
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	for _, s := range suffixForms(w) {
		add(s)
		prefixForms(s, 2, add)
	}
	return out
}

// suffixForms returns w and the forms left by removing a particle, a
// possessive and a derivational suffix, in that order, each optional.
func suffixForms(w string) []string {
	forms := []string{w}
	for _, layer := range [][]string{particles, possessives, derivational} {
		n := len(forms)
		for i := 0; i < n; i++ {
			f := forms[i]
			for _, suf := range layer {
				if !strings.HasSuffix(f, suf) || utf8.RuneCountInString(f)-len(suf) < minRoot {
					continue
				}
				rest := f[:len(f)-len(suf)]
				if !contains(forms, rest) {
					forms = append(forms, rest)
				}
			}
		}
	}
	return forms
}

// prefixForms calls emit with every form left by removing one prefix from
// s, and recursively up to depth prefixes (memper-, diper-, keber-).
func prefixForms(s string, depth int, emit func(string)) {
	if depth == 0 {
		return
	}
	try := func(rest string) {
		if utf8.RuneCountInString(rest) < minRoot {
			return
		}
		emit(rest)
		prefixForms(rest, depth-1, emit)
	}
	for _, p := range []string{"me", "pe"} {
		if !strings.HasPrefix(s, p) {
			continue
		}
		switch {
		case strings.HasPrefix(s, p+"ng"): // meng-/peng-: vowels, g, h, k (k may drop)
			rest := s[len(p)+2:]
			try(rest)
			if startsVowel(rest) {
				try("k" + rest)
			}
		case strings.HasPrefix(s, p+"ny"): // meny-/peny-: s drops
			if rest := s[len(p)+2:]; startsVowel(rest) {
				try("s" + rest)
			}
		case strings.HasPrefix(s, p+"m"): // mem-/pem-: b, f, v; p drops
			rest := s[len(p)+1:]
			if startsWith(rest, "bfvp") {
				try(rest)
			} else if startsVowel(rest) {
				try("p" + rest)
			}
		case strings.HasPrefix(s, p+"n"): // men-/pen-: c, d, j, z, sy; t drops
			rest := s[len(p)+1:]
			if startsWith(rest, "cdjzst") {
				try(rest)
			} else if startsVowel(rest) {
				try("t" + rest)
			}
		}
		// me-/pe- before l, m, n, r, w, y (melempar, menista, merusak);
		// pe- also before other consonants (petani, pedagang).
		rest := s[len(p):]
		if startsWith(rest, "lmnrwy") || (p == "pe" && rest != "" && !startsVowel(rest)) {
			try(rest)
		}
	}
	for _, p := range []string{"ber", "ter", "per"} {
		if strings.HasPrefix(s, p) {
			try(s[len(p):])
		}
	}
	// be-/te- before r (berenang = ber + renang) and before a first
	// syllable ending in -er (bekerja).
	for _, p := range []string{"be", "te"} {
		if rest, ok := strings.CutPrefix(s, p); ok && (startsWith(rest, "r") || erSyllable(rest)) {
			try(rest)
		}
	}
	for _, p := range []string{"di", "ke", "se"} {
		if strings.HasPrefix(s, p) {
			try(s[len(p):])
		}
	}
}

func startsVowel(s string) bool { return startsWith(s, "aeiou") }

func startsWith(s, letters string) bool {
	return s != "" && strings.IndexByte(letters, s[0]) >= 0
}

// erSyllable reports whether s starts with a consonant followed by "er"
// (kerja, ternak), the roots that take be- instead of ber-.
func erSyllable(s string) bool {
	return len(s) >= 3 && !startsVowel(s) && s[1:3] == "er"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// exactForms returns the lower-cased form and the forms without a particle
// or possessive (-lah, -kah, -tah, -pun, -nya, -ku, -mu): what an "exact"
// term and an official's name match.
func exactForms(form string) []string {
	out := []string{form}
	for _, layer := range [][]string{particles, possessives} {
		n := len(out)
		for i := 0; i < n; i++ {
			for _, suf := range layer {
				f := out[i]
				if strings.HasSuffix(f, suf) && utf8.RuneCountInString(f)-len(suf) >= 2 {
					if rest := f[:len(f)-len(suf)]; !contains(out, rest) {
						out = append(out, rest)
					}
				}
			}
		}
	}
	return out
}
