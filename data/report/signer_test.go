package report

import (
	"errors"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// testVerifier is a password verifier every stored person needs.
var testVerifier = func() string {
	v, err := data.HashPassword("rahasia-uji-1")
	if err != nil {
		panic(err)
	}
	return v
}()

// signerPerson is an active Penandatangan of office.
func signerPerson(office, name, position, nip string, roles ...string) *data.Person {
	return &data.Person{Meta: data.Meta{OfficeID: office}, Name: name, Position: position, NIP: nip, Active: true,
		Roles: append(data.List[string]{data.RoleSigner}, roles...), Verifier: testVerifier}
}

// TestSignerIsAPerson: the signature block comes from a person with the
// Penandatangan role (chosen at export, else the saved choice, else the
// office's only signer), and "Mengetahui" from the parent office's signer
// when this database holds its people; the profile's free-text head is
// the fallback of an office with no signer person (a legacy database).
func TestSignerIsAPerson(t *testing.T) {
	tools := needPDFTools(t)
	fx := newPDFFixture(t, 0)
	legacy := fx.build(t, Options{})
	if legacy.Signer.Name != "Dr. Rëné Siahaan" || legacy.KnownBy.Name != "Ñoño Wibisono, S.Sos." {
		t.Fatalf("without people the profile's heads sign: %+v / %+v", legacy.Signer, legacy.KnownBy)
	}

	ketua := signerPerson(fx.office.ID, "Hamdan Kurniawan, S.IP.", "Ketua KPU Kabupaten Sleman", "")
	drafter := &data.Person{Meta: data.Meta{OfficeID: fx.office.ID}, Name: "Rina Penyusun", Position: "Staf", Active: true,
		Roles: data.List[string]{data.RoleDrafter}, Verifier: testVerifier}
	mustInsert(t, fx.st, ketua, drafter,
		signerPerson(fx.parent.ID, "Ahmad Shidqi", "Ketua KPU Daerah Istimewa Yogyakarta", "197001012000031001"))

	r := fx.build(t, Options{})
	if r.Signer != (Signer{"Ketua KPU Kabupaten Sleman", "Hamdan Kurniawan, S.IP.", ""}) {
		t.Fatalf("the office's only signer does not sign: %+v", r.Signer)
	}
	if r.KnownBy != (Signer{"Ketua KPU Daerah Istimewa Yogyakarta", "Ahmad Shidqi", "197001012000031001"}) {
		t.Fatalf("Mengetahui is not the parent office's signer: %+v", r.KnownBy)
	}

	sekretaris := signerPerson(fx.office.ID, "Dewi Sekar Arum", "Sekretaris KPU Kabupaten Sleman", "198203152006042001")
	mustInsert(t, fx.st, sekretaris)
	if r := fx.build(t, Options{}); r.Signer.Name != "Dr. Rëné Siahaan" {
		t.Fatalf("two signers, none chosen: the legacy head signs, got %+v", r.Signer)
	}
	if err := fx.st.SetSetting(bctx, store.SettingReportSigner, ketua.ID); err != nil {
		t.Fatal(err)
	}
	if r := fx.build(t, Options{}); r.Signer.Name != ketua.Name {
		t.Fatalf("the saved signer does not sign: %+v", r.Signer)
	}
	for _, c := range []struct{ chosen, want string }{
		{sekretaris.ID, sekretaris.Name},
		{"  dewi SEKAR  arum ", sekretaris.Name}, // by name, as the command line takes it
	} {
		if r := fx.build(t, Options{SignerID: c.chosen}); r.Signer.Name != c.want {
			t.Errorf("chosen %q: signer %+v", c.chosen, r.Signer)
		}
	}
	for _, bad := range []string{drafter.ID, "Rina Penyusun", "Orang Lain"} {
		_, err := Build(bctx, fx.st, Options{Period: Period{2026, 3}, SignerID: bad})
		var se *SignerError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), "Penandatangan") {
			t.Errorf("chosen %q (no signer): %v", bad, err)
		}
	}

	doc := tools.render(t, fx.build(t, Options{SignerID: sekretaris.ID}), "")
	last := doc.pages[len(doc.pages)-1]
	for _, want := range []string{"Sekretaris KPU Kabupaten Sleman", "Dewi Sekar Arum", "NIP. 198203152006042001",
		"Mengetahui,", "Ketua KPU Daerah Istimewa Yogyakarta", "Ahmad Shidqi", "NIP. 197001012000031001"} {
		if !strings.Contains(last, want) {
			t.Errorf("signature page lacks %q:\n%s", want, last)
		}
	}
	if strings.Contains(last, "Rëné") || strings.Contains(last, "Ñoño") {
		t.Errorf("the legacy free-text heads are still printed:\n%s", last)
	}
}
