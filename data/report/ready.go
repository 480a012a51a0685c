package report

import (
	"fmt"
	"strings"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// WhereProfile is where the app keeps the letterhead and the signer; the
// refusals point there.
const WhereProfile = "Pengaturan → Profil kantor"

// NotReadyError refuses an export that would print a blank or made-up
// letterhead or signature: it lists what is missing and where to fill it.
type NotReadyError struct {
	Office  string   // the office's name as stored
	Missing []string // e.g. "nama kantor", "jabatan pimpinan (penanda tangan)"
}

func (e *NotReadyError) Error() string {
	return fmt.Sprintf("laporan belum dapat dibuat karena profil kantor belum lengkap: %s belum diisi; isi di %s",
		strings.Join(e.Missing, ", "), WhereProfile)
}

// CheckOffice is the one rule for what a report needs of the office
// profile and its signer (ResolveSigner), in the app and the command line
// alike. A PDF prints the letterhead (kop: the office's own name and its
// address or region) and the signature block (the signer's name and
// position); an XLSX names the office; a CSV holds only activities and
// needs nothing. The NIP stays optional: not every signer is a civil
// servant.
func CheckOffice(o *data.Office, signer Signer, format string) error {
	if format == FormatCSV {
		return nil
	}
	e := &NotReadyError{Office: o.Name}
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	if blank(o.Name) || store.IsPlaceholderProfile(o) {
		e.Missing = append(e.Missing, "nama kantor")
	}
	if format == FormatPDF {
		if blank(o.Address) && blank(o.Region) {
			e.Missing = append(e.Missing, "alamat atau wilayah (kop surat)")
		}
		if blank(signer.Name) {
			e.Missing = append(e.Missing, "nama pimpinan (penanda tangan)")
		}
		if blank(signer.Position) {
			e.Missing = append(e.Missing, "jabatan pimpinan (penanda tangan)")
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
