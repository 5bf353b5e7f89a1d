package e2e

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// chromium is Debian's Chromium, which scripts/install-test-deps.sh installs.
const chromium = "/usr/bin/chromium"

// requestLog records every URL a browser tab asked for.
type requestLog struct {
	mu   sync.Mutex
	urls []string
}

func (l *requestLog) add(u string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.urls = append(l.urls, u)
}

// foreign returns the requests that went anywhere but the server under test.
func (l *requestLog) foreign() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, raw := range l.urls {
		u, err := url.Parse(raw)
		if err == nil && (u.Scheme == "data" || (u.Scheme == "http" && u.Host == serveAddr)) {
			continue
		}
		out = append(out, raw)
	}
	return out
}

// newBrowser starts a headless Chromium for the test and returns the context
// of its first tab. The browser stops when the test ends.
func newBrowser(t *testing.T, log *requestLog) context.Context {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		needTool(t, "%s is missing", chromium)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	// The limit covers the browser's whole life, so that a hang fails the
	// test instead of the package's timeout.
	limited, cancelLimit := context.WithTimeout(context.Background(), 60*time.Second)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(limited, opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx, recordRequests(log))
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc() // waits for Chromium to exit, before TempDir removes its profile
		cancelLimit()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", chromium, err)
	}
	return ctx
}

// newTab opens another tab in the browser of ctx, closed when the test ends.
func newTab(t *testing.T, ctx context.Context, log *requestLog) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(ctx, recordRequests(log))
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return tab
}

// recordRequests logs every request of a tab from its very start.
func recordRequests(log *requestLog) chromedp.ContextOption {
	return chromedp.WithListener(func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			log.add(e.Request.URL)
		}
	})
}

// run runs a chromedp action and fails the test on error.
func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// follow activates a link with steps (a click or a key press) and waits for
// the navigation it starts, which must answer 200.
func follow(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	resp, err := chromedp.RunResponse(ctx, steps...)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if resp != nil && resp.Status != 200 {
		t.Fatalf("%s: %s answered %d", what, resp.URL, resp.Status)
	}
}

// anatomy is what the article page shows, read from its DOM.
type anatomy struct {
	Path         string   `json:"path"`
	KickerText   string   `json:"kickerText"`
	KickerHref   string   `json:"kickerHref"`
	H1s          []string `json:"h1s"`
	Standfirst   string   `json:"standfirst"`
	Bylines      []link   `json:"bylines"`
	Published    string   `json:"published"`
	ReadingTime  string   `json:"readingTime"`
	Paragraphs   int      `json:"paragraphs"`
	HasCredit    bool     `json:"hasCredit"`
	CreditText   string   `json:"creditText"`
	CreditLinks  []link   `json:"creditLinks"`
	PhotoAlts    []string `json:"photoAlts"`
	Bios         []string `json:"bios"`
	RelatedLinks []link   `json:"relatedLinks"`
	HasRelated   bool     `json:"hasRelated"`
	BackToTop    bool     `json:"backToTop"`
	TopTarget    bool     `json:"topTarget"`
}

type link struct {
	Text string `json:"text"`
	Href string `json:"href"`
}

const anatomyJS = `(() => {
	const $ = s => document.querySelector(s);
	const $$ = s => Array.from(document.querySelectorAll(s));
	const text = el => el ? el.textContent.replace(/\s+/g, " ").trim() : "";
	const links = els => els.map(a => ({text: text(a), href: a.getAttribute("href") || ""}));
	const kicker = $("article .kicker a");
	const related = $$("h2").find(h => text(h) === "Related Articles");
	const relatedBox = related ? (related.closest("section, aside, nav") || related.parentElement) : null;
	const credit = $(".credit-line");
	return {
		path: location.pathname,
		kickerText: text(kicker),
		kickerHref: kicker ? kicker.getAttribute("href") : "",
		h1s: $$("h1").map(text),
		standfirst: text($("article .standfirst")),
		bylines: links($$("article .byline a")),
		published: ($("article time.published") || $("article time[datetime]") || {getAttribute: () => ""}).getAttribute("datetime") || "",
		readingTime: text($("article .reading-time")),
		paragraphs: $$("article .story-body p").filter(p => text(p) !== "").length,
		hasCredit: !!credit,
		creditText: text(credit),
		creditLinks: credit ? links(Array.from(credit.querySelectorAll("a"))) : [],
		photoAlts: $$(".author-box img").map(img => img.getAttribute("alt") || ""),
		bios: $$(".author-box .bio").map(text),
		hasRelated: !!related,
		relatedLinks: relatedBox ? links(Array.from(relatedBox.querySelectorAll("a[href]"))) : [],
		backToTop: !!$("a[href='#top']"),
		topTarget: !!document.getElementById("top"),
	};
})()`

var readingTimeRE = regexp.MustCompile(`^\d+ min(ute)?s? read$`)

// check reports every part of the article page that is missing or wrong.
func (a anatomy) check(t *testing.T, headline string) {
	t.Helper()
	section := strings.SplitN(strings.Trim(a.Path, "/"), "/", 2)[0]
	if a.KickerText == "" || a.KickerHref != "/"+section+"/" {
		t.Errorf("section label (.kicker link) = %q → %q, want a link to /%s/", a.KickerText, a.KickerHref, section)
	}
	if len(a.H1s) != 1 || a.H1s[0] != headline {
		t.Errorf("h1 = %q, want exactly one, %q", a.H1s, headline)
	}
	if a.Standfirst == "" {
		t.Error("no standfirst (.standfirst)")
	}
	if len(a.Bylines) == 0 {
		t.Error("no author link in the byline")
	}
	for _, l := range a.Bylines {
		if l.Text == "" || !strings.HasPrefix(l.Href, "/authors/") {
			t.Errorf("byline link %q → %q, want an author's name linking to /authors/…", l.Text, l.Href)
		}
	}
	if _, err := time.Parse(time.RFC3339, a.Published); err != nil {
		t.Errorf("published <time datetime=%q>: %v", a.Published, err)
	}
	if !readingTimeRE.MatchString(a.ReadingTime) {
		t.Errorf("reading time = %q, want like \"3 min read\"", a.ReadingTime)
	}
	if a.Paragraphs < 2 {
		t.Errorf("story body has %d paragraphs, want at least 2", a.Paragraphs)
	}
	if a.HasCredit {
		if a.CreditText == "" || len(a.CreditLinks) == 0 {
			t.Errorf("credit line %q has no link to its source", a.CreditText)
		}
		for _, l := range a.CreditLinks {
			if l.Text == "" || l.Href == "" {
				t.Errorf("credit line link %q → %q is empty", l.Text, l.Href)
			}
		}
	}
	if len(a.PhotoAlts) == 0 {
		t.Error("author box has no photo")
	}
	for _, alt := range a.PhotoAlts {
		if strings.TrimSpace(alt) == "" {
			t.Error("author photo has an empty alt")
		}
	}
	if len(a.Bios) == 0 || a.Bios[0] == "" {
		t.Error("author box has no bio")
	}
	if !a.HasRelated {
		t.Error(`no "Related Articles" heading`)
	} else if len(a.RelatedLinks) == 0 {
		t.Error(`"Related Articles" has no links`)
	}
	if !a.BackToTop || !a.TopTarget {
		t.Errorf("back-to-top link present: %v; #top present: %v; want both", a.BackToTop, a.TopTarget)
	}
}

// backToTopShownJS is true when the back-to-top link is rendered, not hidden
// by visibility or opacity, and inside the viewport. (chromedp's NodeVisible
// looks at the box only, so it passes a link hidden with visibility: hidden.)
const backToTopShownJS = `(() => {
	const el = document.querySelector("a.back-to-top");
	if (!el) return false;
	const st = getComputedStyle(el), r = el.getBoundingClientRect();
	return st.visibility === "visible" && Number(st.opacity) > 0 &&
		r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
})()`

// TestBrowseStory reads the lead story as a reader would: from the front
// page to the article, back to the top with the keyboard, on to the author.
func TestBrowseStory(t *testing.T) {
	t.Parallel()
	var log requestLog
	ctx := newBrowser(t, &log)
	// Checked last, whatever step failed: the site loads nothing from elsewhere.
	t.Cleanup(func() {
		if bad := log.foreign(); len(bad) > 0 {
			t.Errorf("the pages made requests to other hosts than %s:\n%s", serveAddr, strings.Join(bad, "\n"))
		}
	})

	// Reduced motion makes the back-to-top scroll instant.
	run(t, ctx, "set the viewport", chromedp.Steps(
		chromedp.EmulateViewport(1280, 900),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
			})
			return err
		}),
	))

	follow(t, ctx, "open the front page", chromedp.Navigate(baseURL+"/"))
	const lead = ".lead-headline a"
	headline := strings.Join(strings.Fields(run(t, ctx, "read the lead headline", chromedp.Text(chromedp.CSS(lead)))), " ")
	href := run(t, ctx, "read the lead link", chromedp.AttributeValue(chromedp.CSS(lead), "href"))
	if !href.Exists || href.Value == "" {
		t.Fatal("the lead headline has no link")
	}

	follow(t, ctx, "click the lead headline", chromedp.Click(chromedp.CSS(lead)))
	story := run(t, ctx, "read the article", chromedp.Evaluate[anatomy](anatomyJS))
	if story.Path != href.Value {
		t.Fatalf("clicking the lead headline led to %s, want %s", story.Path, href.Value)
	}
	story.check(t, headline)

	png := run(t, ctx, "take a screenshot", chromedp.FullScreenshot(100))
	shot := filepath.Join(os.TempDir(), "herald-e2e-article-1280.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Error(err)
	} else {
		t.Logf("screenshot of %s at 1280 px wide: %s", story.Path, shot)
	}

	// Back to top with the keyboard: focus the link, press Enter.
	const toTop = "a.back-to-top"
	run(t, ctx, "scroll to the bottom", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.body.scrollHeight)`))
	if y := run(t, ctx, "read scrollY", chromedp.Evaluate[float64](`window.scrollY`)); y == 0 {
		t.Fatal("the article page does not scroll: it is too short to test back-to-top")
	}
	// site.js shows the link once the reader has scrolled; wait for that.
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](backToTopShownJS, chromedp.WithPollingTimeout(5*time.Second)))
	if errors.Is(err, chromedp.ErrPollingTimeout) {
		t.Fatal("at the bottom of the article, the back-to-top link is not shown in the viewport")
	} else if err != nil {
		t.Fatalf("wait for the back-to-top link: %v", err)
	}
	run(t, ctx, "focus the back-to-top link", chromedp.Focus(chromedp.CSS(toTop)))
	if !run(t, ctx, "read the focus", chromedp.Evaluate[bool](`document.activeElement === document.querySelector("a.back-to-top")`)) {
		t.Fatal("the back-to-top link does not take the keyboard focus")
	}
	run(t, ctx, "press Enter", chromedp.KeyEvent(kb.Enter))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`window.scrollY === 0`, chromedp.WithPollingTimeout(3*time.Second)))
	if errors.Is(err, chromedp.ErrPollingTimeout) {
		y, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.scrollY`))
		t.Errorf("after Enter on the back-to-top link, scrollY = %v, want 0", y)
	} else if err != nil {
		t.Fatalf("wait for scrollY 0: %v", err)
	}
	focus := run(t, ctx, "read the focus", chromedp.Evaluate[string](`(() => {
		const el = document.activeElement;
		return el ? el.id || el.tagName : "";
	})()`))
	if focus != "top" {
		t.Errorf("after back-to-top, the focus is on %q, want #top", focus)
	}
	if top := topEdge(t, ctx); top < 0 || top > 900 {
		t.Errorf("after back-to-top, #top is %v px from the top of the viewport, want it in view", top)
	}

	// On to the author of the story.
	if len(story.Bylines) == 0 {
		t.FailNow()
	}
	author := story.Bylines[0]
	follow(t, ctx, "click the byline's author link", chromedp.Click(chromedp.CSS(`article .byline a[href="`+author.Href+`"]`)))
	profile := run(t, ctx, "read the author page", chromedp.Evaluate[struct {
		Path    string   `json:"path"`
		H1s     []string `json:"h1s"`
		Stories int      `json:"stories"`
	}](`({
		path: location.pathname,
		h1s: Array.from(document.querySelectorAll("h1")).map(h => h.textContent.replace(/\s+/g, " ").trim()),
		stories: document.querySelectorAll("main :is(ol, ul) > li :is(h2, h3) a[href]").length,
	})`))
	if profile.Path != author.Href {
		t.Errorf("the author link led to %s, want %s", profile.Path, author.Href)
	}
	if len(profile.H1s) != 1 || profile.H1s[0] != author.Text {
		t.Errorf("author page h1 = %q, want exactly one, %q", profile.H1s, author.Text)
	}
	if profile.Stories == 0 {
		t.Error("the author page lists no stories")
	}

	t.Run("NoScript", func(t *testing.T) { testBackToTopNoScript(t, ctx, &log, story.Path) })
}

// testBackToTopNoScript checks that the back-to-top link works as a plain
// link when JavaScript is off.
func testBackToTopNoScript(t *testing.T, browser context.Context, log *requestLog, path string) {
	ctx := newTab(t, browser, log)
	run(t, ctx, "turn JavaScript off", chromedp.Steps(
		chromedp.EmulateViewport(1280, 900),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
	))
	follow(t, ctx, "open the article", chromedp.Navigate(baseURL+path))
	if js := run(t, ctx, "check that scripts are off", chromedp.Evaluate[bool](`document.documentElement.classList.contains("js")`)); js {
		t.Fatal("site.js ran although JavaScript is off")
	}
	const toTop = "a.back-to-top"
	// DevTools still evaluates scripts when the page's own are off.
	run(t, ctx, "scroll to the bottom", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.body.scrollHeight)`))
	if y := scrollY(t, ctx); y == 0 {
		t.Fatal("the article page does not scroll: it is too short to test back-to-top")
	}
	if !run(t, ctx, "look for the back-to-top link", chromedp.Evaluate[bool](backToTopShownJS)) {
		t.Error("without JavaScript, the back-to-top link is not shown in the viewport at the bottom of the page")
	}
	follow(t, ctx, "press Enter on the back-to-top link",
		chromedp.Focus(chromedp.CSS(toTop)),
		chromedp.KeyEvent(kb.Enter),
	)
	hist := run(t, ctx, "read the history", chromedp.NavigationEntries())
	if got := hist.Entries[hist.CurrentIndex].URL; !strings.HasSuffix(got, path+"#top") {
		t.Errorf("following back-to-top without JavaScript led to %s, want %s#top", got, path)
	}
	// The page is at #top: the target's top edge is at the top of the viewport,
	// or the page is scrolled right up when it cannot go further.
	if top, y := topEdge(t, ctx), scrollY(t, ctx); y != 0 && (top < -1 || top > 1) {
		t.Errorf("following back-to-top without JavaScript left the page at y = %v with #top %v px from the viewport's top, want #top at the top", y, top)
	}
}

// topEdge is where the top edge of #top is, in CSS pixels from the top of the
// viewport. DevTools evaluates it even when the page's scripts are off.
func topEdge(t *testing.T, ctx context.Context) float64 {
	t.Helper()
	return run(t, ctx, "find #top", chromedp.Evaluate[float64](`document.getElementById("top").getBoundingClientRect().top`))
}

// scrollY reads the page's scroll offset from the browser, not from a script.
func scrollY(t *testing.T, ctx context.Context) float64 {
	t.Helper()
	m := run(t, ctx, "read the layout metrics", chromedp.Action[page.GetLayoutMetricsResult](
		func(ctx context.Context, tg *chromedp.Target) (page.GetLayoutMetricsResult, error) {
			return cdp.Call(ctx, tg, page.GetLayoutMetrics, cdp.Empty{})
		}))
	return m.CSSVisualViewport.PageY
}
