package data

import (
	"bytes"
	"image"
	_ "image/jpeg" // logo decoding
	_ "image/png"  // logo decoding
)

// Office is the profile of a humas office: this installation's own, and
// (after sync) the offices a coordinator oversees. Its OfficeID is its ID.
type Office struct {
	Meta
	ParentID     string `json:"parent_id"`
	Name         string `json:"name"`
	Kind         string `json:"kind"`
	Level        string `json:"level"`
	Region       string `json:"region"`
	Address      string `json:"address"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
	Website      string `json:"website"`
	Logo         []byte `json:"logo,omitempty"`
	HeadName     string `json:"head_name"`
	HeadPosition string `json:"head_position"`
	HeadNIP      string `gorm:"column:head_nip" json:"head_nip"`
	SignerPlace  string `json:"signer_place"`
}

// Field labels of Office, as shown in forms and errors.
var (
	LabelName         = Text{"Nama", "Name"}
	LabelKind         = Text{"Jenis", "Kind"}
	LabelLevel        = Text{"Tingkat", "Level"}
	LabelRegion       = Text{"Wilayah", "Region"}
	LabelAddress      = Text{"Alamat", "Address"}
	LabelPhone        = Text{"Telepon", "Phone"}
	LabelEmail        = Text{"Email", "Email"}
	LabelWebsite      = Text{"Situs web", "Website"}
	LabelLogo         = Text{"Logo", "Logo"}
	LabelHeadName     = Text{"Nama pimpinan", "Head's name"}
	LabelHeadPosition = Text{"Jabatan pimpinan", "Head's position"}
	LabelHeadNIP      = Text{"NIP pimpinan", "Head's NIP"}
	LabelSignerPlace  = Text{"Tempat penandatanganan", "Place of signing"}
	LabelNotes        = Text{"Catatan", "Notes"}
)

// RecordKind implements Record.
func (*Office) RecordKind() string { return "office" }

// Normalize implements Record.
func (o *Office) Normalize() {
	clean(&o.Name, &o.Kind, &o.Level, &o.Region, &o.Address, &o.Phone, &o.Email,
		&o.Website, &o.HeadName, &o.HeadPosition, &o.SignerPlace)
	o.HeadNIP = NormalizeNIP(o.HeadNIP)
}

// Validate implements Record.
func (o *Office) Validate() error {
	var c checker
	c.text("name", LabelName, o.Name, true, MaxShort)
	c.oneOf("kind", LabelKind, o.Kind, OfficeKinds, true)
	c.oneOf("level", LabelLevel, o.Level, Levels, true)
	c.text("region", LabelRegion, o.Region, false, MaxShort)
	c.text("address", LabelAddress, o.Address, false, MaxLine)
	c.maxLen("phone", LabelPhone, o.Phone, 50)
	c.phone("phone", LabelPhone, o.Phone)
	c.maxLen("email", LabelEmail, o.Email, MaxShort)
	c.email("email", LabelEmail, o.Email)
	c.maxLen("website", LabelWebsite, o.Website, MaxLine)
	c.url("website", LabelWebsite, o.Website)
	if len(o.Logo) > 0 {
		if _, _, err := image.DecodeConfig(bytes.NewReader(o.Logo)); err != nil {
			c.add("logo", LabelLogo, RuleInvalidImage)
		}
	}
	c.text("head_name", LabelHeadName, o.HeadName, false, MaxShort)
	c.text("head_position", LabelHeadPosition, o.HeadPosition, false, MaxShort)
	c.nip("head_nip", LabelHeadNIP, o.HeadNIP)
	c.text("signer_place", LabelSignerPlace, o.SignerPlace, false, MaxShort)
	return c.err()
}
