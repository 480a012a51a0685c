package data

// Kinds of work waiting for a person in the inbox (Tugas saya); the store
// finds them (data/store, inbox.go).
const (
	InboxToApprove = "setujui"      // a submission waits for a verifier's decision
	InboxReturned  = "dikembalikan" // my submission came back with a note
	InboxHoax      = "hoaks"        // a hoax case open for more than a day
	InboxReport    = "laporan"      // the quarter ends and its report is not made yet
)

// InboxKinds label the kinds of inbox item.
var InboxKinds = Vocabulary{
	{InboxToApprove, Text{"Menunggu persetujuan Anda", "Waiting for your approval"}},
	{InboxReturned, Text{"Dikembalikan kepada Anda", "Returned to you"}},
	{InboxHoax, Text{"Hoaks belum diklarifikasi lebih dari 24 jam", "Hoax open for more than 24 hours"}},
	{InboxReport, Text{"Laporan triwulan belum dibuat", "Quarterly report not made yet"}},
}
