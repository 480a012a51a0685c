package data

// kinds is the one registry of the record kinds that sync: the wire kind
// (data/syncapi's Kinds) to a constructor of its Record type. The device's
// store maps pulled records through it and the server validates pushed
// ones through it, so that both run the same Normalize and Validate.
var kinds = map[string]func() Record{
	"office":        func() Record { return &Office{} },
	"agency":        func() Record { return &Agency{} },
	"draft":         func() Record { return &Draft{} },
	"entry":         func() Record { return &Entry{} },
	"photo":         func() Record { return &Photo{} },
	"conflict":      func() Record { return &Conflict{} },
	"audit":         func() Record { return &Audit{} },
	"stage":         func() Record { return &Stage{} },
	"template":      func() Record { return &Template{} },
	"hoax":          func() Record { return &Hoax{} },
	"person":        func() Record { return &Person{} },
	"report_number": func() Record { return &ReportNumber{} },
	"clipping":      func() Record { return &Clipping{} },
	"target":        func() Record { return &Target{} },
	"attachment":    func() Record { return &Attachment{} },
}

// NewRecord returns an empty record of the wire kind, or false for a kind
// this build does not know.
func NewRecord(kind string) (Record, bool) {
	f, ok := kinds[kind]
	if !ok {
		return nil, false
	}
	return f(), true
}
