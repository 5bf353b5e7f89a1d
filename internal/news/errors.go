package news

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Sentinel errors shared by every layer. The store maps driver errors onto them,
// the web layer maps them onto HTTP statuses.
var (
	// ErrNotFound means the thing asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict means the write would break a uniqueness rule (a slug taken).
	ErrConflict = errors.New("already exists")
	// ErrGone means the thing existed and was withdrawn on purpose.
	ErrGone = errors.New("withdrawn")
	// ErrInvalid means the input broke a validation rule; see ValidationError.
	ErrInvalid = errors.New("invalid input")
	// ErrForbidden means the caller's role does not allow the action.
	ErrForbidden = errors.New("forbidden")
	// ErrStale means a save was made over an older version of a story than
	// the one stored: someone else saved in between.
	ErrStale = errors.New("the story was changed by someone else since it was opened")
)

// ValidationError names every field that failed validation with a message fit to
// show a person beside that field. It matches ErrInvalid with errors.Is.
type ValidationError struct {
	Fields map[string]string
}

// Add records a problem with field; the first message for a field wins.
func (v *ValidationError) Add(field, msg string) {
	if v.Fields == nil {
		v.Fields = make(map[string]string)
	}
	if _, ok := v.Fields[field]; !ok {
		v.Fields[field] = msg
	}
}

// Err returns v when it holds a problem and nil otherwise.
func (v *ValidationError) Err() error {
	if v == nil || len(v.Fields) == 0 {
		return nil
	}
	return v
}

// Error lists the problems in a stable order.
func (v *ValidationError) Error() string {
	keys := make([]string, 0, len(v.Fields))
	for k := range v.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s: %s", k, v.Fields[k])
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Is makes errors.Is(err, ErrInvalid) true for a *ValidationError.
func (v *ValidationError) Is(target error) bool { return target == ErrInvalid }
