package media

import (
	"bytes"
	"encoding/binary"
	"errors"
	"unicode/utf8"
)

// Identify names the image format of data by its content and checks that data
// is that image and nothing else. It walks the file's blocks to the image's
// end marker without decoding pixels, refuses a file cut short, bytes after
// the end (zero padding and the further JPEG pictures phones append aside),
// and web page or script code in any metadata block. Any refusal is a
// *Refusal.
func Identify(data []byte) (Format, error) {
	f, _, err := identify(data)
	return f, err
}

// identify is Identify that also returns what the walk found.
func identify(data []byte) (Format, layout, error) {
	var l layout
	f := sniff(data)
	if f == "" {
		return "", l, notImage(data)
	}
	var err error
	switch f {
	case JPEG:
		l, err = walkJPEG(data)
	case PNG:
		l, err = walkPNG(data)
	case GIF:
		l, err = walkGIF(data)
	case WebP:
		l, err = walkWebP(data)
	}
	if err != nil {
		return "", l, damaged(f)
	}
	rest := data[l.end:]
	if f == JPEG {
		// Phones append more pictures (depth and gain maps, MPF previews)
		// after the first; each must be a whole JPEG itself.
		for len(rest) >= 3 && rest[0] == 0xFF && rest[1] == 0xD8 && rest[2] == 0xFF {
			more, err := walkJPEG(rest)
			if err != nil {
				break
			}
			l.meta = append(l.meta, more.meta...)
			rest = rest[more.end:]
		}
	}
	if !allZero(rest) {
		return "", l, refuse(ErrPolyglot, "The file has %s of other data after the end of the %s image: a hidden payload, or something like a phone's motion-photo video. Save the picture as a plain image and upload that.",
			Size(len(rest)), f.Name())
	}
	for _, m := range l.meta {
		if tok := findMarkup(m); tok != "" {
			return "", l, refuse(ErrPolyglot, "The %s image carries web page or script code (%q) in its metadata, so it is refused. Save the picture again from an image editor and upload that.",
				f.Name(), tok)
		}
	}
	return f, l, nil
}

// sniff names the format data begins like, or "".
func sniff(data []byte) Format {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return JPEG
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return GIF
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP
	}
	return ""
}

// notImage refuses a file that is no accepted image, saying what it looks like
// where that helps the uploader.
func notImage(data []byte) *Refusal {
	head := bytes.ToLower(data[:min(len(data), 512)])
	const accepted = "Herald accepts JPEG, PNG, WebP and GIF images, recognised by their content rather than their name."
	switch {
	case len(data) == 0:
		return refuse(ErrNotImage, "The file is empty.")
	case bytes.Contains(head, []byte("<svg")):
		return refuse(ErrNotImage, "SVG drawings are not accepted, because they can carry scripts. Export the drawing as PNG and upload that.")
	case len(data) >= 12 && string(data[4:8]) == "ftyp" && bytes.Contains([]byte("heic heix hevc mif1 msf1 avif avis"), bytes.ToLower(data[8:12])):
		return refuse(ErrNotImage, "This is a HEIC or AVIF photo. %s Export the photo as JPEG and upload that.", accepted)
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return refuse(ErrNotImage, "TIFF and camera raw files are not accepted. %s Export the photo as JPEG and upload that.", accepted)
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return refuse(ErrNotImage, "This is a PDF document, not an image. %s", accepted)
	case bytes.Contains(head, []byte("<html")), bytes.Contains(head, []byte("<!doctype")), bytes.Contains(head, []byte("<script")):
		return refuse(ErrNotImage, "This is a web page, not an image. %s", accepted)
	case isText(data[:min(len(data), 512)]):
		return refuse(ErrNotImage, "This is a text file, not an image. %s", accepted)
	}
	return refuse(ErrNotImage, "This file is not an image Herald accepts. %s", accepted)
}

func isText(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 && len(b) > 3 {
			return false // not UTF-8 (a cut rune at the end is fine)
		}
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			return false
		}
		b = b[n:]
	}
	return true
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// layout is what walking a file's blocks finds.
type layout struct {
	end  int      // offset just past the image's end marker
	meta [][]byte // blocks that hold no pixels: comments, EXIF, XMP, text, unknown chunks
	exif []byte   // the EXIF (TIFF) block, if any
}

var errShape = errors.New("media: malformed")

// walkJPEG follows a JPEG's marker segments and entropy-coded scans to its
// EOI marker.
func walkJPEG(b []byte) (layout, error) {
	var l layout
	i := 2 // after SOI
	for {
		if i >= len(b) || b[i] != 0xFF {
			return l, errShape
		}
		for i < len(b) && b[i] == 0xFF { // fill bytes
			i++
		}
		if i >= len(b) {
			return l, errShape
		}
		m := b[i]
		i++
		switch {
		case m == 0xD9: // EOI
			l.end = i
			return l, nil
		case m == 0x01 || (m >= 0xD0 && m <= 0xD7): // TEM, RSTn: no length
			continue
		case m == 0x00 || m == 0xD8:
			return l, errShape
		}
		if i+2 > len(b) {
			return l, errShape
		}
		n := int(binary.BigEndian.Uint16(b[i:]))
		if n < 2 || i+n > len(b) {
			return l, errShape
		}
		seg := b[i+2 : i+n]
		i += n
		if (m >= 0xE0 && m <= 0xEF) || m == 0xFE { // APPn, COM
			l.meta = append(l.meta, seg)
			if m == 0xE1 && l.exif == nil && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
				l.exif = seg[6:]
			}
		}
		if m == 0xDA { // SOS: entropy-coded data runs to the next real marker
			for {
				j := bytes.IndexByte(b[i:], 0xFF)
				if j < 0 || i+j+1 >= len(b) {
					return l, errShape
				}
				i += j
				if next := b[i+1]; next == 0x00 || (next >= 0xD0 && next <= 0xD7) {
					i += 2 // a stuffed 0xFF or a restart marker
					continue
				}
				break
			}
		}
	}
}

// walkPNG follows a PNG's chunks to IEND.
func walkPNG(b []byte) (layout, error) {
	var l layout
	i := 8
	for {
		if i+12 > len(b) {
			return l, errShape
		}
		n := int64(binary.BigEndian.Uint32(b[i:]))
		typ := string(b[i+4 : i+8])
		if n > int64(len(b)-i-12) {
			return l, errShape
		}
		data := b[i+8 : i+8+int(n)]
		i += 12 + int(n)
		switch typ {
		case "IEND":
			l.end = i
			return l, nil
		case "IHDR", "PLTE", "IDAT", "tRNS", "acTL", "fcTL", "fdAT":
		case "eXIf":
			l.meta = append(l.meta, data)
			l.exif = data
		default:
			l.meta = append(l.meta, data)
		}
	}
}

// walkGIF follows a GIF's blocks to its trailer.
func walkGIF(b []byte) (layout, error) {
	var l layout
	if len(b) < 13 {
		return l, errShape
	}
	i := 13
	if flags := b[10]; flags&0x80 != 0 {
		i += 3 << (flags&7 + 1)
	}
	for {
		if i >= len(b) {
			return l, errShape
		}
		var err error
		switch b[i] {
		case 0x21: // extension: label, then sub-blocks
			start := i + 2
			if i, err = skipSubBlocks(b, start); err != nil {
				return l, err
			}
			l.meta = append(l.meta, b[start:i])
		case 0x2C: // image descriptor, local colour table, LZW code size, sub-blocks
			if i+11 > len(b) {
				return l, errShape
			}
			flags := b[i+9]
			i += 10
			if flags&0x80 != 0 {
				i += 3 << (flags&7 + 1)
			}
			if i, err = skipSubBlocks(b, i+1); err != nil {
				return l, err
			}
		case 0x3B: // trailer
			l.end = i + 1
			return l, nil
		default:
			return l, errShape
		}
	}
}

// skipSubBlocks returns the offset after the sub-blocks starting at i and
// their zero terminator.
func skipSubBlocks(b []byte, i int) (int, error) {
	for {
		if i >= len(b) {
			return 0, errShape
		}
		n := int(b[i])
		i++
		if n == 0 {
			return i, nil
		}
		i += n
	}
}

// walkWebP follows a WebP's RIFF chunks to the end the RIFF header declares.
func walkWebP(b []byte) (layout, error) {
	var l layout
	size := int64(binary.LittleEndian.Uint32(b[4:]))
	if size < 4 || size > int64(len(b)-8) {
		return l, errShape
	}
	end := 8 + int(size)
	i := 12
	for i < end {
		if i+8 > end {
			return l, errShape
		}
		id := string(b[i : i+4])
		n := int64(binary.LittleEndian.Uint32(b[i+4:]))
		if n > int64(end-i-8) {
			return l, errShape
		}
		data := b[i+8 : i+8+int(n)]
		i += 8 + int(n) + int(n&1) // chunks are padded to an even size
		switch id {
		case "VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF":
		case "EXIF":
			l.meta = append(l.meta, data)
			l.exif = bytes.TrimPrefix(data, []byte("Exif\x00\x00"))
		default:
			l.meta = append(l.meta, data)
		}
	}
	if i > end+1 || (i == end+1 && (end >= len(b) || b[end] != 0)) {
		return l, errShape
	}
	l.end = min(i, len(b))
	return l, nil
}

// markupTags are the starts of HTML or SVG elements that make a browser or
// another program treat a file as a page or run a script. Each counts only
// when followed by a space, '/' or '>', so that random binary metadata (a
// maker note, an ICC profile) practically never matches by chance.
var markupTags = []string{"<script", "<html", "<body", "<head", "<iframe", "<svg", "<object", "<embed", "<img", "<meta", "<style", "<form", "<link", "<base"}

// markupText is code that needs no following delimiter to be unambiguous.
var markupText = []string{"<!doctype", "<?php", "javascript:", "<%@", "<?=", "vbscript:"}

// findMarkup returns the first piece of web page or script code in b, or "".
// XMP, which is XML, passes: its elements are x:, rdf: and namespaced ones.
func findMarkup(b []byte) string {
	if bytes.IndexByte(b, '<') < 0 && bytes.IndexByte(b, ':') < 0 {
		return ""
	}
	lower := bytes.ToLower(b)
	for _, t := range markupText {
		if bytes.Contains(lower, []byte(t)) {
			return t
		}
	}
	for _, t := range markupTags {
		for rest := lower; ; {
			j := bytes.Index(rest, []byte(t))
			if j < 0 {
				break
			}
			rest = rest[j+len(t):]
			if len(rest) == 0 || bytes.IndexByte([]byte(" \t\r\n\f/>"), rest[0]) >= 0 {
				return t
			}
		}
	}
	return ""
}
