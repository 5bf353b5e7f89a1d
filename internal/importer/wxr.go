package importer

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// The WXR reader streams a WordPress export with encoding/xml's
// Decoder.Token: it holds one <item> (with its comments) at a time, so a
// 1 GB export is read in the memory of its largest item.
//
// Security: encoding/xml never fetches an external entity or DTD and never
// expands an entity defined in a DOCTYPE, but a file that tries either is
// refused with a message that says so, before anything is imported. One
// token may hold at most maxToken bytes and elements nest at most maxDepth
// deep, so a hostile file cannot make the reader hold more than that.
// Invalid UTF-8 stops the import at its line and column: guessing another
// encoding or replacing bytes would change the newsroom's words silently
// (see ErrSyntax's message for what to do instead).

// Limits of the reader.
const (
	maxToken = 64 << 20 // bytes in one token: a story body in one CDATA section
	maxDepth = 64
)

var (
	// wpSpace matches every spelling of the wp: namespace: the export
	// format's versions 1.0 to 1.2 (and later 1.x) over http or https.
	wpSpace = regexp.MustCompile(`^https?://wordpress\.org/export/1\.[0-9]+/?$`)
	// excerptSpace is the excerpt: namespace of the same versions.
	excerptSpace = regexp.MustCompile(`^https?://wordpress\.org/export/1\.[0-9]+/excerpt/?$`)
)

const (
	contentSpace = "http://purl.org/rss/1.0/modules/content/"
	dcSpace      = "http://purl.org/dc/elements/1.1/"
)

// ns classifies an element's namespace. A prefix that the file forgot to
// declare arrives as the prefix itself; the usual ones are taken at their
// word.
func ns(space string) string {
	switch {
	case space == "":
		return ""
	case space == "wp" || wpSpace.MatchString(space):
		return "wp"
	case space == "excerpt" || excerptSpace.MatchString(space):
		return "excerpt"
	case space == "content" || strings.TrimSuffix(space, "/") == strings.TrimSuffix(contentSpace, "/"):
		return "content"
	case space == "dc" || strings.TrimSuffix(space, "/") == strings.TrimSuffix(dcSpace, "/"):
		return "dc"
	}
	return "?"
}

// Pos is a place in a file: 1-based line and column (in characters).
type Pos struct {
	Line, Col int
}

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// ParseError is a file the importer cannot read, at the place it stopped.
type ParseError struct {
	File string
	Pos  Pos
	Msg  string
	Err  error // the underlying error, when there is one
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrTooLarge means one token or the nesting of a file passed the reader's
// limits.
var ErrTooLarge = errors.New("importer: over the reader's limits")

// posReader feeds the decoder byte by byte (so the decoder does no buffering
// of its own and the bytes read are exactly the decoder's offset) and
// counts lines and columns as it goes. It also bounds the bytes one token
// may take.
type posReader struct {
	r      *bufio.Reader
	offset int64
	line   int // newlines read
	col    int // characters read since the last newline
	pcol   int // col when the last newline was read
	last   byte
	budget int64
	need   int  // continuation bytes the current UTF-8 character still needs
	bad    *Pos // where the first byte that is not UTF-8 is
}

func (p *posReader) Read(b []byte) (int, error) {
	// Not called: the decoder uses ReadByte. Kept correct anyway.
	for i := range b {
		c, err := p.ReadByte()
		if err != nil {
			return i, err
		}
		b[i] = c
	}
	return len(b), nil
}

func (p *posReader) ReadByte() (byte, error) {
	if p.budget <= 0 {
		return 0, ErrTooLarge
	}
	c, err := p.r.ReadByte()
	if err != nil {
		return c, err
	}
	p.budget--
	p.checkUTF8(c)
	p.offset++
	p.last = c
	switch {
	case c == '\n':
		p.line++
		p.pcol, p.col = p.col, 0
	case c&0xC0 != 0x80: // the first byte of a character
		p.col++
	}
	return c, nil
}

// checkUTF8 notes where the first byte that cannot be UTF-8 is: the
// decoder refuses such a file, but only says so at the end of the text
// that holds it.
func (p *posReader) checkUTF8(c byte) {
	if p.bad != nil {
		return
	}
	ok := true
	switch {
	case p.need > 0:
		ok = c&0xC0 == 0x80
		p.need--
	case c < 0x80:
	case c >= 0xC2 && c <= 0xDF:
		p.need = 1
	case c >= 0xE0 && c <= 0xEF:
		p.need = 2
	case c >= 0xF0 && c <= 0xF4:
		p.need = 3
	default:
		ok = false
	}
	if !ok {
		p.bad = &Pos{p.line + 1, p.col + 1}
		if c&0xC0 == 0x80 && p.col > 0 {
			p.bad.Col = p.col
		}
	}
}

// pos is the place of the byte at offset, which is the offset of the
// reader or one less (the decoder may have put one byte back).
func (p *posReader) pos(offset int64) Pos {
	if offset < p.offset && p.offset > 0 {
		switch {
		case p.last == '\n':
			return Pos{p.line, p.pcol + 1}
		case p.last&0xC0 != 0x80:
			return Pos{p.line + 1, p.col}
		}
	}
	return Pos{p.line + 1, p.col + 1}
}

// xmlReader reads one XML file token by token, with the place of each.
type xmlReader struct {
	file  string
	pr    *posReader
	d     *xml.Decoder
	depth int
}

func newXMLReader(file string, r io.Reader) *xmlReader {
	pr := &posReader{r: bufio.NewReaderSize(r, 64<<10)}
	d := xml.NewDecoder(pr)
	d.Strict = true
	d.Entity = xml.HTMLEntity // &nbsp; and friends: fixed strings, never expansions
	d.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		if strings.EqualFold(charset, "us-ascii") || strings.EqualFold(charset, "ascii") {
			return input, nil // a subset of UTF-8
		}
		return nil, fmt.Errorf("the file says it is encoded in %s; Herald reads UTF-8, which WordPress writes: convert it first (iconv -f %s -t UTF-8)", charset, charset)
	}
	return &xmlReader{file: file, pr: pr, d: d}
}

// pos is where the decoder is now.
func (x *xmlReader) pos() Pos { return x.pr.pos(x.d.InputOffset()) }

// fail makes a ParseError at the decoder's place.
func (x *xmlReader) fail(err error, format string, args ...any) error {
	return &ParseError{File: x.file, Pos: x.pos(), Msg: fmt.Sprintf(format, args...), Err: err}
}

// token returns the next token that matters: elements, text, and the DOCTYPE
// (refused when it declares entities or names an outside DTD). Comments and
// processing instructions are dropped. It returns io.EOF only at the true
// end of the file.
func (x *xmlReader) token() (xml.Token, error) {
	for {
		x.pr.budget = maxToken
		tok, err := x.d.Token()
		if err != nil {
			return nil, x.explain(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			x.depth++
			if x.depth > maxDepth {
				return nil, x.fail(ErrTooLarge, "elements nest more than %d deep; a WordPress export never does", maxDepth)
			}
			return t, nil
		case xml.EndElement:
			x.depth--
			return t, nil
		case xml.CharData:
			return t, nil
		case xml.Directive:
			if err := x.directive(t); err != nil {
				return nil, err
			}
		}
	}
}

// directive refuses the DOCTYPEs that an attack needs: one that declares
// entities ("billion laughs", or external entities reading local files) or
// names an external DTD.
func (x *xmlReader) directive(d xml.Directive) error {
	upper := bytes.ToUpper(d)
	switch {
	case bytes.Contains(upper, []byte("<!ENTITY")) || bytes.Contains(upper, []byte("ENTITY ")):
		return x.fail(nil, "the file declares XML entities in a DOCTYPE, which WordPress exports never do: refused, as an entity-expansion (\"billion laughs\") or external-entity attack")
	case bytes.Contains(upper, []byte("SYSTEM")) || bytes.Contains(upper, []byte("PUBLIC")):
		return x.fail(nil, "the file's DOCTYPE names an outside DTD, which WordPress exports never do: refused; Herald reads nothing but the named file")
	}
	return nil
}

// explain turns the decoder's errors into messages with the file's place.
func (x *xmlReader) explain(err error) error {
	if err == io.EOF {
		return io.EOF
	}
	var pe *ParseError
	if errors.As(err, &pe) {
		return err
	}
	if errors.Is(err, ErrTooLarge) {
		return x.fail(err, "one element holds more than %d MB of text; refused", maxToken>>20)
	}
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg = se.Msg
	}
	switch {
	case msg == "unexpected EOF" || errors.Is(err, io.ErrUnexpectedEOF):
		return x.fail(err, "the file ends in the middle of the export: it looks truncated (copy it again, whole)")
	case strings.Contains(msg, "invalid UTF-8"):
		if x.pr.bad != nil {
			return &ParseError{File: x.file, Pos: *x.pr.bad, Err: err, Msg: "the file is not valid UTF-8 here; if it was saved in another encoding convert it (iconv -f WINDOWS-1252 -t UTF-8), or drop the bad bytes (iconv -c -f UTF-8 -t UTF-8)"}
		}
		return x.fail(err, "the file is not valid UTF-8 here; if it was saved in another encoding convert it (iconv -f WINDOWS-1252 -t UTF-8), or drop the bad bytes (iconv -c -f UTF-8 -t UTF-8)")
	}
	return x.fail(err, "malformed XML: %s", msg)
}

// text reads the text of the element just started, to its end. Elements
// inside it are read and their text kept.
func (x *xmlReader) text() (string, error) {
	var b strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := x.token()
		if err == io.EOF {
			return "", x.fail(io.ErrUnexpectedEOF, "the file ends in the middle of the export: it looks truncated (copy it again, whole)")
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if b.Len()+len(t) > maxToken {
				return "", x.fail(ErrTooLarge, "one element holds more than %d MB of text; refused", maxToken>>20)
			}
			b.Write(t)
		}
	}
	return b.String(), nil
}

// skip reads to the end of the element just started.
func (x *xmlReader) skip() error {
	depth := 1
	for depth > 0 {
		tok, err := x.token()
		if err == io.EOF {
			return x.fail(io.ErrUnexpectedEOF, "the file ends in the middle of the export: it looks truncated (copy it again, whole)")
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// validText reports whether s is text a story may hold: valid UTF-8. The
// decoder has checked that already; this guards the few places that build
// strings themselves.
func validText(s string) bool { return utf8.ValidString(s) }
