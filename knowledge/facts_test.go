package knowledge

import (
	"strings"
	"testing"
)

// TestFactsStated checks that every fact of the article
// (/work/shared/seed/passionsdriven-ekonomi-region-halland.txt) and of
// facts.md is stated in the answer (body) of the topic it belongs to, in
// both languages. Each fact is a substring of the Swedish and of the
// English body ("" where a language states it in words too different to
// pin down; the other language is checked).
func TestFactsStated(t *testing.T) {
	facts := []struct{ topic, sv, en string }{
		// The article.
		{"regional-importance", "attraktiv", "attractive"},
		{"regional-importance", "lokalt förankrad tillväxt", "locally rooted growth"},
		{"regional-importance", "innovation", "innovation"},
		{"passion-driven-economy", "snarare än kring vad marknaden efterfrågar", "rather than around market demand"},
		{"passion-driven-economy", "engagerande och viktigt", "engaging and important"},
		{"passion-driven-economy", "Pengar ses som ett medel", "Money is seen as a way"},
		{"passion-driven-economy", "utforska väger tyngre än att expandera", "exploring counts for more than expanding"},
		{"report", "Passion som affärsmodell och samverkan för innovation", "Passion som affärsmodell och samverkan för innovation"},
		{"report", "var de skiljer sig åt", "where they differ"},
		{"report", "innovationskraft", "innovative capacity"},
		{"report", "sektorsöverskridande samarbeten", "cross-sector collaboration"},
		{"report", "regionala aktörens roll", "role of the regional actor"},
		{"report-commission", "VIAkub Halland", "VIAkub Halland"},
		{"where-common", "alla branscher", "every industry"},
		{"where-common", "konst och kultur", "art and culture"},
		{"where-common", "besöksnäringen", "visitor industry"},
		{"where-common", "hantverk", "crafts"},
		{"where-common", "hälsa", "health"},
		{"where-common", "småskalig produktion av mat", "small-scale food production"},
		{"filmed-interview", "12 minuter", "12 minutes"},
		{"filmed-interview", "Mia Lindgren", "Mia Lindgren"},
		{"regional-strategy", "innovation", "innovation"},
		{"regional-strategy", "hållbar tillväxt", "sustainable growth"},
		{"regional-strategy", "offentliga organisationer", "public organisations"},
		{"regional-importance", "Europeiska unionens (EU:s) och Region Hallands logotyper", "logos of the European Union (EU) and Region Halland"},
		{"regional-importance", "skapar attraktivitet, lokal tillväxt och innovation", "creates attractiveness, local growth and innovation"},
		{"passion-driven-economy", "bygger sina verksamheter kring", "build their businesses around"},
		{"explore-not-grow", "", "more interested in exploring than in creating growth"},
		{"viakub", "passionsdrivna ekonomin", "passion-driven economy"},
		{"innovation-resource", "hittills nästan inte", "so far gone almost unused"},
		{"innovation-resource", "mer kunskap", "more knowledge"},
		{"innovation-resource", "utmaningar", "challenges"},
		{"recommendations", "Utbilda!", "Utbilda!"},
		{"recommendations", "Skapa mötesplatser!", "Skapa mötesplatser!"},
		{"recommendations", "Syna alla insatser!", "Syna alla insatser!"},
		{"recommendations", "Uppmuntra forskning!", "Uppmuntra forskning!"},
		{"rec-educate", "tjänstepersoner", "public officials"},
		{"rec-educate", "grundutbildning", "basic training"},
		{"rec-educate", "gemensamt språk", "shared vocabulary"},
		{"rec-meeting-places", "innovationsarenor", "innovation arenas"},
		{"rec-meeting-places", "visioner", "visions"},
		{"digital-meeting-places", "digitala plattformar", "digital platforms"},
		{"rec-scrutinize", "skattefinansierade", "tax-funded"},
		{"rec-research", "värdeinnovering", "value innovation"},
		{"rec-research", "hållbarhet", "sustainability"},
		{"rec-research", "samhällseffekter", "effects on society"},
		{"three-principles", "tecknat de tre grundprinciperna som en illustration", "drawn the three principles as an illustration"},
		{"report-author", "Mia Lindgren", "Mia Lindgren"},
		{"report-author", "affärsutvecklare", "business developer"},
		{"report-author", "intervjuer med Linda K Nordfors", "interviews with Linda K Nordfors"},
		{"punks", "Mia Lindgren och Linda K Nordfors sitter i styrelsen", "Mia Lindgren and Linda K Nordfors both sit on its board"},
		{"punks-name", "Passionsdriven Utveckling av Näringsliv Kultur och Samhälle", "Passionsdriven Utveckling av Näringsliv Kultur och Samhälle"},
		{"viakub-contact", "Veronica Olofsson", "Veronica Olofsson"},
		{"viakub-contact", "projektledare", "project manager"},
		{"viakub-contact", "035-17 98 80", "035-17 98 80"},
		{"viakub-contact", "073-094 10 20", "073-094 10 20"},
		{"viakub-contact", "veronica.olofsson@regionhalland.se", "veronica.olofsson@regionhalland.se"},
		// facts.md: the three principles.
		{"three-principles", "three cornerstones", "cornerstones"},
		{"where-common", "jordbruk, skogsbruk, tech, livsmedelsförädling och bankverksamhet", "farming, forestry, tech, food processing and banking"},
		{"sectors", "De flesta av de kulturella och kreativa näringarna", "Most of the cultural and creative industries"},
		{"three-principles", "alla tre", "all three"},
		{"three-principles", "passionen driver verksamheten, inte marknadens efterfrågan", "passion drives the business, not market demand"},
		{"three-principles", "pengar är ett medel", "money is a means, not a goal in itself"},
		{"three-principles", "utforska, inte att växa", "explore, not endless growth"},
		{"self-test", "alla tre måste stämma", "all three must hold"},
		// Passion-driven versus market-driven.
		{"passion-vs-market", "grundarna själva", "founders themselves"},
		{"passion-vs-market", "hålla verksamheten igång", "keep the work going"},
		{"passion-vs-market", "överskott", "surplus"},
		{"passion-vs-market", "mer av det som betyder något", "more of what matters"},
		{"explore-not-grow", "Större är inte alltid bättre", "Bigger is not always better"},
		{"explore-not-grow", "värden", "values"},
		{"purpose-not-person", "gå med vinst och vara ideell", "profit-making or non-profit"},
		{"purpose-not-person", "*varför*", "*why*"},
		{"purpose-not-person", "inte en egenskap hos en enskild människa", "not a trait of an individual"},
		{"money-as-means", "pengar ett medel, inte ett mål i sig", "money is a means, not a goal in itself"},
		// Where it is found.
		{"sectors", "ideell, kommersiell och delvis offentligt finansierad", "non-profit and commercial"},
		{"sectors", "kultur och hållbarhet", "culture and sustainability"},
		{"sectors", "kulturella och kreativa näringarna", "cultural and creative industries"},
		{"sectors", "jordbruk", "agriculture"},
		{"sectors", "tech", "technology"},
		{"sectors", "livsmedelsförädling", "processing of food"},
		{"sectors", "skogsbruk", "forestry"},
		{"sectors", "bankverksamhet", "banking"},
		{"business-support", "marknadsdrivna företag", "market-driven companies"},
		// Linda K Nordfors.
		{"linda-k-nordfors", "konstnär, entreprenör och affärsutvecklare", "artist, entrepreneur and business developer"},
		{"linda-k-nordfors", "Reflection Company 2001", "Reflection Company in 2001"},
		{"linda-k-nordfors", "18 år", "18 years"},
		{"linda-k-nordfors", "sedan 2008", "since 2008"},
		{"linda-k-nordfors", "Kultur & Näringsliv", "Kultur & Näringsliv"},
		{"linda-k-nordfors", "hösten 2018", "autumn of 2018"},
		{"linda-k-nordfors", "*passionsekonomi*", "*passionsekonomi*"},
		{"linda-k-nordfors", "upptäckte och namngav", "discovered and named the phenomenon rather than invented it"},
		{"value-method", "Värdemetoden", "Värdemetoden"},
		// PUNKS.
		{"punks", "ideell", "non-profit"},
		{"punks", "2020", "2020"},
		{"punks", "kommuner och regioner", "municipalities and regions"},
		{"punks", "policyrådgivning", "policy advice"},
		{"punks", "gräsrotsnätverk", "grassroots network"},
		{"punks", "punks.se", "punks.se"},
		{"shadow-report", "Passionsdrivna Sverige", "Passionsdrivna Sverige"},
		{"shadow-report", "SOU 2022:44", "SOU 2022:44"},
		{"shadow-report", "Kreativa Sverige!", "Kreativa Sverige!"},
		// VIAkub Halland.
		{"viakub", "EU-stött", "EU-supported"},
		{"viakub", "Högskolan i Halmstad", "Halmstad University"},
		{"viakub", "besöksnäring", "visitor industry"},
		{"viakub", "små och medelstora företag", "small and medium-sized businesses"},
		{"viakub-results", "april 2020", "April 2020"},
		{"viakub-results", "31 oktober 2022", "31 October 2022"},
		{"viakub-results", "31 okt 2022", "31 Oct 2022"},
		{"viakub", "EU-finansierat", "EU-funded"},
		{"viakub-contact", "postadress", "postal address"},
		{"viakub-results", "lista över de deltagande företagen", "list of the participating companies"},
		{"bot-privacy", "synlighet:dold", "visibility:hidden"},
		{"viakub-results", "141 deltagare", "141 participants"},
		{"viakub-results", "89 företag", "89 companies"},
		{"viakub-results", "52 organisationer", "52 organisations"},
		{"viakub-results", "33 aktiviteter", "33 activities"},
		{"viakub-results", "testlabbuss", "test lab bus"},
		{"viakub-results", "Digitalt laborativt centrum", "Digitalt laborativt centrum"},
		{"viakub-results", "Impact House Halland i Varberg", "Impact House Halland in Varberg"},
		// Pass 7: facts a question expected in a sibling topic's answer.
		{"report-author", "Passion som affärsmodell och samverkan för innovation", "Passion som affärsmodell och samverkan för innovation"},
		{"rec-educate", "ekonomins dynamik", "dynamics of the passion-driven economy"},
		{"where-common", "kultur och hållbarhet", "culture and sustainability"},
		{"viakub-contact", "riktnummer 035", "area code 035"},
		{"linda-k-nordfors", "lindaknordfors.com", "lindaknordfors.com"},
		{"passion-vs-market", "passionsdriven.se", "passionsdriven.se"},
		{"regional-importance", "ökad kunskap", "more knowledge"},
		{"self-test", "eller är ideell", "or is non-profit"},
		// Not known: said, not guessed.
		{"report", "framgår inte av botens källor", "sources do not say"},
		{"linda-k-nordfors", "bok av henne framgår inte", "do not give the title of any book"},
		{"punks", "Vem som är ordförande", "who chairs it"},
		{"punks", "hur man blir medlem och vad medlemskapet kostar", "how to join or what membership costs"},
	}
	ix := builtinIndex(t)
	for _, f := range facts {
		for lang, want := range map[string]string{"sv": f.sv, "en": f.en} {
			top := ix.Topic(f.topic, lang)
			switch {
			case top == nil || top.Lang != lang:
				t.Errorf("%s.%s: no such topic", f.topic, lang)
			case want != "" && !strings.Contains(top.Body, want):
				t.Errorf("%s.%s does not state %q", f.topic, lang, want)
			}
		}
	}
}
