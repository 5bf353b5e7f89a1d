package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/herald-news/herald/internal/web"
)

// benchPage measures one page through the handler on SQLite, from the page
// cache and rendered afresh on every request.
func benchPage(b *testing.B, target string) {
	for _, bc := range []struct {
		name string
		edit func(*web.Options)
	}{
		{"cached", func(*web.Options) {}},
		{"uncached", func(o *web.Options) { o.CacheBytes = -1 }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s := newDemoSite(b, bc.edit)
			body(b, s.h, target) // warm up, and fail early on a bad page
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				w := httptest.NewRecorder()
				s.h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
				if w.Code != http.StatusOK {
					b.Fatalf("GET %s = %d", target, w.Code)
				}
				b.SetBytes(int64(w.Body.Len()))
			}
		})
	}
}

func BenchmarkArticlePage(b *testing.B) { benchPage(b, storyWithCreditsAndCorrections) }

func BenchmarkFrontPage(b *testing.B) { benchPage(b, "/") }
