package demo

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
)

func decode(t *testing.T, name string, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: not a PNG: %v", name, err)
	}
	return img
}

func checkSize(t *testing.T, name string, img image.Image, w, h int) {
	t.Helper()
	if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
		t.Errorf("%s is %dx%d, want %dx%d", name, b.Dx(), b.Dy(), w, h)
	}
}

// colours counts the distinct colours in img, to tell a picture from a blank.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}

func TestPortrait(t *testing.T) {
	seen := map[string]string{}
	for _, a := range authors() {
		p := Portrait(a.Slug)
		img := decode(t, a.Slug, p)
		checkSize(t, a.Slug, img, 320, 320)
		if n := colours(img); n < 8 {
			t.Errorf("portrait of %s has only %d colours", a.Slug, n)
		}
		if !bytes.Equal(p, Portrait(a.Slug)) {
			t.Errorf("portrait of %s differs between calls", a.Slug)
		}
		if other, ok := seen[string(p)]; ok {
			t.Errorf("%s and %s have the same portrait", a.Slug, other)
		}
		seen[string(p)] = a.Slug
	}
	if bytes.Equal(Portrait("ada-ortiz"), Portrait("ada-ortiz-2")) {
		t.Error("two different slugs give the same portrait")
	}
	// Any string is acceptable, including an empty one.
	checkSize(t, "empty slug", decode(t, "empty slug", Portrait("")), 320, 320)
}

func TestIllustration(t *testing.T) {
	seen := map[string]int64{}
	for seed := int64(0); seed < 24; seed++ {
		b := Illustration(seed, 1200, 675)
		img := decode(t, "illustration", b)
		checkSize(t, "illustration", img, 1200, 675)
		if n := colours(img); n < 12 {
			t.Errorf("illustration %d has only %d colours", seed, n)
		}
		if !bytes.Equal(b, Illustration(seed, 1200, 675)) {
			t.Errorf("illustration %d differs between calls", seed)
		}
		if other, ok := seen[string(b)]; ok {
			t.Errorf("seeds %d and %d draw the same illustration", seed, other)
		}
		seen[string(b)] = seed
		alt := IllustrationAlt(seed)
		if !strings.HasPrefix(alt, "Abstract illustration of ") || alt != IllustrationAlt(seed) {
			t.Errorf("IllustrationAlt(%d) = %q", seed, alt)
		}
	}
	for _, size := range [][2]int{{320, 180}, {1, 1}, {600, 600}, {0, -5}} {
		img := decode(t, "illustration", Illustration(-7, size[0], size[1]))
		checkSize(t, "illustration", img, max(1, size[0]), max(1, size[1]))
	}
}

func TestIllustrationAltMatchesDrawing(t *testing.T) {
	// Every feature the descriptions can name turns up among a few seeds.
	want := []string{"sailboat", "birds", "lighthouse", "hills", "moon", "striped", "rings"}
	var all strings.Builder
	for seed := int64(0); seed < 200; seed++ {
		all.WriteString(IllustrationAlt(seed))
		all.WriteByte('\n')
	}
	for _, w := range want {
		if !strings.Contains(all.String(), w) {
			t.Errorf("no description among 200 seeds mentions %q", w)
		}
	}
	if strings.Contains(all.String(), " a orange") || strings.Contains(all.String(), " an yellow") {
		t.Error("descriptions use the wrong article")
	}
}

func TestLogo(t *testing.T) {
	b := Logo()
	img := decode(t, "logo", b)
	checkSize(t, "logo", img, 512, 512)
	if !bytes.Equal(b, Logo()) {
		t.Error("logo differs between calls")
	}
	if n := colours(img); n < 8 {
		t.Errorf("logo has only %d colours", n)
	}
}

func BenchmarkIllustration(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		Illustration(int64(i%16), 1200, 675)
	}
}

func BenchmarkPortrait(b *testing.B) {
	for b.Loop() {
		Portrait("maya-okafor")
	}
}
