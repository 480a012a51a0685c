package app

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncclient"
	"github.com/humasdesk/humasdesk/server"
)

// syncWorld is a real sync server on a loopback port, with a provincial
// office and a kabupaten office under it.
type syncWorld struct {
	t         *testing.T
	st        *server.Store
	srv       *httptest.Server
	prov, kab *server.Office
}

func newSyncWorld(t *testing.T) *syncWorld {
	t.Helper()
	st, err := server.OpenStore(filepath.Join(t.TempDir(), "server.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := &syncWorld{t: t, st: st, srv: httptest.NewServer(server.NewAPI(st, slog.New(slog.NewTextHandler(io.Discard, nil))))}
	t.Cleanup(w.srv.Close)
	if w.prov, err = st.AddOffice(ctx, "KPU Provinsi DIY", "kpu", "provinsi", ""); err != nil {
		t.Fatal(err)
	}
	if w.kab, err = st.AddOffice(ctx, "KPU Kabupaten Sleman", "kpu", "kabupaten", w.prov.ID); err != nil {
		t.Fatal(err)
	}
	return w
}

// code is a fresh enrollment code for a device of o.
func (w *syncWorld) code(o *server.Office) string {
	w.t.Helper()
	code, _, err := w.st.NewEnrollment(ctx, o.ID, server.EnrollmentTTL)
	if err != nil {
		w.t.Fatal(err)
	}
	return code
}

// device is another installation of office o, without a window.
func (w *syncWorld) device(o *server.Office) *store.Store {
	w.t.Helper()
	ls, err := store.Open(filepath.Join(w.t.TempDir(), "device.db"))
	if err != nil {
		w.t.Fatal(err)
	}
	w.t.Cleanup(func() { ls.Close() })
	if _, err := syncclient.Enroll(ctx, ls, nil, w.srv.URL, w.code(o), "laptop lain"); err != nil {
		w.t.Fatal(err)
	}
	return ls
}

// syncOnce runs one round for a store without a window.
func syncOnce(t *testing.T, ls *store.Store) syncclient.Report {
	t.Helper()
	c, err := syncclient.New(ls, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Sync(ctx)
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return rep
}

// enrollThroughSettings types the address and a code of o into
// Pengaturan → Sinkronisasi, taps Daftarkan and waits for the answer.
func enrollThroughSettings(t *testing.T, u *UI, w *syncWorld, o *server.Office) {
	t.Helper()
	s := u.settings.sync
	typeInto(s.server, w.srv.URL)
	typeInto(s.code, w.code(o))
	test.Tap(s.enrollBtn)
	s.enrolling.Wait()
	if s.enrollErr.Visible() {
		t.Fatalf("enrollment failed: %s", s.enrollErr.Text)
	}
}

// startSync starts the window's sync loop as the program does, and
// returns a function that waits for the next round to be shown. What the
// loop hands to the main goroutine is queued, and run by nextRound on
// the test's goroutine, as the real driver runs it on the main one.
func startSync(t *testing.T, u *UI) (nextRound func() syncInfo) {
	t.Helper()
	queue := make(chan func(), 256)
	loopToMain = func(f func()) { queue <- f }
	var shown *syncInfo
	u.syncShown = func(i syncInfo) { shown = &i }
	stop := u.StartSync(context.Background())
	t.Cleanup(func() {
		stop()
		loopToMain = fyne.Do
	})
	return func() syncInfo {
		t.Helper()
		timeout := time.After(30 * time.Second)
		for {
			select {
			case f := <-queue:
				shown = nil
				f()
				if shown != nil && !shown.Running {
					return *shown
				}
			case <-timeout:
				t.Fatal("no sync round was shown")
			}
		}
	}
}

// barText is what the status line says.
func barText(u *UI) string {
	b := u.syncBar
	return strings.Join([]string{b.state.Text, b.last.Text, b.pending.Text, b.errText.Text}, " | ")
}

func TestEnrollThroughSettingsMakesTheServersOfficeThisOne(t *testing.T) {
	w := newSyncWorld(t)
	u, st := newTestUI(t)
	// Given an agency recorded before the office enrolled
	mustSaveAgency(t, st, "Polres Sleman", "polri")
	u.agencies.Reload()
	s := u.settings.sync
	if !s.form.Visible() || s.info.Visible() || u.syncBar.state.Text != "Belum terdaftar" {
		t.Fatalf("before enrolling: form %v, info %v, bar %q", s.form.Visible(), s.info.Visible(), barText(u))
	}
	if s.device.Text == "" {
		t.Error("the device name does not default to the host name")
	}
	if u.syncBar.syncBtn.Text != "Daftarkan…" {
		t.Errorf("before enrolling the sync button says %q", u.syncBar.syncBtn.Text)
	}

	// When the address and the code are typed and Daftarkan tapped
	enrollThroughSettings(t, u, w, w.kab)

	// Then the store is enrolled for the server's office
	state, err := st.SyncState(ctx)
	if err != nil || !state.Enrolled() {
		t.Fatalf("not enrolled: %+v, %v", state, err)
	}
	// And Pengaturan shows the server, this device and the office, without the code
	if s.form.Visible() || !s.info.Visible() {
		t.Fatalf("after enrolling: form %v, info %v", s.form.Visible(), s.info.Visible())
	}
	if s.serverText.Text != w.srv.URL || s.deviceText.Text != state.DeviceID || s.officeText.Text != "KPU Kabupaten Sleman (Kabupaten)" {
		t.Errorf("shown: server %q, device %q, office %q", s.serverText.Text, s.deviceText.Text, s.officeText.Text)
	}
	// And every view follows the new office
	if u.officeID != w.kab.ID || u.settings.office.name.Text != "KPU Kabupaten Sleman" {
		t.Errorf("office %q, profile shows %q", u.officeID, u.settings.office.name.Text)
	}
	if got := listTexts(u.agencies); len(got) != 1 || got[0] != "Polres Sleman" {
		t.Errorf("agencies after enrolling: %q", got)
	}
	if !strings.HasPrefix(u.home.period.Text, "KPU Kabupaten Sleman · ") {
		t.Errorf("Beranda: %q", u.home.period.Text)
	}
	if u.syncBar.state.Text != "Belum disinkronkan" || u.syncBar.pending.Text != "1 perubahan belum terkirim" {
		t.Errorf("status line: %q", barText(u))
	}
}

func TestEnrollmentErrorsAreSaidInIndonesian(t *testing.T) {
	w := newSyncWorld(t)
	gone := httptest.NewServer(nil)
	gone.Close()
	// A code already spent by another laptop
	spent := w.code(w.kab)
	laptop, err := store.Open(filepath.Join(t.TempDir(), "laptop.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer laptop.Close()
	if _, err := syncclient.Enroll(ctx, laptop, nil, w.srv.URL, spent, "laptop"); err != nil {
		t.Fatal(err)
	}

	u, st := newTestUI(t)
	s := u.settings.sync
	for _, tc := range []struct {
		name, server, code, want string
	}{
		{"no address", "", "ABCD-EFGH-JKLM-NPQR", "Isi alamat server sinkronisasi, misalnya https://sync.kpu-diy.go.id."},
		{"bad address", "sync kpu diy", "ABCD-EFGH-JKLM-NPQR", "Alamat server tidak sah. Tuliskan seperti https://sync.kpu-diy.go.id."},
		{"no code", w.srv.URL, "", "Isi kode pendaftaran yang Anda terima dari administrator server sinkronisasi."},
		{"unknown code", w.srv.URL, "ABCD-EFGH-JKLM-NPQR", "Kode pendaftaran ditolak: kode salah, sudah dipakai, atau kedaluwarsa (kode berlaku 72 jam). Mintalah kode baru kepada administrator server sinkronisasi."},
		{"spent code", w.srv.URL, spent, "Kode pendaftaran ditolak: kode salah, sudah dipakai, atau kedaluwarsa (kode berlaku 72 jam). Mintalah kode baru kepada administrator server sinkronisasi."},
		{"unreachable", gone.URL, "ABCD-EFGH-JKLM-NPQR", "Server sinkronisasi tidak dapat dihubungi. Periksa alamatnya dan koneksi internet."},
		{"not a sync server", w.srv.URL + "/bukan", "ABCD-EFGH-JKLM-NPQR", "Alamat ini bukan server sinkronisasi Humas Desk."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			typeInto(s.server, tc.server)
			typeInto(s.code, tc.code)
			test.Tap(s.enrollBtn)
			s.enrolling.Wait()
			if !s.enrollErr.Visible() || s.enrollErr.Text != tc.want {
				t.Errorf("error shown %q (visible %v)", s.enrollErr.Text, s.enrollErr.Visible())
			}
			if state, _ := st.SyncState(ctx); state.Enrolled() {
				t.Fatal("enrolled anyway")
			}
			if !s.form.Visible() || s.enrollBtn.Disabled() {
				t.Error("the form is not offered again")
			}
		})
	}
}

// "Sinkronkan sekarang" runs a round of the window's loop; the status
// line then says it is connected, that nothing waits, and when it last
// synced. With the server gone it says so, in plain words.
func TestSyncNowAndTheStatusLine(t *testing.T) {
	w := newSyncWorld(t)
	u, st := newTestUI(t)
	enrollThroughSettings(t, u, w, w.kab)
	nextRound := startSync(t, u)

	// The loop's first round runs at start.
	i := nextRound()
	if i.Err != nil {
		t.Fatalf("first round: %v", i.Err)
	}
	today := iddate.Format(data.Today(), data.LangID)
	b := u.syncBar
	if b.state.Text != "Tersambung" || b.pending.Text != "0 perubahan belum terkirim" || b.errText.Text != "" ||
		!strings.HasPrefix(b.last.Text, "Terakhir: "+today+" ") {
		t.Fatalf("after the first round: %q", barText(u))
	}
	if b.syncBtn.Text != "Sinkronkan sekarang" || b.syncBtn.Disabled() || b.conflictsBtn.Visible() {
		t.Errorf("sync button %q (disabled %v), conflicts shown %v", b.syncBtn.Text, b.syncBtn.Disabled(), b.conflictsBtn.Visible())
	}

	// When a draft is saved in the window, it waits to be sent
	f := u.draftEd
	test.Tap(u.drafts.NewBtn)
	test.Type(f.title, "Siaran pers: rapat pleno terbuka")
	f.kind.SetSelected("Berita/Siaran pers")
	test.Tap(u.drafts.SaveBtn)
	if b.pending.Text != "1 perubahan belum terkirim" {
		t.Fatalf("after saving: %q", barText(u))
	}
	// And "Sinkronkan sekarang" sends it
	test.Tap(b.syncBtn)
	i = nextRound()
	if i.Err != nil || i.Last.Applied != 1 {
		t.Fatalf("round: %+v", i)
	}
	if b.state.Text != "Tersambung" || b.pending.Text != "0 perubahan belum terkirim" {
		t.Fatalf("after sending: %q", barText(u))
	}
	other := w.device(w.kab)
	syncOnce(t, other)
	if n, _ := other.CountDrafts(ctx, store.Filter{}); n != 1 {
		t.Fatalf("the other laptop received %d drafts", n)
	}
	// Pengaturan shows the same
	if s := u.settings.sync; !strings.HasPrefix(s.state.Text, "Tersambung · Terakhir: ") || s.errText.Visible() {
		t.Errorf("Pengaturan: %q, error %q", s.state.Text, s.errText.Text)
	}

	// When the server is gone
	w.srv.Close()
	test.Type(f.title, " (revisi)")
	test.Tap(u.drafts.SaveBtn)
	test.Tap(b.syncBtn)
	i = nextRound()
	// Then the line says so in plain Indonesian, and the change waits
	want := "Server sinkronisasi tidak dapat dihubungi. Periksa koneksi internet; perubahan Anda menunggu di sini dan dikirim begitu koneksi kembali."
	if b.state.Text != "Tidak tersambung" || b.errText.Text != want || b.pending.Text != "1 perubahan belum terkirim" {
		t.Fatalf("offline: %q (error %v)", barText(u), i.Err)
	}
	if !strings.HasPrefix(b.last.Text, "Terakhir: "+today) {
		t.Errorf("the last good sync is forgotten: %q", b.last.Text)
	}
	if s := u.settings.sync; !s.errText.Visible() || s.errText.Text != want {
		t.Errorf("Pengaturan error %q", s.errText.Text)
	}
	if n, _ := st.PendingChanges(ctx); n != 1 {
		t.Errorf("pending in the store: %d", n)
	}
}

// Without a started loop nothing syncs on its own, and the button that
// would trigger it is off.
func TestNoLoopWithoutStartSync(t *testing.T) {
	w := newSyncWorld(t)
	u, _ := newTestUI(t)
	enrollThroughSettings(t, u, w, w.kab)
	if u.loop != nil || !u.syncBar.syncBtn.Disabled() {
		t.Fatalf("loop %v, sync button disabled %v", u.loop, u.syncBar.syncBtn.Disabled())
	}
}

func TestSyncErrorTexts(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{context.Canceled, ""},
		{&syncclient.HTTPError{Status: 401, Msg: "token perangkat tidak sah"}, "Server tidak lagi menerima perangkat ini (pendaftarannya dicabut). Hubungi administrator server sinkronisasi."},
		{&syncclient.HTTPError{Status: 503}, "Server sinkronisasi sedang bermasalah. Aplikasi mencoba lagi dengan sendirinya; perubahan Anda tetap menunggu di sini."},
		{&syncclient.HTTPError{Status: 413, Msg: "paling banyak 500 op sekali kirim"}, "Server menolak: paling banyak 500 op sekali kirim"},
		{syncclient.ErrNotEnrolled, "Komputer ini belum terdaftar di server sinkronisasi (Pengaturan → Sinkronisasi)."},
		{context.DeadlineExceeded, "Server tidak menjawab tepat waktu. Aplikasi mencoba lagi dengan sendirinya; perubahan Anda tetap menunggu di sini."},
		{store.ErrNotFound, "data tidak ditemukan"},
	} {
		if got := syncErrorText(tc.err); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.err, got, tc.want)
		}
	}
}

// An edit of another device that sync brought while the record was open
// in the form is not overwritten silently: saving asks first.
func TestSavingOverAnEditThatArrivedMeanwhileAsks(t *testing.T) {
	w := newSyncWorld(t)
	other := w.device(w.kab)
	u, st := newTestUI(t)
	enrollThroughSettings(t, u, w, w.kab)
	d := &data.Draft{Title: "Siaran pers pleno", Kind: "siaran_pers", Body: "Versi awal."}
	if err := other.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	syncOnce(t, other)
	syncOnce(t, st)
	b, f := u.drafts, u.draftEd
	b.Reload()
	b.Table.Select(tableCell(0))

	// This device's own edit, sent and echoed back, does not count
	typeInto(f.body, "Versi saya.")
	test.Tap(b.SaveBtn)
	syncOnce(t, st)
	typeInto(f.body, "Versi saya, kedua.")
	test.Tap(b.SaveBtn)
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("asked about this device's own edit: %q", dialogText(u.win))
	}

	// When another device's edit arrives while the form is open
	theirEdit := func(body string) {
		t.Helper()
		syncOnce(t, st) // what was saved here reaches the other laptop first
		syncOnce(t, other)
		theirs, _ := other.Draft(ctx, d.ID)
		theirs.Body = body
		if err := other.SaveDraft(ctx, theirs); err != nil {
			t.Fatal(err)
		}
		syncOnce(t, other)
		syncOnce(t, st)
		if got, _ := st.Draft(ctx, d.ID); got.Body != body {
			t.Fatalf("the edit did not arrive: %q", got.Body)
		}
	}
	theirEdit("Versi laptop lain.")
	typeInto(f.body, "Versi saya, ketiga.")
	test.Tap(b.SaveBtn)
	// Then saving asks, and nothing is stored yet
	if got := strings.Join(dialogText(u.win), "\n"); !strings.Contains(got, "diubah di perangkat lain") {
		t.Fatalf("no question asked: %q", got)
	}
	if got, _ := st.Draft(ctx, d.ID); got.Body != "Versi laptop lain." {
		t.Fatalf("stored before answering: %q", got.Body)
	}
	// And "Tampilkan versi itu" shows the other device's version
	tapDialogButton(t, u.win, "Tampilkan versi itu")
	if f.body.Text != "Versi laptop lain." {
		t.Fatalf("form shows %q", f.body.Text)
	}
	// When it is edited from there, it saves without asking
	typeInto(f.body, "Versi laptop lain, disunting.")
	test.Tap(b.SaveBtn)
	if got, _ := st.Draft(ctx, d.ID); got.Body != "Versi laptop lain, disunting." {
		t.Fatalf("stored %q", got.Body)
	}

	// And "Ganti" replaces a version that arrived
	theirEdit("Versi laptop lain lagi.")
	typeInto(f.body, "Versi saya yang menang.")
	test.Tap(b.SaveBtn)
	tapDialogButton(t, u.win, "Ganti")
	if got, _ := st.Draft(ctx, d.ID); got.Body != "Versi saya yang menang." {
		t.Fatalf("stored %q", got.Body)
	}
}
