package server_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// pngFile writes a small PNG and returns its path, bytes and hash.
func pngFile(t *testing.T, side int) (string, []byte, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, side, side))); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "foto.png")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(buf.Bytes())
	return path, buf.Bytes(), hex.EncodeToString(sum[:])
}

// TestAttachmentReadNeedsAnUploaderInScope is the attachment hole of issue
// 11: office B pushed a photo record naming office A's photo hash in its
// own office and could then download A's photo, and HEAD answered for any
// office. A blob is now readable only where an office that uploaded it is
// in scope: B's claim gets 403 on GET and HEAD; a hash nobody uploaded is
// 404 either way; when B uploads the same bytes itself, both may read.
func TestAttachmentReadNeedsAnUploaderInScope(t *testing.T) {
	w := newWorld(t)
	a, b, coord := w.device(w.a), w.device(w.b), w.device(w.prov)
	e := entry("Sosialisasi dengan foto")
	if err := a.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	img, raw0, hash := pngFile(t, 8)
	if _, err := a.AttachPhoto(ctx, e.ID, img, "Peserta"); err != nil {
		t.Fatal(err)
	}
	if r := sync(t, a); r.PhotosUp != 1 {
		t.Fatalf("A's photo not uploaded: %+v", r)
	}
	// B claims A's hash in a photo record of its own office: a valid
	// record, so it is stored, but it gives B nothing.
	sb, _ := b.SyncState(ctx)
	claim := recordJSON(t, &data.Photo{EntryID: data.NewID(), Hash: hash, Mime: "image/png", Size: int64(len(raw0))}, nil)
	_, res, body := pushRaw(t, w, sb, syncapi.Op{OpID: data.NewID(), Kind: syncapi.KindPhoto, ID: data.NewID(), OfficeID: w.b.ID,
		Op: syncapi.OpUpsert, Data: claim})
	if len(res) != 1 || res[0].Status != syncapi.StatusApplied {
		t.Fatalf("B's photo record: %s", body)
	}
	sa, _ := a.SyncState(ctx)
	sc, _ := coord.SyncState(ctx)
	random := hex.EncodeToString(make([]byte, 32))
	url := func(h string) string { return w.srv.URL + "/v1/attachments/" + h }
	for _, c := range []struct {
		who   string
		token string
		hash  string
		want  int
	}{
		{"B, A's hash", sb.Token, hash, http.StatusForbidden},
		{"B, a random hash", sb.Token, random, http.StatusNotFound},
		{"A, a random hash", sa.Token, random, http.StatusNotFound},
		{"A, its own photo", sa.Token, hash, http.StatusOK},
		{"the province above A", sc.Token, hash, http.StatusOK},
	} {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			status, got := raw(t, method, url(c.hash), c.token, nil)
			if status != c.want {
				t.Errorf("%s %s: %d, want %d", method, c.who, status, c.want)
			}
			if method == http.MethodGet && status == http.StatusOK && !bytes.Equal(got, raw0) {
				t.Errorf("GET %s: wrong bytes", c.who)
			}
		}
	}
	// B's own app holds the same picture: its sync uploads the bytes (HEAD
	// says 403, not "already there"), which makes B an uploader too.
	eb := entry("Foto yang sama")
	if err := b.SaveEntry(ctx, eb); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AttachPhoto(ctx, eb.ID, img, "Sama"); err != nil {
		t.Fatal(err)
	}
	if r := sync(t, b); r.PhotosUp != 1 {
		t.Fatalf("B's copy not uploaded: %+v", r)
	}
	for _, tok := range []string{sa.Token, sb.Token} {
		if status, got := raw(t, http.MethodGet, url(hash), tok, nil); status != http.StatusOK || !bytes.Equal(got, raw0) {
			t.Fatalf("after both uploaded: %d", status)
		}
	}
}
