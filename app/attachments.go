package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/app/osopen"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// attachmentList is the Lampiran section of the activity and Konten forms:
// the documents of the entry or draft open in the form (an invitation,
// minutes, an attendance list as PDF, Word, Excel or an image), each with
// its name, type and size, a button that opens it with the system's
// application and one that deletes it after asking by name. Like photos,
// attachments belong to a stored record, so a new one is saved first.
type attachmentList struct {
	u       *UI
	draft   bool   // the owner is a draft (else an activity)
	ownerID string // "" while the record is not saved
	rows    []*attachmentRow
	box     *fyne.Container
	addBtn  *widget.Button
	hint    *widget.Label
	err     *widget.Label
	content fyne.CanvasObject
	// open shows a stored file with the system's application; tests
	// replace it (osopen.Open starts xdg-open, rundll32 or open).
	open func(src, name string) error
}

func newAttachmentList(u *UI, draft bool) *attachmentList {
	a := &attachmentList{u: u, draft: draft, box: container.NewVBox(), hint: widget.NewLabel(""), err: kit.ErrorLabel(), open: osopen.Open}
	a.hint.Wrapping = fyne.TextWrapWord
	a.hint.Importance = widget.LowImportance
	a.addBtn = widget.NewButtonWithIcon(lang.L("Add attachment…"), theme.ContentAddIcon(), a.choose)
	a.content = container.NewVBox(a.box, a.hint, a.err, container.NewHBox(a.addBtn))
	return a
}

// show lists the attachments of the entry or draft; "" is a new one.
func (a *attachmentList) show(ownerID string) {
	a.ownerID = ownerID
	a.err.Hide()
	a.box.RemoveAll()
	a.rows = nil
	if ownerID == "" {
		a.hint.SetText(lang.L("Save first to add attachments."))
		a.hint.Show()
		a.addBtn.Hide()
		return
	}
	a.addBtn.Show()
	docs, err := a.u.store.Attachments(a.u.ctx(), ownerID)
	if err != nil {
		a.u.showError(lang.L("Could not read the attachments"), err)
	}
	if len(docs) == 0 {
		a.hint.SetText(lang.L("No attachments yet: PDF, Word (DOCX), Excel (XLSX), JPEG or PNG, up to 25 MB each."))
		a.hint.Show()
		return
	}
	a.hint.Hide()
	for _, d := range docs {
		r := a.newRow(d)
		a.rows = append(a.rows, r)
		a.box.Add(r.content)
	}
}

// attachmentRow is one attachment: its name and what it is, Open and
// Delete.
type attachmentRow struct {
	doc             data.Attachment
	openBtn, delBtn *widget.Button
	content         fyne.CanvasObject
}

func (a *attachmentList) newRow(d data.Attachment) *attachmentRow {
	name := widget.NewLabel(d.Name)
	name.Wrapping = fyne.TextWrapWord
	t, _ := data.AttachmentTypeOf(d.Mime)
	about := widget.NewLabel(fmt.Sprintf("%s, %s", t.Label.In(a.u.lang), sizeLabel(d.Size)))
	about.Importance = widget.LowImportance
	r := &attachmentRow{doc: d}
	r.openBtn = widget.NewButtonWithIcon(lang.L("Open"), theme.FileIcon(), func() { a.openDoc(d) })
	r.delBtn = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), func() { a.confirmDelete(d) })
	r.content = container.NewBorder(nil, nil, nil, container.NewHBox(r.openBtn, r.delBtn), container.NewVBox(name, about))
	return r
}

// sizeLabel is a file size for people: "312 KB", "4,2 MB".
func sizeLabel(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", max((n+512)>>10, 1))
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// choose asks for files and attaches each: several at once where the
// system's dialog allows it (kit.Native), else one at a time in Fyne's.
// The store recognises the type from the bytes; the dialog only
// pre-filters by extension.
func (a *attachmentList) choose() {
	exts := []string{".pdf", ".docx", ".xlsx", ".jpg", ".jpeg", ".png", ".PDF", ".DOCX", ".XLSX", ".JPG", ".JPEG", ".PNG"}
	kit.ChooseOpenPaths(a.u.win, a.u.showError, kit.FileChoice{ErrTitle: lang.L("Could not open the file"), Exts: exts}, true,
		func(paths []string) {
			for _, p := range paths {
				if !a.attach(p) {
					return // the error names the file that failed; the rest wait for another try
				}
			}
		})
}

// attach stores the file and lists it; a refusal (type, size, a locked
// draft) is shown under the list, naming the file, and reported false.
func (a *attachmentList) attach(path string) bool {
	entryID, draftID := a.ownerID, ""
	if a.draft {
		entryID, draftID = "", a.ownerID
	}
	a.err.Hide()
	if _, err := a.u.store.AttachFile(a.u.ctx(), entryID, draftID, path); err != nil {
		a.showErr(kit.ReadOnlyError(err))
		return false
	}
	a.show(a.ownerID)
	a.u.localChange()
	return true
}

// openDoc opens the attachment with the system's application.
func (a *attachmentList) openDoc(d data.Attachment) {
	if err := a.open(a.u.store.FilePath(d.Hash, d.Mime), d.Name); err != nil {
		a.u.showError(lang.L("Could not open the attachment"), err)
	}
}

// confirmDelete asks, naming the file, before deleting an attachment.
func (a *attachmentList) confirmDelete(d data.Attachment) {
	msg := lang.L("Delete the attachment {{.Name}}?", map[string]any{"Name": d.Name})
	dialog.NewConfirm(lang.L("Delete attachment"), msg, func(ok bool) {
		if ok {
			a.delete(d)
		}
	}, a.u.win).Show()
}

// delete marks the attachment deleted (soft, so that it syncs); the file
// stays, for a restore and for other records with the same content.
func (a *attachmentList) delete(d data.Attachment) {
	if err := a.u.store.Delete(a.u.ctx(), store.KindAttachment, d.ID); err != nil {
		a.u.showError(lang.L("Could not delete"), kit.ReadOnlyError(err))
		return
	}
	a.show(a.ownerID)
	a.u.localChange()
}

func (a *attachmentList) showErr(err error) {
	a.u.lastError = lang.L("Could not add the attachment") + ": " + err.Error()
	a.err.SetText(a.u.lastError)
	a.err.Show()
}
