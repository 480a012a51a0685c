package data

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
)

// JSON is raw JSON kept as text in the database and inline on the wire.
type JSON json.RawMessage

// Value stores the JSON text; empty is "null".
func (j JSON) Value() (driver.Value, error) {
	if len(j) == 0 {
		return "null", nil
	}
	return string(j), nil
}

// Scan reads JSON text.
func (j *JSON) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*j = nil
	case string:
		*j = JSON(v)
	case []byte:
		*j = append(JSON(nil), v...)
	default:
		return fmt.Errorf("data.JSON: cannot scan %T", src)
	}
	return nil
}

// MarshalJSON writes the JSON as is.
func (j JSON) MarshalJSON() ([]byte, error) {
	if len(j) == 0 {
		return []byte("null"), nil
	}
	return j, nil
}

// UnmarshalJSON keeps a copy of the JSON.
func (j *JSON) UnmarshalJSON(b []byte) error {
	*j = append((*j)[:0], b...)
	return nil
}
