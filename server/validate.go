package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// The server checks every pushed op; it does not trust the device
// (docs/SYNC.md, "What the server checks"). Two layers:
//
//   - the envelope (checkEnvelope): ids, op id, kind and author are
//     bounded and plain, before any query, so that a 1 MB id is a
//     per-op rejection rather than an index error failing the batch;
//   - the record (checkRecord): the data decodes into the kind's
//     data.Record (data.NewRecord, the registry the app uses) and passes
//     the app's own Validate, as sent and after Normalize.
//
// The server stores the data as sent, not re-encoded: fields a newer app
// adds survive an older server, and two devices' first syncs stay
// byte-identical. That is why the data is validated as sent as well as
// normalised: what is stored must itself be a record the app accepts.

// Envelope limits.
const (
	maxIDBytes   = 64 // ids, op ids, office ids: a UUID is 36
	maxKindBytes = 32
	// maxStringBytes bounds every string inside a record's data, whatever
	// its field, on top of the per-field limits of data.Validate; a
	// draft's body (data.MaxBody characters of up to 4 bytes) fits.
	maxStringBytes = 4 * data.MaxBody
)

// binaryFields are the data fields exempt from maxStringBytes: base64 of
// bytes the record's own Validate checks (an office logo), bounded by
// syncapi.MaxOpBytes.
var binaryFields = map[string]map[string]bool{syncapi.KindOffice: {"logo": true}}

// knownKind reports whether the server stores and validates kind: a
// wire kind with a record type. Any other kind is refused (nothing
// stored) with Retry set, so the device keeps it queued for a server
// that knows it.
func knownKind(kind string) bool {
	_, ok := data.NewRecord(kind)
	return ok && syncapi.KnownKind(kind)
}

// checkEnvelope says what is wrong with an op's envelope, or "".
func checkEnvelope(op syncapi.Op) string {
	for _, f := range []struct{ name, v string }{{"op_id", op.OpID}, {"id", op.ID}, {"office_id", op.OfficeID}} {
		if why := plainID(f.name, f.v); why != "" {
			return why
		}
	}
	if len(op.Kind) > maxKindBytes || len(op.Op) > maxKindBytes {
		return fmt.Sprintf("kind dan op paling panjang %d byte", maxKindBytes)
	}
	if !utf8.ValidString(op.UpdatedBy) || strings.ContainsRune(op.UpdatedBy, 0) {
		return "updated_by bukan teks yang sah"
	}
	if n := utf8.RuneCountInString(op.UpdatedBy); n > data.MaxShort {
		return fmt.Sprintf("updated_by terlalu panjang (%d karakter, paling banyak %d)", n, data.MaxShort)
	}
	return ""
}

// plainID accepts at most maxIDBytes of printable ASCII without spaces
// (UUIDs, and the short names tests use). Empty ids are reject's to name.
func plainID(field, v string) string {
	if len(v) > maxIDBytes {
		return fmt.Sprintf("%s terlalu panjang (%d byte, paling banyak %d)", field, len(v), maxIDBytes)
	}
	for i := 0; i < len(v); i++ {
		if v[i] <= ' ' || v[i] > '~' {
			return fmt.Sprintf("%s hanya boleh berisi huruf, angka dan tanda baca ASCII", field)
		}
	}
	return ""
}

// checkRecord says why op's data is not a valid record of its kind, or
// "". A delete must decode but is not validated: a tombstone of a record
// made under older rules must still go through.
func checkRecord(op syncapi.Op, exists bool) string {
	rec, _ := data.NewRecord(op.Kind) // reject checked knownKind
	if op.Kind == syncapi.KindConflict && !exists {
		// Conflicts are made by the server; a device only resolves them.
		return "catatan konflik dibuat oleh server; perangkat hanya boleh menyelesaikannya"
	}
	if why := longString(op.Data, binaryFields[op.Kind]); why != "" {
		return why
	}
	if err := json.Unmarshal(op.Data, rec); err != nil {
		return "data tidak terbaca: " + decodeProblem(err)
	}
	if op.Op == syncapi.OpDelete {
		return ""
	}
	if err := rec.Validate(); err != nil {
		return invalid(op.Kind, err)
	}
	rec.Normalize()
	if err := rec.Validate(); err != nil {
		return invalid(op.Kind, err)
	}
	if p, ok := rec.(*data.Photo); ok && validHash(p.Hash) != nil {
		return "hash: " + data.FieldError{Field: "hash", Label: data.LabelPhoto, Rule: data.RuleInvalidImage}.Error()
	}
	return ""
}

// invalid names each bad field by its key and its rule, in Indonesian:
// "data entry tidak sah: title: Judul wajib diisi; …".
func invalid(kind string, err error) string {
	v, ok := data.AsValidation(err)
	if !ok {
		return fmt.Sprintf("data %s tidak sah: %v", kind, err)
	}
	parts := make([]string, len(v))
	for i, e := range v {
		parts[i] = e.Field + ": " + e.Error()
	}
	return fmt.Sprintf("data %s tidak sah: %s", kind, strings.Join(parts, "; "))
}

// decodeProblem says which field has the wrong type, when JSON says so.
func decodeProblem(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return fmt.Sprintf("kolom %s harus berupa %s, bukan %s", te.Field, te.Type, te.Value)
	}
	return err.Error()
}

// longString names a string in raw longer than maxStringBytes, skipping
// the top-level fields in exempt.
func longString(raw json.RawMessage, exempt map[string]bool) string {
	var top map[string]json.RawMessage
	if json.Unmarshal(raw, &top) != nil {
		return "" // not an object: reported by the decoding that follows
	}
	for k, v := range top {
		if exempt[k] {
			continue
		}
		var val any
		if json.Unmarshal(v, &val) != nil {
			continue
		}
		if tooLong(val) {
			return fmt.Sprintf("kolom %s terlalu panjang (paling banyak %d byte per teks)", k, maxStringBytes)
		}
	}
	return ""
}

func tooLong(v any) bool {
	switch v := v.(type) {
	case string:
		return len(v) > maxStringBytes
	case []any:
		for _, x := range v {
			if tooLong(x) {
				return true
			}
		}
	case map[string]any:
		for k, x := range v {
			if len(k) > maxStringBytes || tooLong(x) {
				return true
			}
		}
	}
	return false
}
