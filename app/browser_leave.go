package app

import (
	"encoding/json"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// A browser's form as a leaveForm (guard.go), a keptForm (recovery.go)
// and a historyForm (history.go), and the undo of its last save.

// dirty reports whether the form holds what differs from the record it
// shows: input that does not even read (a date that is not one) counts.
// A read-only record of another office is never dirty.
func (b *browser[T, P]) dirty() bool {
	if b.current == nil || b.readOnly {
		return false
	}
	r := *b.current
	if msgs := b.ed.read(&r); len(msgs) > 0 {
		return true
	}
	return !sameNormalized[T, P](&r, b.current)
}

// saveForm is Save without the choice of changedElsewhere, which commit
// reports instead.
func (b *browser[T, P]) saveForm() bool { return b.commit() }

// discard shows the record as stored (or the empty new one) again.
func (b *browser[T, P]) discard() { b.show(b.current) }

// what is the form's heading and the record's title.
func (b *browser[T, P]) what() string {
	if b.isNew() {
		return b.k.newTitle
	}
	raw, _ := json.Marshal(b.current)
	return b.k.editTitle + " — " + recordTitle(raw)
}

// leave runs proceed once the form may be left, asking first when it
// holds unsaved changes; stay runs when the user stays.
func (b *browser[T, P]) leave(proceed, stay func()) { b.u.askLeave(b, proceed, stay) }

// newTapped is New: a new form, once the one shown may be left.
func (b *browser[T, P]) newTapped() { b.leave(b.openNew, b.reselect) }

// reselect selects the row of the record in the form again, after the
// user chose to stay with its unsaved changes; openRow ignores the row of
// the record already in the form.
func (b *browser[T, P]) reselect() {
	if b.selRow >= 0 && b.selRow < b.n {
		if r := b.pages.row(b.selRow); r != nil && P(r).RecordMeta().ID == P(b.current).RecordMeta().ID {
			b.table.Select(widget.TableCellID{Row: b.selRow, Col: 0})
			return
		}
	}
	b.table.UnselectAll()
}

// keepKey names the form by its record kind.
func (b *browser[T, P]) keepKey() (form, recordID string) {
	return string(b.k.storeKind), P(b.current).RecordMeta().ID
}

// snapshot is what the form holds, as the record's JSON.
func (b *browser[T, P]) snapshot() (payload, label string, ok bool) {
	r := *b.current
	b.ed.read(&r)
	raw, err := json.Marshal(&r)
	return string(raw), b.what(), err == nil
}

// restoreKept opens the record id (a new one for "") with payload, what
// the form held when it was kept, in the form: unsaved, so that Save
// stores it and leaving asks. A record that is gone since opens as a new
// one with that content.
func (b *browser[T, P]) restoreKept(recordID, payload string) error {
	base := b.k.blank()
	rec := &base
	if recordID != "" {
		if r, err := b.k.load(b.u.ctx(), recordID); err == nil {
			rec = r
		}
	}
	var kept T
	if err := json.Unmarshal([]byte(payload), &kept); err != nil {
		return err
	}
	b.showUnsaved(rec, &kept)
	b.status.SetText(lang.L("Restored what was not saved; save it to keep it."))
	return nil
}

// showUnsaved shows rec in the form with content's fields in it instead:
// the form holds content, not yet saved, over the record rec.
func (b *browser[T, P]) showUnsaved(rec, content *T) {
	b.table.UnselectAll()
	b.selRow = -1
	b.show(rec)
	c := *content
	*P(&c).RecordMeta() = *P(rec).RecordMeta()
	b.ed.fill(&c)
}

// historyOf is the record in the form, for Riwayat.
func (b *browser[T, P]) historyOf() (store.Kind, string, []byte, data.Meta) {
	raw, _ := json.Marshal(b.current)
	m := *P(b.current).RecordMeta()
	return b.k.storeKind, m.ID, raw, m
}

// showHistory opens Riwayat, once unsaved changes are saved or
// discarded: restoring a version replaces what the form holds.
func (b *browser[T, P]) showHistory() {
	b.leave(func() { b.u.showHistory(b) }, nil)
}

// restoreVersion puts raw, an earlier version of the record, in the form
// and saves it as a new edit. When it cannot be stored (a draft under
// review, say) the form shows the record as stored again.
func (b *browser[T, P]) restoreVersion(raw []byte) bool {
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		b.u.showError(lang.L("Could not restore"), err)
		return false
	}
	*P(&v).RecordMeta() = *P(b.current).RecordMeta()
	b.ed.fields().clear()
	b.ed.fill(&v)
	if !b.commit() {
		b.show(b.current)
		return false
	}
	b.status.SetText(lang.L("Earlier version restored and saved."))
	return true
}

// undoSave saves again the record as it was before the last save in this
// form: Urungkan simpan, and Ctrl+Z outside a text field.
func (b *browser[T, P]) undoSave() {
	prev := b.beforeSave
	if prev == nil || b.readOnly {
		return
	}
	b.leave(func() {
		b.undoing = true
		defer func() { b.undoing = false }()
		raw, err := json.Marshal(prev)
		if err == nil && b.restoreVersion(raw) {
			b.beforeSave = nil
			b.undoSaveBtn.Hide()
			b.status.SetText(lang.L("The last save was undone."))
		}
	}, nil)
}

// savedOver follows a save that replaced prev, the record as the form
// had it: it can be undone until another record is opened.
func (b *browser[T, P]) savedOver(prev *T) {
	if b.undoing || P(prev).RecordMeta().ID == "" {
		return
	}
	b.beforeSave = prev
	b.undoSaveBtn.Show()
}

// forgetSave drops the undo of the last save when the form opens another
// record.
func (b *browser[T, P]) forgetSave(next *T) {
	if b.beforeSave != nil && P(b.beforeSave).RecordMeta().ID == P(next).RecordMeta().ID {
		return
	}
	b.beforeSave = nil
	if b.undoSaveBtn != nil {
		b.undoSaveBtn.Hide()
	}
}

// canUndoSave reports whether Urungkan simpan is offered.
func (b *browser[T, P]) canUndoSave() bool { return b.beforeSave != nil && !b.readOnly }
