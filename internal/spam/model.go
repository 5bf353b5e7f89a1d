package spam

import (
	"math"

	"github.com/herald-news/herald/internal/news"
)

// Unsure is the score of a comment the classifier cannot judge, because it
// has not learnt enough yet.
const Unsure = 0.5

// MinDocs is how many spam and how many genuine comments the classifier
// must have learnt from before it scores anything but Unsure.
const MinDocs = 10

// Scoring constants, chosen on the evaluation corpora (see Evaluate):
// alpha smooths the counts of rare features; maxFeatures keeps only the
// strongest evidence, which tames naive Bayes's overconfidence on the many
// correlated features of one comment.
const (
	alpha       = 0.2
	maxFeatures = 20
	// temperature spreads naive Bayes's log-odds, which its independence
	// assumption inflates, over a usable range of scores: the default
	// threshold of 0.91 stands for log-odds of about 11.6.
	temperature = 5
)

// Score returns the probability that a comment with tokens is spam, given
// what model has learnt: naive Bayes over the presence of each feature,
// with the prior of the classes seen, from the most telling features only.
// It is Unsure until the model knows MinDocs of each class.
func Score(m *news.SpamModel, tokens []string) float64 {
	if m == nil || m.SpamDocs < MinDocs || m.HamDocs < MinDocs {
		return Unsure
	}
	S, H := float64(m.SpamDocs), float64(m.HamDocs)
	ev := make([]float64, 0, len(tokens))
	for _, tok := range tokens {
		c, ok := m.Tokens[tok]
		if !ok || c.Spam+c.Ham == 0 {
			continue
		}
		ps := (float64(c.Spam) + alpha) / (S + 2*alpha)
		ph := (float64(c.Ham) + alpha) / (H + 2*alpha)
		ev = append(ev, math.Log(ps/ph))
	}
	ev = strongest(ev, maxFeatures)
	logit := math.Log(S / H)
	for _, e := range ev {
		logit += e
	}
	return 1 / (1 + math.Exp(-logit/temperature))
}

// strongest keeps the n values of largest magnitude.
func strongest(ev []float64, n int) []float64 {
	if len(ev) <= n {
		return ev
	}
	// Partial selection sort: n is small.
	for i := 0; i < n; i++ {
		best := i
		for j := i + 1; j < len(ev); j++ {
			if math.Abs(ev[j]) > math.Abs(ev[best]) {
				best = j
			}
		}
		ev[i], ev[best] = ev[best], ev[i]
	}
	return ev[:n]
}

// Memory is a model held in memory, for evaluation and tests. The store
// keeps the site's model with the same counts.
type Memory struct {
	m news.SpamModel
}

// NewMemory returns an empty model.
func NewMemory() *Memory {
	return &Memory{m: news.SpamModel{Tokens: map[string]news.TokenCount{}}}
}

// Learn counts one comment's tokens as spam or genuine.
func (mm *Memory) Learn(tokens []string, isSpam bool) {
	if isSpam {
		mm.m.SpamDocs++
	} else {
		mm.m.HamDocs++
	}
	for _, t := range tokens {
		c := mm.m.Tokens[t]
		if isSpam {
			c.Spam++
		} else {
			c.Ham++
		}
		mm.m.Tokens[t] = c
	}
}

// Model returns the counts learnt so far. It shares memory with mm.
func (mm *Memory) Model() *news.SpamModel { return &mm.m }

// Score is Score on what mm has learnt.
func (mm *Memory) Score(tokens []string) float64 { return Score(&mm.m, tokens) }
