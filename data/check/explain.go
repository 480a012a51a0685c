package check

import (
	"fmt"

	"github.com/humasdesk/humasdesk/data"
)

// Explain writes a finding as one paragraph in l, for a list of findings or
// the audit trail: the rule and severity, where, what was matched, what was
// found and why it matters.
//
//	[Nama/jabatan pejabat dalam konten pemilu · Perlu ditinjau] Isi: “Bupati Sleman”. … Alasan: …
func Explain(f Finding, l data.Lang) string {
	where := data.LabelBody.In(l)
	switch f.Field {
	case FieldTitle:
		where = data.LabelTitle.In(l)
	case FieldPhoto:
		where = fmt.Sprintf("%s %d", data.LabelPhoto.In(l), f.Photo)
	}
	why := "Alasan"
	if l == data.LangEN {
		why = "Why"
	}
	s := fmt.Sprintf("[%s · %s] %s", Rules.Label(f.Rule, l), Severities.Label(f.Severity, l), where)
	if f.Match != "" {
		s += ": “" + f.Match + "”"
	}
	s += ". " + f.Message.In(l)
	if w := f.Why.In(l); w != "" {
		s += " " + why + ": " + w
	}
	return s
}
