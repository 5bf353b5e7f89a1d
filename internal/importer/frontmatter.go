package importer

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// frontMatter splits a Markdown file into its front matter, parsed, and its
// body. YAML front matter sits between lines of "---" (Hugo, Jekyll), TOML
// between lines of "+++" (Hugo). ok is false for a file without any. A
// front matter that does not parse is a *ParseError at its line and column
// in the file.
func frontMatter(file string, data []byte) (fm map[string]any, body []byte, ok bool, err error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	var delim string
	switch {
	case hasDelim(data, "---"):
		delim = "---"
	case hasDelim(data, "+++"):
		delim = "+++"
	default:
		return nil, data, false, nil
	}
	rest := data[len(delim):]
	rest = rest[bytes.IndexByte(rest, '\n')+1:]
	// The closing line: the delimiter alone (YAML also allows "...").
	end, next := -1, -1
	for i := 0; i <= len(rest); {
		j := bytes.IndexByte(rest[i:], '\n')
		line := rest[i:]
		if j >= 0 {
			line = rest[i : i+j]
		}
		l := string(bytes.TrimRight(line, " \t\r"))
		if l == delim || (delim == "---" && l == "...") {
			end = i
			next = len(rest)
			if j >= 0 {
				next = i + j + 1
			}
			break
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	if end < 0 {
		return nil, nil, false, &ParseError{File: file, Pos: Pos{1, 1}, Msg: fmt.Sprintf("the front matter opened with %q on line 1 is never closed", delim)}
	}
	src := rest[:end]
	fm = map[string]any{}
	if delim == "---" {
		err = yaml.Unmarshal(src, &fm)
		if err != nil {
			return nil, nil, false, yamlError(file, err)
		}
	} else {
		if _, err := toml.Decode(string(src), &fm); err != nil {
			return nil, nil, false, tomlError(file, err)
		}
	}
	if fm == nil {
		fm = map[string]any{}
	}
	return fm, rest[next:], true, nil
}

func hasDelim(data []byte, delim string) bool {
	if !bytes.HasPrefix(data, []byte(delim)) {
		return false
	}
	line := data
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		line = data[:i]
	}
	return string(bytes.TrimRight(line, " \t\r")) == delim
}

// yamlLine finds the place in yaml.v3's messages ("yaml: line 3: …").
var yamlLine = regexp.MustCompile(`line (\d+)(?:, column (\d+))?: `)

// yamlError places a YAML error in the file: the front matter starts on
// line 2.
func yamlError(file string, err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	pos := Pos{2, 1}
	if m := yamlLine.FindStringSubmatchIndex(msg); m != nil {
		line, _ := strconv.Atoi(msg[m[2]:m[3]])
		pos.Line = line + 1
		if m[4] >= 0 {
			pos.Col, _ = strconv.Atoi(msg[m[4]:m[5]])
		}
		msg = msg[:m[0]] + msg[m[1]:]
	}
	msg = strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(msg, "yaml:")), "unmarshal errors:")
	return &ParseError{File: file, Pos: pos, Msg: "malformed YAML front matter: " + strings.TrimSpace(msg), Err: err}
}

// tomlError places a TOML error in the file.
func tomlError(file string, err error) error {
	pos := Pos{2, 1}
	msg := err.Error()
	var pe toml.ParseError
	if errors.As(err, &pe) {
		pos = Pos{pe.Position.Line + 1, max(pe.Position.Col, 1)}
		msg = pe.Message
	}
	return &ParseError{File: file, Pos: pos, Msg: "malformed TOML front matter: " + msg, Err: err}
}

// The readers below take front-matter values leniently: YAML and TOML
// spell the same thing in several ways (a list or one string, a date or a
// string).

func fmString(fm map[string]any, keys ...string) string {
	for _, k := range keys {
		switch v := fm[k].(type) {
		case string:
			if strings.TrimSpace(v) != "" {
				return strings.TrimSpace(v)
			}
		case int, int64, float64, uint64:
			return fmt.Sprint(v)
		}
	}
	return ""
}

func fmList(fm map[string]any, keys ...string) []string {
	var out []string
	for _, k := range keys {
		switch v := fm[k].(type) {
		case string:
			for _, s := range strings.Split(v, ",") {
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			}
		case []any:
			for _, e := range v {
				switch e := e.(type) {
				case string:
					if s := strings.TrimSpace(e); s != "" {
						out = append(out, s)
					}
				case map[string]any:
					if s := fmString(e, "name", "title"); s != "" {
						out = append(out, s)
					}
				}
			}
		case []string:
			out = append(out, v...)
		}
		if len(out) > 0 {
			return out
		}
	}
	return out
}

func fmBool(fm map[string]any, key string) (value, set bool) {
	switch v := fm[key].(type) {
	case bool:
		return v, true
	case string:
		b, err := strconv.ParseBool(strings.TrimSpace(v))
		return b, err == nil
	}
	return false, false
}

// fmTime reads a date; a date without a zone is taken as UTC.
func fmTime(fm map[string]any, keys ...string) (time.Time, error) {
	for _, k := range keys {
		switch v := fm[k].(type) {
		case time.Time:
			return v.UTC(), nil
		case string:
			t, err := parseDate(v)
			if errors.Is(err, errNoDate) {
				continue
			}
			if err != nil {
				return time.Time{}, fmt.Errorf("%s: %w", k, err)
			}
			return t, nil
		}
	}
	return time.Time{}, errNoDate
}

// fmMaps reads a list of tables (credits, corrections).
func fmMaps(fm map[string]any, key string) []map[string]any {
	var out []map[string]any
	switch v := fm[key].(type) {
	case []any:
		for _, e := range v {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
	case []map[string]any:
		out = v
	case map[string]any:
		out = append(out, v)
	}
	return out
}
