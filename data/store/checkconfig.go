package store

import (
	"context"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/check"
)

// CheckConfig is the office's configuration of the neutrality checker:
// its officials and term lists (Pengaturan → Netralitas) and its election
// stages. Only stages of category tahapan count: the checker reads the
// Pasal 71 period and the campaign period from them, and an office's own
// events or national days must not stretch either, whatever key they
// were given. An unreadable setting is reported with the configuration
// that could be made, so that a bad setting never silences the check.
func (s *Store) CheckConfig(ctx context.Context) (check.Config, error) {
	officials, err := s.Setting(ctx, check.SettingOfficials, "")
	if err != nil {
		return check.DefaultConfig(), err
	}
	terms, err := s.Setting(ctx, check.SettingTerms, "")
	if err != nil {
		return check.DefaultConfig(), err
	}
	all, err := s.Stages(ctx, data.Date{}, data.Date{})
	var stages []data.Stage
	for _, st := range all {
		if st.Category == data.StageElection {
			stages = append(stages, st)
		}
	}
	cfg, cfgErr := check.LoadConfig(officials, terms, stages)
	if cfgErr != nil {
		return cfg, cfgErr
	}
	return cfg, err
}
