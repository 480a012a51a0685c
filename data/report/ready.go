package report

import (
	"fmt"
	"strings"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// Where the office profile and the signer are filled in, as the app's
// settings name them; the refusals point there.
const (
	WhereProfile = "Pengaturan → Profil kantor"
	WhereSigner  = "Pengaturan → Profil kantor (penandatangan) / Laporan"
)

// NotReadyError refuses an export that would print a blank or made-up
// letterhead or signature: it lists what is missing and where to fill it.
type NotReadyError struct {
	Office  string   // the office's name as stored
	Missing []string // e.g. "nama kantor", "jabatan penandatangan"
	Where   []string // WhereProfile, WhereSigner
}

func (e *NotReadyError) Error() string {
	return fmt.Sprintf("laporan belum dapat dibuat: %s belum diisi; isi di %s",
		strings.Join(e.Missing, ", "), strings.Join(e.Where, " dan "))
}

// CheckOffice is the one rule for what a report needs of the office
// profile, in the app and the command line alike. A PDF prints the
// letterhead (kop: the office's own name and its address or region) and
// the signature block (the head's name and position); an XLSX names the
// office; a CSV holds only activities and needs nothing. The NIP stays
// optional: not every signer is a civil servant.
func CheckOffice(o *data.Office, format string) error {
	if format == FormatCSV {
		return nil
	}
	e := &NotReadyError{Office: o.Name}
	if strings.TrimSpace(o.Name) == "" || store.IsPlaceholderProfile(o) {
		e.Missing = append(e.Missing, "nama kantor")
	}
	if format == FormatPDF {
		if strings.TrimSpace(o.Address) == "" && strings.TrimSpace(o.Region) == "" {
			e.Missing = append(e.Missing, "alamat atau wilayah kantor (kop surat)")
		}
	}
	if len(e.Missing) > 0 {
		e.Where = append(e.Where, WhereProfile)
	}
	if format == FormatPDF {
		n := len(e.Missing)
		if strings.TrimSpace(o.HeadName) == "" {
			e.Missing = append(e.Missing, "nama penandatangan (kepala kantor)")
		}
		if strings.TrimSpace(o.HeadPosition) == "" {
			e.Missing = append(e.Missing, "jabatan penandatangan")
		}
		if len(e.Missing) > n {
			e.Where = append(e.Where, WhereSigner)
		}
	}
	if len(e.Missing) == 0 {
		return nil
	}
	return e
}

// NoOfficesBelowError refuses a consolidated report of an office that has
// no office under it: it would cover the office alone while calling itself
// a rollup ("beserta 0 kantor di bawahnya").
type NoOfficesBelowError struct{ Office string }

func (e *NoOfficesBelowError) Error() string {
	return fmt.Sprintf("laporan gabungan tidak dapat dibuat: belum ada kantor di bawah %s di basis data ini "+
		"(kantor bawahan tercatat dengan kantor induk %s, biasanya lewat sinkronisasi akun koordinator); "+
		"buat laporan kantor ini saja tanpa gabungan", e.Office, e.Office)
}
