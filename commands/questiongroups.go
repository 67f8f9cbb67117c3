package commands

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"passionbot/storage"
)

// Near-duplicate unanswered questions ("vad kostar en brännugn?", "Vad
// kostar brännugnar??") are one entry of `faq unanswered`, with the count
// of all of them: storage already counts the same normalized text once;
// here questions in the same language whose content words mostly agree
// are grouped. Content words are the words left when common question
// words ("vad", "how", "är") are dropped; two are the same word in another
// form when one starts with the other or they share 5 letters ("ugn",
// "ugnen"; "brännugnen", "brännugnar"). Two questions are near-duplicates
// when all their content words agree, or at least two do and those make up
// 60 % of the words of both together.

// questionScan is how many open questions grouping reads.
const questionScan = 500

// questionGroup is one entry of `faq unanswered`: the most asked question
// and its near-duplicates.
type questionGroup struct {
	storage.Question          // the most asked (the first listed)
	Others           []int64  // the near-duplicates' ids
	Total            int      // times asked, all together
	words            []string // the first question's content words
}

// groupQuestions groups near-duplicates of qs (most asked first), the
// groups most asked all together first.
func groupQuestions(qs []storage.Question) []questionGroup {
	var groups []questionGroup
next:
	for _, q := range qs {
		w := contentWords(q.Text)
		for i := range groups {
			if g := &groups[i]; g.Lang == q.Lang && nearDuplicate(g.words, w) {
				g.Others = append(g.Others, q.ID)
				g.Total += q.TimesAsked
				continue next
			}
		}
		groups = append(groups, questionGroup{Question: q, Total: q.TimesAsked, words: w})
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Total > groups[j].Total })
	return groups
}

// questionGroupOf returns the ids of the open question id and its
// near-duplicates; just id when it is not among the open ones read.
func questionGroupOf(ctx context.Context, qs QuestionStore, id int64) ([]int64, error) {
	open, err := qs.OpenQuestions(ctx, questionScan)
	if err != nil {
		return nil, err
	}
	for _, g := range groupQuestions(open) {
		if g.ID == id || containsID(g.Others, id) {
			return append([]int64{g.ID}, g.Others...), nil
		}
	}
	return []int64{id}, nil
}

// idList lists ids for chat: "`14`, `17`".
func idList(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("`%d`", id)
	}
	return strings.Join(parts, ", ")
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// questionWords are words that ask rather than say what about.
var questionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`vad vem vilken vilket vilka hur var när varför är ar en ett det den de och i på pa om
	för for med att som man jag du ni vi mig dig oss min mitt mina kan ska har finns till av så sa nu hej tack snälla eller
	inte någon något några nagon nagot vara blir får far gör gor göra gora the a an is are was what who which where when why how
	can could should would will do does did i you we me my your it its to of in on at with and or please hi hello there be
	about any some this that these those there's what's whats`) {
		questionWords[w] = true
	}
}

// contentWords are a question's words without questionWords, without
// repeats.
func contentWords(q string) []string {
	var out []string
	for _, w := range strings.Fields(storage.NormalizeQuestion(q)) {
		if !questionWords[w] && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// sameWord reports whether two content words are one word in another
// form: one starts with the other (of 3 letters or more: "ugn", "ugnen"),
// or they share their first 5 letters ("brännugnen", "brännugnar").
func sameWord(a, b string) bool {
	// Rune by rune in place: grouping compares every open question with
	// every group, and converting to []rune each time was most of the
	// time of `faq unanswered` with 500 open questions.
	common := 0
	for a != "" && b != "" {
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb {
			return false
		}
		if common++; common >= 5 {
			return true
		}
		a, b = a[sa:], b[sb:]
	}
	return common >= 3 // one is the other's start
}

// nearDuplicate reports whether two questions' content words mostly agree.
func nearDuplicate(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	common := 0
	for _, w := range a {
		if slices.ContainsFunc(b, func(v string) bool { return sameWord(w, v) }) {
			common++
		}
	}
	union := len(a) + len(b) - common
	if common == len(a) && common == len(b) {
		return true
	}
	return common >= 2 && 10*common >= 6*union
}
