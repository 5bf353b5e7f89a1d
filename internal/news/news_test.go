package news

import (
	"errors"
	"testing"
	"time"
)

func TestArticleImageAddress(t *testing.T) {
	valid := func(url string) *Article {
		return &Article{
			Slug: "a-story", Headline: "A story", Section: Section{ID: 1}, Status: StatusPublished,
			PublishedAt: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC), Authors: []Author{{ID: 1}},
			Image: &Image{URL: url, Alt: "A harbour at dawn"},
		}
	}
	for _, url := range []string{"/media/harbour.jpg", "https://images.example/harbour.jpg", "http://example.org/a.png?w=800"} {
		if err := valid(url).Validate(); err != nil {
			t.Errorf("%q: %v", url, err)
		}
	}
	for _, url := range []string{
		"/media/x\r\nSet-Cookie: a=b", "/media/with space.jpg", "/media/tab\t.jpg", "//elsewhere.example/a.jpg",
		"javascript:alert(1)", "harbour.jpg", "ftp://example.org/a.jpg", "/media/\x00.jpg",
		"/\\evil.example/a.jpg", "HTTPS://images.example/a.jpg", "/media/\u0085.jpg",
	} {
		err := valid(url).Validate()
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Fields["image"] == "" {
			t.Errorf("%q: accepted (%v)", url, err)
		}
	}
}
