package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// The forms outside the record lists, as leaveForms (guard.go): each
// compares what its widgets hold with what it loaded; saveForm is its
// own Save, which leaves the form clean only when it stored.

// templateSettings: Pengaturan → Templat.

func (s *templateSettings) formTemplate() data.Template {
	t := *s.current
	t.Name, t.DraftKind, t.Title, t.Body = s.name.Text, s.kind.Code(), s.title.Text, s.body.Text
	return t
}

func (s *templateSettings) dirty() bool {
	t := s.formTemplate()
	return !kit.SameNormalized[data.Template](&t, s.current)
}

func (s *templateSettings) saveForm() bool { s.save(); return !s.dirty() }
func (s *templateSettings) discard()       { s.open(s.current) }

func (s *templateSettings) what() string {
	if s.current.ID == "" {
		return lang.L("The new template")
	}
	return lang.L("The template “{{.Name}}”", map[string]any{"Name": s.current.Name})
}

// stageManager: Agenda → Tahapan.

func (m *stageManager) dirty() bool {
	st, msgs := m.Read()
	return len(msgs) > 0 || !kit.SameNormalized[data.Stage](&st, &m.current)
}

func (m *stageManager) saveForm() bool { m.save(); return !m.dirty() }
func (m *stageManager) discard()       { m.Fill(m.current) }

func (m *stageManager) what() string {
	if m.current.ID == "" {
		return lang.L("The new stage or event")
	}
	return lang.L("The stage “{{.Name}}”", map[string]any{"Name": m.current.Name})
}

// officeProfile is Pengaturan → Profil kantor as a leaveForm.
type officeProfile struct{ s *settingsView }

func (p officeProfile) dirty() bool {
	if p.s.office.current == nil {
		return false
	}
	o := *p.s.office.current
	p.s.office.Read(&o)
	return !kit.SameNormalized[data.Office](&o, p.s.office.current)
}

func (p officeProfile) saveForm() bool { p.s.saveOffice(); return !p.dirty() }

func (p officeProfile) discard() {
	p.s.office.f.Clear()
	p.s.office.Fill(p.s.office.current)
}

func (p officeProfile) what() string { return lang.L("The office profile") }

// reportSettings: Pengaturan → Laporan. Its fields are settings, not a
// record: what is stored is read again to compare.

func (s *reportSettings) dirty() bool {
	ctx := s.u.ctx()
	stored := func(key, def string) string {
		v, err := s.u.store.Setting(ctx, key, def)
		if err != nil {
			return ""
		}
		return strings.TrimSpace(v)
	}
	n, ok := s.seq()
	if !ok || stored(store.SettingReportSequence, "1") != strconv.Itoa(n) {
		return true
	}
	return strings.TrimSpace(s.pattern.Text) != stored(store.SettingReportNumber, "") ||
		strings.TrimSpace(s.intro.Text) != stored(store.SettingReportIntro, "") ||
		strings.TrimSpace(s.closing.Text) != stored(store.SettingReportClosing, "")
}

func (s *reportSettings) saveForm() bool { s.save(); return !s.dirty() }
func (s *reportSettings) discard()       { s.f.Clear(); s.load() }
func (s *reportSettings) what() string   { return lang.L("The report settings") }
