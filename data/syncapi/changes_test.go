package syncapi

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// WriteChanges says what a json.Encoder says, byte for byte on compact
// data without <, > or &; on other data it differs only in spaces and
// escapes, and reads back the same.
func TestWriteChangesMatchesEncodingJSON(t *testing.T) {
	at := time.Date(2024, 5, 1, 9, 30, 0, 123456789, time.FixedZone("WIB", 7*3600))
	pages := map[string]*ChangesResponse{
		"empty": {Changes: []Record{}, Next: 7, Head: 7},
		"nil":   {Next: 0, Head: 0},
		"records": {Changes: []Record{
			{Kind: KindEntry, ID: "0192-a", OfficeID: "o1", Version: 3, ServerSeq: 11, UpdatedAt: at, UpdatedBy: "Rina",
				Data: json.RawMessage(`{"title":"Rapat \"pleno\" ✓","notes":"baris\nbaru","n":[1,2,{"x":null}]}`)},
			{Kind: KindDraft, ID: "0192-b", OfficeID: "o1", Deleted: true, ServerSeq: 12, UpdatedBy: "Budi <humas> & co",
				Data: json.RawMessage(`{}`)},
			{Kind: KindAgency, ID: "0192-c", OfficeID: "o2", ServerSeq: 13},
		}, Next: 13, More: true, Head: 40},
	}
	for name, p := range pages {
		t.Run(name, func(t *testing.T) {
			var got bytes.Buffer
			if err := WriteChanges(&got, p); err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			if err := json.NewEncoder(&want).Encode(p); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("WriteChanges:\n%s\nencoding/json:\n%s", got.String(), want.String())
			}
			var back ChangesResponse
			if err := json.Unmarshal(got.Bytes(), &back); err != nil {
				t.Fatal(err)
			}
			var orig ChangesResponse
			json.Unmarshal(want.Bytes(), &orig)
			if !reflect.DeepEqual(back, orig) {
				t.Errorf("read back %+v, want %+v", back, orig)
			}
		})
	}
	// Data with spaces is copied as it is and still reads back the same.
	p := &ChangesResponse{Changes: []Record{{Kind: KindEntry, ID: "x", Data: json.RawMessage("{ \"title\" :\n \"a <b> & c\" }")}}}
	var got bytes.Buffer
	if err := WriteChanges(&got, p); err != nil {
		t.Fatal(err)
	}
	var back ChangesResponse
	if err := json.Unmarshal(got.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	var title struct{ Title string }
	if err := json.Unmarshal(back.Changes[0].Data, &title); err != nil || title.Title != "a <b> & c" {
		t.Errorf("data read back as %q (%v)", back.Changes[0].Data, err)
	}
}
