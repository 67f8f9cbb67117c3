package knowledge

import (
	"slices"
	"strings"
)

// Stop words are matched against folded, lower-cased tokens before
// stemming, on both the document and the query side. The lists hold
// function words, question words (so that "who" or "vad" cannot match
// every topic) and the filler that people put around a question ("tell
// me", "förklara", "egentligen"). They deliberately leave out words that
// carry meaning in this knowledge base even if they are common elsewhere:
// "means" (money as a means), "yes"/"maybe"/"ja"/"nej"/"kanske" (meetup
// RSVPs), "help", "ask", "list", "show", "top", "stand" (what PUNKS
// stands for), "name".
//
// Both lists are applied to every text, whatever its language: questions
// mix languages, and the few words that are function words in one
// language and content words in the other ("by", "man", "den", "men",
// "till") do not matter for this knowledge base.

const svStopText = `
alla allt andra annan annat att av bara bli blev blir blivit de dem den denna
denne dess dessa det detta dig din dina ditt du där då efter ej eller en er era
ert ett finns fanns från för ha hade han hans har henne hennes hon honom hur här
i icke ingen inget inga inom inte jag ju kan kunde man med mellan men mig min
mina mitt mot mycket ni nu när någon något några nån nåt någonting nånting och
om oss på samma sedan sen sig sin sina sitt ska skall skulle som så sådan sådant
sådana till under upp ut utan vad vadå var vara varför varit varje vars vart vem
vi vid vilka vilken vilket vill är än åt över få får fick gör göra gjorde menas
menar betyder betyda innebär innebära egentligen berätta berättar förklara
förklarar beskriv beskriva snälla tack hej hejsan undrar veta vet ens också även
mer mera mest lite typ liksom väl nog dvs alltså handlar handla säga säger sa
sak saker ge många ner ned måste vilja hela helt ofta själv vår våra vårt vems
vilkas själva mej dej dom ngn ngt nå oj aha okej ok hmm heter hette kallas va
nånstans någonstans enligt redan lät fungerar fungera fungerade funkar funka
funkade allihop allihopa hallå tjena ända jaså minsann låter förstår förstå förstod fattar ordet
asså grej grejen grejer grejerna grejor alls
`

const enStopText = `
a about above after again against all am an and any are aren as at be because
been before being below between both but by can cannot could couldn did didn do
does doesn doing don down during each few for from further had hadn has hasn
have haven having he her here hers herself him himself his how i if in into is
isn it its itself just let me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should shouldn so some
such than that the their theirs them themselves then there these they this
those through to too under until up very was wasn we were weren what when where
which while who whom whose why will with won would wouldn you your yours
yourself yourselves ll re ve s t d m whats thats hows whos wheres whens whys
im ive dont doesnt isnt cant wont didnt arent also anything something someone
anyone somebody anybody tell explain describe please thanks thank hi hello hey
know mean meaning really actually exactly want wanted get got kind sort
basically thing things stuff etc ok okay lot lots much many well even still
whether shall may might must would say says said go going wondering wonder
give often called according smth sth sorry already eh ehm uh uhm um umm hmm hm pls plz
instance understand understood word lol haha hahaha hehe btw omg xd cringe
honestly seriously frankly nah
`

var (
	svStop = wordSet(svStopText)
	enStop = wordSet(enStopText)
	// stopList is both lists, sorted, without duplicates.
	stopList = func() []string {
		l := append(strings.Fields(svStopText), strings.Fields(enStopText)...)
		slices.Sort(l)
		return slices.Compact(l)
	}()
)

func wordSet(text string) map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(text) {
		m[w] = struct{}{}
	}
	return m
}

// isStop reports whether a folded token is a stop word in either language.
func isStop(tok string) bool {
	return wordClasses[tok]&(classSvStop|classEnStop) != 0
}
