package demo

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

const demoChildEnv = "HUMASDESK_DEMO_CHILD"

var childOpt = Options{Year: 2024, Today: data.NewDate(2024, 11, 15)}

// TestDemoChild is the child of TestLoadFileKilled: one LoadFile.
func TestDemoChild(t *testing.T) {
	db := os.Getenv(demoChildEnv)
	if db == "" {
		t.Skip("only run as the child of TestLoadFileKilled")
	}
	fmt.Println("ready")
	if _, err := LoadFile(context.Background(), db, childOpt); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("done")
}

// killDemo runs LoadFile on db in a child process, killed after delay
// (never when delay < 0), and returns how long it ran.
func killDemo(t *testing.T, db string, delay time.Duration) time.Duration {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDemoChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), demoChildEnv+"="+db)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(out)
	if line, err := r.ReadString('\n'); err != nil || line != "ready\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child: %q %v", line, err)
	}
	start := time.Now()
	if delay >= 0 {
		time.AfterFunc(delay, func() { cmd.Process.Signal(syscall.SIGKILL) })
	}
	rest, _ := r.ReadString(0)
	err := cmd.Wait()
	if delay < 0 && (err != nil || !strings.Contains(rest, "done")) {
		t.Fatalf("child failed: %v %s", err, rest)
	}
	return time.Since(start)
}

// Killed at a random moment, `humasdesk demo` (LoadFile) leaves the
// database as it was (absent, or holding only what the user had) or with
// the whole demo.
func TestLoadFileKilled(t *testing.T) {
	ctx := context.Background()
	rounds := 12
	if testing.Short() {
		rounds = 4
	}
	rng := rand.New(rand.NewPCG(3, uint64(time.Now().UnixNano())))
	var full time.Duration
	states := map[string]int{}
	for i := -1; i < rounds; i++ {
		db := filepath.Join(t.TempDir(), "humasdesk.db")
		existing := i%2 == 0 // half the rounds on a database with the user's own agency
		if existing {
			st, err := store.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			if err := st.SaveAgency(ctx, &data.Agency{Name: "Instansi milik pengguna", Kind: "diskominfo"}); err != nil {
				t.Fatal(err)
			}
			st.Close()
		}
		delay := time.Duration(-1)
		if i >= 0 {
			delay = time.Duration(rng.Int64N(int64(full) + 1))
		}
		ran := killDemo(t, db, delay)
		if i < 0 {
			full = ran
			t.Logf("one demo load takes %v in the child", full)
		}
		if _, err := os.Stat(db); err != nil {
			if existing {
				t.Fatalf("round %d: the database is gone: %v", i, err)
			}
			states["absent"]++
			continue
		}
		st, err := store.Open(db)
		if err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
		n, _ := st.CountEntries(ctx, store.Filter{})
		user, _ := st.Agencies(ctx, store.Filter{Query: "milik pengguna"}, 0, 10)
		if existing && len(user) != 1 {
			t.Errorf("round %d: the user's agency is gone", i)
		}
		if n == 0 {
			offices, _ := st.Offices(ctx)
			if len(offices) != 1 || (!existing && i >= 0) {
				t.Errorf("round %d: neither as before nor complete (%d offices, no entries)", i, len(offices))
			}
			states["before"]++
		} else {
			again, err := Load(ctx, st, childOpt)
			if err != nil || again != (Result{}) {
				t.Errorf("round %d (killed after %v): a partial demo: loading again added %+v (%v)", i, delay, again, err)
			}
			states["complete"]++
		}
		st.Close()
	}
	t.Logf("states after the kills: %v", states)
}
