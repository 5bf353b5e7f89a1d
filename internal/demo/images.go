package demo

import (
	"bytes"
	"hash/fnv"
	"image"
	"image/color"
	"image/png"
	"math"
)

// The pictures in this file are drawn from flat shapes described by signed
// distance functions: a shape tells, for any point, how far it lies outside
// (positive) or inside (negative) the shape's edge. Filling a pixel with the
// fraction of it that the shape covers, clamp(0.5 - distance), gives smooth,
// antialiased edges without supersampling. Everything is deterministic: the
// same arguments always produce the same bytes.

// Portrait returns a 320×320 PNG head-and-shoulders portrait, drawn in a flat,
// illustrative style. Colours, hair, clothing and glasses are picked from a
// hash of slug, so each author gets a distinct and stable picture.
func Portrait(slug string) []byte {
	h := fnv.New64a()
	h.Write([]byte(slug))
	r := &rng{state: h.Sum64()}
	c := newCanvas(320, 320)
	drawPortrait(c, r)
	return c.png()
}

// Illustration returns a width×height PNG abstract editorial illustration:
// a sky, a sun or moon, layered waves and sometimes a boat, birds, hills or a
// lighthouse, in a palette picked by seed. IllustrationAlt describes it.
func Illustration(seed int64, width, height int) []byte {
	c := newCanvas(width, height)
	drawIllustration(c, planIllustration(seed))
	return c.png()
}

// IllustrationAlt is alternative text describing what Illustration draws for
// seed, at any size: "Abstract illustration of a small sailboat on layered teal
// waves under an orange sun".
func IllustrationAlt(seed int64) string {
	return planIllustration(seed).describe()
}

// Logo returns the 512×512 PNG publisher mark: a lighthouse on a rock with its
// beam across a sunset disc, above two waves, on deep navy.
func Logo() []byte {
	c := newCanvas(512, 512)
	navy := hex(0x12304f)
	c.clear(navy)
	// Sunset disc behind the lighthouse.
	c.fill(circle(256, 236, 150), hex(0x1d4a72))
	c.fill(circle(256, 236, 118), hex(0xf2a541))
	// Light beams.
	beam := hexA(0xffe9a8, 0.75)
	fade := func(x, _ float64) float64 { return 1 - math.Abs(x-256)/230 }
	c.fillFading(poly(256, 150, 486, 100, 486, 184), beam, fade)
	c.fillFading(poly(256, 150, 26, 100, 26, 184), beam, fade)
	// Rock.
	c.fill(ellipse(256, 372, 112, 40), hex(0x0b2036))
	// Tower: a tapered shaft with two red bands.
	tower := poly(222, 368, 290, 368, 276, 176, 236, 176)
	c.fill(tower, hex(0xf7f3ea))
	red := hex(0xc8402f)
	c.fill(inter(tower, box(200, 212, 312, 240, 0)), red)
	c.fill(inter(tower, box(200, 284, 312, 312, 0)), red)
	// Gallery, lantern and roof.
	c.fill(box(224, 164, 288, 178, 3), navy)
	c.fill(box(236, 134, 276, 166, 3), hex(0xffe27a))
	c.fill(box(254, 134, 258, 166, 0), navy)
	c.fill(poly(228, 136, 284, 136, 256, 104), red)
	c.fill(circle(256, 100, 6), red)
	// Waves in front.
	c.waveBand(wave{base: 372, amps: [2]float64{9, 3}, ks: [2]float64{2 * math.Pi / 128, 2 * math.Pi / 61}, phases: [2]float64{0.6, 1.9}}, hex(0x2e7fa8), hex(0x8fd0e8), 3)
	c.waveBand(wave{base: 420, amps: [2]float64{10, 3}, ks: [2]float64{2 * math.Pi / 150, 2 * math.Pi / 70}, phases: [2]float64{2.2, 0.4}}, hex(0x1b5d85), hex(0x6fb6d6), 3)
	c.waveBand(wave{base: 466, amps: [2]float64{8, 2}, ks: [2]float64{2 * math.Pi / 170, 2 * math.Pi / 55}, phases: [2]float64{4.0, 2.5}}, navy, hex(0x3f86b0), 3)
	return c.png()
}

// --- portraits ---

var (
	skinTones = []color.NRGBA{
		hex(0xf6d7c3), hex(0xeec1a0), hex(0xe0ac86), hex(0xc98e66),
		hex(0xa86f4c), hex(0x8a5535), hex(0x6b3f26), hex(0x4e2c1a),
	}
	hairColours = []color.NRGBA{
		hex(0x1d1a19), hex(0x2f221b), hex(0x4a3022), hex(0x7a4a2a),
		hex(0xa35b2e), hex(0xc9a060), hex(0x9a9a9a), hex(0xdcdad5),
	}
	clothesColours = []color.NRGBA{
		hex(0x2b4c7e), hex(0x7a2e3b), hex(0x2f6b4f), hex(0xd08a2e),
		hex(0x4a4f57), hex(0x6b4c9a), hex(0x1f7a8c), hex(0xb5553c),
		hex(0x303540), hex(0x8c6d46),
	}
	backdrops = []color.NRGBA{
		hex(0xd9e8f0), hex(0xf3e1c7), hex(0xe2ecd9), hex(0xf0d9d9),
		hex(0xe4def0), hex(0xf5ecc9), hex(0xd5e6e3), hex(0xe9e4dc),
	}
)

func drawPortrait(c *canvas, r *rng) {
	bg := backdrops[r.intn(len(backdrops))]
	skin := skinTones[r.intn(len(skinTones))]
	hair := hairColours[r.intn(len(hairColours))]
	clothes := clothesColours[r.intn(len(clothesColours))]
	hairStyle := r.intn(6) // 0 short, 1 long, 2 bun, 3 curly, 4 side part, 5 close crop
	neckline := r.intn(3)  // 0 crew, 1 V-neck, 2 jacket and shirt
	glasses := r.intn(3) == 0
	beard := hairStyle != 1 && hairStyle != 2 && r.intn(4) == 0
	rx := 54 + r.float()*10
	ry := 68 + r.float()*10
	const cx, cy = 160.0, 140.0

	c.clear(bg)
	c.fill(circle(160, 150, 128), shade(bg, 0.93))

	// Long hair falls behind the head and shoulders.
	if hairStyle == 1 {
		c.fill(box(cx-rx-16, cy-ry+4, cx+rx+16, cy+ry+70, 60), hair)
	}
	// Neck, with a shadow under the chin.
	c.fill(box(cx-25, cy+ry-30, cx+25, 300, 12), skin)
	c.fill(ellipse(cx, cy+ry-6, 30, 22), shade(skin, 0.86))

	// Shoulders, with the neckline cut away so the neck shows through.
	torso := ellipse(cx, 362, 140+r.float()*12, 118)
	switch neckline {
	case 0:
		c.fill(sub(torso, ellipse(cx, 244, 31, 20)), clothes)
		c.fill(inter(inter(ring(ellipse(cx, 244, 33, 22), 3), halfPlane(0, -1, -240)), torso), shade(clothes, 0.8))
	case 1:
		c.fill(sub(torso, poly(cx-30, 230, cx+30, 230, cx, 290)), clothes)
	default:
		shirt := hex(0xf4f1ea)
		if r.intn(2) == 0 {
			shirt = hex(0xcfe0ef)
		}
		c.fill(inter(torso, box(cx-44, 200, cx+44, 330, 0)), shirt)
		c.fill(sub(torso, poly(cx-36, 236, cx+36, 236, cx, 320)), clothes)
		// Lapels and collar points.
		c.fill(poly(cx-36, 236, cx-18, 240, cx-4, 318, cx-26, 276), shade(clothes, 0.8))
		c.fill(poly(cx+36, 236, cx+18, 240, cx+4, 318, cx+26, 276), shade(clothes, 0.8))
		c.fill(poly(cx-26, 232, cx, 252, cx-10, 262), shade(shirt, 0.9))
		c.fill(poly(cx+26, 232, cx, 252, cx+10, 262), shade(shirt, 0.9))
	}

	// Ears, then the head over them.
	c.fill(ellipse(cx-rx+2, cy+8, 10, 15), shade(skin, 0.93))
	c.fill(ellipse(cx+rx-2, cy+8, 10, 15), shade(skin, 0.93))
	c.fill(ellipse(cx, cy, rx, ry), skin)

	if beard {
		// A full beard: the lower rim of the face, deepest at the chin.
		c.fill(inter(sub(ellipse(cx, cy+2, rx+1, ry+2), ellipse(cx, cy-14, rx*0.8, ry*0.98)), halfPlane(0, -1, -(cy+2))), hair)
	}

	// Hair: an outer shell of the head with the face cut out of it.
	shell := ellipse(cx, cy-6, rx+7, ry+6)
	switch hairStyle {
	case 0, 1, 2:
		hairCap := inter(sub(shell, ellipse(cx, cy+24, rx*0.86, ry*0.82)), halfPlane(0, 1, cy+14))
		c.fill(hairCap, hair)
		if hairStyle == 2 {
			c.fill(circle(cx, cy-ry-18, 26), hair)
			c.fill(inter(ring(circle(cx, cy-ry-18, 26), 2), halfPlane(0, -1, -(cy-ry-10))), shade(hair, 0.8))
		}
	case 3:
		curls := []shape{}
		for i := 0; i <= 10; i++ {
			a := math.Pi * (1.05 + 0.09*float64(i))
			curls = append(curls, circle(cx+(rx+4)*math.Cos(a), cy-8+(ry+2)*math.Sin(a), 17+r.float()*5))
		}
		c.fill(sub(union(curls...), ellipse(cx, cy+20, rx*0.84, ry*0.8)), hair)
	case 4:
		side := 1.0
		if r.intn(2) == 0 {
			side = -1
		}
		hairCap := inter(sub(shell, ellipse(cx-side*10, cy+22, rx*0.82, ry*0.8)), halfPlane(0, 1, cy+2))
		c.fill(hairCap, hair)
		c.fill(inter(shell, ellipse(cx+side*18, cy-ry+18, rx*0.9, 26)), hair)
		c.fill(capsule(cx-side*12, cy-ry+2, cx-side*20, cy-ry+26, 1.6), shade(hair, 0.75))
	case 5:
		c.fill(inter(sub(ellipse(cx, cy-3, rx+3, ry+3), ellipse(cx, cy+18, rx*0.92, ry*0.86)), halfPlane(0, 1, cy)), hair)
	}

	// Face: brows, eyes, nose and a small smile.
	ey := cy + 6
	c.fill(capsule(cx-30, ey-15, cx-14, ey-17, 2.6), shade(hair, 0.9))
	c.fill(capsule(cx+14, ey-17, cx+30, ey-15, 2.6), shade(hair, 0.9))
	eye := hex(0x2a2320)
	c.fill(circle(cx-22, ey, 4.6), eye)
	c.fill(circle(cx+22, ey, 4.6), eye)
	c.fill(capsule(cx, ey+8, cx-4, ey+22, 2.2), shade(skin, 0.85))
	c.fill(circle(cx-32, ey+20, 9), withAlpha(hex(0xe07a6a), 0.18))
	c.fill(circle(cx+32, ey+20, 9), withAlpha(hex(0xe07a6a), 0.18))
	c.fill(inter(ring(circle(cx, ey+18, 16), 2.2), halfPlane(0, -1, -(ey+28))), shade(skin, 0.6))
	if glasses {
		frame := []color.NRGBA{hex(0x222222), hex(0x7a3b2e), hex(0x2b4c7e), hex(0xb08d57)}[r.intn(4)]
		c.fill(ring(circle(cx-22, ey, 14), 2.4), frame)
		c.fill(ring(circle(cx+22, ey, 14), 2.4), frame)
		c.fill(capsule(cx-8, ey-2, cx+8, ey-2, 2), frame)
		c.fill(capsule(cx-36, ey-3, cx-rx+2, ey-6, 2), frame)
		c.fill(capsule(cx+36, ey-3, cx+rx-2, ey-6, 2), frame)
	}
}

// --- illustrations ---

type palette struct {
	skyTop, skyBottom color.NRGBA
	sun               color.NRGBA
	waves             [4]color.NRGBA // far to near
	ink, light        color.NRGBA    // details: birds, hulls; sails, towers
	sunName           string         // "orange sun"
	wavesName         string         // "teal waves"
	skyName           string         // "a peach sky"
	night             bool
}

var palettes = []palette{
	{hex(0xf6d5c4), hex(0xf9a77c), hex(0xe8553e), [4]color.NRGBA{hex(0x6fa8b5), hex(0x3f7f95), hex(0x245f78), hex(0x123f58)}, hex(0x1b2a38), hex(0xfdf6ec), "orange sun", "teal waves", "a peach sky", false},
	{hex(0xa9d8ef), hex(0xe9f5fa), hex(0xffcf40), [4]color.NRGBA{hex(0x4fa3d1), hex(0x2f7fb8), hex(0x1d5f99), hex(0x0f3f73)}, hex(0x14263d), hex(0xffffff), "yellow sun", "blue waves", "a pale blue sky", false},
	{hex(0x0e1a3a), hex(0x33447a), hex(0xf2ecd0), [4]color.NRGBA{hex(0x2c4a7a), hex(0x1f3766), hex(0x15284f), hex(0x0b1a38)}, hex(0x060d1f), hex(0xe8e4d4), "pale moon", "dark blue waves", "a night sky", true},
	{hex(0x3b2157), hex(0xd9627a), hex(0xffb35c), [4]color.NRGBA{hex(0x8c3d6e), hex(0x6b2d5c), hex(0x4a1f47), hex(0x2b1330)}, hex(0x1e0d22), hex(0xf9e3d4), "amber sun", "purple waves", "a violet dusk sky", false},
	{hex(0x8e9aa3), hex(0xd3d8da), hex(0xf4f1e8), [4]color.NRGBA{hex(0x6d7f8b), hex(0x546672), hex(0x3c4c57), hex(0x26333c)}, hex(0x1a2228), hex(0xf0efe9), "pale sun", "slate-grey waves", "an overcast grey sky", false},
	{hex(0xe3f1e6), hex(0xfbf1d6), hex(0xf07f4f), [4]color.NRGBA{hex(0x7cc2a8), hex(0x4fa08a), hex(0x2f7d6c), hex(0x1b5a50)}, hex(0x143a35), hex(0xfffaf0), "coral sun", "green waves", "a pale green sky", false},
	{hex(0xf3e3b5), hex(0xf7c873), hex(0xc8462c), [4]color.NRGBA{hex(0x7a9a86), hex(0x557a6a), hex(0x3b5c52), hex(0x233f3a)}, hex(0x1c2622), hex(0xfbf4e4), "red sun", "sage-green waves", "a golden sky", false},
	{hex(0xf4efe6), hex(0xe6dac4), hex(0x2b3a67), [4]color.NRGBA{hex(0x8fa3bf), hex(0x60789e), hex(0x3d557d), hex(0x22365a)}, hex(0x17233d), hex(0xfffdf8), "navy-blue sun", "indigo waves", "a cream sky", false},
}

const (
	sunPlain = iota
	sunStriped
	sunRinged
	moonCrescent
	moonFull
)

const (
	featureNone = iota
	featureBoat
	featureBirds
	featureLighthouse
	featureHills
	featureCount
)

// wave is the top edge of a band of water: base plus two sine terms.
type wave struct {
	base   float64
	amps   [2]float64
	ks     [2]float64 // angular frequency in radians per pixel
	phases [2]float64
}

func (w wave) at(x float64) (y, slope float64) {
	y = w.base
	for i := range 2 {
		y += w.amps[i] * math.Sin(w.ks[i]*x+w.phases[i])
		slope += w.amps[i] * w.ks[i] * math.Cos(w.ks[i]*x+w.phases[i])
	}
	return y, slope
}

// plan is an illustration laid out in fractions of the picture's size, so that
// it looks the same at any size and can be described without drawing it.
type plan struct {
	pal      palette
	horizon  float64 // fraction of height
	sunX     float64 // fraction of width
	sunY     float64 // fraction of height
	sunR     float64 // fraction of height
	sunStyle int
	feature  int
	left     bool // feature (lighthouse, boat) on the left
	bands    [4]struct {
		base, a1, a2, c1, c2, p1, p2 float64 // base and amplitudes as fractions of height; cycles across the width; phases
	}
	rnd [32]float64 // more numbers for details, drawn up front
}

func planIllustration(seed int64) plan {
	r := &rng{state: uint64(seed)*0x9e3779b97f4a7c15 + 0x2545f4914f6cdd1d}
	r.next()
	var p plan
	p.pal = palettes[r.intn(len(palettes))]
	p.horizon = 0.52 + 0.1*r.float()
	p.feature = r.intn(featureCount)
	p.left = r.intn(2) == 0
	if p.pal.night {
		p.sunStyle = moonCrescent + r.intn(2)
	} else {
		p.sunStyle = r.intn(3)
	}
	p.sunR = 0.1 + 0.08*r.float()
	p.sunY = p.horizon - p.sunR*(0.6+1.6*r.float())
	// Keep the sun clear of a lighthouse or boat on one side.
	if p.feature == featureLighthouse || p.feature == featureBoat {
		if p.left {
			p.sunX = 0.55 + 0.25*r.float()
		} else {
			p.sunX = 0.2 + 0.25*r.float()
		}
	} else {
		p.sunX = 0.2 + 0.6*r.float()
	}
	y := p.horizon
	for i := range p.bands {
		b := &p.bands[i]
		b.base = y
		b.a1 = (0.006 + 0.012*r.float()) * float64(i+1)
		b.a2 = b.a1 * (0.2 + 0.3*r.float())
		b.c1 = 0.8 + 1.6*r.float()
		b.c2 = 2.5 + 3*r.float()
		b.p1 = 2 * math.Pi * r.float()
		b.p2 = 2 * math.Pi * r.float()
		y += (1 - p.horizon) * (0.16 + 0.1*float64(i)) * (0.85 + 0.3*r.float())
	}
	for i := range p.rnd {
		p.rnd[i] = r.float()
	}
	return p
}

func (p plan) wave(i int, w, h float64) wave {
	b := p.bands[i]
	return wave{
		base:   b.base * h,
		amps:   [2]float64{b.a1 * h, b.a2 * h},
		ks:     [2]float64{2 * math.Pi * b.c1 / w, 2 * math.Pi * b.c2 / w},
		phases: [2]float64{b.p1, b.p2},
	}
}

func (p plan) describe() string {
	sun := "a " + p.pal.sunName
	switch p.sunStyle {
	case sunStriped:
		sun = "a striped " + p.pal.sunName
	case sunRinged:
		sun = "a " + p.pal.sunName + " circled by thin rings"
	case moonCrescent:
		sun = "a crescent moon and stars"
	case moonFull:
		sun = "a full moon and stars"
	}
	if startsWithVowel(p.pal.sunName) && (p.sunStyle == sunPlain || p.sunStyle == sunRinged) {
		sun = "an" + sun[1:]
	}
	waves := "layered " + p.pal.wavesName
	var s string
	switch p.feature {
	case featureBoat:
		s = "a small sailboat on " + waves + " under " + sun
	case featureBirds:
		s = "birds flying over " + waves + " beneath " + sun
	case featureLighthouse:
		s = "a lighthouse on a headland above " + waves + ", with " + sun
	case featureHills:
		s = waves + " in front of distant hills, under " + sun
	default:
		s = waves + " under " + sun
	}
	return "Abstract illustration of " + s + " in " + p.pal.skyName
}

func startsWithVowel(s string) bool {
	return s != "" && (s[0] == 'a' || s[0] == 'e' || s[0] == 'i' || s[0] == 'o' || s[0] == 'u')
}

func drawIllustration(c *canvas, p plan) {
	w, h := float64(c.w), float64(c.h)
	pal := p.pal
	c.verticalGradient(pal.skyTop, pal.skyBottom, 0, p.horizon*h+0.3*h)
	rnd := p.rnd[:]

	// Stars on a night sky.
	if pal.night {
		for i := 0; i < 14; i++ {
			x := w * math.Mod(rnd[i]*7.31+float64(i)*0.137, 1)
			y := p.horizon * h * 0.85 * math.Mod(rnd[(i+5)%len(rnd)]*3.7+float64(i)*0.29, 1)
			c.fill(circle(x, y, h*(0.0025+0.003*rnd[(i+11)%len(rnd)])), withAlpha(pal.light, 0.85))
		}
	}

	// Sun or moon.
	sx, sy, sr := p.sunX*w, p.sunY*h, p.sunR*h
	switch p.sunStyle {
	case sunRinged:
		for i := 0; i < 3; i++ {
			c.fill(ring(circle(sx, sy, sr*(1.3+0.28*float64(i))), h*0.002), withAlpha(pal.sun, 0.55-0.12*float64(i)))
		}
		c.fill(circle(sx, sy, sr), pal.sun)
	case sunStriped:
		var gaps []shape
		for i := 0; i < 4; i++ {
			t := sy + sr*(0.12+0.23*float64(i))
			gaps = append(gaps, box(sx-sr-2, t, sx+sr+2, t+sr*(0.04+0.035*float64(i)), 0))
		}
		c.fill(sub(circle(sx, sy, sr), union(gaps...)), pal.sun)
	case moonCrescent:
		c.fill(circle(sx, sy, sr*1.5), withAlpha(pal.sun, 0.08))
		c.fill(sub(circle(sx, sy, sr), circle(sx+sr*0.42, sy-sr*0.22, sr*0.86)), pal.sun)
	case moonFull:
		c.fill(circle(sx, sy, sr*1.6), withAlpha(pal.sun, 0.08))
		c.fill(circle(sx, sy, sr), pal.sun)
		c.fill(circle(sx-sr*0.3, sy-sr*0.2, sr*0.18), shade(pal.sun, 0.92))
		c.fill(circle(sx+sr*0.25, sy+sr*0.3, sr*0.12), shade(pal.sun, 0.92))
	default:
		c.fill(circle(sx, sy, sr*1.25), withAlpha(pal.sun, 0.15))
		c.fill(circle(sx, sy, sr), pal.sun)
	}

	horizon := p.horizon * h
	if p.feature == featureHills {
		distant := mix(pal.skyBottom, pal.waves[0], 0.45)
		near := mix(pal.skyBottom, pal.waves[1], 0.6)
		c.fill(ellipse(w*(0.15+0.3*rnd[0]), horizon+h*0.02, w*(0.3+0.1*rnd[1]), h*(0.13+0.06*rnd[2])), distant)
		c.fill(ellipse(w*(0.6+0.3*rnd[3]), horizon+h*0.02, w*(0.28+0.1*rnd[4]), h*(0.1+0.06*rnd[5])), distant)
		c.fill(ellipse(w*(0.4+0.3*rnd[6]), horizon+h*0.03, w*(0.22+0.08*rnd[7]), h*(0.07+0.04*rnd[8])), near)
	}
	if p.feature == featureLighthouse {
		drawLighthouse(c, p, horizon)
	}

	for i := range p.bands {
		col := pal.waves[i]
		crest := mix(col, pal.light, 0.3)
		c.waveBand(p.wave(i, w, h), col, withAlpha(crest, 0.7), math.Max(1, h*0.0018))
		if i == 1 && p.feature == featureBoat {
			drawBoat(c, p, p.wave(i, w, h))
		}
	}

	if p.feature == featureBirds {
		n := 3 + int(rnd[9]*3)
		for i := 0; i < n; i++ {
			x := w * (0.15 + 0.7*math.Mod(rnd[10+i]+float64(i)*0.21, 1))
			y := horizon * (0.15 + 0.5*rnd[16+i])
			s := h * (0.018 + 0.014*rnd[22+i])
			t := math.Max(1, h*0.0035)
			c.fill(union(capsule(x-s, y-s*0.45, x, y, t), capsule(x, y, x+s, y-s*0.5, t)), pal.ink)
		}
	}
}

func drawLighthouse(c *canvas, p plan, horizon float64) {
	w, h := float64(c.w), float64(c.h)
	pal := p.pal
	x := w * 0.14
	if !p.left {
		x = w * 0.86
	}
	rock := mix(pal.ink, pal.waves[2], 0.35)
	c.fill(ellipse(x, horizon+h*0.03, w*0.17, h*0.09), rock)
	base := horizon - h*0.045
	top := base - h*0.24
	bw, tw := h*0.05, h*0.032
	tower := poly(x-bw, base, x+bw, base, x+tw, top, x-tw, top)
	// The beam shines away from the tower's side of the picture.
	dir := 1.0
	if !p.left {
		dir = -1
	}
	ly := top - h*0.035
	reach := w * 0.5
	c.fillFading(poly(x, ly, x+dir*reach, ly-h*0.09, x+dir*reach, ly+h*0.03), withAlpha(pal.light, 0.4), func(px, _ float64) float64 {
		return 1 - math.Abs(px-x)/reach
	})
	c.fill(tower, pal.light)
	accent := mix(pal.sun, pal.ink, 0.15)
	c.fill(inter(tower, box(x-bw-2, top+h*0.05, x+bw+2, top+h*0.085, 0)), accent)
	c.fill(inter(tower, box(x-bw-2, top+h*0.135, x+bw+2, top+h*0.17, 0)), accent)
	c.fill(box(x-tw*1.35, top-h*0.012, x+tw*1.35, top+h*0.004, h*0.003), pal.ink)
	c.fill(box(x-tw*0.8, top-h*0.06, x+tw*0.8, top-h*0.012, h*0.003), mix(pal.sun, pal.light, 0.5))
	c.fill(poly(x-tw*1.1, top-h*0.058, x+tw*1.1, top-h*0.058, x, top-h*0.095), pal.ink)
}

func drawBoat(c *canvas, p plan, wv wave) {
	w, h := float64(c.w), float64(c.h)
	pal := p.pal
	x := w * (0.2 + 0.12*p.rnd[12])
	if !p.left {
		x = w * (0.8 - 0.12*p.rnd[12])
	}
	y, _ := wv.at(x)
	y += h * 0.012
	s := h * 0.11
	c.fill(poly(x-s*0.75, y-s*0.16, x+s*0.75, y-s*0.16, x+s*0.5, y+s*0.12, x-s*0.5, y+s*0.12), pal.ink)
	c.fill(capsule(x, y-s*0.16, x, y-s*1.35, math.Max(0.8, h*0.002)), pal.ink)
	c.fill(poly(x+s*0.06, y-s*1.3, x+s*0.06, y-s*0.26, x+s*0.68, y-s*0.26), pal.light)
	c.fill(poly(x-s*0.06, y-s*1.1, x-s*0.06, y-s*0.26, x-s*0.52, y-s*0.26), mix(pal.light, pal.sun, 0.35))
}

// --- the canvas ---

type canvas struct {
	w, h int
	img  *image.RGBA
}

func newCanvas(w, h int) *canvas {
	if w < 1 {
		w = 1
	}
	if h < 1 {
		h = 1
	}
	return &canvas{w: w, h: h, img: image.NewRGBA(image.Rect(0, 0, w, h))}
}

func (c *canvas) clear(col color.NRGBA) {
	p := c.img.Pix
	for i := 0; i < len(p); i += 4 {
		p[i], p[i+1], p[i+2], p[i+3] = col.R, col.G, col.B, 255
	}
}

// verticalGradient fills the whole canvas, from top at y0 to bottom at y1.
func (c *canvas) verticalGradient(top, bottom color.NRGBA, y0, y1 float64) {
	for y := 0; y < c.h; y++ {
		t := clamp01((float64(y) + 0.5 - y0) / (y1 - y0))
		col := mix(top, bottom, t)
		row := c.img.Pix[y*c.img.Stride : y*c.img.Stride+4*c.w]
		for i := 0; i < len(row); i += 4 {
			row[i], row[i+1], row[i+2], row[i+3] = col.R, col.G, col.B, 255
		}
	}
}

// blend mixes col into the pixel at offset i with coverage a in [0, 1].
func (c *canvas) blend(i int, col color.NRGBA, a float64) {
	p := c.img.Pix[i : i+3 : i+3]
	p[0] = uint8(float64(p[0]) + (float64(col.R)-float64(p[0]))*a + 0.5)
	p[1] = uint8(float64(p[1]) + (float64(col.G)-float64(p[1]))*a + 0.5)
	p[2] = uint8(float64(p[2]) + (float64(col.B)-float64(p[2]))*a + 0.5)
}

// fill paints s in col, using col's alpha as opacity.
func (c *canvas) fill(s shape, col color.NRGBA) { c.fillFading(s, col, nil) }

// fillFading is fill with the opacity further scaled by fade(x, y), when fade
// is not nil.
func (c *canvas) fillFading(s shape, col color.NRGBA, fade func(x, y float64) float64) {
	x0 := max(0, int(math.Floor(s.x0))-1)
	y0 := max(0, int(math.Floor(s.y0))-1)
	x1 := min(c.w, int(math.Ceil(s.x1))+1)
	y1 := min(c.h, int(math.Ceil(s.y1))+1)
	alpha := float64(col.A) / 255
	for y := y0; y < y1; y++ {
		fy := float64(y) + 0.5
		off := y*c.img.Stride + 4*x0
		for x := x0; x < x1; x, off = x+1, off+4 {
			d := s.d(float64(x)+0.5, fy)
			if d >= 0.5 {
				continue
			}
			a := clamp01(0.5-d) * alpha
			if fade != nil {
				a *= clamp01(fade(float64(x)+0.5, fy))
			}
			c.blend(off, col, a)
		}
	}
}

// waveBand fills everything below wv with col, and strokes its crest with
// crest, thickness half-width t.
func (c *canvas) waveBand(wv wave, col, crest color.NRGBA, t float64) {
	ca := float64(crest.A) / 255
	ba := float64(col.A) / 255
	for x := 0; x < c.w; x++ {
		top, slope := wv.at(float64(x) + 0.5)
		norm := math.Sqrt(1 + slope*slope)
		y0 := max(0, int(math.Floor(top-t))-2)
		for y := y0; y < c.h; y++ {
			off := y*c.img.Stride + 4*x
			d := (top - (float64(y) + 0.5)) / norm // distance outside the water
			if d < -t-1 {
				// Deep inside the band: fill the rest of the column directly.
				for ; y < c.h; y, off = y+1, off+c.img.Stride {
					c.blend(off, col, ba)
				}
				break
			}
			if d < 0.5 {
				c.blend(off, col, clamp01(0.5-d)*ba)
			}
			if e := math.Abs(d) - t; e < 0.5 {
				c.blend(off, crest, clamp01(0.5-e)*ca)
			}
		}
	}
}

func (c *canvas) png() []byte {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, c.img); err != nil {
		// Encoding an in-memory RGBA image into a buffer cannot fail.
		panic(err)
	}
	return b.Bytes()
}

// --- shapes ---

// shape is a signed distance function with a bounding box.
type shape struct {
	d              func(x, y float64) float64
	x0, y0, x1, y1 float64
}

const far = 1e9

func circle(cx, cy, r float64) shape {
	return shape{func(x, y float64) float64 { return math.Hypot(x-cx, y-cy) - r }, cx - r, cy - r, cx + r, cy + r}
}

// ellipse uses a close approximation of the distance, exact enough for edges.
func ellipse(cx, cy, rx, ry float64) shape {
	return shape{func(x, y float64) float64 {
		px, py := x-cx, y-cy
		k0 := math.Hypot(px/rx, py/ry)
		k1 := math.Hypot(px/(rx*rx), py/(ry*ry))
		if k1 == 0 {
			return -min(rx, ry)
		}
		return k0 * (k0 - 1) / k1
	}, cx - rx, cy - ry, cx + rx, cy + ry}
}

// box is a rectangle with corners rounded to radius r.
func box(x0, y0, x1, y1, r float64) shape {
	cx, cy := (x0+x1)/2, (y0+y1)/2
	hx, hy := (x1-x0)/2-r, (y1-y0)/2-r
	return shape{func(x, y float64) float64 {
		qx, qy := math.Abs(x-cx)-hx, math.Abs(y-cy)-hy
		return math.Hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r
	}, x0, y0, x1, y1}
}

// poly is a closed polygon through the points x0, y0, x1, y1, ...
func poly(xy ...float64) shape {
	n := len(xy) / 2
	s := shape{x0: far, y0: far, x1: -far, y1: -far}
	for i := 0; i < n; i++ {
		s.x0, s.x1 = min(s.x0, xy[2*i]), max(s.x1, xy[2*i])
		s.y0, s.y1 = min(s.y0, xy[2*i+1]), max(s.y1, xy[2*i+1])
	}
	s.d = func(x, y float64) float64 {
		dx, dy := x-xy[0], y-xy[1]
		d := dx*dx + dy*dy
		sign := 1.0
		for i, j := 0, n-1; i < n; j, i = i, i+1 {
			vix, viy, vjx, vjy := xy[2*i], xy[2*i+1], xy[2*j], xy[2*j+1]
			ex, ey := vjx-vix, vjy-viy
			wx, wy := x-vix, y-viy
			t := clamp01((wx*ex + wy*ey) / (ex*ex + ey*ey))
			bx, by := wx-ex*t, wy-ey*t
			d = min(d, bx*bx+by*by)
			c1, c2, c3 := y >= viy, y < vjy, ex*wy > ey*wx
			if (c1 && c2 && c3) || (!c1 && !c2 && !c3) {
				sign = -sign
			}
		}
		return sign * math.Sqrt(d)
	}
	return s
}

// capsule is a line segment from a to b with round ends and half-width r.
func capsule(ax, ay, bx, by, r float64) shape {
	return shape{func(x, y float64) float64 {
		px, py := x-ax, y-ay
		ex, ey := bx-ax, by-ay
		t := clamp01((px*ex + py*ey) / (ex*ex + ey*ey))
		return math.Hypot(px-ex*t, py-ey*t) - r
	}, min(ax, bx) - r, min(ay, by) - r, max(ax, bx) + r, max(ay, by) + r}
}

// halfPlane is the side of the line nx*x + ny*y = c where nx*x + ny*y < c.
func halfPlane(nx, ny, c float64) shape {
	l := math.Hypot(nx, ny)
	return shape{func(x, y float64) float64 { return (nx*x + ny*y - c) / l }, -far, -far, far, far}
}

// ring is the outline of s, half-width w.
func ring(s shape, w float64) shape {
	return shape{func(x, y float64) float64 { return math.Abs(s.d(x, y)) - w }, s.x0 - w, s.y0 - w, s.x1 + w, s.y1 + w}
}

func inter(a, b shape) shape {
	return shape{func(x, y float64) float64 { return max(a.d(x, y), b.d(x, y)) },
		max(a.x0, b.x0), max(a.y0, b.y0), min(a.x1, b.x1), min(a.y1, b.y1)}
}

func sub(a, b shape) shape {
	return shape{func(x, y float64) float64 { return max(a.d(x, y), -b.d(x, y)) }, a.x0, a.y0, a.x1, a.y1}
}

func union(ss ...shape) shape {
	u := shape{x0: far, y0: far, x1: -far, y1: -far}
	for _, s := range ss {
		u.x0, u.y0, u.x1, u.y1 = min(u.x0, s.x0), min(u.y0, s.y0), max(u.x1, s.x1), max(u.y1, s.y1)
	}
	u.d = func(x, y float64) float64 {
		d := far
		for _, s := range ss {
			d = min(d, s.d(x, y))
		}
		return d
	}
	return u
}

// --- colours and numbers ---

func hex(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

func hexA(v uint32, a float64) color.NRGBA { return withAlpha(hex(v), a) }

func withAlpha(c color.NRGBA, a float64) color.NRGBA {
	c.A = uint8(clamp01(a)*255 + 0.5)
	return c
}

// shade scales a colour's brightness by f.
func shade(c color.NRGBA, f float64) color.NRGBA {
	s := func(v uint8) uint8 { return uint8(math.Min(255, float64(v)*f) + 0.5) }
	return color.NRGBA{s(c.R), s(c.G), s(c.B), c.A}
}

// mix is a + (b-a)*t, channel by channel, opaque.
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return color.NRGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 255}
}

func clamp01(v float64) float64 {
	if v < 0 {
		return 0
	}
	if v > 1 {
		return 1
	}
	return v
}

// rng is SplitMix64: small, fast and the same everywhere.
type rng struct{ state uint64 }

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// intn returns a number in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }
