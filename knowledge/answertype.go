package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Answer types. Some questions ask for a kind of fact that a topic can
// only answer if its text contains it: "when …" needs a date or time,
// "how many …" a number, "what does … cost" an amount of money. A topic
// that matches the words of such a question but lacks the fact ("When
// was the report published?" against a topic that never gives a date)
// is ranked down, and if it still comes first it is not given as an
// answer with full confidence. This is a classic question-answering
// heuristic and needs no knowledge of particular topics.
//
// A "who"/"vem" question needs a name (two capitalised words in a row,
// such as a person's or an organisation's name), and a "where"/"var
// ligger"/"in which city" question a place (a capitalised word after
// "in"/"i"/"på"/"at", or in brackets). Among the best hits, one that has
// the type asked for is preferred to a slightly better one that lacks it
// (Index.promote).
//
// "How old"/"hur gammal" needs an age or a birth year, "how long"/"hur
// lång"/"hur länge" figures (a duration, a number of pages), and "what was its
// budget/revenue" (not "is revenue the goal?") a sum of money. "What
// percentage"/"hur många procent" needs a percentage ("12 %", "40
// percent"), "how much is a …"/"how much are the …" a price, and "how much
// did … pay/spend/earn"/"hur mycket betalade …" a sum of money.
//
// "Opening hours"/"öppettider" (also misspelt "öppetider"), "office
// hours"/"kontorstider", "when is … open"/"när har … öppet" need a time of day ("10.00–16.00", "kl. 18"):
// a date or a year does not tell when a place is open (pass 15).
const (
	needTime = 1 << iota
	needNumber
	needMoney
	needName
	needPlace
	needContact
	needDigits
	needAge
	needPercent
	needClock
)

var (
	numberWords = wordSet(`two three four five six seven eight nine ten eleven
		twelve twenty thirty hundred thousand million millions dozen
		två tre fyra fem sex sju åtta nio tio elva tolv tjugo trettio hundra
		tusen miljon miljoner dussin`)
	timeWords = wordSet(`january february april june july august
		september october november december monday tuesday wednesday thursday
		friday saturday sunday spring summer autumn winter weekly daily
		monthly yearly annually
		januari februari mars maj juni juli augusti oktober måndag tisdag
		onsdag torsdag fredag lördag söndag måndagar våren sommaren hösten
		vintern varannan varje vecka veckan månad månaden dagligen`)
	moneyWords = wordSet(`kr kronor krona sek euro euros eur usd dollar dollars
		pound pounds gbp`)
	costWords = wordSet(`cost costs price prices priced fee fees kost kosta
		kostar kostade kostnad kostnaden kostnader pris priset avgift avgiften
		avgifter`)
	amountWords = wordSet(`money pengar funding finansiering budget earn earns
		make tjänar tjäna drar pay paid pays spend spent spends betala betalar
		betalade betalat betalt spendera spenderar spenderade spenderat`)
	// incomeWords ask for a sum of money wherever they stand.
	incomeWords = wordSet(`salary salaries wage wages income lön lönen löner
		inkomst inkomsten månadslön årslön turnover omsättning omsättningen`)
	// sumWords ask for a sum of money when the question asks what it is
	// ("what was the project's budget?"), not when it asks whether it
	// matters ("is revenue the goal?").
	sumWords = wordSet(`budget budgets budgeten budgetar revenue revenues
		intäkt intäkter intäkterna`)
	// ageWords, after "how"/"hur" ("age"/"ålder" also after "what"/"vilken"), ask for an age, which
	// an answer gives with a birth year or an age (ageTextWords).
	ageWords     = wordSet(`old gammal gamla age ålder`)
	ageTextWords = wordSet(`born född födde age aged ålder åldern`)
	// lengthWords, after "how"/"hur", ask how long something is or lasts.
	lengthWords = wordSet(`long lång långt långa länge`)
	// percentWords ask for a percentage, which an answer gives with "%"
	// or a number before "percent"/"procent".
	percentWords = wordSet(`percent percentage percentages procent procentandel
		procentandelen procentuell procentuella`)
	nameWords = wordSet(`who whom whose vem vems`)
	// digitWords ask for a number of some kind (a phone number, a
	// reference): the answer must contain digits.
	digitWords = wordSet(`number numbers nummer numret nr`)
	// contactWords ask for a phone number or an e-mail address, which an
	// answer must then contain.
	contactWords = wordSet(`phone telephone email mail mejl
		telefon telefonnummer mobilnummer mobilnr epost
		mailadress mejladress epostadress emailadress`)
	// mobileWords ask for a phone number only before a word of a number
	// ("mobile number", "mobilnr") or at the end ("what's her mobile?"),
	// not as an adjective ("a mobile test lab bus").
	mobileWords = wordSet(`mobile cell mobil`)
	// placeAfterVar are the words that make Swedish "var" mean "where"
	// ("var ligger …", "var i Halmstad …") rather than "was" ("var viakub
	// …").
	placeAfterVar = wordSet(`ligger låg finns fanns hölls håller hittar
		sker skedde bor hålls i på hos`)
	placeNouns = wordSet(`city town place venue address location stad staden
		ort orten plats platsen adress adressen kommun cities towns places
		municipality municipalities kommuner städer orter platser`)
	greetWords = wordSet(`hi hello hey hej hejsan tjena tja ok okay so and och men but lol haha btw asså`)
	// hoursBefore, before "hours"/"times", ask when a place is open.
	hoursBefore = wordSet(`opening office business visiting open`)
	// openWords, in a "when"/"när" question, ask at what hours a place is
	// open ("when is Impact House open?", "när har de öppet?").
	openWords = wordSet(`open opens close closes öppet öppnar stänger`)
)

// whNeeds are the answer types a question asks by its question word
// (when, who, where): such a question is answered by a fact, not by yes
// or no, though a later clause may ask yes or no (params.whLead).
const whNeeds = needTime | needName | needPlace

// asksClock reports whether the folded word w, after prev, asks for the
// hours when something is open (needClock): "öppettider", "öppetider",
// "kontorstider", "opening hours", "office times".
func asksClock(prev, w string) bool {
	if strings.HasPrefix(w, "öppettid") || strings.HasPrefix(w, "öppetid") || strings.HasPrefix(w, "kontorstid") ||
		strings.HasPrefix(w, "besökstid") {
		return true
	}
	if w == "hours" || w == "times" {
		_, ok := hoursBefore[prev]
		return ok
	}
	return false
}

// Classes of the words questionNeeds looks for (needClasses).
const (
	ncGreet = 1 << iota
	ncName
	ncPlaceAfterVar
	ncPlaceNoun
	ncContact
	ncDigit
	ncMobile
	ncIncome
	ncAge
	ncSum
	ncLength
	ncCost
	ncPercent
	ncAmount
)

// needClasses maps a folded word to the classes of the word sets above
// it is in, so that questionNeeds looks each word up once.
var needClasses = func() map[string]uint16 {
	m := map[string]uint16{}
	for c, set := range map[uint16]map[string]struct{}{ncGreet: greetWords, ncName: nameWords,
		ncPlaceAfterVar: placeAfterVar, ncPlaceNoun: placeNouns, ncContact: contactWords, ncDigit: digitWords,
		ncMobile: mobileWords, ncIncome: incomeWords, ncAge: ageWords, ncSum: sumWords, ncLength: lengthWords,
		ncCost: costWords, ncPercent: percentWords, ncAmount: amountWords} {
		for w := range set {
			m[w] |= c
		}
	}
	return m
}()

// questionNeeds returns the answer-type bits of a question, looking at
// its first words for "when"/"när" and "how many"/"hur många", and at all
// of it for cost words.
func questionNeeds(q string) int {
	var tk tokenizer
	need := 0
	var prev, prev2 string
	pos := 0 // position after leading greetings
	n := 0
	howMuch := false
	money, sum := false, false
	prevC := uint16(0) // needClasses of prev
	tk.each(q, 4<<10, func(w string) bool {
		n++
		c := needClasses[w]
		if c&ncGreet != 0 && pos == 0 {
			prev2, prev, prevC = prev, w, c
			return n < 64
		}
		pos++
		known := afterKnow(prev, prev2)
		if (pos == 1 || known) && (w == "when" || w == "när") {
			need |= needTime
		}
		if c&ncName != 0 && (pos == 1 || known) {
			need |= needName
		}
		if (pos == 1 || known) && w == "where" {
			need |= needPlace
		}
		if c&ncPlaceAfterVar != 0 && pos == 2 && prev == "var" {
			need |= needPlace
		}
		if c&ncPlaceNoun != 0 && (prev == "which" || prev == "what" || prev == "vilken" || prev == "vilket" || prev == "vilka") {
			need |= needPlace
		}
		if c&ncContact != 0 {
			need |= needContact
		}
		if c&ncDigit != 0 && prev != "how" && prev != "what" {
			need |= needDigits
		}
		if prevC&ncMobile != 0 && c&ncDigit != 0 {
			need |= needContact
		}
		if c&ncIncome != 0 {
			money = true
		}
		if (prev == "vad" || prev == "what") && (w == "tjänar" || w == "earn" || w == "earns") {
			money = true
		}
		if pos <= 3 && (prev == "how" && w == "many" || prev == "hur" && w == "många") {
			need |= needNumber
		}
		if c&ncAge != 0 && (prev == "how" || prev == "hur" || (prev == "what" || prev == "vilken") && (w == "age" || w == "ålder")) {
			// "what age", not "what old wood can become"
			need |= needAge
		}
		if c&ncSum != 0 {
			sum = true
		}
		if c&ncLength != 0 && (prev == "how" || prev == "hur") {
			need |= needDigits // a duration or a size is given in figures
		}
		if prev == "how" && w == "much" || prev == "hur" && w == "mycket" {
			howMuch = true
		}
		if c&ncCost != 0 {
			money = true
		}
		if c&ncPercent != 0 || isPercentTypo(w) {
			need |= needPercent
		}
		if c&ncAmount != 0 && howMuch {
			money = true
		}
		if asksClock(prev, w) {
			need |= needClock
		}
		if _, ok := openWords[w]; ok && need&needTime != 0 {
			need |= needClock
		}
		if (prev == "what" || prev == "vilket") && (w == "year" || w == "år" || w == "date" || w == "datum") {
			need |= needTime
		}
		prev2, prev, prevC = prev, w, c
		return n < 64
	})
	if _, ok := mobileWords[prev]; ok {
		need |= needContact
	}
	if howMuch && askPrice(q) {
		money = true
	}
	if need&needPlace == 0 {
		// The first "var" of the first clause, as a word of its own.
		lq := strings.ToLower(q[:min(len(q), 256)])
		if i := strings.Index(lq, "var "); i >= 0 && (i == 0 || !isWordByte(lq[i-1])) && varWhere(lq[i:], false) && !strings.ContainsAny(lq[:i], ".,;:!?") {
			need |= needPlace
		}
	}
	if money || sum && !isYesNo(q) {
		need |= needMoney
	}
	return need
}

// varWhere reports whether the first "var" of a clause means "where": the
// word after it is in placeAfterVar ("var ligger …", "var i …"), or, when
// verbs is set, is a verb ("var kan man …", "var ska de mötas"), also a
// passive or deponent one in -as ("var träffas ni", "var anordnas de") —
// "var" meaning "was" is followed by its subject ("var det …", "var
// viakub …").
// The tokenizer drops one-letter words such as "i", so the clause is split
// on spaces here.
func varWhere(clause string, verbs bool) bool {
	seen := false
	for f := range strings.FieldsSeq(clause) {
		f = strings.ToLower(strings.Trim(f, ".,;:!?\"'"))
		if seen {
			_, ok := placeAfterVar[f]
			if _, verb := yesNoWords[f]; verbs && (verb && f != "var" || len(f) >= 5 && strings.HasSuffix(f, "as")) {
				ok = true
			}
			return ok
		}
		seen = f == "var"
	}
	return false
}

// textHas returns the answer-type bits that a text satisfies as a whole
// (names, places, counts and contact details; dates and numbers written
// as words come from single words, wordHas). A name is two capitalised
// words in a row ("Mia Lindgren", "Linda K Nordfors", "Region Halland"); a
// place a capitalised word after "in"/"i"/"på"/"at"/"from"/"från" or alone
// in brackets ("i Halmstad", "(Varberg)"); a count a number that is
// neither a year (four digits) nor part of a reference ("SOU 2022:44");
// contact details a phone number ("035-17 98 80") or an e-mail address.
func textHas(s string) int {
	has := 0
	prev, prevCap := "", false
	for w := range strings.FieldsSeq(s) {
		word := strings.Trim(w, ".,;:!?*\"'`“”")
		capital := isCapitalised(strings.TrimPrefix(word, "("))
		if capital && prevCap && !strings.HasSuffix(prev, ".") || capital && len(word) > 2 && word[0] == '(' && strings.HasSuffix(word, ")") {
			if prevCap {
				has |= needName
			} else {
				has |= needPlace
			}
		}
		if capital {
			switch strings.ToLower(strings.Trim(prev, "(")) {
			case "i", "in", "på", "at", "from", "från":
				has |= needPlace
			}
		}
		switch strings.ToLower(word) {
		case "kl", "klockan", "o'clock":
			has |= needClock
		}
		if strings.Contains(word, "@") && strings.Contains(word[strings.Index(word, "@"):], ".") {
			has |= needContact
		}
		prev, prevCap = w, capital || len(word) == 1 && prevCap && word[0] >= 'A' && word[0] <= 'Z'
	}
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		has |= needDigits
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		n := j - i
		ref := i > 0 && s[i-1] == ':' || j < len(s) && s[j] == ':'
		if !ref && n != 4 {
			has |= needNumber
		}
		if n >= 2 && n <= 4 && j+1 < len(s) && s[j] == '-' && s[j+1] >= '0' && s[j+1] <= '9' {
			has |= needContact
		}
		if n <= 2 && j+2 < len(s) && (s[j] == ':' || s[j] == '.') && isDigits(s[j+1:j+3]) && (j+3 == len(s) || s[j+3] < '0' || s[j+3] > '9') {
			has |= needClock // "18:00", "10.30"
		}
		if rest := strings.TrimLeft(s[j:min(len(s), j+12)], " \u00a0"); strings.HasPrefix(rest, "%") || strings.HasPrefix(strings.ToLower(rest), "percent") || strings.HasPrefix(strings.ToLower(rest), "procent") || strings.HasPrefix(strings.ToLower(rest), "per cent") {
			has |= needPercent
		}
		i = j
	}
	return has
}

// askPrice reports whether q asks "how much is a/an/the …" or "how much
// are the …": a price ("how much is a bus ticket"), not an amount ("how
// much is known"). The tokenizer drops "a", so the text is split on
// spaces here.
func askPrice(q string) bool {
	prev2, prev := "", ""
	for f := range strings.FieldsSeq(q[:min(len(q), 512)]) {
		f = strings.ToLower(strings.Trim(f, ".,;:!?\"'"))
		if prev2 == "much" && (prev == "is" || prev == "are" || prev == "was" || prev == "were") && (f == "a" || f == "an" || f == "the") {
			return true
		}
		prev2, prev = prev, f
	}
	return false
}

// isPercentTypo reports whether w is one typo from a word of
// percentWords after its first four letters ("percantage"); the words
// themselves are in needClasses.
func isPercentTypo(w string) bool {
	if len(w) < 7 || !strings.HasPrefix(w, "perc") && !strings.HasPrefix(w, "proc") {
		return false
	}
	rs := []rune(w)
	for f := range percentWords {
		if osaDistance(rs, []rune(f), 1) <= 1 {
			return true
		}
	}
	return false
}

// isCapitalised reports whether w starts with an upper-case letter
// followed by a lower-case one ("Halmstad", not "PUNKS" or "K").
func isCapitalised(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(w[n:])
	return unicode.IsLower(r2)
}

// wordHas returns the answer-type bits one folded word can satisfy.
func wordHas(w string) int {
	has := 0
	if isDigits(w) && len(w) == 4 {
		// A year; a count is found by textHas. A shorter number is no date
		// by itself ("12 minutes"): a day comes with its month ("31
		// October"), which timeWords has.
		has |= needTime
	}
	if _, ok := numberWords[w]; ok {
		has |= needNumber
	}
	if _, ok := timeWords[w]; ok {
		has |= needTime
	}
	if _, ok := moneyWords[w]; ok {
		has |= needMoney
	}
	if _, ok := ageTextWords[w]; ok {
		has |= needAge
	}
	return has
}
