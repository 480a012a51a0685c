// Package data holds the domain of Humas Desk: the record kinds an office
// keeps (office profile, partner agencies, content drafts and activity
// entries), their vocabularies, and the rules that make a record valid.
//
// It knows nothing about storage or the user interface. The store
// (data/store) persists these types; the UI (app/) edits them. Labels are
// kept here in both languages because reports are always Indonesian,
// whatever language the window is shown in.
package data
