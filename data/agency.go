package data

// SocialAccount is one official social-media account of an agency.
type SocialAccount struct {
	Platform string `json:"platform"`
	Handle   string `json:"handle"`
}

// Agency is a partner agency (instansi mitra) the office works with.
type Agency struct {
	Meta
	Name           string              `json:"name"`
	Kind           string              `json:"kind"`
	Level          string              `json:"level"`
	Region         string              `json:"region"`
	Address        string              `json:"address"`
	ContactPerson  string              `json:"contact_person"`
	Phone          string              `json:"phone"`
	Email          string              `json:"email"`
	Website        string              `json:"website"`
	SocialAccounts List[SocialAccount] `json:"social_accounts"`
	Notes          string              `json:"notes"`
}

// Field labels of Agency beyond the shared ones.
var (
	LabelContactPerson  = Text{"Narahubung", "Contact person"}
	LabelSocialAccounts = Text{"Akun media sosial", "Social-media accounts"}
)

// RecordKind implements Record.
func (*Agency) RecordKind() string { return "agency" }

// Normalize implements Record.
func (a *Agency) Normalize() {
	clean(&a.Name, &a.Kind, &a.Level, &a.Region, &a.Address, &a.ContactPerson,
		&a.Phone, &a.Email, &a.Website, &a.Notes)
	accts := a.SocialAccounts[:0]
	for _, s := range a.SocialAccounts {
		clean(&s.Platform, &s.Handle)
		if s.Platform != "" || s.Handle != "" {
			accts = append(accts, s)
		}
	}
	a.SocialAccounts = accts
	if len(accts) == 0 {
		a.SocialAccounts = nil
	}
}

// Validate implements Record.
func (a *Agency) Validate() error {
	var c checker
	c.text("name", LabelName, a.Name, true, MaxShort)
	c.oneOf("kind", LabelKind, a.Kind, AgencyKinds, true)
	c.oneOf("level", LabelLevel, a.Level, Levels, false)
	c.text("region", LabelRegion, a.Region, false, MaxShort)
	c.text("address", LabelAddress, a.Address, false, MaxLine)
	c.text("contact_person", LabelContactPerson, a.ContactPerson, false, MaxShort)
	c.maxLen("phone", LabelPhone, a.Phone, 50)
	c.phone("phone", LabelPhone, a.Phone)
	c.maxLen("email", LabelEmail, a.Email, MaxShort)
	c.email("email", LabelEmail, a.Email)
	c.maxLen("website", LabelWebsite, a.Website, MaxLine)
	c.url("website", LabelWebsite, a.Website)
	for _, s := range a.SocialAccounts {
		if s.Handle == "" {
			c.add("social_accounts", LabelSocialAccounts, RuleRequired)
			break
		}
		if !SocialPlatforms.Has(s.Platform) {
			c.add("social_accounts", LabelSocialAccounts, RuleUnknown)
			break
		}
		if len(s.Handle) > MaxShort {
			c.errs = append(c.errs, FieldError{Field: "social_accounts", Label: LabelSocialAccounts, Rule: RuleTooLong, Max: MaxShort})
			break
		}
	}
	c.text("notes", LabelNotes, a.Notes, false, MaxText)
	return c.err()
}
