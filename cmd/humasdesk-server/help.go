package main

import (
	"github.com/humasdesk/humasdesk/cmd/internal/clihelp"
	"github.com/humasdesk/humasdesk/data"
)

// dbHelp is the --db line of every verb that opens the server database.
var dbHelp = data.Text{
	ID: "  --db FILE|URL   berkas SQLite atau URL postgres:// (bawaan: $HUMASDESK_SERVER_DB atau humasdesk-server.db)\n",
	EN: "  --db FILE|URL   SQLite file or postgres:// URL (default: $HUMASDESK_SERVER_DB or humasdesk-server.db)\n",
}

// withDB appends the --db line to a verb's flags.
func withDB(t data.Text) data.Text { return data.Text{ID: t.ID + dbHelp.ID, EN: t.EN + dbHelp.EN} }

// program is humasdesk-server's command line, in the order `help` lists
// it. Every verb of run has an entry here (TestHelpEveryVerb).
var program = clihelp.Program{
	Name:   "humasdesk-server",
	Header: data.Text{ID: "humasdesk-server — server sinkronisasi Humas Desk", EN: "humasdesk-server — the Humas Desk sync server"},
	Footer: data.Text{
		ID: "Semua opsi juga dapat diberikan lewat lingkungan: HUMASDESK_SERVER_DB,\nHUMASDESK_SERVER_ADDR, HUMASDESK_SERVER_TLS_CERT, HUMASDESK_SERVER_TLS_KEY.\nBahasa pesan mengikuti LANG (en_* untuk bahasa Inggris).\n",
		EN: "Every option can also come from the environment: HUMASDESK_SERVER_DB,\nHUMASDESK_SERVER_ADDR, HUMASDESK_SERVER_TLS_CERT, HUMASDESK_SERVER_TLS_KEY.\nThe message language follows LANG (en_* for English).\n",
	},
	Verbs: []clihelp.Verb{
		{Name: "serve", Synopsis: "humasdesk-server serve [--addr 127.0.0.1:8080] [--db FILE|postgres://…] [--tls-cert F --tls-key F]",
			Summary: data.Text{ID: "jalankan server sinkronisasi", EN: "run the sync server"},
			Detail: withDB(data.Text{
				ID: "Baris pertama keluaran, \"listening on ALAMAT\", menyebut alamat yang\ndipakai (berguna dengan port :0).\n\n  --addr ALAMAT   alamat dengar (bawaan: $HUMASDESK_SERVER_ADDR atau 127.0.0.1:8080)\n  --tls-cert F    sertifikat TLS (PEM)\n  --tls-key F     kunci TLS (PEM); diisi bersama --tls-cert\n",
				EN: "The first output line, \"listening on ADDRESS\", names the address in\nuse (handy with port :0).\n\n  --addr ADDRESS  listen address (default: $HUMASDESK_SERVER_ADDR or 127.0.0.1:8080)\n  --tls-cert F    TLS certificate (PEM)\n  --tls-key F     TLS key (PEM); given together with --tls-cert\n"})},
		{Name: "office add", Synopsis: "humasdesk-server office add --name NAMA --level pusat|provinsi|kabupaten|kota [--kind K] [--parent ID]",
			Summary: data.Text{ID: "tambah kantor; mencetak ID-nya", EN: "add an office; prints its ID"},
			Detail: withDB(data.Text{
				ID: "  --name NAMA     nama kantor\n  --level L       pusat, provinsi, kabupaten, atau kota\n  --kind K        kpu, bawaslu, pemda_humas, diskominfo, atau lainnya\n  --parent ID     kantor induk\n",
				EN: "  --name NAME     office name\n  --level L       pusat, provinsi, kabupaten or kota\n  --kind K        kpu, bawaslu, pemda_humas, diskominfo or lainnya\n  --parent ID     parent office\n"})},
		{Name: "office list", Synopsis: "humasdesk-server office list",
			Summary: data.Text{ID: "daftar kantor", EN: "list the offices"}, Detail: withDB(data.Text{})},
		{Name: "enroll", Synopsis: "humasdesk-server enroll --office ID [--ttl 72h]",
			Summary: data.Text{ID: "buat kode pendaftaran perangkat sekali pakai", EN: "make a one-time device enrollment code"},
			Detail: withDB(data.Text{
				ID: "  --office ID     kantor perangkat\n  --ttl DURASI    masa berlaku kode (1 detik sampai 30 hari; bawaan 72h)\n",
				EN: "  --office ID     the device's office\n  --ttl DURATION  how long the code stays valid (1s to 30 days; default 72h)\n"})},
		{Name: "device list", Synopsis: "humasdesk-server device list",
			Summary: data.Text{ID: "daftar perangkat terdaftar", EN: "list the enrolled devices"}, Detail: withDB(data.Text{})},
		{Name: "device revoke", Synopsis: "humasdesk-server device revoke ID",
			Summary: data.Text{ID: "cabut perangkat; ia tidak dapat bersinkronisasi lagi", EN: "revoke a device; it can no longer sync"}, Detail: withDB(data.Text{})},
		{Name: "user add", Synopsis: "humasdesk-server user add --office ID --name NAMA --roles admin[,penyusun,verifikator,penandatangan,koordinator] [--position JABATAN] [--nip NIP]",
			Summary: data.Text{ID: "tambah pengguna; mencetak kata sandi awal sekali", EN: "add a user; prints the initial password once"},
			Detail: withDB(data.Text{
				ID: "  --office ID     kantor\n  --name NAMA     nama orang\n  --roles PERAN   dipisah koma: admin, penyusun, verifikator, penandatangan, koordinator\n  --position J    jabatan\n  --nip NIP       NIP (18 angka), boleh kosong\n",
				EN: "  --office ID     office\n  --name NAME     the person's name\n  --roles ROLES   comma-separated: admin, penyusun, verifikator, penandatangan, koordinator\n  --position P    position (jabatan)\n  --nip NIP       NIP (18 digits), optional\n"})},
		{Name: "user reset-password", Synopsis: "humasdesk-server user reset-password ID",
			Summary: data.Text{ID: "beri pengguna kata sandi baru; mencetaknya sekali", EN: "give a user a new password; prints it once"}, Detail: withDB(data.Text{})},
		{Name: "user list", Synopsis: "humasdesk-server user list --office ID",
			Summary: data.Text{ID: "daftar pengguna satu kantor", EN: "list an office's users"}, Detail: withDB(data.Text{})},
		{Name: "version", Synopsis: "humasdesk-server version",
			Summary: data.Text{ID: "tampilkan versi", EN: "print the version"}},
		{Name: "help", Synopsis: "humasdesk-server help [PERINTAH]",
			Summary: data.Text{ID: "tampilkan bantuan ini, atau bantuan satu perintah", EN: "print this help, or one command's help"}},
	},
}
