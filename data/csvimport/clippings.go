package csvimport

import (
	"context"
	"fmt"
	"io"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// The clipping register's import (kliping): the same all-or-nothing
// import and errors by line and column as activities and agencies. An
// outlet named like one of the media agencies is linked to it; any other
// is kept as text. A line whose link is already in the register, or
// earlier in the file, is a duplicate.

// KindClippings names clipping files.
const KindClippings = "kliping"

// Column names of the clipping layout (tanggal_mulai's "tanggal", judul
// and catatan spellings are not shared: a clipping has its own).
const (
	ColClipDate = "tanggal"
	ColOutlet   = "media"
	ColMedium   = "jenis_media"
	ColHeadline = "judul_berita"
	ColLink     = "tautan"
	ColSummary  = "ringkasan"
	ColTone     = "sentimen"
	ColTopics   = "topik"
	ColStage    = "tahapan"
)

var clippingLayout = newLayout(KindClippings, []Column{
	{Name: ColClipDate, Label: "Tanggal", Field: "date", Required: true, label: data.LabelClipDate, Help: helpDate,
		aliases: []string{"tgl", "tanggal_terbit", "tanggal_berita"}},
	{Name: ColOutlet, Label: "Media", Field: "outlet", Required: true, label: data.LabelOutlet,
		Help: "nama media; bila sama dengan instansi berjenis Media, kliping ditautkan ke instansi itu", aliases: []string{"nama_media", "outlet"}},
	{Name: ColMedium, Label: "Jenis media", Field: "medium", Required: true, label: data.LabelMedium,
		Help: "kode atau nama: " + vocabHelp(data.Media)},
	{Name: ColHeadline, Label: "Judul berita", Field: "headline", Required: true, label: data.LabelHeadline,
		Help: "teks, wajib, paling banyak 500 karakter", aliases: []string{"judul"}},
	{Name: ColLink, Label: "Tautan", Field: "link", label: data.LabelClipLink,
		Help: "alamat http:// atau https://; dipakai untuk mengenali berita yang sudah tercatat", aliases: []string{"link", "url"}},
	{Name: ColSummary, Label: "Ringkasan", Field: "summary", label: data.LabelSummary, Help: "teks", aliases: []string{"isi"}},
	{Name: ColTone, Label: "Sentimen", Field: "tone", Required: true, label: data.LabelTone,
		Help: "Positif, Netral, atau Negatif", aliases: []string{"nada", "tone"}},
	{Name: ColTopics, Label: "Topik", Field: "topics", label: data.LabelTopics, Help: "topik/isu, dipisah ; , atau |", aliases: []string{"isu", "tag"}},
	{Name: ColStage, Label: "Tahapan", Field: "election_stage", label: data.LabelElectionStage, Help: "nama tahapan pemilu; boleh kosong",
		aliases: []string{"tahapan_pemilu"}},
}, "no", "nomor")

// ClippingColumns returns the clipping layout, in file order.
func ClippingColumns() []Column { return clippingLayout.current() }

// ClippingHeader returns the canonical header of clipping files.
func ClippingHeader() []string { return clippingLayout.header() }

var (
	mediaKinds = newVocabIndex(data.Media, map[string]string{"daring": "online", "koran": "cetak", "televisi": "tv", "medsos": "media_sosial"})
	tones      = newVocabIndex(data.Tones, map[string]string{"pos": "positif", "neg": "negatif", "+": "positif", "-": "negatif"})
)

// ClippingRow is one clipping line.
type ClippingRow struct {
	Line     int
	Clipping *data.Clipping
}

// PreviewClippings reads a clipping file and checks every line as
// ImportClippings would, writing nothing.
func PreviewClippings(ctx context.Context, st *store.Store, r io.Reader, opt Options) (*Result, error) {
	res, t, office, err := startPreview(ctx, st, r, KindClippings, clippingLayout, opt)
	if err != nil || t == nil {
		return res, err
	}
	outlets, err := st.MediaOutlets(ctx)
	if err != nil {
		return nil, err
	}
	byName := map[string]string{}
	for _, a := range outlets {
		byName[nameKey(a.Name)] = a.ID
	}
	firstLine := map[string]int{}
	for _, rw := range t.rows {
		if rw.shifted {
			continue
		}
		c, es := parseClipping(t, rw, office, byName)
		if len(es) > 0 {
			res.Errors = append(res.Errors, es...)
			continue
		}
		if c.Link != "" && opt.Duplicates != AllowDuplicates {
			if first, ok := firstLine[c.Link]; ok {
				res.Errors = append(res.Errors, LineError{Line: rw.line, Column: ColLink, Reason: fmt.Sprintf(
					"berita %q sudah ada di baris %d berkas ini", c.Link, first)})
				continue
			}
			firstLine[c.Link] = rw.line
			if _, err := st.ClippingByLink(ctx, c.Link); err == nil {
				what := fmt.Sprintf("berita %q sudah ada di register kliping", c.Link)
				if opt.Duplicates == RejectDuplicates {
					res.Errors = append(res.Errors, LineError{Line: rw.line, Column: ColLink, Reason: what + "; hapus baris ini"})
				} else {
					res.Duplicates = append(res.Duplicates, Duplicate{Line: rw.line, Reason: what + "; baris dilewati"})
				}
				continue
			}
		}
		res.Clippings = append(res.Clippings, ClippingRow{Line: rw.line, Clipping: c})
	}
	res.Errors.sortFor(clippingLayout)
	return res, nil
}

// ImportClippings reads a clipping file and, if every line is good,
// writes all its clippings in one transaction, queued for sync; otherwise
// it writes nothing and returns the Errors.
func ImportClippings(ctx context.Context, st *store.Store, r io.Reader, opt Options) (*Result, error) {
	res, err := PreviewClippings(ctx, st, r, opt)
	if err != nil {
		return res, err
	}
	recs := make([]data.Record, len(res.Clippings))
	lines := make([]int, len(res.Clippings))
	for i, cr := range res.Clippings {
		recs[i], lines[i] = cr.Clipping, cr.Line
	}
	return res, res.write(ctx, st, clippingLayout, recs, lines)
}

func parseClipping(t *table, rw row, office string, outlets map[string]string) (*data.Clipping, Errors) {
	le := lineErrors{line: rw.line}
	get := func(col string) string { return t.get(rw, col) }
	c := &data.Clipping{Meta: data.Meta{OfficeID: office}, Outlet: get(ColOutlet), Headline: get(ColHeadline),
		Link: withScheme(get(ColLink)), Summary: get(ColSummary), ElectionStage: get(ColStage), Source: "csv"}
	c.AgencyID = outlets[nameKey(c.Outlet)]
	if v := get(ColClipDate); v != "" {
		if d, err := parseDate(v); err != nil {
			le.fail(ColClipDate, err)
		} else {
			c.Date = d
		}
	}
	if v := get(ColMedium); v != "" {
		if code, err := mediaKinds.code(v, "jenis media"); err != nil {
			le.fail(ColMedium, err)
		} else {
			c.Medium = code
		}
	}
	if v := get(ColTone); v != "" {
		if code, err := tones.code(v, "sentimen"); err != nil {
			le.fail(ColTone, err)
		} else {
			c.Tone = code
		}
	}
	c.Topics = splitList(get(ColTopics), ";,|")
	c.Normalize()
	if err := c.Validate(); err != nil {
		le.errs = append(le.errs, clippingLayout.validation(rw.line, err, le.bad, get)...)
	}
	return c, le.errs
}
