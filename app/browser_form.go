package app

import (
	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// browserForm is a record list's form (kit.Browser) as the window's
// guards, kept forms and Riwayat see it (guard.go, recovery.go,
// history.go).
type browserForm[T any, P kit.Record[T]] struct {
	u *UI
	b *kit.Browser[T, P]
}

// guardBrowser hooks b's questions and its Riwayat to the window.
func guardBrowser[T any, P kit.Record[T]](u *UI, b *kit.Browser[T, P]) browserForm[T, P] {
	f := browserForm[T, P]{u, b}
	b.OnLeave = func(proceed, stay func()) { u.askLeave(f, proceed, stay) }
	b.OnHistory = func() { u.showHistory(f) }
	return f
}

func (f browserForm[T, P]) dirty() bool    { return f.b.Dirty() }
func (f browserForm[T, P]) saveForm() bool { return f.b.Commit() }
func (f browserForm[T, P]) discard()       { f.b.Discard() }
func (f browserForm[T, P]) what() string   { return f.b.What() }

func (f browserForm[T, P]) keepKey() (string, string) { return f.b.KeepKey() }

func (f browserForm[T, P]) snapshot() (payload, label string, ok bool) {
	payload, ok = f.b.Snapshot()
	return payload, f.b.What(), ok
}

func (f browserForm[T, P]) restoreKept(recordID, payload string) error {
	return f.b.RestoreKept(recordID, payload)
}

func (f browserForm[T, P]) historyOf() (k store.Kind, id string, current []byte, meta data.Meta) {
	return f.b.HistoryOf()
}

func (f browserForm[T, P]) restoreVersion(raw []byte) bool { return f.b.RestoreVersion(raw) }

// keptChanges says what a kept form changed in its record, field by
// field ("Telepon: 0274 999"); none means it holds what is stored.
func (f browserForm[T, P]) keptChanges(recordID, payload string) []string {
	return f.u.changesOf(string(f.b.K.StoreKind), f.b.StoredJSON(recordID), []byte(payload))
}
