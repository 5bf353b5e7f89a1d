package auth

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestParseProxies(t *testing.T) {
	ps, err := ParseProxies(" 127.0.0.1, 10.0.0.0/8,::1 ,2001:db8::/32,")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 4 || ps[0].String() != "127.0.0.1/32" || ps[2].String() != "::1/128" {
		t.Errorf("parsed %v", ps)
	}
	if ps, err := ParseProxies(""); err != nil || len(ps) != 0 {
		t.Errorf("empty: %v, %v", ps, err)
	}
	for _, bad := range []string{"10.0.0.0/33", "localhost", "10.0.0", "1.2.3.4/8/8", "fe80::1%eth0"} {
		if _, err := ParseProxies(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestClientAddr(t *testing.T) {
	proxies, err := ParseProxies("127.0.0.1, 10.0.0.0/8, ::1")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		ps      Proxies
		remote  string
		forward []string
		want    string
	}{
		{"direct", proxies, "192.0.2.7:5123", nil, "192.0.2.7"},
		{"no proxies: header ignored", nil, "127.0.0.1:5123", []string{"198.51.100.9"}, "127.0.0.1"},
		{"untrusted sender: header ignored", proxies, "192.0.2.7:5123", []string{"198.51.100.9"}, "192.0.2.7"},
		{"one proxy", proxies, "127.0.0.1:5123", []string{"198.51.100.9"}, "198.51.100.9"},
		{"spoofed left entries ignored", proxies, "127.0.0.1:5123", []string{"203.0.113.1, 198.51.100.9"}, "198.51.100.9"},
		{"two proxies", proxies, "127.0.0.1:5123", []string{"198.51.100.9, 10.1.2.3"}, "198.51.100.9"},
		{"headers in order", proxies, "127.0.0.1:5123", []string{"203.0.113.1", "198.51.100.9, 10.1.2.3"}, "198.51.100.9"},
		{"all trusted", proxies, "127.0.0.1:5123", []string{"10.9.9.9"}, "10.9.9.9"},
		{"malformed stops at the last trusted", proxies, "127.0.0.1:5123", []string{"198.51.100.9, nonsense, 10.1.2.3"}, "10.1.2.3"},
		{"port in entry", proxies, "127.0.0.1:5123", []string{"198.51.100.9:443"}, "198.51.100.9"},
		{"ipv6 proxy and client", proxies, "[::1]:5123", []string{"[2001:db8::5]:443"}, "2001:db8::5"},
		{"mapped ipv4 proxy", proxies, "[::ffff:127.0.0.1]:5123", []string{"198.51.100.9"}, "198.51.100.9"},
		{"empty header", proxies, "127.0.0.1:5123", []string{""}, "127.0.0.1"},
		{"bad remote", proxies, "nonsense", nil, "invalid IP"},
		{"bracketed entry", proxies, "127.0.0.1:5123", []string{"[2001:db8::7]"}, "2001:db8::7"},
		{"zoned link-local proxy", mustProxies(t, "fe80::/10"), "[fe80::1%eth0]:5123", []string{"198.51.100.9"}, "198.51.100.9"},
		{"proxy written mapped", mustProxies(t, "::ffff:192.0.2.1"), "192.0.2.1:5123", []string{"198.51.100.9"}, "198.51.100.9"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/", nil)
			r.RemoteAddr = tc.remote
			for _, v := range tc.forward {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := tc.ps.ClientAddr(r).String(); got != tc.want {
				t.Errorf("ClientAddr = %s, want %s", got, tc.want)
			}
		})
	}
	// A header of thousands of trusted hops is read only so far.
	r := httptest.NewRequest(http.MethodPost, "/", nil)
	r.RemoteAddr = "127.0.0.1:1"
	long := "198.51.100.9"
	for range 5000 {
		long += ", 10.0.0.1"
	}
	r.Header.Set("X-Forwarded-For", long)
	if got := proxies.ClientAddr(r).String(); got != "10.0.0.1" {
		t.Errorf("long chain: %s, want the last trusted hop read", got)
	}
}

func mustProxies(t *testing.T, s string) Proxies {
	t.Helper()
	ps, err := ParseProxies(s)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}
