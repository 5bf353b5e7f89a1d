package web

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"net/textproto"
	"path"
	"strings"
	"testing"

	"golang.org/x/net/http/httpguts"
)

// FuzzParseFast checks the fast path's request parser against net/http's:
// whatever parseFast accepts, http.ReadRequest reads from exactly the same
// bytes, with the same method, cache key and header values, and net/http's
// server would neither reject it nor redirect it to a cleaner path.
func FuzzParseFast(f *testing.F) {
	for _, seed := range []string{
		"GET / HTTP/1.1\r\nHost: herald.test\r\n\r\n",
		"HEAD /usa-news/a-story/ HTTP/1.1\r\nHost: herald.test\r\nAccept-Encoding: gzip, br;q=0.5\r\n\r\n",
		"GET /feed.xml?utm_source=x&page=2 HTTP/1.1\r\nhost: a\r\nIf-None-Match: \"abc\"\r\nIf-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: herald.test\r\nX-Forwarded-Proto: https\r\nConnection: keep-alive\r\n\r\nGET /x HTTP/1.1\r\n",
		"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
		"GET /%2e%2e/ HTTP/1.1\r\nHost: a\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nx",
		"GET / HTTP/1.1\nHost: a\n\n",
		"GET /a/./b HTTP/1.1\r\nHost: a\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: a\r\n Folded: x\r\n\r\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		req, n, v := parseFast(b)
		switch v {
		case fastMore:
			if bytes.Contains(b, crlf2) {
				t.Fatalf("asked for more of a whole header: %q", b)
			}
			return
		case fastDecline:
			return
		}
		if n <= 0 || n > len(b) || !bytes.HasSuffix(b[:n], crlf2) {
			t.Fatalf("took %d bytes of %q", n, b)
		}
		br := bufio.NewReader(bytes.NewReader(b[:n]))
		r, err := http.ReadRequest(br)
		if err != nil {
			t.Fatalf("accepted %q, which net/http rejects: %v", b[:n], err)
		}
		if rest, _ := io.ReadAll(br); len(rest) > 0 {
			t.Fatalf("net/http's request ends %d bytes before the fast path's: %q", len(rest), b[:n])
		}
		if r.Method != req.method || r.ProtoMajor != 1 || r.ProtoMinor != 1 {
			t.Fatalf("%q: net/http reads %s %s, the fast path %s", b[:n], r.Method, r.Proto, req.method)
		}
		// What net/http's server checks after reading the request.
		// (ReadRequest takes Host out of the header; the server counts it.)
		tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(b[:n])))
		tp.ReadLine()
		fields, err := tp.ReadMIMEHeader()
		if err != nil {
			t.Fatal(err)
		}
		if hosts := fields["Host"]; len(hosts) != 1 {
			t.Fatalf("%q: Host %q", b[:n], hosts)
		}
		if !httpguts.ValidHostHeader(r.Host) {
			t.Fatalf("%q: invalid Host %q accepted", b[:n], r.Host)
		}
		for name, values := range r.Header {
			if !httpguts.ValidHeaderFieldName(name) {
				t.Fatalf("%q: invalid field name %q accepted", b[:n], name)
			}
			for _, v := range values {
				if !httpguts.ValidHeaderFieldValue(v) {
					t.Fatalf("%q: invalid field value %q accepted", b[:n], v)
				}
			}
		}
		if r.ContentLength != 0 || len(r.TransferEncoding) > 0 || r.Close {
			t.Fatalf("%q: a body or a closing connection accepted", b[:n])
		}
		// ServeMux routes the path as it is: it is already clean.
		if p := r.URL.Path; p != cleanLikeMux(p) {
			t.Fatalf("%q: path %q is not clean", b[:n], p)
		}
		if key := cacheKey(r.URL); key != req.key {
			t.Fatalf("%q: cache key %q through net/http, %q on the fast path", b[:n], key, req.key)
		}
		if enc := negotiate(r.Header.Get("Accept-Encoding")); enc != req.enc {
			t.Fatalf("%q: encoding %q through net/http, %q on the fast path", b[:n], enc, req.enc)
		}
		if r.Header.Get("If-None-Match") != req.ifNoneMatch || r.Header.Get("If-Modified-Since") != req.ifModSince {
			t.Fatalf("%q: conditional headers read differently", b[:n])
		}
		if (r.Header.Get("X-Forwarded-Proto") == "https") != req.forwardHTTPS {
			t.Fatalf("%q: X-Forwarded-Proto read differently", b[:n])
		}
	})
}

// cleanLikeMux is the path ServeMux would redirect p to, or p.
func cleanLikeMux(p string) string {
	c := path.Clean(p)
	if strings.HasSuffix(p, "/") && c != "/" {
		c += "/"
	}
	return c
}

// A handed-over connection keeps what net/http looks for on a *net.TCPConn.
var (
	_ interface{ CloseWrite() error } = (*prefixConn)(nil)
	_ io.ReaderFrom                   = (*prefixConn)(nil)
)

// TestFastHeaderValuesCleaned: a key made from stored text that holds a line
// break (an imported story's image address, say) must not start a header of
// its own on the fast path.
func TestFastHeaderValuesCleaned(t *testing.T) {
	e := &cacheEntry{
		uri: "/", contentType: "text/html; charset=utf-8", cacheControl: "public, max-age=60",
		etag: `"abc"`, deps: []string{"a:1", "m:x\r\nSet-Cookie: pwned=1", "site"}, body: []byte("<p>hi</p>"),
	}
	e.prepare()
	req := fastRequest{method: http.MethodGet, key: "/"}
	head := appendEntry(nil, e, &req)
	resp, err := http.ReadResponse(bufio.NewReader(io.MultiReader(bytes.NewReader(head), bytes.NewReader(req.body))), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := resp.Header.Values("Set-Cookie"); len(c) > 0 {
		t.Errorf("a stored key started a header: Set-Cookie %q", c)
	}
	if got, want := resp.Header.Get("Surrogate-Key"), "a:1 m:x  Set-Cookie: pwned=1 site"; got != want {
		t.Errorf("Surrogate-Key %q, want %q (as net/http writes it)", got, want)
	}
	body, _ := io.ReadAll(resp.Body)
	if string(body) != "<p>hi</p>" {
		t.Errorf("body %q", body)
	}
}
