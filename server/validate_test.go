package server_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/server"
)

// recordJSON is a valid record of the kind, as a map to spoil.
func recordJSON(t *testing.T, r data.Record, spoil func(m map[string]any)) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if spoil != nil {
		spoil(m)
	}
	out, _ := json.Marshal(m)
	return out
}

// TestBadRecordsAreRejectedPerOp: every pushed record passes the app's own
// validation (data.Record's Validate, as sent and normalised) and the
// envelope's size limits. Each bad op sits between two good ones: it is
// rejected with a reason naming the field and the rule, nothing of it is
// stored, and the good ones are applied.
func TestBadRecordsAreRejectedPerOp(t *testing.T) {
	w := newWorld(t)
	a := w.device(w.a)
	sa, _ := a.SyncState(ctx)
	long := func(n int) string { return strings.Repeat("a", n) }
	entryWith := func(spoil func(m map[string]any)) json.RawMessage { return recordJSON(t, entry("Rapat"), spoil) }
	set := func(k string, v any) func(m map[string]any) { return func(m map[string]any) { m[k] = v } }
	cases := []struct {
		name   string
		op     func(op *syncapi.Op)
		reason string // a part of the expected reason
		retry  bool
	}{
		{"unknown kind", func(op *syncapi.Op) { op.Kind = "rahasia" }, `jenis data "rahasia" tidak dikenal`, true},
		{"a conflict made by a device", func(op *syncapi.Op) {
			op.Kind = syncapi.KindConflict
			op.Data = recordJSON(t, &data.Conflict{TargetKind: "entry", TargetID: data.NewID(), Op: "upsert"}, nil)
		}, "konflik dibuat oleh server", false},
		{"the issue's {\"t\":1} as an audit entry", func(op *syncapi.Op) { op.Kind, op.Data = syncapi.KindAudit, json.RawMessage(`{"t":1}`) },
			"data audit tidak sah: draft_id: Konten wajib diisi", false},
		{"missing title", func(op *syncapi.Op) { op.Data = entryWith(func(m map[string]any) { delete(m, "title") }) },
			"title: Judul wajib diisi", false},
		{"a title of spaces", func(op *syncapi.Op) { op.Data = entryWith(set("title", "   ")) }, "title: Judul wajib diisi", false},
		{"missing start date", func(op *syncapi.Op) {
			op.Data = entryWith(func(m map[string]any) { delete(m, "start_date"); delete(m, "end_date") })
		}, "start_date: Tanggal mulai wajib diisi", false},
		{"end before start", func(op *syncapi.Op) { op.Data = entryWith(set("end_date", "2024-04-30")) },
			"end_date: Tanggal selesai tidak boleh sebelum tanggal mulai", false},
		{"no end date (the app always sets one)", func(op *syncapi.Op) { op.Data = entryWith(func(m map[string]any) { delete(m, "end_date") }) },
			"end_date:", false},
		{"invalid date", func(op *syncapi.Op) { op.Data = entryWith(set("start_date", "2024-13-45")) }, "data tidak terbaca", false},
		{"unknown activity type", func(op *syncapi.Op) { op.Data = entryWith(set("activity_type", "pesta")) },
			"activity_type: Jenis kegiatan berisi pilihan yang tidak dikenal", false},
		{"strategy out of range", func(op *syncapi.Op) { op.Data = entryWith(set("strategy", 99)) }, "strategy: Strategi Bakohumas harus antara 1 dan", false},
		{"wrong type: text for a number", func(op *syncapi.Op) { op.Data = entryWith(set("strategy", "empat")) },
			"kolom strategy harus berupa int, bukan string", false},
		{"wrong type: number for text", func(op *syncapi.Op) { op.Data = entryWith(set("title", 7)) }, "kolom title harus berupa string", false},
		{"title over its limit", func(op *syncapi.Op) { op.Data = entryWith(set("title", long(data.MaxShort+1))) },
			"title: Judul terlalu panjang (paling banyak 200 karakter)", false},
		{"an oversize string in a field the app does not know", func(op *syncapi.Op) { op.Data = entryWith(set("x", long(300_000))) },
			"kolom x terlalu panjang", false},
		{"an oversize string deep in a list", func(op *syncapi.Op) { op.Data = entryWith(set("partner_ids", []string{long(300_000)})) },
			"kolom partner_ids terlalu panjang", false},
		{"data not an object", func(op *syncapi.Op) { op.Data = json.RawMessage(`[1]`) }, "bukan objek JSON", false},
		{"a photo whose hash is not SHA-256", func(op *syncapi.Op) {
			op.Kind = syncapi.KindPhoto
			op.Data = recordJSON(t, &data.Photo{EntryID: data.NewID(), Hash: strings.Repeat("z", 64), Mime: "image/png"}, nil)
		}, "hash: Foto bukan gambar", false},
		{"a draft of an unknown status", func(op *syncapi.Op) {
			op.Kind = syncapi.KindDraft
			op.Data = recordJSON(t, &data.Draft{Title: "Siaran", Kind: "siaran_pers", Status: "terbit_paksa"}, nil)
		}, "status:", false},
		{"a clipping of an unknown tone", func(op *syncapi.Op) {
			op.Kind = syncapi.KindClipping
			op.Data = recordJSON(t, &data.Clipping{Date: data.NewDate(2024, 5, 2), Outlet: "Radar", Medium: "online", Headline: "x", Tone: "sinis"}, nil)
		}, "tone: Sentimen berisi pilihan yang tidak dikenal", false},
		{"a target for a ninth strategy", func(op *syncapi.Op) {
			op.Kind = syncapi.KindTarget
			op.Data = recordJSON(t, &data.Target{Year: 2024, Items: data.List[data.TargetItem]{{Dimension: "strategy", Code: "9", Count: 1}}}, nil)
		}, "items: Target berisi pilihan yang tidak dikenal", false},
		{"a 1 MB id", func(op *syncapi.Op) { op.ID = long(1 << 20) }, "id terlalu panjang (1048576 byte, paling banyak 64)", false},
		{"a 1 MB op id", func(op *syncapi.Op) { op.OpID = long(1 << 20) }, "op_id terlalu panjang", false},
		{"an id with a line break", func(op *syncapi.Op) { op.ID = "abc\ndef" }, "id hanya boleh berisi", false},
		{"a long office id", func(op *syncapi.Op) { op.OfficeID = long(100) }, "office_id terlalu panjang", false},
		{"a long author", func(op *syncapi.Op) { op.UpdatedBy = long(data.MaxShort + 1) }, "updated_by terlalu panjang", false},
		{"a long kind", func(op *syncapi.Op) { op.Kind = long(1000) }, "kind dan op paling panjang", false},
	}
	good := func(title string) syncapi.Op {
		op := entryOp(t, w.a.ID, data.NewID(), data.NewID(), 0, title)
		op.UpdatedAt, op.UpdatedBy = time.Now().UTC(), "Rina"
		return op
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := serverView(t, w.st, w.prov.ID)
			bad := good("Rapat")
			c.op(&bad)
			g1, g2 := good("Sebelum "+c.name), good("Sesudah "+c.name)
			status, res, body := pushRaw(t, w, sa, g1, bad, g2)
			if status != 200 || len(res) != 3 {
				t.Fatalf("push: %d %.300s", status, body)
			}
			if r := res[1]; r.Status != syncapi.StatusRejected || !strings.Contains(r.Reason, c.reason) || r.Retry != c.retry {
				t.Fatalf("bad op answered %s %q retry=%v; want rejected %q retry=%v", r.Status, r.Reason, r.Retry, c.reason, c.retry)
			}
			if res[0].Status != syncapi.StatusApplied || res[2].Status != syncapi.StatusApplied {
				t.Fatalf("the good ops around it: %+v %+v", res[0], res[2])
			}
			after := serverView(t, w.st, w.prov.ID)
			if len(after) != len(before)+2 {
				t.Fatalf("%d records before, %d after: want only the two good ones more", len(before), len(after))
			}
			for _, id := range []string{g1.ID, g2.ID} {
				if _, ok := after[id]; !ok {
					t.Fatalf("good record %s not stored", id)
				}
			}
		})
	}
}

// TestDeleteOfARecordMadeUnderOlderRules: a delete must decode but is not
// validated, so a record stored before a rule existed can still be
// deleted; an edit of it must pass the rules.
func TestDeleteOfARecordMadeUnderOlderRules(t *testing.T) {
	w := newWorld(t)
	a := w.device(w.a)
	sa, _ := a.SyncState(ctx)
	old := entryOp(t, w.a.ID, data.NewID(), data.NewID(), 0, "")
	if err := server.StoreUnchecked(w.st, old); err != nil { // no title: stored before validation
		t.Fatal(err)
	}
	edit, del := old, old
	edit.OpID, edit.BaseVersion = data.NewID(), 1
	del.OpID, del.BaseVersion, del.Op = data.NewID(), 1, syncapi.OpDelete
	_, res, body := pushRaw(t, w, sa, edit)
	if len(res) != 1 || res[0].Status != syncapi.StatusRejected || !strings.Contains(res[0].Reason, "title:") {
		t.Fatalf("edit of the old record: %s", body)
	}
	_, res, body = pushRaw(t, w, sa, del)
	if len(res) != 1 || res[0].Status != syncapi.StatusApplied {
		t.Fatalf("delete of the old record: %s", body)
	}
	if v := serverView(t, w.st, w.a.ID)[old.ID]; !v.Deleted || v.Version != 2 {
		t.Fatalf("after the delete: %v", v)
	}
}
