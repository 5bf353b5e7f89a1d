package media

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"
	"golang.org/x/image/webp"
)

// The default limits.
const (
	// MaxBytes is the largest upload accepted: 15 MiB holds any photo a
	// newsroom camera or phone makes.
	MaxBytes = 15 << 20
	// MaxPixels is the largest image accepted, as width × height declared in
	// its header: 40 megapixels is more than a full-frame camera's 8256 × 4640
	// (38 MP). Decoding it takes at most 320 MB (16-bit RGBA).
	MaxPixels = 40_000_000
	// JPEGQuality is the quality JPEGs are encoded at.
	JPEGQuality = 82
)

// Options bound and shape what Process does.
type Options struct {
	MaxBytes  int
	MaxPixels int
	Widths    []int // of the narrower copies, ascending
}

// Defaults are the options the back office uses.
func Defaults() Options {
	return Options{MaxBytes: MaxBytes, MaxPixels: MaxPixels, Widths: []int{480, 960, 1600}}
}

// Format is an image format.
type Format string

// The formats media accepts. Only JPEG and PNG are ever produced.
const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
	GIF  Format = "gif"
	WebP Format = "webp"
)

// ContentType is the format's MIME type.
func (f Format) ContentType() string { return "image/" + string(f) }

// Ext is the file name extension for the format, without the dot.
func (f Format) Ext() string {
	if f == JPEG {
		return "jpg"
	}
	return string(f)
}

// Why an upload was refused; a Refusal wraps one of these.
var (
	ErrTooLarge      = errors.New("media: file too large")
	ErrTooManyPixels = errors.New("media: too many pixels")
	ErrNotImage      = errors.New("media: not a JPEG, PNG, WebP or GIF image")
	ErrPolyglot      = errors.New("media: image carries other content")
	ErrDamaged       = errors.New("media: damaged image")
)

// Refusal is an upload refused for what it is. Its message is fit for the
// person who uploaded it; errors.Is tells the reason.
type Refusal struct {
	Reason  error // one of the Err values
	Message string
}

func (r *Refusal) Error() string { return r.Message }

// Unwrap returns the reason.
func (r *Refusal) Unwrap() error { return r.Reason }

func refuse(reason error, format string, args ...any) *Refusal {
	return &Refusal{Reason: reason, Message: fmt.Sprintf(format, args...)}
}

// Image is an encoded image.
type Image struct {
	Format        Format
	Data          []byte
	Width, Height int
}

// Result is what an accepted upload becomes.
type Result struct {
	Source   Format  // the format uploaded
	Original Image   // the full-size image, re-encoded
	Variants []Image // narrower copies, by ascending width
}

// slots bounds how many images this process decodes at once: a 40-megapixel
// image takes a few hundred megabytes while it is worked on.
var slots = make(chan struct{}, 2)

// Process checks an upload and re-encodes it at full size and at each of
// o.Widths narrower than it. Any refusal is a *Refusal. It waits for a free
// decoding slot, or for ctx.
func Process(ctx context.Context, data []byte, o Options) (*Result, error) {
	if len(data) > o.MaxBytes {
		return nil, refuse(ErrTooLarge, "The file is %s; uploads may be at most %s.", Size(len(data)), Size(o.MaxBytes))
	}
	f, l, err := identify(data)
	if err != nil {
		return nil, err
	}
	cfg, err := decodeConfig(f, data)
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, damaged(f)
	}
	if int64(cfg.Width)*int64(cfg.Height) > int64(o.MaxPixels) {
		return nil, refuse(ErrTooManyPixels, "The image is %d × %d pixels (%.1f megapixels); images may have at most %.0f megapixels. Scale it down and upload it again.",
			cfg.Width, cfg.Height, float64(cfg.Width)*float64(cfg.Height)/1e6, float64(o.MaxPixels)/1e6)
	}
	select {
	case slots <- struct{}{}:
		defer func() { <-slots }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	img, err := decode(f, data)
	if err != nil {
		return nil, damaged(f)
	}
	if b := img.Bounds(); b.Dx() > cfg.Width || b.Dy() > cfg.Height {
		return nil, damaged(f)
	}
	if f == GIF && img.Bounds() != image.Rect(0, 0, cfg.Width, cfg.Height) {
		// The first frame covers part of the screen: show it where it is.
		canvas := image.NewNRGBA(image.Rect(0, 0, cfg.Width, cfg.Height))
		draw.Draw(canvas, img.Bounds(), img, img.Bounds().Min, draw.Src)
		img = canvas
	}
	img = orient(img, exifOrientation(l.exif))

	out := JPEG
	if f == PNG || f == GIF || (f == WebP && !opaque(img)) {
		out = PNG
	}
	res := &Result{Source: f}
	if res.Original, err = encode(img, out); err != nil {
		return nil, err
	}
	src, full := img, img.Bounds()
	for i := len(o.Widths) - 1; i >= 0; i-- {
		w := o.Widths[i]
		if w <= 0 || w >= full.Dx() {
			continue // never upscaled
		}
		h := max(1, int((int64(full.Dy())*int64(w)+int64(full.Dx())/2)/int64(full.Dx())))
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.CatmullRom.Scale(dst, dst.Rect, src, src.Bounds(), draw.Src, nil)
		v, err := encode(dst, out)
		if err != nil {
			return nil, err
		}
		res.Variants = append([]Image{v}, res.Variants...)
		src = dst // each smaller copy is made from the next larger: far cheaper, no worse
	}
	return res, nil
}

// damaged is the refusal of a file that has the shape of an image of format
// f but does not decode. The decoder's reason would mean nothing to the
// uploader and is dropped.
func damaged(f Format) *Refusal {
	if f == WebP {
		return refuse(ErrDamaged, "The WebP image could not be read. Animated WebP images are not accepted; otherwise the file may be damaged. Save it as JPEG or PNG and upload that.")
	}
	return refuse(ErrDamaged, "The file looks like a %s image but could not be read; it may be damaged or cut short. Save it again and upload the new file.", f.Name())
}

// Name is how the format is called in messages.
func (f Format) Name() string {
	switch f {
	case JPEG:
		return "JPEG"
	case PNG:
		return "PNG"
	case GIF:
		return "GIF"
	case WebP:
		return "WebP"
	}
	return string(f)
}

func decodeConfig(f Format, data []byte) (image.Config, error) {
	r := bytes.NewReader(data)
	switch f {
	case JPEG:
		return jpeg.DecodeConfig(r)
	case PNG:
		return png.DecodeConfig(r)
	case GIF:
		return gif.DecodeConfig(r)
	case WebP:
		return webp.DecodeConfig(r)
	}
	return image.Config{}, ErrNotImage
}

func decode(f Format, data []byte) (image.Image, error) {
	r := bytes.NewReader(data)
	switch f {
	case JPEG:
		return jpeg.Decode(r)
	case PNG:
		return png.Decode(r)
	case GIF:
		return gif.Decode(r) // the first frame
	case WebP:
		return webp.Decode(r)
	}
	return nil, ErrNotImage
}

func encode(img image.Image, f Format) (Image, error) {
	var buf bytes.Buffer
	var err error
	if f == JPEG {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: JPEGQuality})
	} else {
		err = (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, img)
	}
	if err != nil {
		return Image{}, fmt.Errorf("media: encode %s: %w", f, err)
	}
	b := img.Bounds()
	return Image{Format: f, Data: buf.Bytes(), Width: b.Dx(), Height: b.Dy()}, nil
}

// opaque reports whether img has no transparent or translucent pixel.
func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := img.At(x, y).RGBA(); a != 0xffff {
				return false
			}
		}
	}
	return true
}

// Size formats a byte count for people: "15 MiB", "240 KiB".
func Size(n int) string {
	switch {
	case n >= 1<<20:
		if n%(1<<20) == 0 {
			return fmt.Sprintf("%d MiB", n>>20)
		}
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", (n+512)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
