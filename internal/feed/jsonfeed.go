package feed

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/herald-news/herald/internal/news"
)

type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	FeedURL     string     `json:"feed_url"`
	Description string     `json:"description,omitempty"`
	Icon        string     `json:"icon,omitempty"`
	Language    string     `json:"language,omitempty"`
	Items       []jsonItem `json:"items"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	Summary       string       `json:"summary,omitempty"`
	ContentHTML   string       `json:"content_html"`
	Image         string       `json:"image,omitempty"`
	DatePublished string       `json:"date_published,omitempty"`
	DateModified  string       `json:"date_modified,omitempty"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
}

type jsonAuthor struct {
	Name   string `json:"name"`
	URL    string `json:"url,omitempty"`
	Avatar string `json:"avatar,omitempty"`
}

// JSONFeed writes a JSON Feed 1.1 of items, in the order given, for channel c.
// Its feed_url is c.Path+"feed.json". Item ids are ArticleID; tags hold the
// section name and then the tag names. JSON Feed has no field for the
// generator, so unlike RSS and Atom this one does not name Herald.
func JSONFeed(s Site, c Channel, items []news.Article) ([]byte, error) {
	f := jsonFeed{
		Version:     "https://jsonfeed.org/version/1.1",
		Title:       clean(c.title(s)),
		HomePageURL: s.abs(c.path()),
		FeedURL:     s.abs(c.path() + JSONFeedName),
		Description: clean(c.description(s)),
		Language:    s.Language,
		Items:       make([]jsonItem, 0, len(items)),
	}
	for i := range items {
		a := &items[i]
		it := jsonItem{
			ID:          ArticleID(s, a),
			URL:         s.articleURL(a),
			Title:       clean(a.Headline),
			Summary:     clean(a.Standfirst),
			ContentHTML: clean(s.absolutize(a.BodyHTML)),
			Image:       s.itemImageURL(a),
			Tags:        categories(a),
		}
		if !a.PublishedAt.IsZero() {
			it.DatePublished = rfc3339(s, a.PublishedAt)
		}
		if u := Updated(a); !u.IsZero() {
			it.DateModified = rfc3339(s, u)
		}
		for _, au := range a.Authors {
			it.Authors = append(it.Authors, jsonAuthor{Name: clean(au.Name), URL: s.authorURL(au), Avatar: s.abs(au.PhotoURL)})
		}
		f.Items = append(f.Items, it)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	// A JSON Feed is never embedded in HTML, so "<" can stay "<".
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("feed: json feed: %w", err)
	}
	return b.Bytes(), nil
}
