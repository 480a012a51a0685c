package app

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // photo thumbnails
	_ "image/png"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	xdraw "golang.org/x/image/draw"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// thumbSize is the size thumbnails are drawn at, and the longest side, in
// pixels, they are made with.
var thumbSize = fyne.NewSize(100, 75)

const thumbPixels = 200 // twice thumbSize, for high-density screens

// photoList is the Foto dokumentasi section of the activity form, and the
// Foto section of the Konten form: the photos of the entry or draft open
// in the form, each with a thumbnail, its caption (editable) and a delete
// button (on a draft also its "Menampilkan pejabat" tick), and a button to
// add one. Photos belong to a stored record, so a new one must be saved
// first.
//
// Thumbnails are drawn in the background from the small copy the store
// keeps of each photo (store.ThumbnailFile), not from the original: a
// phone photo decoded whole takes some 50 MB and a few hundred
// milliseconds.
type photoList struct {
	u        *UI
	owner    photoOwner
	ownerID  string // the entry or draft whose photos are listed
	rows     []*photoRow
	box      *fyne.Container
	addBtn   *widget.Button
	official *widget.Check // the next photo added shows an official (drafts only)
	hint     *widget.Label // "save first", or "no photos yet"
	err      *widget.Label // why the last attach failed
	content  fyne.CanvasObject
	gen      int            // counts show calls; a late thumbnail of an earlier one is dropped
	thumbs   sync.WaitGroup // thumbnails being made, for tests
}

// photoOwner is what a photo list belongs to: an activity, whose
// documentation photos it lists, or a draft, whose pictures go out with
// it and are each marked when they show an official (the neutrality
// checker reads the mark).
type photoOwner struct {
	list      func(ctx context.Context, id string) ([]data.Photo, error)
	attach    func(ctx context.Context, id, path string, official bool) (*data.Photo, error)
	officials bool   // rows and the next photo added carry "Menampilkan pejabat"
	saveFirst string // the hint while the record is not saved yet
	deleteAsk string // the question before a photo is deleted
	changed   func() // told after a photo was added, deleted or (un)marked; may be nil
}

// entryPhotos are an activity's documentation photos.
func entryPhotos(u *UI) photoOwner {
	return photoOwner{
		list: func(ctx context.Context, id string) ([]data.Photo, error) { return u.store.Photos(ctx, id) },
		attach: func(ctx context.Context, id, path string, _ bool) (*data.Photo, error) {
			return u.store.AttachPhoto(ctx, id, path, "")
		},
		saveFirst: lang.L("Save the activity first to add photos."),
		deleteAsk: lang.L("Delete this photo from the activity?"),
	}
}

// photoRow is one photo in the list.
type photoRow struct {
	photo     data.Photo
	img       *canvas.Image
	caption   *widget.Entry
	saveBtn   *widget.Button
	deleteBtn *widget.Button
	official  *widget.Check // drafts only
	err       *widget.Label
	content   fyne.CanvasObject
}

// newPhotoList makes the photo list of the activity form.
func newPhotoList(u *UI) *photoList { return newPhotoListOf(u, entryPhotos(u)) }

func newPhotoListOf(u *UI, owner photoOwner) *photoList {
	p := &photoList{u: u, owner: owner, box: container.NewVBox(), hint: widget.NewLabel(""), err: kit.ErrorLabel()}
	p.hint.Wrapping = fyne.TextWrapWord
	p.hint.Importance = widget.LowImportance
	p.addBtn = widget.NewButtonWithIcon(lang.L("Add photo…"), theme.ContentAddIcon(), p.choose)
	add := container.NewHBox(p.addBtn)
	if owner.officials {
		p.official = widget.NewCheck(data.LabelShowsOfficial.In(u.lang), nil)
		add.Add(p.official)
	}
	p.content = container.NewVBox(p.box, p.hint, p.err, add)
	return p
}

// show lists the photos of the entry or draft; "" is a new one, which has
// none yet.
func (p *photoList) show(ownerID string) {
	p.gen++
	p.ownerID = ownerID
	p.err.Hide()
	p.rows = nil
	p.box.RemoveAll()
	if ownerID == "" {
		p.hint.SetText(p.owner.saveFirst)
		p.hint.Show()
		p.addBtn.Hide()
		if p.official != nil {
			p.official.Hide()
		}
		return
	}
	p.addBtn.Show()
	if p.official != nil {
		p.official.SetChecked(false)
		p.official.Show()
	}
	photos, err := p.owner.list(p.u.ctx(), ownerID)
	if err != nil {
		p.u.showError(lang.L("Could not read the photos"), err)
	}
	if len(photos) == 0 {
		p.hint.SetText(lang.L("No photos yet. JPEG or PNG files, such as photos from a phone."))
		p.hint.Show()
		return
	}
	p.hint.Hide()
	for _, ph := range photos {
		r := p.newRow(ph)
		p.rows = append(p.rows, r)
		p.box.Add(r.content)
	}
	p.loadThumbnails()
}

func (p *photoList) newRow(ph data.Photo) *photoRow {
	r := &photoRow{photo: ph, caption: widget.NewEntry(), err: kit.ErrorLabel()}
	r.img = &canvas.Image{FillMode: canvas.ImageFillContain, ScaleMode: canvas.ImageScaleSmooth}
	r.img.SetMinSize(thumbSize)
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor = theme.Color(theme.ColorNameSeparator)
	frame.StrokeWidth = 1
	frame.SetMinSize(thumbSize)

	r.caption.SetPlaceHolder(data.LabelCaption.In(p.u.lang))
	r.caption.SetText(ph.Caption)
	r.caption.OnChanged = func(s string) {
		if s == r.photo.Caption {
			r.saveBtn.Disable()
		} else {
			r.saveBtn.Enable()
		}
	}
	r.caption.OnSubmitted = func(string) { p.saveCaption(r) }
	// The caption's save button is an icon beside it, to keep the row
	// narrow enough for the form; Enter and the activity's Save save too.
	r.saveBtn = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), func() { p.saveCaption(r) })
	r.saveBtn.Disable()
	r.deleteBtn = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), func() { p.confirmDelete(r) })
	r.deleteBtn.Importance = widget.DangerImportance
	about := widget.NewLabel(photoAbout(ph))
	about.Importance = widget.LowImportance
	about.Truncation = fyne.TextTruncateEllipsis
	actions := container.NewHBox(r.deleteBtn)
	if p.owner.officials {
		r.official = widget.NewCheck(data.LabelShowsOfficial.In(p.u.lang), nil)
		r.official.SetChecked(ph.ShowsOfficial)
		r.official.OnChanged = func(on bool) { p.setOfficial(r, on) }
		actions.Add(r.official)
	}
	right := container.NewVBox(container.NewBorder(nil, nil, nil, r.saveBtn, r.caption), r.err, about, actions)
	r.content = container.NewBorder(nil, nil, container.NewStack(frame, r.img), nil, right)
	return r
}

// photoAbout is "rapat.jpg · 1600 × 1200 · 2,4 MB".
func photoAbout(ph data.Photo) string {
	size := fmt.Sprintf("%d KB", (ph.Size+1023)/1024)
	if ph.Size >= 1<<20 {
		size = strings.Replace(fmt.Sprintf("%.1f MB", float64(ph.Size)/(1<<20)), ".", ",", 1)
	}
	return fmt.Sprintf("%s · %d × %d · %s", ph.Name, ph.Width, ph.Height, size)
}

// loadThumbnails makes the rows' thumbnails in the background and shows
// each when it is ready, unless the form has moved on to another entry.
func (p *photoList) loadThumbnails() {
	gen := p.gen
	rows := append([]*photoRow(nil), p.rows...)
	st := p.u.store
	p.thumbs.Add(1)
	go func() {
		defer p.thumbs.Done()
		for _, r := range rows {
			// The stored thumbnail (made now if missing), not the original.
			path := st.ThumbnailFile(r.photo.Hash, r.photo.Mime)
			img, err := thumbnail(path, thumbPixels)
			if err != nil {
				fyne.LogError("making the thumbnail of "+path, err)
				continue
			}
			fyne.DoAndWait(func() {
				if p.gen == gen {
					r.img.Image = img
					r.img.Refresh()
				}
			})
		}
	}()
}

// thumbnail decodes an image file and scales it down so that its longer
// side is at most px.
func thumbnail(path string, px int) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, _, err := image.Decode(f)
	if err != nil {
		return nil, err
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= px && h <= px {
		return src, nil
	}
	if w >= h {
		w, h = px, max(h*px/w, 1)
	} else {
		w, h = max(w*px/h, 1), px
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.BiLinear.Scale(dst, dst.Bounds(), src, b, xdraw.Src, nil)
	return dst, nil
}

// choose asks for JPEG or PNG files and attaches them one after the
// other: several at once where the system's dialog allows it
// (kit.Native), else one at a time in Fyne's.
func (p *photoList) choose() {
	choice := kit.FileChoice{ErrTitle: lang.L("Could not open the file"),
		Exts: []string{".jpg", ".jpeg", ".png", ".JPG", ".JPEG", ".PNG"}}
	kit.ChooseOpenPaths(p.u.win, p.u.showError, choice, true, func(paths []string) { p.attachAll(paths) })
}

// attachAll attaches the files in order, each once the one before is
// listed.
func (p *photoList) attachAll(paths []string) {
	if len(paths) == 0 {
		return
	}
	done := p.attach(paths[0])
	go func() {
		<-done
		fyne.Do(func() { p.attachAll(paths[1:]) })
	}()
}

// attach copies the file into the photo folder and lists it, in the
// background: photos are megabytes. The returned channel is closed once
// the list shows the result.
func (p *photoList) attach(path string) <-chan struct{} {
	done := make(chan struct{})
	ownerID, gen := p.ownerID, p.gen
	official := p.official != nil && p.official.Checked
	p.err.Hide()
	p.addBtn.Disable()
	go func() {
		defer close(done)
		_, err := p.owner.attach(p.u.ctx(), ownerID, path, official)
		fyne.DoAndWait(func() {
			p.addBtn.Enable()
			if p.gen != gen { // the form shows another entry now
				if err != nil {
					p.u.showError(lang.L("Could not add the photo"), err)
				}
				return
			}
			if err != nil {
				p.showErr(err)
				return
			}
			p.show(ownerID)
			p.u.localChange()
			p.changed()
		})
	}()
	return done
}

// changed tells the owner's form that its photos changed.
func (p *photoList) changed() {
	if p.owner.changed != nil {
		p.owner.changed()
	}
}

// setOfficial stores a row's "Menampilkan pejabat" mark; a refusal (the
// draft was locked meanwhile) puts the tick back.
func (p *photoList) setOfficial(r *photoRow, on bool) {
	if on == r.photo.ShowsOfficial {
		return
	}
	if err := p.u.store.SetDraftPhotoOfficial(p.u.ctx(), r.photo.ID, on); err != nil {
		p.u.showError(lang.L("Could not save"), kit.ReadOnlyError(err))
		r.official.SetChecked(r.photo.ShowsOfficial)
		return
	}
	r.photo.ShowsOfficial = on
	p.u.localChange()
	p.changed()
}

// showErr says why a photo could not be added, in the user's language.
func (p *photoList) showErr(err error) {
	msg := err.Error()
	if ve, ok := data.AsValidation(err); ok {
		var texts []string
		for _, m := range kit.ValidationMsgs(ve, p.u.lang) {
			texts = append(texts, m.Text)
		}
		msg = strings.Join(texts, "; ")
	}
	p.u.lastError = lang.L("Could not add the photo") + ": " + msg
	p.err.SetText(p.u.lastError)
	p.err.Show()
}

// saveCaption stores a row's caption if it changed.
func (p *photoList) saveCaption(r *photoRow) error {
	if r.caption.Text == r.photo.Caption {
		return nil
	}
	ph := r.photo
	ph.Caption = r.caption.Text
	err := p.u.store.SavePhoto(p.u.ctx(), &ph)
	if ve, ok := data.AsValidation(err); ok {
		var texts []string
		for _, m := range kit.ValidationMsgs(ve, p.u.lang) {
			texts = append(texts, m.Text)
		}
		r.err.SetText(strings.Join(texts, "\n"))
		r.err.Show()
		return err
	}
	if err != nil {
		p.u.showError(lang.L("Could not save"), err)
		return err
	}
	r.err.Hide()
	r.photo = ph
	if r.caption.Text != ph.Caption { // normalised: spaces trimmed
		r.caption.SetText(ph.Caption)
	}
	r.saveBtn.Disable()
	p.u.localChange()
	return nil
}

// saveCaptions stores every caption changed and not yet saved: the
// activity's own Save button saves them too, so that none is lost when
// the form is shown again.
func (p *photoList) saveCaptions() error {
	var errs []error
	for _, r := range p.rows {
		if err := p.saveCaption(r); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (p *photoList) confirmDelete(r *photoRow) {
	dialog.NewConfirm(lang.L("Delete photo"), p.owner.deleteAsk, func(ok bool) {
		if ok {
			p.delete(r)
		}
	}, p.u.win).Show()
}

// delete marks the photo deleted (soft, so that it syncs) and lists the
// rest. The file stays in the photo folder: another entry may use the same
// picture, and a restore needs it.
func (p *photoList) delete(r *photoRow) {
	if err := p.u.store.Delete(p.u.ctx(), store.KindPhoto, r.photo.ID); err != nil {
		p.u.showError(lang.L("Could not delete"), kit.ReadOnlyError(err))
		return
	}
	p.show(p.ownerID)
	p.u.localChange()
	p.changed()
}
