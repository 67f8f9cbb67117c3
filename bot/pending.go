package bot

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Conversations the bot opened. When a handler has asked the member
// something (Confirm, a quiz question through Expect), a plain reply from
// that member answers it: "ja", "nej tack", "2". The router reads the
// reply before it parses anything (reply, answered) and runs the command
// line the answer maps to as that member, through the same role checks,
// argument binding and confirmation binding as a click on the member's own
// button. The rules, in one place:
//
//   - Bound to the member asked and to where they were asked: the same
//     channel, or their DM with the bot when the question was asked there
//     or its private reply went there. Another member's "ja" does nothing
//     to it.
//   - One open question per member: a newer one replaces it (an older
//     confirmation's button still works), unless the newer is asked in
//     passing (Answers.Passing: "Hjälpte svaret?") and the older is open.
//   - Open for ConfirmTTL (10 minutes) from when it was asked, in memory
//     like the buttons.
//   - An accepted answer (typed or clicked) ends the conversation: the
//     question is forgotten, and a later "ok" or "ja" is any other message.
//   - An answer the question does not take ("ja" to a quiz, "5" to three
//     options) leaves it open and says what it takes. Anything else the
//     member says or does there closes it: a yes/no answers the last thing
//     the bot asked, and a later "ok" meant for someone else must not
//     delete data. A question asked with Answers.Keep (a quiz: harmless,
//     and the course remembers the member's place) is only interrupted:
//     its number still answers it until it expires, while a yes/no that
//     it does not take is then any other message.
//   - A question closed or expired is remembered for StaleQuestion more
//     (from when it closed or expired): a bare yes/no or number addressed
//     to the bot there that the question would have taken ("ja" to a
//     confirmation, "2" to a quiz of three) then gets a short "I'm not
//     waiting for an answer (run the command again)", never a knowledge
//     answer or the unanswered queue. An acknowledgement ("ok", "okej",
//     "ok tack", "👍", "tack") never gets it: it is any other message
//     (small talk reads it), as is everything from a member asked nothing
//     lately.
//   - A reply containing "?" is a question back, not an answer.

// Answers are what a plain reply may say to a question the bot asked, each
// with the command line it runs as the member.
type Answers struct {
	// Yes runs on ja, japp, yes, ok …; "" when yes and no answer nothing.
	Yes string
	// No runs on nej, nä, no, avbryt …; "" (with Yes set) only says that
	// nothing was changed.
	No string
	// Options[i] runs on the number i+1 (a quiz's options).
	Options []string
	// Keep leaves the question open when the member says something else
	// in between (asks the bot a question): its number still answers it
	// within ConfirmTTL of being asked. Only for questions whose answers
	// change nothing irreversibly (a quiz), never a confirmation.
	Keep bool
	// Passing marks a question asked in passing ("Hjälpte svaret?" under
	// a knowledge answer): it does not replace a question the member has
	// open here (a quiz's), and only a clear yes or no said to the bot
	// answers it — not an acknowledgement ("ok", "okej tack"), nor a "nej"
	// in a shared channel that does not address the bot.
	Passing bool
}

// StaleQuestion is how long a question closed or expired (not answered)
// is remembered, from when it closed or expired, so that a late "ja" is
// told it answers nothing.
const StaleQuestion = 10 * time.Minute

// question is a member's question, open until expires unless closed.
type question struct {
	user    string // User.Key() of the member asked
	channel string // where they were asked
	dm      bool   // a reply in their DM with the bot answers it too
	answers Answers
	nonce   string // the confirmation button asked with it; "" for none
	expires time.Time
	// interrupted: the member said something else there; a Keep question
	// still takes its numbers until expires.
	interrupted bool
	// closed: no longer takes answers; remembered until closedAt+StaleQuestion.
	closed   bool
	closedAt time.Time
}

// until is when q is forgotten: StaleQuestion after it closed or expired.
func (q question) until() time.Time {
	if q.closed && q.closedAt.Before(q.expires) {
		return q.closedAt.Add(StaleQuestion)
	}
	return q.expires.Add(StaleQuestion)
}

// reply is what a message means for the member's open question.
type reply struct {
	handled bool   // it is a reply: the router runs line or says say, nothing else
	line    string // the command the answer runs as the member
	say     string // or the catalog key the bot answers with
	args    []any
}

// Expect lets a plain reply from the member answer what the handler has
// just asked (a quiz question): a yes/no word or an option's number, said
// where the member asked or in the DM their private reply went to, within
// ConfirmTTL, runs the line a maps it to as this member. See the rules at
// the top of pending.go.
func (c *Call) Expect(a Answers) {
	private := c.Command != nil && c.Command.Private
	now := c.bot.opt.Now()
	c.bot.confirms.ask(c.question(a, "", private, now), now)
}

// question is an open question for the call's member, here; private is
// whether the reply that asks it is private (it may go by DM).
func (c *Call) question(a Answers, nonce string, private bool, now time.Time) question {
	return question{user: c.Event.User.Key(), channel: c.Event.Channel.ID,
		dm:      c.Event.Channel.DM || (private && !c.Event.PrivateReplies),
		answers: a, nonce: nonce, expires: now.Add(ConfirmTTL)}
}

// ask opens q, replacing the member's question (unless q is asked in
// passing and that one is open), and forgets questions past remembering.
func (cs *confirmations) ask(q question, now time.Time) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	for u, o := range cs.asked {
		if !now.Before(o.until()) {
			delete(cs.asked, u)
		}
	}
	if o, ok := cs.asked[q.user]; ok && q.answers.Passing && !o.closed && now.Before(o.expires) && !o.answers.Passing {
		return // "Hjälpte svaret?" does not replace an open quiz question
	}
	cs.asked[q.user] = q
}

// reply reads an event from a member for their question: an accepted
// answer uses the question (and its button) up and returns the command to
// run; an answer it does not take leaves it open; anything else the member
// does there closes it. text is the message with the prefix or mention
// stripped; addressed, whether it was for the bot.
func (cs *confirmations) reply(ev Event, text string, addressed bool, now time.Time) reply {
	said := ""
	if ev.Kind == EventMessage {
		said = parseAnswer(text)
	}
	key := ev.User.Key()
	cs.mu.Lock()
	defer cs.mu.Unlock()
	q, ok := cs.asked[key]
	if !ok || !q.here(ev) || !now.Before(q.until()) {
		return reply{} // nothing asked of this member here (another member's "ja" ends here)
	}
	open := !q.closed && now.Before(q.expires)
	if open && q.answers.Passing && said != "" && (acknowledges(text) || !addressed || said == "no" && thanks(text)) {
		// "ok tack" after an answer is talk, not a vote, and so is "nej
		// tack" (nothing more, thanks); in a shared channel a "nej" not
		// said to the bot is said to someone else.
		return reply{}
	}
	switch {
	case open && said != "":
		line, ok := q.lineFor(said)
		if !ok && said == "no" && stops(text) {
			// "avbryt", "stopp" to a quiz: the member stops; the question
			// is over (the course keeps their place).
			cs.close(q, now)
			return reply{handled: true, say: "answer.stopped"}
		}
		if !ok {
			if q.interrupted && !isNumber(said) {
				return reply{} // the member has moved on: "ok" is talk
			}
			return q.expected()
		}
		delete(cs.pending, q.nonce)
		delete(cs.asked, key) // answered: the conversation is over
		if line == "" {
			return reply{handled: true, say: "answer.cancelled"}
		}
		return reply{handled: true, line: line}
	case open && q.answers.Keep:
		q.interrupted = true
		cs.asked[key] = q
	case open:
		cs.close(q, now)
	case said != "" && addressed && !acknowledges(text):
		if _, plausible := q.lineFor(said); plausible {
			return reply{handled: true, say: "answer.none"}
		}
	}
	return reply{}
}

// here reports whether ev is where q was asked: the same channel, or the
// member's DM with the bot when q may be answered there.
func (q question) here(ev Event) bool {
	return q.channel == ev.Channel.ID || (q.dm && ev.Channel.DM)
}

// close stops q taking answers (its button, if any, still works) and
// keeps it in memory StaleQuestion longer for a late "ja".
func (cs *confirmations) close(q question, now time.Time) {
	q.closed, q.closedAt = true, now
	cs.asked[q.user] = q
}

// done forgets the member's question when it was asked where ev is: the
// command the member ran answered it.
func (cs *confirmations) done(ev Event) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if q, ok := cs.asked[ev.User.Key()]; ok && q.here(ev) {
		delete(cs.asked, q.user)
	}
}

// Answered tells the bot that the command answered the member's question
// here (a quiz answer typed as `learn answer:2` or clicked, after which the
// handler asks nothing more): the conversation is over, and a later "ok"
// or "2" is any other message. See the rules at the top of pending.go.
func (c *Call) Answered() {
	c.bot.confirms.done(c.Event)
}

// lineFor returns the command answer said runs, and whether q takes it.
func (q question) lineFor(said string) (string, bool) {
	switch said {
	case "yes":
		return q.answers.Yes, q.answers.Yes != ""
	case "no":
		return q.answers.No, q.answers.Yes != "" || q.answers.No != ""
	}
	n, _ := strconv.Atoi(said)
	if n < 1 || n > len(q.answers.Options) {
		return "", false
	}
	return q.answers.Options[n-1], true
}

// isNumber reports whether an answer parseAnswer read is a number.
func isNumber(said string) bool {
	_, err := strconv.Atoi(said)
	return err == nil
}

// expected says what q takes.
func (q question) expected() reply {
	if n := len(q.answers.Options); n > 0 {
		return reply{handled: true, say: "answer.expected_number", args: []any{n}}
	}
	return reply{handled: true, say: "answer.expected_yes_no"}
}

// answered acts on a reply to a question the bot asked: it says what the
// reply says and reports true; or, when the reply runs a command, it marks
// the call as the member's own confirmation, like a click on their button,
// and the router goes on with the command.
func (b *Bot) answered(ctx context.Context, call *Call, r reply) bool {
	if !r.handled {
		return false
	}
	call.label = "answer"
	if r.say == "" {
		call.confirmed = true
		return false
	}
	if err := call.Reply(ctx, Reply{Text: call.T(r.say, r.args...), Ephemeral: true}); err != nil {
		b.log.WarnContext(ctx, "reply failed", "platform", call.Event.Platform, "err", err)
	}
	return true
}

// maxAnswer is the longest text read as an answer, in bytes.
const maxAnswer = 64

// The words of a yes, of a no, that may follow either ("nej tack", "yes
// please"), and that may come before a number ("svar 2"). They are
// compared with repeated letters collapsed: "jaaa", "nää", "stopp".
const (
	yesWords    = "ja japp jepp jo jajamen absolut visst gärna okej ok okay yes yep yeah yup sure"
	noWords     = "nej nä nää nix nope no nah avbryt cancel stop stopp ångra sluta quit"
	fillers     = "tack tackar thanks thank you thx ty please pls gärna visst klart det då så är bra mycket just nu kör gör do it go ahead"
	numberWords = "svar answer alternativ option nr nummer number"
)

// stopWords end a question that takes no yes or no (a quiz): "avbryt",
// "stopp", "sluta".
const stopWords = "avbryt cancel stop stopp sluta quit ångra"

// stops reports whether a short reply says stop.
func stops(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if inList(stopWords, w) {
			return true
		}
	}
	return false
}

// ackWords acknowledge what the bot said rather than answer a question
// ("ok", "ok tack"): to a question that is open they are a yes, to one
// that closed or expired they are small talk, never "I'm not waiting".
const ackWords = "ok okej okay okey oki"

// thanks reports whether a short reply thanks ("nej tack", "no thanks").
func thanks(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "tack", "tackar", "thanks", "thank", "thx", "ty":
			return true
		}
	}
	return false
}

// acknowledges reports whether a short reply is an acknowledgement: it has
// an ack word ("ok tack", "okej då").
func acknowledges(text string) bool {
	if len(text) > maxAnswer {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if inList(ackWords, w) {
			return true
		}
	}
	return false
}

// parseAnswer reads a short reply: "yes", "no", an option's number ("2"),
// or "" when text is not an answer. Case, punctuation and emoji do not
// matter; a question mark makes it a question, not an answer.
func parseAnswer(text string) string {
	if len(text) > maxAnswer || strings.Contains(text, "?") {
		return ""
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return ""
	}
	if n, err := strconv.Atoi(words[len(words)-1]); err == nil && n >= 1 && n <= 99 {
		for _, w := range words[:len(words)-1] {
			if !inList(numberWords, w) {
				return ""
			}
		}
		return strconv.Itoa(n)
	}
	kind := answerKind(words[0])
	if kind == "" {
		return ""
	}
	for _, w := range words[1:] {
		if k := answerKind(w); k != kind && !inList(fillers, w) {
			return ""
		}
	}
	return kind
}

// answerKind is "yes", "no" or "" for one word.
func answerKind(w string) string {
	switch {
	case inList(yesWords, w):
		return "yes"
	case inList(noWords, w):
		return "no"
	}
	return ""
}

// collapse reduces runs of the same letter to one: "jaaa" → "ja". A word
// without runs is returned as it is, without allocating.
func collapse(w string) string {
	if !hasRun(w) {
		return w
	}
	var b strings.Builder
	var last rune
	for _, r := range w {
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

// inList reports whether w is one of the words in list, repeated letters
// collapsed.
func inList(list, w string) bool {
	w = collapse(w)
	for l := range strings.FieldsSeq(list) {
		if collapse(l) == w {
			return true
		}
	}
	return false
}

func hasRun(w string) bool {
	var last rune
	for _, r := range w {
		if r == last {
			return true
		}
		last = r
	}
	return false
}
