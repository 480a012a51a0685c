package server_test

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/syncclient"
	"github.com/humasdesk/humasdesk/server"
)

// People, roles and proof on the server (docs/SYNC.md, "How actions are
// proven"): the scenario table drives the API as an attacker would; the
// journeys after it go through the app's store and sync client.

// addPerson makes a person of an office on the server (as `user add`).
func addPerson(t *testing.T, w *world, office *server.Office, name string, roles ...string) (*data.Person, string) {
	t.Helper()
	p, password, err := w.st.AddPerson(ctx, office.ID, data.Person{Name: name, Roles: roles})
	if err != nil {
		t.Fatal(err)
	}
	return p, password
}

// deviceAuth is a device's id and token.
func deviceAuth(t *testing.T, ls *store.Store) (id, token string) {
	t.Helper()
	st, err := ls.SyncState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st.DeviceID, st.Token
}

// signinKey signs a person in through the API and returns their key.
func signinKey(t *testing.T, w *world, token, personID, password string) []byte {
	t.Helper()
	code, body := raw(t, http.MethodPost, w.srv.URL+"/v1/signin", token,
		syncapi.SignInRequest{PersonID: personID, Password: password, Schema: syncapi.SchemaVersion})
	if code != http.StatusOK {
		t.Fatalf("sign-in %s: %d %s", personID, code, body)
	}
	var resp syncapi.SignInResponse
	json.Unmarshal(body, &resp)
	key, err := base64.StdEncoding.DecodeString(resp.Key)
	if err != nil || len(key) != 32 {
		t.Fatalf("key %q: %v", resp.Key, err)
	}
	return key
}

// auditOp is an approval of a draft by actor, as an op of the office.
func auditOp(officeID, draftID string, actor *data.Person, action, from, to string) syncapi.Op {
	a := data.Audit{Meta: data.Meta{ID: data.NewID(), OfficeID: officeID, UpdatedAt: time.Now().UTC(), UpdatedBy: actor.Name},
		DraftID: draftID, Revision: 1, Step: 2, Action: action, FromStatus: from, ToStatus: to,
		ActorID: actor.ID, ActorName: actor.Name, ActorRole: actor.Roles[0], At: time.Now().UTC()}
	body, _ := json.Marshal(a)
	return syncapi.Op{OpID: data.NewID(), OpSeq: 1, Kind: syncapi.KindAudit, ID: a.ID, OfficeID: officeID,
		Op: syncapi.OpUpsert, UpdatedAt: a.UpdatedAt, UpdatedBy: a.UpdatedBy, Data: body, ActorID: actor.ID}
}

func signed(op syncapi.Op, key []byte) syncapi.Op {
	op.Proof = syncapi.OpProof(key, op)
	return op
}

// personOp is a write of a person record as edit leaves it.
func personOp(t *testing.T, w *world, id string, actor *data.Person, edit func(*data.Person)) syncapi.Op {
	t.Helper()
	page, err := w.st.Changes(ctx, &server.Device{OfficeID: w.a.ID}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range page.Changes {
		if r.ID != id {
			continue
		}
		var p data.Person
		json.Unmarshal(r.Data, &p)
		edit(&p)
		body, _ := json.Marshal(p)
		return syncapi.Op{OpID: data.NewID(), OpSeq: 1, Kind: syncapi.KindPerson, ID: id, OfficeID: r.OfficeID,
			Op: syncapi.OpUpsert, BaseVersion: r.Version, Data: body, ActorID: actor.ID}
	}
	t.Fatalf("person %s not in the feed", id)
	return syncapi.Op{}
}

// feedState sums up office a's part of the feed: any write changes it.
func feedState(t *testing.T, w *world) string {
	t.Helper()
	page, err := w.st.Changes(ctx, &server.Device{OfficeID: w.a.ID}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range page.Changes {
		fmt.Fprintf(&b, "%s@%d;", r.ID, r.Version)
	}
	return b.String()
}

func push(t *testing.T, w *world, devID, token string, op syncapi.Op) syncapi.OpResult {
	t.Helper()
	code, body := raw(t, http.MethodPost, w.srv.URL+"/v1/push", token,
		syncapi.PushRequest{DeviceID: devID, Schema: syncapi.SchemaVersion, Ops: []syncapi.Op{op}})
	if code != http.StatusOK {
		t.Fatalf("push: %d %s", code, body)
	}
	var resp syncapi.PushResponse
	json.Unmarshal(body, &resp)
	return resp.Results[0]
}

func TestActionsNeedProofAndRole(t *testing.T) {
	w := newWorld(t)
	admin, adminPW := addPerson(t, w, w.a, "Admin Sleman", data.RoleAdmin)
	rina, rinaPW := addPerson(t, w, w.a, "Rina Kusumawati", data.RoleDrafter)
	bagus, bagusPW := addPerson(t, w, w.a, "Bagus Prasetyo", data.RoleVerifier)
	budi, budiPW := addPerson(t, w, w.b, "Budi Santoso", data.RoleVerifier)
	sri, sriPW := addPerson(t, w, w.a, "Sri Lestari", data.RoleDrafter, data.RoleVerifier)
	a1, a2, b1 := w.device(w.a), w.device(w.a), w.device(w.b)
	a1ID, a1Tok := deviceAuth(t, a1)
	a2ID, a2Tok := deviceAuth(t, a2)
	_, b1Tok := deviceAuth(t, b1)
	adminKey := signinKey(t, w, a1Tok, admin.ID, adminPW)
	rinaKey := signinKey(t, w, a1Tok, rina.ID, rinaPW)
	bagusKey := signinKey(t, w, a1Tok, bagus.ID, bagusPW)
	budiKey := signinKey(t, w, b1Tok, budi.ID, budiPW)
	sriKey := signinKey(t, w, a1Tok, sri.ID, sriPW)
	sriDraft := data.NewID()

	approve := func(actor *data.Person) syncapi.Op {
		return auditOp(w.a.ID, data.NewID(), actor, "setujui", data.StatusSubmitted, data.StatusApproved)
	}
	approvedDraft := func(actor *data.Person) syncapi.Op {
		d := data.Draft{Meta: data.Meta{ID: data.NewID(), OfficeID: w.a.ID}, Title: "Siaran pers", Kind: "siaran_pers", Status: data.StatusApproved}
		body, _ := json.Marshal(d)
		op := syncapi.Op{OpID: data.NewID(), OpSeq: 1, Kind: syncapi.KindDraft, ID: d.ID, OfficeID: w.a.ID, Op: syncapi.OpUpsert, Data: body}
		if actor != nil {
			op.ActorID = actor.ID
		}
		return op
	}
	good := signed(approve(bagus), bagusKey)
	other := signed(approve(bagus), bagusKey)
	moved := approve(bagus)
	moved.Proof = other.Proof // a good proof, of another op
	unsigned := approve(bagus)
	anonymous := approve(bagus)
	anonymous.ActorID = ""
	forged := approve(bagus)
	forged.Proof = base64.RawStdEncoding.EncodeToString([]byte(strings.Repeat("x", 32)))
	sneaky := signed(personOp(t, w, rina.ID, rina, func(p *data.Person) { p.Roles = append(p.Roles, data.RoleAdmin) }), rinaKey)
	// Rina's new password, proven by Rina; and an admin's reset of Bagus.
	newVerifier, _ := data.HashPassword("sandi-baru-rina")
	ownPassword := signed(personOp(t, w, rina.ID, rina, func(p *data.Person) { p.Verifier, p.MustChange = newVerifier, false }), rinaKey)
	resetVerifier, _ := data.HashPassword("reset-bagus-1")
	reset := signed(personOp(t, w, bagus.ID, admin, func(p *data.Person) { p.Verifier, p.MustChange = resetVerifier, true }), adminKey)

	cases := []struct {
		name       string
		dev, token string
		op         syncapi.Op
		status     string // Outcome
		dup        bool
		reason     string
	}{
		{"approval by a penyusun only", a1ID, a1Tok, signed(approve(rina), rinaKey), syncapi.StatusRejected, false, "tidak berperan Verifikator"},
		{"approval by a person of another office", a1ID, a1Tok, signed(approve(budi), budiKey), syncapi.StatusRejected, false, "bukan pengguna kantor ini"},
		{"forged proof", a1ID, a1Tok, forged, syncapi.StatusRejected, false, "tidak sah"},
		{"proof moved to another op", a1ID, a1Tok, moved, syncapi.StatusRejected, false, "tidak sah"},
		{"proof replayed from another device", a2ID, a2Tok, good, syncapi.StatusRejected, false, "tidak sah"},
		{"named person without proof", a1ID, a1Tok, unsigned, syncapi.StatusRejected, false, "tidak membawa bukti"},
		{"nobody named", a1ID, a1Tok, anonymous, syncapi.StatusRejected, false, "pengguna yang masuk"},
		{"draft pushed as approved by a penyusun", a1ID, a1Tok, signed(approvedDraft(rina), rinaKey), syncapi.StatusRejected, false, "tidak dapat mengubah status konten"},
		{"draft pushed as approved by nobody", a1ID, a1Tok, approvedDraft(nil), syncapi.StatusRejected, false, "pengguna yang masuk"},
		{"draft approved by a verifikator", a1ID, a1Tok, signed(approvedDraft(bagus), bagusKey), syncapi.StatusApplied, false, ""},
		{"submission by a penyusun and verifikator", a1ID, a1Tok, signed(auditOp(w.a.ID, sriDraft, sri, "ajukan", data.StatusDraft, data.StatusSubmitted), sriKey), syncapi.StatusApplied, false, ""},
		{"approval of one's own submission", a1ID, a1Tok, signed(auditOp(w.a.ID, sriDraft, sri, "setujui", data.StatusSubmitted, data.StatusApproved), sriKey), syncapi.StatusRejected, false, "mengajukan konten ini sendiri"},
		{"approval of Sri's submission by another verifikator", a1ID, a1Tok, signed(auditOp(w.a.ID, sriDraft, bagus, "setujui", data.StatusSubmitted, data.StatusApproved), bagusKey), syncapi.StatusApplied, false, ""},
		{"approval by a verifikator", a1ID, a1Tok, good, syncapi.StatusApplied, false, ""},
		{"replay of the good op", a1ID, a1Tok, good, syncapi.StatusApplied, true, ""},
		{"a person makes themself admin", a1ID, a1Tok, sneaky, syncapi.StatusRejected, false, "hanya dapat mengganti kata sandinya"},
		{"a person changes their own password", a1ID, a1Tok, ownPassword, syncapi.StatusApplied, false, ""},
		{"an admin resets a password", a1ID, a1Tok, reset, syncapi.StatusApplied, false, ""},
		{"a proof after the password changed", a1ID, a1Tok, signed(approve(bagus), bagusKey), syncapi.StatusRejected, false, "tidak sah"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := feedState(t, w)
			res := push(t, w, c.dev, c.token, c.op)
			if res.Outcome() != c.status || (res.Status == syncapi.StatusDuplicate) != c.dup || !strings.Contains(res.Reason, c.reason) {
				t.Fatalf("got %s (original %s) %q; want %s dup=%v %q", res.Status, res.Original, res.Reason, c.status, c.dup, c.reason)
			}
			if changed := feedState(t, w) != before; changed != (c.status == syncapi.StatusApplied && !c.dup) {
				t.Fatalf("feed changed: %v", changed)
			}
		})
	}
	// The password change counts on the server at once.
	code, _ := raw(t, http.MethodPost, w.srv.URL+"/v1/signin", a1Tok, syncapi.SignInRequest{PersonID: rina.ID, Password: rinaPW, Schema: syncapi.SchemaVersion})
	if code != http.StatusUnauthorized {
		t.Fatalf("old password after the change: %d", code)
	}
	signinKey(t, w, a1Tok, rina.ID, "sandi-baru-rina")
}

func TestServerSignIn(t *testing.T) {
	w := newWorld(t)
	rina, rinaPW := addPerson(t, w, w.a, "Rina", data.RoleDrafter)
	a1, b1 := w.device(w.a), w.device(w.b)
	a1ID, a1Tok := deviceAuth(t, a1)
	_, b1Tok := deviceAuth(t, b1)
	k1 := signinKey(t, w, a1Tok, rina.ID, rinaPW)
	if k2 := signinKey(t, w, a1Tok, rina.ID, rinaPW); string(k1) != string(k2) {
		t.Fatal("key changed without a password change")
	}
	cases := []struct {
		name, token, person, password string
		code                          int
	}{
		{"wrong password", a1Tok, rina.ID, "bukan-sandinya", http.StatusUnauthorized},
		{"device of another office", b1Tok, rina.ID, rinaPW, http.StatusUnauthorized},
		{"unknown person", a1Tok, data.NewID(), rinaPW, http.StatusUnauthorized},
		{"no device token", "", rina.ID, rinaPW, http.StatusUnauthorized},
	}
	for _, c := range cases {
		code, body := raw(t, http.MethodPost, w.srv.URL+"/v1/signin", c.token,
			syncapi.SignInRequest{PersonID: c.person, Password: c.password, Schema: syncapi.SchemaVersion})
		if code != c.code || strings.Contains(string(body), "$2") {
			t.Errorf("%s: %d %s", c.name, code, body)
		}
	}
	// Rate limit: after five failures even the right password waits.
	bad, _ := addPerson(t, w, w.a, "Tamu", data.RoleDrafter)
	for range 5 {
		raw(t, http.MethodPost, w.srv.URL+"/v1/signin", a1Tok, syncapi.SignInRequest{PersonID: bad.ID, Password: "tebakan-1", Schema: syncapi.SchemaVersion})
	}
	pw, err := w.st.ResetPassword(ctx, bad.ID)
	if err != nil {
		t.Fatal(err)
	}
	if code, body := raw(t, http.MethodPost, w.srv.URL+"/v1/signin", a1Tok,
		syncapi.SignInRequest{PersonID: bad.ID, Password: pw, Schema: syncapi.SchemaVersion}); code != http.StatusTooManyRequests {
		t.Fatalf("sixth attempt: %d %s", code, body)
	}
	_ = a1ID
}

// TestPeopleJourney goes through the app's store and sync client: the
// first admin made on the server, offline sign-in against the cached
// verifier, an approval waiting for its person's online sign-in, a
// password change syncing up, and an admin reset from the server.
func TestPeopleJourney(t *testing.T) {
	w := newWorld(t)
	admin, adminPW := addPerson(t, w, w.a, "Admin Sleman", data.RoleAdmin)
	a1, a2 := w.device(w.a), w.device(w.a)
	sync(t, a1)
	if has, _ := a1.HasPeople(ctx); !has {
		t.Fatal("the server's first admin did not reach the device")
	}
	if _, err := a1.SignIn(ctx, admin.ID, "salah-sandi"); !errors.Is(err, store.ErrWrongPassword) {
		t.Fatalf("wrong password: %v", err)
	}
	se, err := a1.SignIn(ctx, admin.ID, adminPW)
	if err != nil || !se.Person.MustChange || se.CanSign {
		t.Fatalf("first sign-in %+v %v", se, err)
	}
	client, err := syncclient.New(a1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := client.SignIn(ctx, admin.ID, adminPW); err != nil {
		t.Fatal(err)
	}
	if err := a1.SetPassword(ctx, admin.ID, adminPW, "admin-sleman-2"); err != nil {
		t.Fatal(err)
	}
	if err := client.SignIn(ctx, admin.ID, "admin-sleman-2"); err != nil {
		t.Fatalf("online sign-in with the changed password: %v", err)
	}
	rina := &data.Person{Name: "Rina Kusumawati", Roles: data.List[string]{data.RoleDrafter}}
	bagus := &data.Person{Name: "Bagus Prasetyo", Roles: data.List[string]{data.RoleVerifier}}
	for _, p := range []*data.Person{rina, bagus} {
		if err := a1.SavePerson(ctx, p, "awal-"+strings.ToLower(p.Name[:4])+"-1"); err != nil {
			t.Fatal(err)
		}
	}
	if rep := sync(t, a1); rep.Rejected != 0 {
		t.Fatalf("admin's changes rejected: %+v", rep)
	}

	// Rina drafts and submits on a1; Bagus signs in and approves on a2
	// while its network is cut: nobody has signed Bagus in online there,
	// so his approval (the audit and the draft) waits for his key. The
	// first round with the network back signs him in and sends it.
	a1.SignOut()
	signInBoth(t, a1, rina.ID, "awal-rina-1")
	d := &data.Draft{Title: "Siaran pers rapat pleno", Kind: "siaran_pers"}
	if err := a1.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	if _, err := a1.Submit(ctx, d.ID, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	sync(t, a1)
	sync(t, a2)
	if _, err := a2.SignIn(ctx, bagus.ID, "awal-bagu-1"); err != nil {
		t.Fatalf("offline sign-in on the second device: %v", err)
	}
	if _, err := a2.Approve(ctx, d.ID, "sesuai"); err != nil {
		t.Fatal(err)
	}
	cut := &http.Client{Transport: failingTransport{}}
	if _, err := syncVia(a2, cut); err == nil {
		t.Fatal("sync without a network succeeded")
	}
	if n, _ := a2.PendingChanges(ctx); n != 2 {
		t.Fatalf("waiting approval (draft and audit): %d pending", n)
	}
	if rep := sync(t, a2); rep.Applied != 2 || rep.Rejected != 0 {
		t.Fatalf("the round after the network came back: %+v", rep)
	}
	if se, _ := a2.Session(); !se.CanSign {
		t.Fatal("the round did not sign Bagus in with the server")
	}
	assertOutboxEmpty(t, "a2", a2)
	sync(t, a1)
	if got, _ := a1.Draft(ctx, d.ID); got.Status != data.StatusApproved {
		t.Fatalf("a1 sees %s", got.Status)
	}
	trail, _ := a1.AuditTrail(ctx, d.ID)
	if len(trail) != 2 || trail[0].ActorID != rina.ID || trail[1].ActorID != bagus.ID {
		t.Fatalf("trail %+v", trail)
	}

	// Rina changes her password on a1; it reaches a2 with the next sync.
	if err := a1.SetPassword(ctx, rina.ID, "awal-rina-1", "rina-punya-2"); err != nil {
		t.Fatal(err)
	}
	sync(t, a1)
	sync(t, a2)
	if _, err := a2.SignIn(ctx, rina.ID, "rina-punya-2"); err != nil {
		t.Fatalf("changed password on the other device: %v", err)
	}

	// The server administrator resets Bagus's password.
	pw, err := w.st.ResetPassword(ctx, bagus.ID)
	if err != nil {
		t.Fatal(err)
	}
	sync(t, a2)
	if se, err := a2.SignIn(ctx, bagus.ID, pw); err != nil || !se.Person.MustChange {
		t.Fatalf("reset password: %+v %v", se, err)
	}

	// The network cut: sign-in still works against the cached verifier.
	w.srv.Close()
	if _, err := a2.SignIn(ctx, rina.ID, "rina-punya-2"); err != nil {
		t.Fatalf("offline sign-in: %v", err)
	}
	if err := syncclient.SignInOnline(ctx, a2, nil, rina.ID, "rina-punya-2"); err == nil || !syncclient.Retryable(err) {
		t.Fatalf("online sign-in with the server gone: %v", err)
	}
}

// signInBoth signs a person in on the device and with the server.
func signInBoth(t *testing.T, ls *store.Store, id, password string) {
	t.Helper()
	if _, err := ls.SignIn(ctx, id, password); err != nil {
		t.Fatal(err)
	}
	if err := syncclient.SignInOnline(ctx, ls, nil, id, password); err != nil {
		t.Fatal(err)
	}
}

// failingTransport is a cut network.
type failingTransport struct{}

func (failingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("jaringan terputus")
}
