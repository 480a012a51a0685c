package data

// Option is one value of a closed vocabulary: its stored code and its label.
type Option struct {
	Code  string
	Label Text
}

// Vocabulary is an ordered closed set of options.
type Vocabulary []Option

// Has reports whether code is in the vocabulary.
func (v Vocabulary) Has(code string) bool {
	for _, o := range v {
		if o.Code == code {
			return true
		}
	}
	return false
}

// Label returns the label of code in l, or the code itself when unknown.
func (v Vocabulary) Label(code string, l Lang) string {
	for _, o := range v {
		if o.Code == code {
			return o.Label.In(l)
		}
	}
	return code
}

// Codes returns the codes in order.
func (v Vocabulary) Codes() []string {
	out := make([]string, len(v))
	for i, o := range v {
		out[i] = o.Code
	}
	return out
}

// OfficeKinds are the kinds of humas office that use Humas Desk.
var OfficeKinds = Vocabulary{
	{"kpu", Text{"KPU", "KPU (Election Commission)"}},
	{"bawaslu", Text{"Bawaslu", "Bawaslu (Election Supervisory Agency)"}},
	{"pemda_humas", Text{"Pemda — Bagian/Biro Humas", "Local government — PR division"}},
	{"diskominfo", Text{"Diskominfo", "Diskominfo (Communication and Informatics Office)"}},
	{"lainnya", Text{"Lainnya", "Other"}},
}

// Levels are the tiers of the reporting chain.
var Levels = Vocabulary{
	{"pusat", Text{"Pusat", "National"}},
	{"provinsi", Text{"Provinsi", "Province"}},
	{"kabupaten", Text{"Kabupaten", "Regency"}},
	{"kota", Text{"Kota", "City"}},
}

// AgencyKinds are the kinds of partner agency (instansi mitra).
var AgencyKinds = Vocabulary{
	{"diskominfo", Text{"Diskominfo", "Diskominfo"}},
	{"humas", Text{"Biro/Bagian Humas", "PR bureau/division"}},
	{"kpu", Text{"KPU", "KPU"}},
	{"bawaslu", Text{"Bawaslu", "Bawaslu"}},
	{"forkopimda", Text{"Forkopimda", "Forkopimda (regional leadership forum)"}},
	{"tni", Text{"TNI", "TNI (armed forces)"}},
	{"polri", Text{"Polri", "Polri (police)"}},
	{"kejaksaan", Text{"Kejaksaan", "Prosecutor's office"}},
	{"media", Text{"Media", "Media"}},
	{"partai", Text{"Partai politik", "Political party"}},
	{"komunitas", Text{"Komunitas/Ormas", "Community organisation"}},
	{"lainnya", Text{"Lainnya", "Other"}},
	// Further Bakohumas members. Added after the first release: codes are
	// only ever added, so stored agencies keep theirs.
	{"kementerian_lembaga", Text{"Kementerian/Lembaga", "Ministry/national agency"}},
	{"pemda_opd", Text{"Pemda/OPD", "Local government/regional agency"}},
	{"bumn_bumd", Text{"BUMN/BUMD", "State/regional enterprise"}},
	{"perguruan_tinggi", Text{"Perguruan tinggi", "University"}},
}

// SocialPlatforms are the platforms of official social-media accounts.
var SocialPlatforms = Vocabulary{
	{"instagram", Text{"Instagram", "Instagram"}},
	{"facebook", Text{"Facebook", "Facebook"}},
	{"x", Text{"X (Twitter)", "X (Twitter)"}},
	{"youtube", Text{"YouTube", "YouTube"}},
	{"tiktok", Text{"TikTok", "TikTok"}},
	{"whatsapp", Text{"WhatsApp Channel", "WhatsApp Channel"}},
	{"lainnya", Text{"Lainnya", "Other"}},
}

// DraftKinds are the kinds of content an office writes.
var DraftKinds = Vocabulary{
	{"siaran_pers", Text{"Berita/Siaran pers", "News/press release"}},
	{"narasi_tahapan", Text{"Narasi tahapan pemilu", "Election-stage narrative"}},
	{"klarifikasi_hoaks", Text{"Klarifikasi hoaks", "Hoax clarification"}},
	{"pengumuman", Text{"Pengumuman", "Announcement"}},
	{"lainnya", Text{"Lainnya", "Other"}},
	// A post's body is held to its channels' limits (social.go).
	{DraftKindSocialPost, Text{"Unggahan media sosial", "Social-media post"}},
}

// Channels are where content is published.
var Channels = Vocabulary{
	{"siaran_pers", Text{"Siaran pers", "Press release"}},
	{"website", Text{"Situs web", "Website"}},
	{"instagram", Text{"Instagram", "Instagram"}},
	{"facebook", Text{"Facebook", "Facebook"}},
	{"x", Text{"X (Twitter)", "X (Twitter)"}},
	{"youtube", Text{"YouTube", "YouTube"}},
	{"tiktok", Text{"TikTok", "TikTok"}},
	{"radio", Text{"Radio", "Radio"}},
	{"cetak", Text{"Media cetak", "Print"}},
	{"baliho", Text{"Spanduk/Baliho", "Banner/billboard"}},
	{"lainnya", Text{"Lainnya", "Other"}},
}

// Draft statuses. The approval workflow that moves drafts between them is
// a later feature; the foundation stores and shows them.
const (
	StatusDraft     = "draf"
	StatusSubmitted = "diajukan"
	StatusApproved  = "disetujui"
	StatusPublished = "terbit"
	StatusReturned  = "dikembalikan"
)

// DraftStatuses are the states of a draft, in workflow order.
var DraftStatuses = Vocabulary{
	{StatusDraft, Text{"Draf", "Draft"}},
	{StatusSubmitted, Text{"Diajukan", "Submitted"}},
	{StatusApproved, Text{"Disetujui", "Approved"}},
	{StatusPublished, Text{"Terbit", "Published"}},
	{StatusReturned, Text{"Dikembalikan", "Returned"}},
}

// ActivityTypes are the kinds of humas activity an entry records.
var ActivityTypes = Vocabulary{
	{"rapat_koordinasi", Text{"Rapat koordinasi", "Coordination meeting"}},
	{"sosialisasi", Text{"Sosialisasi", "Socialization"}},
	{"publikasi", Text{"Publikasi", "Publication"}},
	{"klarifikasi_hoaks", Text{"Klarifikasi hoaks", "Hoax clarification"}},
	{"monitoring_media", Text{"Monitoring media", "Media monitoring"}},
	{"pelatihan", Text{"Pelatihan", "Training"}},
	{"sarana", Text{"Pengelolaan sarana", "Facilities"}},
	{"lainnya", Text{"Lainnya", "Other"}},
}

// Strategy is one of the eight Bakohumas strategies, numbered 1 to 8.
type Strategy struct {
	Number int
	Label  Text
}

// Strategies are the eight Bakohumas strategies every activity belongs to.
var Strategies = []Strategy{
	{1, Text{"Membangun jejaring", "Building networks"}},
	{2, Text{"Pertemuan, koordinasi, dan kerja sama (daring/luring)", "Meetings, coordination and cooperation (online/offline)"}},
	{3, Text{"Penyediaan informasi program dan kebijakan", "Information on programs and policies"}},
	{4, Text{"Mendorong partisipasi publik dalam mengakses dan menyebarkan informasi", "Public participation in accessing and spreading information"}},
	{5, Text{"Pengelolaan sarana kehumasan", "Managing humas facilities"}},
	{6, Text{"Membangun citra, opini publik, dan reputasi", "Building image, public opinion and reputation"}},
	{7, Text{"Perancangan dan evaluasi kerja kehumasan secara berkala", "Periodic design and evaluation of humas work"}},
	{8, Text{"Penyiapan SDM kehumasan yang berkualitas", "Preparing qualified humas staff"}},
}

// StrategyLabel returns the name of strategy n in l, or "" when n is out of range.
func StrategyLabel(n int, l Lang) string {
	if n < 1 || n > len(Strategies) {
		return ""
	}
	return Strategies[n-1].Label.In(l)
}
