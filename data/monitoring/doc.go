// Package monitoring is the arithmetic of media monitoring: which outlets
// picked up each published press release and how fast (pickup.go), how
// realisation compares with the annual targets per quarter (target.go),
// and how coverage is tallied by medium, tone and outlet (tally.go). Its
// functions are pure, over records the store has loaded, so that the
// report, Beranda and the tests compute the same numbers the same way.
package monitoring
