package app

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

func storedAttachments(t *testing.T, st *store.Store, ownerID string) []data.Attachment {
	t.Helper()
	docs, err := st.Attachments(ctx, ownerID)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// The Lampiran section of the activity form: a new activity asks to be
// saved first; a PDF is listed by name and type, opened through the
// system opener as itself under its own name, refused files are named in
// the error, and a delete asks by the file's name first.
func TestEntryAttachments(t *testing.T) {
	u, st := newTestUI(t)
	a := u.entryEd.docs
	test.Tap(u.entries.NewBtn)
	if a.hint.Text != "Simpan dulu untuk menambah lampiran." || a.addBtn.Visible() {
		t.Errorf("new entry: hint %q, add button visible %v", a.hint.Text, a.addBtn.Visible())
	}
	e := openSavedEntry(t, u, st)
	if a.ownerID != e.ID || !a.addBtn.Visible() || !strings.HasPrefix(a.hint.Text, "Belum ada lampiran") {
		t.Fatalf("saved entry: owner %q, hint %q", a.ownerID, a.hint.Text)
	}

	a.attach(writeFile(t, "Undangan rapat.pdf", []byte("%PDF-1.7\n%%EOF\n")))
	docs := storedAttachments(t, st, e.ID)
	if len(docs) != 1 || docs[0].Name != "Undangan rapat.pdf" || len(a.rows) != 1 || a.err.Visible() {
		t.Fatalf("after attaching: stored %+v, listed %d, error %q", docs, len(a.rows), a.err.Text)
	}

	a.attach(writeFile(t, "catatan.txt", []byte("bukan dokumen")))
	if !a.err.Visible() || !strings.Contains(a.err.Text, "catatan.txt tidak dapat dilampirkan") {
		t.Errorf("a text file: error %q", a.err.Text)
	}
	if len(storedAttachments(t, st, e.ID)) != 1 {
		t.Error("a refused file was stored")
	}

	var opened []string
	a.open = func(src, name string) error { opened = append(opened, src, name); return nil }
	test.Tap(a.rows[0].openBtn)
	if len(opened) != 2 || opened[0] != st.FilePath(docs[0].Hash, docs[0].Mime) || opened[1] != "Undangan rapat.pdf" {
		t.Errorf("opened %q", opened)
	}

	test.Tap(a.rows[0].delBtn)
	if got := strings.Join(dialogText(u.win), "\n"); !strings.Contains(got, "Hapus lampiran Undangan rapat.pdf?") {
		t.Errorf("confirmation says %q", got)
	}
	tapDialogButton(t, u.win, "Tidak")
	if len(storedAttachments(t, st, e.ID)) != 1 {
		t.Fatal("deleted without confirming")
	}
	test.Tap(a.rows[0].delBtn)
	tapDialogButton(t, u.win, "Ya")
	if len(storedAttachments(t, st, e.ID)) != 0 || len(a.rows) != 0 {
		t.Fatal("not deleted after confirming")
	}
}

// A draft's Lampiran takes a Word document.
func TestDraftAttachments(t *testing.T) {
	u, st := newTestUI(t)
	d := &data.Draft{Title: "Siaran pers rapat pleno", Kind: "siaran_pers", Status: data.StatusDraft}
	if err := st.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	u.drafts.Reload()
	u.drafts.Table.Select(tableCell(0))
	a := u.draftEd.docs
	if a.ownerID != d.ID {
		t.Fatalf("the attachment list shows %q", a.ownerID)
	}
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	for _, n := range []string{"[Content_Types].xml", "word/document.xml"} {
		w, _ := zw.Create(n)
		w.Write([]byte("<x/>"))
	}
	zw.Close()
	a.attach(writeFile(t, "Bahan siaran.docx", docx.Bytes()))
	docs := storedAttachments(t, st, d.ID)
	if len(docs) != 1 || docs[0].Mime != data.MimeDOCX || docs[0].DraftID != d.ID || len(a.rows) != 1 {
		t.Fatalf("stored %+v, listed %d, error %q", docs, len(a.rows), a.err.Text)
	}
}
