package commands

import (
	"context"
	"regexp"
	"slices"
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
	chatSorry                // förlåt, oops, my bad
	chatPraise               // bra jobbat, good bot
	chatThanks               // tack, thx, 🙏
	chatBye                  // hej då, bye
	chatHowAreYou            // hur mår du, how are you
	chatWhat                 // vad kan du göra, what can you do
	chatWho                  // vem är du, who are you
)

// chatKeys are the catalog keys of the replies, by intent.
var chatKeys = map[chatIntent]string{
	chatAck: "chat.ack", chatGreet: "chat.greet", chatMorning: "chat.morning", chatEvening: "chat.evening", chatSorry: "chat.sorry",
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
	{chatFiller, "", "bot|passionbot|idag|i dag|today|ikväll|i kväll|tonight|nu igen|på er|på dig|to you|to all|kindly|passionboten|boten|:)|och|and|o|åh|igen|again|too|also|också|egentligen|actually|förresten|btw|anyway|ändå|nu|now|då|then|riktigt|med|så|just|really|verkligen|jätte|very|so|much|a lot|lots|du|dig|you|u|ya|där|there|alla|allihop|allihopa|everyone|everybody|all|y'all|guys|folks|gänget|vänner|friend|friends|buddy|mate|hjälpsam|mycket|så mycket|very much|so much|för|for|det|that|this|it|här|here|min vän|my friend"},
	{chatAck, "", "ok|okey|oki|k|kk|oh|exactly|👍|👌|✅|lol|lmao|rofl|xd|haha|hehe|hihi|okidoki|oki doki|okie dokie|okey dokey|hm|mm|mhm|nice|super|smart|wow|cool|coolt|najs"},
	{chatAck, "sv", "okej|ja|jo|japp|jepp|jadå|nej|nä|nix|aha|jaha|ah|precis|absolut|visst|förstår|jag förstår|uppfattat|fattar|jag fattar|okej då|ok då|kul|roligt|det är lugnt|lugnt|ingen fara|inga problem|låter bra|låter toppen|låter kanon|oj|oj oj|ojdå|oj då|nu förstår jag|förstår jag|då förstår jag|nu fattar jag|jag är tillbaka|nu är jag tillbaka|är tillbaka"},
	{chatAck, "en", "okay|yes|yeah|yep|yup|no|nope|nah|alright|all right|got it|i see|sure|fine|understood|makes sense|no problem|no worries|np|fair enough|sounds good|sounds great|sounds fine|gotcha|got you|oh|oh wow|i am back|back again|now i get it|now i understand|i get it"},
	{chatGreet, "", "👋|🖐|✋|🙋|hallo|hola|tja"},
	{chatGreet, "sv", "hej|hejsan|hejhej|hej hej|heja|tjena|tjenare|tjenixen|tjabba|tjo|tjohej|tjenis|hallå|hallåj|halloj|hallå där|hej där|hej på dig|hej på er|hejsan svejsan|god dag|goddag|god eftermiddag|morsning|mors|hej allesammans|tjena mittbena|jag är ny|jag är ny här|ny här|är du där|är du vaken|är det någon där|finns det någon där|någon där|hallå hallå"},
	{chatGreet, "en", "yo|hi|hello|hey|heya|hiya|howdy|hi there|hello there|hey there|greetings|good day|good afternoon|hey hey|hello hello|i am new|i am new here|new here|are you there|you there|anyone there|anybody there|is anyone there|is anybody there|anyone here"},
	{chatMorning, "sv", "god morgon|godmorgon|gomorron|gomorrn|go morron|morron|morrn|morgon"},
	{chatMorning, "en", "good morning|morning|mornin|gm"},
	{chatEvening, "sv", "god kväll|godkväll|gokväll|go kväll"},
	{chatEvening, "en", "good evening|evening"},
	{chatThanks, "", "🙏|tack 🙏"},
	{chatThanks, "sv", "tack|tackar|tack tack|tusen tack|stort tack|tack ska du ha|tack snälla|tack för hjälpen|tack för svaret|tack för det|tack för info|tack för infon|tack för informationen|tack för all hjälp|tack för svaren|tack detsamma|tackar ödmjukast|tack så hemskt mycket|det hjälpte|det var till hjälp|tacksam|jag är tacksam|tack för att du hjälper mig|tack för att du finns|tusen tack|jättetack|tackar och bugar|tack för tipset|tack för tipsen|tack snällt|tack så hemskt|precis vad jag behövde|det var precis vad jag behövde|det var vad jag behövde|det var det jag behövde"},
	{chatThanks, "en", "thanks|thank you|thank u|thx|thnx|thanx|thnks|ty|tysm|tyvm|many thanks|much appreciated|appreciated|appreciate it|i appreciate it|thanks for the help|thanks for your help|thank you for the help|thank you for your help|thanks for that|thanks for the answer|thanks for the info|cheers|ta|that helped|that was helpful|thanks a lot|thanks a bunch|thanks a million|thank you kindly|thanks for the tip|thanks for the tips|exactly what i needed|that is exactly what i needed|just what i needed|that is what i needed|thank you very much|thanks so much"},
	{chatBye, "", "ciao"},
	{chatBye, "sv", "hej då|hejdå|hej da|adjö|adjöss|vi ses|ses|ses sen|vi ses sen|ha det|ha det bra|ha det gott|ha det fint|ha de|ha de bra|ha en bra dag|ha en fin dag|ha en trevlig dag|ha en bra kväll|trevlig helg|trevlig kväll|god natt|godnatt|gonatt|natti|hörs|vi hörs|hörs sen|hej så länge|hej så länge då|puss och kram|kram|tack och hej|tack och hej då|ha en fin helg|ha en bra helg|ha en trevlig helg|trevlig helg|trevlig kväll|vi ses nästa gång|vi ses snart|hörs snart|vi hörs snart|nu drar jag|jag drar|jag drar nu|jag måste gå|måste gå|dags att gå|jag loggar ut"},
	{chatBye, "en", "bye|bye bye|goodbye|good bye|see you|see ya|see you later|see you soon|cya|later|laters|take care|have a nice day|have a good day|have a great day|have a nice evening|good night|goodnight|gn|night|farewell|catch you later|ttyl|talk later|talk to you later|bye for now|peace|peace out|see you next time|see you around|see you soon|talk soon|until next time|till next time|have a great weekend|have a nice weekend|have a good weekend|enjoy your weekend|have a good one|i am off|gotta go|got to go|i have to go|i must go|signing off|logging off"},
	{chatSorry, "", "oops|oopsie|whoops|sorry|sorri|soz"},
	{chatSorry, "sv", "förlåt|ursäkta|ursäkta mig|hoppsan|oj förlåt|förlåt mig|mitt fel|fel kanal|fel tråd|fel ställe|skrev fel|jag skrev fel|det var fel|glöm det|strunta i det|ignorera det|ignorera det där"},
	{chatSorry, "en", "my bad|my apologies|apologies|i apologize|i am sorry|so sorry|sorry about that|wrong channel|wrong thread|wrong place|never mind|nevermind|nvm|ignore that|ignore me|typo|oh sorry|excuse me|pardon"},
	{chatPraise, "sv", "bra jobbat|snyggt|bra bot|duktig|duktig bot|du är bäst|du är grym|grymt|toppen|perfekt|kanon|klockrent|härligt|fint|super|superbra|utmärkt|vad bra|jättebra|bra|bra svar|vad smart|underbart|fantastiskt|snällt|vad snällt|du är smart|gött|du är fantastisk|du är underbar|du är toppen|du är bra|du är guld|du är guld värd|guld värd|vad duktig du är"},
	{chatPraise, "en", "good bot|nice bot|great|awesome|cool|perfect|excellent|brilliant|amazing|well done|good job|great job|nice one|you're the best|youre the best|you rock|love it|helpful|very helpful|fantastic|wonderful|sweet|good answer|great answer|you are smart|you are awesome|you are great|you are amazing|you are the best|you are brilliant|you are so helpful|you're smart|neat"},
	{chatHowAreYou, "sv", "hur mår du|hur mår ni|hur är det|hur är det med dig|hur är läget|läget|hur har du det|hur går det|allt bra|är allt bra|allt väl|hur står det till|vad händer|vad görs|vad gör du idag|mår du bra|hur är det själv|läget med dig|hoppas allt är bra|hoppas allt är bra med dig|hoppas du mår bra|hoppas allt är väl|mår du bra idag"},
	{chatHowAreYou, "en", "how are you|how are you doing|how are u|how r u|how're you|how's it going|hows it going|how is it going|what's up|whats up|sup|wassup|how do you do|how's life|hows life|you good|are you ok|are you okay|how have you been|how's your day|hows your day|how is your day going|how's your day going|how are things|how are you today|how you doing|how ya doing|all good|are you well|hope you are well|hope you're well|hope all is well|hope you are doing well|how is everything"},
	{chatWhat, "sv", "vad kan du|vilka frågor kan jag ställa|vad för frågor kan jag ställa|vilken sorts frågor kan jag ställa|vilka sorts frågor kan jag ställa|vad kan jag ställa för frågor|vad kan du göra|vad gör du|vad kan du hjälpa till med|vad kan du hjälpa mig med|kan du hjälpa mig|hur funkar du|hur fungerar du|hur funkar det här|hur fungerar det här|vad kan jag fråga|vad kan jag fråga om|vad kan jag fråga dig|vad kan jag fråga dig om|vad kan man fråga|vad kan man fråga dig|vad kan man fråga om|vad kan jag göra|vad kan jag göra här|hjälp mig|vad vet du|vad vet du om|vad kan du svara på|vad är du bra på|vad ska jag fråga|vad ska jag fråga om|vad gör du här|vad är din uppgift|vad är ditt syfte|vad kan du berätta|vad kan du berätta om|vilka kommandon finns|vilka kommandon finns det|vad har du för kommandon|hur använder jag dig|hur använder man dig|vad kan man göra här|vad kan man använda dig till|vad kan jag använda dig till|vad används du till|vad är du till för|vad kan du svara på|vilka frågor kan du svara på|vad för frågor kan du svara på|vilka frågor kan du besvara"},
	{chatWhat, "en", "what can you do|what kind of questions can i ask|what questions can i ask|what sort of questions can i ask|what kind of things can you do|what kind of things can i ask|what sort of things can you do|what do you do|what can i ask|what can i ask you|what can i ask about|how do you work|how does this work|what can you help with|what can you help me with|can you help me|help me|what are you for|what do you know|what do you know about|what should i ask|what can you tell me|what can you tell me about|what are you good at|what is your purpose|what's your purpose|what commands are there|which commands are there|what commands do you have|how do i use you|how do i use this|what can i do here|what can i do|what are your commands|what are you able to do|what are you capable of|what can i use you for|what are you used for|what kind of questions can you answer|what questions can you answer|what sort of questions can you answer|what can you answer"},
	{chatWho, "sv", "vem är du|pratar jag med en människa|pratar jag med en bot|pratar jag med en robot|är det en människa|är det en bot|är du en riktig människa|är du på riktigt|är du riktig|vad är du för något|vad är du för en|vad är du för en bot|vilka är ni|vad är du|vad heter du|vad är det här|vem är det här|vad är det här för bot|är du en bot|är du bot|är du en robot|är du människa|är du en människa|är du en ai|vem pratar jag med|vem har gjort dig|vem skapade dig|vem har byggt dig|vem byggde dig|presentera dig|berätta om dig själv|berätta om dig|vad är passionbot|vem är passionbot|vad är det för bot|är du ai|är du en bot eller en människa|är du en människa eller en bot|är du bot eller människa|är du människa eller bot|är du människa eller robot|är du en robot eller en människa"},
	{chatWho, "en", "who are you|am i talking to a real person|am i talking to a person|am i talking to a human|am i talking to a bot|is this a bot|is this a real person|is this a human|are you real|are you a real person|what are you|what is this|what's this|whats this|who is this|who's this|what's your name|whats your name|what is your name|are you a bot|are you a robot|are you human|are you a human|are you an ai|are you ai|who am i talking to|who am i talking with|who made you|who built you|who created you|introduce yourself|tell me about yourself|what is passionbot|who is passionbot|what kind of bot are you|what bot is this|are you a bot or a human|are you a human or a bot|are you human or a bot|are you a bot or a person|are you a person or a bot|bot or human"},
}

// chatPhrase is one folded phrase's meaning.
type chatPhrase struct {
	intent chatIntent
	lang   string
}

// chatVocab is the folded phrases and every word in them, built once.
type chatVocab struct {
	phrases map[string]chatPhrase // folded phrase → meaning
	// joined is each phrase without its spaces ("tusentack", "hejda",
	// "howareyou"): a message may write a phrase as one word or put a
	// space in the wrong place ("how ar eyou").
	joined map[string]chatPhrase
	// deletes maps each joined phrase of minFuzzyRunes letters or more,
	// with one letter deleted, to the joined phrases it came from: the
	// index that finds a phrase one edit from a stretch of a message
	// ("hje da", "hur mpr du") without comparing it to every phrase.
	deletes map[string][]string
	words   map[string]langs // folded words of all phrases, and the languages of their phrases
	byLen   map[int][]string // the words by their number of letters, in order
	longest int              // most words in a phrase
}

// langs is a set of phrase languages.
type langs uint8

const (
	langAny langs = 1 << iota
	langSV
	langEN
)

func langBit(lang string) langs {
	switch lang {
	case bot.LangSV:
		return langSV
	case bot.LangEN:
		return langEN
	}
	return langAny
}

// minFuzzyRunes is the shortest joined phrase matched with one edit: a
// shorter one is too near too many other words.
const minFuzzyRunes = 5

var smallTalkVocab = buildChatVocab()

func buildChatVocab() *chatVocab {
	v := &chatVocab{phrases: map[string]chatPhrase{}, joined: map[string]chatPhrase{},
		deletes: map[string][]string{}, words: map[string]langs{}, byLen: map[int][]string{}}
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
				v.words[w] |= langBit(group.lang)
			}
			v.longest = max(v.longest, len(words))
		}
	}
	for w := range v.words {
		n := utf8.RuneCountInString(w)
		v.byLen[n] = append(v.byLen[n], w)
	}
	for _, ws := range v.byLen {
		slices.Sort(ws)
	}
	for key, p := range v.phrases {
		j := strings.ReplaceAll(key, " ", "")
		if _, dup := v.joined[j]; !dup || key == j {
			v.joined[j] = p
		}
	}
	for j := range v.joined {
		r := []rune(j)
		if len(r) < minFuzzyRunes {
			continue
		}
		for i := range r {
			d := string(r[:i]) + string(r[i+1:])
			v.deletes[d] = append(v.deletes[d], j)
		}
	}
	for d, js := range v.deletes {
		slices.Sort(js)
		v.deletes[d] = slices.Compact(js)
	}
	return v
}

// fuzzy returns the meaning of the phrase one edit from joined text j
// (the first in order when several are), and whether there is one.
func (v *chatVocab) fuzzy(j string) (chatPhrase, bool) {
	r := []rune(j)
	if len(r) < minFuzzyRunes-1 {
		return chatPhrase{}, false
	}
	best := ""
	consider := func(cand string) {
		if oneEditApart(j, cand) && (best == "" || cand < best) {
			best = cand
		}
	}
	for _, cand := range v.deletes[j] { // a letter missing from j
		consider(cand)
	}
	for i := range r {
		d := string(r[:i]) + string(r[i+1:])
		if _, ok := v.joined[d]; ok && len(r)-1 >= minFuzzyRunes { // a letter too many
			consider(d)
		}
		for _, cand := range v.deletes[d] { // a letter changed, or two swapped
			consider(cand)
		}
	}
	if best == "" {
		return chatPhrase{}, false
	}
	return v.joined[best], true
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

// maxChatUnknown is the most words outside the phrases a message may
// have before typo correction: a message with more is not small talk, and
// is not corrected (a question is turned down at once).
const maxChatUnknown = 3

// recognize reads text as small talk: the intent the reply answers and the
// language the phrases are in ("" when they do not say). chatNone when the
// text is anything else. hint is the member's language, which decides
// between typo corrections ("perfeckt" is the Swedish "perfekt" for a
// Swedish member); "" when it is not known.
func (v *chatVocab) recognize(text, hint string) (chatIntent, string) {
	if utf8.RuneCountInString(text) > maxChatRunes {
		return chatNone, ""
	}
	words := v.normalize(chatWords(text))
	if len(words) == 0 || len(words) > 3*v.longest {
		return chatNone, ""
	}
	unknown := 0
	for _, w := range words {
		if !v.known(w) {
			unknown++
		}
	}
	if unknown > maxChatUnknown {
		return chatNone, ""
	}
	for i, w := range words {
		words[i] = v.correct(w, hint)
	}
	parsed, ok := v.parse(words, false)
	if !ok {
		// One typo across the words of a phrase ("hje då", "are you a
		// bto"): only for messages whose words are nearly all known.
		unknown = 0
		for _, w := range words {
			if !v.known(w) {
				unknown++
			}
		}
		if unknown > 2 {
			return chatNone, ""
		}
		if parsed, ok = v.parse(words, true); !ok {
			return chatNone, ""
		}
	}
	intent, sv, en := chatNone, 0, 0
	for _, p := range parsed {
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

// known reports whether w is a word of a phrase or a phrase written as one
// word.
func (v *chatVocab) known(w string) bool {
	if _, ok := v.words[w]; ok {
		return true
	}
	_, ok := v.joined[w]
	return ok
}

// parse covers words with phrases, end to end, longest phrases first, and
// returns their meanings. A phrase may be written with its spaces
// elsewhere ("how ar eyou") or none ("tusentack"); with fuzzy, also one
// letter off across its words.
func (v *chatVocab) parse(words []string, fuzzy bool) ([]chatPhrase, bool) {
	n := len(words)
	// at[i] is the phrase covering words[i:i+span[i]], when words[i:] can
	// be covered to the end.
	span := make([]int, n+1)
	at := make([]chatPhrase, n+1)
	ok := make([]bool, n+1)
	ok[n] = true
	for i := n - 1; i >= 0; i-- {
		for k := min(v.longest, n-i); k > 0 && !ok[i]; k-- {
			if !ok[i+k] {
				continue
			}
			p, found := v.phrases[strings.Join(words[i:i+k], " ")]
			if !found {
				p, found = v.joined[strings.Join(words[i:i+k], "")]
			}
			if !found && fuzzy {
				p, found = v.fuzzy(strings.Join(words[i:i+k], ""))
			}
			if found {
				span[i], at[i], ok[i] = k, p, true
			}
		}
	}
	if !ok[0] {
		return nil, false
	}
	var out []chatPhrase
	for i := 0; i < n; i += span[i] {
		out = append(out, at[i])
	}
	return out, true
}

// chatIntensifiers are the prefixes written together with a phrase word
// ("jättetack", "supertack", "megabra"): the word is read as the two.
var chatIntensifiers = []string{"jatte", "super", "mega", "tusen", "kanon", "sa"}

// laughter is "haha", "hahaha", "hihihi", "hehe" after folding.
var laughter = regexp.MustCompile(`^(?:ha|he|hi|ah)+h?$`)

// normalize reads laughter as "haha" and splits an intensifier from the
// phrase word it is written together with.
func (v *chatVocab) normalize(words []string) []string {
	out := words[:0:0]
	for _, w := range words {
		if v.known(w) {
			out = append(out, w)
			continue
		}
		if len(w) >= 4 && laughter.MatchString(w) {
			out = append(out, "haha")
			continue
		}
		split := false
		for _, pre := range chatIntensifiers {
			if rest, ok := strings.CutPrefix(w, pre); ok && len(rest) >= 3 && v.known(rest) {
				out, split = append(out, pre, rest), true
				break
			}
		}
		if !split {
			out = append(out, w)
		}
	}
	return out
}

// correct returns the phrase word w is a typo of, or w: one letter
// changed, added, dropped or two swapped in words of 4 letters or more; in
// words of 3, two swapped ("hje") or one dropped ("tak"). A correction of
// the same length wins ("thansk" is "thanks", not "thank"), then one in
// the member's language, then the first in order.
func (v *chatVocab) correct(w, hint string) string {
	n := utf8.RuneCountInString(w)
	if v.known(w) || n < 3 {
		return w
	}
	best, bestRank := "", 0
	for cn := max(n-1, 3); cn <= n+1; cn++ {
		for _, cand := range v.byLen[cn] {
			switch {
			case !oneEditApart(w, cand):
				continue
			case n == 3 && cn == 3 && !swapped(w, cand):
				continue
			}
			rank := 1
			if cn == n {
				rank += 4
			}
			if hint != "" && v.words[cand]&(langBit(hint)|langAny) != 0 {
				rank += 2
			}
			if rank > bestRank || rank == bestRank && cand < best {
				best, bestRank = cand, rank
			}
		}
	}
	if best == "" {
		return w
	}
	return best
}

// swapped reports whether a and b, of the same length, differ by two
// neighbours swapped.
func swapped(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	for i := 0; i+1 < len(ra); i++ {
		if ra[i] != rb[i] {
			return ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
		}
	}
	return false
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
	intent, _ := smallTalkVocab.recognize(text, "")
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
	intent, lang := smallTalkVocab.recognize(text, c.Lang)
	if intent == chatNone {
		return false, nil
	}
	if lang == "" {
		lang = c.Lang
	}
	return true, c.Reply(ctx, bot.Reply{Text: c.Bot().Catalog().T(lang, chatKeys[intent])})
}

// chatterWords is the most words a line the bot cannot place may have and
// still be chatter rather than a question.
const chatterWords = 6

// interrogatives start a question even without a question mark.
var interrogatives = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`vad vem vems vilken vilket vilka hur var vart varifrån när varför
	kan får ska måste finns har är gäller stämmer brukar behöver bör
	what who whose which where when why how can could should must may is are was were do does did has have will would`) {
		interrogatives[w] = true
	}
}

// chatter reports whether text the knowledge base could not answer is
// chatter, not a question for the organisers: short (at most
// chatterWords words, or only emoji and punctuation), without a question
// mark, a number or an opening question word ("bra jobbat allihopa",
// "😂😂", "sitter och målar idag"). Such a line gets a friendly reply with
// something to try instead of "I don't know" and the unanswered queue; a
// question that could be one ("öppettider?", "hur bokar man ugnen")
// still goes to the queue.
func (*smallTalk) chatter(text string) bool {
	if strings.ContainsAny(text, "?？0123456789") {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) > chatterWords {
		return false
	}
	return len(words) == 0 || !interrogatives[words[0]]
}

// Messages are the feature's texts: each reply ends with one thing to try.
func (*smallTalk) Messages() bot.Messages {
	return bot.Messages{
		"chat.unsure": {SV: "😊 Jag hänger inte riktigt med, men jag finns här! Fråga mig gärna om den passionsdrivna ekonomin, eller skriv `help` så ser du allt jag kan.",
			EN: "😊 I'm not quite following, but I'm here! Ask me about the passion-driven economy, or type `help` to see everything I can do."},
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
		"chat.sorry": {SV: "Ingen fara! 😊 Undrar du något är det bara att fråga – skriv `help` så ser du allt jag kan.",
			EN: "No worries! 😊 If you wonder about something, just ask – type `help` to see everything I can do."},
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
