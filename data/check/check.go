package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/humasdesk/humasdesk/data"
)

// Input is the content to check.
type Input struct {
	Title, Body   string
	Kind          string    // a data.DraftKinds code
	ElectionStage string    // the draft's election stage, free text; set → election content
	PlannedDate   data.Date // the publishing date; zero → the day of checking
	// Election marks the content as election-related whatever its words.
	Election bool
	Photos   []PhotoTag
}

// PhotoTag is a photo attached to the content, as the writer described it.
type PhotoTag struct {
	Caption       string `json:"caption"`
	ShowsOfficial bool   `json:"shows_official"` // the writer tagged it as showing an official
	Official      string `json:"official,omitempty"`
}

// FromDraft returns the input for a draft and the pictures attached to it
// (store.DraftPhotos).
func FromDraft(d *data.Draft, photos []data.Photo) Input {
	in := Input{Title: d.Title, Body: d.Body, Kind: d.Kind, ElectionStage: d.ElectionStage, PlannedDate: d.PlannedDate}
	for _, p := range photos {
		in.Photos = append(in.Photos, PhotoTag{Caption: p.Caption, ShowsOfficial: p.ShowsOfficial})
	}
	return in
}

// Fields a finding can point into.
const (
	FieldTitle = "title"
	FieldBody  = "body"
	FieldPhoto = "photo" // a photo's caption
)

// Rule ids: stable, stored with overrides in the audit trail.
const (
	RulePejabat         = "pejabat"          // official's name or title in election content
	RuleTagline         = "tagline"          // official's personal tagline in election content
	RuleFotoPejabat     = "foto_pejabat"     // photo of an official on election content
	RuleSARA            = CatSARA            // SARA term
	RuleUjaranKebencian = CatUjaranKebencian // hate-speech term
	RuleProvokasiHoaks  = CatProvokasiHoaks  // hoax-provocation phrase
	RulePasal71         = "pasal71"          // regional head with programs in the Pasal 71 period
	RuleKampanye        = "kampanye"         // campaign-ban matter
)

// Rules are the rule ids with their labels, in the order the checker runs them.
var Rules = data.Vocabulary{
	{Code: RulePejabat, Label: data.Text{ID: "Nama/jabatan pejabat dalam konten pemilu", EN: "Official's name or title in election content"}},
	{Code: RuleTagline, Label: data.Text{ID: "Tagline pribadi pejabat", EN: "Official's personal tagline"}},
	{Code: RuleFotoPejabat, Label: data.Text{ID: "Foto pejabat pada konten pemilu", EN: "Photo of an official on election content"}},
	{Code: RuleSARA, Label: data.Text{ID: "Isu SARA", EN: "SARA issue"}},
	{Code: RuleUjaranKebencian, Label: data.Text{ID: "Ujaran kebencian", EN: "Hate speech"}},
	{Code: RuleProvokasiHoaks, Label: data.Text{ID: "Provokasi hoaks", EN: "Hoax provocation"}},
	{Code: RulePasal71, Label: data.Text{ID: "Program kepala daerah pada masa Pasal 71", EN: "Regional head's programs in the Article 71 period"}},
	{Code: RuleKampanye, Label: data.Text{ID: "Larangan kampanye", EN: "Campaign ban"}},
}

// Severities. Every finding must be resolved or overridden before
// submission; the severity only says how likely it is a real problem.
const (
	SeverityHigh   = "tinggi" // very likely a breach: change the content
	SeverityReview = "tinjau" // may be fine in context: the reviewer decides
)

// Severities are the severities with labels.
var Severities = data.Vocabulary{
	{Code: SeverityHigh, Label: data.Text{ID: "Tinggi", EN: "High"}},
	{Code: SeverityReview, Label: data.Text{ID: "Perlu ditinjau", EN: "Needs review"}},
}

// Finding is one thing the checker found.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Field    string `json:"field"` // FieldTitle, FieldBody or FieldPhoto
	Photo    int    `json:"photo"` // 1-based position in Input.Photos when Field is FieldPhoto, else 0
	// Start and End are the byte offsets of the match in the field's text
	// (the title, the body or the photo's caption): text[Start:End] == Match.
	Start   int       `json:"start"`
	End     int       `json:"end"`
	Match   string    `json:"match"`
	Message data.Text `json:"message"` // what was found
	Why     data.Text `json:"why"`     // why it matters, with the rule it rests on
}

// Key identifies a finding across edits that move it: the rule, the field
// and the lower-cased matched text. An override recorded against a key
// still applies after text before the match changes.
func (f Finding) Key() string {
	return fmt.Sprintf("%s|%s|%d|%s", f.Rule, f.Field, f.Photo, strings.ToLower(f.Match))
}

// Rule is one check. Rules see the content through a Doc, which
// tokenises it once; a new rule is added to the rules list below.
type Rule interface {
	ID() string
	Check(d *Doc) []Finding
}

// rules are the checks Check runs, in order.
var rules = []Rule{
	officialRule{},
	taglineRule{},
	photoRule{},
	termRule{RuleSARA, SeverityHigh},
	termRule{RuleUjaranKebencian, SeverityHigh},
	termRule{RuleProvokasiHoaks, SeverityReview},
	pasal71Rule{},
	campaignRule{},
}

// Check runs every rule on the content and returns the findings in the
// order of the fields (title, body, photos) and then of their position.
// today is the day of checking: the date of content without a planned
// date. Overlapping findings of one rule are merged into one.
func Check(in Input, cfg Config, today data.Date) []Finding {
	d := NewDoc(in, cfg, today)
	var out []Finding
	for _, r := range rules {
		out = append(out, r.Check(d)...)
	}
	return d.tidy(out)
}

// Doc is the content prepared for the rules: every field tokenised once,
// the configuration compiled, and the election question answered.
type Doc struct {
	in     Input
	cfg    Config
	today  data.Date
	fields []*field // title, body, then photo captions
	terms  map[string][]compiledTerm
	offs   []compiledOfficial

	election    bool
	electionWhy data.Text
}

type compiledTerm struct {
	Term
	p pattern
}

type compiledOfficial struct {
	o        Official
	head     bool
	names    []pattern // the name, then aliases
	title    pattern
	taglines []pattern
}

// NewDoc prepares the content for the rules.
func NewDoc(in Input, cfg Config, today data.Date) *Doc {
	d := &Doc{in: in, cfg: cfg, today: today, terms: map[string][]compiledTerm{}}
	cache := map[string][]string{}
	d.fields = append(d.fields, newField(FieldTitle, 0, in.Title, cache), newField(FieldBody, 0, in.Body, cache))
	for i, p := range in.Photos {
		d.fields = append(d.fields, newField(FieldPhoto, i+1, p.Caption, cache))
	}
	for _, t := range cfg.Terms {
		ct := compiledTerm{t, newPattern(t.Text, t.Exact)}
		if len(ct.p.words) > 0 {
			d.terms[t.Category] = append(d.terms[t.Category], ct)
		}
	}
	for _, o := range cfg.Officials {
		co := compiledOfficial{o: o, head: o.isHead(), title: pattern{titleWords(o.Title), true}}
		if w := nameWords(o.Name); len(w) > 0 {
			co.names = append(co.names, pattern{w, true})
		}
		for _, a := range o.Aliases {
			if p := newPattern(a, true); len(p.words) > 0 {
				co.names = append(co.names, p)
			}
		}
		for _, t := range o.Taglines {
			if p := newPattern(t, true); len(p.words) > 0 {
				co.taglines = append(co.taglines, p)
			}
		}
		d.offs = append(d.offs, co)
	}
	d.election, d.electionWhy = d.isElection()
	return d
}

// Election reports whether the content is election-related: it is when
// Input.Election is set, when its kind is narasi_tahapan, when it names an
// election stage, or when its title or body uses an election marker or
// names a participant (the pemilu and peserta lists: Pemilu, Pilkada, KPU,
// Bawaslu, TPS, pemilih, paslon, partai…). Ambiguous words ("pemilihan",
// "calon", "kampanye", "tahapan") do not count on their own.
func (d *Doc) Election() bool { return d.election }

// Date is the content's date: its planned date, or the day of checking.
func (d *Doc) Date() data.Date {
	if d.in.PlannedDate.IsZero() {
		return d.today
	}
	return d.in.PlannedDate
}

func (d *Doc) isElection() (bool, data.Text) {
	switch {
	case d.in.Election:
		return true, data.Text{ID: "ditandai sebagai konten pemilu", EN: "marked as election content"}
	case d.in.Kind == "narasi_tahapan":
		return true, data.Text{ID: "jenis konten narasi tahapan pemilu", EN: "kind is election-stage narrative"}
	case strings.TrimSpace(d.in.ElectionStage) != "":
		return true, data.Text{ID: fmt.Sprintf("tahapan pemilu %q", d.in.ElectionStage),
			EN: fmt.Sprintf("election stage %q", d.in.ElectionStage)}
	}
	for _, f := range d.textFields() {
		for _, cat := range []string{CatPemilu, CatPeserta} {
			for _, t := range d.terms[cat] {
				if m := f.find(t.p); len(m) > 0 {
					a, b := f.bytes(m[0])
					return true, data.Text{ID: fmt.Sprintf("memuat kata “%s”", f.text[a:b]),
						EN: fmt.Sprintf("mentions “%s”", f.text[a:b])}
				}
			}
		}
	}
	return false, data.Text{}
}

// textFields returns the title and the body.
func (d *Doc) textFields() []*field { return d.fields[:2] }

// matches returns every match of the terms of a category in f.
func (d *Doc) matches(f *field, cat string) []termMatch {
	var out []termMatch
	for _, t := range d.terms[cat] {
		for _, s := range f.find(t.p) {
			out = append(out, termMatch{s, t.Term})
		}
	}
	return out
}

type termMatch struct {
	span
	term Term
}

// mention is a match of an official's name, alias or title.
type mention struct {
	span
	off *compiledOfficial
}

// mentions returns the mentions of officials in f, the title and the name
// of one official merged when only punctuation or honorifics separate
// them ("Bupati Sleman, Dr. H. Kustini Sri Purnomo"). heads limits them to
// regional heads.
func (d *Doc) mentions(f *field, heads bool) []mention {
	var out []mention
	for i := range d.offs {
		co := &d.offs[i]
		if heads && !co.head {
			continue
		}
		var ms []span
		for _, p := range co.names {
			for _, s := range f.find(p) {
				// "Bupati Ahmad Santoso": the bare title word before the
				// name belongs to the mention.
				if s.from > 0 && len(co.title.words) > 0 && f.toks[s.from-1].form == co.title.words[0] &&
					strings.TrimSpace(f.text[f.toks[s.from-1].end:f.toks[s.from].start]) == "" {
					s.from--
				}
				ms = append(ms, s)
			}
		}
		if len(co.title.words) > 0 {
			for _, s := range f.find(co.title) {
				// "Wakil Bupati Sleman" is not "Bupati Sleman".
				if s.from > 0 && co.title.words[0] != "wakil" && f.toks[s.from-1].form == "wakil" &&
					f.toks[s.from-1].sent == f.toks[s.from].sent {
					continue
				}
				// "Pemilihan Bupati dan Wakil Bupati Sleman", "calon Bupati
				// Sleman": the office being contested, not the official.
				if contestedOffice(f, s.from) {
					continue
				}
				ms = append(ms, s)
			}
		}
		slices.SortFunc(ms, func(a, b span) int { return a.from - b.from })
		for _, s := range ms {
			if n := len(out); n > 0 && out[n-1].off == co && d.joinable(f, out[n-1].span, s) {
				out[n-1].to = max(out[n-1].to, s.to)
				continue
			}
			out = append(out, mention{s, co})
		}
	}
	return out
}

// contestWords before a title make it the office being contested.
var contestWords = setOf("pemilihan", "pilkada", "calon", "bakal", "kandidat", "paslon")

// contestedOffice reports whether the title starting at token i follows a
// contest word ("pemilihan", "calon"…) closely: up to four tokens back,
// across spaces, slashes and hyphens and the words of titles ("Pemilihan
// Bupati dan Wakil Bupati Sleman").
func contestedOffice(f *field, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		between := f.text[f.toks[j].end:f.toks[j+1].start]
		if strings.Trim(between, " /-\u00a0") != "" {
			return false
		}
		w := f.toks[j].form
		if contestWords[w] {
			return true
		}
		if !titleFiller[w] {
			return false
		}
	}
	return false
}

// titleFiller are the words allowed between a contest word and a title.
var titleFiller = setOf("dan", "serta", "wakil", "gubernur", "bupati", "wali", "kota", "walikota")

// joinable reports whether b overlaps a or follows it with only
// honorifics, degrees and punctuation between, in one sentence.
func (d *Doc) joinable(f *field, a, b span) bool {
	if b.from <= a.to+1 {
		return true
	}
	if f.toks[a.to].sent != f.toks[b.from].sent {
		return false
	}
	for i := a.to + 1; i < b.from; i++ {
		if !honorifics[f.toks[i].form] && !degrees[f.toks[i].form] {
			return false
		}
	}
	return true
}

// finding makes a finding for a token span of f.
func finding(f *field, s span, rule, severity string, msg, why data.Text) Finding {
	a, b := f.bytes(s)
	return Finding{Rule: rule, Severity: severity, Field: f.name, Photo: f.photo, Start: a, End: b,
		Message: msg, Why: why}
}

// fieldOf returns the field a finding points into.
func (d *Doc) fieldOf(fd Finding) *field {
	switch fd.Field {
	case FieldTitle:
		return d.fields[0]
	case FieldBody:
		return d.fields[1]
	}
	if fd.Photo >= 1 && fd.Photo+1 < len(d.fields) {
		return d.fields[fd.Photo+1]
	}
	return nil
}

func ruleIndex(id string) int {
	for i, o := range Rules {
		if o.Code == id {
			return i
		}
	}
	return len(Rules)
}

func fieldRank(f string) int {
	switch f {
	case FieldTitle:
		return 0
	case FieldBody:
		return 1
	}
	return 2
}

// tidy clamps offsets, fills Match, merges overlapping findings of one
// rule (keeping the message of the longer and the higher severity) and
// sorts.
func (d *Doc) tidy(in []Finding) []Finding {
	for i := range in {
		f := d.fieldOf(in[i])
		text := ""
		if f != nil {
			text = f.text
		}
		in[i].Start = min(max(in[i].Start, 0), len(text))
		in[i].End = min(max(in[i].End, in[i].Start), len(text))
		in[i].Match = text[in[i].Start:in[i].End]
	}
	slices.SortStableFunc(in, func(a, b Finding) int {
		if c := fieldRank(a.Field) - fieldRank(b.Field); c != 0 {
			return c
		}
		if a.Photo != b.Photo {
			return a.Photo - b.Photo
		}
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if a.End != b.End {
			return b.End - a.End // longer first
		}
		return ruleIndex(a.Rule) - ruleIndex(b.Rule)
	})
	// Sorted by start, the findings of one rule in one field form
	// disjoint groups; a finding can only join the last group of its key.
	var out []Finding
	last := map[string]int{}
	for _, fd := range in {
		key := fmt.Sprintf("%s|%s|%d", fd.Rule, fd.Field, fd.Photo)
		if j, ok := last[key]; ok && touches(d, out[j], fd) {
			o := &out[j]
			if fd.End-fd.Start > o.End-o.Start {
				o.Message, o.Why = fd.Message, fd.Why
			}
			if fd.Severity == SeverityHigh {
				o.Severity = SeverityHigh
			}
			o.End = max(o.End, fd.End)
			o.Match = d.fieldOf(*o).text[o.Start:o.End]
			continue
		}
		last[key] = len(out)
		out = append(out, fd)
	}
	return out
}

// touches reports whether b (starting at or after a) overlaps a or is
// joined to it by a hyphen only ("antek-antek").
func touches(d *Doc, a, b Finding) bool {
	if b.Start < a.End || (a.Start == a.End && b.Start == a.Start) {
		return true
	}
	f := d.fieldOf(a)
	return f != nil && b.Start == a.End+1 && f.text[a.End] == '-'
}
