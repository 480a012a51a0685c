package data

import "strings"

// Clipping is one item of the media-monitoring register (kliping): what an
// outlet wrote or broadcast about the office, how it leaned, and what of
// the office's own it covers. A clipping that names a published press
// release (DraftIDs) is a pickup of it; one that names a hoax case
// (HoaxID) is coverage the office answered with that case's
// clarification. The pickup statistics (data/monitoring) are computed from
// these links.
type Clipping struct {
	Meta
	Date Date `gorm:"column:clip_date" json:"date"`
	// The outlet: an agency of kind "media" (AgencyID), or, for an outlet
	// not yet among the agencies, its name as free text (Outlet). When both
	// are set the agency wins and Outlet keeps the name as first typed.
	AgencyID      string       `json:"agency_id"`
	Outlet        string       `json:"outlet"`
	Medium        string       `json:"medium"`
	Headline      string       `json:"headline"`
	Link          string       `json:"link"`
	Summary       string       `json:"summary"`
	Tone          string       `json:"tone"`
	Topics        List[string] `json:"topics"`
	ElectionStage string       `json:"election_stage"`
	DraftIDs      List[string] `gorm:"column:draft_ids" json:"draft_ids"`
	HoaxID        string       `json:"hoax_id"`
	// Attachment is the hex SHA-256 of a screenshot or PDF of the page in
	// the content-addressed blob folder (as Photo.Hash), "" for none.
	Attachment string `json:"attachment"`
	// Source says how the clipping came in: typed, imported from CSV, or
	// accepted from a feed suggestion.
	Source string `json:"source"`
}

// Media are the kinds of outlet a clipping appeared in.
var Media = Vocabulary{
	{"online", Text{"Media daring", "Online"}},
	{"cetak", Text{"Media cetak", "Print"}},
	{"tv", Text{"Televisi", "TV"}},
	{"radio", Text{"Radio", "Radio"}},
	{"media_sosial", Text{"Media sosial", "Social media"}},
}

// Tones are how coverage leaned towards the office.
var Tones = Vocabulary{
	{"positif", Text{"Positif", "Positive"}},
	{"netral", Text{"Netral", "Neutral"}},
	{"negatif", Text{"Negatif", "Negative"}},
}

// Tone codes.
const (
	TonePositive = "positif"
	ToneNeutral  = "netral"
	ToneNegative = "negatif"
)

// ClippingSources say how a clipping came in.
var ClippingSources = Vocabulary{
	{"manual", Text{"Diisi manual", "Typed"}},
	{"csv", Text{"Impor CSV", "CSV import"}},
	{"feed", Text{"Umpan berita", "News feed"}},
}

// Field labels of Clipping.
var (
	LabelClipDate = Text{"Tanggal terbit", "Date"}
	LabelOutlet   = Text{"Media", "Outlet"}
	LabelMedium   = Text{"Jenis media", "Medium"}
	LabelHeadline = Text{"Judul berita", "Headline"}
	LabelClipLink = Text{"Tautan berita", "Link"}
	LabelSummary  = Text{"Ringkasan", "Summary"}
	LabelTone     = Text{"Sentimen", "Tone"}
	LabelTopics   = Text{"Topik/isu", "Topics"}
	LabelCovers   = Text{"Konten kantor yang diliput", "Office content covered"}
	LabelHoaxCase = Text{"Kasus hoaks terkait", "Related hoax case"}
	LabelSource   = Text{"Sumber", "Source"}
)

// RuleHash: an attachment that is not a hex SHA-256.
const RuleHash = "hash"

func init() {
	ruleMessages[RuleHash] = Text{"bukan sidik SHA-256 yang sah (64 angka heksadesimal)", "is not a valid SHA-256 (64 hex digits)"}
}

// RecordKind implements Record.
func (*Clipping) RecordKind() string { return "clipping" }

// Normalize implements Record. Topics are trimmed, lower-cased and
// de-duplicated so that tag suggestions and counts see one spelling; a
// clipping with no source was typed.
func (c *Clipping) Normalize() {
	clean(&c.AgencyID, &c.Outlet, &c.Medium, &c.Headline, &c.Link, &c.Summary,
		&c.Tone, &c.ElectionStage, &c.HoaxID, &c.Attachment, &c.Source)
	c.Attachment = strings.ToLower(c.Attachment)
	seen := map[string]bool{}
	var topics List[string]
	for _, t := range cleanList(c.Topics) {
		t = strings.ToLower(strings.Join(strings.Fields(t), " "))
		if !seen[t] {
			seen[t] = true
			topics = append(topics, t)
		}
	}
	c.Topics = topics
	c.DraftIDs = dedupe(cleanList(c.DraftIDs))
	if c.Source == "" {
		c.Source = "manual"
	}
}

func dedupe(l List[string]) List[string] {
	seen := map[string]bool{}
	out := l[:0]
	for _, s := range l {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Validate implements Record.
func (c *Clipping) Validate() error {
	var k checker
	if c.Date.IsZero() {
		k.add("date", LabelClipDate, RuleRequired)
	}
	if c.AgencyID == "" && c.Outlet == "" {
		k.add("outlet", LabelOutlet, RuleRequired)
	}
	k.maxLen("agency_id", LabelOutlet, c.AgencyID, MaxShort)
	k.maxLen("outlet", LabelOutlet, c.Outlet, MaxShort)
	k.oneOf("medium", LabelMedium, c.Medium, Media, true)
	k.text("headline", LabelHeadline, c.Headline, true, MaxLine)
	k.maxLen("link", LabelClipLink, c.Link, MaxLine)
	k.url("link", LabelClipLink, c.Link)
	k.text("summary", LabelSummary, c.Summary, false, MaxText)
	k.oneOf("tone", LabelTone, c.Tone, Tones, true)
	for _, t := range c.Topics {
		if len([]rune(t)) > 60 {
			k.errs = append(k.errs, FieldError{Field: "topics", Label: LabelTopics, Rule: RuleTooLong, Max: 60})
			break
		}
	}
	if len(c.Topics) > 20 {
		k.errs = append(k.errs, FieldError{Field: "topics", Label: LabelTopics, Rule: RuleRange, Min: 0, Max: 20})
	}
	k.text("election_stage", LabelElectionStage, c.ElectionStage, false, MaxShort)
	for _, id := range c.DraftIDs {
		if len(id) > 64 {
			k.add("draft_ids", LabelCovers, RuleUnknown)
			break
		}
	}
	k.maxLen("hoax_id", LabelHoaxCase, c.HoaxID, 64)
	if c.Attachment != "" && !isSHA256(c.Attachment) {
		k.add("attachment", LabelAttachment, RuleHash)
	}
	k.oneOf("source", LabelSource, c.Source, ClippingSources, false)
	return k.err()
}

func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return false
		}
	}
	return true
}

// Covers reports whether the clipping covers the draft.
func (c *Clipping) Covers(draftID string) bool { return Contains(c.DraftIDs, draftID) }
