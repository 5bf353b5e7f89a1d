package media_test

// Builders of the files the tests feed to media: every refusal is tested on a
// file made here, byte by byte where an encoder would not make it.

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"
)

// picture is a w × h gradient; with alpha its right half is see-through.
func picture(w, h int, alpha bool) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			a := uint8(255)
			if alpha && x >= w/2 {
				a = 96
			}
			m.SetNRGBA(x, y, color.NRGBA{uint8(x * 255 / max(1, w-1)), uint8(y * 255 / max(1, h-1)), 160, a})
		}
	}
	return m
}

func pngOf(tb testing.TB, m image.Image) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func jpegOf(tb testing.TB, m image.Image) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 90}); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func gifOf(tb testing.TB, frames ...image.Image) []byte {
	tb.Helper()
	g := &gif.GIF{}
	for _, f := range frames {
		p := image.NewPaletted(f.Bounds(), palette.Plan9)
		for y := f.Bounds().Min.Y; y < f.Bounds().Max.Y; y++ {
			for x := f.Bounds().Min.X; x < f.Bounds().Max.X; x++ {
				p.Set(x, y, f.At(x, y))
			}
		}
		g.Image = append(g.Image, p)
		g.Delay = append(g.Delay, 10)
	}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, g); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// exif is a little-endian TIFF block with an orientation and an image
// description, the kind of text (and GPS position) a camera writes.
func exif(orientation int, description string) []byte {
	desc := append([]byte(description), 0)
	var b bytes.Buffer
	le := binary.LittleEndian
	b.WriteString("II*\x00")
	binary.Write(&b, le, uint32(8))
	binary.Write(&b, le, uint16(2)) // two entries
	// ImageDescription, ASCII, stored after the IFD
	binary.Write(&b, le, []uint16{0x010E, 2})
	binary.Write(&b, le, []uint32{uint32(len(desc)), 8 + 2 + 2*12 + 4})
	// Orientation, SHORT
	binary.Write(&b, le, []uint16{0x0112, 3})
	binary.Write(&b, le, []uint32{1, uint32(orientation)})
	binary.Write(&b, le, uint32(0)) // no next IFD
	b.Write(desc)
	return b.Bytes()
}

// withSegment inserts a JPEG marker segment right after SOI.
func withSegment(j []byte, marker byte, payload []byte) []byte {
	seg := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	out := append([]byte{}, j[:2]...)
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, j[2:]...)
}

// withEXIF gives a JPEG an APP1 EXIF segment.
func withEXIF(j, tiff []byte) []byte {
	return withSegment(j, 0xE1, append([]byte("Exif\x00\x00"), tiff...))
}

// chunk is one PNG chunk with its CRC.
func chunk(typ string, data []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// pngBomb is a valid-looking PNG of a few dozen bytes that declares w × h
// pixels.
func pngBomb(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 2, 0, 0, 0) // 8-bit RGB
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, chunk("IHDR", ihdr)...)
	out = append(out, chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(out, chunk("IEND", nil)...)
}

// withPNGChunk inserts a chunk right after IHDR.
func withPNGChunk(p []byte, typ string, data []byte) []byte {
	at := 8 + 12 + 13
	out := append([]byte{}, p[:at]...)
	out = append(out, chunk(typ, data)...)
	return append(out, p[at:]...)
}

// jpegDeclaring rewrites a JPEG's SOF0 to declare w × h.
func jpegDeclaring(tb testing.TB, j []byte, w, h uint16) []byte {
	tb.Helper()
	out := append([]byte{}, j...)
	i := bytes.Index(out, []byte{0xFF, 0xC0})
	if i < 0 {
		tb.Fatal("no SOF0")
	}
	binary.BigEndian.PutUint16(out[i+5:], h)
	binary.BigEndian.PutUint16(out[i+7:], w)
	return out
}

// withGIFComment inserts a comment extension before a GIF's trailer.
func withGIFComment(g []byte, text string) []byte {
	ext := []byte{0x21, 0xFE}
	for len(text) > 0 {
		n := min(len(text), 255)
		ext = append(ext, byte(n))
		ext = append(ext, text[:n]...)
		text = text[n:]
	}
	ext = append(ext, 0)
	out := append([]byte{}, g[:len(g)-1]...)
	out = append(out, ext...)
	return append(out, 0x3B)
}
