package main

import (
	"context"

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
	return store.Open(path)
}

type (
	bgContext = context.Context
	storeT    = *store.Store
)
