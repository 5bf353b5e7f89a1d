package admin

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/media"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// mediaPerPage is how many originals the library shows at once.
const mediaPerPage = 24

// Longest descriptions the library keeps; a story's image credit has the
// same limit.
const (
	maxAltLen    = 1000
	maxCreditLen = 200
)

// MediaPage is the media library: an upload form and the originals, newest
// first, each with its description.
type MediaPage struct {
	Page
	Items        []MediaItem
	Total        int
	Number       int       // of this page, from 1
	Prev, Next   int       // page numbers, 0 for none
	Form         MediaForm // the upload form
	Editing      int64     // the original whose description was refused
	EditForm     MediaForm // its description as typed
	MaxSize      string
	MaxMegapixel int
}

// MediaItem is one original in the library.
type MediaItem struct {
	store.MediaInfo
	URL      string // where the site serves it, for the editor's image field
	ThumbURL string
	SizeText string
}

// MediaForm is the upload form's text fields, kept as typed.
type MediaForm struct {
	Alt, Credit string
}

func (h *Handler) mediaPage(r *http.Request, rq *request, number int) (*MediaPage, error) {
	list, total, err := h.store.MediaList(r.Context(), mediaPerPage, (number-1)*mediaPerPage)
	if err != nil {
		return nil, err
	}
	p := &MediaPage{Page: h.page(r, rq, "Media library", "media"), Total: total, Number: number,
		MaxSize: media.Size(media.MaxBytes), MaxMegapixel: media.MaxPixels / 1_000_000}
	for _, m := range list {
		p.Items = append(p.Items, MediaItem{MediaInfo: m, URL: "/media/" + m.Name, ThumbURL: "/media/" + m.Thumb, SizeText: media.Size(m.Size)})
	}
	if number > 1 {
		p.Prev = number - 1
	}
	if number*mediaPerPage < total {
		p.Next = number + 1
	}
	return p, nil
}

// pageNumber reads ?page=, from 1.
func pageNumber(r *http.Request) int {
	n, err := strconv.Atoi(r.FormValue("page"))
	if err != nil || n < 1 || n > 100_000 {
		return 1
	}
	return n
}

func (h *Handler) mediaLibrary(w http.ResponseWriter, r *http.Request, rq *request) {
	p, err := h.mediaPage(r, rq, pageNumber(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "media", p)
}

// reshowMedia answers a refused upload or description: the library again,
// with status, each problem beside its field and the text as typed.
// The page's Form or EditForm is set by edit.
func (h *Handler) reshowMedia(w http.ResponseWriter, r *http.Request, rq *request, status int, problems map[string]string, summary string, edit func(*MediaPage)) {
	p, err := h.mediaPage(r, rq, pageNumber(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Fields, p.Error, p.Flash = problems, summary, ""
	edit(p)
	h.render(w, r, status, "media", p)
}

// checkDescription names what is wrong with an alt text and credit.
func checkDescription(alt, credit string, problems map[string]string, suffix string) {
	if len([]rune(alt)) > maxAltLen {
		problems["alt"+suffix] = "must be at most " + strconv.Itoa(maxAltLen) + " characters; a caption can say more"
	}
	if len([]rune(credit)) > maxCreditLen {
		problems["credit"+suffix] = "must be at most " + strconv.Itoa(maxCreditLen) + " characters"
	}
}

func (h *Handler) uploadMedia(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	f := MediaForm{Alt: strings.TrimSpace(r.PostFormValue("alt")), Credit: strings.TrimSpace(r.PostFormValue("credit"))}
	const notStored = "The image was not uploaded."
	typed := func(p *MediaPage) { p.Form = f }
	problems := map[string]string{}
	checkDescription(f.Alt, f.Credit, problems, "")
	file, fh, err := r.FormFile("file")
	switch {
	case errors.Is(err, http.ErrMissingFile), errors.Is(err, http.ErrNotMultipart):
		problems["file"] = "choose an image to upload"
	case err != nil:
		h.fail(w, r, err)
		return
	default:
		defer file.Close()
		if fh.Size == 0 {
			problems["file"] = "the file is empty"
		}
	}
	if len(problems) > 0 {
		h.reshowMedia(w, r, rq, http.StatusUnprocessableEntity, problems, notStored, typed)
		return
	}
	if fh.Size > media.MaxBytes {
		problems["file"] = "The file is " + media.Size(int(fh.Size)) + "; uploads may be at most " + media.Size(media.MaxBytes) + "."
		h.reshowMedia(w, r, rq, http.StatusRequestEntityTooLarge, problems, notStored, typed)
		return
	}
	data, err := io.ReadAll(io.LimitReader(file, media.MaxBytes+1))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	res, err := media.Process(ctx, data, media.Defaults())
	if refusal := (*media.Refusal)(nil); errors.As(err, &refusal) {
		status := http.StatusUnprocessableEntity
		if errors.Is(err, media.ErrTooLarge) {
			status = http.StatusRequestEntityTooLarge
		}
		problems["file"] = refusal.Message
		h.reshowMedia(w, r, rq, status, problems, notStored, typed)
		return
	} else if err != nil {
		h.fail(w, r, err)
		return
	}
	up := mediaUpload(fh.Filename, res, f)
	if err := h.store.AddMedia(ctx, up); errors.Is(err, news.ErrConflict) {
		redirect(w, r, "/admin/media/", "This image is already in the library, at /media/"+up.Original.Name+".")
		return
	} else if err != nil {
		h.fail(w, r, err)
		return
	}
	h.audit(ctx, rq, "media.upload", "media "+up.Original.Name, fh.Filename)
	redirect(w, r, "/admin/media/", "Uploaded. Use the address /media/"+up.Original.Name+" as a story's featured image.")
}

// mediaUpload names an accepted image and its copies: the uploaded file's
// name made into a slug, then the start of a hash of the stored bytes, so two
// different images never share a name and the same image uploaded twice is
// recognised.
func mediaUpload(filename string, res *media.Result, f MediaForm) *store.MediaUpload {
	base := path.Base(strings.ReplaceAll(filename, `\`, "/"))
	base = content.Slugify(strings.TrimSuffix(base, path.Ext(base)))
	if len(base) > 60 {
		base = strings.TrimRight(base[:60], "-")
	}
	if base == "" {
		base = "image"
	}
	sum := sha256.Sum256(res.Original.Data)
	stem := "uploads/" + base + "-" + hex.EncodeToString(sum[:5])
	ext := "." + res.Original.Format.Ext()
	up := &store.MediaUpload{Alt: f.Alt, Credit: f.Credit, Original: news.Media{
		Name: stem + ext, ContentType: res.Original.Format.ContentType(), Data: res.Original.Data,
		Width: res.Original.Width, Height: res.Original.Height,
	}}
	for _, v := range res.Variants {
		up.Variants = append(up.Variants, news.Media{
			Name: stem + "-" + strconv.Itoa(v.Width) + "w" + ext, ContentType: v.Format.ContentType(), Data: v.Data,
			Width: v.Width, Height: v.Height,
		})
	}
	return up
}

func (h *Handler) setMediaAlt(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.fail(w, r, news.ErrNotFound)
		return
	}
	m, err := h.store.MediaInfoByID(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if m.Parent != "" { // a narrower copy is described by its original
		h.fail(w, r, news.ErrNotFound)
		return
	}
	alt, credit := strings.TrimSpace(r.PostFormValue("alt")), strings.TrimSpace(r.PostFormValue("credit"))
	problems := map[string]string{}
	suffix := "_" + strconv.FormatInt(id, 10)
	checkDescription(alt, credit, problems, suffix)
	if len(problems) > 0 {
		h.reshowMedia(w, r, rq, http.StatusUnprocessableEntity, problems, "The description of /media/"+m.Name+" was not saved.",
			func(p *MediaPage) { p.Editing, p.EditForm = id, MediaForm{Alt: alt, Credit: credit} })
		return
	}
	if err := h.store.SetMediaAlt(ctx, id, alt, credit); err != nil {
		h.fail(w, r, err)
		return
	}
	h.audit(ctx, rq, "media.describe", "media "+m.Name, alt)
	target := "/admin/media/"
	if n := pageNumber(r); n > 1 {
		target += "?page=" + strconv.Itoa(n)
	}
	redirect(w, r, target, "Saved the description of /media/"+m.Name+".")
}
