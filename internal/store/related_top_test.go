package store

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestTopTermsKeepsStrongest holds topTerms, which keeps the strongest terms
// as they come, to the definition: weigh every term, sort them all, keep
// the first relatedTerms. Counts repeat so that weights tie.
func TestTopTermsKeepsStrongest(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for round := range 300 {
		kw, df := map[string]int{}, map[string]int{}
		for range r.IntN(60) {
			term := fmt.Sprintf("w%d", r.IntN(80))
			kw[term] = 1 + r.IntN(3)
			if r.IntN(4) > 0 {
				df[term] = 1 + r.IntN(5)
			}
		}
		total := 1 + r.IntN(50)
		got := topTerms(kw, df, total)

		type tw struct {
			term string
			w    float64
		}
		var all []tw
		for term, tf := range kw {
			all = append(all, tw{term, (1 + math.Log(float64(tf))) * math.Log(1+float64(total)/float64(max(df[term], 1)))})
		}
		sort.Slice(all, func(i, j int) bool {
			if all[i].w != all[j].w {
				return all[i].w > all[j].w
			}
			return all[i].term < all[j].term
		})
		all = all[:min(len(all), relatedTerms)]
		var norm float64
		for _, x := range all {
			norm += x.w * x.w
		}
		var want []termWeight
		for _, x := range all {
			if w := int(math.Round(weightScale * x.w / math.Sqrt(norm))); w > 0 {
				want = append(want, termWeight{x.term, w})
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: topTerms = %v, want %v", round, got, want)
		}
	}
}
