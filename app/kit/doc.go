// Package kit holds the pieces of the user interface that every screen
// shares: the generic record browser (a virtualised, searchable list
// beside a form, browser.go, paged by pager.go), the form's field set with
// errors under each field (fields.go), the Indonesian date field
// (datefield.go), the file dialogs (filedialog.go) and the theme
// (theme.go). A browser's form knows when it holds unsaved changes, what
// it holds (to keep it against a crash), its record's versions and the
// undo of its last save (leave.go); the app asks the questions and shows
// the dialogs through the browser's OnLeave and OnHistory.
//
// A screen package (app/accounts, …) builds on kit and never on another
// screen; the app package wires the screens together. The browser does
// not know the app's window type: it asks what it needs through the
// narrow Host interface (host.go), which the app implements once.
package kit
