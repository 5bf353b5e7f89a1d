// Package media turns an uploaded file into images Herald is willing to serve.
//
// It identifies JPEG, PNG, WebP and GIF by their bytes, never by a name or a
// declared type, and refuses everything else. It refuses a file larger than
// MaxBytes, and one whose header declares more than MaxPixels, before any
// pixel is decoded, so a decompression bomb costs a few bytes of reading.
//
// Polyglots. A file that is an image and also something else (a GIF that is
// also a web page, a JPEG with a script or a video after its end) is handled
// twice over. First it is refused: bytes after the image's end marker (other
// than zero padding, or the further JPEG pictures that phones append), and web
// page or script code in any metadata block, are named to the uploader.
// Second, and whatever passed, nothing of the upload is ever served: every
// accepted image is decoded and encoded afresh, so only pixel values survive.
// That second step is the real defence (a script need not look like markup);
// the first tells the uploader. Compressed pixel data is not searched for
// markup: it is never served, and random bytes would match now and then.
// That also strips all metadata (EXIF with its GPS position, XMP, IPTC,
// comments, ICC profiles); the EXIF orientation is applied to the pixels first,
// so a phone photo stays upright.
//
// Output formats. JPEG is re-encoded as JPEG (quality 82) and PNG as PNG. A
// GIF keeps its first frame only and becomes a PNG (lossless, and an
// animation would not survive resizing anyway). WebP is decoded with
// golang.org/x/image/webp but there is no pure-Go WebP encoder, so a WebP
// becomes a JPEG when it is opaque and a PNG when it has transparency.
//
// Sizes. Besides the full-size image, Process makes narrower copies at the
// widths in Options.Widths (480, 960 and 1600 pixels by default) for srcset,
// never wider than the original, scaled with Catmull-Rom.
//
// media depends only on the standard library and golang.org/x/image; the back
// office imports it.
package media
