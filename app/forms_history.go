package app

import (
	"encoding/json"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// Riwayat and kept copies of the forms outside the record lists: the
// templates, the office profile and the stages keep their records'
// versions like any record; the templates, the office profile and the
// report settings are kept as they are typed (recovery.go).

// historyButton is Riwayat of a form: unsaved changes are saved or
// discarded first, since restoring a version replaces them.
func (u *UI) historyButton(f interface {
	leaveForm
	historyForm
}) *widget.Button {
	return widget.NewButtonWithIcon(lang.L("History"), theme.HistoryIcon(), func() {
		u.askLeave(f, func() { u.showHistory(f) }, nil)
	})
}

// restoreInto shows raw, an earlier version decoded into v (a record
// whose sync fields are then set to meta), in a form with fill, and
// saves it with f; a version that is not stored leaves the form as
// stored again.
func restoreInto[T any, P interface {
	*T
	data.Record
}](u *UI, f leaveForm, raw []byte, meta data.Meta, fill func(P)) bool {
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		u.showError(lang.L("Could not restore"), err)
		return false
	}
	*P(&v).RecordMeta() = meta
	fill(&v)
	if f.saveForm() {
		return true
	}
	f.discard()
	return false
}

func jsonOf(v any) []byte {
	raw, _ := json.Marshal(v)
	return raw
}

// changesOf lists, one field a line, what after changes in before.
func (u *UI) changesOf(kind string, before, after []byte) []string {
	var out []string
	for _, r := range u.versionDiff(kind, before, after) {
		v := r.theirs
		if runes := []rune(v); len(runes) > 80 {
			v = string(runes[:80]) + "…"
		}
		out = append(out, r.label+": "+v)
	}
	return out
}

// templateSettings.

func (s *templateSettings) fillTemplate(t *data.Template) {
	s.name.SetText(t.Name)
	s.kind.SetCode(t.DraftKind)
	s.title.SetText(t.Title)
	s.body.SetText(t.Body)
}

func (s *templateSettings) historyOf() (store.Kind, string, []byte, data.Meta) {
	return store.KindTemplate, s.current.ID, jsonOf(s.current), s.current.Meta
}

func (s *templateSettings) restoreVersion(raw []byte) bool {
	return restoreInto(s.u, s, raw, s.current.Meta, s.fillTemplate)
}

func (s *templateSettings) keepKey() (string, string) {
	return string(store.KindTemplate), s.current.ID
}

func (s *templateSettings) snapshot() (string, string, bool) {
	t := s.formTemplate()
	return string(jsonOf(&t)), s.what(), true
}

// storedTemplate is the template id as stored, or a new one.
func (s *templateSettings) storedTemplate(id string) *data.Template {
	if id != "" {
		if t, err := s.u.store.Template(s.u.ctx(), id); err == nil {
			return t
		}
	}
	return &data.Template{}
}

func (s *templateSettings) restoreKept(id, payload string) error {
	var kept data.Template
	if err := json.Unmarshal([]byte(payload), &kept); err != nil {
		return err
	}
	s.load(s.storedTemplate(id).ID)
	s.fillTemplate(&kept)
	return nil
}

func (s *templateSettings) keptChanges(id, payload string) []string {
	return s.u.changesOf(syncapi.KindTemplate, jsonOf(s.storedTemplate(id)), []byte(payload))
}

// stageManager (Riwayat only: the dialog is not open at a start).

func (m *stageManager) historyOf() (store.Kind, string, []byte, data.Meta) {
	return store.KindStage, m.current.ID, jsonOf(&m.current), m.current.Meta
}

func (m *stageManager) restoreVersion(raw []byte) bool {
	cur := m.current
	return restoreInto(m.u, m, raw, m.current.Meta, func(st *data.Stage) {
		m.Fill(*st)
		m.current = cur // the form holds the version; the stage stays the stored one
	})
}

// officeProfile.

func (p officeProfile) historyOf() (store.Kind, string, []byte, data.Meta) {
	o := p.s.office.current
	return store.Kind(syncapi.KindOffice), o.ID, jsonOf(o), o.Meta
}

func (p officeProfile) restoreVersion(raw []byte) bool {
	return restoreInto(p.s.u, p, raw, p.s.office.current.Meta, p.s.office.Fill)
}

func (p officeProfile) keepKey() (string, string) { return syncapi.KindOffice, p.s.office.current.ID }

func (p officeProfile) snapshot() (string, string, bool) {
	o := *p.s.office.current
	p.s.office.Read(&o)
	return string(jsonOf(&o)), p.what(), true
}

func (p officeProfile) restoreKept(id, payload string) error {
	var kept data.Office
	if err := json.Unmarshal([]byte(payload), &kept); err != nil {
		return err
	}
	p.s.loadOffice()
	kept.Meta = p.s.office.current.Meta
	p.s.office.Fill(&kept)
	return nil
}

func (p officeProfile) keptChanges(id, payload string) []string {
	return p.s.u.changesOf(syncapi.KindOffice, jsonOf(p.s.office.current), []byte(payload))
}

// reportSettings: its four fields, by setting key.

func (s *reportSettings) fields() []struct {
	key   string
	label string
	entry *widget.Entry
} {
	return []struct {
		key   string
		label string
		entry *widget.Entry
	}{
		{store.SettingReportNumber, lang.L("Number pattern"), s.pattern},
		{store.SettingReportSequence, lang.L("Next sequence number"), s.sequence},
		{store.SettingReportIntro, lang.L("Opening (Pendahuluan)"), s.intro},
		{store.SettingReportClosing, lang.L("Closing (Penutup)"), s.closing},
	}
}

func (s *reportSettings) keepKey() (string, string) { return "report_settings", "" }

func (s *reportSettings) snapshot() (string, string, bool) {
	kept := map[string]string{}
	for _, f := range s.fields() {
		kept[f.key] = f.entry.Text
	}
	return string(jsonOf(kept)), s.what(), true
}

func (s *reportSettings) restoreKept(_, payload string) error {
	var kept map[string]string
	if err := json.Unmarshal([]byte(payload), &kept); err != nil {
		return err
	}
	s.load()
	for _, f := range s.fields() {
		if v, ok := kept[f.key]; ok {
			f.entry.SetText(v)
		}
	}
	return nil
}

func (s *reportSettings) keptChanges(_, payload string) []string {
	var kept map[string]string
	_ = json.Unmarshal([]byte(payload), &kept) // a copy that does not read changes nothing
	var out []string
	for _, f := range s.fields() {
		v, ok := kept[f.key]
		def := ""
		if f.key == store.SettingReportSequence {
			def = "1"
		}
		stored, err := s.u.store.Setting(s.u.ctx(), f.key, def)
		if ok && err == nil && strings.TrimSpace(v) != strings.TrimSpace(stored) {
			out = append(out, f.label+": "+v)
		}
	}
	return out
}
