package server

import (
	"encoding/json"
	"fmt"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// numberTaken says why a report number cannot be written, or "". A
// first issue's id is derived from its office, pattern, year and sequence
// (data.ReportNumberID), so a number two devices of an office issued
// offline arrives here as two writes of one record. Register rows are
// written once: the first write stands, and a write on a version the
// server has moved past is a clash. It is refused rather than made a
// conflict, because there is nothing to merge: the number belongs to the
// report that got it first, and the refused device must number its
// report again (docs/REPORTS.md). The office check has passed already.
func numberTaken(op syncapi.Op, exists bool, cur Record) string {
	if op.Kind != syncapi.KindReportNumber || !exists || cur.Version == op.BaseVersion {
		return ""
	}
	var first data.ReportNumber
	if err := json.Unmarshal([]byte(cur.Data), &first); err != nil || first.Number == "" {
		return "nomor laporan ini sudah diterbitkan perangkat lain; ekspor ulang laporan untuk nomor baru"
	}
	who := first.Issuer
	if who == "" {
		who = cur.UpdatedBy
	}
	return fmt.Sprintf("nomor laporan %s sudah diterbitkan %s oleh %s (file %s); ekspor ulang laporan untuk nomor baru",
		first.Number, iddate.Medium(first.IssuedOn), who, first.FileName)
}
