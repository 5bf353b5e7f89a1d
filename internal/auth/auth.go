package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters: the OWASP recommendation of 19 MiB, two passes, one
// lane, which keeps a sign-in near 30 ms on a small server.
const (
	argonMemory  = 19 * 1024
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	saltLen      = 16
)

// MinPasswordLen and MaxPasswordLen bound a password in characters.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 200
)

// CheckPasswordRules says what is wrong with a new password, or nil.
func CheckPasswordRules(pw string) error {
	switch n := utf8.RuneCountInString(pw); {
	case !utf8.ValidString(pw):
		return errors.New("the password is not valid text")
	case n < MinPasswordLen:
		return fmt.Errorf("the password must be at least %d characters long", MinPasswordLen)
	case n > MaxPasswordLen:
		return fmt.Errorf("the password must be at most %d characters long", MaxPasswordLen)
	}
	return nil
}

// HashPassword returns an argon2id hash of pw in the PHC string format.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether pw matches hash, in constant time. A malformed
// or empty hash matches nothing.
func CheckPassword(hash, pw string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" || parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || m > 1<<20 || t == 0 || t > 16 || p == 0 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 || len(want) > 128 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is checked against when an account does not exist, so that a
// missing account takes as long to refuse as a wrong password.
var dummyHash, _ = HashPassword("herald-dummy-password")

// CheckPasswordOrDummy is CheckPassword that spends the same time when hash
// is empty.
func CheckPasswordOrDummy(hash, pw string) bool {
	if hash == "" {
		CheckPassword(dummyHash, pw)
		return false
	}
	return CheckPassword(hash, pw)
}

// NewToken returns a random 256-bit token for a cookie and the hash that is
// stored in its place.
func NewToken() (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token), nil
}

// HashToken is how a token is stored: SHA-256, hex.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// GeneratePassword returns a random password of 20 URL-safe characters.
func GeneratePassword() (string, error) {
	b := make([]byte, 15)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func mac(secret []byte, parts ...string) string {
	h := hmac.New(sha256.New, secret)
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))
}

// CSRFToken is the token every state-changing form of a session carries.
func CSRFToken(secret []byte, sessionHash string) string {
	return mac(secret, "csrf", sessionHash)
}

// ValidCSRF reports whether token belongs to the session.
func ValidCSRF(secret []byte, sessionHash, token string) bool {
	return token != "" && hmac.Equal([]byte(token), []byte(CSRFToken(secret, sessionHash)))
}

// FormToken signs purpose and the time a form was served, for forms shown to
// people without a session (sign-in, setup). It lets the server refuse forged
// posts and forms older than a limit.
func FormToken(secret []byte, purpose string, issued time.Time) string {
	ts := strconv.FormatInt(issued.Unix(), 10)
	return ts + "." + mac(secret, "form", purpose, ts)
}

// CheckFormToken verifies a FormToken for purpose and returns when it was
// issued.
func CheckFormToken(secret []byte, purpose, token string) (time.Time, bool) {
	ts, sig, ok := strings.Cut(token, ".")
	if !ok || len(token) > 200 {
		return time.Time{}, false
	}
	unix, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || !hmac.Equal([]byte(sig), []byte(mac(secret, "form", purpose, ts))) {
		return time.Time{}, false
	}
	return time.Unix(unix, 0), true
}

// ClientKey is the throttling key of a client address: a keyed hash, so that
// addresses are never stored.
func ClientKey(secret []byte, addr string) string {
	return "client:" + mac(secret, "client", addr)[:22]
}

// AccountKey is the throttling key of an account.
func AccountKey(email string) string { return "account:" + strings.ToLower(strings.TrimSpace(email)) }

// Sign-in throttling: after this many failures within the window, further
// attempts are refused until the window has passed.
const (
	ThrottleWindow     = 15 * time.Minute
	MaxAccountFailures = 5
	MaxClientFailures  = 20
)

// Session lifetimes: a session lapses after SessionIdle without use and
// after SessionMax in any case.
const (
	SessionIdle = 12 * time.Hour
	SessionMax  = 14 * 24 * time.Hour
)

// KeyedHash is an HMAC-SHA-256 of value for purpose, in hex: how addresses
// and emails are stored when they need to be recognised but never shown.
func KeyedHash(secret []byte, purpose, value string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(purpose))
	m.Write([]byte{0})
	m.Write([]byte(value))
	return hex.EncodeToString(m.Sum(nil))
}

// EmailHash recognises a commenter by email without storing anything that
// shows it; case and surrounding space do not count. The comment form and
// the importers must agree on it, so it lives here.
func EmailHash(secret []byte, email string) string {
	return KeyedHash(secret, "email", strings.ToLower(strings.TrimSpace(email)))
}
