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
//	ajukan      draf          diajukan      penyusun                  findings > 0 need an override reason
//	ajukan      dikembalikan  diajukan      penyusun                  (same)
//	tarik       diajukan      draf          penyusun                  the writer takes a submission back
//	setujui     diajukan      disetujui     verifikator               never by the person who submitted it
//	kembalikan  diajukan      dikembalikan  verifikator               a note for the writer is required
//	terbitkan   disetujui     terbit        penyusun, verifikator,    a link (http/https) and a time are required
//	                                        penandatangan
//	revisi      disetujui     draf          (same)                    revision + 1; needs approval again
//	revisi      terbit        draf          (same)                    a correction: revision + 1; the
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
// Steps are taken by people (data.Person, signed in on the device; see
// data/store): ajukan and tarik need the role penyusun, setujui and
// kembalikan verifikator, terbitkan and revisi any of penyusun,
// verifikator and penandatangan. A person may hold several roles.
// "A writer cannot approve their own draft" is decided by identity:
// approval is refused when the actor of the draft's latest submission
// (the newest "diajukan" audit) has the same person id (data.Audit.ActorID)
// as the person approving. Where either side is a legacy typed name (an
// audit from before people existed, or an installation that has no
// people yet and still acts as its typed data.User), names decide as
// before (data.SamePerson), so a person cannot approve what they
// submitted under their typed name. A legacy user's role maps to the new
// ones: penulis → penyusun, verifikator → verifikator, keduanya → both.
// The device is recorded in every audit (ActorDevice) but does not
// decide, because small offices share one computer between people.
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
