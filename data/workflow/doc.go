// Package workflow holds the pure rules of Humas Desk's content workflow:
// which status changes a draft may make and who may make them, the
// election stages and content templates that ship with the app, and the
// arithmetic of the hoax register and of the content calendar. It knows
// nothing of storage; data/store applies these rules inside its write
// transactions, and the user interface asks them what to offer.
//
// # Statuses and transitions
//
//	action      from          to            who                       effect
//	ajukan      draf          diajukan      penulis, keduanya         findings > 0 need an override reason
//	ajukan      dikembalikan  diajukan      penulis, keduanya         (same)
//	tarik       diajukan      draf          penulis, keduanya         the writer takes a submission back
//	setujui     diajukan      disetujui     verifikator, keduanya     never by the person who submitted it
//	kembalikan  diajukan      dikembalikan  verifikator, keduanya     a note for the writer is required
//	terbitkan   disetujui     terbit        any role                  a link (http/https) and a time are required
//	revisi      disetujui     draf          any role                  revision + 1; needs approval again
//	revisi      terbit        draf          any role                  a correction: revision + 1; the
//	                                                                  publication date and link are kept
//
// Everything else is refused with a TransitionError naming both statuses.
// "terbit" is final except for a correction, which reopens the draft as a
// new revision: the content that went out stays counted as published (the
// report and calendar use Draft.WasPublished), and publishing the
// correction records its own date and link.
//
// Only drafts in "draf" or "dikembalikan" may be edited (Editable). A
// submitted draft is under review and locked until the reviewer decides
// or the writer withdraws it, so that what is approved is what was
// submitted; an approved or published draft is locked until "revisi".
//
// # Who is who
//
// Each installation has one local user (data.User: name, position, role),
// which the user states in Pengaturan; there is no log-in. "A writer
// cannot approve their own draft" is decided by name: approval is refused
// when the actor of the draft's latest submission (the newest "diajukan"
// audit of the draft) is the same person as the local user
// (data.SamePerson: equal ignoring case and spacing). The device is
// recorded in every audit (ActorDevice) but does not decide, because small
// offices share one computer between a writer and a reviewer; a submission
// and an approval made on one device under two names stay visible in the
// trail. With role "keduanya" a person may submit and approve, but only
// other people's submissions.
//
// # Hoax register
//
// A case's time to clarify runs from FoundAt to ClarifiedAt, in hours. A
// case belongs to the day, and so the quarter, in which it was found, in
// the machine's zone (time.Local). It counts as clarified once ClarifiedAt
// is set, whenever that was, so a report shows the figures known when it
// is made. Median and mean are over the clarified cases only (an open case
// has no time yet) and are 0 when there are none; they are kept exact and
// rounded to one decimal only when printed (FormatHours), the same way in
// the PDF, the spreadsheet and the window. Publishing a draft closes the
// open cases it clarifies, at the time of publication.
//
// # Calendar
//
// A draft stands on its publication day once published, else on its
// planned day. Weeks run Monday to Sunday; a week with no draft on it, in
// any status, is a gap (WeeklyGaps), judged whole even where the range
// asked about cuts it.
package workflow
