package app

import (
	"fyne.io/fyne/v2/lang"

	"github.com/humasdesk/humasdesk/data/report"
)

// checkReady refuses, before the save dialog opens, a report whose office
// profile or signer is missing (report.CheckOffice, the rule the command
// line follows too): the message names what is missing and where in
// Pengaturan to fill it. It reports whether the export may go on.
func (v *exportView) checkReady() bool {
	o, err := v.u.store.Office(v.u.ctx(), v.u.officeID)
	var signer report.Signer
	if err == nil {
		signer, err = report.ResolveSigner(v.u.ctx(), v.u.store, o, v.signerChoice())
	}
	if err == nil {
		err = report.CheckOffice(o, signer, v.formatCode())
	}
	if err != nil {
		v.u.showError(lang.L("Could not export the report"), err)
		return false
	}
	return true
}
