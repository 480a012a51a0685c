package report

import (
	"fmt"

	"github.com/humasdesk/humasdesk/data/iddate"
)

// documents is the LAMPIRAN DOKUMEN: the files attached to the period's
// activities, by name, with their type, activity and date. The files
// themselves stay in the application (and its backups); the list tells a
// reader what evidence exists and where it belongs.
func (d *pdfDoc) documents() {
	docs := d.r.Documents
	if len(docs) == 0 {
		return
	}
	d.newPage()
	d.font("B", 12)
	d.textAligned(pdfMarginLeft, pdfContentW, pdfBaseline(d.y, 6, 12), "LAMPIRAN DOKUMEN", 'C')
	d.y += 6
	d.font("", 9.5)
	d.lines(d.split(d.r.Title+", "+iddate.Range(d.r.From, d.r.To), pdfContentW), pdfMarginLeft, pdfContentW, 4.8, 'C')
	d.y += 4
	const numW = 10.0
	for i, doc := range docs {
		d.font("B", 10)
		name := d.split(doc.Name, pdfContentW-numW)
		d.font("", 9)
		detail := d.split(fmt.Sprintf("%s — Kegiatan: %s, %s", doc.Kind, doc.Activity, iddate.Medium(doc.Date)), pdfContentW-numW)
		d.room(float64(len(name))*5 + float64(len(detail))*4.4 + 2)
		d.font("B", 10)
		d.textAligned(pdfMarginLeft, numW, pdfBaseline(d.y, 5, 10), fmt.Sprintf("%d.", i+1), 'L')
		d.lines(name, pdfMarginLeft+numW, pdfContentW-numW, 5, 'L')
		d.font("", 9)
		d.lines(detail, pdfMarginLeft+numW, pdfContentW-numW, 4.4, 'L')
		d.y += 2
	}
}
