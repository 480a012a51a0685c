package store

import (
	"context"
	"errors"
	"slices"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
)

// The people of an office (data.Person). An office admin (data.RoleAdmin)
// manages them; a person changes their own password. Readers return
// people without their verifier (data.Person.Public), so that it never
// reaches a form, a report or an export; only sign-in reads it.

// HasPeople reports whether this installation's office has any person.
// Without one the installation runs as before people existed (the typed
// local user acts for the workflow) until FirstAdmin is made.
func (s *Store) HasPeople(ctx context.Context) (bool, error) {
	office, err := s.Setting(ctx, SettingOffice, "")
	if err != nil {
		return false, err
	}
	var n int64
	err = s.read(ctx).Model(&data.Person{}).Where("office_id = ? AND deleted = 0", office).Limit(1).Count(&n).Error
	return n > 0, err
}

// People lists the live people of an office ("" for this installation's)
// by name, active and inactive, without verifiers.
func (s *Store) People(ctx context.Context, officeID string) ([]data.Person, error) {
	if officeID == "" {
		var err error
		if officeID, err = s.Setting(ctx, SettingOffice, ""); err != nil {
			return nil, err
		}
	}
	var out []data.Person
	if err := s.read(ctx).Where("office_id = ? AND deleted = 0", officeID).Order("name, id").Find(&out).Error; err != nil {
		return nil, err
	}
	for i := range out {
		out[i] = out[i].Public()
	}
	return out, nil
}

// PeopleWithRole lists the active people of an office ("" for this
// installation's) who hold role, by name: e.g. the signers (data.RoleSigner)
// a report's signature blocks are chosen from.
func (s *Store) PeopleWithRole(ctx context.Context, officeID, role string) ([]data.Person, error) {
	all, err := s.People(ctx, officeID)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, p := range all {
		if p.Active && p.Has(role) {
			out = append(out, p)
		}
	}
	return out, nil
}

// Person loads a live person, without the verifier.
func (s *Store) Person(ctx context.Context, id string) (*data.Person, error) {
	var p data.Person
	if err := s.get(ctx, &p, id); err != nil {
		return nil, err
	}
	p = p.Public()
	return &p, nil
}

// personOfOffice loads a live person of this installation's office with
// the verifier, for checking a password.
func (s *Store) personOfOffice(ctx context.Context, id string) (*data.Person, error) {
	var p data.Person
	if err := s.get(ctx, &p, id); err != nil {
		return nil, err
	}
	office, err := s.Setting(ctx, SettingOffice, "")
	if err != nil {
		return nil, err
	}
	if p.OfficeID != office {
		return nil, ErrNotFound
	}
	return &p, nil
}

// SuggestedFirstAdmin is the first admin the first run offers: the typed
// local user of an installation from before people existed (name,
// position, and the roles their old role stands for), else empty; roles
// always include admin.
func (s *Store) SuggestedFirstAdmin(ctx context.Context) (data.Person, error) {
	u, err := s.LocalUser(ctx)
	if err != nil {
		return data.Person{}, err
	}
	p := data.Person{Name: u.Name, Position: u.Position, Active: true}
	p.Roles = append(data.List[string]{data.RoleAdmin}, u.Actor().Roles...)
	p.Normalize()
	return p, nil
}

// FirstAdmin creates the office's first person, an admin (RoleAdmin is
// added to p's roles), with password, and signs them in. It is refused
// (ErrPeopleExist) once the office has any person: the others are added
// by an admin (SavePerson). An enrolled device should sync first, so that
// people made on the server (humasdesk-server user add) are known.
func (s *Store) FirstAdmin(ctx context.Context, p *data.Person, password string) (*Session, error) {
	verifier, err := data.HashPassword(password)
	if err != nil {
		return nil, err
	}
	p.ID, p.Verifier, p.Active, p.MustChange = "", verifier, true, false
	if !p.Has(data.RoleAdmin) {
		p.Roles = append(p.Roles, data.RoleAdmin)
	}
	p.Normalize()
	if err := p.Validate(); err != nil {
		return nil, err
	}
	err = s.write(unsigned(ctx), func(tx *gorm.DB) error {
		office, err := currentOfficeID(tx)
		if err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&data.Person{}).Where("office_id = ? AND deleted = 0", office).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return ErrPeopleExist
		}
		p.OfficeID = office
		return s.saveTx(tx, p)
	})
	if err != nil {
		return nil, err
	}
	*p = p.Public()
	return s.SignIn(ctx, p.ID, password)
}

// SavePerson creates or updates a person of this installation's office;
// only a signed-in admin of the office may (ErrNotAdmin). A new person
// needs an initial password, which they must change at first sign-in; an
// update keeps the stored password unless password is given, which
// resets it (must change again). The office keeps at least one active
// admin (ErrLastAdmin). The verifier in p is ignored.
func (s *Store) SavePerson(ctx context.Context, p *data.Person, password string) error {
	admin, err := s.requireAdmin(ctx)
	if err != nil {
		return err
	}
	if p.ID == "" {
		p.Active = true
		if password == "" {
			return data.ValidationError{{Field: "password", Label: data.LabelPassword, Rule: data.RuleRequired}}
		}
	}
	if password != "" {
		if p.Verifier, err = data.HashPassword(password); err != nil {
			return err
		}
		p.MustChange = true
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		if p.ID != "" {
			var cur data.Person
			if err := tx.Where("id = ? AND deleted = 0", p.ID).Take(&cur).Error; err != nil {
				if errors.Is(err, gorm.ErrRecordNotFound) {
					return ErrNotFound
				}
				return err
			}
			if password == "" {
				p.Verifier, p.MustChange = cur.Verifier, cur.MustChange
			}
		}
		p.OfficeID = admin.OfficeID
		p.Normalize()
		if err := p.Validate(); err != nil {
			return err
		}
		if err := s.saveTx(tx, p); err != nil {
			return err
		}
		if err := keepsAnAdmin(tx, admin.OfficeID); err != nil {
			return err
		}
		*p = p.Public()
		return nil
	})
}

// SetPassword changes a password. For the signed-in person's own, the
// old password must match and the new one is theirs (must-change
// cleared); the change is signed with their key, after which this
// device's key of theirs is dropped (a password change revokes it: the
// next online sign-in issues a new one). For anyone else it is an admin
// reset: the signed-in person must be an admin of the office, old is
// ignored, and the person must change the new password at sign-in.
func (s *Store) SetPassword(ctx context.Context, personID, oldPassword, newPassword string) error {
	se, ok := s.Session()
	if !ok {
		return ErrNotSignedIn
	}
	self := se.Person.ID == personID
	if self {
		if st, err := s.SyncState(ctx); err != nil {
			return err
		} else if st.DeviceID != "" && !se.CanSign {
			return ErrNeedsOnlineSignIn
		}
	} else if _, err := s.requireAdmin(ctx); err != nil {
		return err
	}
	verifier, err := data.HashPassword(newPassword)
	if err != nil {
		return err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		var p data.Person
		if err := tx.Where("id = ? AND deleted = 0", personID).Take(&p).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return ErrNotFound
			}
			return err
		}
		if self && !data.PasswordMatches(p.Verifier, oldPassword) {
			return ErrWrongPassword
		}
		p.Verifier, p.MustChange = verifier, !self
		if err := s.saveTx(tx, &p); err != nil {
			return err
		}
		return tx.Where("person_id = ?", personID).Delete(&personKey{}).Error
	})
	if err != nil {
		return err
	}
	if self {
		s.mu.Lock()
		if s.session != nil && s.session.person.ID == personID {
			// The old key is revoked; the next round signs in anew.
			s.session.key, s.session.password = nil, newPassword
			s.session.person.MustChange = false
		}
		s.mu.Unlock()
	}
	return nil
}

// requireAdmin returns the signed-in person if they are an active admin
// of this installation's office.
func (s *Store) requireAdmin(ctx context.Context) (*data.Person, error) {
	p, err := s.CurrentPerson(ctx)
	if err != nil {
		return nil, err
	}
	office, err := s.Setting(ctx, SettingOffice, "")
	if err != nil {
		return nil, err
	}
	if !p.Active || !p.Has(data.RoleAdmin) || p.OfficeID != office {
		return nil, ErrNotAdmin
	}
	return p, nil
}

// keepsAnAdmin refuses a change that leaves the office without an active
// admin.
func keepsAnAdmin(tx *gorm.DB, officeID string) error {
	var people []data.Person
	if err := tx.Where("office_id = ? AND deleted = 0 AND active = 1", officeID).Find(&people).Error; err != nil {
		return err
	}
	if slices.ContainsFunc(people, func(p data.Person) bool { return p.Has(data.RoleAdmin) }) {
		return nil
	}
	return ErrLastAdmin
}
