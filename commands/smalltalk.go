package commands

import (
	"context"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"passionbot/bot"
)

// Small talk: greetings, thanks, "who are you", "what can you do" and
// goodbyes, in Swedish and English. A message made only of such phrases
// (and words like "bot", "alla", "so much", emoji) gets a short friendly
// reply with one hint of what to try: never a knowledge answer, never the
// unanswered queue, never "unknown command" (bot.Options.Chat lets a single
// word like "hej", one edit from "help", reach the fallback).
//
// A message with anything else in it is not small talk: "hej! vad är
// passionsdriven ekonomi?" is a question and answered as one.

// chatIntent is what a small-talk message means. When a message holds
// several ("hej! tack för hjälpen"), the reply answers the greatest.
type chatIntent int

const (
	chatNone      chatIntent = iota
	chatFiller               // "bot", "alla", "so much": no meaning of its own
	chatAck                  // ok, 👍, ja
	chatGreet                // hej, hello, 👋
	chatMorning              // god morgon
	chatEvening              // god kväll
	chatPraise               // bra jobbat, good bot
	chatThanks               // tack, thx, 🙏
	chatBye                  // hej då, bye
	chatHowAreYou            // hur mår du, how are you
	chatWhat                 // vad kan du göra, what can you do
	chatWho                  // vem är du, who are you
)

// chatKeys are the catalog keys of the replies, by intent.
var chatKeys = map[chatIntent]string{
	chatAck: "chat.ack", chatGreet: "chat.greet", chatMorning: "chat.morning", chatEvening: "chat.evening",
	chatThanks: "chat.thanks", chatBye: "chat.bye", chatPraise: "chat.praise", chatHowAreYou: "chat.how",
	chatWhat: "chat.what", chatWho: "chat.who",
}

// chatPhrases are the phrases, by intent and language ("" for either).
// They are matched after folding (lowercase, å/ä → a, ö → o, repeated
// letters once), so each is written once in its usual spelling.
var chatPhrases = []struct {
	intent chatIntent
	lang   string
	list   string // "|"-separated
}{
	{chatFiller, "", "bot|passionbot|passionboten|boten|:)|och|and|o|oh|åh|oj|igen|again|too|also|också|egentligen|actually|förresten|btw|anyway|ändå|nu|now|då|then|riktigt|med|så|just|really|verkligen|jätte|very|so|much|a lot|lots|du|dig|you|u|ya|där|there|alla|allihop|allihopa|everyone|everybody|all|y'all|guys|folks|gänget|vänner|friend|friends|buddy|mate|hjälpsam|mycket|så mycket|very much|so much|för|for|det|that|this|it|här|here|min vän|my friend"},
	{chatAck, "", "ok|okey|oki|k|kk|👍|👌|✅|lol|haha|hehe|hm|mm|mhm|nice|super|smart|wow|cool|coolt|najs"},
	{chatAck, "sv", "okej|ja|jo|japp|jepp|jadå|nej|nä|nix|aha|jaha|ah|precis|absolut|visst|förstår|jag förstår|uppfattat|fattar|jag fattar|okej då|ok då|kul|roligt|det är lugnt|lugnt|ingen fara|inga problem"},
	{chatAck, "en", "okay|yes|yeah|yep|yup|no|nope|nah|alright|all right|got it|i see|sure|fine|understood|makes sense|no problem|no worries|np|fair enough"},
	{chatGreet, "", "👋|🖐|✋|🙋|hallo|hola|tja"},
	{chatGreet, "sv", "hej|hejsan|hejhej|hej hej|heja|tjena|tjenare|tjenixen|tjabba|tjo|tjohej|tjenis|hallå|hallåj|halloj|hallå där|hej där|hej på dig|hej på er|hejsan svejsan|god dag|goddag|god eftermiddag|morsning|mors|hej allesammans|tjena mittbena"},
	{chatGreet, "en", "yo|hi|hello|hey|heya|hiya|howdy|hi there|hello there|hey there|greetings|good day|good afternoon|hey hey|hello hello"},
	{chatMorning, "sv", "god morgon|godmorgon|gomorron|gomorrn|go morron|morron|morrn|morgon"},
	{chatMorning, "en", "good morning|morning|mornin|gm"},
	{chatEvening, "sv", "god kväll|godkväll|gokväll|go kväll"},
	{chatEvening, "en", "good evening|evening"},
	{chatThanks, "", "🙏|tack 🙏"},
	{chatThanks, "sv", "tack|tackar|tack tack|tusen tack|stort tack|tack ska du ha|tack snälla|tack för hjälpen|tack för svaret|tack för det|tack för info|tack för infon|tack för informationen|tack för all hjälp|tack för svaren|tack detsamma|tackar ödmjukast|tack så hemskt mycket|det hjälpte|det var till hjälp|tacksam|jag är tacksam|tack för att du hjälper mig|tack för att du finns"},
	{chatThanks, "en", "thanks|thank you|thank u|thx|thnx|thanx|thnks|ty|tysm|tyvm|many thanks|much appreciated|appreciated|appreciate it|i appreciate it|thanks for the help|thanks for your help|thank you for the help|thank you for your help|thanks for that|thanks for the answer|thanks for the info|cheers|ta|that helped|that was helpful|thanks a lot|thanks a bunch|thanks a million"},
	{chatBye, "", "ciao"},
	{chatBye, "sv", "hej då|hejdå|hej da|adjö|adjöss|vi ses|ses|ses sen|vi ses sen|ha det|ha det bra|ha det gott|ha det fint|ha de|ha de bra|ha en bra dag|ha en fin dag|ha en trevlig dag|ha en bra kväll|trevlig helg|trevlig kväll|god natt|godnatt|gonatt|natti|hörs|vi hörs|hörs sen|hej så länge|hej så länge då|puss och kram|kram|tack och hej|tack och hej då"},
	{chatBye, "en", "bye|bye bye|goodbye|good bye|see you|see ya|see you later|see you soon|cya|later|laters|take care|have a nice day|have a good day|have a great day|have a nice evening|good night|goodnight|gn|night|farewell|catch you later|ttyl|talk later|talk to you later|bye for now"},
	{chatPraise, "sv", "bra jobbat|snyggt|bra bot|duktig|duktig bot|du är bäst|du är grym|grymt|toppen|perfekt|kanon|klockrent|härligt|fint|super|superbra|utmärkt|vad bra|jättebra|bra|bra svar|vad smart|underbart|fantastiskt|snällt|vad snällt|du är smart|gött|du är fantastisk|du är underbar|du är toppen|du är bra|du är guld|vad duktig du är"},
	{chatPraise, "en", "good bot|nice bot|great|awesome|cool|perfect|excellent|brilliant|amazing|well done|good job|great job|nice one|you're the best|youre the best|you rock|love it|helpful|very helpful|fantastic|wonderful|sweet|good answer|great answer|you are smart|you are awesome|you are great|you are amazing|you are the best|you are brilliant|you are so helpful|you're smart|neat"},
	{chatHowAreYou, "sv", "hur mår du|hur mår ni|hur är det|hur är det med dig|hur är läget|läget|hur har du det|hur går det|allt bra|är allt bra|allt väl|hur står det till|vad händer|vad görs|vad gör du idag|mår du bra|hur är det själv|läget med dig"},
	{chatHowAreYou, "en", "how are you|how are you doing|how are u|how r u|how're you|how's it going|hows it going|how is it going|what's up|whats up|sup|wassup|how do you do|how's life|hows life|you good|are you ok|are you okay|how have you been|how's your day|hows your day"},
	{chatWhat, "sv", "vad kan du|vilka frågor kan jag ställa|vad för frågor kan jag ställa|vilken sorts frågor kan jag ställa|vilka sorts frågor kan jag ställa|vad kan jag ställa för frågor|vad kan du göra|vad gör du|vad kan du hjälpa till med|vad kan du hjälpa mig med|kan du hjälpa mig|hur funkar du|hur fungerar du|hur funkar det här|hur fungerar det här|vad kan jag fråga|vad kan jag fråga om|vad kan jag fråga dig|vad kan jag fråga dig om|vad kan man fråga|vad kan man fråga dig|vad kan man fråga om|vad kan jag göra|vad kan jag göra här|hjälp mig|vad vet du|vad vet du om|vad kan du svara på|vad är du bra på|vad ska jag fråga|vad ska jag fråga om|vad gör du här|vad är din uppgift|vad är ditt syfte|vad kan du berätta|vad kan du berätta om|vilka kommandon finns|vilka kommandon finns det|vad har du för kommandon|hur använder jag dig|hur använder man dig|vad kan man göra här"},
	{chatWhat, "en", "what can you do|what kind of questions can i ask|what questions can i ask|what sort of questions can i ask|what kind of things can you do|what kind of things can i ask|what sort of things can you do|what do you do|what can i ask|what can i ask you|what can i ask about|how do you work|how does this work|what can you help with|what can you help me with|can you help me|help me|what are you for|what do you know|what do you know about|what should i ask|what can you tell me|what can you tell me about|what are you good at|what is your purpose|what's your purpose|what commands are there|which commands are there|what commands do you have|how do i use you|how do i use this|what can i do here|what can i do|what are your commands"},
	{chatWho, "sv", "vem är du|pratar jag med en människa|pratar jag med en bot|pratar jag med en robot|är det en människa|är det en bot|är du en riktig människa|är du på riktigt|är du riktig|vad är du för något|vad är du för en|vad är du för en bot|vilka är ni|vad är du|vad heter du|vad är det här|vem är det här|vad är det här för bot|är du en bot|är du bot|är du en robot|är du människa|är du en människa|är du en ai|vem pratar jag med|vem har gjort dig|vem skapade dig|vem har byggt dig|vem byggde dig|presentera dig|berätta om dig själv|berätta om dig|vad är passionbot|vem är passionbot|vad är det för bot"},
	{chatWho, "en", "who are you|am i talking to a real person|am i talking to a person|am i talking to a human|am i talking to a bot|is this a bot|is this a real person|is this a human|are you real|are you a real person|what are you|what is this|what's this|whats this|who is this|who's this|what's your name|whats your name|what is your name|are you a bot|are you a robot|are you human|are you a human|are you an ai|are you ai|who am i talking to|who am i talking with|who made you|who built you|who created you|introduce yourself|tell me about yourself|what is passionbot|who is passionbot|what kind of bot are you|what bot is this"},
}

// chatPhrase is one folded phrase's meaning.
type chatPhrase struct {
	intent chatIntent
	lang   string
}

// chatVocab is the folded phrases and every word in them, built once.
type chatVocab struct {
	phrases map[string]chatPhrase // folded phrase → meaning
	words   map[string]bool       // folded words of all phrases
	longest int                   // most words in a phrase
}

var smallTalkVocab = buildChatVocab()

func buildChatVocab() *chatVocab {
	v := &chatVocab{phrases: map[string]chatPhrase{}, words: map[string]bool{}}
	for _, group := range chatPhrases {
		for _, p := range strings.Split(group.list, "|") {
			words := chatWords(p)
			if len(words) == 0 {
				continue
			}
			key := strings.Join(words, " ")
			// The first listing wins: a filler or a more specific meaning
			// listed before keeps its place.
			if _, dup := v.phrases[key]; !dup {
				v.phrases[key] = chatPhrase{intent: group.intent, lang: group.lang}
			}
			for _, w := range words {
				v.words[w] = true
			}
			v.longest = max(v.longest, len(words))
		}
	}
	return v
}

// emoticons are the text smileys, read as filler.
var emoticons = regexp.MustCompile(`(?i)(^|\s)(?:[:;=8x][-'^]?[)(\]\[dpo3*/\\|]+|<3+|\^_*\^)(\s|$)`)

// chatEmoji are the emoji that mean something in small talk; other emoji
// and symbols are read as filler.
var chatEmoji = map[rune]bool{'👋': true, '🖐': true, '✋': true, '🙋': true, '🙏': true, '👍': true, '👌': true, '✅': true}

// chatShort are chat spellings and contractions, read as the folded words
// they stand for (in phrases and messages alike).
var chatShort = map[string]string{
	"r": "are", "u": "you", "ur": "you are", "youre": "you are", "whats": "what is", "hows": "how is",
	"im": "i am", "pls": "please", "plz": "please", "e": "ar", "va": "vad", "d": "det",
}

// chatWords splits text into folded words: lowercase, å and ä as a, ö as
// o, é as e, letters repeated in a row once ("hejjj" is "hej", "tackkk"
// "tack"), punctuation dropped, the emoji in chatEmoji each a word of its
// own and other symbols dropped.
func chatWords(text string) []string {
	text = emoticons.ReplaceAllString(strings.ToLower(text), " ")
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			r = foldRune(r)
			if n := len(cur); n > 0 && cur[n-1] == r {
				continue
			}
			cur = append(cur, r)
		case r == '\'' || r == '’':
			// "what's", "you're": one word without the apostrophe.
		case chatEmoji[r]:
			flush()
			words = append(words, string(r))
		default:
			flush()
		}
	}
	flush()
	for i, w := range words {
		if long, ok := chatShort[w]; ok {
			words[i] = long
		}
	}
	return strings.Fields(strings.Join(words, " "))
}

func foldRune(r rune) rune {
	switch r {
	case 'å', 'ä', 'à', 'á', 'â':
		return 'a'
	case 'ö', 'ø', 'ó', 'ò', 'ô':
		return 'o'
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'ü':
		return 'u'
	}
	return r
}

// maxChatRunes is the longest message read as small talk: anything longer
// has something to say.
const maxChatRunes = 200

// recognize reads text as small talk: the intent the reply answers and the
// language the phrases are in ("" when they do not say). chatNone when the
// text is anything else.
func (v *chatVocab) recognize(text string) (chatIntent, string) {
	if utf8.RuneCountInString(text) > maxChatRunes {
		return chatNone, ""
	}
	words := chatWords(text)
	if len(words) == 0 || len(words) > 3*v.longest {
		return chatNone, ""
	}
	for i, w := range words {
		words[i] = v.correct(w)
	}
	// parse[i] is the phrase length that covers words[i:] to the end with
	// phrases (longest first), 0 when nothing does.
	n := len(words)
	parse := make([]int, n+1)
	ok := make([]bool, n+1)
	ok[n] = true
	for i := n - 1; i >= 0; i-- {
		for k := min(v.longest, n-i); k > 0; k-- {
			if _, known := v.phrases[strings.Join(words[i:i+k], " ")]; known && ok[i+k] {
				parse[i], ok[i] = k, true
				break
			}
		}
	}
	if !ok[0] {
		return chatNone, ""
	}
	intent, sv, en := chatNone, 0, 0
	for i := 0; i < n; i += parse[i] {
		p := v.phrases[strings.Join(words[i:i+parse[i]], " ")]
		intent = max(intent, p.intent)
		switch p.lang {
		case bot.LangSV:
			sv++
		case bot.LangEN:
			en++
		}
	}
	if intent <= chatFiller {
		return chatNone, ""
	}
	switch {
	case sv > en:
		return intent, bot.LangSV
	case en > sv:
		return intent, bot.LangEN
	}
	return intent, ""
}

// correct returns the phrase word w is a typo of (one letter changed,
// added, dropped or two swapped, in words of 4 letters or more), or w.
func (v *chatVocab) correct(w string) string {
	if v.words[w] || utf8.RuneCountInString(w) < 4 {
		return w
	}
	best := ""
	for cand := range v.words {
		if utf8.RuneCountInString(cand) >= 4 && oneEditApart(w, cand) && (best == "" || cand < best) {
			best = cand
		}
	}
	if best == "" {
		return w
	}
	return best
}

// oneEditApart reports whether a and b differ by one substitution,
// insertion, deletion or swap of neighbours.
func oneEditApart(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	switch len(ra) - len(rb) {
	case 0:
		var diff []int
		for i := range ra {
			if ra[i] != rb[i] {
				diff = append(diff, i)
			}
		}
		switch len(diff) {
		case 1:
			return true
		case 2:
			i, j := diff[0], diff[1]
			return j == i+1 && ra[i] == rb[j] && ra[j] == rb[i]
		}
		return false
	case 1:
		i := 0
		for i < len(rb) && ra[i] == rb[i] {
			i++
		}
		return string(ra[i+1:]) == string(rb[i:])
	}
	return false
}

// IsSmallTalk reports whether text is small talk (bot.Options.Chat).
func IsSmallTalk(text string) bool {
	intent, _ := smallTalkVocab.recognize(text)
	return intent != chatNone
}

// smallTalk answers greetings, thanks and the like. It has no commands of
// its own: the ask feature's fallback hands it the text first.
type smallTalk struct{}

func newSmallTalk(Deps) *smallTalk { return &smallTalk{} }

// Name names the feature.
func (*smallTalk) Name() string { return "smalltalk" }

// Commands: small talk has none.
func (*smallTalk) Commands() []*bot.Command { return nil }

// reply answers text when it is small talk, in the language of its phrases
// (else the member's), and reports whether it did.
func (*smallTalk) reply(ctx context.Context, c *bot.Call, text string) (bool, error) {
	intent, lang := smallTalkVocab.recognize(text)
	if intent == chatNone {
		return false, nil
	}
	if lang == "" {
		lang = c.Lang
	}
	return true, c.Reply(ctx, bot.Reply{Text: c.Bot().Catalog().T(lang, chatKeys[intent])})
}

// Messages are the feature's texts: each reply ends with one thing to try.
func (*smallTalk) Messages() bot.Messages {
	return bot.Messages{
		"chat.ack": {SV: "👍 Säg till om du undrar något – skriv `help` så ser du allt jag kan.",
			EN: "👍 Just say if you wonder about something – type `help` to see everything I can do."},
		"chat.greet": {SV: "Hej! 👋 Fråga mig gärna om den passionsdrivna ekonomin, till exempel: _vad står PUNKS för?_",
			EN: "Hi! 👋 Ask me anything about the passion-driven economy, for example: _what does PUNKS stand for?_"},
		"chat.morning": {SV: "God morgon! ☀️ Vill du komma igång kan du skriva `learn` för en kort kurs om den passionsdrivna ekonomin.",
			EN: "Good morning! ☀️ To get started, type `learn` for a short course on the passion-driven economy."},
		"chat.evening": {SV: "God kväll! 🌙 Undrar du något är det bara att fråga, till exempel: _vad är passionsdriven ekonomi?_",
			EN: "Good evening! 🌙 If you wonder about something, just ask, for example: _what is the passion-driven economy?_"},
		"chat.thanks": {SV: "Varsågod! 😊 Undrar du något mer är det bara att fråga, eller skriv `learn` för en kort kurs.",
			EN: "You're welcome! 😊 Ask me anything else, or type `learn` for a short course."},
		"chat.bye": {SV: "Hej då, ha det fint! 👋 Nästa gång kan du skriva `meetup list` och se gemenskapens kommande träffar.",
			EN: "Bye, take care! 👋 Next time, type `meetup list` to see the community's upcoming meetups."},
		"chat.praise": {SV: "Tack, vad glad jag blir! 😊 Vill du hitta andra med samma intressen, prova `interests add tags:keramik`.",
			EN: "Thank you, that makes me happy! 😊 To find others with the same interests, try `interests add tags:ceramics`."},
		"chat.how": {SV: "Jag mår bra, tack för att du frågar! 😊 Vill du testa mig, fråga till exempel: _hur kan jag leva på min passion?_",
			EN: "I'm well, thanks for asking! 😊 Want to test me? Ask, for example: _how can I make a living from my passion?_"},
		"chat.what": {SV: "Jag svarar på frågor om den passionsdrivna ekonomin, visar kommande träffar, har en kort kurs och hjälper dig hitta andra med samma intressen. Skriv `help` för alla kommandon, eller fråga direkt: _vad står PUNKS för?_",
			EN: "I answer questions about the passion-driven economy, show upcoming meetups, give a short course and help you find others with the same interests. Type `help` for every command, or just ask: _what does PUNKS stand for?_"},
		"chat.who": {SV: "Jag är passionbot, gemenskapens bot för passionsdrivna företagare: jag svarar på frågor om den passionsdrivna ekonomin, håller koll på träffar och hjälper dig hitta andra med samma intressen. Prova att fråga: _vad är passionsdriven ekonomi?_",
			EN: "I'm passionbot, the community's bot for passion-driven entrepreneurs: I answer questions about the passion-driven economy, keep track of meetups and help you find others with the same interests. Try asking: _what is the passion-driven economy?_"},
	}
}
