package monitoring

import (
	"time"

	"github.com/humasdesk/humasdesk/data"
)

// dateOf is the local day of a moment.
func dateOf(t time.Time) data.Date { return data.DateOf(t.In(time.Local)) }
