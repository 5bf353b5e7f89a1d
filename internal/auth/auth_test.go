package auth

import (
	"strings"
	"testing"
	"time"
)

func TestPasswords(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$") {
		t.Fatalf("hash %q is not argon2id PHC", h)
	}
	if !CheckPassword(h, "correct horse battery") || CheckPassword(h, "correct horse batterz") {
		t.Fatal("CheckPassword gets it wrong")
	}
	h2, _ := HashPassword("correct horse battery")
	if h == h2 {
		t.Fatal("two hashes of one password are equal: no salt")
	}
	for _, bad := range []string{"", "$argon2id$", "$argon2id$v=19$m=0,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=99999999,t=1,p=1$AAAA$AAAA", "$bcrypt$x"} {
		if CheckPassword(bad, "x") {
			t.Errorf("malformed hash %q matched", bad)
		}
	}
	if CheckPasswordOrDummy("", "anything") {
		t.Fatal("an empty hash matched")
	}
	for pw, ok := range map[string]bool{"short": false, "long enough pw": true, strings.Repeat("x", 201): false, "\xff\xfe invalid utf8": false} {
		if err := CheckPasswordRules(pw); (err == nil) != ok {
			t.Errorf("CheckPasswordRules(%.20q) = %v", pw, err)
		}
	}
}

func TestTokens(t *testing.T) {
	tok, hash, err := NewToken()
	if err != nil || len(tok) < 40 || HashToken(tok) != hash || strings.Contains(hash, tok) {
		t.Fatalf("NewToken = %q %q %v", tok, hash, err)
	}
	secret := []byte("0123456789abcdef0123456789abcdef")
	c := CSRFToken(secret, hash)
	if !ValidCSRF(secret, hash, c) || ValidCSRF(secret, "other", c) || ValidCSRF(secret, hash, "") || ValidCSRF([]byte("other"), hash, c) {
		t.Fatal("CSRF tokens do not bind to the session and secret")
	}
	now := time.Unix(1_800_000_000, 0)
	ft := FormToken(secret, "signin", now)
	if at, ok := CheckFormToken(secret, "signin", ft); !ok || !at.Equal(now) {
		t.Fatalf("form token round trip: %v %v", at, ok)
	}
	for _, bad := range []string{"", "123", "123.abc", strings.Replace(ft, "1800000000", "1800000001", 1), ft + "x"} {
		if _, ok := CheckFormToken(secret, "signin", bad); ok {
			t.Errorf("forged form token %q accepted", bad)
		}
	}
	if _, ok := CheckFormToken(secret, "setup", ft); ok {
		t.Error("a sign-in token passed as a setup token")
	}
	if ClientKey(secret, "1.2.3.4") == ClientKey(secret, "1.2.3.5") || strings.Contains(ClientKey(secret, "1.2.3.4"), "1.2.3.4") {
		t.Error("client keys must differ per address and hide it")
	}
}

func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		HashPassword("correct horse battery")
	}
}
