package data

import (
	"archive/zip"
	"bytes"
	"image"
	_ "image/jpeg" // the photo formats SniffAttachment recognises
	_ "image/png"
	"strings"
)

// Document media types of attachments besides photos: the evidence of an
// activity (invitation, minutes, attendance list) and a draft's sources,
// as PDF, Word or Excel files.
const (
	MimePDF  = "application/pdf"
	MimeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	MimeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// AttachmentType is one accepted kind of attachment file.
type AttachmentType struct {
	Mime  string
	Ext   string // the extension its file is stored and opened with
	Label Text
}

// AttachmentTypes is the one list of what may be attached and synced: the
// app's store and the server's attachments both accept exactly these,
// recognised from the bytes (SniffAttachment), never from a file name.
var AttachmentTypes = []AttachmentType{
	{"image/jpeg", ".jpg", Text{"Gambar JPEG", "JPEG image"}},
	{"image/png", ".png", Text{"Gambar PNG", "PNG image"}},
	{MimePDF, ".pdf", Text{"Dokumen PDF", "PDF document"}},
	{MimeDOCX, ".docx", Text{"Dokumen Word (DOCX)", "Word document (DOCX)"}},
	{MimeXLSX, ".xlsx", Text{"Lembar kerja Excel (XLSX)", "Excel workbook (XLSX)"}},
}

// AttachmentTypeOf returns the accepted type with this media type.
func AttachmentTypeOf(mime string) (AttachmentType, bool) {
	for _, t := range AttachmentTypes {
		if t.Mime == mime {
			return t, true
		}
	}
	return AttachmentType{}, false
}

// AttachmentTypesText lists the accepted types for messages: "JPEG, PNG,
// PDF, DOCX, XLSX".
func AttachmentTypesText() string {
	names := make([]string, len(AttachmentTypes))
	for i, t := range AttachmentTypes {
		names[i] = strings.ToUpper(strings.TrimPrefix(t.Ext, "."))
	}
	names[0] = "JPEG"
	return strings.Join(names, ", ")
}

// SniffAttachment recognises an attachment from its bytes: a JPEG or PNG
// image that decodes, a PDF by its header, a DOCX or XLSX by the parts of
// its ZIP container. ok is false for anything else (renamed executables
// included).
func SniffAttachment(raw []byte) (mime string, ok bool) {
	if _, format, err := image.DecodeConfig(bytes.NewReader(raw)); err == nil {
		return PhotoMime(format)
	}
	if bytes.HasPrefix(raw, []byte("%PDF-")) {
		return MimePDF, true
	}
	if !bytes.HasPrefix(raw, []byte("PK\x03\x04")) {
		return "", false
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return "", false
	}
	return officeMime(zr)
}

// officeMime tells a Word document from an Excel workbook by the main part
// an Office Open XML package holds next to its [Content_Types].xml.
func officeMime(zr *zip.Reader) (string, bool) {
	var types, word, excel bool
	for _, f := range zr.File {
		switch f.Name {
		case "[Content_Types].xml":
			types = true
		case "word/document.xml":
			word = true
		case "xl/workbook.xml":
			excel = true
		}
	}
	switch {
	case types && word:
		return MimeDOCX, true
	case types && excel:
		return MimeXLSX, true
	}
	return "", false
}

// Attachment is a document attached to a report entry (its invitation,
// minutes, attendance list) or to a content draft. Like a photo, the file
// lives in the content-addressed folder beside the database, named by its
// SHA-256 (Hash), and sync moves it by hash under the same scope rules;
// this record says which entry or draft it belongs to (exactly one of
// EntryID and DraftID is set) and the name it was attached under.
type Attachment struct {
	Meta
	EntryID string `json:"entry_id"`
	DraftID string `json:"draft_id"`
	Hash    string `json:"hash"` // hex SHA-256 of the file
	Mime    string `json:"mime"` // one of AttachmentTypes
	Size    int64  `json:"size"`
	Name    string `json:"name"` // the file name it was attached from, shown to users
}

// Field labels of Attachment.
var (
	LabelAttachment  = Text{"Lampiran", "Attachment"}
	LabelAttachments = Text{"Lampiran", "Attachments"}
)

// RecordKind implements Record.
func (*Attachment) RecordKind() string { return "attachment" }

// Normalize implements Record.
func (a *Attachment) Normalize() { clean(&a.Name, &a.EntryID, &a.DraftID) }

// Validate implements Record.
func (a *Attachment) Validate() error {
	var c checker
	if (a.EntryID == "") == (a.DraftID == "") { // neither, or both
		c.add("entry_id", LabelAttachment, RuleRequired)
	}
	if len(a.Hash) != 64 {
		c.add("hash", LabelAttachment, RuleUnknown)
	}
	if _, ok := AttachmentTypeOf(a.Mime); !ok {
		c.add("mime", LabelAttachment, RuleUnknown)
	}
	c.text("name", LabelAttachment, a.Name, true, MaxLine)
	return c.err()
}
