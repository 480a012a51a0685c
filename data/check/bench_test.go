package check

import (
	"strings"
	"testing"
)

// BenchmarkCheck checks a body near the 60,000-character limit: the time
// the check on save takes.
func BenchmarkCheck(b *testing.B) {
	para := "KPU Kabupaten Sleman menggelar rapat koordinasi persiapan Pilkada 2024 bersama Bawaslu. " +
		"Bupati Sleman menyerahkan bantuan sembako kepada warga terdampak banjir. " +
		"Masyarakat diimbau memeriksa kebenaran informasi melalui kanal resmi sebelum menyebarkannya.\n\n"
	body := strings.Repeat(para, 60000/len(para))
	in := Input{Kind: "narasi_tahapan", Title: "Tahapan Pilkada 2024", Body: body, PlannedDate: inWindow}
	cfg := fixture()
	b.ReportAllocs()
	for b.Loop() {
		Check(in, cfg, inWindow)
	}
}

// BenchmarkCheckDense checks a body made only of findings, one sentence
// long: the worst case for merging and pairing.
func BenchmarkCheckDense(b *testing.B) {
	body := strings.Repeat("kafir Bupati Sleman bantuan paslon APBD coblos nomor ", 60000/54)
	in := Input{Kind: "narasi_tahapan", Body: body, PlannedDate: inWindow}
	cfg := fixture()
	b.ReportAllocs()
	for b.Loop() {
		Check(in, cfg, inWindow)
	}
}
