package data

// An activity's state (status kegiatan). Until schema 6 an entry had only
// a Realised flag, and a new entry was "realised" even when dated in the
// future, so reports counted coming activities as not done. The state
// tells planned activities apart; Realised stays as a mirror of it
// (Realised == Status is EntryDone) for devices of the previous schema,
// which still read and send only "realised".
const (
	EntryPlanned = "direncanakan"
	EntryDone    = "terlaksana"
	EntryNotDone = "tidak_terlaksana"
)

// EntryStates are the states of an activity, in the order of its life.
var EntryStates = Vocabulary{
	{EntryPlanned, Text{"Direncanakan", "Planned"}},
	{EntryDone, Text{"Terlaksana", "Done"}},
	{EntryNotDone, Text{"Tidak terlaksana", "Not done"}},
}

// Labels of the state fields.
var (
	LabelEntryStatus   = Text{"Status kegiatan", "Activity state"}
	LabelNotDoneReason = Text{"Alasan tidak terlaksana", "Reason not done"}
)

// LegacyNotDoneReason is the reason given to an activity that was marked
// not realised before the state existed: the reason was never asked for,
// and saying so is more honest than leaving the required field empty.
const LegacyNotDoneReason = "Alasan tidak dicatat (data sebelum ada status kegiatan)"

// RuleDoneInFuture: an activity dated after today cannot have taken place.
const RuleDoneInFuture = "done_in_future"

func init() {
	ruleMessages[RuleDoneInFuture] = Text{
		"tidak boleh Terlaksana untuk kegiatan yang tanggalnya belum tiba (pilih Direncanakan)",
		"cannot be Done for an activity whose date has not come yet (choose Planned)"}
}

// DefaultEntryStatus is the state of a new activity starting on start,
// seen on today: Direncanakan after today, Terlaksana otherwise.
func DefaultEntryStatus(start, today Date) string {
	if start.After(today) {
		return EntryPlanned
	}
	return EntryDone
}

// FillStatus gives an entry without a state one, from what the previous
// schema knew: an activity dated after today is planned (the old default
// of "realised" for every new entry said nothing about it), an earlier one
// is done or not done as its Realised flag says. A not-done one gets
// LegacyNotDoneReason. It also keeps Realised mirroring the state. Records
// from devices of the previous schema go through it when they are pulled
// and when they are saved; migration 6 applies the same rule to the rows
// already stored.
func (e *Entry) FillStatus(today Date) {
	if e.Status == "" {
		switch {
		case e.StartDate.After(today):
			e.Status = EntryPlanned
		case e.Realised:
			e.Status = EntryDone
		default:
			e.Status = EntryNotDone
			if e.NotDoneReason == "" {
				e.NotDoneReason = LegacyNotDoneReason
			}
		}
	}
	if e.Status != EntryNotDone {
		e.NotDoneReason = ""
	}
	e.Realised = e.Status == EntryDone
}

// Planned reports whether the activity is still to happen.
func (e *Entry) Planned() bool { return e.Status == EntryPlanned }

// Done reports whether the activity took place.
func (e *Entry) Done() bool { return e.Status == EntryDone }

// CheckToday is the rule that depends on the device's clock, kept out of
// Validate (which must give the same answer on every device, whatever its
// clock, because sync applies it too): a local save of an activity dated
// after today cannot mark it Terlaksana.
func (e *Entry) CheckToday(today Date) error {
	if e.Status == EntryDone && e.StartDate.After(today) {
		return ValidationError{{Field: "status", Label: LabelEntryStatus, Rule: RuleDoneInFuture}}
	}
	return nil
}
