package data

import (
	"encoding/json"
	"testing"
	"time"
)

func TestDateRoundTrips(t *testing.T) {
	d := NewDate(2024, time.February, 29)
	v, _ := d.Value()
	var back Date
	if err := back.Scan(v); err != nil || back != d {
		t.Fatalf("scan %v: %v %v", v, back, err)
	}
	b, _ := json.Marshal(d)
	if string(b) != `"2024-02-29"` {
		t.Fatalf("json %s", b)
	}
	var j Date
	if err := json.Unmarshal(b, &j); err != nil || j != d {
		t.Fatalf("unmarshal %v %v", j, err)
	}
	var zero Date
	if v, _ := zero.Value(); v != nil {
		t.Fatalf("zero stored as %v", v)
	}
	if err := json.Unmarshal([]byte("null"), &j); err != nil || !j.IsZero() {
		t.Fatalf("null: %v %v", j, err)
	}
	if err := j.Scan("2024-13-01"); err == nil {
		t.Fatal("month 13 accepted")
	}
}

func TestDateArithmetic(t *testing.T) {
	if got := NewDate(2024, time.December, 31).AddDays(1); got != NewDate(2025, 1, 1) {
		t.Fatal(got)
	}
	if !NewDate(2024, 1, 9).Before(NewDate(2024, 1, 10)) || NewDate(2024, 1, 10).After(NewDate(2024, 1, 10)) {
		t.Fatal("ordering")
	}
}
