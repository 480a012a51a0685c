package app

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/syncclient"
)

// syncInfo is what the window shows of sync: the loop's last status, and
// what the store says of the conflicts and refused changes waiting for
// the user.
type syncInfo struct {
	syncclient.Status
	rounds    int // rounds finished since the window opened
	conflicts int
	rejected  int
}

// readSyncInfo is the status before the loop's first round: what the
// store knows.
func (u *UI) readSyncInfo() syncInfo {
	ctx := u.ctx()
	var i syncInfo
	state, err := u.store.SyncState(ctx)
	if err != nil {
		fyne.LogError("reading the sync state", err)
	}
	i.Enrolled, i.LastOK = state.Enrolled(), state.LastOK
	i.Pending, _ = u.store.PendingChanges(ctx)
	i.conflicts, i.rejected = u.countProblems(ctx)
	return i
}

// countProblems counts the open conflicts and the refused changes. It
// may run off the main goroutine.
func (u *UI) countProblems(ctx context.Context) (conflicts, rejected int) {
	if cs, err := u.store.Conflicts(ctx); err == nil {
		conflicts = len(cs)
	}
	if rs, err := u.store.RejectedChanges(ctx); err == nil {
		rejected = len(rs)
	}
	return conflicts, rejected
}

// syncInterval is the time between rounds while they succeed; 0 is the
// loop's own default.
var syncInterval time.Duration

// StartSync starts syncing in the background: a round at once, then one
// every few minutes and whenever the user asks, with backoff while the
// server cannot be reached. Each status reaches the window through
// fyne.Do. Call it once, after New, from the main goroutine; stop ends
// the loop and waits for it, so that the store can then be closed.
// Tests that do not call it start no goroutine.
//
// Restoring a backup stops the loop and starts a new one over the new
// store (replaceStore); stop ends whichever loop runs then.
func (u *UI) StartSync(ctx context.Context) (stop func()) {
	if u.loop != nil {
		return func() {}
	}
	u.syncCtx = ctx
	u.startLoop()
	return u.stopSync
}

// startLoop starts the sync loop over the current store.
func (u *UI) startLoop() {
	ctx, cancel := context.WithCancel(u.syncCtx)
	loop := syncclient.NewLoop(u.store, func(s syncclient.Status) { u.syncReported(ctx, s) })
	loop.Interval = syncInterval
	u.loop = loop
	u.showSync() // before the loop can report
	done := make(chan struct{})
	go func() {
		defer close(done)
		loop.Run(ctx)
	}()
	u.stopLoop = func() {
		cancel()
		<-done
	}
}

// stopSync stops the running loop, if any, and waits for it.
func (u *UI) stopSync() {
	if stop := u.stopLoop; stop != nil {
		u.stopLoop = nil
		stop()
	}
}

// syncReported runs on the loop's goroutine: it counts what waits for the
// user there, off the main goroutine, and hands the rest over.
func (u *UI) syncReported(ctx context.Context, s syncclient.Status) {
	var conflicts, rejected int
	if !s.Running {
		conflicts, rejected = u.countProblems(ctx)
	}
	loopToMain(func() { u.applySync(s, conflicts, rejected) })
}

// loopToMain hands work from the sync loop's goroutine to the main one.
// Tests that run the loop replace it with a queue that they run on their
// own goroutine, the way the real driver runs fyne.Do's queue, since the
// test driver would run it at once on the loop's goroutine beside theirs.
var loopToMain = fyne.Do

// applySync shows a status of the loop, and after a round that brought
// records reads the views again.
func (u *UI) applySync(s syncclient.Status, conflicts, rejected int) {
	prev := u.syncInfo
	next := syncInfo{Status: s, rounds: prev.rounds, conflicts: conflicts, rejected: rejected}
	if s.Running {
		// The loop says only that a round began: keep what the last
		// one found until this one ends.
		next = prev
		next.Running = true
	} else {
		next.rounds++
	}
	u.syncInfo = next
	u.showSync()
	if !s.Running && (s.Last.Pulled > 0 || s.Last.Conflicts > 0) {
		u.dataChanged()
	} else if !s.Running {
		u.refreshInbox() // time alone makes a hoax overdue
	}
	if u.conflicts != nil && !s.Running && (conflicts != prev.conflicts || rejected != prev.rejected || s.Last.Pulled > 0) {
		u.conflicts.reload()
	}
	if u.syncShown != nil {
		u.syncShown(u.syncInfo)
	}
}

// showSync shows syncInfo in the status line and in Pengaturan.
func (u *UI) showSync() {
	if u.syncBar != nil {
		u.syncBar.show(u.syncInfo)
	}
	if u.settings != nil {
		u.settings.sync.show(u.syncInfo)
	}
}

// localChange follows an edit made here: one more change waits to be
// sent. Counting the outbox is one indexed query.
func (u *UI) localChange() {
	u.touch()
	u.refreshInbox()
	n, err := u.store.PendingChanges(u.ctx())
	if err != nil {
		return
	}
	u.syncInfo.Pending = n
	u.showSync()
}

// problemsChanged counts the conflicts and refused changes again, after
// the user resolved one.
func (u *UI) problemsChanged() {
	u.syncInfo.conflicts, u.syncInfo.rejected = u.countProblems(u.ctx())
	u.syncInfo.Pending, _ = u.store.PendingChanges(u.ctx())
	u.showSync()
}

// syncNow runs a round now; before enrollment it leads to the form.
func (u *UI) syncNow() {
	if !u.syncInfo.Enrolled {
		u.showSyncSettings()
		return
	}
	if u.loop != nil {
		u.loop.Trigger()
	}
}

// showSyncSettings opens Pengaturan at its Sinkronisasi section.
func (u *UI) showSyncSettings() {
	for _, ti := range u.tabs.Items {
		if ti.Content == u.settings.content {
			u.tabs.Select(ti)
		}
	}
	u.settings.scrollToSync()
}

// stateText is "Tersambung", "Tidak tersambung", "Belum terdaftar"...
func (i syncInfo) stateText() string {
	switch {
	case !i.Enrolled:
		return lang.L("Not enrolled")
	case i.Running:
		return lang.L("Syncing…")
	case i.rounds == 0:
		return lang.L("Not synced yet")
	case i.Online && i.Err != nil:
		return lang.L("Connected, but refused")
	case i.Online:
		return lang.L("Connected")
	}
	return lang.L("Not connected")
}

func (i syncInfo) stateIcon() fyne.Resource {
	switch {
	case !i.Enrolled:
		return theme.InfoIcon()
	case i.Running || i.rounds == 0:
		return theme.ViewRefreshIcon()
	case i.Online && i.Err == nil:
		return theme.ConfirmIcon()
	}
	return theme.WarningIcon()
}

// lastText is "Terakhir: Senin, 10 Juli 2023 15.40", in local time.
func (i syncInfo) lastText(l data.Lang) string {
	if i.LastOK.IsZero() {
		if !i.Enrolled {
			return ""
		}
		return lang.L("Never synced")
	}
	t := i.LastOK.Local()
	return lang.L("Last: {{.When}}", map[string]any{"When": iddate.Format(data.DateOf(t), l) + " " + iddate.Clock(t)})
}

// pendingText is "3 perubahan belum terkirim".
func (i syncInfo) pendingText() string {
	return lang.L("{{.Count}} changes not sent yet", map[string]any{"Count": i.Pending})
}

// problemsText is "2 konflik · 1 ditolak", or "" when none waits.
func (i syncInfo) problemsText() string {
	var s string
	if i.conflicts > 0 {
		s = lang.L("{{.Count}} conflicts", map[string]any{"Count": i.conflicts})
	}
	if i.rejected > 0 {
		if s != "" {
			s += " · "
		}
		s += lang.L("{{.Count}} refused", map[string]any{"Count": i.rejected})
	}
	return s
}

// syncErrorText says in plain words what went wrong and what happens
// next; "" for no error. The server's own refusals are Indonesian already
// and are quoted.
func syncErrorText(err error) string {
	if err == nil || errors.Is(err, context.Canceled) {
		return ""
	}
	var he *syncclient.HTTPError
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &he):
		switch {
		case he.Status == http.StatusUnauthorized:
			return lang.L("The server no longer accepts this device (its registration was revoked). Ask the administrator of the sync server for help.")
		case he.Status >= 500 || he.Status == http.StatusTooManyRequests:
			return lang.L("The sync server has a problem at the moment. It is tried again automatically; your changes wait here.")
		case he.Status == http.StatusNotFound:
			return lang.L("This address is not a Humas Desk sync server.")
		}
		return lang.L("The server refused: {{.Reason}}", map[string]any{"Reason": he.Msg})
	case errors.Is(err, syncclient.ErrNotEnrolled):
		return lang.L("This computer is not enrolled with a sync server yet (Settings → Sync).")
	case untrusted(err):
		return lang.L("The server's security certificate is not trusted. Check the address, or ask the administrator of the sync server.")
	case timedOut(err):
		return lang.L("The server did not answer in time. It is tried again automatically; your changes wait here.")
	case unreachable(err):
		return lang.L("The sync server cannot be reached. Check the internet connection; your changes wait here and are sent once it is back.")
	case errors.As(err, &syn):
		return lang.L("This address is not a Humas Desk sync server.")
	}
	return err.Error() // the store's and the client's own messages are Indonesian
}

// untrusted reports a TLS certificate the system does not trust.
func untrusted(err error) bool {
	var cert *tls.CertificateVerificationError
	var unknownCA x509.UnknownAuthorityError
	return errors.As(err, &cert) || errors.As(err, &unknownCA)
}

// timedOut reports a request that got no answer in time.
func timedOut(err error) bool {
	var ue *url.Error
	return (errors.As(err, &ue) && ue.Timeout()) || errors.Is(err, context.DeadlineExceeded)
}

// unreachable reports a request that reached no server: no network, a
// wrong host or port, a server that is down.
func unreachable(err error) bool {
	var ue *url.Error
	var he *syncclient.HTTPError
	return errors.As(err, &ue) && !errors.As(err, &he) && !untrusted(err) && !timedOut(err)
}

// syncBar is the line under the views: whether sync reaches the server,
// when it last did, what waits to be sent, the last error, the conflicts
// waiting for the user, and "Sinkronkan sekarang".
type syncBar struct {
	u            *UI
	icon         *widget.Icon
	state        *widget.Label
	last         *widget.Label
	pending      *widget.Label
	errText      *widget.Label
	conflictsBtn *widget.Button
	syncBtn      *widget.Button
	content      fyne.CanvasObject
}

func newSyncBar(u *UI) *syncBar {
	b := &syncBar{u: u, icon: widget.NewIcon(nil), state: widget.NewLabel(""), last: widget.NewLabel(""),
		pending: widget.NewLabel(""), errText: widget.NewLabel("")}
	b.state.TextStyle.Bold = true
	b.last.Importance = widget.LowImportance
	b.pending.Importance = widget.LowImportance
	b.errText.Importance = widget.DangerImportance
	b.errText.Wrapping = fyne.TextWrapWord
	b.conflictsBtn = widget.NewButtonWithIcon("", theme.WarningIcon(), u.showConflicts)
	b.conflictsBtn.Importance = widget.DangerImportance
	b.syncBtn = widget.NewButtonWithIcon(lang.L("Sync now"), theme.ViewRefreshIcon(), u.syncNow)
	left := container.NewHBox(b.icon, b.state, b.last, b.pending)
	right := container.NewHBox(b.conflictsBtn, b.syncBtn)
	// The error has a line of its own, shown only while there is one.
	b.content = container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, left, right), b.errText)
	b.show(u.syncInfo)
	return b
}

func (b *syncBar) show(i syncInfo) {
	b.icon.SetResource(i.stateIcon())
	b.state.SetText(i.stateText())
	b.last.SetText(i.lastText(b.u.lang))
	b.pending.SetText(i.pendingText())
	if e := syncErrorText(i.Err); e != "" {
		b.errText.SetText(e)
		b.errText.Show()
	} else {
		b.errText.SetText("")
		b.errText.Hide()
	}
	if p := i.problemsText(); p != "" {
		b.conflictsBtn.SetText(p)
		b.conflictsBtn.Show()
	} else {
		b.conflictsBtn.Hide()
	}
	if !i.Enrolled {
		b.syncBtn.SetText(lang.L("Enroll…"))
		b.syncBtn.SetIcon(theme.LoginIcon())
		b.syncBtn.Enable()
		return
	}
	b.syncBtn.SetText(lang.L("Sync now"))
	b.syncBtn.SetIcon(theme.ViewRefreshIcon())
	if i.Running || b.u.loop == nil {
		b.syncBtn.Disable()
	} else {
		b.syncBtn.Enable()
	}
}
