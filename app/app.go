// Package app is the Fyne user interface of Humas Desk: the main window, its
// views, forms and dialogs. It reads and writes records only through
// data/store, never SQL, and touches widgets only on the main goroutine.
//
// The three record kinds an office keeps (agencies, content drafts and
// activity entries) share one generic list-and-form mechanism (kit/browser.go):
// each kind only describes its columns, filters and form (agency.go,
// draft.go, entry.go). Lists are virtualised and read the store a page at a
// time (kit/pager.go), so a list of 100,000 entries costs no more than one of
// ten.
//
// Kegiatan/Laporan also holds the export of the quarterly and annual
// report (export.go), whose number and text are set in Pengaturan
// (reportsettings.go); activities and agencies can be imported from CSV
// through a preview that writes nothing (importer.go), and an activity's
// documentation photos are kept in its form (photos.go). Long work (building
// a report, reading a CSV file, copying a photo, making thumbnails) runs
// off the main goroutine and hands its result back with fyne.Do.
//
// Agenda (agenda.go, stage.go) is the content calendar: a month of
// content and election stages, a list of it, and the office's stages;
// Hoaks (hoax.go, hoax_summary.go) is the hoax-clarification register and
// its summary per quarter. Beranda looks ahead with both (dashboard.go).
//
// Sync (sync.go, syncsettings.go, conflicts.go, offices.go): Pengaturan →
// Sinkronisasi enrolls the installation with a server; a line under the
// views tells whether sync reaches the server, when it last did, what
// waits to be sent and what went wrong, and triggers a round. The loop
// itself (data/syncclient) runs only once StartSync is called, and hands
// each status to the main goroutine with fyne.Do. Conflicts are shown
// side by side and settled by the user; a coordinator's lists filter by
// the offices under it, whose records open read-only. A list's count and
// first page are read off the main goroutine (kit/browser.go), so that a slow
// search never freezes typing.
//
// No edit is lost silently: every form knows when it holds unsaved
// changes, and leaving it (another row, New, another view, closing the
// window, signing out) asks Simpan / Buang perubahan / Batal (guard.go);
// what it holds is kept in the local database as it is typed and offered
// back after a crash (recovery.go); Riwayat shows a record's earlier
// versions and restores one as a new edit, and the last save can be
// undone (history.go).
//
// User-interface text is English in the source, wrapped in lang.L, and
// translated by assets/translations/id.json; the names of domain things
// (kinds, statuses, strategies, field labels, validation messages) come
// from data/ in the chosen language, so they are written in one place only.
package app

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/csvimport"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncclient"
)

// UI is the main window and what it shows.
type UI struct {
	app      fyne.App
	store    *store.Store
	win      fyne.Window
	lang     data.Lang // the language of domain labels; lang.L covers the rest
	officeID string    // this installation's office: lists and Beranda show its records

	// The offices this database holds: this one and those under it (a
	// coordinator receives them by sync), and every office's name.
	tree        []data.Office
	treeIsAll   bool // tree holds every office of the database
	officeNames map[string]string

	tabs      *container.AppTabs
	home      *dashboard
	agencies  *kit.Browser[data.Agency, *data.Agency]
	drafts    *kit.Browser[data.Draft, *data.Draft]
	entries   *kit.Browser[data.Entry, *data.Entry]
	export    *exportView
	numbers   *numbersView       // Kegiatan/Laporan → Register nomor (numbers.go)
	agenda    *agendaView        // Agenda: the content calendar and its stages
	hoaxes    *hoaxView          // Hoaks: the hoax-clarification register
	reports   *container.AppTabs // Kegiatan/Laporan: the activity list and the export
	settings  *settingsView
	agencyEd  *agencyForm
	draftEd   *draftForm
	entryEd   *entryForm
	lastError string // the last error shown, for tests

	agencyImport, entryImport *csvImporter // the lists' "Impor CSV…"

	acct accountState // the signed-in person, sign-in and lock (session.go)
	// leaveGuard, when set, replaces the unsaved-changes guard before
	// signing out, switching user and locking (guardLeave; tests).
	leaveGuard func(then func())

	syncInfo  syncInfo         // what the window shows of sync
	syncBar   *syncBar         // the line under the views
	photoPrep *photoPrepLine   // the line above it while photo copies are made (photocopies.go)
	loop      *syncclient.Loop // the background sync, once StartSync ran
	conflicts *conflictsView   // the open Konflik dialog, or nil
	syncShown func(s syncInfo) // tests: told after each status is shown

	// The store can be replaced while the window is open (restoring a
	// backup, backup.go): see replaceStore. It is read and written on the
	// main goroutine only; work started off it takes the store with it.
	reopen   func(path string) (*store.Store, error) // opens the database again; store.Open unless SetReopen
	syncCtx  context.Context                         // what StartSync was given, to start the loop again
	stopLoop func()                                  // stops the running sync loop and waits for it; nil when none runs

	// Scheduled backups (backupschedule.go): backupMu keeps a backup and a
	// restore of the file apart; backupRan tells tests a result was shown.
	backupMu  sync.Mutex
	backupRan func(sch store.BackupSchedule, err error)
	// Unsaved changes, crash recovery and history (guard.go,
	// recovery.go, history.go).
	leave   leaving
	keeper  keeper
	history *historyView // the open Riwayat dialog, for tests
	// stopPhotos stops PreparePhotos and waits for it; nil when it does
	// not run.
	stopPhotos func()
}

// New builds the main window over st. The language of domain labels is the
// one stored in the settings, which is also what SetupLanguage was given.
func New(fa fyne.App, st *store.Store) *UI {
	u := &UI{app: fa, store: st, win: fa.NewWindow("Humas Desk"), reopen: store.Open}
	l, err := st.Setting(u.ctx(), store.SettingLanguage, string(data.LangID))
	if err != nil {
		fyne.LogError("reading the language setting", err)
	}
	u.lang = data.ParseLang(l)
	u.load()
	u.build()
	u.win.Resize(fyne.NewSize(1100, 720))
	u.win.SetCloseIntercept(u.closeRequested)
	u.win.Canvas().AddShortcut(undoShortcut, func(fyne.Shortcut) { u.undoLastSave() })
	u.startKeeping()
	u.offerRecovery()
	return u
}

// load reads what the window keeps of the store: the office, the theme,
// the offices and the sync state.
func (u *UI) load() {
	ctx := u.ctx()
	if o, err := u.store.CurrentOffice(ctx); err == nil {
		u.officeID = o.ID
	} else {
		fyne.LogError("reading the office profile", err)
	}
	if t, err := u.store.Setting(ctx, store.SettingTheme, kit.ThemeSystem); err == nil {
		u.applyTheme(t)
	}
	u.readOffices()
	u.syncInfo = u.readSyncInfo()
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// Store is the store the window works on now. Restoring a backup replaces
// it, so whoever closes the store at the end closes this one.
func (u *UI) Store() *store.Store { return u.store }

// SetReopen replaces how the database is opened again after a restore
// (store.Open by default).
func (u *UI) SetReopen(open func(path string) (*store.Store, error)) { u.reopen = open }

// replaceStore swaps the database under the window. On the main goroutine
// it stops the sync loop; then, off it, it closes the store and runs
// change with the database's path while nothing has it open. change
// returns the store to work on from then on (opened with u.reopen), or nil
// to open the database at the path again as it is. Back on the main
// goroutine the window's content is rebuilt over that store, sync starts
// again if it ran, and then is called with change's error.
//
// If the database cannot be opened at all, the window keeps the closed
// store and then's error wraps errReopen: Humas Desk must be restarted.
func (u *UI) replaceStore(change func(dbPath string) (*store.Store, error), then func(err error)) {
	old, path := u.store, u.store.Path()
	stop, stopPhotos := u.stopLoop, u.stopPhotos
	u.stopLoop, u.stopPhotos = nil, nil
	go func() {
		if stop != nil {
			stop()
		}
		if stopPhotos != nil {
			stopPhotos()
		}
		var err error
		if err = old.Close(); err != nil {
			err = fmt.Errorf("database tidak dapat ditutup: %w", err)
		}
		var next *store.Store
		if err == nil {
			next, err = change(path)
		}
		var openErr error
		if next == nil {
			next, openErr = u.reopen(path)
		}
		fyne.Do(func() {
			u.loop = nil
			if openErr != nil {
				then(errors.Join(err, fmt.Errorf("%w: %w", errReopen, openErr)))
				return
			}
			u.store = next
			u.rebuild()
			if stop != nil {
				u.startLoop()
			}
			if stopPhotos != nil { // a restored backup brings originals only
				u.PreparePhotos(context.Background())
			}
			then(err)
		})
	}()
}

// errReopen is why the window has no usable store after replaceStore.
var errReopen = errors.New("database tidak dapat dibuka lagi; tutup Humas Desk lalu buka kembali")

// rebuild builds the window's content again over the current store,
// showing Pengaturan, where a store is replaced. The language of the
// labels stays until a restart, as when it is changed in Pengaturan.
func (u *UI) rebuild() {
	u.conflicts = nil
	u.load()
	u.build()
	for i, ti := range u.tabs.Items {
		if ti.Content == u.settings.content {
			u.tabs.SelectIndex(i)
		}
	}
}

func (u *UI) build() {
	u.leave = leaving{}
	u.home = newDashboard(u)
	u.agencyEd = newAgencyForm(u)
	u.agencyImport = newCSVImporter(u, csvimport.KindAgencies, func(n int) { u.agencies.Imported(n) })
	u.agencies = kit.NewBrowser(kitHost{u}, agencyKind(u), kit.Editor[data.Agency](u.agencyEd))
	u.draftEd = newDraftForm(u)
	u.drafts = kit.NewBrowser(kitHost{u}, draftKind(u), kit.Editor[data.Draft](u.draftEd))
	u.entryEd = newEntryForm(u)
	u.entryImport = newCSVImporter(u, csvimport.KindEntries, func(n int) { u.entries.Imported(n) })
	u.entries = kit.NewBrowser(kitHost{u}, entryKind(u), kit.Editor[data.Entry](u.entryEd))
	u.export = newExportView(u)
	u.settings = newSettingsView(u)
	u.agenda = newAgendaView(u)
	u.hoaxes = newHoaxView(u)

	// Kegiatan/Laporan holds the activities and, beside them, the export
	// of the report they make.
	u.reports = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Activities"), theme.ListIcon(), u.entries.Content),
		container.NewTabItemWithIcon(lang.L("Export report"), theme.DocumentPrintIcon(), u.export.content),
	)
	u.reports.OnSelected = func(ti *container.TabItem) {
		if ti.Content == u.export.content {
			u.export.refresh()
		}
		if ti.Content == u.entries.Content {
			u.entries.RefreshIfStale()
		}
	}

	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Home"), theme.HomeIcon(), u.home.content),
		container.NewTabItemWithIcon(lang.L("Agencies"), theme.AccountIcon(), u.agencies.Content),
		container.NewTabItemWithIcon(lang.L("Content"), theme.DocumentCreateIcon(), u.drafts.Content),
		container.NewTabItemWithIcon(lang.L("Agenda"), theme.CalendarIcon(), u.agenda.content),
		container.NewTabItemWithIcon(lang.L("Hoaxes"), theme.WarningIcon(), u.hoaxes.content),
		container.NewTabItemWithIcon(lang.L("Activities/Reports"), theme.ListIcon(), u.reports),
		container.NewTabItemWithIcon(lang.L("Settings"), theme.SettingsIcon(), u.settings.content),
	)
	u.tabs.SetTabLocation(container.TabLocationLeading)
	// Beranda summarises what the other tabs change, so it is recounted
	// each time it is shown rather than kept in step with every save.
	// Lists that sync changed while hidden read again when shown.
	u.tabs.OnSelected = func(ti *container.TabItem) {
		switch ti.Content {
		case u.home.content:
			u.home.refresh()
		case u.agencies.Content:
			u.agencies.RefreshIfStale()
		case u.drafts.Content:
			u.drafts.RefreshIfStale()
		case u.agenda.content:
			u.agenda.refresh()
		case u.hoaxes.content:
			u.hoaxes.Shown()
		case u.reports:
			if u.showing(u.entries.Content) {
				u.entries.RefreshIfStale()
			}
		}
	}
	u.addNumberRegister()
	u.guardViews()
	u.syncBar = newSyncBar(u)
	u.photoPrep = newPhotoPrepLine()
	u.buildAccounts(container.NewBorder(nil, container.NewVBox(u.photoPrep.content, u.syncBar.content), nil, nil, u.tabs))
}

// ctx is the context of store calls made from the UI. The store's queries
// are short; nothing the user does is left waiting on a cancelled context.
func (u *UI) ctx() context.Context { return context.Background() }

// showError tells the user, in a dialog, that what they asked for failed.
// The store's own messages are Indonesian already; what says what failed
// comes from the translations.
func (u *UI) showError(what string, err error) {
	if err == nil {
		return
	}
	u.lastError = what + ": " + err.Error()
	dialog.ShowError(fmt.Errorf("%s: %w", what, err), u.win)
}
