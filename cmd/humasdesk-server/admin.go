package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/humasdesk/humasdesk/server"
)

func withStore(db string, fn func(*server.Store) error) error {
	st, err := server.OpenStore(db)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}

func runOfficeAdd(args []string, out io.Writer) error {
	fs := flags("office add")
	db := dbFlag(fs)
	name := fs.String("name", "", "office name")
	level := fs.String("level", "", "pusat, provinsi, kabupaten or kota")
	kind := fs.String("kind", "", "kpu, bawaslu, pemda_humas, diskominfo or lainnya")
	parent := fs.String("parent", "", "parent office id")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if *name == "" || *level == "" {
		return usageError{say("office add: --name dan --level wajib diisi", "office add: --name and --level are required")}
	}
	return withStore(*db, func(st *server.Store) error {
		o, err := st.AddOffice(context.Background(), *name, *kind, *level, *parent)
		if err != nil {
			return err
		}
		fmt.Fprintln(out, o.ID)
		return nil
	})
}

func runOfficeList(args []string, out io.Writer) error {
	fs := flags("office list")
	db := dbFlag(fs)
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	return withStore(*db, func(st *server.Store) error {
		offices, err := st.Offices(context.Background())
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, say("ID\tNAMA\tTINGKAT\tINDUK", "ID\tNAME\tLEVEL\tPARENT"))
		for _, o := range offices {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", o.ID, o.Name, o.Level, o.ParentID)
		}
		return tw.Flush()
	})
}

func runEnroll(args []string, out io.Writer) error {
	fs := flags("enroll")
	db := dbFlag(fs)
	office := fs.String("office", "", "office id")
	ttl := fs.Duration("ttl", server.EnrollmentTTL, "how long the code stays valid")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if *office == "" {
		return usageError{say("enroll: --office ID wajib diisi", "enroll: --office ID is required")}
	}
	if *ttl <= 0 || *ttl > 30*24*time.Hour {
		return usageError{say("enroll: --ttl harus antara 1 detik dan 30 hari", "enroll: --ttl must be between 1 second and 30 days")}
	}
	return withStore(*db, func(st *server.Store) error {
		code, exp, err := st.NewEnrollment(context.Background(), *office, *ttl)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, say("%s\nberlaku sampai %s (sekali pakai)\n", "%s\nvalid until %s (single use)\n"), code, exp.Local().Format("2006-01-02 15:04 MST"))
		return nil
	})
}

func runDeviceList(args []string, out io.Writer) error {
	fs := flags("device list")
	db := dbFlag(fs)
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	return withStore(*db, func(st *server.Store) error {
		devs, err := st.Devices(context.Background())
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, say("ID\tKANTOR\tNAMA\tTERDAFTAR\tTERAKHIR\tSTATUS", "ID\tOFFICE\tNAME\tENROLLED\tLAST SEEN\tSTATUS"))
		for _, d := range devs {
			status, seen := say("aktif", "active"), "-"
			if d.RevokedAt != nil {
				status = say("dicabut", "revoked")
			}
			if d.LastSeen != nil {
				seen = d.LastSeen.Local().Format("2006-01-02 15:04")
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", d.ID, d.OfficeID, d.Name, d.CreatedAt.Local().Format("2006-01-02 15:04"), seen, status)
		}
		return tw.Flush()
	})
}

func runDeviceRevoke(args []string, out io.Writer) error {
	fs := flags("device revoke")
	db := dbFlag(fs)
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	return withStore(*db, func(st *server.Store) error {
		if err := st.RevokeDevice(context.Background(), fs.Arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(out, say("perangkat %s dicabut\n", "device %s revoked\n"), fs.Arg(0))
		return nil
	})
}
