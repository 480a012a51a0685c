package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// The register of issued report numbers (data.ReportNumber). Every report
// number the app or the command line prints comes from IssueReportNumber,
// which draws the next number of the pattern's sequence for the year of
// issue in one IMMEDIATE transaction: two windows, two processes or the
// app and `humasdesk export` on one database file never draw the same
// number. Across devices of an office, a first issue's id is derived from
// its number (data.ReportNumberID), so a number issued on two devices
// offline is one record at the server: the first write stands, the second
// is refused as a clash (server/reportnumber.go), and the refused device
// keeps the server's row and shows its own issue as clashed
// (ClashedReportNumbers). docs/REPORTS.md tells the whole story.

// SettingReportSequenceYear is the year the sequence setting
// (SettingReportSequence, "the next number is at least this") applies to;
// empty in databases from before the register, where the setting applies
// to the next issue and then takes its year.
const SettingReportSequenceYear = "report_sequence_year"

// NumberRequest asks IssueReportNumber for the number of one report.
type NumberRequest struct {
	OfficeID   string    // default: this installation's office
	Pattern    string    // the number pattern (report.FormatNumber); required
	IssuedOn   data.Date // the day of signing; its year is the sequence's
	PeriodYear int       // the period reported on
	Quarter    int       // 1..4, or 0 for the whole year
	Rollup     bool
	Format     string // pdf or xlsx
	FileName   string
	// Reuse asks for the number the same report (period and scope) was
	// last issued with, if it has one; the reissue is registered too.
	Reuse bool
	// Make writes the number of a sequence from the pattern.
	Make func(seq int) string
	// Manual is a number typed by hand for this report: registered as it
	// is, outside the sequence, unless another report already has it.
	Manual string
}

// IssueReportNumber registers the number of a report and returns its row:
// a reuse of the report's earlier number when req.Reuse asks and there is
// one (the row's ReissueOf names the first issue), else the next of the
// sequence: one above the highest sequence of the office, pattern and
// year in the register (numbers received from other devices and
// withdrawn ones included, so a number is never given twice), and at
// least the sequence setting.
func (s *Store) IssueReportNumber(ctx context.Context, req NumberRequest) (*data.ReportNumber, error) {
	if (req.Manual == "" && (req.Pattern == "" || req.Make == nil)) || req.IssuedOn.IsZero() {
		return nil, errors.New("permintaan nomor laporan tidak lengkap (pola, pembuat nomor dan tanggal wajib)")
	}
	var out *data.ReportNumber
	err := s.write(ctx, func(tx *gorm.DB) error {
		office := req.OfficeID
		if office == "" {
			var err error
			if office, err = currentOfficeID(tx); err != nil {
				return err
			}
		}
		n := &data.ReportNumber{Meta: data.Meta{OfficeID: office}, IssuedOn: req.IssuedOn, Year: req.IssuedOn.Year,
			PeriodYear: req.PeriodYear, Quarter: req.Quarter, Rollup: req.Rollup, Format: req.Format,
			FileName: req.FileName, Issuer: s.user}
		prev, err := previousNumber(tx, office, req.PeriodYear, req.Quarter, req.Rollup)
		if err != nil {
			return err
		}
		if req.Reuse && prev != nil {
			n.ID, n.Number, n.Sequence, n.Pattern, n.Year = data.NewID(), prev.Number, prev.Sequence, prev.Pattern, prev.Year
			n.ReissueOf = prev.ID
			if prev.ReissueOf != "" {
				n.ReissueOf = prev.ReissueOf
			}
		} else if req.Manual != "" {
			if err := manualFree(tx, office, req); err != nil {
				return err
			}
			n.ID, n.Number = data.NewID(), req.Manual
		} else {
			seq, err := nextSequence(tx, office, req.Pattern, n.Year)
			if err != nil {
				return err
			}
			n.ID, n.Sequence, n.Pattern, n.Number = data.ReportNumberID(office, req.Pattern, n.Year, seq), seq, req.Pattern, req.Make(seq)
			if err := claimFloorYear(tx, n.Year); err != nil {
				return err
			}
		}
		if err := s.createNumber(tx, n); err != nil {
			return err
		}
		out = n
		return nil
	})
	return out, err
}

// createNumber validates and writes a new register row and its outbox entry.
func (s *Store) createNumber(tx *gorm.DB, n *data.ReportNumber) error {
	n.Normalize()
	if err := n.Validate(); err != nil {
		return err
	}
	n.UpdatedAt, n.UpdatedBy = time.Now().UTC(), s.user
	if err := tx.Create(n).Error; err != nil {
		return fmt.Errorf("nomor laporan %s tidak dapat dicatat: %w", n.Number, err)
	}
	return enqueue(tx, OpUpsert, n)
}

// nextSequence is the next number of the office's pattern in year. It
// only reads; issue gives a legacy sequence setting its year.
func nextSequence(tx *gorm.DB, office, pattern string, year int) (int, error) {
	var top int
	if err := tx.Raw(`SELECT COALESCE(MAX(sequence), 0) FROM report_numbers
		WHERE office_id = ? AND pattern = ? AND year = ?`, office, pattern, year).Scan(&top).Error; err != nil {
		return 0, err
	}
	floor, _, err := sequenceFloor(tx, year)
	return max(top+1, floor), err
}

// sequenceFloor is the lowest number the settings allow in year: the
// "next sequence number" of Pengaturan → Laporan, for the year it was set
// in. A setting from before the register has no year (legacy): it applies
// to the next issue, which gives it that issue's year (claimFloorYear), so
// that it does not lift next year's sequence.
func sequenceFloor(tx *gorm.DB, year int) (floor int, legacy bool, err error) {
	var rows []setting
	if err := tx.Where("key IN ?", []string{SettingReportSequence, SettingReportSequenceYear}).Find(&rows).Error; err != nil {
		return 0, false, err
	}
	vals := map[string]string{}
	for _, r := range rows {
		vals[r.Key] = r.Value
	}
	n, err := strconv.Atoi(vals[SettingReportSequence])
	if err != nil || n < 1 {
		return 1, false, nil
	}
	switch vals[SettingReportSequenceYear] {
	case strconv.Itoa(year):
		return n, false, nil
	case "":
		return n, true, nil
	}
	return 1, false, nil
}

// claimFloorYear gives a legacy sequence setting the year of the issue
// that used it.
func claimFloorYear(tx *gorm.DB, year int) error {
	if _, legacy, err := sequenceFloor(tx, year); err != nil || !legacy {
		return err
	}
	return tx.Create(&setting{SettingReportSequenceYear, strconv.Itoa(year)}).Error
}

// manualFree refuses a hand-typed number that another report of the
// office already carries; the same report may have it again.
func manualFree(tx *gorm.DB, office string, req NumberRequest) error {
	number := req.Manual
	var other data.ReportNumber
	err := tx.Where("office_id = ? AND number = ? AND deleted = 0", office, number).Order("issued_on").Take(&other).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return nil
	case err != nil:
		return err
	case other.SameReport(req.PeriodYear, req.Quarter, req.Rollup):
		return nil
	}
	return fmt.Errorf("nomor %s sudah dipakai laporan lain (terbit %s, file %s); pakai nomor lain", number, other.IssuedOn, other.FileName)
}

// previousNumber is the last live number issued for the report of that
// period and scope, or nil.
func previousNumber(tx *gorm.DB, office string, periodYear, quarter int, rollup bool) (*data.ReportNumber, error) {
	var n data.ReportNumber
	err := tx.Where("office_id = ? AND period_year = ? AND quarter = ? AND rollup = ? AND deleted = 0",
		office, periodYear, quarter, rollup).Order("issued_on DESC, updated_at DESC").Take(&n).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	return &n, err
}

// PreviousReportNumber is the number the report of that period and scope
// was last issued with, or nil when it has none: what a re-export may
// reuse. officeID "" is this installation's office.
func (s *Store) PreviousReportNumber(ctx context.Context, officeID string, periodYear, quarter int, rollup bool) (*data.ReportNumber, error) {
	tx := s.read(ctx)
	if officeID == "" {
		var err error
		if officeID, err = currentOfficeID(tx); err != nil {
			return nil, err
		}
	}
	return previousNumber(tx, officeID, periodYear, quarter, rollup)
}

// NextReportSequence is the sequence the next new number of the pattern
// in year would take, for showing before a report is exported; the number
// itself is drawn when it is (IssueReportNumber).
func (s *Store) NextReportSequence(ctx context.Context, pattern string, year int) (int, error) {
	tx := s.read(ctx)
	office, err := currentOfficeID(tx)
	if err != nil {
		return 0, err
	}
	return nextSequence(tx, office, pattern, year)
}

// WithdrawReportNumber takes back a number whose report could not be
// written. A number that never left this device is removed with its queued
// change, so the next report takes it; one that may have been sent stays
// in the register as deleted, and its sequence is not given again.
func (s *Store) WithdrawReportNumber(ctx context.Context, id string) error {
	removed := false
	err := s.write(ctx, func(tx *gorm.DB) error {
		var n data.ReportNumber
		if err := tx.Where("id = ?", id).Take(&n).Error; err != nil {
			return err
		}
		var sent int64
		if err := tx.Model(&OutboxEntry{}).Where("record_id = ? AND attempted", id).Count(&sent).Error; err != nil {
			return err
		}
		if n.Version == 0 && sent == 0 {
			if err := tx.Where("record_id = ?", id).Delete(&OutboxEntry{}).Error; err != nil {
				return err
			}
			removed = true
			return tx.Delete(&data.ReportNumber{}, "id = ?", id).Error
		}
		return nil
	})
	if err != nil || removed {
		return err
	}
	return s.setDeleted(ctx, &data.ReportNumber{}, id, true)
}

// ReportNumbers lists the register of the office ("" for this
// installation's), newest first, withdrawn numbers left out.
func (s *Store) ReportNumbers(ctx context.Context, officeID string) ([]data.ReportNumber, error) {
	if officeID == "" {
		o, err := s.Setting(ctx, SettingOffice, "")
		if err != nil {
			return nil, err
		}
		officeID = o
	}
	var out []data.ReportNumber
	err := s.read(ctx).Where("office_id = ? AND deleted = 0", officeID).
		Order("issued_on DESC, updated_at DESC, sequence DESC").Find(&out).Error
	return out, err
}

// ClashedNumber is a number this device issued that the server refused
// because another device of the office had issued it first: the report
// that carries it must be exported again for a new number.
type ClashedNumber struct {
	data.ReportNumber
	Reason string // the server's, naming who issued the number first
}

// ClashedReportNumbers lists this device's issues the server refused.
func (s *Store) ClashedReportNumbers(ctx context.Context) ([]ClashedNumber, error) {
	var rows []OutboxEntry
	if err := s.read(ctx).Where("kind = ? AND rejected <> ''", syncapi.KindReportNumber).Order("seq DESC").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]ClashedNumber, 0, len(rows))
	for _, e := range rows {
		var c ClashedNumber
		if err := json.Unmarshal([]byte(e.Payload), &c.ReportNumber); err != nil {
			return nil, fmt.Errorf("perubahan %d tidak terbaca: %w", e.Seq, err)
		}
		c.Reason = e.Rejected
		out = append(out, c)
	}
	return out, nil
}

// rekeyNumbers gives the office's register rows the ids of its new office
// id, after an enrollment moved them there: a first issue's id is derived
// from its office (data.ReportNumberID), and numbers drawn before the
// device was enrolled must meet the same numbers of the office's other
// devices at the server. Reissues follow their first issue's new id.
func rekeyNumbers(tx *gorm.DB, officeID string) error {
	var rows []data.ReportNumber
	if err := tx.Where("office_id = ? AND reissue_of = '' AND pattern <> ''", officeID).Find(&rows).Error; err != nil {
		return err
	}
	for _, n := range rows {
		id := data.ReportNumberID(officeID, n.Pattern, n.Year, n.Sequence)
		if id == n.ID {
			continue
		}
		if err := tx.Model(&data.ReportNumber{}).Where("id = ?", n.ID).Update("id", id).Error; err != nil {
			return err
		}
		if err := tx.Model(&data.ReportNumber{}).Where("reissue_of = ?", n.ID).Update("reissue_of", id).Error; err != nil {
			return err
		}
	}
	return nil
}
