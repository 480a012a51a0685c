package app

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncclient"
)

// enrollTimeout bounds an enrollment, so that a server that accepts the
// connection and never answers does not keep the form waiting.
const enrollTimeout = 30 * time.Second

// syncSettings is Pengaturan → Sinkronisasi. Before enrollment it asks
// for the server's address and the one-time code from its administrator;
// afterwards it shows the server, this device and the office the server
// gave, and how sync stands.
type syncSettings struct {
	u *UI

	// Enrollment.
	form      fyne.CanvasObject
	server    *widget.Entry
	code      *widget.Entry
	device    *widget.Entry
	enrollBtn *widget.Button
	busy      *widget.ProgressBarInfinite
	enrollErr *widget.Label
	enrolling sync.WaitGroup // an enrollment under way, for tests

	// Once enrolled.
	info       fyne.CanvasObject
	serverText *widget.Label
	deviceText *widget.Label
	officeText *widget.Label

	// Status, in both states.
	state        *widget.Label
	pending      *widget.Label
	errText      *widget.Label
	syncBtn      *widget.Button
	conflictsBtn *widget.Button

	content fyne.CanvasObject
}

func newSyncSettings(u *UI) *syncSettings {
	s := &syncSettings{u: u, server: widget.NewEntry(), code: widget.NewEntry(), device: widget.NewEntry(),
		busy: widget.NewProgressBarInfinite(), enrollErr: kit.ErrorLabel(), serverText: widget.NewLabel(""),
		deviceText: widget.NewLabel(""), officeText: widget.NewLabel(""), state: widget.NewLabel(""),
		pending: widget.NewLabel(""), errText: kit.ErrorLabel()}
	s.server.SetPlaceHolder("https://sync.contoh.go.id")
	s.code.SetPlaceHolder("Q5SX-4QNM-YH3C-XPPD")
	s.code.OnSubmitted = func(string) { s.enroll() }
	if host, err := os.Hostname(); err == nil {
		s.device.SetText(host)
	}
	s.busy.Stop()
	s.busy.Hide()
	s.enrollBtn = widget.NewButtonWithIcon(lang.L("Enroll"), theme.LoginIcon(), s.enroll)
	s.enrollBtn.Importance = widget.HighImportance
	intro := widget.NewLabel(lang.L("Connect Humas Desk to your office's sync server with the one-time enrollment code from its administrator. Until then everything stays on this computer only."))
	intro.Wrapping = fyne.TextWrapWord
	s.form = container.NewVBox(intro, widget.NewForm(
		widget.NewFormItem(lang.L("Server address"), s.server),
		widget.NewFormItem(lang.L("Enrollment code"), s.code),
		widget.NewFormItem(lang.L("Device name"), s.device),
	), container.NewBorder(nil, nil, s.enrollBtn, nil, s.busy), s.enrollErr)

	for _, l := range []*widget.Label{s.serverText, s.deviceText, s.officeText} {
		l.Wrapping = fyne.TextWrapBreak
	}
	s.info = widget.NewForm(
		widget.NewFormItem(lang.L("Server"), s.serverText),
		widget.NewFormItem(lang.L("Device ID"), s.deviceText),
		widget.NewFormItem(lang.L("Office"), s.officeText),
	)

	s.state.Wrapping = fyne.TextWrapWord
	s.syncBtn = widget.NewButtonWithIcon(lang.L("Sync now"), theme.ViewRefreshIcon(), u.syncNow)
	s.conflictsBtn = widget.NewButtonWithIcon(lang.L("Conflicts and refused changes…"), theme.WarningIcon(), u.showConflicts)
	status := container.NewVBox(s.state, s.pending, s.errText, container.NewHBox(s.syncBtn, s.conflictsBtn))

	s.content = widget.NewCard(lang.L("Sync"), lang.L("Sending and receiving records through the central server"),
		container.NewVBox(s.form, s.info, widget.NewSeparator(), status))
	s.refresh()
	s.show(u.syncInfo)
	return s
}

// refresh shows the enrollment form, or what the enrollment gave.
func (s *syncSettings) refresh() {
	ctx := s.u.ctx()
	state, err := s.u.store.SyncState(ctx)
	if err != nil {
		fyne.LogError("reading the sync state", err)
	}
	if !state.Enrolled() {
		s.form.Show()
		s.info.Hide()
		return
	}
	s.form.Hide()
	s.info.Show()
	s.serverText.SetText(state.Server)
	s.deviceText.SetText(state.DeviceID)
	if o, err := s.u.store.CurrentOffice(ctx); err == nil {
		s.officeText.SetText(o.Name + " (" + data.Levels.Label(o.Level, s.u.lang) + ")")
	}
}

// show shows how sync stands, as the status line does, with the whole
// error text.
func (s *syncSettings) show(i syncInfo) {
	state := i.stateText()
	if last := i.lastText(s.u.lang); last != "" {
		state += " · " + last
	}
	s.state.SetText(state)
	s.pending.SetText(i.pendingText())
	if e := syncErrorText(i.Err); e != "" {
		s.errText.SetText(e)
		s.errText.Show()
	} else {
		s.errText.Hide()
	}
	if i.Enrolled {
		s.syncBtn.Show()
	} else {
		s.syncBtn.Hide()
	}
	if i.Running || s.u.loop == nil {
		s.syncBtn.Disable()
	} else {
		s.syncBtn.Enable()
	}
}

// enroll exchanges the code for a device token in the background. The
// server's office then becomes this installation's, so every view reads
// again.
func (s *syncSettings) enroll() {
	addr, err := serverAddress(s.server.Text)
	if err != nil {
		s.enrollFailed(err.Error())
		return
	}
	code := strings.TrimSpace(s.code.Text)
	if code == "" {
		s.enrollFailed(lang.L("Type the enrollment code you received from the administrator of the sync server."))
		return
	}
	name := strings.TrimSpace(s.device.Text)
	if name == "" {
		name = "Humas Desk"
	}
	s.enrollErr.Hide()
	s.enrollBtn.Disable()
	s.busy.Show()
	s.busy.Start()
	s.enrolling.Add(1)
	go func() {
		defer s.enrolling.Done()
		ctx, cancel := context.WithTimeout(context.Background(), enrollTimeout)
		defer cancel()
		_, err := syncclient.Enroll(ctx, s.u.store, nil, addr, code, name)
		fyne.Do(func() { s.enrolled(err) })
	}()
}

func (s *syncSettings) enrolled(err error) {
	s.busy.Stop()
	s.busy.Hide()
	s.enrollBtn.Enable()
	if err != nil {
		s.enrollFailed(enrollErrorText(err))
		return
	}
	s.code.SetText("")
	s.u.officeChanged()
	s.refresh()
	s.u.syncInfo = s.u.readSyncInfo()
	s.u.showSync()
	if s.u.loop != nil {
		s.u.loop.Trigger() // the records made so far go at once
	}
}

func (s *syncSettings) enrollFailed(text string) {
	s.enrollErr.SetText(text)
	s.enrollErr.Show()
}

// serverAddress checks what the user typed as the server's address; a
// bare host name gets https://.
func serverAddress(typed string) (string, error) {
	a := strings.TrimSpace(typed)
	if a == "" {
		return "", errors.New(lang.L("Type the address of the sync server, for example https://sync.kpu-diy.go.id."))
	}
	if !strings.Contains(a, "://") {
		a = "https://" + a
	}
	p, err := url.Parse(a)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.Hostname() == "" {
		return "", errors.New(lang.L("The server address is not valid. Write it like https://sync.kpu-diy.go.id."))
	}
	return strings.TrimRight(a, "/"), nil
}

// enrollErrorText explains why an enrollment failed.
func enrollErrorText(err error) string {
	var he *syncclient.HTTPError
	switch {
	case unreachable(err):
		return lang.L("The sync server cannot be reached. Check the address and the internet connection.")
	case errors.As(err, &he) && he.Status == http.StatusUnauthorized:
		return lang.L("The enrollment code was refused: it is wrong, already used, or expired (a code is valid for 72 hours). Ask the administrator of the sync server for a new one.")
	case errors.Is(err, store.ErrAlreadyEnrolled):
		return lang.L("This computer is already enrolled.")
	}
	return syncErrorText(err)
}
