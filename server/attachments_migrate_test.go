package server

import (
	"context"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data/syncapi"
)

// TestUploadersOfOlderAttachments: a database from before uploaders were
// recorded gets, for each attachment, the office of the earliest photo
// record naming it; a later claim by another office and an attachment no
// record names give no access.
func TestUploadersOfOlderAttachments(t *testing.T) {
	ctx := context.Background()
	dsn := NewTestDB(t)
	st, err := OpenStore(dsn)
	if err != nil {
		t.Fatal(err)
	}
	prov, _ := st.AddOffice(ctx, "KPU Provinsi DIY", "kpu", "provinsi", "")
	a, _ := st.AddOffice(ctx, "KPU Sleman", "kpu", "kabupaten", prov.ID)
	b, _ := st.AddOffice(ctx, "KPU Bantul", "kpu", "kabupaten", prov.ID)
	named, orphan := "aa"+hash62, "bb"+hash62
	for _, h := range []string{named, orphan} {
		if err := st.db.Create(&Attachment{Hash: h, Mime: "image/png", Size: 1, Bytes: []byte{1}}).Error; err != nil {
			t.Fatal(err)
		}
	}
	// A's record first, then B's claim.
	for i, o := range []*Office{a, b} {
		if err := st.db.Create(&Record{ID: o.ID + "-foto", Kind: syncapi.KindPhoto, OfficeID: o.ID, Version: 1,
			ServerSeq: int64(100 + i), UpdatedAt: time.Now(), Data: "{}", Ref: named}).Error; err != nil {
			t.Fatal(err)
		}
	}
	// Back to the schema before this table.
	if err := st.db.Migrator().DropTable(&AttachmentOffice{}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if st, err = OpenStore(dsn); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		office, hash string
		want         Access
	}{
		{a.ID, named, AccessGranted}, {prov.ID, named, AccessGranted}, {b.ID, named, AccessDenied},
		{a.ID, orphan, AccessDenied}, {b.ID, orphan, AccessDenied},
	} {
		got, err := st.AttachmentAccess(ctx, &Device{OfficeID: c.office}, c.hash)
		if err != nil || got != c.want {
			t.Errorf("office %s, hash %.4s: %v %v, want %v", c.office, c.hash, got, err, c.want)
		}
	}
	// Opening again changes nothing: a claim made after the upgrade never
	// makes an uploader.
	st.Close()
	if st, err = OpenStore(dsn); err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got, _ := st.AttachmentAccess(ctx, &Device{OfficeID: b.ID}, named); got != AccessDenied {
		t.Errorf("after a second start B has %v", got)
	}
}

const hash62 = "00000000000000000000000000000000000000000000000000000000000000"
