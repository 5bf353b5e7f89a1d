package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/herald-news/herald/internal/config"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/spam"
	"github.com/herald-news/herald/internal/store"
)

// comments is `herald comments ACTION [flags] [ID…]`: list and moderate
// readers' comments, set the comment rules, forget old client addresses,
// and measure the spam classifier on a labelled corpus. A change shows on a
// site serving the same database within a second or two: every write
// records what it changed, and the site looks for such changes every second.
func comments(ctx context.Context, env Env, args []string) error {
	actions := map[string]func(context.Context, Env, string, []string) error{
		"list": commentsList, "approve": commentsModerate, "spam": commentsModerate, "trash": commentsModerate,
		"pending": commentsModerate, "delete": commentsModerate, "settings": commentsSettings, "purge": commentsPurge,
		"evaluate": commentsEvaluate, "train": commentsTrain,
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help" {
		fs := flags(env, "comments")
		fs.Usage()
		fmt.Fprint(env.Stdout, `
Actions:
  list      [--status S] [--limit N]   one comment a line: id, status, story, name, first words
  approve   ID…                        publish comments (and teach the classifier they are genuine)
  spam      ID…                        mark comments as spam (and teach the classifier)
  trash     ID…                        move comments to the trash
  pending   ID…                        send comments back to the moderation queue
  delete    ID…                        delete comments for good; their replies move up
  settings  [--max-depth N …]          show or change the comment rules
  purge                                forget client addresses older than the retention period
  evaluate  --corpus DIR               measure the spam classifier on a labelled corpus
  train     --corpus DIR               teach the site's classifier a labelled corpus, to start with
`)
		if len(args) == 0 {
			return usageError("an action is required")
		}
		return nil
	}
	act, ok := actions[args[0]]
	if !ok {
		return usageError("unknown action %q: want list, approve, spam, trash, pending, delete, settings, purge, evaluate or train", args[0])
	}
	return act(ctx, env, args[0], args[1:])
}

// printable makes user text safe for one line of a terminal: control
// characters, which could move the cursor or change colours, become
// spaces, and runs of space become one.
func printable(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	w := strings.Fields(printable(s))
	if len(w) > n {
		return strings.Join(w[:n], " ") + " …"
	}
	return strings.Join(w, " ")
}

func commentsList(ctx context.Context, env Env, _ string, args []string) error {
	var cfg config.Config
	fs := flags(env, "comments")
	cfg.DBFlag(fs)
	status := fs.String("status", "", "list only comments with this status: pending, approved, spam or trash")
	limit := fs.Int("limit", 100, "the most comments to list, newest first")
	pos, err := parseInterleaved(env, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("list takes no arguments, got %q", pos[0])
	}
	if *status != "" && !news.CommentStatus(*status).Valid() {
		return usageError("--status %q: want pending, approved, spam or trash", *status)
	}
	if *limit < 1 || *limit > 10_000 {
		return usageError("--limit %d: want 1 to 10000", *limit)
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	list, _, err := st.Comments(ctx, store.CommentFilter{Status: news.CommentStatus(*status), Limit: *limit})
	if err != nil {
		return err
	}
	for _, c := range list {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\t%s\n", c.ID, c.Status, c.ArticlePath, printable(c.Name), firstWords(c.Body, 12))
	}
	return nil
}

func commentsModerate(ctx context.Context, env Env, action string, args []string) error {
	var cfg config.Config
	fs := flags(env, "comments")
	cfg.DBFlag(fs)
	pos, err := parseInterleaved(env, fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("%s needs the IDs of the comments, e.g. herald comments %s 12 13", action, action)
	}
	ids := make([]int64, len(pos))
	for i, p := range pos {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil || id <= 0 {
			return usageError("%q is not a comment ID", p)
		}
		ids[i] = id
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	status := map[string]news.CommentStatus{"approve": news.CommentApproved, "spam": news.CommentSpam,
		"trash": news.CommentTrash, "pending": news.CommentPending}[action]
	var failed []string
	for _, id := range ids {
		var err error
		if action == "delete" {
			err = st.DeleteComment(ctx, id)
		} else {
			err = st.ModerateComment(ctx, id, status)
		}
		switch {
		case errors.Is(err, news.ErrNotFound):
			failed = append(failed, strconv.FormatInt(id, 10))
			fmt.Fprintf(env.Stderr, "herald comments: there is no comment %d\n", id)
		case err != nil:
			return err
		case action == "delete":
			fmt.Fprintf(env.Stdout, "%d\tdeleted\n", id)
		default:
			fmt.Fprintf(env.Stdout, "%d\t%s\n", id, status)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("no comment %s; the others were done", strings.Join(failed, ", "))
	}
	return nil
}

// wordList is a comma-separated list flag.
type wordList struct {
	words *[]string
	set   bool
}

func (w *wordList) String() string {
	if w.words == nil {
		return ""
	}
	return strings.Join(*w.words, ",")
}

func (w *wordList) Set(v string) error {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	*w.words, w.set = out, true
	return nil
}

func commentsSettings(ctx context.Context, env Env, _ string, args []string) error {
	var cfg config.Config
	fs := flags(env, "comments")
	cfg.DBFlag(fs)
	var cs news.CommentSettings
	fs.IntVar(&cs.CloseAfterDays, "close-after-days", 0, "close comments this many days after publication; 0 keeps them open")
	fs.IntVar(&cs.MaxDepth, "max-depth", 0, "how deep replies nest")
	fs.IntVar(&cs.HoldLinks, "hold-links", 0, "hold comments with at least this many links; 0 never does")
	fs.IntVar(&cs.RatePerHour, "rate-per-hour", 0, "comments one client may post in an hour; 0 for no limit")
	fs.IntVar(&cs.FloodSeconds, "flood-seconds", 0, "seconds a client must wait between two comments; 0 for none")
	fs.IntVar(&cs.MinFillSeconds, "min-fill-seconds", 0, "least seconds between getting the form and posting it")
	fs.IntVar(&cs.ClientRetentionDays, "client-retention-days", 0, "days the hashed client address is kept")
	fs.Float64Var(&cs.SpamThreshold, "spam-threshold", 0, "classifier score from which a comment is spam")
	mod := &wordList{words: &cs.ModerationWords}
	block := &wordList{words: &cs.BlockWords}
	fs.Var(mod, "moderation-words", "comma-separated words that hold a comment for moderation")
	fs.Var(block, "block-words", "comma-separated words that send a comment to spam")
	articlePath := fs.String("article", "", "a story's path, /section/slug/, to give its own --article-close-after-days")
	articleDays := fs.Int("article-close-after-days", -1, "days after publication the story's comments close (0: never; -1: as the site)")
	pos, err := parseInterleaved(env, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("settings takes no arguments, got %q", pos[0])
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	cur, err := st.CommentSettings(ctx)
	if err != nil {
		return err
	}
	changed := false
	apply := func(name string, dst *int, v int) {
		if set[name] {
			*dst, changed = v, true
		}
	}
	apply("close-after-days", &cur.CloseAfterDays, cs.CloseAfterDays)
	apply("max-depth", &cur.MaxDepth, cs.MaxDepth)
	apply("hold-links", &cur.HoldLinks, cs.HoldLinks)
	apply("rate-per-hour", &cur.RatePerHour, cs.RatePerHour)
	apply("flood-seconds", &cur.FloodSeconds, cs.FloodSeconds)
	apply("min-fill-seconds", &cur.MinFillSeconds, cs.MinFillSeconds)
	apply("client-retention-days", &cur.ClientRetentionDays, cs.ClientRetentionDays)
	if set["spam-threshold"] {
		cur.SpamThreshold, changed = cs.SpamThreshold, true
	}
	if mod.set {
		cur.ModerationWords, changed = cs.ModerationWords, true
	}
	if block.set {
		cur.BlockWords, changed = cs.BlockWords, true
	}
	if changed {
		if err := st.SaveCommentSettings(ctx, cur); err != nil {
			var v *news.ValidationError
			if errors.As(err, &v) {
				return usageError("%v", err)
			}
			return err
		}
	}
	if *articlePath != "" {
		parts := strings.Split(strings.Trim(*articlePath, "/"), "/")
		if len(parts) != 2 {
			return usageError("--article %q: want a story's path, /section/slug/", *articlePath)
		}
		a, err := st.Article(ctx, parts[0], parts[1])
		if err != nil {
			return fmt.Errorf("story %s: %w", *articlePath, err)
		}
		if err := st.SetCommentClosing(ctx, a.ID, *articleDays); err != nil {
			return err
		}
		days, own, err := st.CommentClosing(ctx, a.ID, cur)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "story %s: comments close after %d days (0: never)%s\n", a.Path(), days, map[bool]string{false: ", as the site", true: ""}[own])
	}
	w := env.Stdout
	fmt.Fprintf(w, "close-after-days\t%d\nmax-depth\t%d\nhold-links\t%d\nrate-per-hour\t%d\nflood-seconds\t%d\nmin-fill-seconds\t%d\nclient-retention-days\t%d\nspam-threshold\t%g\nmoderation-words\t%s\nblock-words\t%s\n",
		cur.CloseAfterDays, cur.MaxDepth, cur.HoldLinks, cur.RatePerHour, cur.FloodSeconds, cur.MinFillSeconds,
		cur.ClientRetentionDays, cur.SpamThreshold, strings.Join(cur.ModerationWords, ","), strings.Join(cur.BlockWords, ","))
	return nil
}

func commentsPurge(ctx context.Context, env Env, _ string, args []string) error {
	var cfg config.Config
	fs := flags(env, "comments")
	cfg.DBFlag(fs)
	pos, err := parseInterleaved(env, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("purge takes no arguments, got %q", pos[0])
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	cs, err := st.CommentSettings(ctx)
	if err != nil {
		return err
	}
	n, err := st.PurgeClientHashes(ctx, time.Now().AddDate(0, 0, -cs.ClientRetentionDays))
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "forgot the client addresses of %d comment(s) older than %d days\n", n, cs.ClientRetentionDays)
	return nil
}

func commentsEvaluate(_ context.Context, env Env, _ string, args []string) error {
	fs := flags(env, "comments")
	corpus := fs.String("corpus", "", "folder with Youtube*.csv and/or SMSSpamCollection* labelled collections")
	testPercent := fs.Int("test-percent", 30, "share of the corpus held out for testing, in percent")
	threshold := fs.Float64("threshold", news.DefaultCommentSettings().SpamThreshold, "score from which a comment counts as spam")
	pos, err := parseInterleaved(env, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("evaluate takes no arguments, got %q", pos[0])
	}
	if *corpus == "" {
		return usageError("--corpus is required: a folder of labelled comments")
	}
	if *testPercent < 1 || *testPercent > 90 {
		return usageError("--test-percent %d: want 1 to 90", *testPercent)
	}
	examples, err := spam.LoadCorpus(*corpus)
	if err != nil {
		return err
	}
	w := env.Stdout
	bySource := map[string][]spam.Example{}
	var sources []string
	for _, e := range examples {
		if _, ok := bySource[e.Source]; !ok {
			sources = append(sources, e.Source)
		}
		bySource[e.Source] = append(bySource[e.Source], e)
	}
	train, test := spam.Split(examples, *testPercent)
	m := spam.Train(train)
	fmt.Fprintf(w, "trained on %d comments, tested on %d (%d%%, split by a hash of the text), threshold %g\n", len(train), len(test), *testPercent, *threshold)
	fmt.Fprintf(w, "all\t%s\n", spam.Evaluate(m, test, *threshold))
	for _, src := range sources {
		_, t := spam.Split(bySource[src], *testPercent)
		fmt.Fprintf(w, "%s\t%s\n", src, spam.Evaluate(m, t, *threshold))
	}
	return nil
}

func commentsTrain(ctx context.Context, env Env, _ string, args []string) error {
	var cfg config.Config
	fs := flags(env, "comments")
	cfg.DBFlag(fs)
	corpus := fs.String("corpus", "", "folder with Youtube*.csv and/or SMSSpamCollection* labelled collections")
	pos, err := parseInterleaved(env, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("train takes no arguments, got %q", pos[0])
	}
	if *corpus == "" {
		return usageError("--corpus is required: a folder of labelled comments")
	}
	examples, err := spam.LoadCorpus(*corpus)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	nSpam := 0
	for _, e := range examples {
		if err := st.TrainSpam(ctx, spam.Tokens("", "", e.Text), e.Spam); err != nil {
			return err
		}
		if e.Spam {
			nSpam++
		}
	}
	fmt.Fprintf(env.Stdout, "the classifier learnt %d spam and %d genuine comments\n", nSpam, len(examples)-nSpam)
	return nil
}
