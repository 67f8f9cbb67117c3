package commands

import (
	"context"
	_ "embed"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"passionbot/bot"
	"passionbot/knowledge"
)

// Small talk by example: the phrases and rules of smalltalk.go and
// aboutbot.go read the lines they were written for, and a member's new
// phrasing of the same thing ("sitter det nån person bakom skärmen?",
// "Olle här, driver ett bryggeri") slips past them. chatexamples.tsv holds
// some 2,700 small-talk lines members wrote, each with its intent, and the
// knowledge questions of the tuning sets, labelled "q": a line the rules
// pass by is read as the intent of the small-talk lines it is nearest to,
// when it is near enough to them and nearer to them than to any question
// (before the knowledge base, which would answer "pouring rain here in
// Halmstad" with a topic that names Halmstad).

//go:embed chatexamples.tsv
var chatExamplesTSV string

// chatLabel is an example's meaning: a small-talk intent, or chatNone for
// a question.
type chatLabel struct {
	intent chatIntent
	lang   string
}

// chatNN finds the examples nearest to a line: cosine similarity of
// tf-idf weighted features (folded words, word pairs and the letter
// trigrams of each word, which carry typos and inflections).
type chatNN struct {
	labels []chatLabel
	norms  []float64
	idf    map[string]float64
	post   map[string][]chatPosting // feature → examples that have it
	dots   sync.Pool                // *[]float32: a line's dot product with each example
}

// chatPosting is one example's weight of a feature.
type chatPosting struct {
	ex int32
	w  float32
}

// chatIntentNames name the intents in chatexamples.tsv (the catalog keys'
// last part).
var chatIntentNames = map[string]chatIntent{"ack": chatAck, "unsure": chatUnsure, "remark": chatRemark, "greet": chatGreet,
	"morning": chatMorning, "evening": chatEvening, "intro": chatIntro, "sorry": chatSorry,
	"praise": chatPraise, "thanks": chatThanks, "bye": chatBye, "how": chatHowAreYou, "what": chatWhat,
	"languages": chatLanguages, "personal": chatPersonal, "who": chatWho, "human": chatHuman, "q": chatNone}

var chatExamples = sync.OnceValue(func() *chatNN { return buildChatNN(chatExamplesTSV, nil) })

// buildChatNN indexes the examples of tsv (intent, language, line), all but
// those skip reports true for (cross-validation leaves a set out).
func buildChatNN(tsv string, skip func(line string) bool) *chatNN {
	nn := &chatNN{idf: map[string]float64{}, post: map[string][]chatPosting{}}
	var feats []map[string]float64
	rows := strings.Split(tsv, "\n")
	// The rules' phrases are examples too ("god afton", "tack så
	// hemskt"), all but fillers and the openings of introductions.
	names := map[chatIntent]string{}
	for n, i := range chatIntentNames {
		names[i] = n
	}
	for _, group := range chatPhrases {
		if group.intent == chatFiller || group.intent == chatIntro {
			continue
		}
		for _, p := range strings.Split(group.list, "|") {
			for i, e := range expandPhrase(p) {
				if i >= chatPhraseForms {
					break
				}
				rows = append(rows, names[group.intent]+"\t"+group.lang+"\t"+e)
			}
		}
	}
	for _, row := range rows {
		f := strings.SplitN(row, "\t", 3)
		if len(f) != 3 || strings.HasPrefix(row, "#") {
			continue
		}
		intent, ok := chatIntentNames[f[0]]
		if !ok || (skip != nil && skip(f[2])) {
			continue
		}
		nn.labels = append(nn.labels, chatLabel{intent: intent, lang: f[1]})
		ft := chatFeatures(f[2])
		feats = append(feats, ft)
		for k := range ft {
			nn.idf[k]++
		}
	}
	n := float64(len(feats))
	for k, df := range nn.idf {
		nn.idf[k] = math.Log(1 + n/df)
	}
	nn.norms = make([]float64, len(feats))
	for i, ft := range feats {
		var sum float64
		for k, tf := range ft {
			w := tf * nn.idf[k]
			nn.post[k] = append(nn.post[k], chatPosting{ex: int32(i), w: float32(w)})
			sum += w * w
		}
		nn.norms[i] = math.Sqrt(sum)
	}
	nn.dots.New = func() any {
		d := make([]float32, len(nn.labels))
		return &d
	}
	return nn
}

// chatFeatures are text's features with their counts: each folded word,
// each pair of words in a row, and each word's letter trigrams (with its
// ends marked).
func chatFeatures(text string) map[string]float64 {
	words := chatWords(text)
	ft := make(map[string]float64, 8*len(words))
	for i, w := range words {
		ft["w "+w]++
		if i > 0 {
			ft["p "+words[i-1]+" "+w]++
		}
		r := []rune("<" + w + ">")
		for j := 0; j+3 <= len(r); j++ {
			ft["t "+string(r[j:j+3])] += 0.5
		}
	}
	return ft
}

// chatNeighbour is an example and its similarity to a line.
type chatNeighbour struct {
	chatLabel
	sim float64
}

// nearest returns the chatK small-talk examples most similar to text, most
// similar first, and the similarity of the nearest question.
func (nn *chatNN) nearest(text string) (chat []chatNeighbour, question float64) {
	ft := chatFeatures(text)
	dot := nn.dots.Get().(*[]float32)
	defer nn.dots.Put(dot)
	clear(*dot)
	var norm float64
	for k, tf := range ft {
		idf, ok := nn.idf[k]
		if !ok {
			// A feature no example has still counts in the line's norm:
			// words the examples never use make it less like them.
			idf = math.Log(1 + float64(len(nn.labels)))
		}
		w := tf * idf
		norm += w * w
		w32 := float32(w)
		for _, p := range nn.post[k] {
			(*dot)[p.ex] += w32 * p.w
		}
	}
	if norm == 0 {
		return nil, 0
	}
	norm = math.Sqrt(norm)
	for ex, d := range *dot {
		if d == 0 {
			continue
		}
		sim := float64(d) / (norm * nn.norms[ex])
		if nn.labels[ex].intent == chatNone {
			question = max(question, sim)
			continue
		}
		if len(chat) == chatK && sim <= chat[chatK-1].sim {
			continue
		}
		n := chatNeighbour{chatLabel: nn.labels[ex], sim: sim}
		i := sort.Search(len(chat), func(i int) bool { return chat[i].sim < sim })
		if len(chat) < chatK {
			chat = append(chat, chatNeighbour{})
		}
		copy(chat[i+1:], chat[i:])
		chat[i] = n
	}
	return chat, question
}

// Thresholds of classify, chosen by leaving each example set out in turn
// (TestChatExamplesCrossValidated) and reading the questions of knowledge
// sets that are no examples.
const (
	// chatMinSim is how similar a line must be to its nearest small-talk
	// example, and chatMinSimSubject a line that names something the
	// knowledge base is about ("hur går det för Varbergs BoIS?").
	chatMinSim, chatMinSimSubject = 0.25, 0.45
	// chatMargin is how much nearer that example must be than the
	// nearest question, and chatMarginSubject for a line that names
	// subject matter.
	chatMargin, chatMarginSubject = 0.0, 0.10
	// chatMinSimFar and chatFarRatio let a line that names subject matter
	// be small talk when it is this near small talk and this many times
	// nearer to it than to any question.
	chatMinSimFar, chatFarRatio = 0.35, 3
	// chatK is how many small-talk neighbours vote on the intent, and
	// chatBand how far below the nearest one a voter may be.
	chatK, chatBand = 5, 0.15
	// chatPhraseForms is how many of the forms a phrase with alternatives
	// stands for are examples ("är du [bot/robot/…]"): the first few
	// carry its shape, and all of them would make the examples five times
	// as many.
	chatPhraseForms = 3
)

// classify reads text as the intent of the small-talk examples nearest to
// it, with their language, or chatNone. subject says whether the text
// names something the knowledge base is about: such a line must be
// nearer still.
func (nn *chatNN) classify(text string, subject bool) chatLabel {
	if len([]rune(text)) > maxChatRunes || !strings.ContainsFunc(text, unicode.IsLetter) {
		return chatLabel{} // a number or an emoji alone is chatter, not like any example
	}
	chat, bestQ := nn.nearest(text)
	if len(chat) == 0 {
		return chatLabel{}
	}
	bestChat := chat[0].sim
	votes := map[chatIntent]float64{}
	langVotes := map[string]float64{}
	for _, n := range chat {
		if n.sim >= bestChat-chatBand {
			votes[n.intent] += n.sim
			langVotes[n.lang] += n.sim
		}
	}
	minSim, margin := chatMinSim, chatMargin
	if subject {
		minSim, margin = chatMinSimSubject, chatMarginSubject
	}
	near := bestChat >= minSim && bestChat >= bestQ+margin
	// A line naming subject matter that is fairly near small talk and
	// far from every question ("Är du en AI eller sitter det en riktig
	// männsika och knappar på andra sidan?").
	far := subject && bestChat >= chatMinSimFar && bestChat >= chatFarRatio*bestQ
	if !near && !far {
		return chatLabel{}
	}
	var out chatLabel
	var top float64
	for intent, v := range votes {
		if v > top || (v == top && intent > out.intent) {
			out.intent, top = intent, v
		}
	}
	switch {
	case langVotes["sv"] > langVotes["en"]:
		out.lang = "sv"
	case langVotes["en"] > langVotes["sv"]:
		out.lang = "en"
	}
	return out
}

// replyByExample answers text as small talk when the examples read it so
// (read), and reports whether it did.
func (*smallTalk) replyByExample(ctx context.Context, c *bot.Call, text string, words func(string) (subject, other []string)) (bool, error) {
	l := chatExamples().read(text, words)
	if l.intent == chatNone {
		return false, nil
	}
	if lang, sure := knowledge.DetectLang(text); sure {
		// The line's own words say its language ("ah, that explains
		// it"), more surely than its neighbours' ("ah" is Swedish too).
		l.lang = lang
	}
	return true, chatReply(ctx, c, text, l.intent, l.lang)
}

// read reads text as small talk by example (classify), or chatNone when its
// form or words make it no small talk. words reads the text's words
// (namesSomething); nil when the knowledge base found the text to be about
// the bot itself, and its subject matter does not count.
func (nn *chatNN) read(text string, words func(string) (subject, other []string)) chatLabel {
	ws := chatWords(text)
	if len(ws) == 0 {
		return chatLabel{}
	}
	shape := readShape(text, ws)
	if shape.question || slices.ContainsFunc(ws, func(w string) bool { _, ok := botFeatures[w]; return ok }) {
		// A question not put to the bot, or one naming what the bot
		// does ("Do you store what I write here?": its privacy topic).
		return chatLabel{}
	}
	names, ok := false, true
	if words != nil {
		names, ok = namesSomething(text, ws, shape, words)
	}
	if !ok {
		return chatLabel{}
	}
	l := nn.classify(text, names)
	if strings.ContainsAny(text, "?？") && (statementIntents[l.intent] || l.intent == chatSorry && names && slices.ContainsFunc(ws, func(w string) bool { return openingWords[w] })) {
		// "is this community free?" is no praise: a question is not
		// thanks, praise, a goodbye or a remark, nor an apology that
		// asks with a question word about what the base is about
		// ("ursäkta att jag stör, men hur vet jag om mitt företag är
		// passionsdrivet?").
		return chatLabel{}
	}
	addressed := shape.addressed
	if (l.intent == chatBye || l.intent == chatPraise) && exclamation(text) && !addressed {
		// "vilken fin dag det är idag", "Vilken härlig dag det är idag"
		// exclaim; they take no leave and praise no bot.
		return chatLabel{intent: chatRemark, lang: l.lang}
	}
	// Unaddressed, a personal line speaks of the member (readShape: the
	// Swedish "i" is no "I").
	if (toTheBot[l.intent] || l.intent == chatUnsure && tellsOfSelf(ws)) && !addressed && !strings.ContainsAny(text, "?？") &&
		shape.personal && remarkLine(text) {
		// "Jag hade en lång dag i smedjan today", "omg i sold 3 jackets
		// today!!", "usch vad trött jag är": the member tells of their
		// day; it asks the bot nothing, and finds no fault with it when
		// it says what they did or how they are ("nu blev jag helt
		// förvirrad" still does).
		return chatLabel{intent: chatRemark, lang: l.lang}
	}
	if l.intent == chatBye && (ws[0] == "men" || ws[0] == "but") {
		// "men jag måste ju ändå betala hyran…" goes on talking: no
		// goodbye by example.
		return chatLabel{}
	}
	return l
}

// feelings are the words of how one feels (folded), the moods of
// moodWords without their "quite", "still" and "back".
var feelings = foldedSet(`:trött glad ledsen sjuk stressad förkyld slut hungrig törstig uttråkad nöjd arg sur pigg
	lycklig orolig nervös tired happy sad sick ill stressed hungry thirsty bored pleased angry grumpy exhausted
	knackered excited nervous worried`)

// tellsOfSelf reports whether folded words ws say what the member did or
// how they are: a first-person word with a feeling near it ("trött jag
// är", "I am happy"), or before what they did ("i sold", "jag har sålt").
func tellsOfSelf(ws []string) bool {
	for i, w := range ws {
		if !firstPerson[w] {
			continue
		}
		for _, n := range ws[max(0, i-2):min(len(ws), i+3)] {
			if _, feels := feelings[n]; feels {
				return true
			}
		}
		next := i + 1
		if next < len(ws) {
			if _, perfect := perfectOpeners[ws[next]]; perfect {
				next++ // "jag har sålt"
			}
		}
		if next < len(ws) && participle(ws[next]) {
			return true
		}
	}
	return false
}

// statementIntents are the intents a question cannot have.
var statementIntents = map[chatIntent]bool{chatAck: true, chatRemark: true, chatIntro: true, chatPraise: true,
	chatThanks: true, chatBye: true, chatMorning: true, chatEvening: true}

// namesSomething reports whether text (of folded words ws, of form
// shape) names something the knowledge base is about, or asks about
// something neither it nor everyday language knows ("how do you book the
// kiln?"): words reads its words. ok is false for a line that is no small
// talk by example at all: a question naming subject matter that opens
// with a question word ("hur går det för Varbergs BoIS i år?", "vad
// kostar tåget till Göteborg"), speaks neither to the bot nor of the
// member ("is Veronica still working at Region Halland") or asks for
// something ("any good innovation software you'd recommend"), and a
// request about something everyday language does not know ("tell me
// about the ferry prices to Anholt"); "har du varit i Halmstad?" may be
// small talk.
func namesSomething(text string, ws []string, shape lineShape, words func(string) (subject, other []string)) (names, ok bool) {
	subject, other := words(text)
	switch {
	case len(subject) > 0:
		return true, !openingWords[ws[0]] && (!shape.asks || shape.personal) && !shape.request
	case len(other) > 0:
		return shape.asks, !shape.request
	}
	return false, true
}

// lineShape is what a line's form says, whatever its words are about.
type lineShape struct {
	// asks: a question mark, or a question's first word.
	asks bool
	// personal: it speaks to the bot or of the member.
	personal bool
	// addressed: a word of it addresses the bot (addressesBot).
	addressed bool
	// request: it asks for something (asksFor).
	request bool
	// question: a question word not put to the bot ("vilken dag är det
	// idag", "what day is it today?", not "vilken solig dag!"), or a word
	// that asks ("undrar", "räknas", "need").
	question bool
}

// addressesBot reports whether a folded word of ws addresses the bot or
// names what it may be ("du", "you", "bot").
func addressesBot(ws []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { _, ok := botAddress[w]; return ok })
}

// readShape reads the form of text, of folded words ws.
func readShape(text string, ws []string) lineShape {
	mark := strings.ContainsAny(text, "?？")
	addressed := addressesBot(ws)
	// "i" is Swedish "in" as often as English "I": in a line surely
	// Swedish it is no one ("Vilka andra i gruppen håller på med …?").
	lang, sure := knowledge.DetectLang(text)
	swedish := sure && lang == bot.LangSV
	firstP := slices.ContainsFunc(ws, func(w string) bool { return firstPerson[w] && !(w == "i" && swedish) })
	l := lineShape{
		asks:      mark || (len(ws) > 0 && interrogatives[ws[0]]),
		personal:  addressed || firstP,
		addressed: addressed,
		request:   asksFor(ws),
	}
	l.question = slices.ContainsFunc(ws, func(w string) bool { _, ok := askingWords[w]; return ok }) || asksOfSelf(text) ||
		(asksOfAnyone(ws) && !l.personal) ||
		(len(ws) > 1 && openingWords[ws[0]] && ws[0] != "hur" && ws[0] != "how" && !l.personal &&
			(mark || personAsks[ws[0]] || slices.ContainsFunc(ws[1:min(4, len(ws))], func(w string) bool { return copulas[w] })))
	return l
}

// asksOfSelf reports whether a clause of text asks whether the member
// is passion-driven ("…, zero desire to grow big. am i passion driven",
// "är jag passionsdriven då"): the self-test, though it may follow a
// whole introduction.
func asksOfSelf(text string) bool {
	for _, clause := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",.!?;:…", r) }) {
		ws := chatWords(clause)
		if len(ws) < 3 || !selfWords[ws[1]] || !slices.ContainsFunc(ws[2:], func(w string) bool { return passionWords[w] }) {
			continue
		}
		if _, ok := yesNoOpeners[ws[0]]; ok || ws[0] == "am" || ws[0] == "blir" || ws[0] == "becomes" {
			return true
		}
	}
	return false
}

// asksOfAnyone reports whether folded words ws open a yes/no question
// about anyone or anything but the bot ("kan man tjäna pengar på det",
// "finns det en film om det här?"): a question for the knowledge base,
// however near small talk its words are — unless it speaks of the
// member or the bot ("funkar det om jag blandar svenska och engelska?",
// readShape) or names what the bot is or does.
func asksOfAnyone(ws []string) bool {
	if len(ws) < 3 {
		return false
	}
	if _, ok := yesNoOpeners[ws[0]]; !ok || !impersonal[ws[1]] {
		return false
	}
	// "är det en människa som svarar här?", "finns det några kommandon?"
	// ask about the bot itself.
	return !slices.ContainsFunc(ws[2:], func(w string) bool {
		i := aboutLexicon[w].intent
		return i == chatWho || i == chatWhat || i == chatLanguages
	})
}

// impersonal are the subjects of a question about anyone or anything.
var impersonal = map[string]bool{"man": true, "det": true, "de": true, "dom": true, "nagon": true, "nan": true,
	"it": true, "there": true, "one": true, "they": true, "anyone": true, "someone": true, "people": true}

// passionWords name what the self-test tells (folded).
var passionWords = map[string]bool{"pasion": true, "pasionsdriven": true, "pasionsdrivet": true,
	"pasionsdrivna": true, "driven": true}

// selfWords are the folded words for the member (and those with them)
// that follow a yes/no opener in a question about themselves.
var selfWords = map[string]bool{"i": true, "jag": true, "we": true, "vi": true, "my": true, "min": true,
	"mitt": true, "mina": true, "our": true}

// personAsks are the question words that ask for people ("vem mer
// gillar musik här"): a question even without a question mark.
var personAsks = map[string]bool{"vem": true, "vilka": true, "vems": true, "who": true, "whose": true}

// speakers are the subjects that, before a negated modal, make a
// statement of what one cannot do (folded); negations negate it.
var (
	speakers  = map[string]bool{"i": true, "jag": true, "we": true, "vi": true, "ja": true}
	negations = map[string]bool{"not": true, "inte": true, "never": true, "aldrig": true, "int": true}
)

// asksFor reports whether folded words ws ask for something: a request
// verb opening them ("tell me about …", "rekommendera …") or after a
// modal ("kan du berätta", "any good software you'd recommend"), not one
// in a statement ("det tråkigaste jag vet").
func asksFor(ws []string) bool {
	for i, w := range ws {
		if _, ok := requestVerbs[w]; !ok {
			continue
		}
		if i == 0 {
			return true
		}
		for j := max(0, i-3); j < i; j++ {
			// "I can't find …", "jag kan inte hitta …", "I don't know":
			// the member says what they cannot do, and asks nothing.
			if _, modal := requestModals[ws[j]]; modal && !(j > 0 && speakers[ws[j-1]] && j+1 < i && negations[ws[j+1]]) {
				return true
			}
		}
	}
	return false
}

// askingWords make a line a question wherever they stand: the member
// wonders or needs something, or asks what counts.
var askingWords = foldedSet(`:undrar undra undrade wonder wondering wondered räknas räknar count counts behöver
	need needs`)

// botTopics are the knowledge base's topics about the bot itself, which
// answer what small talk answers: who it is and how to talk to it.
var botTopics = map[string]bool{"bot-about": true, "bot-how-to-ask": true, "bot-organisers": true}
