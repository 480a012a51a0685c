package data

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
)

// List is a slice stored as one JSON text column. Lists live inside their
// record, rather than in join tables, so that a record syncs as one unit.
type List[T any] []T

// Value stores the list as JSON; an empty list is "[]".
func (l List[T]) Value() (driver.Value, error) {
	if len(l) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal([]T(l))
	return string(b), err
}

// Scan reads the JSON text written by Value.
func (l *List[T]) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case nil:
		*l = nil
		return nil
	case string:
		b = []byte(v)
	case []byte:
		b = v
	default:
		return fmt.Errorf("data.List: cannot scan %T", src)
	}
	var out []T
	if err := json.Unmarshal(b, &out); err != nil {
		return err
	}
	*l = out
	return nil
}

// Contains reports whether v is in the list.
func Contains[T comparable](l List[T], v T) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}
