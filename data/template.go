package data

// Template is an office's own starting text for a kind of content, with
// placeholders such as {{nama_kantor}} that workflow.Fill replaces from
// the office profile, the chosen agencies and the date. Humas Desk ships
// four (press release, hoax clarification, election-stage narrative,
// announcement) in data/workflow; offices add their own as these records.
type Template struct {
	Meta
	Name      string `json:"name"`
	DraftKind string `json:"draft_kind"` // the kind of draft it starts (DraftKinds)
	Title     string `json:"title"`      // the draft's title, may hold placeholders
	Body      string `json:"body"`
}

// Field labels of Template.
var (
	LabelTemplateName = Text{"Nama templat", "Template name"}
	LabelTemplateKind = Text{"Jenis konten", "Content kind"}
	LabelTemplateBody = Text{"Isi templat", "Template text"}
)

// RecordKind implements Record.
func (*Template) RecordKind() string { return "template" }

// Normalize implements Record.
func (t *Template) Normalize() { clean(&t.Name, &t.DraftKind, &t.Title) }

// Validate implements Record.
func (t *Template) Validate() error {
	var c checker
	c.text("name", LabelTemplateName, t.Name, true, MaxShort)
	c.oneOf("draft_kind", LabelTemplateKind, t.DraftKind, DraftKinds, true)
	c.text("title", LabelTitle, t.Title, false, MaxShort)
	c.text("body", LabelTemplateBody, t.Body, true, MaxBody)
	return c.err()
}
