package data_test

import (
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// TestEveryWireKindHasARecord: the registry and the wire kinds agree, and
// each constructor makes a record that names its own kind.
func TestEveryWireKindHasARecord(t *testing.T) {
	for _, k := range syncapi.Kinds {
		r, ok := data.NewRecord(k)
		if !ok {
			t.Errorf("kind %q has no record type", k)
			continue
		}
		if r.RecordKind() != k {
			t.Errorf("kind %q makes a %q record", k, r.RecordKind())
		}
	}
	if _, ok := data.NewRecord("tidak-ada"); ok {
		t.Error("an unknown kind made a record")
	}
}
