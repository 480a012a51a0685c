package data

import "time"

// Hoax is one case of the hoax-clarification register: a false claim the
// office found circulating, where, when, and the clarification that
// answered it. Time to clarify (data/workflow) runs from FoundAt to
// ClarifiedAt; the quarterly report's hoax section is counted from these
// records.
type Hoax struct {
	Meta
	Claim       string     `json:"claim"`
	Platform    string     `json:"platform"`
	Link        string     `json:"link"`
	FoundAt     time.Time  `json:"found_at"`
	DraftID     string     `json:"draft_id"`     // the clarification draft, if any
	ClarifiedAt *time.Time `json:"clarified_at"` // nil while the case is open
	Notes       string     `json:"notes"`
}

// HoaxPlatforms are where a hoax circulated.
var HoaxPlatforms = Vocabulary{
	{"whatsapp", Text{"WhatsApp", "WhatsApp"}},
	{"facebook", Text{"Facebook", "Facebook"}},
	{"instagram", Text{"Instagram", "Instagram"}},
	{"x", Text{"X (Twitter)", "X (Twitter)"}},
	{"tiktok", Text{"TikTok", "TikTok"}},
	{"youtube", Text{"YouTube", "YouTube"}},
	{"situs_web", Text{"Situs web", "Website"}},
	{"lainnya", Text{"Lainnya", "Other"}},
}

// Field labels of Hoax.
var (
	LabelClaim         = Text{"Klaim hoaks", "Claim"}
	LabelHoaxPlatform  = Text{"Platform", "Platform"}
	LabelHoaxLink      = Text{"Tautan sumber", "Source link"}
	LabelFoundAt       = Text{"Waktu ditemukan", "Found at"}
	LabelClarification = Text{"Konten klarifikasi", "Clarification"}
	LabelClarifiedAt   = Text{"Waktu klarifikasi terbit", "Clarified at"}
)

// RuleBeforeFound: a clarification dated before its hoax was found.
const RuleBeforeFound = "before_found"

func init() {
	ruleMessages[RuleBeforeFound] = Text{"tidak boleh sebelum waktu hoaks ditemukan", "must not be before the hoax was found"}
}

// RecordKind implements Record.
func (*Hoax) RecordKind() string { return "hoax" }

// Normalize implements Record. Times are kept in UTC to the second.
func (h *Hoax) Normalize() {
	clean(&h.Claim, &h.Platform, &h.Link, &h.DraftID, &h.Notes)
	h.FoundAt = h.FoundAt.UTC().Truncate(time.Second)
	if h.ClarifiedAt != nil {
		if h.ClarifiedAt.IsZero() {
			h.ClarifiedAt = nil
		} else {
			t := h.ClarifiedAt.UTC().Truncate(time.Second)
			h.ClarifiedAt = &t
		}
	}
}

// Validate implements Record.
func (h *Hoax) Validate() error {
	var c checker
	c.text("claim", LabelClaim, h.Claim, true, MaxText)
	c.oneOf("platform", LabelHoaxPlatform, h.Platform, HoaxPlatforms, true)
	c.maxLen("link", LabelHoaxLink, h.Link, MaxLine)
	c.url("link", LabelHoaxLink, h.Link)
	if h.FoundAt.IsZero() {
		c.add("found_at", LabelFoundAt, RuleRequired)
	} else if h.ClarifiedAt != nil && h.ClarifiedAt.Before(h.FoundAt) {
		c.add("clarified_at", LabelClarifiedAt, RuleBeforeFound)
	}
	c.maxLen("draft_id", LabelClarification, h.DraftID, MaxShort)
	c.text("notes", LabelNotes, h.Notes, false, MaxText)
	return c.err()
}

// Clarified reports whether the case has its clarification out.
func (h *Hoax) Clarified() bool { return h.ClarifiedAt != nil }
