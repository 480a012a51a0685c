package app

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// crashDB names, for the helper process, the database it types into.
const crashDB = "HUMASDESK_TEST_CRASH_DB"

// crashTyped is what the helper process types into Telepon.
const crashTyped = "0274 868 999"

// crashReady is what the helper prints once the typed text is kept.
const crashReady = "TERSIMPAN-SEMENTARA"

// TestCrashHelperProcess is not a test of its own: run by
// TestCrashRecoveryAfterKill as a child process, it opens the window over
// the database it is given, types into an agency's Telepon, lets the
// timer keep the form as the program does, says so, and waits to be
// killed.
func TestCrashHelperProcess(t *testing.T) {
	path := os.Getenv(crashDB)
	if path == "" {
		return // only as the child process
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	u := New(test.NewApp(), st)
	openAgency(t, u)
	typeInto(u.agencyEd.phone, crashTyped)
	// From here only the timer's goroutine touches the window.
	keepEvery = 10 * time.Millisecond
	u.startKeeping()
	for {
		kept, err := st.UnsavedForms(ctx)
		if err == nil && len(kept) == 1 && strings.Contains(kept[0].Payload, crashTyped) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	os.Stdout.WriteString(crashReady + "\n")
	time.Sleep(time.Hour) // killed before this ends
}

// Typing into a form and dying by SIGKILL (a real child process) loses
// nothing: the next start offers what was typed, and restoring it opens
// the form with it, not yet saved.
func TestCrashRecoveryAfterKill(t *testing.T) {
	path := filepath.Join(t.TempDir(), "humasdesk.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	polres := &data.Agency{Name: "Polres Sleman", Kind: "polri", Phone: "0274 111"}
	if err := st.SaveAgency(ctx, polres); err != nil {
		t.Fatal(err)
	}
	st.Close()

	// Given a Humas Desk that typed into Polres Sleman's Telepon
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelperProcess$")
	cmd.Env = append(os.Environ(), crashDB+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	ready := false
	for !ready && lines.Scan() {
		ready = lines.Text() == crashReady
	}
	// When it is killed without a chance to save or clean up
	if err := cmd.Process.Kill(); err != nil { // SIGKILL on Unix
		t.Fatal(err)
	}
	cmd.Wait()
	if !ready {
		t.Fatal("the helper process ended before it kept the form")
	}

	// Then the next start offers what was typed
	u, st2 := openTestUI(t, path)
	offer := strings.Join(dialogText(u.win), "\n")
	for _, want := range []string{"Ubah instansi — Polres Sleman", "Telepon: " + crashTyped} {
		if !strings.Contains(offer, want) {
			t.Errorf("the offer lacks %q:\n%s", want, offer)
		}
	}
	// and Pulihkan opens the form with it, unsaved
	tapDialogButton(t, u.win, "Pulihkan")
	b := u.agencies
	if u.agencyEd.phone.Text != crashTyped || b.Current.ID != polres.ID || !b.Dirty() {
		t.Fatalf("restored form: Telepon %q of %q, dirty %v", u.agencyEd.phone.Text, b.Current.Name, b.Dirty())
	}
	if u.tabs.Selected().Content != b.Content {
		t.Error("the form restored into is not shown")
	}
	if stored, _ := st2.Agency(ctx, polres.ID); stored.Phone != "0274 111" {
		t.Errorf("restoring stored %q", stored.Phone)
	}
	// Saving it stores it and forgets the kept copy.
	test.Tap(b.SaveBtn)
	u.keepNow()
	if stored, _ := st2.Agency(ctx, polres.ID); stored.Phone != crashTyped {
		t.Errorf("stored %q after saving", stored.Phone)
	}
	if kept, _ := st2.UnsavedForms(ctx); len(kept) != 0 {
		t.Errorf("still kept after saving: %+v", kept)
	}
}

// openTestUI opens the window over the database at path.
func openTestUI(t *testing.T, path string) (*UI, *store.Store) {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	u := New(test.NewTempApp(t), st)
	t.Cleanup(func() {
		if windowOpen(u) {
			u.win.Close()
		}
	})
	return u, st
}

// A kept form goes when its changes are discarded, and a form that is
// kept but was saved before the crash is not offered.
func TestKeptFormsGoWhenDiscardedOrSaved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "humasdesk.db")
	u, st := openTestUI(t, path)
	mustSaveAgency(t, st, "Polres Sleman", "polri")
	openAgency(t, u)
	typeInto(u.agencyEd.phone, "0274 5")
	u.keepNow()
	if kept, _ := st.UnsavedForms(ctx); len(kept) != 1 || kept[0].Form != "agency" {
		t.Fatalf("kept %+v", kept)
	}
	test.Tap(u.agencies.NewBtn)
	tapDialogButton(t, u.win, "Buang perubahan")
	u.keeper.flush()
	if kept, _ := st.UnsavedForms(ctx); len(kept) != 0 {
		t.Fatalf("kept after Buang: %+v", kept)
	}
	// A new agency typed, kept, then saved goes at once; a copy that
	// holds what is stored (the program died between the two) is not
	// offered.
	typeInto(u.agencyEd.name, "Kodim 0732/Sleman")
	u.agencyEd.kind.SetSelected("TNI")
	u.keepNow()
	test.Tap(u.agencies.SaveBtn)
	u.keeper.flush()
	if kept, _ := st.UnsavedForms(ctx); len(kept) != 0 {
		t.Fatalf("kept after saving: %+v", kept)
	}
	if err := st.KeepUnsaved(ctx, store.Unsaved{Form: "agency", RecordID: u.agencies.Current.ID,
		Label: "Kodim", Payload: mustJSON(t, u.agencies.Current)}); err != nil {
		t.Fatal(err)
	}
	u2, _ := openTestUI(t, path)
	offer := strings.Join(dialogText(u2.win), "\n")
	if strings.Contains(offer, "Kodim") {
		t.Errorf("offered a form that holds what is stored:\n%s", offer)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}
