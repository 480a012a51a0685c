package data

import (
	"archive/zip"
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
)

// zipOf makes a ZIP holding empty files with these names.
func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Attachments are recognised by their bytes only: the five accepted types,
// and everything else (a renamed program, a plain ZIP, text, a truncated
// PNG) refused.
func TestSniffAttachment(t *testing.T) {
	var pngBuf bytes.Buffer
	png.Encode(&pngBuf, image.NewGray(image.Rect(0, 0, 4, 4)))
	tests := []struct {
		name string
		raw  []byte
		want string // "" = refused
	}{
		{"PNG", pngBuf.Bytes(), "image/png"},
		{"PDF", []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n"), MimePDF},
		{"DOCX", zipOf(t, "[Content_Types].xml", "_rels/.rels", "word/document.xml"), MimeDOCX},
		{"XLSX", zipOf(t, "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"), MimeXLSX},
		{"a plain ZIP", zipOf(t, "notulen.txt"), ""},
		{"word part without content types", zipOf(t, "word/document.xml"), ""},
		{"a Windows program", append([]byte("MZ\x90\x00"), make([]byte, 64)...), ""},
		{"text", []byte("undangan rapat koordinasi"), ""},
		{"a cut PNG", pngBuf.Bytes()[:20], ""},
		{"empty", nil, ""},
	}
	for _, tt := range tests {
		got, ok := SniffAttachment(tt.raw)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("%s: SniffAttachment = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
		if ok {
			if typ, found := AttachmentTypeOf(got); !found || typ.Ext == "" {
				t.Errorf("%s: %q not in AttachmentTypes", tt.name, got)
			}
		}
	}
	if got := AttachmentTypesText(); !strings.Contains(got, "PDF") || !strings.Contains(got, "DOCX") || !strings.HasPrefix(got, "JPEG") {
		t.Errorf("AttachmentTypesText() = %q", got)
	}
}
