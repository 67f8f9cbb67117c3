package knowledge

// Answer types. Some questions ask for a kind of fact that a topic can
// only answer if its text contains it: "when …" needs a date or time,
// "how many …" a number, "what does … cost" an amount of money. A topic
// that matches the words of such a question but lacks the fact ("When
// was the report published?" against a topic that never gives a date)
// is ranked down, and if it still comes first it is not given as an
// answer with full confidence. This is a classic question-answering
// heuristic and needs no knowledge of particular topics.
const (
	needTime = 1 << iota
	needNumber
	needMoney
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
	amountWords = wordSet(`money pengar funding finansiering budget`)
	greetWords  = wordSet(`hi hello hey hej hejsan tjena tja ok okay so and och men but`)
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

// wordHas returns the answer-type bits one folded word can satisfy.
func wordHas(w string) int {
	has := 0
	if isDigits(w) {
		has |= needNumber | needTime
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
