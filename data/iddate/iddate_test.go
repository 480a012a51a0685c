package iddate

import (
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
)

func TestFormats(t *testing.T) {
	d := data.NewDate(2023, time.July, 10)
	cases := []struct{ got, want string }{
		{Long(d), "Senin, 10 Juli 2023"},
		{Medium(d), "10 Juli 2023"},
		{Short(d), "10/07/2023"},
		{Format(d, data.LangEN), "Monday, 10 July 2023"},
		{Format(d, data.LangID), "Senin, 10 Juli 2023"},
		{Long(data.NewDate(2024, time.August, 17)), "Sabtu, 17 Agustus 2024"},
		{Long(data.NewDate(2024, time.March, 31)), "Minggu, 31 Maret 2024"},
		{Clock(time.Date(2024, 1, 1, 15, 40, 0, 0, time.UTC)), "15.40"},
		{Clock(time.Date(2024, 1, 1, 7, 5, 0, 0, time.UTC)), "07.05"},
		{QuarterName(2), "Triwulan II"},
		{QuarterName(4), "Triwulan IV"},
		{Roman(9), "IX"},
		{Roman(12), "XII"},
		{Long(data.Date{}), ""},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestQuarters(t *testing.T) {
	cases := []struct {
		q        int
		from, to string
	}{{1, "2024-01-01", "2024-03-31"}, {2, "2024-04-01", "2024-06-30"}, {3, "2024-07-01", "2024-09-30"}, {4, "2024-10-01", "2024-12-31"}}
	for _, c := range cases {
		f, to := QuarterRange(2024, c.q)
		if f.String() != c.from || to.String() != c.to {
			t.Errorf("Q%d: %s–%s", c.q, f, to)
		}
		if QuarterOf(f) != c.q || QuarterOf(to) != c.q {
			t.Errorf("QuarterOf Q%d", c.q)
		}
	}
	f, to := QuarterRange(2024, 2)
	if Range(f, to) != "1 April 2024 – 30 Juni 2024" {
		t.Error(Range(f, to))
	}
}

func TestParse(t *testing.T) {
	want := data.NewDate(2023, time.July, 10)
	for _, in := range []string{"10 Juli 2023", "Senin, 10 Juli 2023", "10 juli 2023", "10 Jul 2023",
		"10/07/2023", "10-07-2023", "10.07.2023", "2023-07-10", " 10/7/2023 "} {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	for in, w := range map[string]data.Date{"17 Agt 2024": data.NewDate(2024, 8, 17), "1 Okt 2024": data.NewDate(2024, 10, 1), "5 Nopember 2024": data.NewDate(2024, 11, 5)} {
		if got, err := Parse(in); err != nil || got != w {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "31/02/2024", "10 Juli", "10/07/23", "kemarin", "32 Januari 2024", "2024-02-30"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// A day name that contradicts the date is refused, naming both; a right
// one, in Indonesian or English, full or short, is accepted.
func TestParseWeekday(t *testing.T) {
	monday, friday := data.NewDate(2023, 7, 10), data.NewDate(2023, 7, 14)
	for in, want := range map[string]data.Date{
		"Senin, 10 Juli 2023": monday, "senin, 10 Jul 2023": monday, "Sen, 10 Juli 2023": monday,
		"Monday, 10 Juli 2023": monday, "10 Juli 2023": monday,
		"Jumat, 14 Juli 2023": friday, "Jum'at, 14 Juli 2023": friday,
	} {
		if d, err := Parse(in); err != nil || d != want {
			t.Errorf("Parse(%q) = %v, %v", in, d, err)
		}
	}
	_, err := Parse("Selasa, 10 Juli 2023")
	if err == nil || !strings.Contains(err.Error(), "10 Juli 2023 jatuh pada hari Senin, bukan Selasa") {
		t.Errorf("wrong weekday: %v", err)
	}
	if _, err := Parse("Besok, 10 Juli 2023"); err == nil || !strings.Contains(err.Error(), "bukan nama hari") {
		t.Errorf("unknown day name: %v", err)
	}
}
