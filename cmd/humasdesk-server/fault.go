package main

import (
	"log/slog"
	"os"
	"strconv"
	"strings"
)

// faultHooks reads HUMASDESK_FAULT=point:n (points: push-before-commit,
// push-after-commit, changes-mid) and kills the process the n-th time the
// point is reached, as a crash would. Only the fault-injection tests set
// it; without it no hook is installed.
func faultHooks(log *slog.Logger) (h serverHooks) {
	spec := os.Getenv("HUMASDESK_FAULT")
	if spec == "" {
		return h
	}
	point, nth, _ := strings.Cut(spec, ":")
	n, err := strconv.Atoi(nth)
	if err != nil || n < 1 {
		n = 1
	}
	log.Warn("fault injection armed", "point", point, "n", n)
	count := 0
	die := func() {
		if count++; count == n {
			crash()
		}
	}
	switch point {
	case "push-before-commit":
		h.BeforePushCommit = die
	case "push-after-commit":
		h.AfterPushCommit = die
	case "changes-mid":
		h.MidChanges = die
	}
	return h
}
