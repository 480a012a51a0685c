package main

import (
	"context"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

func bgCtx() context.Context { return context.Background() }

// openStore opens --db, else $HUMASDESK_DB, else the default file.
func openStore(path string) (*store.Store, error) {
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	st, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	// Messages follow the display language the user chose in the app;
	// without a choice stored, the environment's language stays.
	if l, err := st.Setting(bgCtx(), store.SettingLanguage, string(lang)); err == nil {
		lang = data.ParseLang(l)
	}
	return st, nil
}

type (
	bgContext = context.Context
	storeT    = *store.Store
)
