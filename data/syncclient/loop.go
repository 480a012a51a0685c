package syncclient

import (
	"context"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/humasdesk/humasdesk/data/store"
)

// Status is what the window shows about sync.
type Status struct {
	Enrolled bool
	Online   bool      // the last round reached the server
	Running  bool      // a round is under way
	LastOK   time.Time // the last round that finished cleanly
	Pending  int64     // local changes waiting to be pushed
	Err      error     // the last round's error, nil when it went well
	Last     Report
}

// Loop runs sync rounds in the background: every Interval while rounds
// succeed, sooner when Trigger is called, and with jittered exponential
// backoff while the server cannot be reached. It never blocks the caller;
// OnStatus is called from the loop's goroutine (the UI hands it to the
// main goroutine with fyne.Do).
type Loop struct {
	Store    *store.Store
	HTTP     *http.Client
	Interval time.Duration
	OnStatus func(Status)
	trigger  chan struct{}
	online   bool // the last round reached the server
}

// Backoff bounds.
var (
	MinBackoff = 2 * time.Second
	MaxBackoff = 5 * time.Minute
)

// Trigger asks for a round now ("Sinkronkan sekarang").
func (l *Loop) Trigger() {
	select {
	case l.trigger <- struct{}{}:
	default: // a round is already requested
	}
}

// Run runs until ctx ends.
func (l *Loop) Run(ctx context.Context) {
	if l.trigger == nil {
		l.trigger = make(chan struct{}, 1)
	}
	if l.Interval == 0 {
		l.Interval = 2 * time.Minute
	}
	failures := 0
	for {
		wait := l.round(ctx, &failures)
		select {
		case <-ctx.Done():
			return
		case <-l.trigger:
		case <-time.After(wait):
		}
	}
}

// NewLoop makes a loop whose Trigger works before Run starts.
func NewLoop(st *store.Store, onStatus func(Status)) *Loop {
	return &Loop{Store: st, OnStatus: onStatus, trigger: make(chan struct{}, 1)}
}

// round runs one round, reports it, and says how long to wait.
func (l *Loop) round(ctx context.Context, failures *int) time.Duration {
	st := Status{}
	state, err := l.Store.SyncState(ctx)
	st.Enrolled = err == nil && state.Enrolled()
	st.LastOK = state.LastOK
	if !st.Enrolled {
		st.Pending, _ = l.Store.PendingChanges(ctx)
		l.report(st)
		return l.Interval
	}
	st.Running = true
	st.Pending, _ = l.Store.PendingChanges(ctx)
	st.Online = l.online // the last round's answer until this one ends
	l.report(st)
	c, err := New(l.Store, l.HTTP)
	if err == nil {
		st.Last, err = c.Sync(ctx)
	}
	st.Running, st.Err = false, err
	st.Online = err == nil || !Retryable(err) // a refusal still means we reached it
	l.online = st.Online
	if s, e := l.Store.SyncState(ctx); e == nil {
		st.LastOK = s.LastOK
	}
	st.Pending, _ = l.Store.PendingChanges(ctx)
	l.report(st)
	if err == nil {
		*failures = 0
		return l.Interval
	}
	*failures++
	return backoff(*failures)
}

func (l *Loop) report(s Status) {
	if l.OnStatus != nil {
		l.OnStatus(s)
	}
}

// backoff is MinBackoff doubled per failure up to MaxBackoff, with full
// jitter so that many offices coming back online do not retry in step.
func backoff(failures int) time.Duration {
	d := MinBackoff << min(failures-1, 16)
	if d > MaxBackoff || d <= 0 {
		d = MaxBackoff
	}
	return d/2 + rand.N(d/2+1)
}
