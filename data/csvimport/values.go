package csvimport

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
)

// valueKey reduces a value to the form vocabulary entries are matched by:
// lower-case words of letters and digits, everything else a single space.
// "Rapat_Koordinasi", "rapat  koordinasi" and "Rapat koordinasi." all give
// "rapat koordinasi"; "Biro/Bagian Humas" gives "biro bagian humas".
func valueKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// vocabIndex maps every accepted spelling of a vocabulary's options to the
// option's code: the code, the Indonesian and English labels, and extra
// aliases.
type vocabIndex struct {
	vocab  data.Vocabulary
	lookup map[string]string
}

func newVocabIndex(v data.Vocabulary, aliases map[string]string) vocabIndex {
	ix := vocabIndex{vocab: v, lookup: map[string]string{}}
	for _, o := range v {
		for _, s := range []string{o.Code, o.Label.ID, o.Label.EN} {
			ix.lookup[valueKey(s)] = o.Code
		}
	}
	for a, code := range aliases {
		ix.lookup[valueKey(a)] = code
	}
	return ix
}

// code returns the option's code for s, or an Indonesian reason naming the
// accepted values.
func (ix vocabIndex) code(s, what string) (string, error) {
	if c, ok := ix.lookup[valueKey(s)]; ok {
		return c, nil
	}
	names := make([]string, len(ix.vocab))
	for i, o := range ix.vocab {
		names[i] = o.Label.ID
	}
	return "", fmt.Errorf("%s %q tidak dikenal; pilihan: %s", what, s, strings.Join(names, ", "))
}

var (
	activityTypes = newVocabIndex(data.ActivityTypes, map[string]string{
		"rakor": "rapat_koordinasi", "rapat": "rapat_koordinasi", "hoaks": "klarifikasi_hoaks",
		"klarifikasi": "klarifikasi_hoaks", "sarana prasarana": "sarana", "bimtek": "pelatihan",
	})
	agencyKinds = newVocabIndex(data.AgencyKinds, map[string]string{
		"biro humas": "humas", "bagian humas": "humas", "ormas": "komunitas", "komunitas": "komunitas",
		"partai": "partai", "parpol": "partai", "polres": "polri", "polda": "polri", "kodim": "tni",
		"korem": "tni", "kejari": "kejaksaan", "kejati": "kejaksaan",
		"kementerian": "kementerian_lembaga", "lembaga": "kementerian_lembaga", "k/l": "kementerian_lembaga",
		"pemda": "pemda_opd", "opd": "pemda_opd", "perangkat daerah": "pemda_opd",
		"bumn": "bumn_bumd", "bumd": "bumn_bumd", "universitas": "perguruan_tinggi",
		"kampus": "perguruan_tinggi", "politeknik": "perguruan_tinggi", "institut": "perguruan_tinggi",
	})
	levels = newVocabIndex(data.Levels, map[string]string{
		"nasional": "pusat", "prov": "provinsi", "kab": "kabupaten",
	})
	platforms = newVocabIndex(data.SocialPlatforms, map[string]string{
		"ig": "instagram", "fb": "facebook", "twitter": "x", "yt": "youtube", "wa": "whatsapp",
		"saluran whatsapp": "whatsapp", "threads": "lainnya",
	})
)

// parseDate reads a date as iddate.Parse does, also after a time of day
// that spreadsheets append ("2023-07-10 00:00:00").
func parseDate(s string) (data.Date, error) {
	d, err := iddate.Parse(s)
	if err == nil {
		return d, nil
	}
	if f := strings.Fields(s); len(f) > 1 && clockRE.MatchString(f[len(f)-1]) {
		if d, err2 := iddate.Parse(strings.Join(f[:len(f)-1], " ")); err2 == nil {
			return d, nil
		}
	}
	return data.Date{}, err
}

var clockRE = regexp.MustCompile(`^\d{1,2}[:.]\d{2}([:.]\d{2})?$`)

// intRE accepts 1250, 1.250, 1,250, 1 250 and 1.250.000 (one separator
// kind, groups of three) with an optional minus sign.
var intRE = regexp.MustCompile(`^-?(\d+|\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+|\d{1,3}( \d{3})+)$`)

// parseCount reads a count. Dots, commas and spaces are thousand
// separators only (there are no fractions of people): "1.250" and "1,250"
// are 1250, "1,5" is refused. Empty is 0. A negative number is returned
// as such for validation to refuse.
func parseCount(s string) (int, error) {
	s = strings.ReplaceAll(s, "\u00a0", " ") // Excel's non-breaking thousands space
	// "-" is how spreadsheets write nil.
	if s == "" || s == "-" {
		return 0, nil
	}
	if !intRE.MatchString(s) {
		return 0, fmt.Errorf("%q bukan bilangan bulat (contoh: 1250 atau 1.250)", s)
	}
	n, err := strconv.Atoi(strings.NewReplacer(".", "", ",", "", " ", "").Replace(s))
	if err != nil {
		return 0, fmt.Errorf("%q terlalu besar", s)
	}
	return n, nil
}

// Spellings of yes and no. Each boolean column accepts the common ones and
// its own words; "Daring" in the terlaksana column is refused, because
// there it means the cells have shifted.
var (
	yesWords = []string{"ya", "y", "iya", "yes", "1", "true", "benar", "v"}
	noWords  = []string{"tidak", "tdk", "n", "no", "0", "false", "salah"}
)

func parseBool(s string, empty bool, yes, no []string, help string) (bool, error) {
	if s == "" {
		return empty, nil
	}
	if s == "✓" || s == "√" || s == "✔" {
		return true, nil
	}
	k := valueKey(s)
	for _, w := range append(yesWords, yes...) {
		if k == w {
			return true, nil
		}
	}
	for _, w := range append(noWords, no...) {
		if k == w {
			return false, nil
		}
	}
	return false, fmt.Errorf("%q tidak dikenali; isi %s", s, help)
}

func parseOnline(s string) (bool, error) {
	return parseBool(s, false, []string{"daring", "online", "virtual"}, []string{"luring", "offline", "tatap muka"}, "Ya/Tidak atau Daring/Luring")
}

var entryStates = newVocabIndex(data.EntryStates, map[string]string{
	"rencana": data.EntryPlanned, "akan datang": data.EntryPlanned, "belum terlaksana": data.EntryPlanned,
	"sudah": data.EntryDone, "selesai": data.EntryDone, "ya": data.EntryDone,
	"batal": data.EntryNotDone, "dibatalkan": data.EntryNotDone, "tidak": data.EntryNotDone,
})

// parseStatus reads an activity's state for a row: the status column when
// filled, else the Ya/Tidak terlaksana column of an older file (with
// data.LegacyNotDoneReason when it says Tidak and no reason is given),
// else "" for data.Entry.FillStatus to decide by the date. legacy says the
// state came from the old column, which FillStatus may override for a
// date after today, as it does for records of the previous schema.
func parseStatus(status, realised string) (code string, legacy bool, err error) {
	if status != "" {
		code, err = entryStates.code(status, "status kegiatan")
		return code, false, err
	}
	if realised == "" {
		return "", false, nil
	}
	done, err := parseRealised(realised)
	if err != nil {
		return "", true, err
	}
	if done {
		return data.EntryDone, true, nil
	}
	return data.EntryNotDone, true, nil
}

func parseRealised(s string) (bool, error) {
	return parseBool(s, true, []string{"sudah", "terlaksana", "selesai"},
		[]string{"belum", "tidak terlaksana", "belum terlaksana", "batal"}, "Ya/Tidak atau Sudah/Belum")
}

var strategyNumRE = regexp.MustCompile(`^(?i:strategi\s*)?(\d+)\s*(?:[.):\-–]\s*(.*))?$`)

// parseStrategy reads a strategy by number ("2", "Strategi 2", "2. Pertemuan
// …") or by its Indonesian or English name. An out-of-range number is
// returned for validation to refuse with the range.
func parseStrategy(s string) (int, error) {
	if m := strategyNumRE.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		n, err := strconv.Atoi(m[1])
		if err != nil {
			return 0, fmt.Errorf("strategi %q tidak dikenal", s)
		}
		if name := valueKey(m[2]); strings.Trim(name, "0") != "" && n >= 1 && n <= len(data.Strategies) {
			st := data.Strategies[n-1]
			if name != valueKey(st.Label.ID) && name != valueKey(st.Label.EN) {
				return 0, fmt.Errorf("nomor dan nama strategi tidak cocok: strategi %d adalah %q", n, st.Label.ID)
			}
		}
		return n, nil
	}
	k := valueKey(s)
	for _, st := range data.Strategies {
		if k == valueKey(st.Label.ID) || k == valueKey(st.Label.EN) {
			return st.Number, nil
		}
	}
	return 0, fmt.Errorf("strategi %q tidak dikenal; isi nomor 1–8 atau nama strategi Bakohumas", s)
}

// splitList splits a cell holding several values on any of seps and
// line breaks, dropping empty items.
func splitList(s, seps string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) || r == '\n' || r == '\r' })
	out := f[:0]
	for _, v := range f {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// parseLinks reads evidence links separated by spaces, ";" or "|".
func parseLinks(s string) ([]string, error) {
	links := splitList(s, " \t;|")
	for _, l := range links {
		if !data.ValidURL(l) {
			return nil, fmt.Errorf("tautan %q bukan alamat web yang sah (awali dengan http:// atau https://)", l)
		}
	}
	return links, nil
}

// parseSocial reads "instagram:@kpu_sleman; youtube:@KPUSleman". An item
// may also be a profile address, whose platform is taken from its host.
func parseSocial(s string) ([]data.SocialAccount, error) {
	var out []data.SocialAccount
	for _, item := range splitList(s, ";|,") {
		if strings.HasPrefix(strings.ToLower(item), "http://") || strings.HasPrefix(strings.ToLower(item), "https://") {
			out = append(out, data.SocialAccount{Platform: platformOfURL(item), Handle: item})
			continue
		}
		name, handle, ok := strings.Cut(item, ":")
		if !ok || strings.TrimSpace(handle) == "" {
			return nil, fmt.Errorf("akun %q tidak menyebut platformnya; tulis platform:akun, mis. instagram:@kpu_sleman", item)
		}
		p, err := platforms.code(name, "platform")
		if err != nil {
			return nil, err
		}
		out = append(out, data.SocialAccount{Platform: p, Handle: strings.TrimSpace(handle)})
	}
	return out, nil
}

func platformOfURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "lainnya"
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	host = strings.TrimPrefix(host, "m.")
	for suffix, p := range map[string]string{
		"instagram.com": "instagram", "facebook.com": "facebook", "fb.com": "facebook", "x.com": "x",
		"twitter.com": "x", "youtube.com": "youtube", "youtu.be": "youtube", "tiktok.com": "tiktok",
		"whatsapp.com": "whatsapp",
	} {
		if host == suffix || strings.HasSuffix(host, "."+suffix) {
			return p
		}
	}
	return "lainnya"
}

// nameKey is how names are compared: case-insensitive, spaces collapsed.
func nameKey(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// guardText protects a text cell that a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or carriage return) with a leading
// apostrophe; unguard removes it again on import.
func guardText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func unguard(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}
