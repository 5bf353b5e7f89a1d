package admin_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// upload posts a file to the media library as the browser's form does.
func (c *client) upload(filename string, data []byte, fields url.Values) *httptest.ResponseRecorder {
	c.o.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", c.csrf)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if filename != "" {
		fw, err := mw.CreateFormFile("file", filename)
		if err != nil {
			c.o.t.Fatal(err)
		}
		fw.Write(data)
	}
	mw.Close()
	r := httptest.NewRequest("POST", "/admin/media/", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.AddCookie(&http.Cookie{Name: "herald_session", Value: c.cookie})
	w := httptest.NewRecorder()
	c.o.h.ServeHTTP(w, r)
	return w
}

func gradient(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	return m
}

func encoded(t *testing.T, enc func(*bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := enc(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// photoWithEXIF is a JPEG whose APP1 EXIF block holds a description with a
// secret, as a camera's GPS block would.
func photoWithEXIF(t *testing.T, w, h int) []byte {
	j := encoded(t, func(b *bytes.Buffer) error { return jpeg.Encode(b, gradient(w, h), nil) })
	desc := "SECRET-LOCATION 48.8584N\x00"
	tiff := []byte("II*\x00\x08\x00\x00\x00\x01\x00\x0e\x01\x02\x00")
	tiff = binary.LittleEndian.AppendUint32(tiff, uint32(len(desc)))
	tiff = binary.LittleEndian.AppendUint32(tiff, 8+2+12+4)
	tiff = append(tiff, 0, 0, 0, 0)
	tiff = append(tiff, desc...)
	app1 := append([]byte("Exif\x00\x00"), tiff...)
	seg := binary.BigEndian.AppendUint16([]byte{0xFF, 0xE1}, uint16(len(app1)+2))
	return append(append(append([]byte{0xFF, 0xD8}, seg...), app1...), j[2:]...)
}

// pngDeclaring is a tiny PNG whose header claims w × h pixels.
func pngDeclaring(w, h uint32) []byte {
	chunk := func(typ string, data []byte) []byte {
		out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
		out = append(append(out, typ...), data...)
		return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, w), h)
	out := append([]byte("\x89PNG\r\n\x1a\n"), chunk("IHDR", append(ihdr, 8, 2, 0, 0, 0))...)
	out = append(out, chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(out, chunk("IEND", nil)...)
}

func mediaCount(t *testing.T, st *store.Store) int {
	t.Helper()
	_, n, err := st.MediaList(context.Background(), 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestMediaUploadRefusals(t *testing.T) {
	o := newOffice(t)
	c := o.as(news.RoleContributor)
	photo := encoded(t, func(b *bytes.Buffer) error { return jpeg.Encode(b, gradient(64, 48), nil) })
	anim := encoded(t, func(b *bytes.Buffer) error {
		return gif.Encode(b, gradient(32, 32), nil)
	})
	huge := append(append([]byte{}, photo...), make([]byte, 16<<20)...) // 16 MiB: over the file limit, under the body limit
	for _, tt := range []struct {
		name, file string
		data       []byte
		fields     url.Values
		status     int
		says       string
	}{
		{"text file", "notes.jpg", []byte("Council minutes, 14 May.\nPresent: the mayor.\n"), nil, 422, "text file"},
		{"gif+html polyglot", "cat.gif", append(append([]byte{}, anim...), "<html><script>alert(document.cookie)</script></html>"...), nil, 422, "after the end of the GIF image"},
		{"decompression bomb", "bomb.png", pngDeclaring(100000, 100000), nil, 422, "100000 × 100000 pixels"},
		{"truncated jpeg", "cut.jpg", photo[:len(photo)/2], nil, 422, "cut short"},
		{"file over 15 MiB", "big.jpg", huge, nil, 413, "uploads may be at most 15 MiB"},
		{"body over 20 MiB", "bigger.jpg", make([]byte, 21<<20), nil, 413, "larger than 15 MiB"},
		{"no file", "", nil, nil, 422, "choose an image"},
		{"empty file", "empty.png", nil, nil, 422, "empty"},
		{"alt too long", "ok.jpg", photo, url.Values{"alt": {strings.Repeat("a", 1001)}}, 422, "at most 1000 characters"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := mediaCount(t, o.store)
			fields := tt.fields
			if fields == nil {
				fields = url.Values{"alt": {"Typed alt text"}, "credit": {"Typed credit"}}
			}
			w := c.upload(tt.file, tt.data, fields)
			body := w.Body.String()
			if w.Code != tt.status || !strings.Contains(body, tt.says) {
				t.Fatalf("answered %d, want %d saying %q:\n%.3000s", w.Code, tt.status, tt.says, body)
			}
			if after := mediaCount(t, o.store); after != before {
				t.Fatalf("a refused upload stored something: %d images, then %d", before, after)
			}
			if w.Code == 422 && tt.fields == nil && !strings.Contains(body, "Typed alt text") {
				t.Error("the alt text as typed was lost")
			}
		})
	}
	// Without the CSRF token, nothing is stored either.
	c2 := *c
	c2.csrf = ""
	if w := c2.upload("ok.jpg", photo, nil); w.Code != http.StatusForbidden {
		t.Fatalf("upload without CSRF token: %d", w.Code)
	}
	if w := o.as("").upload("ok.jpg", photo, nil); w.Code != http.StatusForbidden {
		t.Fatalf("signed-out upload: %d", w.Code)
	}
}

func TestMediaUploadStoresCleanCopies(t *testing.T) {
	o := newOffice(t)
	ctx := context.Background()
	c := o.as(news.RoleContributor)
	w := c.upload("Harbor at Dawn.JPG", photoWithEXIF(t, 2000, 1200), url.Values{"alt": {"Fishing boats leave the harbor at dawn"}, "credit": {"Ada Ortiz"}})
	if w.Code != http.StatusSeeOther || !strings.Contains(w.Header().Get("Location"), "done=Uploaded") {
		t.Fatalf("upload: %d %q\n%.2000s", w.Code, w.Header().Get("Location"), w.Body.String())
	}
	list, _, err := o.store.MediaList(ctx, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	m := list[0]
	if !strings.HasPrefix(m.Name, "uploads/harbor-at-dawn-") || !strings.HasSuffix(m.Name, ".jpg") || m.ContentType != "image/jpeg" ||
		m.Width != 2000 || m.Height != 1200 || m.Alt != "Fishing boats leave the harbor at dawn" || m.Credit != "Ada Ortiz" {
		t.Fatalf("stored %+v", m)
	}
	variants, err := o.store.MediaVariants(ctx, m.Name)
	if err != nil {
		t.Fatal(err)
	}
	if len(variants) != 3 || variants[0].Width != 480 || variants[0].Height != 288 || variants[2].Width != 1600 {
		t.Fatalf("variants %+v", variants)
	}
	// The public site serves the clean copies.
	anon := o.as("")
	for _, v := range append([]store.MediaInfo{m}, variants...) {
		w := anon.get("/media/" + v.Name)
		if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "image/jpeg" {
			t.Fatalf("GET /media/%s: %d %s", v.Name, w.Code, w.Header().Get("Content-Type"))
		}
		data := w.Body.Bytes()
		if bytes.Contains(data, []byte("SECRET")) || bytes.Contains(data, []byte("Exif")) {
			t.Errorf("/media/%s still holds the EXIF block", v.Name)
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width != v.Width || cfg.Height != v.Height {
			t.Errorf("/media/%s decodes as %+v, %v; want %d×%d", v.Name, cfg, err, v.Width, v.Height)
		}
	}
	// The same picture again is recognised, not stored twice.
	before := mediaCount(t, o.store)
	w = c.upload("harbor at dawn.jpg", photoWithEXIF(t, 2000, 1200), nil)
	if w.Code != http.StatusSeeOther || !strings.Contains(w.Header().Get("Location"), "already+in+the+library") || mediaCount(t, o.store) != before {
		t.Fatalf("second upload: %d %q", w.Code, w.Header().Get("Location"))
	}
	// A PNG stays a PNG; a small one gets no copies, never upscaled.
	p := encoded(t, func(b *bytes.Buffer) error { return png.Encode(b, gradient(300, 200)) })
	if w := c.upload("chart.png", p, nil); w.Code != http.StatusSeeOther {
		t.Fatalf("PNG upload: %d\n%.2000s", w.Code, w.Body.String())
	}
	list, _, _ = o.store.MediaList(ctx, 1, 0)
	if list[0].ContentType != "image/png" || !strings.HasSuffix(list[0].Name, ".png") || list[0].Thumb != list[0].Name {
		t.Fatalf("PNG stored as %+v", list[0])
	}
	page := c.get("/admin/media/")
	if page.Code != http.StatusOK || !strings.Contains(page.Body.String(), "/media/"+m.Name) || !strings.Contains(page.Body.String(), "No alt text yet") {
		t.Fatalf("library page: %d\n%.3000s", page.Code, page.Body.String())
	}
}

func TestMediaAltText(t *testing.T) {
	o := newOffice(t)
	ctx := context.Background()
	c := o.as(news.RoleContributor)
	if w := c.upload("diagram.png", encoded(t, func(b *bytes.Buffer) error { return png.Encode(b, gradient(600, 300)) }), nil); w.Code != http.StatusSeeOther {
		t.Fatalf("upload: %d", w.Code)
	}
	list, _, _ := o.store.MediaList(ctx, 1, 0)
	m := list[0]
	path := "/admin/media/" + strconv.FormatInt(m.ID, 10) + "/alt"
	if w := c.post(path, url.Values{"alt": {strings.Repeat("x", 1001)}, "credit": {"Kept credit"}}); w.Code != http.StatusUnprocessableEntity ||
		!strings.Contains(w.Body.String(), "at most 1000 characters") || !strings.Contains(w.Body.String(), "Kept credit") {
		t.Fatalf("long alt: %d", w.Code)
	}
	if got, _ := o.store.MediaInfoByID(ctx, m.ID); got.Alt != "" || got.Credit != "" {
		t.Fatal("a refused description was saved")
	}
	if w := c.post(path, url.Values{"alt": {"  A diagram of the harbor  "}, "credit": {"Graphics desk"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("alt: %d", w.Code)
	}
	if got, _ := o.store.MediaInfoByID(ctx, m.ID); got.Alt != "A diagram of the harbor" || got.Credit != "Graphics desk" {
		t.Fatalf("after saving: %+v", got)
	}
	vs, _ := o.store.MediaVariants(ctx, m.Name)
	for _, p := range []string{"/admin/media/" + strconv.FormatInt(vs[0].ID, 10) + "/alt", "/admin/media/999999/alt", "/admin/media/x/alt"} {
		if w := c.post(p, url.Values{"alt": {"x"}}); w.Code != http.StatusNotFound {
			t.Errorf("POST %s: %d, want 404", p, w.Code)
		}
	}
	if w := c.do("POST", path, url.Values{"alt": {"forged"}}); w.Code != http.StatusForbidden {
		t.Fatalf("without CSRF token: %d", w.Code)
	}
}

func TestStoryImageFromTheLibrary(t *testing.T) {
	o := newOffice(t)
	ctx := context.Background()
	contributor, editor := o.as(news.RoleContributor), o.as(news.RoleEditor)
	if w := contributor.upload("ferry.jpg", photoWithEXIF(t, 1800, 1000), url.Values{"alt": {"The ferry at the pier"}, "credit": {"Ada Ortiz"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("upload: %d", w.Code)
	}
	if w := contributor.upload("blank.png", encoded(t, func(b *bytes.Buffer) error { return png.Encode(b, gradient(100, 100)) }), nil); w.Code != http.StatusSeeOther {
		t.Fatalf("upload: %d", w.Code)
	}
	list, _, _ := o.store.MediaList(ctx, 2, 0)
	blank, ferry := list[0], list[1]

	// An image without alt text, in the library or the story, is refused.
	form := storyForm("Ferry pilots reach deal")
	form.Set("image_url", "/media/"+blank.Name)
	if w := contributor.post("/admin/stories/", withAction(form, "review")); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "is required for a featured image") {
		t.Fatalf("image without alt: %d", w.Code)
	}
	// The library's alt text and credit are the story's defaults.
	form = storyForm("Ferry pilots reach deal")
	form.Set("image_url", "/media/"+ferry.Name)
	id := contributor.create(form, "review")
	a, err := o.store.ArticleByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Image == nil || a.Image.Alt != "The ferry at the pier" || a.Image.Credit != "Ada Ortiz" || a.Image.Width != 1800 {
		t.Fatalf("story image %+v", a.Image)
	}
	pub := storyForm("Ferry pilots reach deal")
	pub.Set("image_url", "/media/"+ferry.Name)
	pub.Set("image_alt", "The morning ferry at the pier")
	pub.Set("version", strconv.Itoa(a.Version))
	if w := editor.post("/admin/stories/"+strconv.FormatInt(id, 10)+"/", withAction(pub, "publish")); w.Code != http.StatusSeeOther {
		t.Fatalf("publish: %d\n%.2000s", w.Code, w.Body.String())
	}
	a, _ = o.store.ArticleByID(ctx, id)
	if a.Image.Alt != "The morning ferry at the pier" {
		t.Errorf("the story's own alt text was replaced: %q", a.Image.Alt)
	}
	page := o.as("").get(a.Path())
	body := page.Body.String()
	stem := strings.TrimSuffix(ferry.Name, ".jpg")
	want := `srcset="/media/` + stem + `-480w.jpg 480w, /media/` + stem + `-960w.jpg 960w, /media/` + stem + `-1600w.jpg 1600w, /media/` + ferry.Name + ` 1800w"`
	if page.Code != http.StatusOK || !strings.Contains(body, want) || !strings.Contains(body, `sizes="(min-width: 68rem) 68rem, 100vw"`) {
		t.Fatalf("story page %d lacks %s:\n%s", page.Code, want, imgTag(body))
	}
}

// imgTag finds the featured image's tag in a story page, for messages.
func imgTag(body string) string {
	i := strings.Index(body, `<figure class="story-image">`)
	if i < 0 {
		return "(no featured image)"
	}
	return body[i:min(len(body), i+600)]
}
