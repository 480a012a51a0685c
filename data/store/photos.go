package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	_ "image/jpeg" // photo formats accepted
	_ "image/png"
	"io"
	"os"
	"path/filepath"

	"github.com/humasdesk/humasdesk/data"
)

// MaxPhotoBytes bounds one attached photo; phone pictures are 2–8 MB.
const MaxPhotoBytes = 25 << 20

// PhotoDir is the content-addressed folder of attached photos, beside the
// database file: lampiran/ab/abcdef….jpg.
func (s *Store) PhotoDir() string { return filepath.Join(filepath.Dir(s.path), "lampiran") }

// PhotoPath is where the photo with this hash and type is kept.
func (s *Store) PhotoPath(hash, mime string) string { return s.FilePath(hash, mime) }

// FilePath is where the photo or attachment with this hash and type is
// kept, with the extension of its type (data.AttachmentTypes) so that the
// system opens it with the right application: lampiran/ab/abcd….pdf.
func (s *Store) FilePath(hash, mime string) string {
	ext := ".jpg"
	if t, ok := data.AttachmentTypeOf(mime); ok {
		ext = t.Ext
	}
	return filepath.Join(s.PhotoDir(), hash[:2], hash+ext)
}

// AttachPhoto copies a JPEG or PNG file into the photo folder (once per
// distinct content) and attaches it to a live entry. A file that is not
// such an image, or too large, is refused and nothing is written.
func (s *Store) AttachPhoto(ctx context.Context, entryID, file, caption string) (*data.Photo, error) {
	e, err := s.Entry(ctx, entryID)
	if err != nil {
		return nil, err
	}
	p, raw, err := preparePhoto(file, caption, func(p *data.Photo) { p.EntryID = entryID })
	if err != nil {
		return nil, err
	}
	if err := s.keepPhotoFile(p, raw); err != nil {
		return nil, err
	}
	p.OfficeID = e.OfficeID // a photo belongs to its entry's office
	if err := s.save(ctx, p); err != nil {
		return nil, err
	}
	return p, nil
}

// preparePhoto reads a JPEG or PNG file (at most MaxPhotoBytes) into a
// Photo record named by its content's hash, lets own attach it to its
// entry or draft, and validates it; it writes nothing.
func preparePhoto(file, caption string, own func(*data.Photo)) (*data.Photo, []byte, error) {
	raw, err := readLimited(file)
	if err != nil {
		return nil, nil, err
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(raw))
	mime, ok := data.PhotoMime(format)
	if err != nil || !ok {
		return nil, nil, data.ValidationError{{Field: "photo", Label: data.LabelPhoto, Rule: data.RuleInvalidImage}}
	}
	sum := sha256.Sum256(raw)
	p := &data.Photo{Hash: hex.EncodeToString(sum[:]), Mime: mime, Size: int64(len(raw)),
		Width: cfg.Width, Height: cfg.Height, Caption: caption, Name: filepath.Base(file)}
	own(p)
	p.Normalize()
	if err := p.Validate(); err != nil {
		return nil, nil, err
	}
	return p, raw, nil
}

// keepPhotoFile writes an attached photo's file into the photo folder and
// makes its smaller copies (photocopies.go). A picture whose header reads
// but whose body does not decode is still kept, as before copies existed:
// reports show it as missing.
func (s *Store) keepPhotoFile(p *data.Photo, raw []byte) error {
	if err := writeOnce(s.PhotoPath(p.Hash, p.Mime), raw); err != nil {
		return fmt.Errorf("foto tidak dapat disimpan: %w", err)
	}
	_ = s.makeCopies(p.Hash, raw)
	return nil
}

// SavePhoto updates a photo's caption.
func (s *Store) SavePhoto(ctx context.Context, p *data.Photo) error { return s.save(ctx, p) }

// Photos lists the live photos of the entries, in the order attached.
func (s *Store) Photos(ctx context.Context, entryIDs ...string) ([]data.Photo, error) {
	var out []data.Photo
	if len(entryIDs) == 0 {
		return out, nil
	}
	err := s.read(ctx).Where("deleted = 0 AND entry_id IN ?", entryIDs).Order("entry_id, updated_at, id").Find(&out).Error
	return out, err
}

func readLimited(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("file foto tidak dapat dibuka: %w", err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, MaxPhotoBytes+1))
	if err != nil {
		return nil, fmt.Errorf("file foto tidak dapat dibaca: %w", err)
	}
	if len(raw) > MaxPhotoBytes {
		return nil, fmt.Errorf("foto %s terlalu besar (paling besar %d MB)", filepath.Base(file), MaxPhotoBytes>>20)
	}
	return raw, nil
}

// writeOnce writes content-addressed data unless it is already there,
// through a temporary file and a rename so that a crash never leaves half
// a photo under its hash.
func writeOnce(path string, raw []byte) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(raw); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
