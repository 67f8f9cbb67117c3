package commands

import (
	"slices"
	"strings"
	"unicode/utf8"

	"passionbot/bot"
	"passionbot/knowledge"
)

// Talk about the bot itself. Members ask the bot about itself in endless
// ways ("vilket namn har du?", "do you ever sleep?", "is someone typing
// this or is it automatic?", "vilken duktig bot"): more than phrase lists
// can hold. A line is such talk when it addresses the bot (du, dig, you,
// your, bot, AI …, not only as the "you" of a request like "can you tell
// me …" or the "you" of "how do you book …") and says nothing the
// knowledge base is about: none of its other words is the base's subject
// matter. The reply is small talk: who the bot is, what it can do, how it
// is, or that it has no favourites of its own, each with something to
// try. A line with a word neither the base nor everyday language knows
// ("do you know zoom") is such talk only when a word says what it asks of
// the bot ("do you like pizza").

// aboutBotWords is the most words a line about the bot may have.
const aboutBotWords = 14

// aboutLexicon holds the words that say what a line asks of the bot, by
// the intent of the reply and language: folded as chatWords folds.
var aboutLexicon = buildAboutLexicon([]struct {
	intent chatIntent
	lang   string
	words  string
}{
	{chatWho, "sv", `namn heter hete kallas kalla människa människor person riktig riktigt levande medveten
		programmerad programmerade gjord gjorde gjort byggd byggde byggt skapad skapade skapat skapare bakom
		äger ägare lever skriver skrivit gammal ålder född bor ifrån varifrån kommer kön kille tjej egentligen
		dator maskin program medvetande smart smartare smartast intelligent intelligens drivs version modell vem
		samma varelse sorts slags kod koden algoritm algoritmen`},
	{chatWho, "en", `name named called call human humans person real alive conscious sentient programmed made
		built created creator behind owner owns live lives typing writing typed old age born from come gender
		really actually computer machine program someone somebody smart smarter smartest intelligent
		intelligence powered version model who same creature kind sort deal code algorithm`},
	{chatPersonal, "sv", `gillar gilla älskar favorit favoriter hobby hobbies hobbys känslor sover sova sömn äter äta
		drömmer drömma tänker tycker tror uttråkad trött glad ledsen ensam gift flickvän pojkvän familj
		musik mat färg film filmer väder vädret skämt skämta sjunga sjunger dansa dansar skratta
		husdjur katt hund kaffe fika öl sport fotboll spela spelar spel läsa läser semester jul födelsedag
		åsikt smak godis vin te sommar vinter resa reser bil hejar supporter fritid fritiden helgen dricker
		druckit någonsin fryser frusen kall kallt varm varmt hungrig törstig sjuk förkyld ont ledig semestern
		betalt lön jobb jobbet själv vänner kompisar lycklig gifta julklapp önskar helg`},
	{chatPersonal, "en", `like likes love loves favourite favorite favourites favorites hobby hobbies hobbys feelings
		sleep sleeping eat eating dream dreams think believe bored tired happy sad lonely married girlfriend
		boyfriend family music food color colour movie movies film books weather joke jokes sing dance
		laugh pets pet cat dog coffee tea beer sport sports football games vacation holiday christmas
		birthday opinion taste candy wine summer winter car enjoy fun support supporter team free spare weekend
		drink drinking ever cold hot hungry thirsty sick ill hurt pain off paid salary job own friends marry
		wish present`},
	{chatWhat, "sv", `hjälpa hjälp göra gör kan kunna klarar förmåga förmågor kunskaper färdigheter använda
		används använder svara svarar kommandon funktioner syfte funkar fungerar erbjuda erbjuder tips lära
		lär vet veta bra duger talar pratar förstår superkrafter krafter`},
	{chatWhat, "en", `help helping do skills skill able capable use used answer answers commands features
		purpose function functions work works offer tips learn teach know good speak understand superpowers
		powers`},
	{chatLanguages, "sv", `svenska engelska språk språket språken arabiska tyska franska spanska finska polska
		norska persiska somaliska tigrinja ryska ukrainska italienska nederländska holländska kinesiska`},
	{chatLanguages, "en", `swedish english language languages arabic german french spanish finnish polish
		norwegian danish persian farsi somali russian ukrainian italian dutch chinese`},
	{chatHowAreYou, "sv", `mår känns känner läget dagen humöret trasig trasigt stressad chillar chill upptagen
		arg sur trött pigg lyssnar`},
	{chatPraise, "sv", `klok klokt söt gullig gulligt rolig roligt snäll snällt fin fint duktig hjälpsam trevlig
		charmig underbar fantastisk grym grymt`},
	{chatPraise, "en", `clever nice sweet cute adorable funny kind helpful great lovely charming awesome brilliant amazing
		wonderful fantastic`},
	{chatUnsure, "sv", `snackar menar seriös allvarlig sämsta sämre sämst dålig dåligt dåliga värdelös värdelöst dum dumt korkad korkat seg långsam
		långsamt lyssnar ordentligt fel felaktigt konstig konstigt obegriplig obegripligt ens`},
	{chatUnsure, "en", `talking mean serious worst worse bad terrible awful useless wrong stupid dumb slow listening properly sense weird
		strange confusing even`},
	{chatHowAreYou, "en", `going doing day feel feeling mood holding hanging life treating broken stressed chill
		chilling busy angry grumpy listening`},
})

// aboutWord is what a word of aboutLexicon means. other is what it means
// in the other language when the two fold alike ("född" and "food").
type aboutWord struct {
	intent chatIntent
	lang   string
	other  *aboutWord
}

// in returns what the word means in a line whose words so far say sv and
// en times that they are Swedish and English.
func (a aboutWord) in(sv, en int) aboutWord {
	if a.other != nil && ((a.lang == bot.LangSV && en > sv) || (a.lang == bot.LangEN && sv > en)) {
		return *a.other
	}
	return a
}

func buildAboutLexicon(groups []struct {
	intent chatIntent
	lang   string
	words  string
}) map[string]aboutWord {
	m := map[string]aboutWord{}
	for _, g := range groups {
		for _, w := range chatWords(g.words) {
			a, dup := m[w]
			switch {
			case !dup:
				m[w] = aboutWord{intent: g.intent, lang: g.lang}
			case a.intent != g.intent && a.lang != g.lang && a.lang != "" && g.lang != "" && a.other == nil:
				a.other = &aboutWord{intent: g.intent, lang: g.lang}
				m[w] = a
			case a.intent == g.intent && a.lang != g.lang:
				a.lang = "" // "hobby", "sport": either language
				m[w] = a
			}
		}
	}
	return m
}

// foldedSet is the set of the folded words of list.
func foldedSet(list string) map[string]string {
	m := map[string]string{}
	for _, part := range strings.Split(list, "|") {
		lang, words, _ := strings.Cut(part, ":")
		for _, w := range chatWords(words) {
			m[w] = lang
		}
	}
	return m
}

var (
	// botAddress are the words that address the bot or name what it may
	// be, by language ("" for either).
	botAddress = foldedSet(`sv:du dig dej din ditt dina ni er|en:you your yours yourself ya|:bot boten botten bots
		passionbot passionboten chatbot chatboten chattbot chatbots chatbotar ai ais chatgpt gpt bard copilot
		robot roboten robots robotar bots botar chattrobot chatrobot assistant assistent
		automatic automated automatisk automatiskt automatiserad siri alexa cortana gemini claude typing`)
	// botOutput are the words that name what the bot said ("det där var
	// det sämsta svaret", "what kind of answer is that"): they address it
	// too, and a line about them without more to say is a reaction.
	botOutput = foldedSet(`sv:svaret svar svaren|en:answer answers reply response`)
	// requestModals and requestVerbs make the "you" of a request for
	// something else ("kan du berätta …", "could you explain …", "do you
	// know …"): that "you" does not make the line about the bot.
	requestModals = foldedSet(`:kan kunde skulle vill kanske can could would will do did have`)
	requestVerbs  = foldedSet(`:berätta förklara säga visa ge tipsa rekommendera hitta lista beskriva
		vet känner hört koll tell explain say show give recommend suggest find list describe know heard
		remember minns`)
	// requestAfter are the words after a request verb that ask nothing
	// yet ("kan du berätta för mig", "can you tell me").
	requestAfter = foldedSet(`:mig oss me us för till om snälla please lite little bit more mer gärna`)
	// botFeatures are what the bot offers that the knowledge base
	// explains ("is there a course in the bot?"): a line naming one is a
	// question for the base, even where the word is everyday language.
	botFeatures = foldedSet(`:kurs kursen kurser lektion lektioner quiz träff träffar träffen meetup meetups
		event events intressen intresse interests interest course courses lesson lessons privacy integritet
		data uppgifter matchning matching match profil profile sparar spara sparas lagrar lagra store stores
		stored save saves saved radera raderar delete deletes gdpr`)
	// genericAsk opens an English question whose "you" is anyone ("how do
	// you book the kiln"), unless the verb after it is about the bot.
	genericAsk = foldedSet(`:how where when what which who`)
	// genericModals stand between genericAsk and that "you".
	genericModals = foldedSet(`:do does can could should would`)
)

// recognizeAboutBot reads text as talk about the bot: the intent of the
// reply and the language ("" when the words do not say). words sorts the
// words the base knows (knowledge.Index.Words): subject matter, and words
// unknown to the base and to everyday language. chatNone when the text is
// anything else. With lenient, for a line the base could not answer, a
// personal question or one about who or how the bot is may name the
// base's subject matter too ("do you like Sweden?", "gillar du Halmstad?").
func (v *chatVocab) recognizeAboutBot(text, hint string, words func(string) (subject, other []string), lenient bool) (chatIntent, string) {
	if utf8.RuneCountInString(text) > maxChatRunes || strings.ContainsAny(text, "0123456789") {
		return chatNone, ""
	}
	ws := v.normalize(chatWords(text))
	if len(ws) == 0 || len(ws) > aboutBotWords {
		return chatNone, ""
	}
	addressed, output, sv, en := false, false, 0, 0
	// identity: the bot itself is what the line is about ("är du Siri?",
	// "how have you been", "what's your deal, bot"), not only addressed
	// as the community's voice ("har ni öppet på söndag").
	identity, inverted := false, false
	count := func(lang string) {
		switch lang {
		case bot.LangSV:
			sv++
		case bot.LangEN:
			en++
		}
	}
	// lexical is the intent the words of aboutLexicon say, phrase the one
	// the small-talk phrases among the words say; unsure whether a word
	// finds fault.
	lexical, phrase, unsure := chatNone, chatNone, false
	strong := false  // a word that asks what the bot itself likes or has ("gillar", "own")
	origin := false  // where the bot lives or is from ("are you also from Halland?")
	praised := false // a word of praise ("du är en trevlig liten maskin")
	// paired are the words of a two-word phrase ("god kväll bot" is the
	// greeting, not "good" as in "are you any good?"): they say the
	// phrase's intent, not their own.
	paired := make([]bool, len(ws))
	mark := strings.ContainsAny(text, "?？")
	lineLang, sure := knowledge.DetectLang(text)
	// languageNear: a language is named right after "you" and its verb,
	// so "do you know Spanish?" asks what the bot speaks, not for
	// something it may know ("do you know anyone who speaks German?").
	languageNear := func(i int) bool {
		return slices.ContainsFunc(ws[i+1:min(i+3, len(ws))], func(w string) bool { return aboutLexicon[w].intent == chatLanguages })
	}
	for i := 0; i+1 < len(ws); i++ {
		// Not an introduction's opening ("I am" in "is this a robot I am
		// talking to?"), nor thanks or a goodbye in a question ("did you
		// sleep well?"), nor a phrase a question word asks about ("hur
		// funkar du?").
		if p, ok := v.phrases[ws[i]+" "+ws[i+1]]; ok && p.intent > chatAck && p.intent != chatIntro &&
			!(mark && statementIntents[p.intent]) && !paired[i] && (i == 0 || !openingWords[ws[i-1]]) {
			phrase = max(phrase, p.intent)
			count(p.lang)
			paired[i], paired[i+1] = true, true
		}
	}
	for i, w := range ws {
		if _, ok := botFeatures[w]; ok {
			return chatNone, ""
		}
		if lang, ok := botOutput[w]; ok {
			count(lang)
			output = true
			continue
		}
		w = typoOf(w)
		ws[i] = w
		if lang, ok := botAddress[w]; ok {
			count(lang)
			if (!requestYou(ws, i) || languageNear(i)) && !genericYou(ws, i) {
				addressed = true
				identity = identity || (!plural[w] && (copula(ws, i-1) || copula(ws, i+1) || lang == ""))
				// "Har du några syskon?", "Badar du i havet?": a Swedish
				// question put to "du" — singular, so the bot — asks about it.
				inverted = inverted || (w == "du" && i > 0 && !copula(ws, i-1))
			}
			continue
		}
		if paired[i] {
			continue
		}
		if a, ok := aboutLexicon[w]; ok || favourite(w) {
			if !ok {
				a = aboutWord{intent: chatPersonal}
			}
			a = a.in(sv, en)
			lexical = max(lexical, a.intent)
			unsure = unsure || a.intent == chatUnsure
			praised = praised || a.intent == chatPraise
			strong = strong || strongPersonal[w] || favourite(w)
			origin = origin || originAsked(ws, i)
			count(a.lang)
			continue
		}
		if p, ok := v.phrases[w]; ok && p.intent > chatAck && (p.lang == "" || !sure || p.lang == lineLang) {
			// A word of the other language's phrases in a line surely of
			// one says nothing ("ta" thanks in English, takes in Swedish).
			phrase = max(phrase, p.intent)
		}
	}
	intent := max(lexical, phrase)
	if praised && !mark && intent == chatWho {
		intent = chatPraise // what the bot is, said with praise: praise
	}
	if !mark && (phrase == chatThanks || phrase == chatSorry || phrase == chatBye) && !openingWords[ws[0]] {
		// "Thank you so much, you are very kind", "You've been a great
		// help, thank you!", "sorry, not your fault": thanks, an apology
		// or a goodbye that speaks of the bot asks it nothing.
		intent = phrase
	}
	if !addressed && mark && (lexical == chatPersonal && elliptical(ws) || lexical == chatLanguages && len(ws) <= 4) {
		// "got any hobbies?", "any favourite colour?", "speak english?",
		// "svenska or english?": "have you", "do you" left out.
		addressed = true
	}
	switch {
	case !addressed && !output:
		return chatNone, ""
	case !addressed:
		// Only what the bot said is spoken of ("that answer made no
		// sense", "bra svar, tack"): a reaction to it.
		intent = phrase
		if unsure {
			intent = max(intent, chatUnsure)
		}
	}
	// The base reads the words as written (chatWords folds "finns" to
	// "fins"); the words that address the bot or say what is asked of it
	// are not subject matter even where the base knows them ("bot").
	subject, other := words(text)
	named := slices.ContainsFunc(subject, v.subjectMatter)
	if lenient || (strong && intent == chatPersonal) || (origin && intent == chatWho) {
		named = named && intent != chatPersonal && intent != chatWho && intent != chatHowAreYou
	}
	if named || (intent == chatNone && slices.ContainsFunc(other, v.notChat)) {
		return chatNone, ""
	}
	switch {
	case intent == chatNone && output:
		intent = chatUnsure
	case intent == chatNone && identity && !mark && !openingWords[ws[0]] && acknowledges(v, ws):
		intent = chatAck // "jk ur fine": a word about the bot, no question
	case intent == chatNone && identity:
		intent = chatWho // "är du Siri?", "what are you", "how have you been"
	case intent == chatNone && inverted && strings.Contains(text, "?"):
		intent = chatPersonal
	case intent == chatNone:
		// Nothing says what is asked of the bot: "what are your opening
		// hours", "när öppnar ni", "do you sell tickets" ask about the
		// community, not the bot.
		return chatNone, ""
	}
	return intent, phraseLang(sv, en, false, hint)
}

// acknowledges reports whether folded words ws hold a word that
// acknowledges on its own ("fine", "ok"), and no yes/no opener opens them
// ("är du okej" asks).
func acknowledges(v *chatVocab, ws []string) bool {
	if _, opener := yesNoOpeners[ws[0]]; opener {
		return false
	}
	return slices.ContainsFunc(ws, func(w string) bool { p, ok := v.phrases[w]; return ok && p.intent == chatAck })
}

// subjectMatter reports whether a word the knowledge base knows as its
// subject matter is that here: not about the bot (notAboutBot), nor a
// greeting or the like on its own ("tjena", which the base may mention).
func (v *chatVocab) subjectMatter(w string) bool {
	if !notAboutBot(w) {
		return false
	}
	f := chatWords(w)
	if len(f) == 1 {
		if p, ok := v.phrases[f[0]]; ok && p.intent > chatFiller {
			return false
		}
	}
	return true
}

// plural are the words addressing the community as much as the bot ("ni",
// "er", "your").
var plural = map[string]bool{"ni": true, "er": true, "your": true, "yours": true, "din": true, "dit": true, "dina": true}

// copulas are the forms of "be" that make a question about what someone
// is, folded.
var copulas = map[string]bool{"ar": true, "are": true, "is": true, "var": true, "were": true, "was": true,
	"been": true, "varit": true, "be": true}

// elliptical reports whether a short English question leaves out its
// "have you" or "do you" ("got any hobbies?", "any favourite food?",
// "know any good jokes?", "favourite season?").
func elliptical(ws []string) bool {
	return len(ws) > 1 && len(ws) <= 5 && (ws[0] == "got" || ws[0] == "any" || ws[0] == "know") ||
		len(ws) <= 3 && favourite(ws[0]) // "favourite season?"
}

// originAsked reports whether ws[i] asks where the bot lives or is from:
// "bor du", "do you live", "are you (also) from", "är du (också) från".
func originAsked(ws []string, i int) bool {
	you := func(j int) bool { return j >= 0 && j < len(ws) && (ws[j] == "you" || ws[j] == "du") }
	switch ws[i] {
	case "bor", "live":
		return you(i-1) || you(i+1)
	case "from", "fran", "ifran":
		return you(i-1) || (you(i-2) && (ws[i-1] == "also" || ws[i-1] == "ocksa" || ws[i-1] == "originally"))
	}
	return false
}

// copula reports whether ws[i] exists and is a form of "be".
func copula(ws []string, i int) bool { return i >= 0 && i < len(ws) && copulas[ws[i]] }

// notChat reports whether a word, as the knowledge base reads it, is
// neither about the bot (notAboutBot) nor a word of small talk ("lol").
func (v *chatVocab) notChat(w string) bool {
	if !notAboutBot(w) {
		return false
	}
	for _, f := range chatWords(w) {
		if !v.known(f) {
			return true
		}
	}
	return false
}

// strongPersonal are the words that make a line about the bot's own
// tastes even when it names what the base knows about ("gillar du
// Halland?", "har du en passion själv?"): the reply is small talk.
var strongPersonal = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range chatWords("gillar gilla älskar själv like likes love loves own") {
		m[w] = true
	}
	return m
}()

// favourites are the beginnings of words that ask for the bot's
// favourite something ("favoritfärg", "favouritefood").
var favourites = []string{"favorit", "favourit", "favorite", "fotbol", "footbal", "soccer", "hockey", "musik", "music"}

// favourite reports whether w, folded, asks for a favourite something,
// two neighbouring letters swapped or not ("favoirtmat").
func favourite(w string) bool {
	for _, f := range favourites {
		if len(w) >= len(f) && (strings.HasPrefix(w, f) || swapped(w[:len(f)], f)) {
			return true
		}
	}
	return false
}

// typoOf returns the word addressing the bot or of aboutLexicon that w is
// with two neighbouring letters swapped ("yuo", "slwo"), or, for words of
// six letters or more (as chatWords folds them), one letter off
// ("listning"), else w.
func typoOf(w string) string {
	if utf8.RuneCountInString(w) < 3 {
		return w
	}
	_, address := botAddress[w]
	_, about := aboutLexicon[w]
	if address || about {
		return w
	}
	n := utf8.RuneCountInString(w)
	best := ""
	for _, set := range []map[string]string{botAddress, aboutSpellings} {
		for a := range set {
			switch {
			case len(a) == len(w) && swapped(w, a):
				return a
			case n >= 6 && utf8.RuneCountInString(a) >= 6 && oneEditApart(w, a) && (best == "" || a < best):
				best = a // "listning", "husdju", "bettalt"
			}
		}
	}
	if best != "" {
		return best
	}
	return w
}

// aboutSpellings are aboutLexicon's words, as a set for typoOf.
var aboutSpellings = func() map[string]string {
	m := map[string]string{}
	for w := range aboutLexicon {
		m[w] = ""
	}
	return m
}()

// notAboutBot reports whether a word, as the knowledge base reads it, is
// neither a word that addresses the bot nor one that says what is asked
// of it.
func notAboutBot(w string) bool {
	for _, f := range chatWords(w) {
		f = typoOf(f)
		_, address := botAddress[f]
		_, about := aboutLexicon[f]
		if !address && !about {
			return true
		}
	}
	return false
}

// requestYou reports whether ws[i], a word addressing the bot, is the
// "you" of a request for something else: a modal before it and a request
// verb after it, or a request verb before it, followed by more than "me"
// or "please" ("kan du berätta när träffen börjar", "do you know who
// wrote it", "vet du vem som skrev den", but not "what do you know").
func requestYou(ws []string, i int) bool {
	if i+1 >= len(ws) {
		return false
	}
	after := i + 2
	if i == 0 {
		// "you know any place to sell …": "do you know" without its "do".
		if _, ok := requestVerbs[ws[1]]; !ok {
			return false
		}
	} else if _, ok := requestVerbs[ws[i-1]]; ok {
		after = i + 1 // "vet du vem som …", "känner du till …"
	} else if _, ok := requestModals[ws[i-1]]; !ok {
		return false
	} else if _, ok := requestVerbs[ws[i+1]]; !ok {
		return false
	}
	for _, w := range ws[after:] {
		if _, filler := requestAfter[w]; !filler {
			return true
		}
	}
	return false
}

// genericYou reports whether ws[i] is the "you" of a question about what
// anyone does ("how do you book the kiln", "where can you buy clay"): an
// English question word and a modal before it, and after it a verb that
// asks nothing of the bot.
func genericYou(ws []string, i int) bool {
	if ws[i] != "you" || i < 2 || i+1 >= len(ws) {
		return false
	}
	if _, ok := genericModals[ws[i-1]]; !ok {
		return false
	}
	if _, ok := genericAsk[ws[i-2]]; !ok {
		return false
	}
	_, about := aboutLexicon[ws[i+1]]
	return !about
}

// speaksToTheBot reports whether text, which the knowledge base could not
// answer, is a question put to the bot itself that names nothing the base
// is about ("Kan du trolla med knäna också?", "Sitter du och rullar
// tummarna?", "Can you juggle?", "Have you blown a fuse?"): the bot
// addressed as "du"/"you" (not anyone's "you" or a request to tell,
// explain or recommend), a question by its mark or its opening word, at
// most chatQuestionWords words. Such a question gets the bot's word that it
// has no answer of its own, not the organisers' queue.
func (v *chatVocab) speaksToTheBot(text string, words func(string) (subject, other []string)) bool {
	ws := chatWords(text)
	if len(ws) == 0 || len(ws) > chatQuestionWords {
		return false
	}
	asks := strings.ContainsAny(text, "?？") || interrogatives[ws[0]]
	if !asks || asksFor(ws) || slices.ContainsFunc(ws, func(w string) bool { _, ok := askingWords[w]; return ok }) {
		return false
	}
	addressed := false
	for i, w := range ws {
		if lang, ok := botAddress[w]; ok && !plural[w] && lang != "" || w == "bot" || w == "boten" || w == "passionbot" {
			if !requestYou(ws, i) && !genericYou(ws, i) {
				addressed = true
			}
		}
	}
	if !addressed {
		return false
	}
	subject, _ := words(text)
	return !slices.ContainsFunc(subject, v.subjectMatter)
}

// chatQuestionWords is the most words of a question to the bot that is
// read as one about the bot itself.
const chatQuestionWords = 16
