package knowledge

import "regexp"

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
const (
	needTime = 1 << iota
	needNumber
	needMoney
	needName
	needPlace
	needContact
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
		make tjänar tjäna drar`)
	// incomeWords ask for a sum of money wherever they stand.
	incomeWords = wordSet(`salary salaries wage wages income lön lönen löner
		inkomst inkomsten månadslön årslön turnover omsättning omsättningen`)
	nameWords = wordSet(`who whom whose vem vems`)
	// contactWords ask for a phone number or an e-mail address, which an
	// answer must then contain.
	contactWords = wordSet(`phone telephone mobile cell email mail mejl
		telefon telefonnummer mobil mobilnummer mobilnr epost
		mailadress mejladress epostadress emailadress`)
	// placeAfterVar are verbs that make Swedish "var" mean "where" ("var
	// ligger …") rather than "was" ("var viakub …").
	placeAfterVar = wordSet(`ligger låg finns fanns hölls håller hittar
		sker skedde bor hålls`)
	placeNouns = wordSet(`city town place venue address location stad staden
		ort orten plats platsen adress adressen kommun`)
	greetWords = wordSet(`hi hello hey hej hejsan tjena tja ok okay so and och men but`)
)

// questionNeeds returns the answer-type bits of a question, looking at
// its first words for "when"/"när" and "how many"/"hur många", and at all
// of it for cost words.
func questionNeeds(q string) int {
	var tk tokenizer
	need := 0
	var prev string
	pos := 0 // position after leading greetings
	n := 0
	howMuch := false
	money := false
	tk.each(q, 4<<10, func(w string) bool {
		n++
		if _, ok := greetWords[w]; ok && pos == 0 {
			prev = w
			return n < 64
		}
		pos++
		if pos == 1 && (w == "when" || w == "när") {
			need |= needTime
		}
		if _, ok := nameWords[w]; ok && pos == 1 {
			need |= needName
		}
		if pos == 1 && w == "where" {
			need |= needPlace
		}
		if _, ok := placeAfterVar[w]; ok && pos == 2 && prev == "var" {
			need |= needPlace
		}
		if _, ok := placeNouns[w]; ok && (prev == "which" || prev == "what" || prev == "vilken" || prev == "vilket") {
			need |= needPlace
		}
		if _, ok := contactWords[w]; ok {
			need |= needContact
		}
		if _, ok := incomeWords[w]; ok {
			money = true
		}
		if (prev == "vad" || prev == "what") && (w == "tjänar" || w == "earn" || w == "earns") {
			money = true
		}
		if pos <= 3 && (prev == "how" && w == "many" || prev == "hur" && w == "många") {
			need |= needNumber
		}
		if prev == "how" && w == "much" || prev == "hur" && w == "mycket" {
			howMuch = true
		}
		if _, ok := costWords[w]; ok {
			money = true
		}
		if _, ok := amountWords[w]; ok && howMuch {
			money = true
		}
		if (prev == "what" || prev == "vilket") && (w == "year" || w == "år" || w == "date" || w == "datum") {
			need |= needTime
		}
		prev = w
		return n < 64
	})
	if money {
		need |= needMoney
	}
	return need
}

var (
	// nameRe finds a name in a topic's text: two capitalised words in a row
	// ("Mia Lindgren", "Linda K Nordfors", "Region Halland").
	nameRe = regexp.MustCompile(`\p{Lu}[\p{Ll}\p{Lu}]+(?:\s+\p{Lu}\.?)?\s+\p{Lu}\p{Ll}+`)
	// placeRe finds a place: a capitalised word after a preposition of
	// place, or alone in brackets ("i Halmstad", "in Varberg", "(Varberg)").
	// countRe finds a count: a number that is neither a year (four
	// digits) nor part of a reference ("SOU 2022:44").
	countRe = regexp.MustCompile(`(?:^|[^\d:])(?:\d{1,3}|\d{5,})(?:[^\d:]|$)`)
	// contactRe finds a phone number or an e-mail address.
	contactRe = regexp.MustCompile(`\d{2,4}-\d{1,3}[ \d]*\d|[\w.+-]+@[\w-]+\.[\w.]+`)
	placeRe   = regexp.MustCompile(`(?:^|[\s(])(?:i|in|på|at|from|från)\s+\p{Lu}\p{Ll}+|\(\p{Lu}\p{Ll}+\)`)
)

// textHas returns the answer-type bits that a text satisfies as a whole
// (names and places; the other bits come from single words, wordHas).
func textHas(s string) int {
	has := 0
	if nameRe.MatchString(s) {
		has |= needName
	}
	if placeRe.MatchString(s) {
		has |= needPlace
	}
	if countRe.MatchString(s) {
		has |= needNumber
	}
	if contactRe.MatchString(s) {
		has |= needContact
	}
	return has
}

// wordHas returns the answer-type bits one folded word can satisfy.
func wordHas(w string) int {
	has := 0
	if isDigits(w) {
		has |= needTime // a count is found by textHas: a year is not one
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
	return has
}
