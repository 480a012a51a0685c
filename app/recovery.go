package app

import (
	"errors"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// Crash recovery. While a form holds unsaved changes, what it holds is
// kept in the local database (store.KeepUnsaved), checked every
// keepEvery and written off the main goroutine when it changed; it is
// removed once the form is saved or its changes are discarded. After a
// crash or a power cut the next start finds it there and offers it back
// (offerRecovery), opening the form with it, still unsaved.

// keepEvery is how often the open forms are checked for changes to keep.
// Tests keep them themselves (keepForms) and turn the timer off.
var keepEvery = time.Second

// keptForm is a guarded form whose unsaved content is kept as it is
// typed.
type keptForm interface {
	leaveForm
	// keepKey names the form (a record kind) and the record it edits
	// ("" for a new one).
	keepKey() (form, recordID string)
	// snapshot is what the form holds now, encoded (a record as JSON),
	// and a label that names it; ok is false when it cannot be encoded.
	snapshot() (payload, label string, ok bool)
	// restoreKept opens the record id (a new one for "") with payload in
	// the form, unsaved.
	restoreKept(recordID, payload string) error
	// keptChanges lists what payload changed in the record id, one
	// field a line; none when it holds what is stored.
	keptChanges(recordID, payload string) []string
}

// keeper writes what keepForms decides, in order, on its own goroutine.
type keeper struct {
	once sync.Once
	ops  chan func()
	wg   sync.WaitGroup
	last map[string]string // form\x00id -> the payload kept last; main goroutine only
}

func (k *keeper) do(op func()) {
	k.once.Do(func() {
		k.ops = make(chan func(), 16)
		go func() {
			for op := range k.ops {
				op()
				k.wg.Done()
			}
		}()
	})
	k.wg.Add(1)
	k.ops <- op
}

// flush waits until everything handed to the keeper is written.
func (k *keeper) flush() { k.wg.Wait() }

// keepForms keeps the content of every form that holds unsaved changes
// and has changed since it was kept last, and drops what was kept of
// forms that no longer hold any (saved, discarded, or showing another
// record). It runs on the main goroutine; the writes do not.
func (u *UI) keepForms() {
	k := &u.keeper
	if k.last == nil {
		k.last = map[string]string{}
	}
	st := u.store
	for _, g := range u.leave.guards {
		kf, ok := g.form.(keptForm)
		if !ok {
			continue
		}
		form, id := kf.keepKey()
		dirty := kf.dirty()
		for key := range k.last {
			kForm, kID := splitKey(key)
			if kForm == form && (kID != id || !dirty) {
				delete(k.last, key)
				k.do(func() { logErr("dropping a kept form", st.DropUnsaved(u.ctx(), kForm, kID)) })
			}
		}
		if !dirty {
			continue
		}
		payload, label, ok := kf.snapshot()
		key := form + "\x00" + id
		if !ok || k.last[key] == payload {
			continue
		}
		k.last[key] = payload
		un := store.Unsaved{Form: form, RecordID: id, Label: label, Payload: payload, SavedAt: time.Now().UTC()}
		k.do(func() { logErr("keeping a form", st.KeepUnsaved(u.ctx(), un)) })
	}
}

// keepNow keeps the forms and waits until it is written: before the
// window closes, and for tests.
func (u *UI) keepNow() {
	u.keepForms()
	u.keeper.flush()
}

func splitKey(key string) (form, id string) {
	for i := range len(key) {
		if key[i] == 0 {
			return key[:i], key[i+1:]
		}
	}
	return key, ""
}

func logErr(what string, err error) {
	if err != nil {
		fyne.LogError(what, err)
	}
}

// startKeeping checks the forms every keepEvery for as long as the
// program runs.
func (u *UI) startKeeping() {
	if keepEvery <= 0 {
		return
	}
	go func() {
		for range time.Tick(keepEvery) {
			fyne.Do(u.keepForms)
		}
	}()
}

// keptFormOf is the guarded form kept under the name form, or nil.
func (u *UI) keptFormOf(form string) keptForm {
	for _, g := range u.leave.guards {
		if kf, ok := g.form.(keptForm); ok {
			if f, _ := kf.keepKey(); f == form {
				return kf
			}
		}
	}
	return nil
}

// offerRecovery shows what forms held unsaved when Humas Desk stopped
// without saving or discarding it, each with Pulihkan and Buang. What is
// neither restored nor discarded is offered again at the next start.
func (u *UI) offerRecovery() {
	kept, err := u.store.UnsavedForms(u.ctx())
	if err != nil || len(kept) == 0 {
		logErr("reading kept forms", err)
		return
	}
	box := container.NewVBox()
	var d *dialog.CustomDialog
	for _, un := range kept {
		kf := u.keptFormOf(un.Form)
		var changes []string
		if kf != nil {
			changes = kf.keptChanges(un.RecordID, un.Payload)
			if len(changes) == 0 {
				// Saved after it was kept, before the crash: nothing to offer.
				logErr("dropping a kept form", u.store.DropUnsaved(u.ctx(), un.Form, un.RecordID))
				continue
			}
		}
		when := un.SavedAt.Local()
		lines := append([]string{un.Label, lang.L("kept {{.When}}",
			map[string]any{"When": iddate.Format(data.DateOf(when), u.lang) + " " + iddate.Clock(when)})}, changes...)
		text := widget.NewLabel(strings.Join(lines, "\n"))
		text.Wrapping = fyne.TextWrapWord
		var row *fyne.Container
		restore := widget.NewButtonWithIcon(lang.L("Restore"), theme.ViewRefreshIcon(), func() {
			d.Hide()
			u.restoreKept(un)
		})
		restore.Importance = widget.HighImportance
		drop := widget.NewButtonWithIcon(lang.L("Discard"), theme.DeleteIcon(), func() {
			logErr("dropping a kept form", u.store.DropUnsaved(u.ctx(), un.Form, un.RecordID))
			box.Remove(row)
			if len(box.Objects) == 0 {
				d.Hide()
			}
		})
		row = container.NewBorder(nil, nil, nil, container.NewHBox(drop, restore), text)
		box.Add(row)
	}
	if len(box.Objects) == 0 {
		return
	}
	intro := widget.NewLabel(lang.L("Humas Desk was closed while these forms held changes that were not saved. Restore opens the form with them, not yet saved."))
	intro.Wrapping = fyne.TextWrapWord
	later := widget.NewButton(lang.L("Later"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Unsaved changes found"),
		sized(container.NewBorder(intro, nil, nil, nil, container.NewVScroll(box)), 560, 260), u.win)
	d.SetButtons([]fyne.CanvasObject{later})
	d.Show()
}

// restoreKept opens what was kept in its form.
func (u *UI) restoreKept(un store.Unsaved) {
	kf := u.keptFormOf(un.Form)
	if kf == nil {
		u.showError(lang.L("Could not restore"), errUnknownForm)
		return
	}
	for _, g := range u.leave.guards {
		if g.form == leaveForm(kf) {
			u.showHomes(g.homes)
		}
	}
	u.askLeave(kf, func() {
		if err := kf.restoreKept(un.RecordID, un.Payload); err != nil {
			u.showError(lang.L("Could not restore"), err)
			return
		}
		// Known as kept, so that saving or discarding it drops it.
		if u.keeper.last == nil {
			u.keeper.last = map[string]string{}
		}
		u.keeper.last[un.Form+"\x00"+un.RecordID] = un.Payload
	}, nil)
}

// errUnknownForm is why a kept form cannot be restored: a newer version
// of Humas Desk kept it.
var errUnknownForm = errors.New("formulir ini tidak dikenal oleh versi Humas Desk ini")
