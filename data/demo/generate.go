package demo

// This file makes large generated data sets for benchmarks and load tests
// (Generate). Every name here starts with Gen/gen so that it cannot clash
// with the hand-written demo in the same package.

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// GenConfig says how much Generate makes.
type GenConfig struct {
	Agencies int
	Drafts   int
	Entries  int
	// Seed picks the data set: the same seed gives the same records with
	// the same ids, so a second run adds nothing.
	Seed int64
	// OfficeID owns the records; "" means this installation's office. It
	// must name an office that is already in the database.
	OfficeID string
	// BatchSize is how many records go into one transaction; 0 means
	// GenBatchSize.
	BatchSize int
	// Progress, if set, is called after each batch with what is done.
	Progress func(kind string, done, total int)
}

// GenBenchConfig is the data set of the performance targets: 100,000
// report entries, 20,000 drafts and 1,000 agencies.
var GenBenchConfig = GenConfig{Agencies: 1000, Drafts: 20000, Entries: 100000, Seed: 1}

// GenBatchSize is the default number of records per transaction.
const GenBatchSize = 5000

// GenResult counts what Generate inserted; records already present (by id)
// are not counted.
type GenResult struct {
	Agencies, Drafts, Entries int
}

// genToday is the fixed "today" of generated data, so that a seed always
// gives the same realised flags and statuses whatever the clock says.
var genToday = data.NewDate(2026, time.November, 1)

// genFirstDay and genDays span the dates of generated data: 2023–2026.
var (
	genFirstDay = data.NewDate(2023, time.January, 1)
	genDays     = int(data.NewDate(2027, time.January, 1).Time().Sub(genFirstDay.Time()).Hours() / 24)
)

// Generate writes cfg.Agencies agencies, cfg.Drafts drafts and cfg.Entries
// report entries of believable Indonesian humas content, in batches of one
// transaction each and without outbox entries: generated data stands for
// records that were synced long ago. The records and their ids depend only
// on the counts and the seed, so running it again inserts nothing.
func Generate(ctx context.Context, st *store.Store, cfg GenConfig) error {
	_, err := GenerateCount(ctx, st, cfg)
	return err
}

// GenerateCount is Generate that also says how many records it inserted.
func GenerateCount(ctx context.Context, st *store.Store, cfg GenConfig) (GenResult, error) {
	var res GenResult
	if cfg.Agencies < 0 || cfg.Drafts < 0 || cfg.Entries < 0 {
		return res, fmt.Errorf("generate: jumlah tidak boleh negatif")
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = GenBatchSize
	}
	if cfg.OfficeID == "" {
		o, err := st.CurrentOffice(ctx)
		if err != nil {
			return res, fmt.Errorf("generate: kantor: %w", err)
		}
		cfg.OfficeID = o.ID
	}
	g := newGen(cfg)
	steps := []struct {
		kind  string
		total int
		make  func(i int) data.Record
		count *int
	}{
		{"agency", cfg.Agencies, func(i int) data.Record { return g.agency(i) }, &res.Agencies},
		{"draft", cfg.Drafts, func(i int) data.Record { return g.draft(i) }, &res.Drafts},
		{"entry", cfg.Entries, func(i int) data.Record { return g.entry(i) }, &res.Entries},
	}
	for _, s := range steps {
		batch := make([]data.Record, 0, min(cfg.BatchSize, s.total))
		for i := 0; i < s.total; i++ {
			batch = append(batch, s.make(i))
			if len(batch) < cfg.BatchSize && i < s.total-1 {
				continue
			}
			if err := ctx.Err(); err != nil {
				return res, err
			}
			n, err := st.InsertBatch(ctx, batch, false)
			if err != nil {
				return res, fmt.Errorf("generate %s: %w", s.kind, err)
			}
			*s.count += n
			batch = batch[:0]
			if cfg.Progress != nil {
				cfg.Progress(s.kind, i+1, s.total)
			}
		}
	}
	return res, nil
}

// GenID returns the id Generate gives record i of kind ("agency", "draft"
// or "entry") for seed: UUIDv7-shaped, with a fixed time part so that it
// carries no meaning, and the rest derived from seed, kind and i.
func GenID(seed int64, kind string, i int) string {
	h := genMix(uint64(seed) ^ 0x9e3779b97f4a7c15)
	for _, c := range []byte(kind) {
		h = genMix(h ^ uint64(c))
	}
	a := genMix(h ^ uint64(i))
	b := genMix(a ^ 0x5851f42d4c957f2d)
	var u [16]byte
	binary.BigEndian.PutUint64(u[:8], uint64(time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli())<<16|a&0xffff)
	binary.BigEndian.PutUint64(u[8:], b)
	u[6] = 0x70 | (byte(a>>16) & 0x0f) // version 7
	u[8] = 0x80 | (u[8] & 0x3f)        // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// genMix is SplitMix64's finaliser.
func genMix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// gen holds the state of one Generate run.
type gen struct {
	cfg      GenConfig
	agencies []genAgency // name and place of every generated agency, by index
}

type genAgency struct {
	name  string
	kind  string
	place genPlace
}

func newGen(cfg GenConfig) *gen {
	g := &gen{cfg: cfg}
	// Agency names are needed by drafts and entries too (titles name the
	// partner), so they are worked out once, up front, from their own stream.
	rng := g.rng("agency-names", 0)
	used := map[string]bool{}
	for i := 0; i < cfg.Agencies; i++ {
		var a genAgency
		for try := 0; ; try++ {
			kind := genAgencyKind(i, rng)
			a = genAgencyName(rng, kind)
			a.kind = kind
			if !used[a.name] {
				break
			}
			if try > 20 {
				a.name = fmt.Sprintf("%s (%d)", a.name, i)
				break
			}
		}
		used[a.name] = true
		g.agencies = append(g.agencies, a)
	}
	return g
}

// rng returns the random stream of record i of kind, so that each record
// depends only on the seed and its index, not on batch sizes or order.
func (g *gen) rng(kind string, i int) *rand.Rand {
	h := genMix(uint64(g.cfg.Seed))
	for _, c := range []byte(kind) {
		h = genMix(h ^ uint64(c))
	}
	return rand.New(rand.NewPCG(h, uint64(i)))
}

// genAgencyKind covers every kind once in the first records, then follows
// a realistic mix.
func genAgencyKind(i int, rng *rand.Rand) string {
	if i < len(data.AgencyKinds) {
		return data.AgencyKinds[i].Code
	}
	return genWeighted(rng, genAgencyKindWeights)
}

var genAgencyKindWeights = []genWeight{
	{"diskominfo", 10}, {"humas", 8}, {"kpu", 10}, {"bawaslu", 10},
	{"forkopimda", 4}, {"tni", 6}, {"polri", 8}, {"kejaksaan", 5},
	{"media", 16}, {"partai", 6}, {"komunitas", 10}, {"lainnya", 7},
}

type genWeight struct {
	code string
	w    int
}

func genWeighted(rng *rand.Rand, ws []genWeight) string {
	total := 0
	for _, w := range ws {
		total += w.w
	}
	n := rng.IntN(total)
	for _, w := range ws {
		if n < w.w {
			return w.code
		}
		n -= w.w
	}
	return ws[len(ws)-1].code
}

func genPick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// genPlace is a kabupaten or kota with its province.
type genPlace struct {
	level    string // "kabupaten" or "kota"
	name     string
	province string
	code     string // phone area code
}

// Full returns "Kabupaten Sleman" or "Kota Surabaya".
func (p genPlace) full() string {
	if p.level == "kota" {
		return "Kota " + p.name
	}
	return "Kabupaten " + p.name
}

func (p genPlace) slug() string {
	s := strings.ToLower(strings.NewReplacer(" ", "", "-", "", "'", "").Replace(p.name))
	if p.level == "kota" {
		return s + "kota"
	}
	return s + "kab"
}

var genPlaces = []genPlace{
	{"kota", "Banda Aceh", "Aceh", "0651"}, {"kabupaten", "Aceh Besar", "Aceh", "0651"},
	{"kota", "Medan", "Sumatera Utara", "061"}, {"kabupaten", "Deli Serdang", "Sumatera Utara", "061"},
	{"kabupaten", "Toba", "Sumatera Utara", "0632"}, {"kota", "Padang", "Sumatera Barat", "0751"},
	{"kabupaten", "Agam", "Sumatera Barat", "0752"}, {"kota", "Pekanbaru", "Riau", "0761"},
	{"kabupaten", "Kampar", "Riau", "0762"}, {"kota", "Batam", "Kepulauan Riau", "0778"},
	{"kota", "Jambi", "Jambi", "0741"}, {"kabupaten", "Kerinci", "Jambi", "0748"},
	{"kota", "Palembang", "Sumatera Selatan", "0711"}, {"kabupaten", "Ogan Ilir", "Sumatera Selatan", "0711"},
	{"kota", "Bengkulu", "Bengkulu", "0736"}, {"kota", "Bandar Lampung", "Lampung", "0721"},
	{"kabupaten", "Lampung Selatan", "Lampung", "0727"}, {"kota", "Pangkalpinang", "Kepulauan Bangka Belitung", "0717"},
	{"kota", "Serang", "Banten", "0254"}, {"kabupaten", "Pandeglang", "Banten", "0253"},
	{"kota", "Tangerang Selatan", "Banten", "021"}, {"kota", "Jakarta Timur", "DKI Jakarta", "021"},
	{"kota", "Jakarta Selatan", "DKI Jakarta", "021"}, {"kota", "Bandung", "Jawa Barat", "022"},
	{"kabupaten", "Bogor", "Jawa Barat", "0251"}, {"kabupaten", "Garut", "Jawa Barat", "0262"},
	{"kota", "Cirebon", "Jawa Barat", "0231"}, {"kabupaten", "Tasikmalaya", "Jawa Barat", "0265"},
	{"kabupaten", "Karawang", "Jawa Barat", "0267"}, {"kota", "Semarang", "Jawa Tengah", "024"},
	{"kabupaten", "Banyumas", "Jawa Tengah", "0281"}, {"kabupaten", "Klaten", "Jawa Tengah", "0272"},
	{"kota", "Surakarta", "Jawa Tengah", "0271"}, {"kabupaten", "Magelang", "Jawa Tengah", "0293"},
	{"kabupaten", "Wonosobo", "Jawa Tengah", "0286"}, {"kabupaten", "Sleman", "DI Yogyakarta", "0274"},
	{"kabupaten", "Bantul", "DI Yogyakarta", "0274"}, {"kota", "Yogyakarta", "DI Yogyakarta", "0274"},
	{"kabupaten", "Gunungkidul", "DI Yogyakarta", "0274"}, {"kabupaten", "Kulon Progo", "DI Yogyakarta", "0274"},
	{"kota", "Surabaya", "Jawa Timur", "031"}, {"kota", "Malang", "Jawa Timur", "0341"},
	{"kabupaten", "Banyuwangi", "Jawa Timur", "0333"}, {"kabupaten", "Jember", "Jawa Timur", "0331"},
	{"kabupaten", "Sidoarjo", "Jawa Timur", "031"}, {"kabupaten", "Bojonegoro", "Jawa Timur", "0353"},
	{"kota", "Denpasar", "Bali", "0361"}, {"kabupaten", "Gianyar", "Bali", "0361"},
	{"kabupaten", "Buleleng", "Bali", "0362"}, {"kota", "Mataram", "Nusa Tenggara Barat", "0370"},
	{"kabupaten", "Lombok Timur", "Nusa Tenggara Barat", "0376"}, {"kabupaten", "Bima", "Nusa Tenggara Barat", "0374"},
	{"kota", "Kupang", "Nusa Tenggara Timur", "0380"}, {"kabupaten", "Manggarai Barat", "Nusa Tenggara Timur", "0385"},
	{"kabupaten", "Sikka", "Nusa Tenggara Timur", "0382"}, {"kota", "Pontianak", "Kalimantan Barat", "0561"},
	{"kabupaten", "Sambas", "Kalimantan Barat", "0562"}, {"kota", "Palangka Raya", "Kalimantan Tengah", "0536"},
	{"kabupaten", "Kotawaringin Barat", "Kalimantan Tengah", "0532"}, {"kota", "Banjarmasin", "Kalimantan Selatan", "0511"},
	{"kabupaten", "Banjar", "Kalimantan Selatan", "0511"}, {"kota", "Samarinda", "Kalimantan Timur", "0541"},
	{"kota", "Balikpapan", "Kalimantan Timur", "0542"}, {"kabupaten", "Penajam Paser Utara", "Kalimantan Timur", "0542"},
	{"kota", "Tarakan", "Kalimantan Utara", "0551"}, {"kota", "Manado", "Sulawesi Utara", "0431"},
	{"kabupaten", "Minahasa", "Sulawesi Utara", "0431"}, {"kota", "Gorontalo", "Gorontalo", "0435"},
	{"kota", "Palu", "Sulawesi Tengah", "0451"}, {"kabupaten", "Poso", "Sulawesi Tengah", "0452"},
	{"kota", "Makassar", "Sulawesi Selatan", "0411"}, {"kabupaten", "Gowa", "Sulawesi Selatan", "0411"},
	{"kabupaten", "Bone", "Sulawesi Selatan", "0481"}, {"kabupaten", "Mamuju", "Sulawesi Barat", "0426"},
	{"kota", "Kendari", "Sulawesi Tenggara", "0401"}, {"kabupaten", "Buton", "Sulawesi Tenggara", "0402"},
	{"kota", "Ambon", "Maluku", "0911"}, {"kabupaten", "Maluku Tengah", "Maluku", "0914"},
	{"kota", "Ternate", "Maluku Utara", "0921"}, {"kabupaten", "Halmahera Selatan", "Maluku Utara", "0927"},
	{"kota", "Jayapura", "Papua", "0967"}, {"kabupaten", "Biak Numfor", "Papua", "0981"},
	{"kabupaten", "Merauke", "Papua Selatan", "0971"}, {"kabupaten", "Jayawijaya", "Papua Pegunungan", "0969"},
	{"kabupaten", "Nabire", "Papua Tengah", "0984"}, {"kota", "Sorong", "Papua Barat Daya", "0951"},
	{"kabupaten", "Manokwari", "Papua Barat", "0986"},
}

// genAgencyName makes an agency of kind somewhere in Indonesia.
func genAgencyName(rng *rand.Rand, kind string) genAgency {
	p := genPick(rng, genPlaces)
	provincial := rng.IntN(6) == 0 // about one in six is a provincial body
	var name string
	switch kind {
	case "diskominfo":
		if provincial {
			name = "Dinas Komunikasi, Informatika dan Statistik Provinsi " + p.province
		} else {
			name = genPick(rng, []string{"Dinas Komunikasi dan Informatika ", "Diskominfo "}) + p.full()
		}
	case "humas":
		if provincial {
			name = "Biro Administrasi Pimpinan Setda Provinsi " + p.province
		} else {
			name = genPick(rng, []string{"Bagian Protokol dan Komunikasi Pimpinan Setda ", "Bagian Humas Setda "}) + p.full()
		}
	case "kpu":
		if provincial {
			name = "KPU Provinsi " + p.province
		} else {
			name = "KPU " + p.full()
		}
	case "bawaslu":
		if provincial {
			name = "Bawaslu Provinsi " + p.province
		} else {
			name = "Bawaslu " + p.full()
		}
	case "forkopimda":
		name = "Sekretariat Forkopimda " + p.full()
	case "tni":
		if provincial {
			name = fmt.Sprintf("Korem %03d/%s", 10+rng.IntN(180), p.name)
		} else {
			name = fmt.Sprintf("Kodim %04d/%s", 100+rng.IntN(1800), p.name)
		}
	case "polri":
		switch {
		case provincial:
			name = "Polda " + p.province
		case p.level == "kota":
			name = "Polresta " + p.name
		default:
			name = "Polres " + p.name
		}
	case "kejaksaan":
		if provincial {
			name = "Kejaksaan Tinggi " + p.province
		} else {
			name = "Kejaksaan Negeri " + p.name
		}
	case "media":
		name = genPick(rng, []string{"Radar %s", "Tribun %s", "RRI %s", "Suara %s", "%s Pos",
			"Kabar %s", "Warta %s", "%s TV", "Harian %s", "Info %s Terkini"})
		name = fmt.Sprintf(name, p.name)
	case "partai":
		name = fmt.Sprintf("DPC Partai Peserta Pemilu Nomor Urut %d %s", 1+rng.IntN(18), p.full())
	case "komunitas":
		name = genPick(rng, []string{"Karang Taruna ", "Mafindo Wilayah ", "Relawan Demokrasi ",
			"Forum Anak ", "Tim Penggerak PKK ", "Pemuda Pancasila ", "Forum Kerukunan Umat Beragama ",
			"Persatuan Wartawan Indonesia ", "Komunitas Literasi Digital "}) + p.full()
	default:
		name = genPick(rng, []string{"Dinas Pendidikan ", "Dinas Kesehatan ", "BPBD ",
			"Dinas Kependudukan dan Pencatatan Sipil ", "Bappeda ", "Badan Kesbangpol ",
			"Satpol PP ", "Dinas Sosial ", "RSUD ", "Perpustakaan Daerah "}) + p.full()
	}
	return genAgency{name: name, place: p}
}

var genFirstNames = []string{"Agus", "Budi", "Siti", "Dewi", "Rina", "Andi", "Wahyu", "Yuliana",
	"Rahmat", "Nur", "Fitri", "Bambang", "Sri", "Hendra", "Ketut", "Made", "Putu", "Nyoman",
	"Yohanes", "Maria", "Fransiska", "Irfan", "Aisyah", "Teuku", "Cut", "Dian", "Ratna", "Eko",
	"Joko", "Slamet", "Lestari", "Rudi", "Arif", "Intan", "Hasanuddin", "La Ode", "Daeng",
	"Marthen", "Yosina", "Fadli", "Rizky", "Ayu", "Gusti", "Samuel", "Margaretha", "Zulkifli"}

var genLastNames = []string{"Saputra", "Wibowo", "Lestari", "Hidayat", "Nugroho", "Setiawan",
	"Siregar", "Nasution", "Harahap", "Simanjuntak", "Sinaga", "Pratama", "Kurniawan", "Rahayu",
	"Susanto", "Wijaya", "Hutapea", "Manurung", "Mahendra", "Purnomo", "Suryani", "Lubis",
	"Panjaitan", "Tanjung", "Sembiring", "Ginting", "Rumbiak", "Wenda", "Kambu", "Mandagi",
	"Sumampouw", "Pattimura", "Latuconsina", "Makatita", "Daulay", "Rangkuti", "Syahputra", "Halim"}

func genPerson(rng *rand.Rand) string {
	return genPick(rng, genFirstNames) + " " + genPick(rng, genLastNames)
}

func (g *gen) agency(i int) *data.Agency {
	rng := g.rng("agency", i)
	ga := g.agencies[i]
	p, kind := ga.place, ga.kind
	a := &data.Agency{
		Name:          ga.name,
		Kind:          kind,
		Region:        p.full() + ", " + p.province,
		ContactPerson: genPerson(rng),
	}
	a.ID = GenID(g.cfg.Seed, "agency", i)
	a.OfficeID = g.cfg.OfficeID
	a.UpdatedAt = genFirstDay.Time().Add(time.Duration(rng.IntN(genDays*24)) * time.Hour)
	a.UpdatedBy = genPerson(rng)
	switch {
	case strings.Contains(a.Name, "Provinsi") || strings.HasPrefix(a.Name, "Polda") ||
		strings.HasPrefix(a.Name, "Korem") || strings.HasPrefix(a.Name, "Kejaksaan Tinggi"):
		a.Level = "provinsi"
	case kind == "media" || kind == "komunitas" || kind == "partai":
		a.Level = ""
	default:
		a.Level = p.level
	}
	if rng.IntN(10) < 8 {
		a.Address = fmt.Sprintf("Jl. %s No. %d, %s", genPick(rng, genStreets), 1+rng.IntN(250), p.full())
	}
	if rng.IntN(10) < 9 {
		if rng.IntN(3) == 0 {
			a.Phone = fmt.Sprintf("08%d%d-%04d-%04d", 1+rng.IntN(5), rng.IntN(10), rng.IntN(10000), rng.IntN(10000))
		} else {
			a.Phone = fmt.Sprintf("(%s) %d%06d", p.code, 2+rng.IntN(7), rng.IntN(1000000))
		}
	}
	site, handle := genSite(a.Name, kind, p, a.Level == "provinsi")
	switch kind {
	case "media":
		a.Email = "redaksi@" + handle + ".co.id"
		a.Website = "https://" + handle + ".co.id"
	case "komunitas", "partai":
		if rng.IntN(2) == 0 {
			a.Email = handle + "@gmail.com"
		}
	default:
		a.Email = "humas@" + site
		a.Website = "https://" + site
	}
	for _, pl := range []string{"instagram", "facebook", "x", "youtube", "tiktok", "whatsapp"} {
		if rng.IntN(10) < 5 {
			a.SocialAccounts = append(a.SocialAccounts, data.SocialAccount{Platform: pl, Handle: "@" + handle})
		}
	}
	a.Notes = genNotes(rng, genAgencyNotes, 0.5)
	return a
}

// genSite returns an agency's web domain (for a government body) and its
// social-media handle, in the shapes Indonesian bodies use: kominfo.
// slemankab.go.id, kpu-slemankab.go.id, jatengprov.go.id.
func genSite(name, kind string, p genPlace, provincial bool) (site, handle string) {
	region := p.slug()
	if provincial {
		region = genAlnum(p.province) + "prov"
	}
	switch kind {
	case "diskominfo":
		site = "kominfo." + region + ".go.id"
	case "humas":
		site = "setda." + region + ".go.id"
		if provincial {
			site = "biroadpim." + region + ".go.id"
		}
	case "kpu", "bawaslu":
		site = kind + "-" + region + ".go.id"
	case "forkopimda":
		site = "forkopimda." + region + ".go.id"
	case "lainnya":
		short := "pemda"
		for prefix, abbr := range genDinasAbbr {
			if strings.HasPrefix(name, prefix) {
				short = abbr
			}
		}
		site = short + "." + region + ".go.id"
	default: // TNI, Polri, Kejaksaan: their own names
		site = genAlnum(name) + ".go.id"
	}
	handle = strings.TrimSuffix(strings.TrimSuffix(site, ".go.id"), "."+region)
	switch kind {
	case "media":
		handle = genAlnum(name)
	case "komunitas", "partai":
		org := genAlnum(strings.TrimSuffix(name, " "+p.full()))
		if len(org) > 14 {
			org = org[:14]
		}
		handle = org + region
	case "diskominfo", "humas", "forkopimda", "lainnya":
		handle += region
	default:
		handle = strings.ReplaceAll(strings.TrimSuffix(site, ".go.id"), ".", "")
	}
	if len(handle) > 30 {
		handle = handle[:30]
	}
	return site, handle
}

var genDinasAbbr = map[string]string{"Dinas Pendidikan ": "disdik", "Dinas Kesehatan ": "dinkes",
	"BPBD ": "bpbd", "Dinas Kependudukan dan Pencatatan Sipil ": "disdukcapil", "Bappeda ": "bappeda",
	"Badan Kesbangpol ": "kesbangpol", "Satpol PP ": "satpolpp", "Dinas Sosial ": "dinsos",
	"RSUD ": "rsud", "Perpustakaan Daerah ": "perpusda"}

// genAlnum keeps the lower-case letters and digits of s.
func genAlnum(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, s)
}

var genStreets = []string{"Jenderal Sudirman", "Ahmad Yani", "Diponegoro", "Gajah Mada",
	"Pahlawan", "Merdeka", "Veteran", "Pemuda", "Kartini", "Imam Bonjol", "Teuku Umar",
	"Slamet Riyadi", "Hasanuddin", "Pattimura", "Sam Ratulangi", "Magelang KM 10", "Parasamya"}

var genAgencyNotes = []string{
	"Narahubung aktif membalas pesan WhatsApp pada jam kerja.",
	"Undangan resmi dikirim melalui surat dinas paling lambat tiga hari sebelum kegiatan.",
	"Mitra tetap dalam kegiatan sosialisasi tahapan pemilu.",
	"Akun media sosial resmi dikelola bersama Diskominfo.",
	"Perlu konfirmasi ulang nomor telepon kantor setelah pindah alamat.",
	"Mendukung penyebaran klarifikasi hoaks melalui jaringan grup warga.",
	"Rutin hadir dalam rapat koordinasi Bakohumas tingkat kabupaten.",
	"Permintaan peliputan diajukan melalui redaksi, bukan wartawan perorangan.",
	"Pejabat pengelola informasi dan dokumentasi (PPID) berada di bagian ini.",
}

// genNotes joins zero or more sentences from pool; p is the chance of any
// text at all, and the length varies from one sentence to a few paragraphs.
func genNotes(rng *rand.Rand, pool []string, p float64) string {
	if rng.Float64() >= p {
		return ""
	}
	n := 1 + rng.IntN(3)
	if rng.IntN(10) == 0 {
		n += 4 + rng.IntN(10) // the occasional long note
	}
	var b strings.Builder
	for k := 0; k < n; k++ {
		if k > 0 {
			if k%4 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(genPick(rng, pool))
	}
	return b.String()
}

// genDate returns a day in 2023–2026.
func genDate(rng *rand.Rand) data.Date { return genFirstDay.AddDays(rng.IntN(genDays)) }

// partner returns a random generated agency's index, or -1 without any.
func (g *gen) partner(rng *rand.Rand) int {
	if len(g.agencies) == 0 {
		return -1
	}
	return rng.IntN(len(g.agencies))
}

func (g *gen) partnerIDs(rng *rand.Rand, first int, max int) data.List[string] {
	if first < 0 {
		return nil
	}
	ids := data.List[string]{GenID(g.cfg.Seed, "agency", first)}
	for k := rng.IntN(max); k > 0; k-- {
		id := GenID(g.cfg.Seed, "agency", g.partner(rng))
		if !data.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// The pieces of entry titles.
var (
	genTopics = []string{"persiapan Pilkada", "pemutakhiran data pemilih", "pengamanan masa kampanye",
		"netralitas ASN", "penanganan hoaks pemilu", "distribusi logistik pemilu", "debat publik calon kepala daerah",
		"pencegahan politik uang", "peringatan HUT Kemerdekaan RI", "percepatan penurunan stunting",
		"kesiapsiagaan bencana banjir", "pelayanan publik terpadu", "pengendalian inflasi daerah",
		"Musrenbang tingkat kabupaten", "pengawasan masa tenang", "rekapitulasi hasil penghitungan suara",
		"keterbukaan informasi publik", "pemilih pemula", "pembentukan badan ad hoc PPK dan PPS",
		"penyusunan daftar pemilih tetap", "pengamanan Natal dan Tahun Baru", "arus mudik Lebaran",
		"vaksinasi dan imunisasi anak", "penyaluran bantuan sosial", "kampanye damai",
		"pelantikan kepala daerah terpilih", "penataan pedagang kaki lima", "pencegahan kebakaran hutan dan lahan"}
	genAudiences = []string{"pemilih pemula", "pelajar SMA dan SMK", "tokoh agama dan tokoh masyarakat",
		"kelompok disabilitas", "ibu-ibu PKK", "perangkat desa", "mahasiswa", "komunitas ojek daring",
		"karang taruna", "warga binaan lapas", "penyuluh agama", "kader posyandu", "nelayan"}
	genContents = []string{"infografis tahapan Pilkada", "video profil daerah", "siaran pers kegiatan Bupati",
		"rilis capaian pembangunan triwulan", "jadwal pelayanan KTP elektronik", "imbauan netralitas ASN",
		"pengumuman hasil seleksi PPK", "berita kegiatan pimpinan daerah", "materi edukasi cek fakta",
		"jadwal kampanye terbuka", "peta lokasi TPS", "laporan kinerja pemerintah daerah"}
	genHoaxes = []string{"surat suara sudah dicoblos sebelum hari pemungutan", "pemungutan suara diundur ke bulan Desember",
		"bantuan sosial hanya untuk pendukung pasangan calon tertentu", "rekrutmen CPNS tanpa tes berbayar",
		"data pemilih bocor dan dijual di internet", "pemadaman listrik total saat rekapitulasi",
		"akun WhatsApp palsu mengatasnamakan Bupati", "video lama kerusuhan diklaim terjadi di TPS",
		"pembagian sembako oleh penyelenggara pemilu", "perubahan lokasi TPS lewat pesan berantai",
		"gempa susulan berkekuatan besar malam ini", "link pendaftaran bantuan UMKM palsu"}
	genSkills = []string{"jurnalistik dasar", "fotografi dan videografi", "pengelolaan media sosial",
		"penulisan siaran pers", "cek fakta dan verifikasi digital", "public speaking juru bicara",
		"desain grafis infografis", "manajemen krisis komunikasi", "pengelolaan PPID", "penyiaran radio"}
	genStaff = []string{"pranata humas", "admin media sosial OPD", "anggota PPK dan PPS",
		"staf Bagian Protokol dan Komunikasi Pimpinan", "pengelola PPID pembantu", "operator website desa"}
	genFacilities = []string{"videotron alun-alun", "studio podcast", "ruang media center", "website resmi",
		"baliho informasi publik", "perangkat siaran langsung", "arsip foto dan video", "papan informasi kantor"}
	genVenues = []string{"Aula Kantor Bupati", "Ruang Rapat Diskominfo", "Pendopo", "Gedung DPRD",
		"Kantor KPU", "Kantor Bawaslu", "Balai Desa", "Hotel Grand Keisha", "Gedung Serbaguna",
		"Aula Kecamatan", "Alun-alun", "Media Center", "Taman Kota", "Gedung Olahraga"}
	genOnlineVenues = []string{"Zoom Meeting", "Google Meet", "Kanal YouTube resmi", "Siaran langsung Instagram",
		"Microsoft Teams", "Siaran RRI daring"}
	genObstacles = []string{
		"Jadwal bertabrakan dengan agenda pimpinan daerah.",
		"Narasumber dari instansi mitra berhalangan hadir dan diwakilkan.",
		"Jaringan internet di lokasi tidak stabil sehingga siaran langsung terputus.",
		"Anggaran konsumsi belum cair sehingga peserta dibatasi.",
		"Hujan deras menyebabkan sebagian peserta terlambat.",
		"Materi publikasi harus direvisi karena menampilkan foto kepala daerah.",
		"Undangan terlambat diterima oleh sebagian peserta.",
		"Perangkat proyektor rusak dan diganti dengan layar televisi.",
	}
	genFollowUps = []string{
		"Kegiatan dijadwalkan ulang pada bulan berikutnya.",
		"Materi dikirim ulang kepada peserta melalui grup WhatsApp.",
		"Berkoordinasi dengan Diskominfo untuk penguatan jaringan internet.",
		"Hasil rapat dituangkan dalam notulen dan disampaikan kepada pimpinan.",
		"Klarifikasi disebarkan ulang melalui seluruh akun media sosial OPD.",
		"Diusulkan penambahan anggaran pada perubahan APBD.",
		"Evaluasi bersama mitra dilakukan pada rapat koordinasi berikutnya.",
	}
	genEntryNotes = []string{
		"Kegiatan dibuka oleh Sekretaris Daerah dan dihadiri perwakilan Forkopimda.",
		"Dokumentasi foto dan video tersimpan di arsip humas.",
		"Daftar hadir peserta terlampir dalam laporan kegiatan.",
		"Peserta aktif bertanya tentang tahapan dan jadwal pemungutan suara.",
		"Materi paparan diunggah di laman PPID.",
		"Liputan kegiatan dimuat di tiga media daring lokal.",
		"Siaran langsung ditonton lebih dari seribu warganet.",
		"Kegiatan dilaksanakan sesuai protokol dan tetap menjaga netralitas ASN.",
		"Pimpinan meminta agar kegiatan serupa dilakukan di setiap kecamatan.",
		"Tidak ada foto kepala daerah dalam materi sosialisasi, sesuai arahan Kemendagri.",
		"Kuesioner kepuasan peserta menunjukkan hasil baik.",
		"Narasumber berasal dari akademisi universitas setempat.",
	}
)

// genActivityStrategies are the strategies an activity type usually
// serves; one entry in ten takes any strategy.
var genActivityStrategies = map[string][]int{
	"rapat_koordinasi":  {2, 2, 1},
	"sosialisasi":       {3, 4, 4},
	"publikasi":         {3, 6},
	"klarifikasi_hoaks": {6, 3},
	"monitoring_media":  {7, 6},
	"pelatihan":         {8},
	"sarana":            {5},
	"lainnya":           {1, 7},
}

var genActivityWeights = []genWeight{
	{"rapat_koordinasi", 22}, {"sosialisasi", 18}, {"publikasi", 24}, {"klarifikasi_hoaks", 8},
	{"monitoring_media", 10}, {"pelatihan", 6}, {"sarana", 5}, {"lainnya", 7},
}

func (g *gen) entry(i int) *data.Entry {
	rng := g.rng("entry", i)
	typ := genWeighted(rng, genActivityWeights)
	if i < len(data.ActivityTypes) {
		typ = data.ActivityTypes[i].Code
	}
	strategy := genPick(rng, genActivityStrategies[typ])
	if rng.IntN(10) == 0 {
		strategy = 1 + rng.IntN(len(data.Strategies))
	}
	if i < len(data.Strategies) {
		strategy = i + 1
	}
	start := genDate(rng)
	pi := g.partner(rng)
	partner := "instansi mitra"
	place := genPick(rng, genPlaces)
	if pi >= 0 {
		partner = g.agencies[pi].name
		place = g.agencies[pi].place
	}
	topic := genPick(rng, genTopics)
	var title string
	switch typ {
	case "rapat_koordinasi":
		title = genPick(rng, []string{"Rapat koordinasi %s dengan %s", "Rakor %s bersama %s",
			"Audiensi dan koordinasi %s dengan %s"})
		title = fmt.Sprintf(title, topic, partner)
	case "sosialisasi":
		title = fmt.Sprintf("Sosialisasi %s kepada %s di %s", topic, genPick(rng, genAudiences), place.full())
	case "publikasi":
		title = fmt.Sprintf("Publikasi %s melalui %s", genPick(rng, genContents),
			genPick(rng, []string{"website resmi", "Instagram", "kanal YouTube", "media cetak lokal", "radio", "videotron"}))
	case "klarifikasi_hoaks":
		title = "Klarifikasi hoaks: " + genPick(rng, genHoaxes)
	case "monitoring_media":
		title = fmt.Sprintf("Monitoring pemberitaan %s di media daring dan cetak", topic)
	case "pelatihan":
		title = fmt.Sprintf("Pelatihan %s bagi %s", genPick(rng, genSkills), genPick(rng, genStaff))
	case "sarana":
		title = fmt.Sprintf("Pemeliharaan dan pembaruan %s", genPick(rng, genFacilities))
	default:
		title = fmt.Sprintf(genPick(rng, []string{"Kunjungan kerja %s ke %s", "Evaluasi program kehumasan %s bersama %s",
			"Penyusunan rencana komunikasi %s dengan %s"}), topic, partner)
	}
	if len([]rune(title)) > data.MaxShort {
		title = string([]rune(title)[:data.MaxShort])
	}
	online := rng.IntN(5) == 0
	location := genPick(rng, genVenues) + " " + place.full()
	if online {
		location = genPick(rng, genOnlineVenues)
	}
	e := &data.Entry{
		StartDate:    start,
		EndDate:      start.AddDays(rng.IntN(4) / 3), // mostly one day
		Title:        title,
		ActivityType: typ,
		Strategy:     strategy,
		Location:     location,
		Online:       online,
		PartnerIDs:   g.partnerIDs(rng, pi, 3),
		Realised:     start.Before(genToday) && rng.IntN(12) != 0,
	}
	switch typ {
	case "publikasi", "klarifikasi_hoaks":
		e.Outputs = 1 + rng.IntN(12)
		e.Reach = 200 + rng.IntN(60000)
	case "sosialisasi":
		e.Participants = 30 + rng.IntN(470)
		e.Outputs = rng.IntN(3)
		e.Reach = e.Participants + rng.IntN(5000)
	case "monitoring_media":
		e.Outputs = 1 + rng.IntN(40)
	default:
		e.Participants = 5 + rng.IntN(120)
		e.Outputs = rng.IntN(4)
	}
	if e.Status = entryStatus(e.Realised, start, genToday); e.Status == data.EntryNotDone {
		e.NotDoneReason = genObstacles[0]
	}
	if !e.Realised || rng.IntN(4) == 0 {
		e.Obstacles = genNotes(rng, genObstacles, 0.7)
		e.FollowUp = genNotes(rng, genFollowUps, 0.7)
	}
	if e.Realised {
		for k := rng.IntN(3); k >= 0; k-- {
			e.EvidenceLinks = append(e.EvidenceLinks, fmt.Sprintf("https://%s.go.id/berita/%d/%02d/kegiatan-%d-%d",
				place.slug(), start.Year, int(start.Month), i+1, k+1))
		}
	}
	e.Notes = genNotes(rng, genEntryNotes, 0.7)
	e.ID = GenID(g.cfg.Seed, "entry", i)
	e.OfficeID = g.cfg.OfficeID
	e.UpdatedAt = start.Time().Add(time.Duration(8+rng.IntN(72)) * time.Hour)
	e.UpdatedBy = genPerson(rng)
	return e
}

// Election stages (tahapan) that narratives and some releases follow.
var genStages = []string{"Perencanaan program dan anggaran", "Pembentukan badan ad hoc",
	"Pemutakhiran data pemilih", "Pencalonan", "Masa kampanye", "Masa tenang",
	"Pemungutan dan penghitungan suara", "Rekapitulasi hasil", "Penetapan calon terpilih",
	"Penyelesaian sengketa hasil"}

var genDraftKindWeights = []genWeight{
	{"siaran_pers", 40}, {"narasi_tahapan", 20}, {"klarifikasi_hoaks", 15}, {"pengumuman", 15}, {"lainnya", 10},
}

var genParagraphs = []string{
	"Kegiatan ini merupakan bagian dari upaya pemerintah daerah untuk memberikan informasi yang akurat dan tepat waktu kepada masyarakat.",
	"Masyarakat diimbau untuk selalu memeriksa kebenaran informasi melalui kanal resmi sebelum menyebarkannya.",
	"Dalam sambutannya, Sekretaris Daerah menegaskan pentingnya menjaga netralitas aparatur sipil negara selama tahapan pemilihan.",
	"Informasi lebih lanjut dapat diperoleh melalui layanan PPID atau akun media sosial resmi.",
	"Kegiatan diikuti oleh perwakilan organisasi perangkat daerah, camat, lurah, dan tokoh masyarakat.",
	"Penyelenggara pemilu mengajak seluruh warga yang telah memenuhi syarat untuk memastikan namanya terdaftar sebagai pemilih.",
	"Pemerintah daerah berkomitmen mendukung penyelenggaraan pemilihan yang jujur, adil, dan damai.",
	"Narasumber menjelaskan langkah-langkah sederhana mengenali hoaks, antara lain memeriksa sumber, tanggal, dan keaslian foto.",
	"Seluruh materi sosialisasi disusun tanpa menampilkan foto maupun tagline pribadi kepala daerah.",
	"Kegiatan ditutup dengan sesi tanya jawab dan pembagian materi edukasi kepada peserta.",
	"Pengaduan masyarakat dapat disampaikan melalui kanal SP4N-LAPOR! yang terhubung dengan seluruh perangkat daerah.",
	"Jadwal lengkap setiap tahapan dapat dilihat pada laman resmi penyelenggara pemilu.",
}

func (g *gen) draft(i int) *data.Draft {
	rng := g.rng("draft", i)
	kind := genWeighted(rng, genDraftKindWeights)
	if i < len(data.DraftKinds) {
		kind = data.DraftKinds[i].Code
	}
	planned := genDate(rng)
	var status string
	switch {
	case i < len(data.DraftStatuses):
		status = data.DraftStatuses[i].Code
	case planned.Before(genToday.AddDays(-14)):
		status = genWeighted(rng, []genWeight{{data.StatusPublished, 90}, {data.StatusReturned, 4}, {data.StatusDraft, 6}})
	default:
		status = genWeighted(rng, []genWeight{{data.StatusDraft, 40}, {data.StatusSubmitted, 25},
			{data.StatusApproved, 20}, {data.StatusReturned, 10}, {data.StatusPublished, 5}})
	}
	pi := g.partner(rng)
	place := genPick(rng, genPlaces)
	partner := "instansi mitra"
	if pi >= 0 {
		partner = g.agencies[pi].name
		place = g.agencies[pi].place
	}
	topic := genPick(rng, genTopics)
	stage := ""
	var title string
	switch kind {
	case "siaran_pers":
		pemda := "Pemkab " + place.name
		if place.level == "kota" {
			pemda = "Pemkot " + place.name
		}
		who := genPick(rng, []string{pemda, pemda, "KPU " + place.full(), "Bawaslu " + place.full(), "Diskominfo " + place.full()})
		switch rng.IntN(4) {
		case 0:
			title = fmt.Sprintf("%s Gelar %s", who, genTitleCase(topic))
		case 1:
			title = fmt.Sprintf("%s dan Forkopimda Bahas %s", who, genTitleCase(topic))
		case 2:
			title = fmt.Sprintf("%s Ajak Warga Sukseskan %s", who, genTitleCase(topic))
		default:
			title = fmt.Sprintf("%s Libatkan %s dalam %s", who, partner, genTitleCase(topic))
		}
		if rng.IntN(3) == 0 {
			stage = genPick(rng, genStages)
		}
	case "narasi_tahapan":
		stage = genPick(rng, genStages)
		election := "Pilkada Serentak 2024"
		if planned.Year > 2024 {
			election = "Pemilu 2029"
		}
		title = fmt.Sprintf("Tahapan %s %s di %s", genTitleCase(stage), election, place.full())
	case data.DraftKindSocialPost:
		title = fmt.Sprintf("Unggahan: %s di %s", genTitleCase(topic), place.full())
	case "klarifikasi_hoaks":
		title = "[KLARIFIKASI] Tidak Benar " + genTitleCase(genPick(rng, genHoaxes))
	case "pengumuman":
		title = fmt.Sprintf(genPick(rng, []string{"Pengumuman Jadwal %s", "Pengumuman: Pendaftaran %s Dibuka",
			"Pengumuman Perubahan Layanan %s"}), genTitleCase(topic))
	default:
		title = fmt.Sprintf("Catatan internal: rencana konten %s bersama %s", topic, partner)
	}
	if len([]rune(title)) > data.MaxShort {
		title = string([]rune(title)[:data.MaxShort])
	}
	var channels data.List[string]
	for k, c := range data.Channels {
		if k == i%len(data.Channels) || rng.IntN(10) < 2 {
			channels = append(channels, c.Code)
		}
	}
	body := genBody(rng, place, planned, title)
	if limit, _, ok := data.PostLimit(channels); ok && kind == data.DraftKindSocialPost {
		body = genFit(body, limit)
	}
	d := &data.Draft{
		Title:         title,
		Body:          body,
		Kind:          kind,
		Channels:      channels,
		Status:        status,
		PlannedDate:   planned,
		ElectionStage: stage,
		AgencyIDs:     g.partnerIDs(rng, pi, 3),
	}
	d.ID = GenID(g.cfg.Seed, "draft", i)
	d.OfficeID = g.cfg.OfficeID
	d.UpdatedAt = planned.Time().Add(-time.Duration(rng.IntN(240)) * time.Hour)
	d.UpdatedBy = genPerson(rng)
	return d
}

// genFit cuts a post's text to at most limit characters, at a word.
func genFit(s string, limit int) string {
	r := []rune(s)
	if len(r) <= limit {
		return s
	}
	cut := string(r[:limit])
	if i := strings.LastIndexAny(cut, " \n"); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimSpace(cut)
}

// genBody writes a news-style body: a dateline lead and two to nine
// paragraphs of varied length.
func genBody(rng *rand.Rand, p genPlace, d data.Date, title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s, %s. %s.", strings.ToUpper(p.name), p.full(), iddate.Long(d), title)
	for k := 1 + rng.IntN(8); k > 0; k-- {
		b.WriteString("\n\n")
		for s := 1 + rng.IntN(4); s > 0; s-- {
			b.WriteString(genPick(rng, genParagraphs))
			if s > 1 {
				b.WriteByte(' ')
			}
		}
	}
	return b.String()
}

// genTitleCase capitalises the first letter of each word, the way
// Indonesian news titles are written.
func genTitleCase(s string) string {
	words := strings.Fields(s)
	for k, w := range words {
		if w == "dan" || w == "di" || w == "ke" || w == "untuk" || w == "oleh" {
			continue
		}
		words[k] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// GenVersion changes whenever Generate makes different records for the
// same config, so that cached benchmark databases are rebuilt.
const GenVersion = 3

// GenCachePath is where benchmarks keep the generated database of cfg
// between runs: a file in the temporary folder named by the generator's
// version, the seed and the counts, so that a changed generator or config
// never reuses a stale file.
func GenCachePath(cfg GenConfig) string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("humasdesk-bench-v%d-s%d-a%d-d%d-e%d.db",
		GenVersion, cfg.Seed, cfg.Agencies, cfg.Drafts, cfg.Entries))
}

// GenPageSize is the page the list views fetch.
const GenPageSize = 100

// GenQuery is one query the list views run, as the benchmarks time it.
type GenQuery struct {
	Name string
	// Run performs the query and returns how many rows it matched or
	// returned, so that a report can show what was measured.
	Run func(ctx context.Context) (int, error)
}

// Words searched by the benchmarks: a common one that many titles hold, a
// rare one that few do, and one that nothing holds (the slowest search
// for a first page, since no early stop is possible).
const (
	GenCommonWord = "pemilih"
	GenRareWord   = "Jayawijaya"
	GenNoneWord   = "zzqx"
)

// GenQueries returns the queries of the performance targets over st, with
// the filter the list views use (this installation's office): the first
// page of each list, a middle and the last page of entries, counts, and
// searches and filters as count plus first page, which is what a list view
// does when it opens and after each change to its search or filters. A few
// run over every office, as a coordinator's lists may.
func GenQueries(ctx context.Context, st *store.Store) ([]GenQuery, error) {
	office, err := st.CurrentOffice(ctx)
	if err != nil {
		return nil, err
	}
	own := store.Filter{OfficeID: office.ID}
	total, err := st.CountEntries(ctx, own)
	if err != nil {
		return nil, err
	}
	allTotal, err := st.CountEntries(ctx, store.Filter{})
	if err != nil {
		return nil, err
	}
	type lister struct {
		name  string
		page  func(context.Context, store.Filter, int, int) (int, error)
		count func(context.Context, store.Filter) (int, error)
	}
	agencies := lister{"agencies", func(ctx context.Context, f store.Filter, off, lim int) (int, error) {
		r, err := st.Agencies(ctx, f, off, lim)
		return len(r), err
	}, st.CountAgencies}
	drafts := lister{"drafts", func(ctx context.Context, f store.Filter, off, lim int) (int, error) {
		r, err := st.Drafts(ctx, f, off, lim)
		return len(r), err
	}, st.CountDrafts}
	entries := lister{"entries", func(ctx context.Context, f store.Filter, off, lim int) (int, error) {
		r, err := st.Entries(ctx, f, off, lim)
		return len(r), err
	}, st.CountEntries}
	page := func(l lister, f store.Filter, off int) func(context.Context) (int, error) {
		return func(ctx context.Context) (int, error) { return l.page(ctx, f, off, GenPageSize) }
	}
	// countPage is what a list view does when it opens or its filter
	// changes: count the rows, then read the first page.
	countPage := func(l lister, f store.Filter) func(context.Context) (int, error) {
		return func(ctx context.Context) (int, error) {
			n, err := l.count(ctx, f)
			if err != nil {
				return 0, err
			}
			_, err = l.page(ctx, f, 0, GenPageSize)
			return n, err
		}
	}
	with := func(f store.Filter, change func(*store.Filter)) store.Filter {
		change(&f)
		return f
	}
	var qs []GenQuery
	for _, l := range []lister{agencies, drafts, entries} {
		qs = append(qs,
			GenQuery{l.name + "/first-page", page(l, own, 0)},
			GenQuery{l.name + "/open", countPage(l, own)})
	}
	qs = append(qs,
		GenQuery{"entries/middle-page", page(entries, own, total/2)},
		GenQuery{"entries/last-page", page(entries, own, max(0, total-GenPageSize))},
		GenQuery{"entries/count", func(ctx context.Context) (int, error) { return st.CountEntries(ctx, own) }},
		// A search counted only up to 1,000 (a list then shows "1.000+").
		GenQuery{"entries/search-common-capped", func(ctx context.Context) (int, error) {
			f := with(own, func(f *store.Filter) { f.Query = GenCommonWord })
			n, err := st.CountEntriesInAtMost(ctx, f, nil, 1000)
			if err != nil {
				return 0, err
			}
			_, err = st.Entries(ctx, f, 0, GenPageSize)
			return n, err
		}},
		// The last page right after a write, which forgets the anchors
		// that deep pages seek from: the first jump to the end of the
		// list walks its index once to make them (the write included).
		GenQuery{"entries/last-page-after-write", func(ctx context.Context) (int, error) {
			if err := st.SetSetting(ctx, "bench_last_write", time.Now().String()); err != nil {
				return 0, err
			}
			return page(entries, own, max(0, total-GenPageSize))(ctx)
		}},
	)
	for _, l := range []lister{agencies, drafts, entries} {
		for _, w := range []struct{ name, word string }{{"common", GenCommonWord}, {"rare", GenRareWord}, {"none", GenNoneWord}} {
			word := w.word
			if l.name == "agencies" && w.name == "common" {
				word = "Kabupaten"
			}
			qs = append(qs, GenQuery{l.name + "/search-" + w.name,
				countPage(l, with(own, func(f *store.Filter) { f.Query = word }))})
		}
	}
	from, to := data.NewDate(2024, time.April, 1), data.NewDate(2024, time.June, 30)
	qs = append(qs,
		GenQuery{"entries/search-two-words", countPage(entries, with(own, func(f *store.Filter) { f.Query = "rapat " + GenRareWord }))},
		GenQuery{"entries/filter-strategy-quarter", countPage(entries, with(own, func(f *store.Filter) { f.Strategy, f.From, f.To = 2, from, to }))},
		GenQuery{"entries/filter-kind", countPage(entries, with(own, func(f *store.Filter) { f.Kind = "klarifikasi_hoaks" }))},
		GenQuery{"entries/filter-kind-search", countPage(entries, with(own, func(f *store.Filter) { f.Kind, f.Query = "sosialisasi", GenCommonWord }))},
		GenQuery{"drafts/filter-status-quarter", countPage(drafts, with(own, func(f *store.Filter) { f.Status, f.From, f.To = data.StatusPublished, from, to }))},
		// Every office, as in a coordinator's lists.
		GenQuery{"all-offices/entries/first-page", page(entries, store.Filter{}, 0)},
		GenQuery{"all-offices/entries/last-page", page(entries, store.Filter{}, max(0, allTotal-GenPageSize))},
		GenQuery{"all-offices/entries/search-none", countPage(entries, store.Filter{Query: GenNoneWord})},
		GenQuery{"all-offices/drafts/search-none", countPage(drafts, store.Filter{Query: GenNoneWord})},
	)
	return qs, nil
}
