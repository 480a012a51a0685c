package check

import (
	"slices"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// The fixture office: a regency whose regent is an incumbent, with the
// Pilkada 2024 schedule (candidate pairs determined on 22 September 2024).
// The officials are fictional.
var (
	penetapanPaslon   = data.NewDate(2024, 9, 22)
	penetapanTerpilih = data.NewDate(2025, 1, 9)
	kampanyeFrom      = data.NewDate(2024, 9, 25)
	kampanyeTo        = data.NewDate(2024, 11, 23)
	// A day inside the Pasal 71 window but outside the campaign.
	inWindow  = data.NewDate(2024, 6, 10)
	outWindow = data.NewDate(2024, 1, 10)
)

func fixture() Config {
	cfg := DefaultConfig()
	cfg.Officials = []Official{
		{Name: "Dr. H. Ahmad Santoso, M.Si.", Title: "Bupati Sleman", Aliases: []string{"Mas Ahmad"},
			Taglines: []string{"Sleman Lebih Sejahtera", "Bersama Mas Ahmad"}},
		{Name: "Rina Kartikasari, S.E.", Title: "Wakil Bupati Sleman"},
		{Name: "Bambang Wijaya", Title: "Sekretaris Daerah Kabupaten Sleman"},
	}
	pilkada := func(key, name string, from, to data.Date) data.Stage {
		return data.Stage{Key: key, Name: name, Start: from, End: to, Election: "Pilkada 2024", Category: data.StageElection}
	}
	cfg.Stages = []data.Stage{
		pilkada("coklit", "Pencocokan dan penelitian data pemilih", data.NewDate(2024, 6, 24), data.NewDate(2024, 7, 24)),
		pilkada(StagePenetapanPaslon, "Penetapan pasangan calon", penetapanPaslon, penetapanPaslon),
		pilkada(StageKampanye, "Masa kampanye", kampanyeFrom, kampanyeTo),
		pilkada("masa_tenang", "Masa tenang", data.NewDate(2024, 11, 24), data.NewDate(2024, 11, 26)),
		pilkada("pemungutan_suara", "Pemungutan suara", data.NewDate(2024, 11, 27), data.Date{}), // one day, end unset
		pilkada("rekapitulasi", "Rekapitulasi", data.NewDate(2024, 11, 27), data.NewDate(2024, 12, 16)),
		pilkada(StagePenetapanTerpilih, "Penetapan pasangan calon terpilih", penetapanTerpilih, penetapanTerpilih),
		// Bands that must not extend the Pasal 71 window.
		{Key: "hut_ri", Name: "HUT Kemerdekaan RI", Start: data.NewDate(2025, 8, 17), End: data.NewDate(2025, 8, 17), Category: data.StageNational},
		{Key: "kampanye", Name: "Masa kampanye pemilu", Start: data.NewDate(2028, 11, 1), End: data.NewDate(2029, 2, 1), Election: "Pemilu 2029", Category: data.StageElection},
	}
	return cfg
}

type ruleCase struct {
	name  string
	in    Input
	match string // the matched text of the rule's finding; "" = the rule must find nothing
}

// runRuleCases checks that rule finds exactly tt.match (once) or nothing.
func runRuleCases(t *testing.T, rule string, cases []ruleCase) {
	t.Helper()
	cfg := fixture()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range Check(tt.in, cfg, inWindow) {
				if f.Rule == rule {
					got = append(got, f.Match)
				}
			}
			switch {
			case tt.match == "" && len(got) > 0:
				t.Errorf("unexpected %s finding(s) %q", rule, got)
			case tt.match != "" && !slices.Equal(got, []string{tt.match}):
				t.Errorf("%s findings = %q, want [%q]", rule, got, tt.match)
			}
		})
	}
}

func TestRulePejabat(t *testing.T) {
	runRuleCases(t, RulePejabat, []ruleCase{
		{"narasi tahapan names the regent", Input{Kind: "narasi_tahapan", Title: "Ayo Cek Data Pemilih",
			Body: "Ahmad Santoso mengajak warga memeriksa data pemilih."}, "Ahmad Santoso"},
		{"release mentioning Pilkada names the title", Input{Kind: "siaran_pers", Title: "Persiapan Pilkada 2024",
			Body: "Bupati Sleman menghadiri rapat persiapan Pilkada."}, "Bupati Sleman"},
		{"title and name with honorifics are one finding", Input{Kind: "siaran_pers", ElectionStage: "Pencalonan",
			Body: "Bupati Sleman, Dr. H. Ahmad Santoso, M.Si., membuka acara."}, "Bupati Sleman, Dr. H. Ahmad Santoso"},
		{"bare title before the name", Input{Kind: "narasi_tahapan", Body: "Pesan Bupati Ahmad Santoso untuk pemilih pemula."}, "Bupati Ahmad Santoso"},
		{"alias in content marked as election", Input{Election: true, Body: "Salam dari Mas Ahmad untuk warga."}, "Mas Ahmad"},
		{"deputy's title is the deputy's", Input{Kind: "narasi_tahapan", Body: "Wakil Bupati Sleman hadir."}, "Wakil Bupati Sleman"},
		{"the contested office", Input{Kind: "narasi_tahapan", Title: "Pemilihan Bupati dan Wakil Bupati Sleman Tahun 2024",
			Body: "KPU menetapkan tiga pasangan calon bupati dan wakil bupati Sleman. Debat calon Bupati Sleman digelar pekan depan."}, ""},
		{"after a comma the title is the official", Input{Kind: "siaran_pers",
			Body: "Jelang Pilkada, Bupati Sleman mengimbau warga menjaga kerukunan."}, "Bupati Sleman"},
		{"not election content", Input{Kind: "siaran_pers", Title: "Bupati Sleman Tinjau Pasar",
			Body: "Bupati Sleman, Ahmad Santoso, meninjau harga bahan pokok."}, ""},
		{"institutional mention", Input{Kind: "narasi_tahapan",
			Body: "Pemerintah Kabupaten Sleman mendukung Pilkada yang jujur dan damai."}, ""},
		{"bare title without region", Input{Kind: "narasi_tahapan",
			Body: "Para bupati se-DIY berkomitmen menjaga netralitas ASN pada Pilkada."}, ""},
		{"ambiguous words do not make election content", Input{Kind: "siaran_pers",
			Body: "Bupati Sleman membuka pemilihan duta wisata dan kampanye imunisasi bagi calon pengantin."}, ""},
	})
}

func TestRuleTagline(t *testing.T) {
	runRuleCases(t, RuleTagline, []ruleCase{
		{"in a stage narrative", Input{Kind: "narasi_tahapan", Body: "Gunakan hak pilihmu! Sleman Lebih Sejahtera."}, "Sleman Lebih Sejahtera"},
		{"in the title of election content", Input{Title: "Pilkada Damai, Bersama Mas Ahmad"}, "Bersama Mas Ahmad"},
		{"in a photo caption, case and punctuation aside", Input{Election: true,
			Photos: []PhotoTag{{Caption: "Spanduk: SLEMAN, lebih sejahtera!"}}}, "SLEMAN, lebih sejahtera"},
		{"not election content", Input{Kind: "siaran_pers", Body: "Festival budaya, Sleman Lebih Sejahtera."}, ""},
		{"words apart", Input{Kind: "narasi_tahapan", Body: "Sleman makin sejahtera, lebih dari sebelumnya."}, ""},
		{"different sentence", Input{Kind: "narasi_tahapan", Body: "Datang ke TPS di Sleman. Lebih sejahtera bila partisipasi tinggi."}, ""},
	})
}

func TestRuleFotoPejabat(t *testing.T) {
	runRuleCases(t, RuleFotoPejabat, []ruleCase{
		{"tagged photo on a stage narrative", Input{Kind: "narasi_tahapan",
			Photos: []PhotoTag{{Caption: "Sosialisasi di balai desa", ShowsOfficial: true}}}, "Sosialisasi di balai desa"},
		{"caption names the regent", Input{Title: "Sosialisasi Pilkada 2024",
			Photos: []PhotoTag{{Caption: "Bupati Sleman menyapa warga"}}}, "Bupati Sleman"},
		{"caption names the regent and is tagged", Input{Election: true,
			Photos: []PhotoTag{{Caption: "Foto: Mas Ahmad di TPS", ShowsOfficial: true}}}, "Mas Ahmad"},
		{"tagged photo, not election content", Input{Kind: "siaran_pers", Title: "Bupati Tinjau Banjir",
			Photos: []PhotoTag{{Caption: "Bupati Sleman meninjau banjir", ShowsOfficial: true}}}, ""},
		{"untagged photo of the activity", Input{Kind: "narasi_tahapan",
			Photos: []PhotoTag{{Caption: "Petugas KPPS menyiapkan TPS"}}}, ""},
		{"no photos", Input{Kind: "narasi_tahapan", Body: "Ayo ke TPS."}, ""},
	})
	// The tagged photo without a caption is a finding with an empty match.
	got := Check(Input{Kind: "narasi_tahapan", Photos: []PhotoTag{{Caption: "a"}, {ShowsOfficial: true, Official: "Bupati"}}}, fixture(), inWindow)
	if len(got) != 1 || got[0].Rule != RuleFotoPejabat || got[0].Photo != 2 || got[0].Start != 0 || got[0].End != 0 ||
		!strings.Contains(got[0].Message.ID, "Foto 2") || !strings.Contains(got[0].Message.ID, "(Bupati)") {
		t.Errorf("tagged photo without caption: %+v", got)
	}
}

func TestRuleSARA(t *testing.T) {
	runRuleCases(t, RuleSARA, []ruleCase{
		{"pribumi framing", Input{Body: "Utamakan warga pribumi dalam pelayanan."}, "pribumi"},
		{"labelling as kafir", Input{Body: "Jangan mau dipimpin oleh yang dikafirkan ulama."}, "dikafirkan"},
		{"aliran sesat", Input{Title: "Waspadai Aliran Sesat di Desa"}, "Aliran Sesat"},
		{"asing-aseng", Input{Body: "Tolak calon dukungan asing-aseng!"}, "aseng"},
		{"lost hikers", Input{Body: "Tim SAR mencari dua pendaki yang tersesat di lereng Merapi."}, ""},
		{"misleading information", Input{Body: "Informasi tersebut menyesatkan dan tidak benar."}, ""},
		{"religious harmony", Input{Body: "FKUB mengajak umat beragama menjaga kerukunan antarumat."}, ""},
	})
}

func TestRuleUjaranKebencian(t *testing.T) {
	runRuleCases(t, RuleUjaranKebencian, []ruleCase{
		{"incitement", Input{Body: "Provokator itu menghasut warga untuk menyerang."}, "menghasut"},
		{"call to massacre", Input{Body: "Pesan berantai itu berisi ajakan membantai kelompok lain."}, "membantai"},
		{"political slur", Input{Body: "Dasar kadrun, tidak tahu apa-apa."}, "kadrun"},
		{"reduplicated label", Input{Body: "Mereka antek-antek asing."}, "antek-antek"},
		{"beach in Bantul", Input{Body: "Wisatawan memadati pantai-pantai di Bantul."}, ""},
		{"proposal", Input{Body: "Warga mengusulkan perbaikan jalan desa."}, ""},
		{"spending the budget", Input{Body: "Kegiatan ini menghabiskan anggaran Rp5 juta."}, ""},
	})
}

func TestRuleProvokasiHoaks(t *testing.T) {
	runRuleCases(t, RuleProvokasiHoaks, []ruleCase{
		{"chain message", Input{Body: "PENTING!!! Sebarkan sebelum dihapus."}, "Sebarkan sebelum dihapus"},
		{"inside information", Input{Body: "Info A1: kotak suara sudah diisi."}, "Info A1"},
		{"fraud claim", Input{Body: "Pilkada tahun ini pasti curang."}, "pasti curang"},
		{"quoted outside a clarification is still a finding", Input{Kind: "siaran_pers",
			Body: "Mereka menulis “viralkan” di setiap unggahan."}, "viralkan"},
		{"quoted in a clarification", Input{Kind: "klarifikasi_hoaks",
			Body: "Pesan itu diakhiri ajakan \"sebarkan sebelum dihapus\" dan \"viralkan\"."}, ""},
		{"the word hoaks", Input{Kind: "klarifikasi_hoaks", Body: "Informasi tersebut adalah hoaks."}, ""},
		{"quote attribution", Input{Body: "“Kami siap melayani,” katanya."}, ""},
		{"passive viral", Input{Body: "Video yang diviralkan akun anonim itu telah diperiksa."}, ""},
	})
}

func TestRulePasal71(t *testing.T) {
	body := "Bupati Sleman menyerahkan bantuan sembako kepada warga terdampak banjir."
	cfg := fixture()
	run := func(name string, in Input, today data.Date, want string) {
		t.Helper()
		var got []string
		for _, f := range Check(in, cfg, today) {
			if f.Rule == RulePasal71 {
				got = append(got, f.Match)
			}
		}
		if (want == "" && len(got) > 0) || (want != "" && !slices.Equal(got, []string{want})) {
			t.Errorf("%s: pasal71 findings %q, want %q", name, got, want)
		}
	}
	from := data.NewDate(2024, 3, 22) // 22 September 2024 − 6 months
	// With a finding.
	run("first day of the window", Input{Body: body, PlannedDate: from}, outWindow, "Bupati Sleman menyerahkan bantuan")
	run("day of candidate determination", Input{Body: body, PlannedDate: penetapanPaslon}, outWindow, "Bupati Sleman menyerahkan bantuan")
	run("last day (elected pair determined)", Input{Body: body, PlannedDate: penetapanTerpilih}, outWindow, "Bupati Sleman menyerahkan bantuan")
	run("no planned date: today counts", Input{Body: body}, inWindow, "Bupati Sleman menyerahkan bantuan")
	run("alias and a program, title field", Input{Title: "Mas Ahmad Resmikan Program Bedah Rumah", PlannedDate: inWindow}, outWindow, "Mas Ahmad Resmikan")
	run("deputy is a regional head too", Input{Body: "Wakil Bupati Sleman membagikan beasiswa.", PlannedDate: inWindow}, outWindow, "Wakil Bupati Sleman membagikan")
	// Without.
	run("day before the window", Input{Body: body, PlannedDate: from.AddDays(-1)}, inWindow, "")
	run("day after the window", Input{Body: body, PlannedDate: penetapanTerpilih.AddDays(1)}, inWindow, "")
	run("no program word", Input{Body: "Bupati Sleman memimpin upacara Hari Lahir Pancasila.", PlannedDate: inWindow}, outWindow, "")
	run("program in another sentence", Input{Body: "Bupati Sleman membuka acara. Program itu berasal dari kementerian.", PlannedDate: inWindow}, outWindow, "")
	run("not a regional head", Input{Body: "Sekretaris Daerah Kabupaten Sleman menyerahkan bantuan.", PlannedDate: inWindow}, outWindow, "")
	run("institution, not the person", Input{Body: "Pemerintah Kabupaten Sleman menyalurkan bantuan sosial.", PlannedDate: inWindow}, outWindow, "")
	cfg.Stages = nil
	run("no schedule", Input{Body: body, PlannedDate: inWindow}, inWindow, "")
}

func TestPasal71Windows(t *testing.T) {
	cfg := fixture()
	got := Pasal71Windows(cfg.Stages)
	want := []Window{{data.NewDate(2024, 3, 22), penetapanTerpilih}}
	if !slices.Equal(got, want) {
		t.Errorf("windows = %v, want %v", got, want)
	}
	// Without a penetapan_terpilih stage the window runs to the end of the
	// election's schedule: not to other elections' stages or national days.
	var noElected []data.Stage
	for _, s := range cfg.Stages {
		if s.Key != StagePenetapanTerpilih {
			noElected = append(noElected, s)
		}
	}
	if got := Pasal71Windows(noElected); len(got) != 1 || got[0].To != data.NewDate(2024, 12, 16) {
		t.Errorf("windows without elected stage = %v, want to 2024-12-16", got)
	}
	// A deleted stage (a sync tombstone) counts for nothing.
	deleted := append([]data.Stage(nil), cfg.Stages...)
	for i := range deleted {
		if deleted[i].Key == StagePenetapanPaslon {
			deleted[i].Deleted = true
		}
	}
	if got := Pasal71Windows(deleted); len(got) != 0 {
		t.Errorf("windows from a deleted stage = %v", got)
	}
	// Only the determination stage: the window ends on that day.
	if got := Pasal71Windows([]data.Stage{{Key: StagePenetapanPaslon, Start: penetapanPaslon}}); len(got) != 1 || got[0].To != penetapanPaslon {
		t.Errorf("windows = %v", got)
	}
	// The shipped Pilkada 2024 schedule (data/workflow) uses the keys the
	// checker reads: candidate pairs determined on 22 September 2024, so
	// the ban starts on 22 March 2024.
	var pilkada []data.Stage
	for _, s := range workflow.DefaultStages() {
		if s.Election == "Pilkada 2024" {
			pilkada = append(pilkada, s)
		}
	}
	if got := Pasal71Windows(pilkada); len(got) != 1 || got[0].From != data.NewDate(2024, 3, 22) {
		t.Errorf("windows of the shipped Pilkada 2024 schedule = %v, want one from 2024-03-22", got)
	}
	if in, known := stageOn(workflow.DefaultStages(), StageKampanye, data.NewDate(2024, 10, 1)); !in || !known {
		t.Errorf("1 October 2024 is not in a shipped campaign stage")
	}
	// Month arithmetic clamps to the month's last day.
	for _, tt := range []struct{ s, want data.Date }{
		{data.NewDate(2024, 8, 31), data.NewDate(2024, 2, 29)},
		{data.NewDate(2023, 8, 31), data.NewDate(2023, 2, 28)},
		{data.NewDate(2024, 3, 15), data.NewDate(2023, 9, 15)},
	} {
		if got := monthsBefore(tt.s, 6); got != tt.want {
			t.Errorf("monthsBefore(%s, 6) = %s, want %s", tt.s, got, tt.want)
		}
	}
}

func TestRuleKampanye(t *testing.T) {
	runRuleCases(t, RuleKampanye, []ruleCase{
		{"official car for a candidate", Input{Body: "Paslon nomor urut 1 terlihat memakai mobil dinas saat berkampanye."}, "Paslon nomor urut 1 terlihat memakai mobil dinas"},
		{"civil servants at a declaration", Input{Body: "Puluhan ASN hadir dalam deklarasi tim pemenangan."}, "ASN hadir dalam deklarasi tim pemenangan"},
		{"regional budget for a party event", Input{Body: "Acara partai itu dibiayai APBD."}, "partai itu dibiayai APBD"},
		{"invitation to vote for a number", Input{Body: "Jangan lupa, 27 November coblos nomor 2!"}, "coblos nomor"},
		{"invitation in the title", Input{Title: "Menangkan Paslon Pilihan Rakyat"}, "Menangkan Paslon"},
		{"reminder of the ban", Input{Body: "ASN dilarang terlibat kampanye pasangan calon dan menggunakan fasilitas negara."}, ""},
		{"supervision", Input{Body: "Bawaslu mengawasi penggunaan kendaraan dinas oleh paslon."}, ""},
		{"quoted in a hoax clarification", Input{Kind: "klarifikasi_hoaks",
			Body: "Pesan palsu itu berbunyi “ASN wajib hadir di acara paslon nomor 1, coblos nomor 1”."}, ""},
		{"a rumour reported in a clarification", Input{Kind: "klarifikasi_hoaks",
			Body: "Beredar kabar bantuan sosial hanya untuk pendukung pasangan calon tertentu."}, ""},
		{"reported allegation", Input{Body: "Seorang ASN diduga mengunggah foto bersama paslon di media sosial."}, ""},
		{"procedure: grant for debates", Input{Body: "Pemkab mencairkan hibah APBD untuk debat publik pasangan calon."}, ""},
		{"campaign socialization", Input{Kind: "narasi_tahapan", Body: "KPU menggelar sosialisasi tahapan kampanye bagi partai politik."}, ""},
		{"drawing of ballot numbers", Input{Body: "Pasangan calon mengambil nomor urut di hadapan saksi."}, ""},
		{"neutral call to vote", Input{Body: "Gunakan hak pilih Anda, datang ke TPS pada 27 November."}, ""},
		{"party funding routine", Input{Body: "Pemkab menyalurkan bantuan keuangan kepada partai politik dari APBD."}, ""},
		{"facility without a participant", Input{Body: "Kendaraan dinas dipakai untuk distribusi logistik."}, ""},
	})
}

func TestKampanyeSchedule(t *testing.T) {
	cfg := fixture()
	msg := func(d data.Date, cfg Config) string {
		fs := Check(Input{Body: "Pilih nomor urut 3!", PlannedDate: d}, cfg, d)
		if len(fs) != 1 || fs[0].Rule != RuleKampanye {
			t.Fatalf("findings %v", matches(fs))
		}
		return fs[0].Message.ID
	}
	if m := msg(kampanyeFrom, cfg); strings.Contains(m, "di luar jadwal") {
		t.Errorf("inside the campaign: %q", m)
	}
	if m := msg(kampanyeFrom.AddDays(-1), cfg); !strings.Contains(m, "di luar jadwal kampanye (tanggal konten 24 September 2024)") {
		t.Errorf("day before the campaign: %q", m)
	}
	if m := msg(kampanyeTo.AddDays(1), cfg); !strings.Contains(m, "di luar jadwal") {
		t.Errorf("day after the campaign (masa tenang): %q", m)
	}
	cfg.Stages = nil
	if m := msg(kampanyeFrom, cfg); !strings.Contains(m, "jadwal kampanye belum diisi") {
		t.Errorf("no schedule: %q", m)
	}
}

// Ordinary texts an office writes every week must pass clean, with the
// full default lists, the officials and a date inside the Pasal 71 window.
func TestOrdinaryTextsHaveNoFinding(t *testing.T) {
	texts := []Input{
		{Kind: "siaran_pers", ElectionStage: "Persiapan Pilkada 2024",
			Title: "KPU Sleman dan Bawaslu Gelar Rapat Koordinasi Persiapan Pilkada 2024",
			Body: "SLEMAN — KPU Kabupaten Sleman menggelar rapat koordinasi persiapan Pilkada 2024 bersama Bawaslu Kabupaten Sleman di Aula KPU, Senin (10/6). " +
				"Rapat membahas sosialisasi tahapan kampanye, pemutakhiran data pemilih, dan pengamanan TPS. " +
				"Rapat juga membahas pencairan hibah APBD untuk debat publik pasangan calon. " +
				"“Kami berharap sinergi dengan Bawaslu terus terjaga agar Pilkada berjalan jujur, adil, dan damai,” katanya. " +
				"Ketua Bawaslu Sleman mengingatkan bahwa ASN wajib menjaga netralitas dan dilarang terlibat kampanye.\n\n" +
				"Rapat ditutup dengan penandatanganan berita acara. Informasi lebih lanjut dapat diperoleh melalui layanan PPID atau akun media sosial resmi."},
		{Kind: "pengumuman", ElectionStage: "Pemutakhiran Data Pemilih Berkelanjutan",
			Title: "Pengumuman Rekapitulasi Daftar Pemilih Berkelanjutan (PDPB) Triwulan II",
			Body: "KPU Kabupaten Sleman mengumumkan hasil rekapitulasi Pemutakhiran Data Pemilih Berkelanjutan (PDPB) Triwulan II Tahun 2024. " +
				"Jumlah pemilih sebanyak 812.345 orang. Pemilih yang telah meninggal dunia diverifikasi bersama Dinas Dukcapil sebelum dihapus dari daftar. " +
				"Warga dapat mengecek data melalui cekdptonline.kpu.go.id dan menyampaikan tanggapan ke kantor KPU pada jam kerja. " +
				"Layanan ini gratis dan tidak dipungut biaya."},
		{Kind: "klarifikasi_hoaks",
			Title: "[KLARIFIKASI] Tidak Benar Ada Pencoretan Massal Pemilih di Sleman",
			Body: "Beredar pesan berantai di media sosial yang menyebut ribuan pemilih di Sleman dicoret dari daftar. " +
				"Pesan itu diakhiri ajakan \"sebarkan sebelum dihapus\". Informasi tersebut adalah hoaks dan menyesatkan. " +
				"KPU Kabupaten Sleman memastikan tidak ada pencoretan massal; setiap perubahan data dilakukan sesuai prosedur dan diumumkan secara terbuka. " +
				"Masyarakat diimbau memeriksa kebenaran informasi melalui kanal resmi sebelum menyebarkannya dan melaporkan konten hoaks."},
	}
	cfg := fixture()
	for _, in := range texts {
		in.PlannedDate = inWindow
		if got := Check(in, cfg, inWindow); len(got) > 0 {
			t.Errorf("%q: unexpected findings %v", in.Title, matches(got))
		}
	}
}

// The sentences the demo data writes (data/demo) are ordinary office prose.
func TestDemoParagraphsHaveNoFinding(t *testing.T) {
	paragraphs := []string{
		"Kegiatan ini merupakan bagian dari upaya pemerintah daerah untuk memberikan informasi yang akurat dan tepat waktu kepada masyarakat.",
		"Masyarakat diimbau untuk selalu memeriksa kebenaran informasi melalui kanal resmi sebelum menyebarkannya.",
		"Dalam sambutannya, Sekretaris Daerah menegaskan pentingnya menjaga netralitas aparatur sipil negara selama tahapan pemilihan.",
		"Kegiatan diikuti oleh perwakilan organisasi perangkat daerah, camat, lurah, dan tokoh masyarakat.",
		"Penyelenggara pemilu mengajak seluruh warga yang telah memenuhi syarat untuk memastikan namanya terdaftar sebagai pemilih.",
		"Pemerintah daerah berkomitmen mendukung penyelenggaraan pemilihan yang jujur, adil, dan damai.",
		"Narasumber menjelaskan langkah-langkah sederhana mengenali hoaks, antara lain memeriksa sumber, tanggal, dan keaslian foto.",
		"Seluruh materi sosialisasi disusun tanpa menampilkan foto maupun tagline pribadi kepala daerah.",
		"Pengaduan masyarakat dapat disampaikan melalui kanal SP4N-LAPOR! yang terhubung dengan seluruh perangkat daerah.",
		"Jadwal lengkap setiap tahapan dapat dilihat pada laman resmi penyelenggara pemilu.",
	}
	in := Input{Kind: "narasi_tahapan", Title: "Tahapan Pencalonan Pilkada Serentak 2024 di Kabupaten Sleman",
		Body: strings.Join(paragraphs, "\n\n"), PlannedDate: inWindow}
	if got := Check(in, fixture(), inWindow); len(got) > 0 {
		t.Errorf("unexpected findings %v", matches(got))
	}
}

func TestOffsetsSliceBackToMatch(t *testing.T) {
	in := Input{
		Kind:  "narasi_tahapan",
		Title: "Ğünaydın — “Pilkada” 🗳️ Bupati Sleman",
		Body:  "Café “Ñoño” — 10 Juli 2024 • 😀😀 Warga pribumi…\nMereka dikafirkan! Ayo COBLOS NOMOR 2 ✨ bersama Mas Ahmad.",
		Photos: []PhotoTag{
			{Caption: "Ünïcödé · Bupati Sleman menyapa"},
			{Caption: "∑ foto", ShowsOfficial: true},
		},
	}
	got := Check(in, fixture(), inWindow)
	want := []string{"pejabat:Bupati Sleman", "sara:pribumi", "sara:dikafirkan", "kampanye:COBLOS NOMOR", "tagline:bersama Mas Ahmad", "pejabat:Mas Ahmad",
		"foto_pejabat:Bupati Sleman", "foto_pejabat:∑ foto"}
	if !slices.Equal(matches(got), want) {
		t.Errorf("findings = %q\nwant       %q", matches(got), want)
	}
	for _, f := range got {
		text := in.Body
		switch f.Field {
		case FieldTitle:
			text = in.Title
		case FieldPhoto:
			text = in.Photos[f.Photo-1].Caption
		}
		if text[f.Start:f.End] != f.Match {
			t.Errorf("%s: text[%d:%d] = %q, Match %q", f.Rule, f.Start, f.End, text[f.Start:f.End], f.Match)
		}
	}
}

func TestFindingsAreSorted(t *testing.T) {
	in := Input{Kind: "narasi_tahapan", Title: "Bupati Sleman dan Mas Ahmad",
		Body:   "Info A1. Bupati Sleman menghasut. Sleman Lebih Sejahtera.",
		Photos: []PhotoTag{{Caption: "x", ShowsOfficial: true}, {Caption: "Mas Ahmad"}}}
	got := Check(in, fixture(), inWindow)
	for i := 1; i < len(got); i++ {
		a, b := got[i-1], got[i]
		if fieldRank(a.Field) > fieldRank(b.Field) || (a.Field == b.Field && (a.Photo > b.Photo || (a.Photo == b.Photo && a.Start > b.Start))) {
			t.Errorf("not sorted at %d: %v", i, matches(got))
		}
	}
	if len(got) < 7 {
		t.Errorf("findings = %v", matches(got))
	}
}

func TestExplainAndKey(t *testing.T) {
	got := Check(Input{Kind: "narasi_tahapan", Body: "Salam, Bupati Sleman."}, fixture(), inWindow)
	if len(got) != 1 {
		t.Fatalf("findings %v", matches(got))
	}
	f := got[0]
	if f.Severity != SeverityHigh { // socialization material itself
		t.Errorf("severity = %q", f.Severity)
	}
	id := Explain(f, data.LangID)
	for _, frag := range []string{"[Nama/jabatan pejabat dalam konten pemilu · Tinggi] Isi: “Bupati Sleman”.",
		"Dr. H. Ahmad Santoso (Bupati Sleman) disebut dalam konten pemilu (jenis konten narasi tahapan pemilu).",
		"Alasan: Kemendagri", "offside", "Pasal 71 ayat (1)"} {
		if !strings.Contains(id, frag) {
			t.Errorf("Explain(id) = %q lacks %q", id, frag)
		}
	}
	en := Explain(f, data.LangEN)
	for _, frag := range []string{"[Official's name or title in election content · High] Body: “Bupati Sleman”.", "Why: Kemendagri"} {
		if !strings.Contains(en, frag) {
			t.Errorf("Explain(en) = %q lacks %q", en, frag)
		}
	}
	// The key survives edits before the match.
	again := Check(Input{Kind: "narasi_tahapan", Body: "Salam hangat dari kami, BUPATI SLEMAN."}, fixture(), inWindow)
	if len(again) != 1 || again[0].Key() != f.Key() || f.Key() != "pejabat|body|0|bupati sleman" {
		t.Errorf("keys %q and %v", f.Key(), again)
	}
}

func TestRulesHaveLabelsAndWhy(t *testing.T) {
	for _, r := range rules {
		if !Rules.Has(r.ID()) {
			t.Errorf("rule %q has no label", r.ID())
		}
	}
	if len(rules) != len(Rules) {
		t.Errorf("%d rules, %d labels", len(rules), len(Rules))
	}
	// Every finding carries what and why in both languages.
	in := Input{Kind: "narasi_tahapan", Title: "Bupati Sleman", PlannedDate: inWindow,
		Body:   "Sleman Lebih Sejahtera. Warga pribumi. Mereka menghasut. Info A1. Mas Ahmad membagikan bantuan. Paslon memakai mobil dinas. Coblos nomor 1.",
		Photos: []PhotoTag{{ShowsOfficial: true}}}
	seen := map[string]bool{}
	for _, f := range Check(in, fixture(), inWindow) {
		seen[f.Rule] = true
		if f.Message.ID == "" || f.Message.EN == "" || f.Why.ID == "" || f.Why.EN == "" || !Severities.Has(f.Severity) {
			t.Errorf("finding lacks text: %+v", f)
		}
	}
	for _, code := range Rules.Codes() {
		if !seen[code] {
			t.Errorf("no %s finding in the all-rules text", code)
		}
	}
}

func TestNameWords(t *testing.T) {
	tests := map[string]string{
		"Dr. H. Ahmad Santoso, M.Si.":     "ahmad santoso",
		"Hj. Siti Aminah S.H. M.H.":       "siti aminah",
		"Prof. Dr. Ir. K.H. Abdul Rahman": "abdul rahman",
		"M. Yusuf":                        "m yusuf",
		"H.":                              "",
		"Drs.":                            "",
		"":                                "",
	}
	for name, want := range tests {
		if got := strings.Join(nameWords(name), " "); got != want {
			t.Errorf("nameWords(%q) = %q, want %q", name, got, want)
		}
	}
	heads := map[string]bool{"Bupati Sleman": true, "Pj. Wali Kota Yogyakarta": true, "Wakil Gubernur DIY": true,
		"Plt. Walikota Magelang": true, "Wali Nagari Koto Baru": false, "Sekretaris Daerah": false, "Wakil Ketua DPRD": false}
	for title, want := range heads {
		if got := (Official{Title: title}).isHead(); got != want {
			t.Errorf("isHead(%q) = %v", title, got)
		}
	}
}

func TestFromDraft(t *testing.T) {
	d := &data.Draft{Title: "T", Body: "B", Kind: "narasi_tahapan", ElectionStage: "Pencalonan", PlannedDate: inWindow}
	in := FromDraft(d, []data.Photo{{Caption: "c", ShowsOfficial: true}, {Caption: "d"}})
	if in.Title != "T" || in.Body != "B" || in.Kind != "narasi_tahapan" || in.ElectionStage != "Pencalonan" ||
		in.PlannedDate != inWindow || len(in.Photos) != 2 || !in.Photos[0].ShowsOfficial || in.Photos[1].ShowsOfficial ||
		in.Photos[1].Caption != "d" {
		t.Errorf("FromDraft = %+v", in)
	}
}
