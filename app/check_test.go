package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/check"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// highlighted is the text of a finding's context drawn as the match.
func highlighted(v *findingView) string {
	var out []string
	for _, s := range v.context.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style == highlightStyle {
			out = append(out, ts.Text)
		}
	}
	return strings.Join(out, "|")
}

// The check runs on save: a text with a listed term shows a finding with
// the match highlighted in its sentence, what was found and why it
// matters; saving is still allowed. An ordinary coordination-meeting
// release has none.
func TestCheckRunsOnSave(t *testing.T) {
	u, st := newTestUI(t)
	c := u.draftEd.checker
	d := writeDraft(t, u, st, "Imbauan menjaga kerukunan",
		"Polres mengimbau warga tidak terprovokasi ajakan di media sosial untuk membantai kelompok lain. Laporkan akun penyebarnya.")
	if d.Status != data.StatusDraft {
		t.Fatalf("the draft with findings was not saved as a draft: %q", d.Status)
	}
	if !c.checked || len(c.views) != 1 {
		t.Fatalf("after saving: checked %v, %d findings (%q)", c.checked, len(c.views), c.summary.Text)
	}
	v := c.views[0]
	if v.f.Rule != check.RuleUjaranKebencian || v.f.Severity != check.SeverityHigh {
		t.Errorf("finding %+v", v.f)
	}
	if got := highlighted(v); got != "membantai" {
		t.Errorf("highlighted %q", got)
	}
	if got := v.context.String(); !strings.Contains(got, "ajakan di media sosial untuk membantai kelompok lain.") {
		t.Errorf("context %q", got)
	}
	if !strings.HasPrefix(v.head.Text, "Ujaran kebencian · Tinggi · Isi") || v.message.Text == "" ||
		!strings.HasPrefix(v.why.Text, "Mengapa penting: ") {
		t.Errorf("finding shows %q / %q / %q", v.head.Text, v.message.Text, v.why.Text)
	}
	if got := u.drafts.Status.Text; got != "Tersimpan, dengan 1 temuan Periksa Netralitas yang perlu dilihat." {
		t.Errorf("status after saving: %q", got)
	}

	// Corrected and checked with the button, without saving: no finding.
	typeInto(u.draftEd.body, "Polres mengimbau warga tidak terprovokasi ajakan di media sosial. Laporkan akun penyebarnya.")
	test.Tap(c.btn)
	if len(c.views) != 0 || c.summary.Text != "Tidak ada temuan." {
		t.Errorf("after correcting: %d findings, %q", len(c.views), c.summary.Text)
	}

	// An ordinary release: nothing.
	writeDraft(t, u, st, "Rapat koordinasi persiapan Hari Jadi Kabupaten Sleman",
		"Sleman, 10 Juli 2026 — Sekretaris Daerah Kabupaten Sleman memimpin rapat koordinasi persiapan peringatan Hari Jadi "+
			"Kabupaten Sleman bersama perangkat daerah, camat, dan unsur Forkopimda di Ruang Rapat Sekda. Rapat membahas "+
			"susunan acara, pengamanan, dan layanan kesehatan bagi warga yang hadir.\n\n\"Kami ingin peringatan tahun ini "+
			"melibatkan masyarakat,\" kata Sekretaris Daerah.")
	if !c.checked || len(c.views) != 0 || c.summary.Text != "Tidak ada temuan." {
		t.Errorf("an ordinary release: %d findings (%q)", len(c.views), c.summary.Text)
	}
	if u.drafts.Status.Text != "Tersimpan." {
		t.Errorf("status %q", u.drafts.Status.Text)
	}
}

// Submitting with open findings needs an explicit override: the dialog
// lists the findings, an empty reason is refused, and the reason is
// recorded in the history with the number of findings.
func TestSubmitWithFindingsNeedsAReason(t *testing.T) {
	u, st := newTestUI(t)
	f := u.draftEd
	actAs(t, u, "Ani Lestari", "Penulis")
	d := writeDraft(t, u, st, "Klarifikasi pesan berantai",
		"Beredar pesan berantai yang mengajak warga untuk menghasut tetangga. Pesan itu tidak benar.")
	if len(f.checker.findings) != 1 {
		t.Fatalf("findings: %+v", f.checker.findings)
	}
	tapAction(t, u, workflow.Submit)
	step := f.flow.step
	if step == nil || step.reason == nil || len(step.findings) != 1 {
		t.Fatalf("no override dialog: %+v", step)
	}
	if got := strings.Join(dialogText(u.win), "\n"); !strings.Contains(got, "menemukan 1 hal") || !strings.Contains(got, "“menghasut”") {
		t.Errorf("the override dialog says %q", got)
	}
	// An empty reason is refused by the store, in its words.
	tapDialogButton(t, u.win, "Tetap ajukan")
	if !step.err.Visible() || !strings.Contains(step.err.Text, "masih ada 1 temuan pemeriksaan netralitas") {
		t.Fatalf("empty reason: %q", step.err.Text)
	}
	if storedStatus(t, st, d.ID) != data.StatusDraft {
		t.Fatal("submitted without a reason")
	}
	typeInto(step.reason, "Kata itu bagian dari kutipan hoaks yang dibantah.")
	tapDialogButton(t, u.win, "Tetap ajukan")
	if storedStatus(t, st, d.ID) != data.StatusSubmitted {
		t.Fatalf("not submitted with a reason: %q", step.err.Text)
	}
	trail, _ := st.AuditTrail(ctx, d.ID)
	if len(trail) != 1 || trail[0].Findings != 1 || trail[0].OverrideReason != "Kata itu bagian dari kutipan hoaks yang dibantah." {
		t.Fatalf("audit %+v", trail)
	}
	if len(f.trail.texts) != 1 || !strings.Contains(f.trail.texts[0],
		"Diajukan dengan 1 temuan Periksa Netralitas yang terbuka. Alasan: Kata itu bagian dari kutipan hoaks yang dibantah.") {
		t.Errorf("history: %q", f.trail.texts)
	}
}

// A draft's picture marked as showing an official makes election content
// a finding; the mark can be changed on the picture.
func TestDraftPhotoOfAnOfficial(t *testing.T) {
	u, st := newTestUI(t)
	f := u.draftEd
	d := writeDraft(t, u, st, "Sosialisasi Pilkada 2024", "KPU mengajak warga datang ke TPS.")
	p := f.photos
	if !p.addBtn.Visible() || p.official == nil {
		t.Fatal("a saved draft offers no photo")
	}
	p.official.SetChecked(true)
	<-p.attach(writeFile(t, "bupati.png", tinyPNG(t)))
	p.thumbs.Wait()
	ps, _ := st.DraftPhotos(ctx, d.ID)
	if len(ps) != 1 || !ps[0].ShowsOfficial || len(p.rows) != 1 || !p.rows[0].official.Checked {
		t.Fatalf("attached %+v, rows %d", ps, len(p.rows))
	}
	if len(f.checker.findings) != 1 || f.checker.findings[0].Rule != check.RuleFotoPejabat {
		t.Fatalf("findings after attaching: %+v", f.checker.findings)
	}
	if !strings.HasSuffix(f.checker.views[0].head.Text, "Foto 1") {
		t.Errorf("finding head %q", f.checker.views[0].head.Text)
	}
	// Unmarked, the picture is no finding.
	p.rows[0].official.SetChecked(false)
	ps, _ = st.DraftPhotos(ctx, d.ID)
	if ps[0].ShowsOfficial || len(f.checker.findings) != 0 {
		t.Errorf("after unmarking: stored %v, %d findings", ps[0].ShowsOfficial, len(f.checker.findings))
	}
}

func TestMatchContext(t *testing.T) {
	for _, c := range []struct {
		text       string
		start, end int
		before     string
		after      string
	}{
		{"Warga dibantai.", 6, 14, "Warga ", "."},
		{"Judul\nbaris dua", 6, 11, "Judul ", " dua"},
	} {
		b, m, a := matchContext(c.text, c.start, c.end)
		if b != c.before || m != c.text[c.start:c.end] || a != c.after {
			t.Errorf("matchContext(%q) = %q, %q, %q", c.text, b, m, a)
		}
	}
	// A long text is cut at words on both sides, with "…".
	long := strings.Repeat("kata ", 40)
	b, m, a := matchContext(long+"hasut "+long, len(long), len(long)+5)
	if m != "hasut" || !strings.HasPrefix(b, "…kata ") || !strings.HasSuffix(b, "kata ") ||
		!strings.HasPrefix(a, " kata") || !strings.HasSuffix(a, "kata…") || len(b) > contextBytes+len("…") || len(a) > contextBytes+len("…") {
		t.Errorf("long text: %q %q %q", b, m, a)
	}
	// Offsets near characters of several bytes never split one.
	b, m, a = matchContext("é"+strings.Repeat("x", 100)+"ganyang é", 102, 109)
	if strings.ContainsRune(b+m+a, '\uFFFD') || m != "ganyang" || a != " é" || !strings.HasPrefix(b, "…") {
		t.Errorf("multibyte: %q %q %q", b, m, a)
	}
	b, _, _ = matchContext("x"+strings.Repeat("é", 60)+"ganyang", 121, 128)
	_, _, a = matchContext("ganyang "+strings.Repeat("é", 60), 0, 7)
	if !utf8.ValidString(b) || !utf8.ValidString(a) {
		t.Errorf("split a character: %q, %q", b, a)
	}
}

// Only election stages reach the checker: an office's own event keyed
// like a stage does not stretch the Pasal 71 or campaign periods.
func TestCheckConfigKeepsElectionStages(t *testing.T) {
	u, st := newTestUI(t)
	own := &data.Stage{Key: check.StageKampanye, Name: "Kampanye imunisasi", Start: data.NewDate(2026, 3, 1),
		End: data.NewDate(2026, 3, 31), Category: data.StageLocal}
	if err := st.SaveStage(ctx, own); err != nil {
		t.Fatal(err)
	}
	cfg, err := u.checkConfig()
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Stages) == 0 {
		t.Fatal("the shipped election stages are missing")
	}
	for _, s := range cfg.Stages {
		if s.Category != data.StageElection || s.ID == own.ID {
			t.Errorf("stage %q (%s) reached the checker", s.Name, s.Category)
		}
	}
	if len(cfg.Terms) == 0 {
		t.Error("no terms")
	}
}

// A line break or a run of spaces in the context reads as one space.
func TestMatchContextFlattensWhiteSpace(t *testing.T) {
	text := strings.Repeat("kata ", 30) + "TPS.\n\nWarga   diminta\tmembantai."
	b, m, a := matchContext(text, strings.Index(text, "membantai"), len(text)-1)
	if !strings.HasSuffix(b, "kata TPS. Warga diminta ") || strings.HasPrefix(b, "… ") || m != "membantai" || a != "." {
		t.Errorf("%q %q %q", b, m, a)
	}
}
