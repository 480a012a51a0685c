package demo

import "github.com/humasdesk/humasdesk/data"

// offices is the demo's content: what a kabupaten KPU humas office and a
// provincial Diskominfo in Yogyakarta actually work on outside an election
// year (continuous voter-data updating, voter education, evaluation).
func offices() []demoOffice {
	kpu := &data.Office{
		Name: "Komisi Pemilihan Umum Kabupaten Sleman", Kind: "kpu", Level: "kabupaten",
		Region: "Kabupaten Sleman, D.I. Yogyakarta", Address: "Jl. KRT Pringgodiningrat No. 1, Beran, Tridadi, Sleman 55511",
		Phone: "(0274) 868405", Email: "humas@kpu-slemankab.go.id", Website: "https://kab-sleman.kpu.go.id",
		HeadName: "Dr. Ahmad Shidqi, S.H., M.H.", HeadPosition: "Ketua KPU Kabupaten Sleman",
		HeadNIP: "197805122005011003", SignerPlace: "Sleman",
	}
	kpu.ID = KPUOfficeID
	dkf := &data.Office{
		Name: "Dinas Komunikasi dan Informatika Daerah Istimewa Yogyakarta", Kind: "diskominfo", Level: "provinsi",
		Region: "Daerah Istimewa Yogyakarta", Address: "Jl. Brigjen Katamso, Keparakan, Mergangsan, Yogyakarta 55152",
		Phone: "(0274) 373175", Email: "diskominfo@jogjaprov.go.id", Website: "https://diskominfo.jogjaprov.go.id",
		HeadName: "Ir. Sri Wahyuningsih Hapsari, M.Si.", HeadPosition: "Kepala Dinas Komunikasi dan Informatika",
		HeadNIP: "196912251995032002", SignerPlace: "Yogyakarta",
	}
	dkf.ID = DiskominfoOfficeID
	return []demoOffice{
		{office: kpu, agencies: kpuAgencies(), entries: kpuEntries, drafts: kpuDrafts, perMonth: 10},
		{office: dkf, agencies: diskominfoAgencies(), entries: diskominfoEntries, drafts: diskominfoDrafts, perMonth: 4},
	}
}

func ig(handle string) data.List[data.SocialAccount] {
	return data.List[data.SocialAccount]{{Platform: "instagram", Handle: handle}}
}

func kpuAgencies() []*data.Agency {
	return []*data.Agency{
		{Name: "Bawaslu Kabupaten Sleman", Kind: "bawaslu", Level: "kabupaten", Region: "Sleman", ContactPerson: "Arjuna Al Ichsan", Phone: "(0274) 4360234", Email: "set.sleman@bawaslu.go.id", Website: "https://sleman.bawaslu.go.id", SocialAccounts: ig("@bawaslusleman")},
		{Name: "Dinas Komunikasi dan Informatika Kabupaten Sleman", Kind: "diskominfo", Level: "kabupaten", Region: "Sleman", ContactPerson: "Eka Suryo Prihantoro", Phone: "(0274) 868405", Email: "kominfo@slemankab.go.id", Website: "https://kominfo.slemankab.go.id", SocialAccounts: data.List[data.SocialAccount]{{Platform: "instagram", Handle: "@kominfosleman"}, {Platform: "youtube", Handle: "@SlemanTV"}}},
		{Name: "Bagian Protokol dan Komunikasi Pimpinan Setda Sleman", Kind: "humas", Level: "kabupaten", Region: "Sleman", ContactPerson: "Dwi Anta Sudibya"},
		{Name: "KPU Daerah Istimewa Yogyakarta", Kind: "kpu", Level: "provinsi", Region: "D.I. Yogyakarta", Website: "https://diy.kpu.go.id", SocialAccounts: ig("@kpu_diy")},
		{Name: "Kepolisian Resor Sleman", Kind: "polri", Level: "kabupaten", Region: "Sleman", ContactPerson: "AKP Suparja (Kasi Humas)", Phone: "(0274) 868424"},
		{Name: "Kodim 0732/Sleman", Kind: "tni", Level: "kabupaten", Region: "Sleman"},
		{Name: "Kejaksaan Negeri Sleman", Kind: "kejaksaan", Level: "kabupaten", Region: "Sleman"},
		{Name: "Forkopimda Kabupaten Sleman", Kind: "forkopimda", Level: "kabupaten", Region: "Sleman"},
		{Name: "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sleman", Kind: "lainnya", Level: "kabupaten", Region: "Sleman", ContactPerson: "Bidang Pelayanan Pendaftaran Penduduk"},
		{Name: "SKH Kedaulatan Rakyat", Kind: "media", Region: "Yogyakarta", ContactPerson: "Redaksi Daerah", Email: "redaksi@kr.co.id", Website: "https://www.krjogja.com"},
		{Name: "Tribun Jogja", Kind: "media", Region: "Yogyakarta", Website: "https://jogja.tribunnews.com", SocialAccounts: ig("@tribunjogja")},
		{Name: "LPP RRI Yogyakarta", Kind: "media", Region: "Yogyakarta", Website: "https://rri.co.id/yogyakarta"},
		{Name: "Persatuan Wartawan Indonesia Sleman", Kind: "media", Region: "Sleman"},
		{Name: "Relawan Demokrasi Kabupaten Sleman", Kind: "komunitas", Region: "Sleman", ContactPerson: "Nur Azizah"},
		{Name: "Sasana Inklusi dan Gerakan Advokasi Difabel (SIGAB)", Kind: "komunitas", Region: "Sleman"},
		{Name: "Liaison Officer Partai Politik Peserta Pemilu Kab. Sleman", Kind: "partai", Region: "Sleman", Notes: "Forum penghubung; undang bersama-sama agar perlakuan setara."},
	}
}

func diskominfoAgencies() []*data.Agency {
	return []*data.Agency{
		{Name: "Biro Umum, Hubungan Masyarakat, dan Protokol Setda DIY", Kind: "humas", Level: "provinsi", Region: "D.I. Yogyakarta", SocialAccounts: ig("@humas_jogja")},
		{Name: "KPU Daerah Istimewa Yogyakarta", Kind: "kpu", Level: "provinsi", Region: "D.I. Yogyakarta", Website: "https://diy.kpu.go.id"},
		{Name: "Bawaslu Daerah Istimewa Yogyakarta", Kind: "bawaslu", Level: "provinsi", Region: "D.I. Yogyakarta"},
		{Name: "Diskominfo Kota Yogyakarta", Kind: "diskominfo", Level: "kota", Region: "Kota Yogyakarta"},
		{Name: "Diskominfo Kabupaten Bantul", Kind: "diskominfo", Level: "kabupaten", Region: "Bantul"},
		{Name: "Diskominfo Kabupaten Gunungkidul", Kind: "diskominfo", Level: "kabupaten", Region: "Gunungkidul"},
		{Name: "Kepolisian Daerah DIY", Kind: "polri", Level: "provinsi", Region: "D.I. Yogyakarta"},
		{Name: "Harian Jogja", Kind: "media", Region: "Yogyakarta", Website: "https://jogjapolitan.harianjogja.com"},
		{Name: "Jogja TV", Kind: "media", Region: "Yogyakarta"},
		{Name: "Masyarakat Antifitnah Indonesia (Mafindo) Yogyakarta", Kind: "komunitas", Region: "Yogyakarta", Notes: "Mitra cek fakta untuk klarifikasi hoaks."},
	}
}

var kpuEntries = []entryPlan{
	{1, "lainnya", "Kunjungan silaturahmi ke redaksi SKH Kedaulatan Rakyat", "Kantor Redaksi KR, Yogyakarta", false},
	{2, "rapat_koordinasi", "Rapat koordinasi Pemutakhiran Data Pemilih Berkelanjutan dengan Dinas Dukcapil", "Aula KPU Kabupaten Sleman", false},
	{3, "publikasi", "Publikasi rekapitulasi Daftar Pemilih Berkelanjutan semester berjalan", "Situs web dan media sosial KPU Sleman", true},
	{4, "sosialisasi", "Sosialisasi pendidikan pemilih pemula di SMA Negeri 1 Depok", "SMA Negeri 1 Depok, Sleman", false},
	{5, "sarana", "Pembaruan konten videotron dan papan informasi publik", "Halaman Kantor KPU Kabupaten Sleman", false},
	{6, "monitoring_media", "Monitoring pemberitaan media tentang kinerja KPU", "Ruang Humas KPU Kabupaten Sleman", false},
	{7, "lainnya", "Evaluasi dan perencanaan publikasi bulanan", "Ruang Rapat Sekretariat", false},
	{8, "pelatihan", "Pelatihan penulisan siaran pers bagi staf sekretariat", "Aula KPU Kabupaten Sleman", false},
	{4, "sosialisasi", "Sosialisasi hak pilih bagi penyandang disabilitas bersama SIGAB", "Balai Desa Sardonoharjo, Ngaglik", false},
	{6, "klarifikasi_hoaks", "Klarifikasi hoaks pencoretan massal pemilih di media sosial", "Instagram dan situs web KPU Sleman", true},
	{2, "rapat_koordinasi", "Rapat kerja sama publikasi dengan Diskominfo Kabupaten Sleman", "Kantor Diskominfo Sleman", false},
	{3, "publikasi", "Siaran pers hasil evaluasi penyelenggaraan Pilkada 2024", "Ruang Media Center KPU Sleman", false},
	{1, "rapat_koordinasi", "Temu jejaring dengan Relawan Demokrasi dan komunitas pemuda", "Pendopo Kecamatan Mlati", false},
	{4, "sosialisasi", "Gelar wicara pendidikan pemilih di LPP RRI Yogyakarta", "Studio RRI Yogyakarta", false},
}

var kpuDrafts = []draftPlan{
	{"siaran_pers", "KPU Sleman Umumkan Rekapitulasi Daftar Pemilih Berkelanjutan", "Pemutakhiran Data Pemilih Berkelanjutan", []string{"siaran_pers", "website"}},
	{"narasi_tahapan", "Cek Data Pemilihmu di cekdptonline.kpu.go.id", "Pemutakhiran Data Pemilih Berkelanjutan", []string{"instagram", "facebook", "x"}},
	{"klarifikasi_hoaks", "Klarifikasi: Tidak Benar Ada Pencoretan Massal Pemilih di Sleman", "", []string{"instagram", "website", "x"}},
	{"pengumuman", "Pengumuman Seleksi Anggota PPK untuk Pemilu 2029", "Persiapan Pemilu 2029", []string{"website", "baliho"}},
	{"siaran_pers", "KPU Sleman Gandeng SIGAB untuk Pemilu yang Inklusif", "Pendidikan Pemilih", []string{"siaran_pers", "website", "instagram"}},
	{"narasi_tahapan", "Mengapa Pemilih Pemula Perlu Mengecek Data Sejak Dini", "Pendidikan Pemilih", []string{"instagram", "tiktok"}},
	{"siaran_pers", "Evaluasi Pilkada 2024: Partisipasi Pemilih Sleman Capai 78 Persen", "Evaluasi Pilkada 2024", []string{"siaran_pers", "website"}},
	{"pengumuman", "Jadwal Layanan Informasi Publik Selama Libur Nasional", "", []string{"website", "instagram"}},
	{"narasi_tahapan", "Podcast: Cerita Petugas KPPS dari Lereng Merapi", "Pendidikan Pemilih", []string{"youtube", "radio"}},
	{"klarifikasi_hoaks", "Klarifikasi: Pesan Berantai Pendaftaran Pemilih Berbayar Adalah Hoaks", "", []string{"instagram", "facebook", "website"}},
	{"siaran_pers", "KPU Sleman Terima Kunjungan Mahasiswa Ilmu Pemerintahan", "", []string{"website"}},
	{"lainnya", "Infografis Rekap Kegiatan Kehumasan Triwulan", "", []string{"instagram", "facebook"}},
	{"narasi_tahapan", "Pemilih Pindah Domisili? Begini Cara Memperbarui Data", "Pemutakhiran Data Pemilih Berkelanjutan", []string{"instagram", "x", "tiktok"}},
	{"siaran_pers", "Rapat Koordinasi PDPB Bersama Dukcapil dan Bawaslu", "Pemutakhiran Data Pemilih Berkelanjutan", []string{"siaran_pers", "website"}},
	{"pengumuman", "Pembukaan Layanan Pengaduan Data Pemilih", "Pemutakhiran Data Pemilih Berkelanjutan", []string{"website", "baliho", "radio"}},
}

var diskominfoEntries = []entryPlan{
	{2, "rapat_koordinasi", "Rapat koordinasi Bakohumas DIY", "Ruang Rapat Diskominfo DIY", false},
	{3, "publikasi", "Diseminasi informasi program Keistimewaan DIY", "Kanal media sosial Pemda DIY", true},
	{6, "klarifikasi_hoaks", "Klarifikasi hoaks bantuan sosial palsu bersama Mafindo", "jogjaprov.go.id", true},
	{8, "pelatihan", "Bimbingan teknis pengelola media sosial OPD se-DIY", "Hotel Grand Inna Malioboro", false},
	{1, "lainnya", "Forum jejaring pranata humas kabupaten/kota se-DIY", "Bale Raos, Yogyakarta", false},
	{5, "sarana", "Pemeliharaan sistem siaran langsung dan studio mini", "Studio Diskominfo DIY", false},
	{7, "lainnya", "Evaluasi kinerja kehumasan OPD triwulanan", "Ruang Rapat Diskominfo DIY", false},
	{4, "sosialisasi", "Literasi digital anti-hoaks bagi karang taruna", "Balai Desa Wonokromo, Bantul", false},
}

var diskominfoDrafts = []draftPlan{
	{"siaran_pers", "Pemda DIY Perkuat Kolaborasi Bakohumas Kabupaten/Kota", "", []string{"siaran_pers", "website"}},
	{"klarifikasi_hoaks", "Waspada Hoaks Pendaftaran Bantuan Sosial Lewat Tautan Palsu", "", []string{"instagram", "facebook", "x", "website"}},
	{"pengumuman", "Pendaftaran Bimtek Pengelola Media Sosial OPD Dibuka", "", []string{"website"}},
	{"siaran_pers", "Diskominfo DIY Luncurkan Kanal Aduan Informasi Publik", "", []string{"siaran_pers", "website", "radio"}},
	{"lainnya", "Agenda Publikasi Bulanan OPD se-DIY", "", []string{"website"}},
}
