package syncclient

import "testing"

func TestRemoteHost(t *testing.T) {
	for host, want := range map[string]bool{
		"127.0.0.1":              false,
		"::1":                    false,
		"localhost":              false,
		"LocalHost":              false,
		"10.20.0.5":              false,
		"172.16.4.1":             false,
		"192.168.1.10":           false,
		"169.254.3.3":            false,
		"fe80::1":                false,
		"fd12:3456::1":           false,
		"0.0.0.0":                false,
		"sync.kpu-diy.go.id":     true,
		"sync.localhost.example": true,
		"203.0.113.5":            true,
		"2001:db8::5":            true,
		"172.32.0.1":             true,
	} {
		if got := remoteHost(host); got != want {
			t.Errorf("remoteHost(%q) = %v, want %v", host, got, want)
		}
	}
}
