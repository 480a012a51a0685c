package store

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"golang.org/x/crypto/argon2"
	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// Sign-in, the session and the signing key of the signed-in person.
//
// A person signs in against the verifier of their person record as this
// device holds it (so offline too). Failed attempts are counted per
// person in signin_failures, which survives a restart. The signing key
// the server issued at the person's last online sign-in on this device
// (syncapi.SigningKey) is kept in person_keys sealed with AES-GCM under a
// key derived from the password with argon2id: it is usable only while
// that person is signed in. Every outbox entry written during the
// session names the person and carries the proof of the change
// (syncapi.OpProof); without the key a change that needs a proof waits.

// Session is the signed-in person.
type Session struct {
	Person  data.Person // without the verifier (data.Person.Public)
	Since   time.Time
	CanSign bool // this device holds the person's signing key
}

type session struct {
	person data.Person // public copy
	since  time.Time
	key    []byte // the signing key, nil until an online sign-in
	// password is kept, in memory only, while an enrolled device has no
	// key of the person: the next sync round signs them in with the
	// server (PendingOnlineSignIn) and forgets it.
	password string
}

// Errors of sign-in and of managing people.
var (
	ErrNotSignedIn   = errors.New("belum ada pengguna yang masuk; masuk dulu dengan nama dan kata sandi Anda")
	ErrWrongPassword = errors.New("kata sandi salah")
	ErrInactive      = errors.New("pengguna ini dinonaktifkan oleh admin kantor")
	ErrNotAdmin      = errors.New("hanya Admin kantor yang dapat mengelola pengguna kantor")
	ErrPeopleExist   = errors.New("kantor ini sudah mempunyai pengguna; admin pertama hanya dibuat sekali")
	ErrLastAdmin     = errors.New("kantor harus tetap mempunyai sedikitnya satu Admin kantor yang aktif")
	ErrPersonByAdmin = errors.New("pengguna tidak dihapus; admin kantor menonaktifkannya")
	// ErrNeedsOnlineSignIn refuses a password change on an enrolled
	// device that has no signing key of the person yet: the server could
	// not accept the change, nor the next sign-in with the new password.
	ErrNeedsOnlineSignIn = errors.New("masuk sekali saat terhubung ke server sebelum mengganti kata sandi di perangkat ini")
)

// SignInWaitError refuses a sign-in after too many failed attempts.
type SignInWaitError struct {
	Until    time.Time
	Failures int
}

func (e *SignInWaitError) Error() string {
	return fmt.Sprintf("terlalu banyak percobaan masuk yang gagal (%d kali); coba lagi setelah pukul %s",
		e.Failures, e.Until.Local().Format("15.04.05"))
}

// Rate limiting of failed sign-ins: after FreeAttempts failures in a row
// each further attempt waits, 30 seconds after the fifth, doubling, at
// most 15 minutes. A right password clears the count.
const (
	FreeAttempts = 5
	firstWait    = 30 * time.Second
	maxWait      = 15 * time.Minute
)

// signInWait is how long after the last failure the next attempt waits.
func signInWait(failures int) time.Duration {
	if failures < FreeAttempts {
		return 0
	}
	w := firstWait
	for i := FreeAttempts; i < failures && w < maxWait; i++ {
		w *= 2
	}
	return min(w, maxWait)
}

type signinFailure struct {
	PersonID string `gorm:"primaryKey"`
	Failures int
	LastAt   time.Time
}

func (signinFailure) TableName() string { return "signin_failures" }

type personKey struct {
	PersonID string `gorm:"primaryKey"`
	DeviceID string
	Salt     []byte
	Sealed   []byte
}

func (personKey) TableName() string { return "person_keys" }

// SignIn signs a person of this installation's office in with their
// password, checked against the verifier this device holds (offline
// too). Too many failures answer SignInWaitError without checking.
// Edits from now on name the person (updated_by) and are signed with
// their key when this device has it.
func (s *Store) SignIn(ctx context.Context, personID, password string) (*Session, error) {
	p, err := s.personOfOffice(ctx, personID)
	if err != nil {
		return nil, err
	}
	var f signinFailure
	if err := s.read(ctx).Where("person_id = ?", personID).Limit(1).Find(&f).Error; err != nil {
		return nil, err
	}
	now := s.now().UTC()
	if until := f.LastAt.Add(signInWait(f.Failures)); f.Failures >= FreeAttempts && now.Before(until) {
		return nil, &SignInWaitError{Until: until, Failures: f.Failures}
	}
	if !data.PasswordMatches(p.Verifier, password) {
		f.PersonID, f.Failures, f.LastAt = personID, f.Failures+1, now
		if err := s.write(ctx, func(tx *gorm.DB) error { return tx.Save(&f).Error }); err != nil {
			return nil, err
		}
		return nil, ErrWrongPassword
	}
	if !p.Active {
		return nil, ErrInactive
	}
	if err := s.write(ctx, func(tx *gorm.DB) error {
		return tx.Where("person_id = ?", personID).Delete(&signinFailure{}).Error
	}); err != nil {
		return nil, err
	}
	key, err := s.unsealKey(ctx, personID, password)
	if err != nil {
		return nil, err
	}
	st, err := s.SyncState(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.session = &session{person: p.Public(), since: now, key: key}
	if key == nil && st.Enrolled() {
		s.session.password = password
	}
	s.user = p.Name
	out := s.session.public()
	s.mu.Unlock()
	return &out, nil
}

// SignOut ends the session; later edits are nobody's until the next
// sign-in (the workflow refuses them on an installation with people).
func (s *Store) SignOut() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.session = nil
	s.user = "pengguna"
}

// Session returns the signed-in person, if any.
func (s *Store) Session() (Session, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session == nil {
		return Session{}, false
	}
	return s.session.public(), true
}

func (se *session) public() Session {
	return Session{Person: se.person.Public(), Since: se.since, CanSign: se.key != nil}
}

// CurrentPerson returns the signed-in person as stored now (roles or the
// active flag may have changed through sync), without the verifier;
// ErrNotSignedIn when nobody is signed in.
func (s *Store) CurrentPerson(ctx context.Context) (*data.Person, error) {
	se, ok := s.Session()
	if !ok {
		return nil, ErrNotSignedIn
	}
	p, err := s.Person(ctx, se.Person.ID)
	if errors.Is(err, ErrNotFound) {
		return nil, ErrNotSignedIn
	}
	return p, err
}

// AdoptSigningKey keeps the signing key the server issued to the person
// on this device (POST /v1/signin), sealed under their password, and
// signs their changes that were waiting for it. The sync client calls it
// after an online sign-in.
func (s *Store) AdoptSigningKey(ctx context.Context, personID, password string, key []byte) error {
	st, err := s.SyncState(ctx)
	if err != nil {
		return err
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return err
	}
	sealed, err := seal(wrapKey(password, salt), key, []byte(personID+"\n"+st.DeviceID))
	if err != nil {
		return err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Save(&personKey{PersonID: personID, DeviceID: st.DeviceID, Salt: salt, Sealed: sealed}).Error; err != nil {
			return err
		}
		return signAwaiting(tx, personID, key)
	})
	if err != nil {
		return err
	}
	s.mu.Lock()
	if s.session != nil && s.session.person.ID == personID {
		s.session.key, s.session.password = key, ""
	}
	s.mu.Unlock()
	return nil
}

// PendingOnlineSignIn returns the signed-in person and their password
// when this enrolled device has no signing key of theirs yet, for the
// sync client to sign them in with the server (and so prove their
// changes that wait) as soon as it is reachable; ok is false otherwise.
func (s *Store) PendingOnlineSignIn() (personID, password string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session == nil || s.session.password == "" {
		return "", "", false
	}
	return s.session.person.ID, s.session.password, true
}

// ForgetOnlineSignIn drops the password kept for PendingOnlineSignIn,
// when the server refused it (its verifier differs: a reset, say); the
// person's next sign-in tries again.
func (s *Store) ForgetOnlineSignIn(personID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session != nil && s.session.person.ID == personID {
		s.session.password = ""
	}
}

// unsealKey opens the person's signing key with their password: nil
// when this device has none (never signed in online here, another
// enrolment, or a password changed since).
func (s *Store) unsealKey(ctx context.Context, personID, password string) ([]byte, error) {
	st, err := s.SyncState(ctx)
	if err != nil || st.DeviceID == "" {
		return nil, err
	}
	var k personKey
	if err := s.read(ctx).Where("person_id = ? AND device_id = ?", personID, st.DeviceID).Limit(1).Find(&k).Error; err != nil || k.PersonID == "" {
		return nil, err
	}
	key, err := unseal(wrapKey(password, k.Salt), k.Sealed, []byte(personID+"\n"+st.DeviceID))
	if err != nil {
		return nil, nil // sealed under an older password: as if none
	}
	return key, nil
}

// wrapKey derives the key that seals a signing key from the password
// (argon2id, RFC 9106's second recommended set scaled to a desktop).
func wrapKey(password string, salt []byte) []byte {
	return argon2.IDKey([]byte(password), salt, 2, 19*1024, 1, 32)
}

func seal(kek, plain, aad []byte) ([]byte, error) {
	gcm, err := newGCM(kek)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return gcm.Seal(nonce, nonce, plain, aad), nil
}

func unseal(kek, sealed, aad []byte) ([]byte, error) {
	gcm, err := newGCM(kek)
	if err != nil {
		return nil, err
	}
	if len(sealed) < gcm.NonceSize() {
		return nil, errors.New("kunci tersimpan rusak")
	}
	return gcm.Open(nil, sealed[:gcm.NonceSize()], sealed[gcm.NonceSize():], aad)
}

func newGCM(kek []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(kek)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// signer signs the outbox entries of one write transaction; it travels in
// the transaction's context (Store.write puts the session's there).
type signer struct {
	personID string
	key      []byte
}

type signerKey struct{}

// signing returns ctx with the session's signer, unless ctx already says
// who signs (unsigned, or a signer of its own).
func (s *Store) signing(ctx context.Context) context.Context {
	if ctx.Value(signerKey{}) != nil {
		return ctx
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.session == nil {
		return ctx
	}
	return context.WithValue(ctx, signerKey{}, &signer{personID: s.session.person.ID, key: s.session.key})
}

// unsigned marks ctx's writes as nobody's (records requeued at enrolment).
func unsigned(ctx context.Context) context.Context {
	return context.WithValue(ctx, signerKey{}, &signer{})
}

func signerOf(ctx context.Context) *signer {
	if ctx == nil {
		return nil
	}
	sg, _ := ctx.Value(signerKey{}).(*signer)
	return sg
}

// provenKinds are the kinds whose changes wait for a proof when the
// signed-in person's key is not on this device yet: the audit trail and
// the people themselves, which the server takes from an office with
// people only with a proof, and drafts, whose status changes it takes
// only with one (and which travel together with their audits).
var provenKinds = map[string]bool{syncapi.KindAudit: true, syncapi.KindPerson: true, syncapi.KindDraft: true}

// sign names the person in e and proves it, or marks it waiting for the
// key when its kind needs a proof.
func (sg *signer) sign(e *OutboxEntry, officeID string) {
	if sg == nil || sg.personID == "" {
		return
	}
	e.ActorID = sg.personID
	switch {
	case sg.key != nil:
		e.Proof = syncapi.OpProof(sg.key, wireOp(e, officeID))
	case provenKinds[e.Kind]:
		e.AwaitsProof = true
	}
}

// wireOp is the part of the op a proof covers.
func wireOp(e *OutboxEntry, officeID string) syncapi.Op {
	return syncapi.Op{OpID: e.OpID, Kind: e.Kind, ID: e.RecordID, OfficeID: officeID, Op: e.Op,
		ActorID: e.ActorID, Data: []byte(e.Payload)}
}

// signAwaiting proves the person's changes that waited for their key.
func signAwaiting(tx *gorm.DB, personID string, key []byte) error {
	var waiting []OutboxEntry
	if err := tx.Where("awaits_proof = 1 AND actor_id = ?", personID).Find(&waiting).Error; err != nil {
		return err
	}
	for _, e := range waiting {
		var m struct {
			OfficeID string `json:"office_id"`
		}
		_ = json.Unmarshal([]byte(e.Payload), &m) // the store wrote it
		proof := syncapi.OpProof(key, wireOp(&e, m.OfficeID))
		if err := tx.Model(&OutboxEntry{}).Where("seq = ?", e.Seq).
			Updates(map[string]any{"proof": proof, "awaits_proof": false}).Error; err != nil {
			return err
		}
	}
	return nil
}
