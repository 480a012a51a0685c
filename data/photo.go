package data

// Photo is a documentation photo attached to a report entry. The image
// itself lives in a content-addressed folder beside the database, named by
// its SHA-256 (Hash), so that the same picture is stored once and sync can
// move it by hash; this record says which entry it belongs to.
type Photo struct {
	Meta
	EntryID string `json:"entry_id"`
	Hash    string `json:"hash"` // hex SHA-256 of the file
	Mime    string `json:"mime"` // image/jpeg or image/png
	Size    int64  `json:"size"`
	Width   int    `json:"width"`
	Height  int    `json:"height"`
	Caption string `json:"caption"`
	Name    string `json:"name"` // the file name it was attached from
}

// Field labels of Photo.
var (
	LabelCaption = Text{"Keterangan foto", "Caption"}
	LabelPhoto   = Text{"Foto", "Photo"}
)

// RecordKind implements Record.
func (*Photo) RecordKind() string { return "photo" }

// Normalize implements Record.
func (p *Photo) Normalize() { clean(&p.Caption, &p.Name) }

// Validate implements Record.
func (p *Photo) Validate() error {
	var c checker
	c.required("entry_id", LabelPhoto, p.EntryID)
	if len(p.Hash) != 64 {
		c.add("hash", LabelPhoto, RuleInvalidImage)
	}
	if p.Mime != "image/jpeg" && p.Mime != "image/png" {
		c.add("mime", LabelPhoto, RuleInvalidImage)
	}
	c.text("caption", LabelCaption, p.Caption, false, MaxLine)
	return c.err()
}
