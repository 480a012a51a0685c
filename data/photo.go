package data

// Photo is a documentation photo attached to a report entry, or a picture
// that goes out with a content draft. The image itself lives in a
// content-addressed folder beside the database, named by its SHA-256
// (Hash), so that the same picture is stored once and sync can move it by
// hash; this record says which entry or draft it belongs to (exactly one
// of EntryID and DraftID is set).
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

	DraftID string `json:"draft_id"`
	// ShowsOfficial marks a draft's picture that shows an official (the
	// regional head, a candidate): the neutrality checker warns about such
	// pictures on election material.
	ShowsOfficial bool `json:"shows_official"`
}

// Field labels of Photo.
var (
	LabelCaption = Text{"Keterangan foto", "Caption"}
	LabelPhoto   = Text{"Foto", "Photo"}
	// LabelShowsOfficial is the tick "the picture shows an official".
	LabelShowsOfficial = Text{"Menampilkan pejabat", "Shows an official"}
)

// RecordKind implements Record.
func (*Photo) RecordKind() string { return "photo" }

// Normalize implements Record.
func (p *Photo) Normalize() { clean(&p.Caption, &p.Name, &p.EntryID, &p.DraftID) }

// Validate implements Record.
func (p *Photo) Validate() error {
	var c checker
	if (p.EntryID == "") == (p.DraftID == "") { // neither, or both
		c.add("entry_id", LabelPhoto, RuleRequired)
	}
	if len(p.Hash) != 64 {
		c.add("hash", LabelPhoto, RuleInvalidImage)
	}
	if !photoMimes[p.Mime] {
		c.add("mime", LabelPhoto, RuleInvalidImage)
	}
	c.text("caption", LabelCaption, p.Caption, false, MaxLine)
	return c.err()
}

// photoMimes are the accepted photo types, by media type.
var photoMimes = map[string]bool{"image/jpeg": true, "image/png": true}

// PhotoMime is the media type of a photo whose bytes image.DecodeConfig
// reports as format, and whether that type is accepted: the one list of
// photo types, for the app's store, Photo.Validate and the server's
// attachments alike (each registers the decoders it needs).
func PhotoMime(format string) (string, bool) {
	m := "image/" + format
	return m, photoMimes[m]
}
