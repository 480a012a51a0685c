package store

import "github.com/humasdesk/humasdesk/data"

// IsPlaceholderProfile reports whether o still carries the name a fresh
// database gave its office (placeholderOffice): nobody has filled in the
// profile, and a report would print "KANTOR HUMAS" as its letterhead.
func IsPlaceholderProfile(o *data.Office) bool { return o.Name == placeholderOffice.Name }
