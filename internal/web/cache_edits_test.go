package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// shows fails unless every path's page contains text.
func shows(t *testing.T, h http.Handler, text string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if !strings.Contains(string(body(t, h, p)), text) {
			t.Errorf("%s does not show %q", p, text)
		}
	}
}

// notShown fails the test's setup unless no path's page contains text: a
// page the test expects a change to keep must be one that does not show
// what changed.
func notShown(t *testing.T, h http.Handler, text string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if strings.Contains(string(body(t, h, p)), text) {
			t.Fatalf("%s shows %q: it cannot be a page the change leaves alone", p, text)
		}
	}
}

// storyNotLinking returns the path of a published story outside section
// whose page does not link to path (in its related list or anywhere else).
func storyNotLinking(t *testing.T, s *site, section, path string) string {
	t.Helper()
	list, _, err := s.store.Articles(context.Background(), store.ArticleFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.Section.Slug != section && !strings.Contains(string(body(t, s.h, a.Path())), `href="`+path+`"`) {
			return a.Path()
		}
	}
	t.Fatalf("every story outside %s links to %s", section, path)
	return ""
}

// TestCacheTaxonomyEdits edits an author, a tag, a section and a source, and
// checks that exactly the pages that show each drop their cached copies.
func TestCacheTaxonomyEdits(t *testing.T) {
	ctx := context.Background()
	t.Run("author", func(t *testing.T) {
		sc := newCacheScene(t)
		h := sc.site.h
		au := sc.article.Authors[0]
		authorPath := "/authors/" + au.Slug + "/"
		other := "/authors/maya-okafor/"
		changed := []string{sc.article.Path(), "/culture/", authorPath, authorPath + "feed.xml", "/culture/feed.xml"}
		kept := []string{other, other + "feed.xml", "/about/", "/business/", "/robots.txt"}
		notShown(t, h, authorPath, kept...)
		before := snapshot(t, h, append(append([]string{}, changed...), kept...))

		full, err := sc.site.store.AuthorByID(ctx, au.ID)
		if err != nil {
			t.Fatal(err)
		}
		full.Name, full.Bio = "Jules Amari-Stone", "Reviews films and television from Port Alder."
		if err := sc.site.store.UpdateAuthor(ctx, full); err != nil {
			t.Fatal(err)
		}
		expectChanged(t, h, before, changed...)
		expectKept(t, h, before, kept...)
		shows(t, h, "Jules Amari-Stone", changed...)
		// The bio is shown on the profile and in the story's author box.
		shows(t, h, full.Bio, authorPath, sc.article.Path())
	})
	t.Run("tag", func(t *testing.T) {
		sc := newCacheScene(t)
		h := sc.site.h
		if len(sc.article.Tags) == 0 {
			t.Fatal("the scene's story has no tag")
		}
		tag := sc.article.Tags[0]
		tagPath := "/tags/" + tag.Slug + "/"
		// Cards in lists do not show tags, so the section front keeps its
		// copy; feeds list each story's tags as categories.
		changed := []string{sc.article.Path(), tagPath, tagPath + "feed.xml", "/culture/feed.xml"}
		kept := []string{"/culture/", "/authors/" + sc.article.Authors[0].Slug + "/", "/about/", "/usa-news/", "/robots.txt"}
		notShown(t, h, tagPath, kept...)
		before := snapshot(t, h, append(append([]string{}, changed...), kept...))

		if err := sc.site.store.UpdateTag(ctx, &news.Tag{ID: tag.ID, Name: "Cinema"}); err != nil {
			t.Fatal(err)
		}
		expectChanged(t, h, before, changed...)
		expectKept(t, h, before, kept...)
		shows(t, h, "Cinema", changed...)
		get(t, h, tagPath, http.StatusOK) // the address stays
	})
	t.Run("section", func(t *testing.T) {
		sc := newCacheScene(t)
		h := sc.site.h
		// Every HTML page shows the sections in its navigation; feeds and
		// plain files of other sections do not.
		changed := []string{"/culture/", sc.article.Path(), "/culture/feed.xml", "/", "/about/", "/usa-news/"}
		kept := []string{"/business/feed.xml", "/authors/maya-okafor/feed.xml", "/robots.txt"}
		notShown(t, h, "/culture/", kept...)
		before := snapshot(t, h, append(append([]string{}, changed...), kept...))

		sec, err := sc.site.store.SectionByID(ctx, sc.article.Section.ID)
		if err != nil {
			t.Fatal(err)
		}
		sec.Name, sec.Description = "Arts and Culture", "Film, music, books and the stage."
		if err := sc.site.store.UpdateSection(ctx, sec); err != nil {
			t.Fatal(err)
		}
		expectChanged(t, h, before, changed...)
		expectKept(t, h, before, kept...)
		shows(t, h, "Arts and Culture", changed...)
		shows(t, h, sec.Description, "/culture/")
	})
	t.Run("source", func(t *testing.T) {
		s := newDemoSite(t)
		h := s.h
		src, err := s.store.SourceBySlug(ctx, "capitol-dispatch")
		if err != nil {
			t.Fatal(err)
		}
		crediting, _, err := s.store.Articles(ctx, store.ArticleFilter{SourceID: src.ID, Limit: 1})
		if err != nil || len(crediting) == 0 {
			t.Fatalf("no story credits %s: %v", src.Slug, err)
		}
		a := crediting[0]
		srcPath := "/sources/" + src.Slug + "/"
		changed := []string{a.Path(), srcPath}
		// Lists and feeds do not show credits.
		kept := []string{"/" + a.Section.Slug + "/", "/" + a.Section.Slug + "/feed.xml", storyNotLinking(t, s, a.Section.Slug, a.Path()), "/about/", "/robots.txt"}
		notShown(t, h, srcPath, kept...)
		before := snapshot(t, h, append(append([]string{}, changed...), kept...))

		src.Name, src.URL = "The Capitol Dispatch", "https://dispatch.example/"
		if err := s.store.UpdateSource(ctx, src); err != nil {
			t.Fatal(err)
		}
		expectChanged(t, h, before, changed...)
		expectKept(t, h, before, kept...)
		shows(t, h, "The Capitol Dispatch", changed...)
	})
}

// TestCacheStoryChanges covers changes to stories and their comments that
// TestCacheExactInvalidation does not: an edit, a comment approval and a
// scheduled story going live.
func TestCacheStoryChanges(t *testing.T) {
	ctx := context.Background()
	t.Run("edit", func(t *testing.T) {
		sc := newCacheScene(t)
		h := sc.site.h
		au := "/authors/" + sc.article.Authors[0].Slug + "/"
		changed := []string{sc.article.Path(), "/culture/", "/culture/feed.xml", "/feed.xml", "/feed.json", au, au + "feed.xml"}
		// A story whose related list does not hold the edited one keeps its
		// copy: a save records the related lists it changed, no others.
		other := storyNotLinking(t, sc.site, sc.article.Section.Slug, sc.article.Path())
		kept := []string{other, "/usa-news/", "/business/feed.xml", "/authors/maya-okafor/", "/about/", "/robots.txt"}
		notShown(t, h, sc.article.Path(), kept...)
		before := snapshot(t, h, append(append([]string{}, changed...), kept...))

		a, err := sc.site.store.ArticleByID(ctx, sc.article.ID)
		if err != nil {
			t.Fatal(err)
		}
		a.Headline = "Review: 'The Salt Road' drives inland and never looks back"
		res, err := sc.site.store.SaveArticle(ctx, a, a.Version, 0, store.RevisionSave)
		if err != nil || res.Stale {
			t.Fatalf("SaveArticle = %+v, %v", res, err)
		}
		expectChanged(t, h, before, changed...)
		expectKept(t, h, before, kept...)
		shows(t, h, "drives inland and never looks back", changed...)
	})
	t.Run("comment approval", func(t *testing.T) {
		sc := newCacheScene(t)
		h := sc.site.h
		a := sc.article
		commentFeed := "/comments" + a.Path() + "feed.xml"
		other := storyNotLinking(t, sc.site, a.Section.Slug, a.Path())
		otherFeed := "/comments" + other + "feed.xml"

		cs, err := sc.site.store.CommentSettings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		c := &news.Comment{ArticleID: a.ID, Name: "Rosa", Email: "rosa@example.com", Body: "The gas station scene stayed with me too.", EmailHash: "rosa"}
		if err := sc.site.store.AddComment(ctx, c, cs, false, now); err != nil {
			t.Fatal(err)
		}
		if c.Status != news.CommentPending {
			if err := sc.site.store.ModerateComment(ctx, c.ID, news.CommentPending); err != nil {
				t.Fatal(err)
			}
		}
		// The section front shows each story's comment count; the feeds
		// that list the story show no count and keep their copies.
		changed := []string{a.Path(), commentFeed, "/comments/feed.xml", "/culture/"}
		kept := []string{other, otherFeed, "/usa-news/", "/business/feed.xml", "/about/", "/robots.txt"}
		notShown(t, h, a.Path(), kept...)
		kept = append(kept, "/feed.xml", "/culture/feed.xml") // list the story, without a count
		before := snapshot(t, h, append(append([]string{}, changed...), kept...))

		if err := sc.site.store.ModerateComment(ctx, c.ID, news.CommentApproved); err != nil {
			t.Fatal(err)
		}
		expectChanged(t, h, before, changed...)
		expectKept(t, h, before, kept...)
		shows(t, h, "The gas station scene stayed with me too.", a.Path(), commentFeed, "/comments/feed.xml")
	})
	t.Run("scheduled story goes live", func(t *testing.T) {
		sc := newCacheScene(t)
		h := sc.site.h
		st := sc.site.store
		a := &news.Article{
			Slug: "a-scheduled-review", Section: sc.article.Section, Headline: "A scheduled review", BodyMarkdown: "Text.",
			BodyHTML: "<p>Text.</p>", WordCount: 1, Status: news.StatusScheduled, PublishedAt: now.Add(-time.Minute),
			Authors: sc.article.Authors[:1], CommentsOpen: true,
		}
		if err := st.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		get(t, h, a.Path(), http.StatusNotFound)
		au := "/authors/" + a.Authors[0].Slug + "/"
		changed := []string{"/", "/feed.xml", "/atom.xml", "/culture/", "/culture/feed.xml", au, au + "feed.xml"}
		kept := []string{"/usa-news/", "/business/feed.xml", "/authors/maya-okafor/", "/about/", "/robots.txt"}
		before := snapshot(t, h, append(append([]string{}, changed...), kept...))

		ids, err := st.PublishDue(ctx, now)
		if err != nil || len(ids) != 1 || ids[0] != a.ID {
			t.Fatalf("PublishDue = %v, %v; want [%d]", ids, err, a.ID)
		}
		expectChanged(t, h, before, changed...)
		expectKept(t, h, before, kept...)
		shows(t, h, "A scheduled review", changed...)
		get(t, h, a.Path(), http.StatusOK)
	})
}
