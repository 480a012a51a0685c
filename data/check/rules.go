package check

import (
	"fmt"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
)

// Why each rule matters. The citations are deliberately short; the user
// documentation (docs/NETRALITAS.md) says more.
var (
	whyPejabat = data.Text{
		ID: "Kemendagri mengingatkan Diskominfo dan humas pemerintah daerah agar tidak “offside” dalam sosialisasi pemilihan, misalnya memasang foto atau tagline kepala daerah sehingga humas dianggap bagian dari tim sukses. ASN wajib netral (asas netralitas dalam UU ASN), dan pejabat dilarang membuat keputusan atau tindakan yang menguntungkan atau merugikan peserta (Pasal 71 ayat (1) UU Pilkada; Pasal 282 UU 7/2017 tentang Pemilu). Menyebut pejabat dalam berita kegiatan bisa wajar: pastikan materi tidak menonjolkan pribadinya.",
		EN: "Kemendagri warned Diskominfo and regional PR offices not to go “offside” in election socialization, e.g. by showing the regional head's photo or tagline, which makes the office look like a campaign team. Civil servants must stay neutral (the neutrality principle of the ASN Law), and officials must not take decisions or actions that benefit or harm a participant (Art. 71(1) of the Pilkada Law; Art. 282 of Law 7/2017 on Elections). Naming an official in a news report can be fine: make sure the material does not promote the person.",
	}
	whyTagline = data.Text{
		ID: "Tagline pribadi kepala daerah atau pejabat pada materi pemilu membuat konten pemerintah terbaca sebagai kampanye; Kemendagri menyebut pemasangan tagline seperti ini sebagai contoh humas yang “offside”. Gunakan identitas kelembagaan (nama dan logo pemerintah daerah), bukan slogan pribadi. Pejabat dan ASN wajib netral (Pasal 71 ayat (1) UU Pilkada; UU ASN).",
		EN: "A personal tagline of the regional head or an official on election material makes government content read as campaigning; Kemendagri named such taglines as an example of PR going “offside”. Use the institution's identity (the government's name and logo), not a personal slogan. Officials and civil servants must stay neutral (Art. 71(1) of the Pilkada Law; the ASN Law).",
	}
	whyFoto = data.Text{
		ID: "Foto kepala daerah atau pejabat pada materi pemilu adalah contoh yang disebut Kemendagri ketika mengingatkan Diskominfo dan humas agar tidak “offside”: materi sosialisasi jadi terbaca sebagai promosi pribadi. Gunakan foto kegiatan, petugas, atau warga. Pejabat dan ASN wajib netral (Pasal 71 ayat (1) UU Pilkada; UU ASN).",
		EN: "A photo of the regional head or an official on election material is the example Kemendagri gave when it warned Diskominfo and PR offices not to go “offside”: the socialization reads as personal promotion. Use photos of the activity, the officers or the public. Officials and civil servants must stay neutral (Art. 71(1) of the Pilkada Law; the ASN Law).",
	}
	whyCategory = map[string]data.Text{
		CatSARA: {
			ID: "Konten pemerintah harus bebas dari isu SARA. Menghina atau mempertentangkan suku, agama, ras, dan golongan dilarang dalam kampanye (Pasal 69 UU Pilkada; Pasal 280 ayat (1) UU 7/2017), dan menyebarkan informasi yang menghasut kebencian berdasarkan SARA diancam pidana (Pasal 28 ayat (2) UU ITE).",
			EN: "Government content must stay clear of SARA (ethnic, religious, racial and inter-group) issues. Insulting or setting groups against each other is banned in campaigns (Art. 69 of the Pilkada Law; Art. 280(1) of Law 7/2017), and spreading information that incites hatred on these grounds is a criminal offence (Art. 28(2) of the ITE Law).",
		},
		CatUjaranKebencian: {
			ID: "Kata ini lazim dipakai untuk merendahkan, menghasut, atau mengajak kekerasan terhadap orang atau kelompok. Menghasut dan mengadu domba dilarang dalam kampanye (Pasal 69 UU Pilkada; Pasal 280 ayat (1) UU 7/2017), dan ujaran kebencian dapat dijerat UU ITE. Konten pemerintah harus menyejukkan, bukan memanaskan suasana.",
			EN: "This word is commonly used to demean, incite or call for violence against people or groups. Incitement and pitting groups against each other are banned in campaigns (Art. 69 of the Pilkada Law; Art. 280(1) of Law 7/2017), and hate speech can be prosecuted under the ITE Law. Government content should calm, not inflame.",
		},
		CatProvokasiHoaks: {
			ID: "Frasa ini khas pesan berantai dan provokasi hoaks: mendesak orang menyebarkan, mengaku punya informasi rahasia, atau menuduh curang tanpa bukti. Konten resmi harus bersandar pada data dan sumber yang jelas; menyebarkan berita bohong yang menimbulkan keonaran dapat dijerat UU ITE (UU 11/2008 sebagaimana diubah terakhir dengan UU 1/2024). Konten klarifikasi hoaks boleh mengutipnya di dalam tanda kutip.",
			EN: "This phrase is typical of chain messages and hoax provocation: urging people to share, claiming inside information, or alleging fraud without evidence. Official content must rest on data and clear sources; spreading false news that causes unrest can be prosecuted under the ITE Law (Law 11/2008 as last amended by Law 1/2024). Hoax clarifications may quote it inside quotation marks.",
		},
	}
	whyPasal71 = data.Text{
		ID: "Pasal 71 ayat (3) UU Pilkada (UU 1/2015 sebagaimana diubah dengan UU 10/2016) melarang gubernur, bupati, wali kota, dan wakilnya menggunakan kewenangan, program, dan kegiatan yang menguntungkan atau merugikan salah satu pasangan calon sejak 6 bulan sebelum penetapan pasangan calon sampai penetapan pasangan calon terpilih; petahana yang melanggar dapat dibatalkan sebagai calon (ayat (5)). Publikasi program yang menonjolkan kepala daerah pada masa ini perlu ditinjau; sampaikan program atas nama pemerintah daerah.",
		EN: "Art. 71(3) of the Pilkada Law (Law 1/2015 as amended by Law 10/2016) forbids governors, regents, mayors and their deputies from using their authority, programs and activities in a way that benefits or harms a candidate pair, from 6 months before the determination of candidate pairs until the determination of the elected pair; an incumbent who does so can be disqualified (para. 5). Publicity for programs that features the regional head in this period needs review; present programs in the name of the regional government.",
	}
	whyFasilitas = data.Text{
		ID: "Kampanye dilarang menggunakan fasilitas dan anggaran pemerintah dan pemerintah daerah (Pasal 69 UU Pilkada; Pasal 280 ayat (1) UU 7/2017, dengan pengecualian dalam Putusan MK 65/PUU-XXI/2023), dan ASN tidak boleh dilibatkan dalam kampanye (Pasal 70 UU Pilkada; Pasal 280 ayat (2) UU 7/2017). Kalimat ini menyebut peserta bersama fasilitas, anggaran, atau aparatur negara: pastikan isinya bukan penggunaan untuk kepentingan peserta.",
		EN: "Campaigns must not use the facilities and budget of the central or regional government (Art. 69 of the Pilkada Law; Art. 280(1) of Law 7/2017, with the exception set by Constitutional Court decision 65/PUU-XXI/2023), and civil servants must not be involved in campaigns (Art. 70 of the Pilkada Law; Art. 280(2) of Law 7/2017). This sentence names a participant together with government facilities, budget or staff: make sure it does not describe their use for the participant.",
	}
	whyAjakan = data.Text{
		ID: "Konten instansi pemerintah dan penyelenggara tidak boleh mengajak memilih atau memenangkan peserta tertentu; ajakan yang netral berbunyi “gunakan hak pilih”, bukan “pilih nomor urut …”. Kampanye di luar jadwal yang ditetapkan KPU juga diancam pidana (Pasal 187 ayat (1) UU Pilkada; Pasal 492 UU 7/2017).",
		EN: "Content of government offices and election bodies must not invite people to vote for or help a particular participant win; a neutral call says “use your vote”, not “vote for number …”. Campaigning outside the schedule set by KPU is also a criminal offence (Art. 187(1) of the Pilkada Law; Art. 492 of Law 7/2017).",
	}
)

// officialRule: in election content, the name, alias or title of a
// configured official in the title or the body.
type officialRule struct{}

func (officialRule) ID() string { return RulePejabat }

func (officialRule) Check(d *Doc) []Finding {
	if !d.election {
		return nil
	}
	sev := SeverityReview
	if d.in.Kind == "narasi_tahapan" { // socialization material itself
		sev = SeverityHigh
	}
	var out []Finding
	for _, f := range d.textFields() {
		for _, m := range d.mentions(f, false) {
			msg := data.Text{
				ID: fmt.Sprintf("%s disebut dalam konten pemilu (%s).", m.off.o.label(), d.electionWhy.ID),
				EN: fmt.Sprintf("%s is named in election content (%s).", m.off.o.label(), d.electionWhy.EN),
			}
			out = append(out, finding(f, m.span, RulePejabat, sev, msg, whyPejabat))
		}
	}
	return out
}

// taglineRule: in election content, an official's personal tagline
// anywhere (title, body, captions).
type taglineRule struct{}

func (taglineRule) ID() string { return RuleTagline }

func (taglineRule) Check(d *Doc) []Finding {
	if !d.election {
		return nil
	}
	var out []Finding
	for _, f := range d.fields {
		for i := range d.offs {
			co := &d.offs[i]
			for _, p := range co.taglines {
				for _, s := range f.find(p) {
					msg := data.Text{
						ID: fmt.Sprintf("Tagline pribadi %s dalam konten pemilu.", co.o.label()),
						EN: fmt.Sprintf("Personal tagline of %s in election content.", co.o.label()),
					}
					out = append(out, finding(f, s, RuleTagline, SeverityHigh, msg, whyTagline))
				}
			}
		}
	}
	return out
}

// photoRule: in election content, a photo the writer tagged as showing an
// official, or whose caption names one.
type photoRule struct{}

func (photoRule) ID() string { return RuleFotoPejabat }

func (photoRule) Check(d *Doc) []Finding {
	if !d.election {
		return nil
	}
	var out []Finding
	for _, f := range d.fields[2:] {
		tag := d.in.Photos[f.photo-1]
		ms := d.mentions(f, false)
		for _, m := range ms {
			msg := data.Text{
				ID: fmt.Sprintf("Keterangan foto %d menyebut %s pada konten pemilu.", f.photo, m.off.o.label()),
				EN: fmt.Sprintf("The caption of photo %d names %s on election content.", f.photo, m.off.o.label()),
			}
			out = append(out, finding(f, m.span, RuleFotoPejabat, SeverityHigh, msg, whyFoto))
		}
		if len(ms) == 0 && tag.ShowsOfficial {
			who := ""
			if tag.Official != "" {
				who = " (" + tag.Official + ")"
			}
			msg := data.Text{
				ID: fmt.Sprintf("Foto %d ditandai menampilkan pejabat%s pada konten pemilu.", f.photo, who),
				EN: fmt.Sprintf("Photo %d is tagged as showing an official%s on election content.", f.photo, who),
			}
			out = append(out, Finding{Rule: RuleFotoPejabat, Severity: SeverityHigh, Field: FieldPhoto,
				Photo: f.photo, Start: 0, End: len(f.text), Message: msg, Why: whyFoto})
		}
	}
	return out
}

// termRule: a term of the list with the rule's id as category, in any
// content. A hoax-provocation phrase inside quotation marks in a hoax
// clarification is the hoax being quoted, not provocation.
type termRule struct {
	id       string
	severity string
}

func (r termRule) ID() string { return r.id }

func (r termRule) Check(d *Doc) []Finding {
	label := data.Text{ID: Categories.Label(r.id, data.LangID), EN: Categories.Label(r.id, data.LangEN)}
	why := whyCategory[r.id]
	var out []Finding
	for _, f := range d.fields {
		for _, m := range d.matches(f, r.id) {
			if r.id == RuleProvokasiHoaks && d.in.Kind == "klarifikasi_hoaks" && f.quoted(m.span) {
				continue
			}
			msg := data.Text{
				ID: fmt.Sprintf("Istilah “%s” dari daftar %s.", m.term.Text, label.ID),
				EN: fmt.Sprintf("The term “%s” from the %s list.", m.term.Text, label.EN),
			}
			w := why
			if m.term.Note != "" {
				w = data.Text{ID: why.ID + " Catatan daftar: " + m.term.Note, EN: why.EN + " List note: " + m.term.Note}
			}
			out = append(out, finding(f, m.span, r.id, r.severity, msg, w))
		}
	}
	return out
}

// pasal71Rule: content dated inside a Pasal 71 window that names a
// regional head in the same sentence as a program word.
type pasal71Rule struct{}

func (pasal71Rule) ID() string { return RulePasal71 }

func (pasal71Rule) Check(d *Doc) []Finding {
	date := d.Date()
	var win Window
	found := false
	for _, w := range Pasal71Windows(d.cfg.Stages) {
		if w.Contains(date) {
			win, found = w, true
			break
		}
	}
	if !found {
		return nil
	}
	var out []Finding
	for _, f := range d.fields {
		heads := d.mentions(f, true)
		if len(heads) == 0 {
			continue
		}
		progs := bySentence(f, d.matches(f, CatProgram))
		for _, h := range heads {
			p, ok := nearest(progs[f.toks[h.from].sent], h.span)
			if !ok {
				continue
			}
			a, b := f.bytes(p.span)
			msg := data.Text{
				ID: fmt.Sprintf("%s disebut bersama “%s” pada masa larangan Pasal 71 (%s); tanggal konten %s.",
					h.off.o.label(), f.text[a:b], iddate.Range(win.From, win.To), iddate.Medium(date)),
				EN: fmt.Sprintf("%s is named together with “%s” in the Article 71 period (%s); content date %s.",
					h.off.o.label(), f.text[a:b], iddate.Range(win.From, win.To), iddate.Medium(date)),
			}
			out = append(out, finding(f, union(h.span, p.span), RulePasal71, SeverityReview, msg, whyPasal71))
		}
	}
	return out
}

// campaignRule: campaign-ban matters, in any content, sentence by
// sentence; a sentence with prohibition or supervision wording (pengingat)
// or electoral-procedure wording (prosedur) is a report or a reminder and
// is skipped.
//
//   - a participant (peserta) named with government facilities, budget or
//     civil servants (fasilitas) in one sentence;
//   - an invitation to vote for a participant (ajakan): always a finding
//     in government content, and the message says whether the content's
//     date is outside the campaign stage.
type campaignRule struct{}

func (campaignRule) ID() string { return RuleKampanye }

func (campaignRule) Check(d *Doc) []Finding {
	date := d.Date()
	inCampaign, known := stageOn(d.cfg.Stages, StageKampanye, date)
	var out []Finding
	for _, f := range d.fields {
		skip := map[int]bool{}
		for _, cat := range []string{CatPengingat, CatProsedur} {
			for _, m := range d.matches(f, cat) {
				skip[f.toks[m.from].sent] = true
			}
		}
		// A hoax clarification quotes the hoax it refutes.
		quotedHoax := func(s span) bool { return d.in.Kind == "klarifikasi_hoaks" && f.quoted(s) }
		parts := bySentence(f, d.matches(f, CatPeserta))
		done := map[int]bool{}
		for _, fac := range d.matches(f, CatFasilitas) {
			sent := f.toks[fac.from].sent
			if skip[sent] || done[sent] || quotedHoax(fac.span) {
				continue
			}
			p, ok := nearest(parts[sent], fac.span)
			if !ok {
				continue
			}
			done[sent] = true
			pa, pb := f.bytes(p.span)
			fa, fb := f.bytes(fac.span)
			msg := data.Text{
				ID: fmt.Sprintf("Peserta (“%s”) disebut bersama fasilitas, anggaran, atau aparatur negara (“%s”).", f.text[pa:pb], f.text[fa:fb]),
				EN: fmt.Sprintf("A participant (“%s”) is named together with government facilities, budget or staff (“%s”).", f.text[pa:pb], f.text[fa:fb]),
			}
			out = append(out, finding(f, union(p.span, fac.span), RuleKampanye, SeverityReview, msg, whyFasilitas))
		}
		for _, m := range d.matches(f, CatAjakan) {
			if skip[f.toks[m.from].sent] || quotedHoax(m.span) {
				continue
			}
			a, b := f.bytes(m.span)
			msg := data.Text{
				ID: fmt.Sprintf("Ajakan memilih peserta tertentu (“%s”) dalam konten instansi", f.text[a:b]),
				EN: fmt.Sprintf("An invitation to vote for a particular participant (“%s”) in an office's content", f.text[a:b]),
			}
			switch {
			case !known:
				msg.ID += "; jadwal kampanye belum diisi."
				msg.EN += "; the campaign schedule is not set."
			case inCampaign:
				msg.ID += "."
				msg.EN += "."
			default:
				msg.ID += fmt.Sprintf(", di luar jadwal kampanye (tanggal konten %s).", iddate.Medium(date))
				msg.EN += fmt.Sprintf(", outside the campaign schedule (content date %s).", iddate.Medium(date))
			}
			out = append(out, finding(f, m.span, RuleKampanye, SeverityHigh, msg, whyAjakan))
		}
	}
	return out
}

// bySentence groups matches by their sentence.
func bySentence(f *field, ms []termMatch) map[int][]termMatch {
	out := map[int][]termMatch{}
	for _, m := range ms {
		s := f.toks[m.from].sent
		out[s] = append(out[s], m)
	}
	return out
}

// nearest returns the match closest to s that does not overlap it.
func nearest(ms []termMatch, s span) (termMatch, bool) {
	best, dist, ok := termMatch{}, 0, false
	for _, m := range ms {
		if overlaps(m.span, s) {
			continue
		}
		if dd := gap(m.span, s); !ok || dd < dist {
			best, dist, ok = m, dd, true
		}
	}
	return best, ok
}

func overlaps(a, b span) bool { return a.from <= b.to && b.from <= a.to }

// gap is the number of tokens between two spans.
func gap(a, b span) int {
	if a.to < b.from {
		return b.from - a.to
	}
	return a.from - b.to
}

func union(a, b span) span { return span{min(a.from, b.from), max(a.to, b.to)} }
