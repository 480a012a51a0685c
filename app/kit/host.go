package kit

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// Host is what the kit's record browser needs of the application around
// it, and no more: the store calls' context, the language of domain
// labels, the window for dialogs and where errors are shown, the office
// whose records are edited here and the offices under it, what follows a
// local change (the sync line counts it), and the store's delete and
// restore. The app implements it once; a screen package never sees the
// app's window type.
type Host interface {
	Ctx() context.Context
	Lang() data.Lang
	Window() fyne.Window
	ShowError(what string, err error)
	// OfficeID is this installation's office: its records are editable.
	OfficeID() string
	// OfficeName names any office the database holds.
	OfficeName(id string) string
	// Under lists the offices under this one (a coordinator's), if any.
	Under() []data.Office
	// Tree is this office and those under it; all reports that they are
	// every office of the database.
	Tree() (offices []data.Office, all bool)
	// IsForeign reports whether a record of officeID is another office's,
	// which is shown read-only.
	IsForeign(officeID string) bool
	// LocalChange follows every save, delete and restore.
	LocalChange()
	Records() Records
}

// Records is what a browser asks of the store beyond its kind's own
// queries: records are deleted softly (so that the deletion syncs) and can
// be restored.
type Records interface {
	Delete(ctx context.Context, k store.Kind, id string) error
	Restore(ctx context.Context, k store.Kind, id string) error
}
