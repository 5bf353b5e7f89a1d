package media

import (
	"encoding/binary"
	"image"

	"golang.org/x/image/draw"
)

// exifOrientation reads the orientation (1 to 8) from IFD0 of a TIFF-format
// EXIF block: 1, upright, when there is none or it cannot be read.
func exifOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return 1
	}
	ifd := int64(bo.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > int64(len(t)) {
		return 1
	}
	n := int64(bo.Uint16(t[ifd:]))
	for k := range n {
		e := ifd + 2 + 12*k
		if e+12 > int64(len(t)) {
			return 1
		}
		if bo.Uint16(t[e:]) == 0x0112 && bo.Uint16(t[e+2:]) == 3 { // Orientation, SHORT
			if o := int(bo.Uint16(t[e+8:])); o >= 1 && o <= 8 {
				return o
			}
			return 1
		}
	}
	return 1
}

// orient turns img upright according to an EXIF orientation, since the tag
// itself is stripped with the rest of the metadata.
func orient(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	src := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(src, src.Rect, img, b.Min, draw.Src)
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for sy := range h {
		row := src.Pix[sy*src.Stride : sy*src.Stride+4*w]
		for sx := range w {
			var dx, dy int
			switch o {
			case 2: // mirrored
				dx, dy = w-1-sx, sy
			case 3: // upside down
				dx, dy = w-1-sx, h-1-sy
			case 4: // mirrored upside down
				dx, dy = sx, h-1-sy
			case 5: // mirrored, turned a quarter anticlockwise
				dx, dy = sy, sx
			case 6: // turned a quarter anticlockwise: turn it clockwise
				dx, dy = h-1-sy, sx
			case 7:
				dx, dy = h-1-sy, w-1-sx
			case 8: // turned a quarter clockwise: turn it anticlockwise
				dx, dy = sy, w-1-sx
			}
			copy(dst.Pix[dy*dst.Stride+4*dx:dy*dst.Stride+4*dx+4], row[4*sx:4*sx+4])
		}
	}
	return dst
}
