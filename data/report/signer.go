package report

import (
	"context"
	"fmt"
	"strings"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// The report's signer is a person of the office holding the Penandatangan
// role (data.RoleSigner), not free text: whoever signs is an account of
// the office, with the name, jabatan and (optional) NIP of that account.
// Which person: the one chosen for this export (Options.SignerID, the
// command line's --signer), else the one saved in Pengaturan → Laporan
// (store.SettingReportSigner, this installation's), else the office's only
// signer. An office with no signer person yet (a database from before
// accounts, or one that has not added them) falls back to the legacy
// free-text head_name/head_position/head_nip of its profile; so does an
// office with several signers and none chosen.

// SignerError refuses a chosen signer who is not an active Penandatangan
// of the reporting office.
type SignerError struct{ Signer, Office string }

func (e *SignerError) Error() string {
	return fmt.Sprintf("penandatangan %q bukan orang aktif berperan Penandatangan di %s; pilih salah satu penandatangan kantor ini (tab Pengguna kantor)", e.Signer, e.Office)
}

// SignerOf turns a person into a signature block.
func SignerOf(p data.Person) Signer {
	return Signer{Position: p.Position, Name: p.Name, NIP: p.NIP}
}

// legacySigner is the office profile's free-text head, for offices with
// no signer person.
func legacySigner(o *data.Office) Signer {
	return Signer{Position: o.HeadPosition, Name: o.HeadName, NIP: o.HeadNIP}
}

// FindSigner finds the active signer of office that chosen names: a
// person id, or a name (case and spacing ignored). ok is false when none
// matches.
func FindSigner(signers []data.Person, chosen string) (p data.Person, ok bool) {
	want := strings.ToLower(strings.Join(strings.Fields(chosen), " "))
	for _, s := range signers {
		if s.ID == chosen || strings.ToLower(s.Name) == want {
			return s, true
		}
	}
	return data.Person{}, false
}

// ResolveSigner is the signature block of office's report: chosen (a
// person id or name; "" for the default) is refused unless it is an
// active signer of office; the saved choice is used only while it still
// is one.
func ResolveSigner(ctx context.Context, st *store.Store, office *data.Office, chosen string) (Signer, error) {
	signers, err := st.PeopleWithRole(ctx, office.ID, data.RoleSigner)
	if err != nil {
		return Signer{}, err
	}
	if chosen != "" {
		p, ok := FindSigner(signers, chosen)
		if !ok {
			return Signer{}, &SignerError{Signer: chosen, Office: office.Name}
		}
		return SignerOf(p), nil
	}
	saved, err := st.Setting(ctx, store.SettingReportSigner, "")
	if err != nil {
		return Signer{}, err
	}
	if p, ok := FindSigner(signers, saved); ok && saved != "" {
		return SignerOf(p), nil
	}
	if len(signers) == 1 {
		return SignerOf(signers[0]), nil
	}
	return legacySigner(office), nil
}

// knownBy is who signs "Mengetahui": as given, else the signer of the
// parent office when this database holds its people (a coordinator's
// database does; a kabupaten's usually holds neither the parent's people
// nor its profile), else the parent profile's legacy free-text head, else
// blank for a hand-written signature.
func knownBy(ctx context.Context, st *store.Store, office *data.Office, given *Signer) (Signer, error) {
	if given != nil {
		return *given, nil
	}
	if office.ParentID == "" {
		return Signer{}, nil
	}
	parent, err := st.Office(ctx, office.ParentID)
	if err != nil {
		return Signer{}, nil // the level above is not in this database
	}
	signers, err := st.PeopleWithRole(ctx, parent.ID, data.RoleSigner)
	if err != nil {
		return Signer{}, err
	}
	if len(signers) == 1 {
		return SignerOf(signers[0]), nil
	}
	return legacySigner(parent), nil
}
