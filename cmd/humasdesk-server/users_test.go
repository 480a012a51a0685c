package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/server"
)

// The administrator's user commands on a real server database: the first
// admin with a one-time password printed once, the list, a reset.
func TestUserCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "server.db")
	cmd := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := run(append([]string{args[0], args[1], "--db", db}, args[2:]...), &out)
		return out.String(), err
	}
	officeOut, err := cmd("office", "add", "--name", "KPU Kabupaten Sleman", "--level", "kabupaten", "--kind", "kpu")
	if err != nil {
		t.Fatal(err)
	}
	office := strings.TrimSpace(officeOut)
	passwordRE := regexp.MustCompile(`kata sandi (?:awal|baru untuk \S+): (\S+)`)

	out, err := cmd("user", "add", "--office", office, "--name", "Sri Lestari", "--roles", "admin,verifikator", "--nip", "19800101 200501 2 001")
	if err != nil {
		t.Fatal(err)
	}
	m := passwordRE.FindStringSubmatch(out)
	if m == nil || !strings.Contains(out, "Admin kantor") {
		t.Fatalf("user add printed %q", out)
	}
	first := m[1]
	st, err := server.OpenStore(db)
	if err != nil {
		t.Fatal(err)
	}
	people, err := st.People(context.Background(), office)
	st.Close()
	if err != nil || len(people) != 1 || people[0].NIP != "198001012005012001" || !people[0].MustChange || people[0].Verifier != "" {
		t.Fatalf("people %+v %v", people, err)
	}
	list, err := cmd("user", "list", "--office", office)
	if err != nil || !strings.Contains(list, "Sri Lestari") || !strings.Contains(list, "wajib ganti") || strings.Contains(list, "$2") {
		t.Fatalf("user list: %q %v", list, err)
	}
	out, err = cmd("user", "reset-password", people[0].ID)
	if m = passwordRE.FindStringSubmatch(out); err != nil || m == nil || m[1] == first {
		t.Fatalf("reset: %q %v", out, err)
	}

	bad := []struct {
		args []string
		want string
	}{
		{[]string{"user", "add", "--office", office, "--name", "Tanpa Peran"}, "--roles"},
		{[]string{"user", "add", "--office", office, "--name", "X", "--roles", "raja"}, "Peran berisi pilihan yang tidak dikenal"},
		{[]string{"user", "add", "--office", office, "--name", "X", "--roles", "admin", "--nip", "123"}, "NIP harus 18 angka"},
		{[]string{"user", "add", "--office", data.NewID(), "--name", "X", "--roles", "admin"}, "tidak ditemukan"},
		{[]string{"user", "reset-password", data.NewID()}, "tidak ditemukan"},
	}
	for _, c := range bad {
		if _, err := cmd(c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want %q", c.args, err, c.want)
		}
	}
}
