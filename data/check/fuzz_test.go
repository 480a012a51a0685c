package check

import "testing"

// FuzzCheck feeds arbitrary titles, bodies and captions (including invalid
// UTF-8) to the checker: it must not panic, and every finding must point
// inside its field with Match equal to the text it points at.
func FuzzCheck(f *testing.F) {
	f.Add("Bupati Sleman", "Warga pribumi dikafirkan. Coblos nomor 2!", "Mas Ahmad", true, "narasi_tahapan")
	f.Add("", "", "", false, "")
	f.Add("Pilkada “2024”", "Info A1: \"sebarkan sebelum dihapus\" — pasti curang…", "∑ foto", true, "klarifikasi_hoaks")
	f.Add("Dr. H. Ahmad Santoso, M.Si.", "Bupati Sleman, Dr. H. Ahmad Santoso, menyerahkan bantuan. Paslon memakai mobil dinas.", "\xff\xfe", false, "siaran_pers")
	f.Add("antek-antek-", "-antek-antek-antek", "Sleman Lebih Sejahtera", true, "lainnya")
	f.Add("a.b.c. d", "Kab. Sleman. Dr. . . ; ! ?\n\r\n", "\u0301\u0301é", false, "pengumuman")
	cfg := fixture()
	f.Fuzz(func(t *testing.T, title, body, caption string, shows bool, kind string) {
		in := Input{Title: title, Body: body, Kind: kind,
			Photos: []PhotoTag{{Caption: caption, ShowsOfficial: shows}, {Caption: body, ShowsOfficial: !shows}}}
		got := Check(in, cfg, inWindow)
		for i, fd := range got {
			text := body
			switch fd.Field {
			case FieldTitle:
				text = title
			case FieldPhoto:
				if fd.Photo < 1 || fd.Photo > len(in.Photos) {
					t.Fatalf("finding %d: photo %d out of range", i, fd.Photo)
				}
				text = in.Photos[fd.Photo-1].Caption
			case FieldBody:
			default:
				t.Fatalf("finding %d: field %q", i, fd.Field)
			}
			if fd.Start < 0 || fd.Start > fd.End || fd.End > len(text) {
				t.Fatalf("finding %d: offsets %d:%d outside %d bytes", i, fd.Start, fd.End, len(text))
			}
			if text[fd.Start:fd.End] != fd.Match {
				t.Fatalf("finding %d: Match %q != text %q", i, fd.Match, text[fd.Start:fd.End])
			}
			if fd.Rule == "" || fd.Message.ID == "" || fd.Why.ID == "" {
				t.Fatalf("finding %d incomplete: %+v", i, fd)
			}
			_ = Explain(fd, "en")
		}
	})
}
