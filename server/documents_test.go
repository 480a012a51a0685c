package server_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// officeZip is a minimal Office Open XML package with the given main part.
func officeZip(t *testing.T, main string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{"[Content_Types].xml", main} {
		w, _ := zw.Create(n)
		w.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// putBlob uploads raw bytes as an attachment and returns the status, the
// body and the hash.
func putBlob(t *testing.T, url, token string, body []byte) (int, string, string) {
	t.Helper()
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	req, _ := http.NewRequest(http.MethodPut, url+"/v1/attachments/"+hash, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out), hash
}

// TestDocumentAttachments: the server accepts the documents of the one
// list in data (PDF, DOCX, XLSX besides photos), recognised from the
// bytes, and refuses anything else with a message naming what is
// accepted. A document is read under the same scope rule as a photo:
// the uploading office and the offices above it, not another office.
func TestDocumentAttachments(t *testing.T) {
	w := newWorld(t)
	a, b, coord := w.device(w.a), w.device(w.b), w.device(w.prov)
	sa, _ := a.SyncState(ctx)
	sb, _ := b.SyncState(ctx)
	sc, _ := coord.SyncState(ctx)
	docs := []struct {
		name string
		raw  []byte
		mime string // "" = refused
	}{
		{"undangan.pdf", []byte("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"), data.MimePDF},
		{"notulen.docx", officeZip(t, "word/document.xml"), data.MimeDOCX},
		{"daftar-hadir.xlsx", officeZip(t, "xl/workbook.xml"), data.MimeXLSX},
		{"program.exe renamed .pdf", append([]byte("MZ"), make([]byte, 100)...), ""},
		{"catatan.txt", []byte("notulen rapat"), ""},
	}
	for _, d := range docs {
		status, body, hash := putBlob(t, w.srv.URL, sa.Token, d.raw)
		if d.mime == "" {
			if status != http.StatusBadRequest || !strings.Contains(body, "PDF, DOCX, XLSX") {
				t.Errorf("%s: PUT %d %s, want 400 naming the accepted types", d.name, status, body)
			}
			continue
		}
		if status != http.StatusNoContent {
			t.Fatalf("%s: PUT %d %s", d.name, status, body)
		}
		for _, c := range []struct {
			who, token string
			want       int
		}{{"A", sa.Token, http.StatusOK}, {"province above A", sc.Token, http.StatusOK}, {"B", sb.Token, http.StatusForbidden}} {
			req, _ := http.NewRequest(http.MethodGet, w.srv.URL+"/v1/attachments/"+hash, nil)
			req.Header.Set("Authorization", "Bearer "+c.token)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != c.want {
				t.Errorf("%s read by %s: %d, want %d", d.name, c.who, resp.StatusCode, c.want)
			}
			if c.want == http.StatusOK && (!bytes.Equal(got, d.raw) || resp.Header.Get("Content-Type") != d.mime) {
				t.Errorf("%s read by %s: type %q, %d bytes", d.name, c.who, resp.Header.Get("Content-Type"), len(got))
			}
		}
	}
	// Over the size limit: refused with the limit named.
	big := append([]byte("%PDF-1.7\n"), make([]byte, syncapi.MaxAttachmentBytes)...)
	if status, body, _ := putBlob(t, w.srv.URL, sa.Token, big); status != http.StatusRequestEntityTooLarge || !strings.Contains(body, "25 MB") {
		t.Errorf("oversized PUT: %d %s", status, body)
	}
}

// TestAttachmentsTravel: a PDF attached to an entry and a DOCX attached to
// a draft go up with A's sync and come down to the province above it,
// byte for byte, under the names they were attached with; office B, a
// neighbour, gets neither record nor file.
func TestAttachmentsTravel(t *testing.T) {
	w := newWorld(t)
	a, b, coord := w.device(w.a), w.device(w.b), w.device(w.prov)
	e := entry("Rapat koordinasi dengan undangan")
	if err := a.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	d := &data.Draft{Title: "Siaran pers rapat", Kind: "siaran_pers", Status: data.StatusDraft}
	if err := a.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "Undangan rapat.pdf")
	docx := filepath.Join(dir, "Notulen.docx")
	os.WriteFile(pdf, []byte("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"), 0o600)
	os.WriteFile(docx, officeZip(t, "word/document.xml"), 0o600)
	pa, err := a.AttachFile(ctx, e.ID, "", pdf)
	if err != nil {
		t.Fatal(err)
	}
	pd, err := a.AttachFile(ctx, "", d.ID, docx)
	if err != nil {
		t.Fatal(err)
	}
	if r := sync(t, a); r.AttachmentsUp != 2 {
		t.Fatalf("attachments not uploaded: %+v", r)
	}
	if r := sync(t, coord); r.AttachmentsDown != 2 {
		t.Fatalf("attachments not downloaded: %+v", r)
	}
	got, err := coord.Attachments(ctx, e.ID, d.ID)
	if err != nil || len(got) != 2 {
		t.Fatalf("province's attachments: %v %+v", err, got)
	}
	for _, want := range []*data.Attachment{pa, pd} {
		src, _ := os.ReadFile(a.FilePath(want.Hash, want.Mime))
		dst, err := os.ReadFile(coord.FilePath(want.Hash, want.Mime))
		if err != nil || !bytes.Equal(src, dst) {
			t.Errorf("%s: province's copy differs (%v)", want.Name, err)
		}
	}
	if got[0].Name != "Undangan rapat.pdf" || got[1].Name != "Notulen.docx" {
		t.Errorf("names: %q, %q", got[0].Name, got[1].Name)
	}
	if r := sync(t, b); r.AttachmentsDown != 0 {
		t.Errorf("neighbour B downloaded attachments: %+v", r)
	}
	if mine, _ := b.Attachments(ctx, e.ID, d.ID); len(mine) != 0 {
		t.Errorf("neighbour B holds A's attachment records: %+v", mine)
	}
}
