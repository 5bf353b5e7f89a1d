package media_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/herald-news/herald/internal/media"
)

var ctx = context.Background()

func TestRefusals(t *testing.T) {
	photo := jpegOf(t, picture(64, 48, false))
	graphic := pngOf(t, picture(64, 48, true))
	anim := gifOf(t, picture(16, 16, false))
	tests := []struct {
		name string
		data []byte
		want error
		says string // part of the message
	}{
		{"empty", nil, media.ErrNotImage, "empty"},
		{"text file", []byte("Council minutes, 14 May.\nPresent: the mayor.\n"), media.ErrNotImage, "text file"},
		{"web page", []byte("<!DOCTYPE html><html><body>hi</body></html>"), media.ErrNotImage, "web page"},
		{"svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`), media.ErrNotImage, "SVG"},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), media.ErrNotImage, "PDF"},
		{"heic", append([]byte("\x00\x00\x00\x18ftypheic"), make([]byte, 40)...), media.ErrNotImage, "HEIC"},
		{"zip named .jpg", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), media.ErrNotImage, "not an image"},
		{"png bomb", pngBomb(100000, 100000), media.ErrTooManyPixels, "100000 × 100000"},
		{"jpeg bomb", jpegDeclaring(t, photo, 65000, 65000), media.ErrTooManyPixels, "megapixels"},
		{"gif bomb", func() []byte {
			g := append([]byte{}, anim...)
			g[6], g[7], g[8], g[9] = 0xFF, 0xFF, 0xFF, 0xFF // 65535 × 65535 screen
			return g
		}(), media.ErrTooManyPixels, "megapixels"},
		{"gif+html polyglot", append(append([]byte{}, anim...), "<html><script>alert(document.cookie)</script></html>"...), media.ErrPolyglot, "after the end"},
		{"gif with script comment", withGIFComment(anim, "*/=1;<script>alert(1)</script>"), media.ErrPolyglot, "<script"},
		{"jpeg+php", append(append([]byte{}, photo...), "<?php system($_GET['c']); ?>"...), media.ErrPolyglot, "after the end"},
		{"jpeg+zip", append(append([]byte{}, photo...), "PK\x03\x04 archive"...), media.ErrPolyglot, "after the end"},
		{"jpeg comment html", withSegment(photo, 0xFE, []byte("<html><body onload=alert(1)>")), media.ErrPolyglot, "<html"},
		{"exif javascript", withEXIF(photo, exif(1, "javascript:alert(1)")), media.ErrPolyglot, "javascript:"},
		{"png text chunk", withPNGChunk(graphic, "tEXt", []byte("Comment\x00<svg/onload=alert(1)>")), media.ErrPolyglot, "<svg"},
		{"png after iend", append(append([]byte{}, graphic...), "<script>x</script>"...), media.ErrPolyglot, "after the end"},
		{"truncated jpeg", photo[:len(photo)/2], media.ErrDamaged, "cut short"},
		{"jpeg without eoi", photo[:len(photo)-2], media.ErrDamaged, "JPEG"},
		{"truncated png", graphic[:len(graphic)-20], media.ErrDamaged, "PNG"},
		{"truncated gif", anim[:len(anim)-4], media.ErrDamaged, "GIF"},
		{"jpeg magic only", []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F'}, media.ErrDamaged, "JPEG"},
		{"png with broken pixels", func() []byte {
			p := pngOf(t, picture(8, 8, false))
			i := bytes.Index(p, []byte("IDAT"))
			bad := append([]byte{}, p[i+4:i+4+int(p[i-1])]...)
			for k := range bad {
				bad[k] ^= 0x5a
			}
			return append(append(append([]byte{}, p[:33]...), chunk("IDAT", bad)...), chunk("IEND", nil)...)
		}(), media.ErrDamaged, "PNG"},
		{"webp riff lies", []byte("RIFF\xff\xff\x00\x00WEBPVP8 "), media.ErrDamaged, "WebP"},
		{"too large", bytes.Repeat([]byte{0xFF, 0xD8, 0xFF}, media.MaxBytes/3+1), media.ErrTooLarge, "at most 15 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := media.Process(ctx, tt.data, media.Defaults())
			if !errors.Is(err, tt.want) {
				t.Fatalf("Process = %v, %v; want %v", res, err, tt.want)
			}
			var r *media.Refusal
			if !errors.As(err, &r) {
				t.Fatalf("error %T is not a *media.Refusal", err)
			}
			if !strings.Contains(r.Message, tt.says) {
				t.Errorf("message %q does not say %q", r.Message, tt.says)
			}
		})
	}
}

// TestBombRefusedWithoutDecoding checks that a small file declaring ten
// gigapixels is refused from its header: almost nothing is allocated.
func TestBombRefusedWithoutDecoding(t *testing.T) {
	bomb := pngBomb(100000, 100000)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := media.Process(ctx, bomb, media.Defaults())
	runtime.ReadMemStats(&after)
	if !errors.Is(err, media.ErrTooManyPixels) {
		t.Fatalf("bomb: %v", err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Fatalf("refusing the bomb allocated %d bytes", n)
	}
}

// decoded checks that im is a valid image of its stated format and size.
func decoded(t *testing.T, im media.Image) image.Image {
	t.Helper()
	m, format, err := image.Decode(bytes.NewReader(im.Data))
	if err != nil {
		t.Fatalf("%s %d×%d does not decode: %v", im.Format, im.Width, im.Height, err)
	}
	if format != string(im.Format) || m.Bounds().Dx() != im.Width || m.Bounds().Dy() != im.Height {
		t.Fatalf("stored as %s %d×%d, decodes as %s %v", im.Format, im.Width, im.Height, format, m.Bounds())
	}
	if f, err := media.Identify(im.Data); err != nil || f != im.Format {
		t.Fatalf("re-encoded image is refused itself: %v %v", f, err)
	}
	return m
}

func sizes(imgs []media.Image) [][2]int {
	var out [][2]int
	for _, im := range imgs {
		out = append(out, [2]int{im.Width, im.Height})
	}
	return out
}

func TestProcessJPEGStripsMetadata(t *testing.T) {
	xmp := append([]byte("http://ns.adobe.com/xap/1.0/\x00"),
		`<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description dc:creator="SECRET-PHOTOGRAPHER"/></rdf:RDF></x:xmpmeta>`...)
	src := withSegment(withEXIF(jpegOf(t, picture(2000, 1000, false)), exif(1, "SECRET-GPS 48.8584N 2.2945E")), 0xE1, xmp)
	res, err := media.Process(ctx, src, media.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	if res.Source != media.JPEG || res.Original.Format != media.JPEG || res.Original.Width != 2000 || res.Original.Height != 1000 {
		t.Fatalf("original = %s %d×%d from %s", res.Original.Format, res.Original.Width, res.Original.Height, res.Source)
	}
	for _, im := range append([]media.Image{res.Original}, res.Variants...) {
		decoded(t, im)
		for _, s := range []string{"Exif", "SECRET", "xmpmeta", "http://ns.adobe.com"} {
			if bytes.Contains(im.Data, []byte(s)) {
				t.Errorf("%d-wide copy still holds %q", im.Width, s)
			}
		}
		if bytes.Contains(im.Data, []byte{0xFF, 0xE1}) {
			t.Errorf("%d-wide copy has an APP1 segment", im.Width)
		}
	}
	if got, want := sizes(res.Variants), [][2]int{{480, 240}, {960, 480}, {1600, 800}}; !equal(got, want) {
		t.Errorf("variants %v, want %v", got, want)
	}
}

func equal(a, b [][2]int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestProcessNeverUpscales(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
		out  media.Format
		want [][2]int
	}{
		{"png with alpha", pngOf(t, picture(700, 300, true)), media.PNG, [][2]int{{480, 206}}},
		{"small png", pngOf(t, picture(300, 200, false)), media.PNG, nil},
		{"exactly 480", jpegOf(t, picture(480, 320, false)), media.JPEG, nil},
		{"1601 wide", jpegOf(t, picture(1601, 900, false)), media.JPEG, [][2]int{{480, 270}, {960, 540}, {1600, 899}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := media.Process(ctx, tt.data, media.Defaults())
			if err != nil {
				t.Fatal(err)
			}
			if res.Original.Format != tt.out {
				t.Errorf("stored as %s, want %s", res.Original.Format, tt.out)
			}
			decoded(t, res.Original)
			for _, v := range res.Variants {
				decoded(t, v)
				if v.Format != tt.out {
					t.Errorf("variant as %s, want %s", v.Format, tt.out)
				}
			}
			if got := sizes(res.Variants); !equal(got, tt.want) {
				t.Errorf("variants %v, want %v", got, tt.want)
			}
		})
	}
}

func TestProcessGIFKeepsFirstFrameAsPNG(t *testing.T) {
	first, second := picture(520, 40, false), image.NewNRGBA(image.Rect(0, 0, 520, 40))
	res, err := media.Process(ctx, gifOf(t, first, second), media.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	if res.Source != media.GIF || res.Original.Format != media.PNG || len(res.Variants) != 1 {
		t.Fatalf("GIF became %s with %d variants", res.Original.Format, len(res.Variants))
	}
	m := decoded(t, res.Original)
	if r, _, _, _ := m.At(519, 0).RGBA(); r < 0xc000 {
		t.Errorf("pixel (519,0) is not from the first frame: %v", m.At(519, 0))
	}
}

func TestProcessWebP(t *testing.T) {
	for _, tt := range []struct {
		file string
		out  media.Format
	}{
		{"testdata/blue-purple-pink.lossy.webp", media.JPEG},        // opaque
		{"testdata/gopher-doc.with-alpha.lossless.webp", media.PNG}, // transparent
	} {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			res, err := media.Process(ctx, data, media.Defaults())
			if err != nil {
				t.Fatal(err)
			}
			if res.Source != media.WebP || res.Original.Format != tt.out {
				t.Fatalf("WebP became %s, want %s", res.Original.Format, tt.out)
			}
			decoded(t, res.Original)
		})
	}
}

func TestProcessAppliesOrientation(t *testing.T) {
	// Left half red, right half blue, stored sideways: orientation 6 says
	// turn it a quarter clockwise, so red ends up on top.
	m := image.NewNRGBA(image.Rect(0, 0, 80, 40))
	for y := range 40 {
		for x := range 80 {
			if x < 40 {
				m.Pix[m.PixOffset(x, y)] = 255
			} else {
				m.Pix[m.PixOffset(x, y)+2] = 255
			}
			m.Pix[m.PixOffset(x, y)+3] = 255
		}
	}
	res, err := media.Process(ctx, withEXIF(jpegOf(t, m), exif(6, "")), media.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	if res.Original.Width != 40 || res.Original.Height != 80 {
		t.Fatalf("turned image is %d×%d, want 40×80", res.Original.Width, res.Original.Height)
	}
	out := decoded(t, res.Original)
	if r, _, b, _ := out.At(20, 10).RGBA(); r < b {
		t.Errorf("top is not red: %v", out.At(20, 10))
	}
	if r, _, b, _ := out.At(20, 70).RGBA(); b < r {
		t.Errorf("bottom is not blue: %v", out.At(20, 70))
	}
}

func TestIdentifyAcceptsWhatCamerasWrite(t *testing.T) {
	photo := jpegOf(t, picture(64, 48, false))
	xmp := append([]byte("http://ns.adobe.com/xap/1.0/\x00"), `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>`...)
	for name, data := range map[string][]byte{
		"jpeg with exif and xmp":      withSegment(withEXIF(photo, exif(1, "Harbor at dawn")), 0xE1, xmp),
		"jpeg with appended pictures": append(append(append([]byte{}, photo...), photo...), jpegOf(t, picture(8, 8, false))...),
		"jpeg with zero padding":      append(append([]byte{}, photo...), make([]byte, 100)...),
		"png with a harmless comment": withPNGChunk(pngOf(t, picture(8, 8, false)), "tEXt", []byte("Comment\x00Made with <3 in a <b>newsroom</b>")),
		"gif with a harmless comment": withGIFComment(gifOf(t, picture(8, 8, false)), "Drawn for the front page"),
		"png with a binary ICC chunk": withPNGChunk(pngOf(t, picture(8, 8, false)), "iCCP", append([]byte("sRGB\x00\x00"), bytes.Repeat([]byte{0x3c, 0x73, 0x76, 0x67, 0x01}, 50)...)),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := media.Identify(data); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int]string{0: "0 bytes", 1023: "1023 bytes", 2048: "2 KiB", 15 << 20: "15 MiB", 16<<20 + 1<<19: "16.5 MiB"} {
		if got := media.Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
