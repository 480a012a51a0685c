//go:build linux || freebsd || netbsd || openbsd

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// updateScreenshotEnv, when set to 1, makes TestRealWindow copy its capture
// to docs/screenshot.png (the README's picture):
//
//	HUMASDESK_UPDATE_SCREENSHOT=1 ./scripts/test.sh ./cmd/humasdesk
const updateScreenshotEnv = "HUMASDESK_UPDATE_SCREENSHOT"

// xvfbScreen is the virtual screen the window is shown on: larger than the
// 1100x720 main window, at 96 dpi so Fyne's scale is 1.
const xvfbScreen = "-screen 0 1280x1024x24"

// TestRealWindow builds the program, fills a demo database, and starts the
// real window on it with --quit-after. While the window is up it takes a
// screenshot through the X server (ImageMagick's import), as a person would
// see the screen, not through Fyne's own capture, which reads an empty GL
// buffer under Xvfb's software renderer. It checks that the program exits
// cleanly and that the screen shows a drawn window, not a blank or black one.
//
// It uses Xvfb (xvfb-run) when installed, so that nothing appears on the
// user's screen and the capture has the same size everywhere; otherwise the
// current $DISPLAY. With neither it skips, except under CI, where it fails.
func TestRealWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the real-window test builds and starts the program")
	}
	var display []string // the command prefix that gives the program a screen
	if xvfb, err := exec.LookPath("xvfb-run"); err == nil {
		display = []string{xvfb, "-a", "-s", xvfbScreen}
	} else if os.Getenv("DISPLAY") == "" {
		msg := "no X display: neither xvfb-run nor $DISPLAY is available " +
			"(sudo apt-get install xvfb xauth libgl1-mesa-dri, or run ./scripts/test.sh)"
		if inCI() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}

	dir := t.TempDir()
	bin := filepath.Join(dir, "humasdesk")
	db := filepath.Join(dir, "demo.db")
	shot := filepath.Join(dir, "shot.png")
	env := childEnv(dir)

	// The test binary was compiled from the same packages, so this build
	// mostly reuses the build cache.
	mustRun(t, 10*time.Minute, env, nil, "go", "build", "-buildvcs=false", "-o", bin, ".")
	out := mustRun(t, 2*time.Minute, env, nil, bin, "demo", "--db", db)
	t.Logf("demo: %s", strings.TrimSpace(out))

	importCmd, err := exec.LookPath("import")
	if err != nil {
		msg := "ImageMagick's import is missing (sudo apt-get install imagemagick, or run ./scripts/test.sh)"
		if inCI() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	// The program quits by itself 6 s after its window is shown; the
	// screen is taken 3 s after it printed startup_ms (the window shown),
	// when the first frames are long drawn, however slow a loaded machine
	// made the start; the shell then returns the program's own exit status.
	script := `log="$2.log"; "$0" --db "$1" --quit-after 6s >"$log" 2>&1 & app=$!
		i=0; while ! grep -q startup_ms "$log" && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
		sleep 3; "$3" -window root "$2"; wait $app; s=$?; cat "$log"; exit $s`
	args := append(display, "sh", "-c", script, bin, db, shot, importCmd)
	out = mustRun(t, 90*time.Second, env, []string{"LIBGL_ALWAYS_SOFTWARE=1"}, args[0], args[1:]...)
	if m := regexp.MustCompile(`startup_ms=\d+`).FindString(out); m != "" {
		t.Logf("real window: %s", m)
	} else {
		t.Errorf("the program did not print startup_ms=N; output:\n%s", out)
	}

	raw, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	problem, stats := blankness(img)
	t.Logf("capture: %s", stats)
	if problem != "" {
		failed := filepath.Join("testdata", "failed", "screenshot.png")
		if err := os.MkdirAll(filepath.Dir(failed), 0o755); err == nil {
			if err := os.WriteFile(failed, raw, 0o644); err == nil {
				problem += "; the capture is in cmd/humasdesk/" + failed
			}
		}
		t.Fatalf("the window looks blank: %s", problem)
	}

	if os.Getenv(updateScreenshotEnv) == "1" {
		dst := filepath.Join("..", "..", "docs", "screenshot.png")
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		window := cropToWindow(img)
		var buf bytes.Buffer
		if err := png.Encode(&buf, window); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("updated docs/screenshot.png (%dx%d)", window.Bounds().Dx(), window.Bounds().Dy())
	}
}

// cropToWindow cuts the screen down to what is not the root window's black
// background: the app's window.
func cropToWindow(img image.Image) image.Image {
	b := img.Bounds()
	box := image.Rectangle{Min: b.Max, Max: b.Min}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r|g|bl != 0 {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	})
	if !ok || box.Empty() {
		return img
	}
	return sub.SubImage(box)
}

// blankness says why img does not look like a drawn window, or "" if it
// does, and describes what it measured.
// A drawn window is at least 800x500 (the main window is 1100x720 at scale
// 1), has many colours (text is anti-aliased), and a good share of pixels that
// differ from the commonest colour (the background).
func blankness(img image.Image) (problem, stats string) {
	const (
		minW, minH     = 800, 500
		minColours     = 16
		minForeground  = 0.01 // share of non-background pixels
		maxTransparent = 0.5  // share of fully transparent pixels
	)
	b := img.Bounds()
	if b.Dx() < minW || b.Dy() < minH {
		return fmt.Sprintf("capture is %dx%d, want at least %dx%d", b.Dx(), b.Dy(), minW, minH), ""
	}
	counts := map[color.NRGBA]int{}
	transparent := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if c.A == 0 {
				transparent++
			}
			counts[c]++
		}
	}
	total := b.Dx() * b.Dy()
	bg, bgCount := color.NRGBA{}, 0
	for c, n := range counts {
		if n > bgCount {
			bg, bgCount = c, n
		}
	}
	fg := float64(total-bgCount) / float64(total)
	stats = fmt.Sprintf("%dx%d, %d colours, %.1f%% of pixels differ from the background %v",
		b.Dx(), b.Dy(), len(counts), 100*fg, bg)
	switch {
	case float64(transparent)/float64(total) > maxTransparent:
		problem = fmt.Sprintf("%d of %d pixels are fully transparent", transparent, total)
	case len(counts) < minColours:
		problem = fmt.Sprintf("only %d distinct colours (want ≥ %d)", len(counts), minColours)
	case fg < minForeground:
		problem = fmt.Sprintf("only %.2f%% of pixels differ from the background (want ≥ %.0f%%)",
			100*fg, 100*minForeground)
	}
	return problem, stats
}

// childEnv is the environment of the programs the test starts: a real
// locale (with LANG=C.UTF-8 Fyne logs "Error parsing user locale C"), and
// Fyne's settings in dir rather than the user's configuration folder.
func childEnv(dir string) []string {
	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "HUMASDESK_DB", "XDG_CONFIG_HOME":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "LANG=id_ID.UTF-8", "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
}

// mustRun runs name with args, env and extra variables, within timeout, and
// returns its standard output; it fails the test if the program fails or
// does not finish. The program and everything it starts (Xvfb) run in their
// own process group, killed as a whole on timeout.
func mustRun(t *testing.T, timeout time.Duration, env, extra []string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(append([]string{}, env...), extra...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	cmdline := strings.Join(append([]string{filepath.Base(name)}, args...), " ")
	if err != nil {
		var why string
		switch {
		case errors.Is(ctx.Err(), context.DeadlineExceeded):
			why = fmt.Sprintf("did not finish within %v", timeout)
		default:
			why = err.Error()
		}
		t.Fatalf("%s: %s\nstdout:\n%s\nstderr:\n%s", cmdline, why, stdout.String(), stderr.String())
	}
	if s := strings.TrimSpace(stderr.String()); s != "" {
		t.Logf("%s (%v) stderr:\n%s", cmdline, time.Since(start).Round(time.Millisecond), s)
	}
	return stdout.String()
}

// inCI reports whether the test runs in CI ($CI set, as most CI systems do),
// where a missing display is a failure rather than a reason to skip.
func inCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v != "" && v != "false" && v != "0"
}
