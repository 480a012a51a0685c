package main

import (
	"github.com/humasdesk/humasdesk/cmd/internal/clihelp"
	"github.com/humasdesk/humasdesk/data"
)

// dbFlagHelp is the --db line every verb that opens the database shares.
var dbFlagHelp = data.Text{
	ID: "  --db FILE     database (bawaan: $HUMASDESK_DB, atau humasdesk.db di folder konfigurasi)\n",
	EN: "  --db FILE     database (default: $HUMASDESK_DB, or humasdesk.db in the configuration folder)\n",
}

// withDB appends the --db line to a verb's flags.
func withDB(t data.Text) data.Text {
	return data.Text{ID: t.ID + dbFlagHelp.ID, EN: t.EN + dbFlagHelp.EN}
}

// program is humasdesk's command line, in the order `humasdesk help`
// lists it. Every verb of run has an entry here (TestHelpEveryVerb).
var program = clihelp.Program{
	Name:   "humasdesk",
	Header: data.Text{ID: "Humas Desk — aplikasi kehumasan untuk Pemda, KPU, dan Bawaslu", EN: "Humas Desk — public relations desk for local governments, KPU and Bawaslu"},
	Footer: data.Text{
		ID: "Database: --db FILE, atau $HUMASDESK_DB, atau humasdesk.db di folder\nkonfigurasi pengguna. Bahasa pesan: bahasa tampilan di Pengaturan, atau\nLANG (en_* untuk bahasa Inggris).\n",
		EN: "Database: --db FILE, or $HUMASDESK_DB, or humasdesk.db in the user's\nconfiguration folder. Message language: the display language in the\nsettings, or LANG (en_* for English).\n",
	},
	Verbs: []clihelp.Verb{
		{Name: "", Synopsis: "humasdesk [--db FILE]",
			Summary: data.Text{ID: "buka jendela aplikasi", EN: "open the application window"},
			Detail:  withDB(data.Text{})},
		{Name: "demo", Synopsis: "humasdesk demo [--db FILE] [--year TAHUN]",
			Summary: data.Text{ID: "isi database dengan data contoh", EN: "fill the database with demo data"},
			Detail: withDB(data.Text{
				ID: "  --year TAHUN  tahun kegiatan contoh (bawaan: tahun ini)\n",
				EN: "  --year YEAR   year of the demo activities (default: this year)\n"})},
		{Name: "export", Synopsis: "humasdesk export [--db FILE] --year TAHUN (--quarter 1-4 | --annual) --out FILE [--format pdf|xlsx|csv] [--rollup] [--office ID] [--number NOMOR] [--reuse-number]",
			Summary: data.Text{ID: "buat laporan triwulan/tahunan (PDF, XLSX, CSV)", EN: "make a quarterly/annual report (PDF, XLSX, CSV)"},
			Detail: withDB(data.Text{
				ID: "Nomor laporan diambil dari register nomor laporan.\n\n" +
					"  --year TAHUN       tahun laporan\n  --quarter 1-4      triwulan\n  --annual           seluruh tahun\n" +
					"  --out FILE         berkas hasil\n  --format F         pdf, xlsx, atau csv (bawaan: dari akhiran --out)\n" +
					"  --rollup           sertakan kantor di bawah kantor ini\n  --office ID        kantor (bawaan: kantor instalasi ini)\n" +
					"  --number NOMOR     nomor dokumen (bawaan: pola di Pengaturan)\n  --reuse-number     pakai lagi nomor terakhir laporan ini\n",
				EN: "The report number comes from the register of report numbers.\n\n" +
					"  --year YEAR        report year\n  --quarter 1-4      quarter\n  --annual           the whole year\n" +
					"  --out FILE         output file\n  --format F         pdf, xlsx or csv (default: from --out's extension)\n" +
					"  --rollup           include the offices under this one\n  --office ID        office (default: this installation's)\n" +
					"  --number NUMBER    document number (default: the settings' pattern)\n  --reuse-number     give the report its last issued number again\n"})},
		{Name: "numbers", Synopsis: "humasdesk numbers [--db FILE] [--out FILE.csv]",
			Summary: data.Text{ID: "tulis register nomor laporan sebagai CSV", EN: "write the register of report numbers as CSV"},
			Detail: withDB(data.Text{
				ID: "Menulis register nomor laporan (setiap nomor yang pernah diterbitkan\naplikasi atau 'humasdesk export', termasuk dari perangkat lain kantor\nini setelah sinkronisasi) sebagai CSV: nomor, tanggal terbit, periode,\njenis, oleh, file, format, keterangan, status. Tanpa --out, CSV ditulis\nke layar. Nomor yang bentrok dengan perangkat lain tercantum paling atas\ndengan status \"Bentrok\".\n\n  --out FILE.csv  berkas CSV (bawaan: layar)\n",
				EN: "Writes the register of report numbers (every number the application\nor 'humasdesk export' issued, including other devices of this office\nafter a sync) as CSV: number, date issued, period, kind, by, file,\nformat, note, status. Without --out, the CSV goes to the screen.\nNumbers in conflict with another device come first, with status\n\"Bentrok\".\n\n  --out FILE.csv  CSV file (default: the screen)\n"})},
		{Name: "import", Synopsis: "humasdesk import [--db FILE] --kind entries|agencies|clippings [--check] FILE.csv",
			Summary: data.Text{ID: "impor kegiatan/instansi/kliping dari CSV (semua atau tidak sama sekali)", EN: "import activities/agencies/clippings from CSV (all or nothing)"},
			Detail: withDB(data.Text{
				ID: "  --kind entries    kegiatan (entri laporan)\n  --kind agencies   instansi\n  --kind clippings  kliping media\n  --check           hanya periksa berkas; tidak menyimpan apa pun\n  --template        tulis templat CSV kosong ke FILE.csv\n",
				EN: "  --kind entries    activities (report entries)\n  --kind agencies   agencies\n  --kind clippings  media clippings\n  --check           check the file only; store nothing\n  --template        write an empty CSV template to FILE.csv\n"})},
		{Name: "enroll", Synopsis: "humasdesk enroll [--db FILE] --server URL --code KODE [--name NAMA]",
			Summary: data.Text{ID: "daftarkan perangkat ini ke server sinkronisasi", EN: "register this device with a sync server"},
			Detail: withDB(data.Text{
				ID: "  --server URL   alamat server, mis. https://sync.contoh.go.id\n  --code KODE    kode pendaftaran sekali pakai dari admin\n  --name NAMA    nama perangkat ini (bawaan: nama komputer)\n",
				EN: "  --server URL   server address, e.g. https://sync.example.go.id\n  --code CODE    one-time enrollment code from the administrator\n  --name NAME    a name for this device (default: the host name)\n"})},
		{Name: "sync", Synopsis: "humasdesk sync [--db FILE]",
			Summary: data.Text{ID: "satu putaran sinkronisasi penuh", EN: "one full sync round"},
			Detail:  withDB(data.Text{})},
		{Name: "check", Synopsis: "humasdesk check [--db FILE] (--draft ID | --text FILE) [--election]",
			Summary: data.Text{ID: "periksa netralitas konten; keluar 1 bila ada temuan", EN: "check content for neutrality; exit 1 when anything is found"},
			Detail: withDB(data.Text{
				ID: "  --draft ID    konten tersimpan\n  --text FILE   berkas teks (baris pertama = judul)\n  --election    perlakukan sebagai konten kepemiluan\n",
				EN: "  --draft ID    a stored draft\n  --text FILE   a text file (first line = title)\n  --election    treat it as election content\n"})},
		{Name: "backup", Synopsis: "humasdesk backup [--db FILE] [--out FILE|FOLDER]",
			Summary: data.Text{ID: "buat arsip cadangan: database, foto, dan lampiran", EN: "make a backup archive: the database, photos and attachments"},
			Detail: withDB(data.Text{
				ID: "Membuat arsip cadangan (ZIP): salinan database yang utuh, semua foto\ndokumentasi, dan manifest berisi hash SHA-256 setiap berkas. Arsip ditulis\ndengan nama sementara, diperiksa ulang, lalu diberi namanya; cadangan yang\ngagal tidak meninggalkan berkas.\n\n  --out TUJUAN  berkas arsip, atau folder (nama humasdesk-cadangan-WAKTU.zip);\n                bawaan: folder cadangan terjadwal (Pengaturan → Cadangan)\n",
				EN: "Makes a backup archive (ZIP): a consistent copy of the database, every\nphoto, and a manifest with each file's SHA-256 hash. The archive is\nwritten under a temporary name, checked again, then renamed; a failed\nbackup leaves no file.\n\n  --out DEST    archive file, or a folder (named humasdesk-cadangan-TIME.zip);\n                default: the scheduled backups' folder (Settings → Backup)\n"})},
		{Name: "restore", Synopsis: "humasdesk restore [--db FILE] [--check] ARSIP",
			Summary: data.Text{ID: "periksa (--check) atau pulihkan arsip cadangan", EN: "check (--check) or restore a backup archive"},
			Detail: withDB(data.Text{
				ID: "Memulihkan database dan foto dari arsip cadangan (atau dari salinan .db).\nSeluruh arsip diperiksa lebih dulu (manifest, hash setiap berkas,\nintegritas database); arsip yang rusak ditolak dan data tidak diubah.\nDatabase yang sekarang disimpan dulu di folder backups/. Tutup Humas Desk\nsebelum memulihkan.\n\n  --check     hanya periksa arsip dan tampilkan isinya; tidak mengubah apa pun\n",
				EN: "Restores the database and photos from a backup archive (or a .db copy).\nThe whole archive is checked first (manifest, each file's hash, database\nintegrity); a damaged archive is refused and nothing changes. The\ncurrent database is kept in the backups/ folder first. Close Humas Desk\nbefore restoring.\n\n  --check     only check the archive and show what it holds; change nothing\n"})},
		{Name: "bench", Synopsis: "humasdesk bench [--db FILE] [--entries N] [--drafts N] [--agencies N] [--seed N] [--runs N]",
			Summary: data.Text{ID: "ukur kecepatan daftar dan pencarian", EN: "measure list and search speed"},
			Detail: data.Text{
				ID: "  --db FILE      database (bawaan: berkas sementara yang disimpan ulang)\n  --entries N    jumlah kegiatan yang dibuat\n  --drafts N     jumlah konten yang dibuat\n  --agencies N   jumlah instansi yang dibuat\n  --seed N       benih pembangkit data\n  --runs N       jumlah pengukuran tiap kueri\n",
				EN: "  --db FILE      database (default: a cached file in the temporary folder)\n  --entries N    report entries to generate\n  --drafts N     drafts to generate\n  --agencies N   agencies to generate\n  --seed N       generator seed\n  --runs N       timed runs of each query\n"}},
		{Name: "version", Synopsis: "humasdesk version",
			Summary: data.Text{ID: "tampilkan versi", EN: "print the version"}},
		{Name: "help", Synopsis: "humasdesk help [PERINTAH]",
			Summary: data.Text{ID: "tampilkan bantuan ini, atau bantuan satu perintah", EN: "print this help, or one command's help"}},
	},
}
