package auth

import (
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"strings"
)

// Proxies are the addresses of the reverse proxies (a load balancer, a CDN's
// edge, nginx on the same machine) whose X-Forwarded-For Herald believes.
// Without any, the connection's address is the client's, and a forwarded
// header is ignored: anyone can write one.
type Proxies []netip.Prefix

// ParseProxies reads a comma-separated list of addresses and CIDR prefixes,
// "127.0.0.1, 10.0.0.0/8, ::1". The empty string is no proxies.
func ParseProxies(s string) (Proxies, error) {
	var out Proxies
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			a, aerr := netip.ParseAddr(f)
			if aerr != nil || a.Zone() != "" {
				return nil, fmt.Errorf("%q is neither an IP address nor a CIDR prefix such as 10.0.0.0/8", f)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		// Addresses are compared unmapped: ::ffff:192.0.2.1 is 192.0.2.1.
		if a := p.Addr(); a.Is4In6() && p.Bits() >= 96 {
			p = netip.PrefixFrom(a.Unmap(), p.Bits()-96)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

func (ps Proxies) contains(a netip.Addr) bool {
	a = a.Unmap().WithZone("")
	for _, p := range ps {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// maxForwardedHops bounds the X-Forwarded-For entries read: the header is
// read from its end, and no further than this.
const maxForwardedHops = 20

// ClientAddr is the address of the client that sent r: the connection's, or,
// when that is one of ps, the nearest address in X-Forwarded-For that is not
// one of ps (read from the right, since each proxy appends the address it
// saw). A malformed entry stops the walk at the last address trusted. It
// returns the zero Addr when the connection's address does not parse.
func (ps Proxies) ClientAddr(r *http.Request) netip.Addr {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	var addr netip.Addr
	if err == nil {
		addr = ap.Addr()
	} else if addr, err = netip.ParseAddr(r.RemoteAddr); err != nil {
		return netip.Addr{}
	}
	addr = addr.Unmap()
	if len(ps) == 0 || !ps.contains(addr) {
		return addr
	}
	hops := 0
	values := r.Header.Values("X-Forwarded-For")
	for i := len(values) - 1; i >= 0; i-- {
		rest := values[i]
		for last := false; !last; {
			entry := rest
			if j := strings.LastIndexByte(rest, ','); j >= 0 {
				entry, rest = rest[j+1:], rest[:j]
			} else {
				last = true
			}
			if hops++; hops > maxForwardedHops {
				return addr
			}
			next, err := parseForwarded(entry)
			if err != nil {
				return addr
			}
			addr = next
			if !ps.contains(addr) {
				return addr
			}
		}
	}
	return addr
}

// parseForwarded reads one X-Forwarded-For entry: an address, perhaps with a
// port ("[2001:db8::1]:443" or "192.0.2.1:443").
func parseForwarded(s string) (netip.Addr, error) {
	s = strings.TrimSpace(s)
	if a, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")); err == nil {
		return a.Unmap(), nil
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), nil
	}
	return netip.Addr{}, errors.New("not an address")
}
