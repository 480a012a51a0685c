package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/server"
)

// runUserAdd creates a person of an office (its first admin, typically)
// and prints the one-time initial password, the only time it is shown.
func runUserAdd(args []string, out io.Writer) error {
	fs := flags("user add")
	db := dbFlag(fs)
	office := fs.String("office", "", "office id")
	name := fs.String("name", "", "the person's name")
	roles := fs.String("roles", "", "comma-separated: admin, penyusun, verifikator, penandatangan, koordinator")
	position := fs.String("position", "", "position (jabatan)")
	nip := fs.String("nip", "", "NIP (18 digits), optional")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if *office == "" || *name == "" || *roles == "" {
		return usageError{say("user add: --office, --name dan --roles wajib diisi", "user add: --office, --name and --roles are required")}
	}
	p := data.Person{Name: *name, Position: *position, NIP: *nip, Roles: strings.Split(*roles, ",")}
	return withStore(*db, func(st *server.Store) error {
		made, password, err := st.AddPerson(context.Background(), *office, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, say("pengguna %s (%s) dibuat: %s\n", "user %s (%s) made: %s\n"), made.Name, data.RolesText(made.Roles, lang), made.ID)
		fmt.Fprintf(out, say("kata sandi awal: %s\n", "initial password: %s\n"), password)
		fmt.Fprintln(out, say("sampaikan kata sandi ini kepada yang bersangkutan; ia wajib menggantinya saat pertama masuk (ditampilkan sekali ini saja)", "give this password to the person; they must change it when they first sign in (shown this once only)"))
		return nil
	})
}

// runUserReset gives a person a new one-time password.
func runUserReset(args []string, out io.Writer) error {
	fs := flags("user reset-password")
	db := dbFlag(fs)
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	return withStore(*db, func(st *server.Store) error {
		password, err := st.ResetPassword(context.Background(), fs.Arg(0))
		if err != nil {
			return err
		}
		fmt.Fprintf(out, say("kata sandi baru untuk %s: %s\n", "new password for %s: %s\n"), fs.Arg(0), password)
		fmt.Fprintln(out, say("berlaku setelah perangkat kantor bersinkronisasi; wajib diganti saat masuk (ditampilkan sekali ini saja)", "valid once the office's devices have synced; must be changed at sign-in (shown this once only)"))
		return nil
	})
}

func runUserList(args []string, out io.Writer) error {
	fs := flags("user list")
	db := dbFlag(fs)
	office := fs.String("office", "", "office id")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if *office == "" {
		return usageError{say("user list: --office ID wajib diisi", "user list: --office ID is required")}
	}
	return withStore(*db, func(st *server.Store) error {
		people, err := st.People(context.Background(), *office)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, say("ID\tNAMA\tJABATAN\tPERAN\tSTATUS", "ID\tNAME\tPOSITION\tROLES\tSTATUS"))
		for _, p := range people {
			status := say("aktif", "active")
			if !p.Active {
				status = say("nonaktif", "inactive")
			} else if p.MustChange {
				status = say("aktif (wajib ganti kata sandi)", "active (must change the password)")
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.ID, p.Name, p.Position, strings.Join(p.Roles, ","), status)
		}
		return tw.Flush()
	})
}
