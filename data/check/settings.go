package check

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/humasdesk/humasdesk/data"
)

// Setting keys under which an office keeps its checker configuration (in
// the store's settings; the checker itself stores nothing).
const (
	SettingOfficials = "check_officials" // JSON list of Official
	SettingTerms     = "check_terms"     // the term lists in ParseTerms form; empty: the defaults
)

// LoadConfig builds the office's configuration from its stored settings
// and calendar: its officials (JSON), its edited term lists (or the
// shipped defaults when it has none), and its stages.
func LoadConfig(officialsJSON, terms string, stages []data.Stage) (Config, error) {
	cfg := DefaultConfig()
	cfg.Stages = stages
	if strings.TrimSpace(officialsJSON) != "" {
		if err := json.Unmarshal([]byte(officialsJSON), &cfg.Officials); err != nil {
			return cfg, fmt.Errorf("daftar pejabat tersimpan tidak terbaca: %w", err)
		}
	}
	if strings.TrimSpace(terms) != "" {
		t, err := ParseTerms(strings.NewReader(terms))
		if err != nil {
			return cfg, fmt.Errorf("daftar istilah tersimpan tidak sah: %w", err)
		}
		cfg.Terms = t
	}
	return cfg, nil
}

// EncodeOfficials is the stored form of the officials list.
func EncodeOfficials(o []Official) (string, error) {
	b, err := json.Marshal(o)
	return string(b), err
}
