package demo

import (
	"context"
	"fmt"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// The demo's people: for each demo office an admin, the drafter and the
// verifier its workflow trails name (workflow.go, people), and the head
// who signs reports. They all sign in with Password and need not change
// it, so that whoever opens the demo (scripts/setup.sh) meets the sign-in
// screen with known accounts rather than the first-admin form. Like the
// rest of the demo they are written once by stable id, never queued.

// Password is the documented password of every demo person (README,
// "Data contoh").
const Password = "demo1234"

// demoPerson is one person of a demo office; key makes the stable id.
type demoPerson struct {
	key, name, nip, position string
	roles                    []string
}

// staff are the people of each demo office. The drafter's and the
// verifier's names are those of the workflow's writer and reviewer, so
// that the demo's audits name them (actorID).
var staff = map[string][]demoPerson{
	KPUOfficeID: {
		{"admin", "Yoga Pratama, A.Md.Kom.", "199610082020121005", "Pranata Komputer Terampil",
			[]string{data.RoleAdmin}},
		{"penyusun", "Rina Kusumawati, S.I.Kom.", "199203152019032012", "Staf Subbagian Partisipasi dan Hubungan Masyarakat",
			[]string{data.RoleDrafter}},
		{"verifikator", "Bagus Prasetyo, S.Sos.", "198507222010121003", "Kepala Subbagian Partisipasi dan Hubungan Masyarakat",
			[]string{data.RoleDrafter, data.RoleVerifier}},
		// The chair is a commissioner, not ASN: no NIP.
		{"penandatangan", "Dr. Ahmad Shidqi, S.H., M.H.", "", "Ketua KPU Kabupaten Sleman",
			[]string{data.RoleSigner}},
	},
	DiskominfoOfficeID: {
		{"admin", "Fajar Nugroho, S.Kom.", "198811032014021002", "Pranata Komputer Ahli Muda",
			[]string{data.RoleAdmin}},
		{"penyusun", "Dewi Anggraini, S.Sos.", "199404112020122015", "Pranata Humas Ahli Pertama",
			[]string{data.RoleDrafter}},
		{"verifikator", "Hendra Wijaya, S.Kom., M.M.", "197909142005011006", "Kepala Bidang Informasi dan Komunikasi Publik",
			[]string{data.RoleVerifier}},
		{"penandatangan", "Ir. Sri Wahyuningsih Hapsari, M.Si.", "196805201994032004", "Kepala Dinas Komunikasi dan Informatika",
			[]string{data.RoleSigner, data.RoleCoordinator}},
	},
}

// PersonID is the stable id of a demo office's person by key: "admin",
// "penyusun", "verifikator" or "penandatangan".
func PersonID(officeID, key string) string {
	return stableID(officeID + "/person/" + key)
}

// actorID is the id of the demo person of the office named u.Name, or ""
// (a legacy typed author) when there is none.
func actorID(officeID string, u data.User) string {
	for _, p := range staff[officeID] {
		if p.name == u.Name {
			return PersonID(officeID, p.key)
		}
	}
	return ""
}

// loadPeople writes the demo offices' people. One verifier serves them
// all: bcrypt is slow on purpose, and Load runs on every setup.
func loadPeople(ctx context.Context, st *store.Store) (added int, err error) {
	verifier, err := data.HashPassword(Password)
	if err != nil {
		return 0, err
	}
	for _, o := range offices() {
		var recs []data.Record
		for _, dp := range staff[o.office.ID] {
			p := &data.Person{Name: dp.name, NIP: dp.nip, Position: dp.position,
				Roles: dp.roles, Active: true, Verifier: verifier}
			p.ID, p.OfficeID = PersonID(o.office.ID, dp.key), o.office.ID
			recs = append(recs, p)
		}
		n, err := st.InsertBatch(ctx, recs, false)
		if err != nil {
			return added, fmt.Errorf("demo: pengguna %s: %w", o.office.Name, err)
		}
		added += n
	}
	return added, nil
}
