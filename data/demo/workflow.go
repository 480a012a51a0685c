package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// The demo's content workflow: each office's copy of the 2024 election
// stages, audit trails for the demo drafts in every status (plus a few
// drafts that went the whole way, one corrected as a second revision),
// hoax-register cases (one still open), an office template, and the local
// user. Like the rest of the demo it is written once by id and never
// queued for sync.

// people are the demo offices' writer and reviewer.
var people = map[string][2]data.User{
	KPUOfficeID: {
		{Name: "Rina Kusumawati, S.I.Kom.", Position: "Staf Subbagian Partisipasi dan Hubungan Masyarakat", Role: data.RoleWriter},
		{Name: "Bagus Prasetyo, S.Sos.", Position: "Kepala Subbagian Partisipasi dan Hubungan Masyarakat", Role: data.RoleReviewer},
	},
	DiskominfoOfficeID: {
		{Name: "Dewi Anggraini, S.Sos.", Position: "Pranata Humas Ahli Pertama", Role: data.RoleWriter},
		{Name: "Hendra Wijaya, S.Kom., M.M.", Position: "Kepala Bidang Informasi dan Komunikasi Publik", Role: data.RoleReviewer},
	},
}

// People returns the writer and the reviewer of a demo office.
func People(officeID string) (writer, reviewer data.User) {
	p := people[officeID]
	return p[0], p[1]
}

// LocalUser is who the demo installation's user is, unless one was set
// before: the KPU office's reviewer, who may also write, so that the demo
// user can approve the writer's submissions but not their own.
func LocalUser() data.User {
	u := people[KPUOfficeID][1]
	u.Role = data.RoleBoth
	return u
}

const demoDevice = "demo"

// loadWorkflow writes the workflow part of the demo; see the top of the file.
func loadWorkflow(ctx context.Context, st *store.Store, opt Options) error {
	for _, o := range offices() {
		if _, err := st.SeedStagesFor(ctx, o.office.ID); err != nil {
			return fmt.Errorf("demo: tahapan %s: %w", o.office.Name, err)
		}
		recs, err := workflowRecords(ctx, st, o, opt)
		if err != nil {
			return fmt.Errorf("demo: alur konten %s: %w", o.office.Name, err)
		}
		if _, err := st.InsertBatch(ctx, recs, false); err != nil {
			return fmt.Errorf("demo: alur konten %s: %w", o.office.Name, err)
		}
	}
	if u, err := st.LocalUser(ctx); err != nil {
		return err
	} else if u.Name == "" {
		return st.SetLocalUser(ctx, LocalUser())
	}
	return nil
}

// trail builds a draft's audit records step by step.
type trail struct {
	officeID, draftID string
	revision, step    int
	status            string
	recs              []data.Record
}

func (t *trail) add(action workflow.Action, to string, u data.User, at time.Time, note string) *data.Audit {
	t.step++
	if action == workflow.Revise {
		t.revision++
	}
	a := &data.Audit{DraftID: t.draftID, Revision: t.revision, Step: t.step, Action: string(action),
		FromStatus: t.status, ToStatus: to, ActorName: u.Name, ActorPosition: u.Position, ActorRole: u.Role,
		ActorDevice: demoDevice, Note: note, At: at.UTC()}
	if a.ActorID = actorID(t.officeID, u); a.ActorID != "" {
		// A person's audit names the role the step needs, as the
		// workflow records it (transitions.go), not a legacy role.
		a.ActorRole = data.RoleDrafter
		if action == workflow.Approve || action == workflow.Return {
			a.ActorRole = data.RoleVerifier
		}
	}
	a.ID = stableID(fmt.Sprintf("%s/audit/%s/%d", t.officeID, t.draftID, t.step))
	a.OfficeID = t.officeID
	a.UpdatedAt, a.UpdatedBy = a.At, u.Name
	t.status = to
	t.recs = append(t.recs, a)
	return a
}

// at is a local time on day.
func at(day data.Date, hour, min int) time.Time {
	return time.Date(day.Year, day.Month, day.Day, hour, min, 0, 0, time.Local)
}

func workflowRecords(ctx context.Context, st *store.Store, o demoOffice, opt Options) ([]data.Record, error) {
	w, r := People(o.office.ID)
	var recs []data.Record
	// The trails of the demo drafts, as far as their status says they went.
	for i := range o.drafts {
		d, err := st.Draft(ctx, stableID(fmt.Sprintf("%s/draft/%d/%d", o.office.ID, opt.Year, i)))
		if err != nil {
			return nil, err
		}
		anchor := d.PlannedDate
		if anchor.After(opt.Today) {
			anchor = opt.Today
		}
		t := &trail{officeID: o.office.ID, draftID: d.ID, revision: 1, status: data.StatusDraft}
		submitted, decided := at(anchor.AddDays(-4), 9, 10+i), at(anchor.AddDays(-2), 14, 5+i)
		switch d.Status {
		case data.StatusSubmitted:
			t.add(workflow.Submit, data.StatusSubmitted, w, submitted, "Mohon ditinjau.")
		case data.StatusReturned:
			t.add(workflow.Submit, data.StatusSubmitted, w, submitted, "Mohon ditinjau.")
			t.add(workflow.Return, data.StatusReturned, r, decided,
				"Lengkapi sumber data dan tanggal berlakunya; hindari istilah teknis tanpa penjelasan.")
		case data.StatusApproved, data.StatusPublished:
			t.add(workflow.Submit, data.StatusSubmitted, w, submitted, "Mohon ditinjau.")
			t.add(workflow.Approve, data.StatusApproved, r, decided, "Sudah sesuai, silakan dijadwalkan.")
			if d.Status == data.StatusPublished {
				t.add(workflow.Publish, data.StatusPublished, w, at(d.PlannedDate, 10, 0), "Terbit sesuai rencana.")
			}
		}
		recs = append(recs, t.recs...)
	}
	more, err := o.workflowStory(opt, w, r)
	return append(recs, more...), err
}

// workflowStory is what each demo office went through with the register:
// drafts that were published (one corrected), the cases they clarified,
// and, for the KPU office, an open case and a template of its own.
func (o demoOffice) workflowStory(opt Options, w, r data.User) ([]data.Record, error) {
	id := func(s string) string { return stableID(o.office.ID + "/workflow/" + fmt.Sprint(opt.Year) + "/" + s) }
	ago := func(days int) data.Date { return opt.Today.AddDays(-days) }
	tpl := func(kind string) data.Template {
		for _, t := range workflow.DefaultTemplates() {
			if t.DraftKind == kind {
				return t
			}
		}
		panic(kind)
	}
	var recs []data.Record
	// published writes a draft that went the whole way on day, its trail,
	// and the case it clarifies (found at found, when set).
	published := func(key, title string, day data.Date, submit, approve, publish time.Time, link string) (*data.Draft, *trail) {
		d := &data.Draft{Title: title, Kind: "klarifikasi_hoaks", Channels: data.List[string]{"instagram", "website", "x"},
			Status: data.StatusPublished, PlannedDate: day, PublishedAt: data.DateOf(publish), PublishedLink: link, Revision: 1}
		d.Body = workflow.Fill(tpl("klarifikasi_hoaks"), *o.office, nil, day)
		d.ID, d.OfficeID = id("draft/"+key), o.office.ID
		t := &trail{officeID: o.office.ID, draftID: d.ID, revision: 1, status: data.StatusDraft}
		t.add(workflow.Submit, data.StatusSubmitted, w, submit, "Klarifikasi mendesak, mohon segera ditinjau.")
		t.add(workflow.Approve, data.StatusApproved, r, approve, "Disetujui; terbitkan di semua kanal resmi.")
		t.add(workflow.Publish, data.StatusPublished, w, publish, "Terbit di "+link)
		return d, t
	}
	hoax := func(key, claim, platform, link string, found time.Time, draftID string, clarified *time.Time) *data.Hoax {
		h := &data.Hoax{Claim: claim, Platform: platform, Link: link, FoundAt: found.UTC(), DraftID: draftID, ClarifiedAt: clarified}
		h.ID, h.OfficeID = id("hoax/"+key), o.office.ID
		h.Normalize()
		return h
	}
	ptr := func(t time.Time) *time.Time { u := t.UTC(); return &u }

	switch o.office.ID {
	case KPUOfficeID:
		// A: a chain message on WhatsApp, clarified the same afternoon.
		dayA := ago(40)
		foundA := at(dayA, 8, 10)
		dA, tA := published("dpt", "Klarifikasi: Pemilih yang Tidak Datang ke TPS Tidak Dicoret dari DPT", dayA,
			at(dayA, 9, 30), at(dayA, 13, 0), at(dayA, 15, 40), o.office.Website+"/berita/klarifikasi-dpt")
		recs = append(recs, dA)
		recs = append(recs, tA.recs...)
		recs = append(recs, hoax("dpt", "Pesan berantai: pemilih yang tidak datang ke TPS akan dicoret permanen dari daftar pemilih tetap",
			"whatsapp", "", foundA, dA.ID, ptr(at(dayA, 15, 40))))

		// B: a video on TikTok, clarified the next morning, then corrected
		// as a second revision, submitted with one finding overridden.
		dayB := ago(75)
		foundB := at(dayB, 19, 20)
		dB, tB := published("kotak-suara", "Klarifikasi: Video Kotak Suara Dibuka Bukan di Sleman", dayB.AddDays(1),
			at(dayB, 21, 5), at(dayB.AddDays(1), 7, 45), at(dayB.AddDays(1), 11, 50), o.office.Website+"/berita/klarifikasi-video-kotak-suara")
		fix := dayB.AddDays(3)
		tB.add(workflow.Revise, data.StatusDraft, w, at(fix, 8, 30), "Koreksi: lokasi dalam video adalah gudang logistik kabupaten lain, bukan kapanewon di Sleman.")
		s := tB.add(workflow.Submit, data.StatusSubmitted, w, at(fix, 9, 15), "Koreksi lokasi.")
		s.Findings, s.OverrideReason = 1, "Nama Ketua KPU dikutip sebagai narasumber resmi, bukan peserta pemilihan."
		tB.add(workflow.Approve, data.StatusApproved, r, at(fix, 10, 40), "")
		tB.add(workflow.Publish, data.StatusPublished, w, at(fix, 11, 0), "Koreksi terbit di "+dB.PublishedLink)
		dB.Revision, dB.PublishedAt = 2, fix
		recs = append(recs, dB)
		recs = append(recs, tB.recs...)
		recs = append(recs, hoax("kotak-suara", "Video: kotak suara dibuka sebelum rekapitulasi di sebuah kapanewon di Sleman",
			"tiktok", "https://www.tiktok.com/@akun.anonim/video/7311111111111111111", foundB, dB.ID, ptr(at(dayB.AddDays(1), 11, 50))))

		// C: still open; its clarification (a demo draft) is approved and
		// waits to be published.
		recs = append(recs, hoax("pencoretan", "Unggahan: ribuan pemilih di Sleman dicoret massal tanpa pemberitahuan",
			"instagram", "https://www.instagram.com/p/C0ntohHoaks1/", at(ago(2), 9, 0),
			stableID(fmt.Sprintf("%s/draft/%d/%d", o.office.ID, opt.Year, 2)), nil))

		// A draft under review, submitted despite one finding.
		dR := &data.Draft{Title: "Sudah Cek Namamu di DPT? Begini Caranya", Kind: "narasi_tahapan",
			Channels: data.List[string]{"instagram", "tiktok"}, Status: data.StatusSubmitted, PlannedDate: opt.Today.AddDays(9),
			ElectionStage: "Pemutakhiran Data Pemilih Berkelanjutan", Revision: 1}
		dR.Body = workflow.Fill(tpl("narasi_tahapan"), *o.office, nil, dR.PlannedDate)
		dR.ID, dR.OfficeID = id("draft/cek-dpt"), o.office.ID
		tR := &trail{officeID: o.office.ID, draftID: dR.ID, revision: 1, status: data.StatusDraft}
		sub := tR.add(workflow.Submit, data.StatusSubmitted, w, at(opt.Today.AddDays(-1), 16, 20), "Untuk unggahan pekan depan.")
		sub.Findings, sub.OverrideReason = 1, "Kata \"coblos\" dipakai dalam ajakan memeriksa data pemilih, bukan ajakan memilih calon."
		recs = append(recs, dR)
		recs = append(recs, tR.recs...)

		// The office's own template.
		own := &data.Template{Name: "Siaran pers hasil rapat pleno", DraftKind: "siaran_pers",
			Title: "{{nama_kantor}} Tetapkan [hasil pleno]",
			Body: "{{tempat}}, {{tanggal}} — {{nama_kantor}} menggelar rapat pleno terbuka [perihal] di kantor {{nama_kantor}}, " +
				"{{alamat_kantor}}, yang dihadiri {{instansi}}.\n\n\"[Kutipan]\" kata {{nama_pimpinan}}, {{jabatan_pimpinan}}.\n\n" +
				"Hasil rapat pleno dapat diunduh di {{situs_kantor}}."}
		own.ID, own.OfficeID = id("template/pleno"), o.office.ID
		recs = append(recs, own)

	case DiskominfoOfficeID:
		// D: a fake aid-registration link on Facebook, clarified the next day.
		dayD := ago(20)
		foundD := at(dayD, 10, 0)
		dD, tD := published("bansos", "Klarifikasi: Tautan Pendaftaran Bansos yang Beredar Adalah Palsu", dayD.AddDays(1),
			at(dayD, 15, 0), at(dayD.AddDays(1), 9, 0), at(dayD.AddDays(1), 12, 0), o.office.Website+"/berita/waspada-tautan-bansos-palsu")
		recs = append(recs, dD)
		recs = append(recs, tD.recs...)
		recs = append(recs, hoax("bansos", "Tautan pendaftaran bantuan sosial daerah yang meminta nomor KTP dan kode OTP",
			"facebook", "", foundD, dD.ID, ptr(at(dayD.AddDays(1), 12, 0))))
	}
	for _, rec := range recs {
		if m := rec.RecordMeta(); m.UpdatedAt.IsZero() {
			m.UpdatedAt, m.UpdatedBy = at(opt.Today, 8, 0).UTC(), w.Name
		}
	}
	return recs, nil
}
