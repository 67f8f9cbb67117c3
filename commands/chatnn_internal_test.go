package commands

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// chatSets are the small-talk sets the examples come from (under
// commands/; TestGenerateChatExamples), each left out in turn by
// TestChatExamplesCrossValidated: every set measured blind once and tuned
// on since (heldout3 stays out, a check of lines never learnt from).
var chatSets = []string{"testdata/smalltalk_tuning.jsonl", "testdata/smalltalk_tuning2.jsonl",
	"testdata/smalltalk_tuning3.jsonl", "testdata/smalltalk_tuning4.jsonl",
	"../knowledge/testdata/heldout2/smalltalk.jsonl", "../knowledge/testdata/heldout6/smalltalk.jsonl",
	"../knowledge/testdata/heldout7/smalltalk.jsonl", "../knowledge/testdata/heldout9/smalltalk.jsonl",
	"../knowledge/testdata/heldout10/smalltalk.jsonl", "../knowledge/testdata/heldout16/smalltalk.jsonl",
	"testdata/smalltalk_tuning5.jsonl", "testdata/smalltalk_tuning6.jsonl", "testdata/smalltalk_tuning7.jsonl",
	"../knowledge/testdata/heldout17/smalltalk.jsonl", "../knowledge/testdata/heldout19/smalltalk.jsonl",
	"../knowledge/testdata/heldout20/smalltalk.jsonl", "../knowledge/testdata/heldout21/smalltalk.jsonl",
	"../knowledge/testdata/heldout22/smalltalk.jsonl", "../knowledge/testdata/heldout23/smalltalk.jsonl",
	"../knowledge/testdata/heldout24/smalltalk.jsonl", "testdata/smalltalk_tuning8.jsonl",
	"../knowledge/testdata/heldout25/smalltalk.jsonl", "testdata/smalltalk_tuning9.jsonl",
	"../knowledge/testdata/heldout26/smalltalk.jsonl", "../knowledge/testdata/heldout32/smalltalk.jsonl",
	"../knowledge/testdata/heldout34/smalltalk.jsonl", "testdata/smalltalk_tuning10.jsonl"}

// unseenQuestions are knowledge question sets none of whose questions is
// an example: the questions small talk by example must not take.
var unseenQuestions = []string{"heldout3/questions.jsonl", "heldout4/questions.jsonl", "heldout5/questions.jsonl",
	"heldout8/questions.jsonl", "heldout11/questions.jsonl", "heldout12/questions.jsonl",
	"heldout13/questions.jsonl", "heldout14/questions.jsonl", "heldout15/questions.jsonl"}

func readLines(t *testing.T, path string) []question {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []question
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q question
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, q)
	}
	return out
}

// TestChatExamplesCrossValidated leaves each small-talk set out of the
// examples in turn and reads its lines by the others' examples alone (no
// rules, with the guards of read): the share read as small talk and as the right
// intent is what a new set may expect of the examples. Questions of
// knowledge sets that are no examples must not be read as small talk.
func TestChatExamplesCrossValidated(t *testing.T) {
	ix := builtinIndex(t)
	total, chat, right := 0, 0, 0
	for _, path := range chatSets {
		lines := readLines(t, path)
		in := map[string]bool{}
		for _, l := range lines {
			in[strings.Join(strings.Fields(l.Q), " ")] = true
		}
		nn := buildChatNN(chatExamplesTSV, func(line string) bool { return in[line] })
		labels := map[string]chatIntent{}
		for _, row := range strings.Split(chatExamplesTSV, "\n") {
			if f := strings.SplitN(row, "\t", 3); len(f) == 3 {
				labels[f[2]] = chatIntentNames[f[0]]
			}
		}
		c, r := 0, 0
		for _, l := range lines {
			got := nn.read(l.Q, ix.Words)
			if got.intent != chatNone {
				c++
				if got.intent == labels[strings.Join(strings.Fields(l.Q), " ")] {
					r++
				}
			} else if testing.Verbose() {
				t.Logf("left out of %s: %q", path, l.Q)
			}
		}
		t.Logf("%s: %d of %d read as small talk, %d as its intent", path, c, len(lines), r)
		total, chat, right = total+len(lines), chat+c, right+r
	}
	t.Logf("all sets: %d of %d read as small talk, %d as its intent", chat, total, right)
	// The figures when the thresholds were last chosen (13 sets): 3,140
	// of 3,797 read as small talk, 2,723 as the intent the rules give;
	// 3,099 and 2,697 since a question word not put to the bot, "undrar",
	// "räknas", "need" … stop small talk by example and a question is no
	// thanks. With heldout20–22 (17 sets, 4,097 lines): 3,353 and 2,934;
	// with heldout23 and "food" no longer read as "född" (18 sets, 4,197
	// lines): 3,440 and 3,038; with heldout24–25, tuning8–9 and the hand
	// labels of testdata/chatlabels.tsv (22 sets, 5,597 lines): 4,677 and
	// 4,224; with heldout26, heldout32, heldout34 (26 sets, 5,897 lines):
	// 4,956 and 4,462; with tuning10 (27 sets, 6,497 lines; tuning10 alone,
	// the hard set, 418 of 600): 5,402 and 4,820.
	if chat < 5350 || right < 4750 {
		t.Errorf("the examples read fewer lines of a set left out than before (5,402 as small talk, 4,820 as its intent)")
	}
	fp, n := 0, 0
	for _, name := range unseenQuestions {
		for _, q := range readLines(t, "../knowledge/testdata/"+name) {
			if q.Topic == "bot-about" || q.Topic == "bot-how-to-ask" {
				continue
			}
			n++
			if got := chatExamples().read(q.Q, ix.Words); got.intent != chatNone {
				fp++
				t.Logf("%s: question read as small talk (%d): %q", name, got.intent, q.Q)
			}
		}
	}
	t.Logf("%d of %d unseen questions read as small talk", fp, n)
	if fp > 0 {
		t.Errorf("%d questions read as small talk", fp)
	}
}
