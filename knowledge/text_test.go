package knowledge

import (
	"slices"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Vad är passionsdriven ekonomi?", []string{"vad", "är", "passionsdriven", "ekonomi"}},
		{"ÅÄÖ åäö", []string{"åäö", "åäö"}},
		{"Café Zoë naïve Ørsted Æble", []string{"cafe", "zoe", "naive", "örsted", "äble"}},
		{"passion-driven, market–driven", []string{"passion", "driven", "market", "driven"}},
		{"what's PUNKS' name?", []string{"what", "punks", "name"}},
		{"SOU 2022:44", []string{"sou", "2022", "44"}},
		{"`interests add tags:\"keramik, surdeg\"`", []string{"interests", "add", "tags", "keramik", "surdeg"}},
		{"a\u030angest o\u0308l", []string{"ångest", "öl"}}, // decomposed å, ö
		{"🎉🔥 !!! ...", nil},
		{"", nil},
		{"x y z", nil}, // one-letter tokens are dropped
		{"bad \xff\xfe utf8", []string{"bad", "utf8"}},
		{"I DROP TABLE topics; --", []string{"drop", "table", "topics"}},
	}
	for _, tt := range tests {
		if got := tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := strings.Repeat("a", 100)
	if got := tokens(long + " b"); len(got) != 1 || len([]rune(got[0])) != maxTokenRunes {
		t.Errorf("long token: got %q", got)
	}
}

func TestStem(t *testing.T) {
	tests := []struct {
		word, lang, want string
	}{
		{"företagen", "sv", "företag"},
		{"företaget", "sv", "företag"}, // svExtra: definite neuter -et
		{"syftet", "sv", "syft"},
		{"passionsdriven", "sv", "pasionsdriv"}, // termKey: doubled s once
		{"passionsdrivna", "sv", "pasionsdriv"},
		{"passionsdrivet", "sv", "pasionsdriv"},
		{"recommendations", "en", "rekomend"},
		{"meetups", "en", "metup"},   // termKey: doubled letters once
		{"economy", "en", "ekonomi"}, // meets Swedish "ekonomi"
		{"ekonomi", "sv", "ekonomi"},
		{"method", "en", "metod"},
		{"metod", "sv", "metod"},
		{"2022", "en", "2022"},
	}
	for _, tt := range tests {
		if got := stemNew(tt.word, tt.lang); got != tt.want {
			t.Errorf("stem(%q, %s) = %q, want %q", tt.word, tt.lang, got, tt.want)
		}
	}
}

func TestStopWords(t *testing.T) {
	for _, w := range []string{"vad", "vem", "hur", "varför", "what", "who", "how", "why", "the", "och", "är", "is"} {
		if !isStop(w) {
			t.Errorf("%q should be a stop word", w)
		}
	}
	for _, w := range []string{"passion", "bot", "means", "help", "ask", "punks", "pengar", "yes", "maybe", "nej", "ja", "kanske", "stand", "name"} {
		if isStop(w) {
			t.Errorf("%q must not be a stop word", w)
		}
	}
	// Question words alone match nothing.
	ix := NewIndex(sampleTopics())
	for _, q := range []string{"who?", "vad är det?", "what is it and how and why"} {
		if r := ix.Search(q, "en"); r.Top != nil || r.Answered {
			t.Errorf("Search(%q) = %+v, want no match", q, r)
		}
	}
}

func TestOSADistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"passion", "passion", 0},
		{"pasion", "passion", 1},
		{"passoin", "passion", 1}, // transposition
		{"pussion", "passion", 1},
		{"passionx", "passion", 1},
		{"psasoin", "passion", 2},
		{"abc", "xyz", 3},
		{"", "abc", 3},
	}
	for _, tt := range tests {
		if got := osaDistance([]rune(tt.a), []rune(tt.b), 3); got != tt.want {
			t.Errorf("osaDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	if got := osaDistance([]rune("abcdef"), []rune("uvwxyz"), 1); got != 2 {
		t.Errorf("bounded distance = %d, want max+1 = 2", got)
	}
}

func TestFuzzyLookup(t *testing.T) {
	words := []string{"passion", "passionsdriven", "rekommendationer", "meetups", "matchning", "bot", "boten", "innovation"}
	fz := newFuzzyIndex(words)
	seen := map[int32]bool{}
	tests := []struct {
		tok      string
		want     []string
		wantDist int
	}{
		{"pasion", []string{"passion"}, 1},
		{"passoin", []string{"passion"}, 1},
		{"meetps", []string{"meetups"}, 1},
		{"rekomendationer", []string{"rekommendationer"}, 1},
		{"rekomendatioer", []string{"rekommendationer"}, 2}, // 8+ runes: distance 2
		{"matcning", []string{"matchning"}, 1},
		{"innvoatoin", []string{"innovation"}, 2}, // two transpositions
		{"ixxovatixn", nil, 0},                    // distance 3
		{"bto", nil, 0},                           // too short to correct
		{"weather", nil, 0},
	}
	for _, tt := range tests {
		ids, d := fz.lookup([]rune(tt.tok), 4, seen)
		var got []string
		for _, id := range ids {
			got = append(got, words[id])
		}
		if !slices.Equal(got, tt.want) || d != tt.wantDist {
			t.Errorf("lookup(%q) = %q, %d; want %q, %d", tt.tok, got, d, tt.want, tt.wantDist)
		}
	}
}

func TestSplitCompound(t *testing.T) {
	vocab := map[string]bool{"mat": true, "producenter": true, "möte": true, "platser": true, "passion": true,
		"driven": true, "livsmedel": true, "tillverkning": true, "bot": true, "tand": true}
	known := func(part string, final bool) bool { return vocab[part] }
	tests := []struct {
		tok  string
		want []string
	}{
		{"matproducenter", []string{"mat", "producenter"}},
		{"mötesplatser", []string{"möte", "platser"}}, // linking s
		{"passionsdriven", []string{"passion", "driven"}},
		{"livsmedelstillverkning", []string{"livsmedel", "tillverkning"}},
		{"passionbot", []string{"passion", "bot"}},
		{"tandläkare", nil}, // "läkare" unknown
		{"mat", nil},        // too short
		{"passion", nil},    // the whole word is not a split
	}
	for _, tt := range tests {
		if got := splitCompound(tt.tok, known); !slices.Equal(got, tt.want) {
			t.Errorf("splitCompound(%q) = %q, want %q", tt.tok, got, tt.want)
		}
	}
}

func TestNegativeSentence(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"The bot's sources do not say who chairs it.", true},
		{"Vem som är ordförande framgår inte av botens källor.", true},
		{"Money is not a goal in itself.", false},
		{"The report says regions should meet.", false},
		{"The term describes the organisation's purpose, not a trait of a person.", false},
		{"Botens källor beskriver inte hur den går till.", true},
		{"The bot's sources do not give the title of any book by her.", true},
	}
	for _, tt := range tests {
		if got := isNegativeSentence(tt.s); got != tt.want {
			t.Errorf("isNegativeSentence(%q) = %v", tt.s, got)
		}
	}
}

func TestQuestionNeeds(t *testing.T) {
	tests := []struct {
		q    string
		want int
	}{
		{"When was PUNKS founded?", needTime},
		{"när publicerades rapporten?", needTime},
		{"hej, när är nästa träff?", needTime},
		{"how many participants were there", needNumber},
		{"hur många deltog?", needNumber},
		{"vad kostar det?", needMoney},
		{"how much money did they get", needMoney},
		{"how much of the creative industries is passion-driven?", 0},
		{"vad händer när man matchas?", 0}, // "när" not leading
	}
	for _, tt := range tests {
		if got := questionNeeds(tt.q); got != tt.want {
			t.Errorf("questionNeeds(%q) = %b, want %b", tt.q, got, tt.want)
		}
	}
}

func TestDetectLang(t *testing.T) {
	tests := []struct {
		text      string
		lang      string
		confident bool
	}{
		{"Vad är passionsdriven ekonomi?", "sv", true},
		{"hur slår jag på matchning", "sv", true},
		{"vem beställde rapporten?", "sv", true},
		{"What is the passion-driven economy?", "en", true},
		{"who commissioned the report", "en", true},
		{"how do I see upcoming meetups", "en", true},
		{"PUNKS?", "sv", false},
		{"", "sv", false},
		{"🎉", "sv", false},
		{"VIAkub", "sv", false},
		{"what är", "sv", false}, // mixed
	}
	for _, tt := range tests {
		lang, conf := DetectLang(tt.text)
		if lang != tt.lang || conf != tt.confident {
			t.Errorf("DetectLang(%q) = %s, %v; want %s, %v", tt.text, lang, conf, tt.lang, tt.confident)
		}
	}
}

func TestQuoted(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{`vad menas med 'mer av det som betyder något'?`, "mer av det som betyder något'"},
		{`what does “more of what matters” mean`, "more of what matters”"},
		{`what's in Nordfors' book`, ""},
		{`it's 'odd`, ""},
		{`"unclosed`, ""},
	} {
		got := ""
		if i, j := quoted(c.q); i >= 0 {
			got = c.q[i:j]
		}
		if got != c.want {
			t.Errorf("quoted(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}
