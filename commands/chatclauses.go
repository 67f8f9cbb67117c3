package commands

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"passionbot/bot"
)

// A line the knowledge base could not answer may still be small talk that
// no reader takes whole: a greeting, a thanks or a goodbye among clauses
// that tell something ("God morgon, vill bara säga hej innan jag öppnar
// butiken", "Hiya! How's it going? Just got back from the studio,
// knackered", "Jo, he va bra, tack. Nu ska int ja störa mer, ha he gott!").
// Read clause by clause, it is small talk when one clause or more is small
// talk to some reader and no other clause asks anything; a line with a
// clause that asks and that no reader takes ("hej! vad kostar
// medlemskapet?") still goes to the organisers' queue.

// chatClause is one clause of a line: its text, and whether a question
// mark ends it.
type chatClause struct {
	text string
	mark bool
}

// splitClauses splits text at punctuation into its clauses.
func splitClauses(text string) []chatClause {
	var out []chatClause
	start := 0
	for i, r := range text {
		if !strings.ContainsRune(".,!?;:…\n？！", r) {
			continue
		}
		if cl := strings.TrimSpace(text[start:i]); cl != "" {
			out = append(out, chatClause{text: cl})
		}
		if (r == '?' || r == '？') && len(out) > 0 {
			out[len(out)-1].mark = true
		}
		start = i + utf8.RuneLen(r)
	}
	if cl := strings.TrimSpace(text[start:]); cl != "" {
		out = append(out, chatClause{text: cl})
	}
	return out
}

// maxClauseRunes is the longest line read clause by clause.
const maxClauseRunes = 2 * maxChatRunes

// readClauses reads text, which the knowledge base could not answer, as
// small talk clause by clause: the greatest intent of the clauses that are
// small talk, and their language; chatNone when no clause is small talk,
// a clause that is none asks something, or text is one clause.
func (v *chatVocab) readClauses(text, hint string, words func(string) (subject, other []string)) (chatIntent, string) {
	if utf8.RuneCountInString(text) > maxClauseRunes {
		return chatNone, ""
	}
	clauses := splitClauses(text)
	if len(clauses) < 2 {
		return chatNone, ""
	}
	intent, langs := chatNone, phraseLangs{}
	for _, cl := range clauses {
		in, lang := v.readClause(cl, hint, words)
		if in <= chatFiller {
			if in == chatNone && clauseAsks(cl) {
				return chatNone, ""
			}
			continue
		}
		intent = max(intent, in)
		langs.add(chatPhrase{intent: in, lang: lang})
	}
	if intent <= chatAck {
		// Only "ok" or "hmm" beside what the line tells: a remark, which
		// remark reads as a whole.
		return chatNone, ""
	}
	return intent, langs.lang(hint)
}

// readClause reads one clause as small talk, by the readers in the order
// the ask feature tries them on a whole line. A clause that asks is small
// talk by example only when it speaks to the bot, or is short and opens
// with no question word ("allt i sin ordning?"): "how long does it take"
// after a train's route and "vad heter hon" after who she is ask the
// knowledge base, not the bot.
func (v *chatVocab) readClause(cl chatClause, hint string, words func(string) (subject, other []string)) (chatIntent, string) {
	if in, lang := v.recognize(cl.text, hint); in != chatNone {
		return in, lang
	}
	if r := v.recognizeLoose(cl.text, hint); r.intent != chatNone {
		return r.intent, r.lang
	}
	if in, lang := v.recognizeAboutBot(cl.text, hint, words, false); in != chatNone {
		return in, lang
	}
	ws := chatWords(cl.text)
	addressed := addressesBot(ws)
	if clauseAsks(cl) && (len(ws) > shortClauseWords || len(ws) > 0 && openingWords[ws[0]]) && !addressed {
		return chatNone, ""
	}
	l := chatExamples().read(cl.text, words)
	if toTheBot[l.intent] && !addressed && !cl.mark {
		// "My daughter lost her first tooth tonight" may be near "what
		// can you do?" by its words; it neither asks nor speaks to the
		// bot.
		return chatNone, ""
	}
	return l.intent, l.lang
}

// toTheBot are the intents of questions put to the bot.
var toTheBot = map[chatIntent]bool{chatHowAreYou: true, chatWhat: true, chatLanguages: true, chatPersonal: true,
	chatWho: true, chatHuman: true}

// shortClauseWords is the most words of an asking clause that examples
// may read as small talk though it does not speak to the bot.
const shortClauseWords = 4

// clauseAsks reports whether a clause no reader takes for small talk asks
// something: a question mark ends it, a question word opens it, a yes/no
// opener has its subject after it ("vill du …", "is it …"; "vill bara
// säga hej" tells), or it asks for something ("tell me about …", "tips på
// …"). Else it tells something, as a remark does.
func clauseAsks(cl chatClause) bool {
	ws := chatWords(cl.text)
	if cl.mark || len(ws) == 0 {
		return cl.mark
	}
	for i, w := range ws {
		// A question word near the clause's start or after "but", "men"
		// … ("so what were …", "i vilken stad …"), as in a long remark.
		if openingWords[w] && (i < 3 || clauseJoins[ws[i-1]]) && !rhetorical(ws, i) {
			return true
		}
	}
	if _, ok := yesNoOpeners[ws[0]]; ok && len(ws) > 1 && !statementOpening(ws) {
		next := 1
		for next < len(ws) && openingFillers[ws[next]] {
			next++
		}
		if next < len(ws) {
			if _, subject := modalSubjects[ws[next]]; subject {
				return true
			}
		}
	}
	if asksFor(ws) && !saysHello(ws) {
		return true
	}
	for i, w := range ws {
		if _, asks := remarkAsks[w]; asks || requests(ws, i) && (!isWant(w) || wantAsks(ws[i+1:])) {
			return true
		}
	}
	return false
}

// saysHello reports whether ws say hello, thanks or goodbye by a verb of
// saying ("vill bara säga hej", "just wanted to say thanks"), which is
// no request.
func saysHello(ws []string) bool {
	for i := 0; i+1 < len(ws); i++ {
		if _, say := sayWords[ws[i]]; say {
			if _, hello := helloWords[ws[i+1]]; hello {
				return true
			}
		}
	}
	return false
}

var (
	// sayWords and helloWords are the verbs of saying and what one says
	// hello, thanks or goodbye with (folded).
	sayWords   = foldedSet(`:säga säger sa say said`)
	helloWords = foldedSet(`:hej hi hello hey hallå tack thanks thank hejdå goodbye bye god good`)
	// wantWords are the request words that also tell what one wants to
	// do ("vill bara säga hej", "just wanted to say hi"); wantedWords
	// after them ask for something ("vill veta", "want to know").
	wantWords   = foldedSet(`:vill want wants`)
	wantedWords = foldedSet(`:veta know ha have fråga ask lära learn få get hitta find`)
)

// isWant reports whether folded w is one of wantWords.
func isWant(w string) bool { _, ok := wantWords[w]; return ok }

// wantAsks reports whether the words after "vill" or "want" ask for
// something: to know, to have or to ask it ("vill veta", "want to know").
func wantAsks(after []string) bool {
	return slices.ContainsFunc(after[:min(3, len(after))], func(w string) bool { _, ok := wantedWords[w]; return ok })
}

// rhetorical reports whether the question word ws[i] follows "guess" or
// "gissa": "guess who's on tooth fairy duty" tells, it does not ask.
func rhetorical(ws []string, i int) bool {
	if i == 0 {
		return false
	}
	_, guess := guessWords[ws[i-1]]
	return guess
}

// requests reports whether ws[i] is one of requestWords that asks for
// something: "tell" and "berätta" only with whom or what to tell ("tell
// me about …", "berätta om …"), not "just wanted to tell someone"; "räknas"
// and "count" only with what counts as what.
func requests(ws []string, i int) bool {
	if !requestWords[ws[i]] {
		return false
	}
	if _, tell := tellWords[ws[i]]; tell {
		if i+1 == len(ws) {
			return true
		}
		_, told := toldWords[ws[i+1]]
		return told
	}
	if _, count := countWords[ws[i]]; count {
		// "räknas jag som …", "does that count as …"; "jag räknar
		// timmarna" tells.
		return slices.ContainsFunc(ws[i+1:min(len(ws), i+3)], func(w string) bool { _, ok := countedWords[w]; return ok })
	}
	return true
}

var (
	// guessWords make a question word after them rhetorical (folded).
	guessWords = foldedSet(`:guess gissa`)
	// tellWords ask only with toldWords after them (folded).
	tellWords = foldedSet(`:tell berätta`)
	// countWords ask only with countedWords after them (folded).
	countWords   = foldedSet(`:räknas räknar count counts`)
	countedWords = foldedSet(`:som as jag mig me i it that det den du you man one`)
	toldWords    = foldedSet(`:me us mig oss om about more mer hur how vad what vem who when när where var why varför
		lite a an`)
)

// replyByClauses answers text as small talk when readClauses reads it so,
// and reports whether it did.
func (*smallTalk) replyByClauses(ctx context.Context, c *bot.Call, text string, words func(string) (subject, other []string)) (bool, error) {
	intent, lang := smallTalkVocab().readClauses(text, c.Lang, words)
	if intent == chatNone {
		return false, nil
	}
	return true, chatReply(ctx, c, text, intent, lang)
}

// withoutSmallTalk returns text without its clauses that are small talk by
// phrase ("Tjena! Hur är läget? vad är VIAkub?" → "vad är VIAkub?"), or ""
// when none is, or all are: the question the knowledge base may answer
// once the greeting around it is gone.
func (v *chatVocab) withoutSmallTalk(text, hint string) string {
	if utf8.RuneCountInString(text) > maxClauseRunes {
		return ""
	}
	clauses := splitClauses(text)
	var kept []string
	dropped := false
	for _, cl := range clauses {
		if in, _ := v.recognize(cl.text, hint); in > chatFiller {
			dropped = true
			continue
		}
		t := cl.text
		if cl.mark {
			t += "?"
		}
		kept = append(kept, t)
	}
	if !dropped || len(kept) == 0 {
		return ""
	}
	return strings.Join(kept, " ")
}
