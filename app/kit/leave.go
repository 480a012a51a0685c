package kit

import (
	"encoding/json"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// Unsaved changes, kept copies, history and the undo of the last save of
// a browser's form. The app asks the questions and opens the dialogs
// (app/guard.go, app/recovery.go, app/history.go) through OnLeave and
// OnHistory; the browser knows what its form holds.

// Dirty reports whether the form holds what differs from the record it
// shows: input that does not even read (a date that is not one) counts.
// It compares with what the form read back right after showing the
// record, not with the record itself, so that what a form cannot show
// as stored (a list in another order, a time with seconds) is not taken
// for a change. A read-only record of another office is never dirty.
func (b *Browser[T, P]) Dirty() bool {
	if b.Current == nil || b.ReadOnly || b.baseline == nil {
		return false
	}
	r := *b.Current
	if msgs := b.ed.Read(&r); len(msgs) > 0 && !b.baseBad {
		return true
	}
	return !SameNormalized[T, P](&r, b.baseline)
}

// setBaseline reads back what the form shows of Current, for Dirty.
func (b *Browser[T, P]) setBaseline() {
	r := *b.Current
	b.baseBad = len(b.ed.Read(&r)) > 0
	b.baseline = &r
}

// Discard shows the record as stored (or the empty new one) again.
func (b *Browser[T, P]) Discard() { b.Show(b.Current) }

// What is the form's heading and the record's title: what the question
// before leaving names.
func (b *Browser[T, P]) What() string {
	if b.isNew() {
		return b.K.NewTitle
	}
	raw, _ := json.Marshal(b.Current)
	return b.K.EditTitle + " — " + RecordTitle(raw)
}

// RecordTitle is the title or name inside a record's JSON.
func RecordTitle(raw []byte) string {
	var r struct {
		Title   string `json:"title"`
		Name    string `json:"name"`
		Claim   string `json:"claim"`
		Caption string `json:"caption"`
		Number  string `json:"number"` // a report number
	}
	_ = json.Unmarshal(raw, &r) // a record that does not read has no title
	for _, s := range []string{r.Title, r.Name, r.Claim, r.Caption, r.Number} {
		if s != "" {
			return s
		}
	}
	return lang.L("(untitled)")
}

// leave runs proceed once the form may be left (OnLeave asks when it
// holds unsaved changes); stay runs when the user stays.
func (b *Browser[T, P]) leave(proceed, stay func()) {
	if b.OnLeave == nil {
		proceed()
		return
	}
	b.OnLeave(proceed, stay)
}

// Leave is leave for the app's own ways of replacing the form (a draft
// made from a template).
func (b *Browser[T, P]) Leave(proceed func()) { b.leave(proceed, b.reselect) }

// newTapped is New: a new form, once the one shown may be left.
func (b *Browser[T, P]) newTapped() { b.leave(b.OpenNew, b.reselect) }

// reselect selects the row of the record in the form again, after the
// user chose to stay with its unsaved changes; openRow ignores the row of
// the record already in the form.
func (b *Browser[T, P]) reselect() {
	if b.selRow >= 0 && b.selRow < b.N {
		if r := b.Pages.Row(b.selRow); r != nil && P(r).RecordMeta().ID == P(b.Current).RecordMeta().ID {
			b.Table.Select(widget.TableCellID{Row: b.selRow, Col: 0})
			return
		}
	}
	b.Table.UnselectAll()
}

// SelectedRow is the row of the record in the form, -1 for none.
func (b *Browser[T, P]) SelectedRow() int { return b.selRow }

// KeepKey names the form by its record kind, and the record in it.
func (b *Browser[T, P]) KeepKey() (form, recordID string) {
	return string(b.K.StoreKind), P(b.Current).RecordMeta().ID
}

// Snapshot is what the form holds, as the record's JSON.
func (b *Browser[T, P]) Snapshot() (payload string, ok bool) {
	r := *b.Current
	b.ed.Read(&r)
	raw, err := json.Marshal(&r)
	return string(raw), err == nil
}

// RestoreKept opens the record id (a new one for "") with payload, what
// the form held when it was kept, in the form: unsaved, so that Save
// stores it and leaving asks. A record that is gone since opens as a new
// one with that content.
func (b *Browser[T, P]) RestoreKept(recordID, payload string) error {
	var kept T
	if err := json.Unmarshal([]byte(payload), &kept); err != nil {
		return err
	}
	base := b.K.Blank()
	rec := &base
	if recordID != "" {
		if r, err := b.K.Load(b.host.Ctx(), recordID); err == nil {
			rec = r
		}
	}
	b.HideUndo()
	b.ShowUnsaved(rec, &kept)
	b.Status.SetText(lang.L("Restored what was not saved; save it to keep it."))
	return nil
}

// ShowUnsaved shows rec in the form with content's fields in it instead:
// the form holds content, not yet saved, over the record rec.
func (b *Browser[T, P]) ShowUnsaved(rec, content *T) {
	b.Table.UnselectAll()
	b.selRow = -1
	b.Show(rec)
	c := *content
	*P(&c).RecordMeta() = *P(rec).RecordMeta()
	b.ed.Fill(&c)
}

// HistoryOf is the record in the form, for Riwayat: its kind, id ("" while
// new), the record as JSON and its sync fields.
func (b *Browser[T, P]) HistoryOf() (store.Kind, string, []byte, data.Meta) {
	raw, _ := json.Marshal(b.Current)
	m := *P(b.Current).RecordMeta()
	return b.K.StoreKind, m.ID, raw, m
}

// showHistory opens Riwayat, once unsaved changes are saved or
// discarded: restoring a version replaces what the form holds.
func (b *Browser[T, P]) showHistory() {
	if b.OnHistory != nil {
		b.leave(b.OnHistory, nil)
	}
}

// RestoreVersion puts raw, an earlier version of the record, in the form
// and saves it as a new edit. When it cannot be stored (a draft under
// review, say) the form shows the record as stored again.
func (b *Browser[T, P]) RestoreVersion(raw []byte) bool {
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		b.host.ShowError(lang.L("Could not restore"), err)
		return false
	}
	*P(&v).RecordMeta() = *P(b.Current).RecordMeta()
	b.ed.Fields().Clear()
	b.ed.Fill(&v)
	if !b.Commit() {
		b.Show(b.Current)
		return false
	}
	b.Status.SetText(lang.L("Earlier version restored and saved."))
	return true
}

// UndoSave saves again the record as it was before the last save in this
// form: Urungkan simpan, and Ctrl+Z outside a text field.
func (b *Browser[T, P]) UndoSave() {
	prev := b.beforeSave
	if prev == nil || b.ReadOnly {
		return
	}
	b.leave(func() {
		raw, err := json.Marshal(prev)
		if err != nil {
			return
		}
		b.undoing = true
		ok := b.RestoreVersion(raw)
		b.undoing = false
		if ok {
			b.beforeSave = nil
			b.UndoSaveBtn.Hide()
			b.Status.SetText(lang.L("The last save was undone."))
		}
	}, nil)
}

// CanUndoSave reports whether Urungkan simpan is offered.
func (b *Browser[T, P]) CanUndoSave() bool { return b.beforeSave != nil && !b.ReadOnly }

// savedOver follows a save that replaced prev, the record as the form
// had it: it can be undone until another record is opened.
func (b *Browser[T, P]) savedOver(prev *T) {
	if b.undoing || prev == nil || P(prev).RecordMeta().ID == "" {
		return
	}
	b.beforeSave = prev
	b.UndoSaveBtn.Show()
}

// forgetSave drops the undo of the last save when the form opens another
// record.
func (b *Browser[T, P]) forgetSave(next *T) {
	if b.beforeSave != nil && P(b.beforeSave).RecordMeta().ID == P(next).RecordMeta().ID {
		return
	}
	b.beforeSave = nil
	if b.UndoSaveBtn != nil {
		b.UndoSaveBtn.Hide()
	}
}

// StoredJSON is the record id as stored, as JSON (the empty new record
// for ""), to compare a kept form with; nil when it is gone.
func (b *Browser[T, P]) StoredJSON(recordID string) []byte {
	var r *T
	if recordID == "" {
		blank := b.K.Blank()
		r = &blank
	} else if stored, err := b.K.Load(b.host.Ctx(), recordID); err == nil {
		r = stored
	} else {
		return nil
	}
	raw, _ := json.Marshal(r)
	return raw
}
