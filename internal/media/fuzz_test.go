package media_test

import (
	"bytes"
	"errors"
	"image"
	"os"
	"testing"

	"github.com/herald-news/herald/internal/media"
)

// FuzzIdentify feeds arbitrary bytes to Identify and Process. Neither may
// panic; every error is a *media.Refusal; whatever is accepted comes out as
// images that decode to the sizes claimed and that media accepts again.
func FuzzIdentify(f *testing.F) {
	small := picture(24, 16, true)
	photo := jpegOf(f, picture(24, 16, false))
	anim := gifOf(f, small, picture(24, 16, false))
	for _, seed := range [][]byte{
		photo, pngOf(f, small), anim,
		withEXIF(photo, exif(6, "caption")),
		withGIFComment(anim, "<script>x</script>"),
		append(append([]byte{}, anim...), "<html>"...),
		pngBomb(100000, 100000), pngBomb(3, 2),
		photo[:len(photo)/2],
		[]byte("RIFF\x10\x00\x00\x00WEBPVP8L\x04\x00\x00\x00\x2f\x00\x00\x00"),
		[]byte("plain text"),
	} {
		f.Add(seed)
	}
	for _, name := range []string{"testdata/blue-purple-pink.lossy.webp", "testdata/gopher-doc.with-alpha.lossless.webp"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	// Small limits keep each run fast; the checks are the same.
	o := media.Options{MaxBytes: 1 << 20, MaxPixels: 1 << 20, Widths: []int{8, 32}}
	f.Fuzz(func(t *testing.T, data []byte) {
		format, idErr := media.Identify(data)
		res, err := media.Process(ctx, data, o)
		if err != nil {
			var r *media.Refusal
			if !errors.As(err, &r) || r.Message == "" {
				t.Fatalf("error is not a refusal with a message: %#v", err)
			}
			return
		}
		if idErr != nil || res.Source != format {
			t.Fatalf("Process accepted what Identify refused: %v", idErr)
		}
		if res.Original.Width*res.Original.Height > o.MaxPixels {
			t.Fatalf("accepted %d×%d", res.Original.Width, res.Original.Height)
		}
		for _, im := range append([]media.Image{res.Original}, res.Variants...) {
			if im.Format != media.JPEG && im.Format != media.PNG {
				t.Fatalf("produced %s", im.Format)
			}
			m, kind, err := image.Decode(bytes.NewReader(im.Data))
			if err != nil || kind != string(im.Format) || m.Bounds().Dx() != im.Width || m.Bounds().Dy() != im.Height {
				t.Fatalf("output %s %d×%d decodes as %s %v: %v", im.Format, im.Width, im.Height, kind, m, err)
			}
			if _, err := media.Identify(im.Data); err != nil {
				t.Fatalf("output refused: %v", err)
			}
		}
	})
}
