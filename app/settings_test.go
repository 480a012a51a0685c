package app

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

func TestOfficeProfileSavesAndValidates(t *testing.T) {
	u, st := newTestUI(t)
	s, o := u.settings, u.settings.office

	// Given a profile with a NIP that is too short
	typeInto(o.name, "Bagian Humas Setda Kabupaten Sleman")
	o.kind.SetSelected("Pemda — Bagian/Biro Humas")
	typeInto(o.headName, "Drs. Budi Santoso, M.Si.")
	typeInto(o.headNIP, "1970 0101")
	test.Tap(s.saveBtn)
	if got := o.f.ErrorText("head_nip"); got != "NIP pimpinan harus 18 angka" {
		t.Fatalf("head_nip error = %q", got)
	}
	if cur, _ := st.CurrentOffice(ctx); cur.Name != "Kantor Humas" {
		t.Fatalf("an invalid profile was stored: %q", cur.Name)
	}

	// When the NIP is whole and a logo is chosen
	typeInto(o.headNIP, "19700101 199003 1 001")
	o.setLogo(tinyPNG(t))
	test.Tap(s.saveBtn)
	cur, err := st.CurrentOffice(ctx)
	if err != nil || cur.Name != "Bagian Humas Setda Kabupaten Sleman" || cur.HeadNIP != "197001011990031001" || len(cur.Logo) == 0 {
		t.Fatalf("stored %+v, %v", cur, err)
	}
	if o.f.ErrorText("head_nip") != "" || s.status.Text != "Tersimpan." {
		t.Errorf("after saving: error %q, status %q", o.f.ErrorText("head_nip"), s.status.Text)
	}

	// A file that is not an image is refused under the logo field.
	o.setLogo([]byte("bukan gambar"))
	test.Tap(s.saveBtn)
	if got := o.f.ErrorText("logo"); got != "Logo bukan gambar PNG atau JPEG yang sah" {
		t.Errorf("logo error = %q", got)
	}
}

func tinyPNG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestThemeAppliesAtOnceAndIsRemembered(t *testing.T) {
	u, st := newTestUI(t)
	u.settings.theme.SetSelected("Gelap")
	bg := u.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	if want := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark); bg != want {
		t.Errorf("background = %v, want the dark %v", bg, want)
	}
	if v, _ := st.Setting(ctx, store.SettingTheme, ""); v != kit.ThemeDark {
		t.Errorf("theme setting = %q", v)
	}
	u.settings.theme.SetSelected("Terang")
	bg = u.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark)
	if bg != color.Color(theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)) {
		t.Errorf("light theme background = %v", bg)
	}
}

func TestLanguageChangeIsStoredAndNeedsRestart(t *testing.T) {
	u, st := newTestUI(t)
	u.settings.lang.SetSelected("English")
	if v, _ := st.Setting(ctx, store.SettingLanguage, ""); data.ParseLang(v) != data.LangEN {
		t.Errorf("language setting = %q", v)
	}
	if got := strings.Join(dialogText(u.win), "\n"); !strings.Contains(got, "dibuka ulang") || !strings.Contains(got, "restarted") {
		t.Errorf("dialog says %q", got)
	}
	tapDialogButton(t, u.win, "OK")
}
