// Package iddate writes and reads dates the Indonesian way ("Senin,
// 10 Juli 2023", "15.40", "Triwulan II") and knows the reporting quarters.
// The names are the project's own, not a locale library's: CLDR says
// "Kuartal ke-2" where Indonesian government writes "Triwulan II".
package iddate

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/humasdesk/humasdesk/data"
)

// Months are the Indonesian month names, January first.
var Months = [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni",
	"Juli", "Agustus", "September", "Oktober", "November", "Desember"}

// Days are the Indonesian day names, Sunday first as time.Weekday counts.
var Days = [7]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

var monthsEN = [12]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// Long writes "Senin, 10 Juli 2023".
func Long(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return Days[d.Weekday()] + ", " + Medium(d)
}

// Medium writes "10 Juli 2023".
func Medium(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, Months[d.Month-1], d.Year)
}

// Short writes "10/07/2023", the form offices type in spreadsheets.
func Short(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// Format writes d in l: Indonesian Long, or "Monday, 10 July 2023".
func Format(d data.Date, l data.Lang) string {
	if l != data.LangEN || d.IsZero() {
		return Long(d)
	}
	return fmt.Sprintf("%s, %d %s %d", d.Weekday(), d.Day, monthsEN[d.Month-1], d.Year)
}

// Clock writes a time of day as "15.40".
func Clock(t time.Time) string { return fmt.Sprintf("%02d.%02d", t.Hour(), t.Minute()) }

// Range writes a period as "1 April 2024 – 30 Juni 2024".
func Range(from, to data.Date) string { return Medium(from) + " – " + Medium(to) }

// Roman writes 1..12 as Roman numerals, as used in document numbers and
// quarter names.
func Roman(n int) string {
	numerals := []struct {
		v int
		s string
	}{{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}
	var b strings.Builder
	for _, x := range numerals {
		for n >= x.v {
			b.WriteString(x.s)
			n -= x.v
		}
	}
	return b.String()
}

// QuarterOf returns the quarter (1..4) a date falls in.
func QuarterOf(d data.Date) int { return (int(d.Month)-1)/3 + 1 }

// QuarterName writes "Triwulan II".
func QuarterName(q int) string { return "Triwulan " + Roman(q) }

// QuarterRange returns the first and last day of quarter q of year.
func QuarterRange(year, q int) (from, to data.Date) {
	first := time.Month(3*(q-1) + 1)
	from = data.NewDate(year, first, 1)
	to = data.NewDate(year, first+3, 0) // day 0 of the next month: last of this
	return from, to
}

// YearRange returns 1 January and 31 December of year.
func YearRange(year int) (from, to data.Date) {
	return data.NewDate(year, time.January, 1), data.NewDate(year, time.December, 31)
}

var monthLookup = func() map[string]time.Month {
	m := map[string]time.Month{}
	for i, name := range Months {
		lower := strings.ToLower(name)
		m[lower] = time.Month(i + 1)
		m[lower[:3]] = time.Month(i + 1)
	}
	// Common spellings and abbreviations in office spreadsheets.
	for k, v := range map[string]time.Month{"agt": 8, "agu": 8, "ags": 8, "okt": 10, "des": 12, "nop": 11, "nopember": 11, "peb": 2, "pebruari": 2} {
		m[k] = v
	}
	return m
}()

// Parse reads a date as offices write it: "10 Juli 2023", "Senin, 10 Juli
// 2023", "10 Jul 2023", "10/07/2023", "10-07-2023" (day first) or
// "2023-07-10". The error says, in Indonesian, what forms are accepted.
func Parse(s string) (data.Date, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return data.Date{}, fmt.Errorf("tanggal kosong")
	}
	if d, ok := parseNumeric(in); ok {
		return d, nil
	}
	if d, ok := parseWords(in); ok {
		return d, checkWeekday(in, d)
	}
	return data.Date{}, fmt.Errorf("tanggal %q tidak dikenali (contoh: 10 Juli 2023, 10/07/2023, 2023-07-10)", in)
}

func parseNumeric(s string) (data.Date, bool) {
	if d, err := data.ParseISODate(s); err == nil {
		return d, true
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 {
		return data.Date{}, false
	}
	day, e1 := strconv.Atoi(parts[0])
	month, e2 := strconv.Atoi(parts[1])
	year, e3 := strconv.Atoi(parts[2])
	if e1 != nil || e2 != nil || e3 != nil || len(parts[2]) != 4 {
		return data.Date{}, false
	}
	return valid(year, time.Month(month), day)
}

// dayLookup maps the day names a date may start with, Indonesian (full
// and three letters) and English, to their weekday.
var dayLookup = func() map[string]time.Weekday {
	m := map[string]time.Weekday{"jum'at": time.Friday, "jumat": time.Friday, "ahad": time.Sunday}
	for i, name := range Days {
		lower := strings.ToLower(name)
		m[lower], m[lower[:3]] = time.Weekday(i), time.Weekday(i)
		en := strings.ToLower(time.Weekday(i).String())
		m[en], m[en[:3]] = time.Weekday(i), time.Weekday(i)
	}
	return m
}()

// checkWeekday refuses a date whose day name contradicts it ("Selasa, 10
// Juli 2023" when 10 July 2023 was a Monday), naming both, and a day name
// it does not know: either is a sign that the day or the date is mistyped.
func checkWeekday(in string, d data.Date) error {
	i := strings.Index(in, ",")
	if i < 0 {
		return nil
	}
	name := strings.TrimSpace(in[:i])
	wd, ok := dayLookup[strings.TrimSuffix(strings.ToLower(name), ".")]
	if !ok {
		return fmt.Errorf("tanggal %q: %q bukan nama hari (contoh: Senin, 10 Juli 2023)", in, name)
	}
	if wd != d.Weekday() {
		return &WeekdayError{Input: in, Date: d, Named: name}
	}
	return nil
}

// WeekdayError is a date whose day name contradicts it.
type WeekdayError struct {
	Input string    // as written: "Selasa, 10 Juli 2023"
	Date  data.Date // the date it names
	Named string    // the day name written: "Selasa"
}

func (e *WeekdayError) Error() string {
	return fmt.Sprintf("tanggal %q: %s jatuh pada hari %s, bukan %s; periksa hari atau tanggalnya",
		e.Input, Medium(e.Date), Days[e.Date.Weekday()], e.Named)
}

func parseWords(s string) (data.Date, bool) {
	if i := strings.Index(s, ","); i >= 0 { // drop a leading day name
		s = s[i+1:]
	}
	f := strings.Fields(strings.ToLower(s))
	if len(f) != 3 {
		return data.Date{}, false
	}
	day, e1 := strconv.Atoi(f[0])
	year, e2 := strconv.Atoi(f[2])
	month, ok := monthLookup[strings.TrimSuffix(f[1], ".")]
	if e1 != nil || e2 != nil || !ok {
		return data.Date{}, false
	}
	return valid(year, month, day)
}

// valid refuses dates such as 31/02/2024 that time.Date would roll over.
func valid(y int, m time.Month, d int) (data.Date, bool) {
	if m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200 {
		return data.Date{}, false
	}
	out := data.NewDate(y, m, d)
	if out.Day != d || out.Month != m {
		return data.Date{}, false
	}
	return out, true
}
