package spam

import (
	"encoding/csv"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Example is one labelled comment of a corpus.
type Example struct {
	Source string // the corpus file it came from
	Text   string
	Spam   bool
}

// LoadCorpus reads the labelled collections in dir: the UCI YouTube Spam
// Collection's CSV files (Youtube*.csv: COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS
// with CLASS 1 for spam) and the UCI SMS Spam Collection
// (SMSSpamCollection*: label TAB text, ham or spam, an optional header). It
// fails when dir holds neither.
func LoadCorpus(dir string) ([]Example, error) {
	var out []Example
	yt, err := filepath.Glob(filepath.Join(dir, "Youtube*.csv"))
	if err != nil {
		return nil, err
	}
	sort.Strings(yt)
	for _, f := range yt {
		ex, err := readYouTube(f)
		if err != nil {
			return nil, err
		}
		out = append(out, ex...)
	}
	sms, err := filepath.Glob(filepath.Join(dir, "SMSSpamCollection*"))
	if err != nil {
		return nil, err
	}
	sort.Strings(sms)
	for _, f := range sms {
		ex, err := readSMS(f)
		if err != nil {
			return nil, err
		}
		out = append(out, ex...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("spam: no labelled comments in %s (want Youtube*.csv or SMSSpamCollection*): %w", dir, os.ErrNotExist)
	}
	return out, nil
}

func readYouTube(path string) ([]Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("spam: %s: %w", path, err)
	}
	content, class := -1, -1
	for i, h := range head {
		switch strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))) {
		case "CONTENT":
			content = i
		case "CLASS":
			class = i
		}
	}
	if content < 0 || class < 0 {
		return nil, fmt.Errorf("spam: %s: no CONTENT and CLASS columns", path)
	}
	var out []Example
	name := filepath.Base(path)
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("spam: %s: %w", path, err)
		}
		if len(rec) <= max(content, class) {
			continue
		}
		out = append(out, Example{Source: name, Text: rec[content], Spam: strings.TrimSpace(rec[class]) == "1"})
	}
}

func readSMS(path string) ([]Example, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []Example
	name := filepath.Base(path)
	for _, line := range strings.Split(string(b), "\n") {
		label, text, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t")
		if !ok {
			continue
		}
		switch label {
		case "spam":
			out = append(out, Example{Source: name, Text: text, Spam: true})
		case "ham":
			out = append(out, Example{Source: name, Text: text})
		}
	}
	return out, nil
}

// Split divides examples into a training and a test set, deterministically:
// an example goes to the test set when a hash of its text falls in the
// testPercent share, so that copies of one text never sit on both sides.
func Split(examples []Example, testPercent int) (train, test []Example) {
	for _, e := range examples {
		h := fnv.New32a()
		h.Write([]byte(strings.ToLower(strings.Join(strings.Fields(e.Text), " "))))
		if int(h.Sum32()%100) < testPercent {
			test = append(test, e)
		} else {
			train = append(train, e)
		}
	}
	return train, test
}

// Metrics are how a classifier did on a test set. Spam is the positive class.
type Metrics struct {
	TP, FP, TN, FN int
}

// Precision is the share of comments called spam that were spam.
func (m Metrics) Precision() float64 { return ratio(m.TP, m.TP+m.FP) }

// Recall is the share of spam called spam.
func (m Metrics) Recall() float64 { return ratio(m.TP, m.TP+m.FN) }

// FalsePositiveRate is the share of genuine comments called spam.
func (m Metrics) FalsePositiveRate() float64 { return ratio(m.FP, m.FP+m.TN) }

// Accuracy is the share of comments called right.
func (m Metrics) Accuracy() float64 { return ratio(m.TP+m.TN, m.TP+m.TN+m.FP+m.FN) }

func (m Metrics) String() string {
	return fmt.Sprintf("precision %.4f, recall %.4f, false-positive rate %.4f, accuracy %.4f (spam caught %d of %d; genuine held as spam %d of %d)",
		m.Precision(), m.Recall(), m.FalsePositiveRate(), m.Accuracy(), m.TP, m.TP+m.FN, m.FP, m.FP+m.TN)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Train learns every example into a new model. Examples are comment bodies
// with no name or website, as the corpora have none.
func Train(examples []Example) *Memory {
	m := NewMemory()
	for _, e := range examples {
		m.Learn(Tokens("", "", e.Text), e.Spam)
	}
	return m
}

// Evaluate scores every test example with m and counts a score at or above
// threshold as a spam verdict.
func Evaluate(m *Memory, test []Example, threshold float64) Metrics {
	var r Metrics
	for _, e := range test {
		spam := m.Score(Tokens("", "", e.Text)) >= threshold
		switch {
		case spam && e.Spam:
			r.TP++
		case spam:
			r.FP++
		case e.Spam:
			r.FN++
		default:
			r.TN++
		}
	}
	return r
}
