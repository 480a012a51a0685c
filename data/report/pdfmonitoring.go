package report

import (
	"fmt"
	"strings"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/monitoring"
)

// pdfTopOutlets is how many outlets the "Media teratas" table lists.
const pdfTopOutlets = 10

// pctText writes a percentage the Indonesian way, one decimal: "62,5%".
func pctText(p float64) string {
	return strings.Replace(fmt.Sprintf("%.1f%%", p), ".", ",", 1)
}

// daysMedian writes a median of days: "1,5 hari", or "-" without one.
func daysMedian(q monitoring.QuarterPickup) string {
	if !q.HasMedian {
		return "-"
	}
	return strings.Replace(fmt.Sprintf("%g hari", q.MedianDays), ".", ",", 1)
}

// monitoring is section VI: Pemantauan Media.
func (d *pdfDoc) monitoring() {
	m := d.r.Monitoring
	d.heading("VI", "PEMANTAUAN MEDIA")
	if m == nil {
		d.paragraph("Data pemantauan media tidak tersedia.")
		return
	}
	t := m.Tally
	if t.Total == 0 {
		d.paragraph("Tidak ada pemberitaan yang tercatat dalam register kliping pada periode ini.")
	} else {
		d.paragraph(fmt.Sprintf("Selama periode ini tercatat %s pemberitaan tentang kantor: %s positif, %s netral, dan %s negatif.",
			pdfNum(t.Total), pdfNum(t.ByTone[data.TonePositive]), pdfNum(t.ByTone[data.ToneNeutral]), pdfNum(t.ByTone[data.ToneNegative])))
	}
	var part pdfLetters
	if t.Total > 0 {
		d.monitoringMedia(&part)
	}
	d.monitoringPickup(&part)
	if len(m.Negative) > 0 {
		d.subheading(part.next(), "Pemberitaan Negatif dan Tanggapan")
		cols := []pdfColumn{{head: "No", w: 9, align: 'R'}, {head: "Tanggal", w: 24, align: 'L'},
			{head: "Media", w: 30, align: 'L'}, {head: "Judul berita", align: 'L'}, {head: "Tanggapan kantor", w: 55, align: 'L'}}
		tb := d.newTable(cols)
		for i, n := range m.Negative {
			tb.row(pdfCells(pdfNum(i+1), iddate.Medium(n.Date), n.Outlet, n.Headline, pdfOrDashAnswer(n.Answer)))
		}
		tb.end()
	}
	d.monitoringTargets(&part)
}

func pdfOrDashAnswer(s string) string {
	if s == "" {
		return "Belum ditanggapi"
	}
	return s
}

// monitoringMedia prints the counts by medium and tone and the top outlets.
func (d *pdfDoc) monitoringMedia(part *pdfLetters) {
	t := d.r.Monitoring.Tally
	d.subheading(part.next(), "Pemberitaan per Jenis Media dan Sentimen")
	tb := d.newTable([]pdfColumn{{head: "No", w: 9, align: 'C'}, {head: "Jenis media", align: 'L'},
		{head: "Positif", w: 20, align: 'R'}, {head: "Netral", w: 20, align: 'R'}, {head: "Negatif", w: 20, align: 'R'},
		{head: "Jumlah", w: 20, align: 'R'}}).keepTogether()
	for i, md := range data.Media {
		tones := t.ByMediumTone[md.Code]
		tb.row(pdfCells(pdfNum(i+1), md.Label.In(data.LangID), pdfNum(tones[data.TonePositive]),
			pdfNum(tones[data.ToneNeutral]), pdfNum(tones[data.ToneNegative]), pdfNum(t.ByMedium[md.Code])))
	}
	tb.row(pdfTotalRow(pdfCells("", "Jumlah", pdfNum(t.ByTone[data.TonePositive]), pdfNum(t.ByTone[data.ToneNeutral]),
		pdfNum(t.ByTone[data.ToneNegative]), pdfNum(t.Total))))
	tb.end()
	d.subheading(part.next(), "Media Teratas")
	tb = d.newTable([]pdfColumn{{head: "No", w: 9, align: 'C'}, {head: "Media", align: 'L'},
		{head: "Pemberitaan", w: 24, align: 'R'}, {head: "Positif", w: 20, align: 'R'}, {head: "Negatif", w: 20, align: 'R'}}).keepTogether()
	for i, o := range t.Outlets {
		if i == pdfTopOutlets {
			break
		}
		tb.row(pdfCells(pdfNum(i+1), o.Outlet, pdfNum(o.Total), pdfNum(o.Positive), pdfNum(o.Negative)))
	}
	tb.end()
}

// monitoringPickup prints how the office's press releases were picked up.
func (d *pdfDoc) monitoringPickup(part *pdfLetters) {
	m := d.r.Monitoring
	d.subheading(part.next(), "Pemuatan Siaran Pers oleh Media")
	if len(m.Releases) == 0 {
		d.note("Tidak ada siaran pers yang terbit pada periode ini.")
		return
	}
	tb := d.newTable([]pdfColumn{{head: "Triwulan", align: 'L'}, {head: "Siaran pers terbit", w: 28, align: 'R'},
		{head: "Dimuat media", w: 24, align: 'R'}, {head: "Tingkat pemuatan", w: 28, align: 'R'},
		{head: "Median waktu pemuatan pertama", w: 40, align: 'R'}}).keepTogether()
	for _, q := range m.Pickup {
		tb.row(pdfCells(q.Label(), pdfNum(q.Releases), pdfNum(q.PickedUp), pctText(100*q.Rate()), daysMedian(q)))
	}
	tb.end()
	cols := []pdfColumn{{head: "No", w: 9, align: 'R'}, {head: "Tanggal terbit", w: 24, align: 'L'},
		{head: "Siaran pers", align: 'L'}, {head: "Dimuat oleh (waktu sejak terbit)", w: 70, align: 'L'}}
	if d.r.Rollup {
		cols = append(cols, pdfColumn{head: "Kantor", w: 25, align: 'L'})
	}
	tb = d.newTable(cols)
	for i, rel := range m.Releases {
		outlets := "Belum dimuat media"
		if len(rel.Outlets) > 0 {
			outlets = strings.Join(rel.Outlets, ", ")
		}
		rw := pdfCells(pdfNum(i+1), iddate.Medium(rel.Date), rel.Title, outlets)
		if d.r.Rollup {
			rw.cells = append(rw.cells, pdfCell(rel.Office))
		}
		tb.row(rw)
	}
	tb.end()
}

// monitoringTargets prints the year's targets against realisation.
func (d *pdfDoc) monitoringTargets(part *pdfLetters) {
	m := d.r.Monitoring
	q := m.UptoQuarter
	d.subheading(part.next(), fmt.Sprintf("Target dan Realisasi Tahun %d", d.r.Period.Year))
	if len(m.Targets) == 0 {
		d.note("Belum ada target tahunan maupun realisasi yang tercatat untuk tahun ini.")
		return
	}
	tb := d.newTable([]pdfColumn{{head: "No", w: 9, align: 'R'}, {head: "Uraian", align: 'L'},
		{head: "Target setahun", w: 20, align: 'R'}, {head: "Trw. I", w: 13, align: 'R'}, {head: "Trw. II", w: 13, align: 'R'},
		{head: "Trw. III", w: 13, align: 'R'}, {head: "Trw. IV", w: 13, align: 'R'},
		{head: "Realisasi s.d. " + iddate.QuarterName(q), w: 24, align: 'R'}, {head: "Capaian", w: 17, align: 'R'}})
	for i, l := range m.Targets {
		target, pct := "-", "-"
		if l.Annual > 0 {
			target = pdfNum(l.Annual)
			p, _ := l.Percent(q)
			pct = pctText(p)
		}
		cells := []string{pdfNum(i + 1), targetLabel(l), target}
		for k := 0; k < 4; k++ {
			v := "-"
			if k < q {
				v = pdfNum(l.Quarters[k])
			}
			cells = append(cells, v)
		}
		cells = append(cells, pdfNum(l.Upto(q)), pct)
		tb.row(pdfCells(cells...))
	}
	tb.end()
	d.note("Kegiatan dihitung bila terlaksana; konten dihitung pada setiap kanal tempat ia terbit. Capaian adalah realisasi sampai akhir periode dibagi target setahun.")
}

// targetLabel writes a line's subject: "Strategi 3: …", "Kegiatan: …",
// "Konten Instagram".
func targetLabel(l monitoring.Line) string {
	label := monitoring.CodeLabel(l.Dimension, l.Code, data.LangID)
	switch l.Dimension {
	case data.TargetStrategy:
		return "Strategi " + l.Code + ": " + label
	case data.TargetActivity:
		return "Kegiatan " + label
	}
	return "Konten " + label
}
