package report

import (
	"strings"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
)

// The "Pemantauan Media" sheets (section VI of the PDF).
const (
	SheetMediaTone = "Media & Sentimen"
	SheetOutlets   = "Media Teratas"
	SheetPickup    = "Pemuatan Siaran Pers"
	SheetNegative  = "Berita Negatif"
	SheetTargets   = "Target & Realisasi"
)

func (b *xlsxBook) monitoringSheets() []func() error {
	if b.r.Monitoring == nil {
		return nil
	}
	return []func() error{b.mediaTone, b.outlets, b.pickup, b.negative, b.targets}
}

func (b *xlsxBook) mediaTone() error {
	t := b.r.Monitoring.Tally
	s, err := b.sheet(SheetMediaTone, []xlsxColumn{{"No", 6}, {"Jenis media", 22}, {"Positif", 12}, {"Netral", 12}, {"Negatif", 12}, {"Jumlah", 12}}, false)
	if err != nil {
		return err
	}
	st := &b.style
	for i, md := range data.Media {
		tones := t.ByMediumTone[md.Code]
		if err := s.cells(b.c(st.center, i+1), b.c(st.text, md.Label.In(data.LangID)), b.c(st.number, tones[data.TonePositive]),
			b.c(st.number, tones[data.ToneNeutral]), b.c(st.number, tones[data.ToneNegative]), b.c(st.number, t.ByMedium[md.Code])); err != nil {
			return err
		}
	}
	if err := s.cells(b.c(st.totalText, nil), b.c(st.totalLabel, "Jumlah"), b.c(st.totalNumber, t.ByTone[data.TonePositive]),
		b.c(st.totalNumber, t.ByTone[data.ToneNeutral]), b.c(st.totalNumber, t.ByTone[data.ToneNegative]), b.c(st.totalNumber, t.Total)); err != nil {
		return err
	}
	return s.finish("", false, 0)
}

func (b *xlsxBook) outlets() error {
	s, err := b.sheet(SheetOutlets, []xlsxColumn{{"No", 6}, {"Media", 36}, {"Pemberitaan", 14}, {"Positif", 12}, {"Negatif", 12}}, false)
	if err != nil {
		return err
	}
	st := &b.style
	for i, o := range b.r.Monitoring.Tally.Outlets {
		if err := s.cells(b.c(st.center, i+1), b.c(st.text, o.Outlet), b.c(st.number, o.Total), b.c(st.number, o.Positive), b.c(st.number, o.Negative)); err != nil {
			return err
		}
	}
	return s.finish("Tidak ada pemberitaan yang tercatat pada periode ini.", true, 0)
}

func (b *xlsxBook) pickup() error {
	r := b.r
	cols := []xlsxColumn{{"No", 6}, {"Tanggal terbit", 12}, {"Siaran pers", 50}, {"Dimuat oleh (waktu sejak terbit)", 50}, {"Hari ke pemuatan pertama", 14}}
	if r.Rollup {
		cols = append(cols, xlsxColumn{"Kantor", 28})
	}
	s, err := b.sheet(SheetPickup, cols, false)
	if err != nil {
		return err
	}
	st := &b.style
	for i, rel := range r.Monitoring.Releases {
		var first any = "belum dimuat"
		if rel.FirstDays >= 0 {
			first = rel.FirstDays
		}
		row := []any{b.c(st.center, i+1), b.dateCell(rel.Date), b.c(st.wrap, rel.Title), b.c(st.wrap, strings.Join(rel.Outlets, ", ")), b.c(st.number, first)}
		if r.Rollup {
			row = append(row, b.c(st.wrap, rel.Office))
		}
		if err := s.cells(row...); err != nil {
			return err
		}
	}
	last := s.row
	if len(r.Monitoring.Releases) > 0 {
		s.row++
		for _, q := range r.Monitoring.Pickup {
			median := "-"
			if q.HasMedian {
				median = daysMedian(q)
			}
			line := q.Label() + ": " + pdfNum(q.PickedUp) + " dari " + pdfNum(q.Releases) + " siaran pers dimuat media (" +
				pctText(100*q.Rate()) + "); median waktu pemuatan pertama " + median
			if err := s.cells(b.c(st.note, nil), b.c(st.note, line)); err != nil {
				return err
			}
		}
	}
	return s.finish("Tidak ada siaran pers yang terbit pada periode ini.", true, last)
}

func (b *xlsxBook) negative() error {
	s, err := b.sheet(SheetNegative, []xlsxColumn{{"No", 6}, {"Tanggal", 12}, {"Media", 24}, {"Judul berita", 50}, {"Tanggapan kantor", 50}}, false)
	if err != nil {
		return err
	}
	st := &b.style
	for i, n := range b.r.Monitoring.Negative {
		if err := s.cells(b.c(st.center, i+1), b.dateCell(n.Date), b.c(st.text, n.Outlet), b.c(st.wrap, n.Headline),
			b.c(st.wrap, pdfOrDashAnswer(n.Answer))); err != nil {
			return err
		}
	}
	return s.finish("Tidak ada pemberitaan negatif pada periode ini.", true, 0)
}

func (b *xlsxBook) targets() error {
	m := b.r.Monitoring
	q := m.UptoQuarter
	s, err := b.sheet(SheetTargets, []xlsxColumn{{"No", 6}, {"Uraian", 44}, {"Target setahun", 12}, {"Trw. I", 9}, {"Trw. II", 9},
		{"Trw. III", 9}, {"Trw. IV", 9}, {"Realisasi s.d. " + iddate.QuarterName(q), 14}, {"Capaian (%)", 12}}, false)
	if err != nil {
		return err
	}
	st := &b.style
	for i, l := range m.Targets {
		row := []any{b.c(st.center, i+1), b.c(st.text, targetLabel(l))}
		var target, pct any
		if l.Annual > 0 {
			p, _ := l.Percent(q)
			target, pct = l.Annual, roundTo1(p)
		}
		row = append(row, b.c(st.number, target))
		for k := 0; k < 4; k++ {
			var v any
			if k < q {
				v = l.Quarters[k]
			}
			row = append(row, b.c(st.number, v))
		}
		row = append(row, b.c(st.number, l.Upto(q)), b.c(st.number, pct))
		if err := s.cells(row...); err != nil {
			return err
		}
	}
	return s.finish("Belum ada target tahunan maupun realisasi yang tercatat untuk tahun ini.", true, 0)
}

func roundTo1(p float64) float64 { return float64(int(p*10+0.5)) / 10 }
