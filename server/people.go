package server

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// People on the server: the administrator creates an office's first
// admin and resets passwords from the command line; devices sign people
// in (POST /v1/signin) to receive their signing keys. People are person
// records in the feed like any other; the server reads their verifier
// from there. Passwords and verifiers are never logged.

// Errors of sign-in on the server.
var (
	ErrBadSignIn = errors.New("nama pengguna atau kata sandi salah, atau pengguna tidak aktif")
)

// SignInWaitError refuses a sign-in after too many failures (HTTP 429).
type SignInWaitError struct{ Until time.Time }

func (e *SignInWaitError) Error() string {
	return fmt.Sprintf("terlalu banyak percobaan masuk yang gagal; coba lagi setelah %s", e.Until.Local().Format("15.04.05"))
}

// signInLimit counts failed sign-ins per person in memory: the device
// limits attempts persistently; this bounds guessing through the API
// of a stolen device token. After 5 failures each attempt waits 30 s,
// doubling to 15 minutes.
type signInLimit struct {
	mu       sync.Mutex
	failures map[string]int
	last     map[string]time.Time
}

var limits = &signInLimit{failures: map[string]int{}, last: map[string]time.Time{}}

func (l *signInLimit) wait(id string, now time.Time) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := l.failures[id]
	if n < 5 {
		return time.Time{}, false
	}
	w := 30 * time.Second
	for i := 5; i < n && w < 15*time.Minute; i++ {
		w *= 2
	}
	until := l.last[id].Add(min(w, 15*time.Minute))
	return until, now.Before(until)
}

func (l *signInLimit) record(id string, ok bool, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ok {
		delete(l.failures, id)
		delete(l.last, id)
		return
	}
	l.failures[id]++
	l.last[id] = now
}

// SignIn checks a person's password against the verifier the server
// holds and returns their signing key on this device.
func (s *Store) SignIn(ctx context.Context, dev *Device, personID, password string) ([]byte, error) {
	now := time.Now()
	if until, wait := limits.wait(personID, now); wait {
		return nil, &SignInWaitError{Until: until}
	}
	p, err := s.personRecord(s.reader().WithContext(ctx), personID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	ok := err == nil && p.OfficeID == dev.OfficeID && p.Active && data.PasswordMatches(p.Verifier, password)
	limits.record(personID, ok, now)
	if !ok {
		return nil, ErrBadSignIn
	}
	var sec Secret
	if err := s.reader().WithContext(ctx).Where("id = 1").Take(&sec).Error; err != nil {
		return nil, err
	}
	return syncapi.SigningKey(sec.Value, dev.ID, p.ID, p.Verifier), nil
}

// personRecord loads a live person record.
func (s *Store) personRecord(db *gorm.DB, id string) (*data.Person, error) {
	var r Record
	err := db.Where("id = ? AND kind = ? AND deleted = ?", id, syncapi.KindPerson, false).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	var p data.Person
	if err := json.Unmarshal([]byte(r.Data), &p); err != nil {
		return nil, fmt.Errorf("data pengguna %s tidak terbaca: %w", id, err)
	}
	p.Meta = data.Meta{ID: r.ID, OfficeID: r.OfficeID, Version: r.Version, ServerSeq: r.ServerSeq,
		UpdatedAt: r.UpdatedAt, UpdatedBy: r.UpdatedBy}
	return &p, nil
}

// initialPassword makes a one-time password: 12 letters and digits that
// are hard to confuse, in groups of four (some 60 bits).
func initialPassword() (string, error) {
	raw := make([]byte, 8)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	c := codeEncoding.EncodeToString(raw)[:12]
	return strings.ToLower(c[:4] + "-" + c[4:8] + "-" + c[8:12]), nil
}

// AddPerson creates a person of an office in the feed, with a one-time
// initial password they must change at first sign-in; the password is
// returned this once and stored only as its verifier.
func (s *Store) AddPerson(ctx context.Context, officeID string, p data.Person) (*data.Person, string, error) {
	if err := s.db.WithContext(ctx).Where("id = ?", officeID).Take(&Office{}).Error; err != nil {
		return nil, "", fmt.Errorf("kantor %s tidak ditemukan", officeID)
	}
	password, err := initialPassword()
	if err != nil {
		return nil, "", err
	}
	if p.Verifier, err = data.HashPassword(password); err != nil {
		return nil, "", err
	}
	p.Meta = data.Meta{ID: data.NewID(), OfficeID: officeID, Version: 1, UpdatedAt: time.Now().UTC(), UpdatedBy: "administrator"}
	p.Active, p.MustChange = true, true
	p.Normalize()
	if err := p.Validate(); err != nil {
		return nil, "", err
	}
	err = s.write(ctx, func(tx *gorm.DB, next func() int64) error {
		return s.putPerson(tx, &p, next())
	})
	if err != nil {
		return nil, "", err
	}
	out := p.Public()
	return &out, password, nil
}

// ResetPassword gives a person a new one-time password (must change at
// sign-in), returned this once. It revokes every signing key issued to
// them, since the keys derive from the verifier.
func (s *Store) ResetPassword(ctx context.Context, personID string) (string, error) {
	password, err := initialPassword()
	if err != nil {
		return "", err
	}
	verifier, err := data.HashPassword(password)
	if err != nil {
		return "", err
	}
	err = s.write(ctx, func(tx *gorm.DB, next func() int64) error {
		p, err := s.personRecord(tx, personID)
		if err != nil {
			return fmt.Errorf("pengguna %s tidak ditemukan", personID)
		}
		p.Verifier, p.MustChange = verifier, true
		p.Version++
		p.UpdatedAt, p.UpdatedBy = time.Now().UTC(), "administrator"
		return s.putPerson(tx, p, next())
	})
	return password, err
}

// putPerson writes a person record at seq.
func (s *Store) putPerson(tx *gorm.DB, p *data.Person, seq int64) error {
	p.ServerSeq = seq
	body, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return tx.Save(&Record{ID: p.ID, Kind: syncapi.KindPerson, OfficeID: p.OfficeID, Version: p.Version,
		ServerSeq: seq, UpdatedAt: p.UpdatedAt, UpdatedBy: p.UpdatedBy, Data: string(body)}).Error
}

// People lists the live people of an office by name, without verifiers.
func (s *Store) People(ctx context.Context, officeID string) ([]data.Person, error) {
	var recs []Record
	if err := s.db.WithContext(ctx).Where("kind = ? AND office_id = ? AND deleted = ?", syncapi.KindPerson, officeID, false).
		Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]data.Person, 0, len(recs))
	for _, r := range recs {
		var p data.Person
		if json.Unmarshal([]byte(r.Data), &p) != nil {
			continue
		}
		p.ID, p.OfficeID = r.ID, r.OfficeID
		out = append(out, p.Public())
	}
	slices.SortFunc(out, func(a, b data.Person) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// signIn answers POST /v1/signin: the person's signing key on this
// device, 401 for a wrong password or an unknown or inactive person, 429
// after too many failures. Only the person id and the outcome are logged.
func (a *API) signIn(w http.ResponseWriter, r *http.Request, dev *Device) {
	var req syncapi.SignInRequest
	if !decode(w, r, &req) || !schemaOK(w, req.Schema) {
		return
	}
	key, err := a.st.SignIn(r.Context(), dev, req.PersonID, req.Password)
	var wait *SignInWaitError
	switch {
	case errors.As(err, &wait):
		a.log.Info("sign-in refused: too many failures", "device", dev.ID, "person", req.PersonID)
		writeError(w, http.StatusTooManyRequests, "signin_wait", err.Error())
	case errors.Is(err, ErrBadSignIn):
		a.log.Info("sign-in failed", "device", dev.ID, "person", req.PersonID)
		writeError(w, http.StatusUnauthorized, "bad_signin", err.Error())
	case err != nil:
		a.internal(w, r, err)
	default:
		a.log.Info("signed in", "device", dev.ID, "person", req.PersonID)
		writeJSON(w, http.StatusOK, syncapi.SignInResponse{PersonID: req.PersonID, Key: base64.StdEncoding.EncodeToString(key)})
	}
}
