package knowledge

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// sampleTopics is a small synthetic base for unit tests.
func sampleTopics() []Topic {
	mk := func(id, lang, title, body string, tags, related []string) Topic {
		return Topic{ID: id, Lang: lang, Title: title, Body: body, Tags: tags, Related: related, Builtin: true}
	}
	return []Topic{
		mk("coffee", "sv", "Var kan jag dricka kaffe?", "Kaffet serveras i foajén varje morgon.", []string{"fika", "espresso"}, []string{"tea"}),
		mk("coffee", "en", "Where can I drink coffee?", "Coffee is served in the foyer every morning.", []string{"espresso"}, []string{"tea"}),
		mk("tea", "sv", "Finns det te?", "Te finns i köket, både grönt och svart.", []string{"örtte"}, nil),
		mk("tea", "en", "Is there tea?", "Tea is in the kitchen, both green and black.", nil, nil),
		mk("parking", "sv", "Var parkerar jag?", "Parkeringsplatserna ligger bakom huset och är gratis.", []string{"bil", "parkeringsplats"}, []string{"coffee"}),
		mk("parking", "en", "Where do I park?", "The car park is behind the building and costs nothing.", []string{"car", "parking space"}, []string{"coffee"}),
		mk("founder", "sv", "Vem grundade föreningen?", "Föreningen grundades 2019 av Greta Lind.", nil, nil),
		mk("founder", "en", "Who founded the association?", "The association was founded in 2019 by Greta Lind.", nil, nil),
		mk("swedish-only", "sv", "Vad är midsommar?", "Midsommar firas med dans kring midsommarstången.", nil, nil),
	}
}

func TestSearchSample(t *testing.T) {
	ix := NewIndex(sampleTopics())
	if ix.Len() != 5 {
		t.Fatalf("Len = %d, want 5", ix.Len())
	}
	tests := []struct {
		q, lang, wantID, wantLang string
	}{
		{"where is the coffee served?", "en", "coffee", "en"},
		{"var serveras kaffet?", "sv", "coffee", "sv"},
		{"espresso", "sv", "coffee", "sv"},
		{"where is the kitchen with green tea", "en", "tea", "en"},
		{"var ligger parkeringen?", "sv", "parking", "sv"},
		{"kaffe", "en", "coffee", "en"},                           // Swedish word, English answer
		{"midsummer dance midsommar", "en", "swedish-only", "sv"}, // only a Swedish variant
		{"parkeringsplatser", "en", "parking", "en"},              // compound of known parts / inflection
		{"cofee served", "en", "coffee", "en"},                    // typo
		{"who founded the association", "en", "founder", "en"},
	}
	for _, tt := range tests {
		r := ix.Search(tt.q, tt.lang)
		if r.Top == nil || r.Top.ID != tt.wantID || r.Lang != tt.wantLang || r.Top.Lang != tt.wantLang {
			t.Errorf("Search(%q, %s) = %v (lang %s), want %s in %s", tt.q, tt.lang, topID(r), r.Lang, tt.wantID, tt.wantLang)
			continue
		}
		if !r.Answered || r.Score < 0.5 || r.Score > 1 {
			t.Errorf("Search(%q): Answered=%v Score=%.2f", tt.q, r.Answered, r.Score)
		}
	}
	// Related: the topic's related ids, in the answer language.
	r := ix.Search("parking behind the building", "en")
	if len(r.Related) != 1 || r.Related[0].ID != "coffee" || r.Related[0].Lang != "en" {
		t.Errorf("Related = %v", ids(r.Related))
	}
}

func TestSearchUnanswerable(t *testing.T) {
	ix := NewIndex(sampleTopics())
	for _, q := range []string{
		"what's the weather tomorrow",
		"kan du rekommendera en tandläkare",
		"how do I bake sourdough bread",
		"when is the coffee machine repaired", // "when" needs a date: coffee has none
		"parking tickets fines towing",
	} {
		r := ix.Search(q, "en")
		if r.Answered {
			t.Errorf("Search(%q) answered %s with %.2f", q, topID(r), r.Score)
		}
		if r.Top == nil && len(r.Nearest) > 0 {
			t.Errorf("Search(%q): Nearest without Top", q)
		}
	}
	r := ix.Search("parking tickets fines towing", "en")
	if len(r.Nearest) == 0 || r.Nearest[0].ID != "parking" {
		t.Errorf("Nearest = %v, want parking first", ids(r.Nearest))
	}
	if r := ix.Search("when was the association founded", "en"); !r.Answered || r.Top.ID != "founder" {
		t.Errorf("date question with a date in the answer: %s %.2f", topID(r), r.Score)
	}
}

func TestOverride(t *testing.T) {
	topics := sampleTopics()
	org := Topic{ID: "coffee", Lang: "sv", Title: "Kaffe", Body: "Kaffe finns nu i biblioteket.", Tags: []string{"bibliotek"}}
	ix := NewIndex(append(topics, org))
	sv := ix.Topic("coffee", "sv")
	if sv == nil || sv.Builtin || !strings.Contains(sv.Body, "biblioteket") {
		t.Fatalf("Topic(coffee, sv) = %+v, want the organiser's", sv)
	}
	// The whole id is overridden: the English answer falls back to the
	// organiser's Swedish text instead of the stale built-in one.
	if en := ix.Topic("coffee", "en"); en != sv {
		t.Errorf("Topic(coffee, en) = %+v, want the organiser's sv", en)
	}
	r := ix.Search("bibliotek kaffe", "en")
	if r.Top == nil || r.Top.ID != "coffee" || r.Lang != "sv" {
		t.Errorf("Search after override = %s in %s", topID(r), r.Lang)
	}
	if r := ix.Search("foyer morning espresso", "en"); r.Answered && r.Top.ID == "coffee" {
		t.Errorf("overridden built-in text still indexed")
	}
	// A later built-in variant replaces only its own (id, lang).
	bt := Topic{ID: "tea", Lang: "en", Title: "Tea", Body: "Tea is now in the lobby.", Builtin: true}
	ix = NewIndex(append(sampleTopics(), bt))
	if ix.Topic("tea", "en").Body != bt.Body || ix.Topic("tea", "sv").Lang != "sv" {
		t.Errorf("built-in replacement wrong")
	}
	if ix.Topic("nope", "sv") != nil {
		t.Errorf("Topic(unknown) != nil")
	}
	// Mutating the caller's slice does not change the index.
	topics[0].Title = "changed"
	if ix.Topic("coffee", "sv").Title == "changed" {
		t.Errorf("index shares topics with the caller")
	}
}

func TestEmptyIndex(t *testing.T) {
	ix := NewIndex(nil)
	r := ix.Search("vad är passionsdriven ekonomi", "sv")
	if r.Top != nil || r.Answered || r.Lang != "sv" || ix.Len() != 0 {
		t.Errorf("empty index: %+v", r)
	}
}

// TestBadInput feeds hostile questions; none may panic or be slow.
func TestBadInput(t *testing.T) {
	ix := builtinIndex(t)
	huge := strings.Repeat("passion innovation vad är det här 🎉 ", 3000)
	inputs := []string{
		"", " ", "?", "🎉🔥💯", "!!!???...", "\xff\xfe\xfd", "a\x00b", huge,
		strings.Repeat("x", 100<<10), strings.Repeat("å", 50<<10),
		"'; DROP TABLE topics; --", "SELECT * FROM users WHERE 1=1",
		"\"unclosed quote", "\"\"\"", "\"a\" \"b c\" \"", "“passion som affärsmodell”",
		strings.Repeat("\"ab cd\" ", 1000),
		strings.Repeat("passionsdrivenlivsmedelstillverkningsmötesplatser", 100),
	}
	for _, q := range inputs {
		for _, lang := range []string{"sv", "en", "", "xx"} {
			r := ix.Search(q, lang)
			if r.Lang != "sv" && r.Lang != "en" {
				t.Errorf("Search(%.20q, %q).Lang = %q", q, lang, r.Lang)
			}
			if r.Score < 0 || r.Score > 1 {
				t.Errorf("Score %v out of range", r.Score)
			}
		}
		DetectLang(q)
	}
}

func TestConcurrentSearch(t *testing.T) {
	ix := builtinIndex(t)
	qs := []string{"vad är passionsdriven ekonomi", "who is Linda K Nordfors", "hur slår jag på matchning", "weather"}
	want := make([]string, len(qs))
	for i, q := range qs {
		want[i] = topID(ix.Search(q, "sv"))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				k := (g + i) % len(qs)
				if got := topID(ix.Search(qs[k], "sv")); got != want[k] {
					t.Errorf("concurrent Search(%q) = %s, want %s", qs[k], got, want[k])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestParseTopic(t *testing.T) {
	good := "---\nid: coffee\nlang: sv\ntitle: Var finns kaffe?\ntags: fika, espresso , ,fika\nrelated: tea, parking\nsource: Handboken\n---\nKaffe finns i foajén.\n\nVälkommen!\n"
	tp, err := ParseTopic("kb/coffee.sv.md", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	want := Topic{ID: "coffee", Lang: "sv", Title: "Var finns kaffe?", Body: "Kaffe finns i foajén.\n\nVälkommen!",
		Source: "Handboken", Tags: []string{"fika", "espresso"}, Related: []string{"tea", "parking"}}
	if fmt.Sprint(tp) != fmt.Sprint(want) {
		t.Errorf("got %+v\nwant %+v", tp, want)
	}
	// BOM and CRLF are accepted.
	if _, err := ParseTopic("x.md", []byte("\ufeff"+strings.ReplaceAll(good, "\n", "\r\n"))); err != nil {
		t.Errorf("BOM/CRLF: %v", err)
	}

	tests := []struct {
		name, data, want string
	}{
		{"kb/x.sv.md", "---\nid: x\nlang: sv\nfoo: bar\ntitle: T\n---\nBody.", `kb/x.sv.md:4: unknown key "foo"`},
		{"kb/x.sv.md", "---\nlang: sv\ntitle: T\n---\nBody.", `kb/x.sv.md:4: missing key "id"`},
		{"kb/x.sv.md", "---\nid: x\nlang: de\ntitle: T\n---\nBody.", `kb/x.sv.md:3: bad lang "de" (want sv or en)`},
		{"kb/x.sv.md", "---\nid: x\nlang: sv\ntitle: T\nBody.", `kb/x.sv.md:1: front matter is not closed with ---`},
		{"kb/x.sv.md", "id: x\nlang: sv\n---\nBody.", `kb/x.sv.md:1: missing front matter: first line must be ---`},
		{"kb/x.sv.md", "", `kb/x.sv.md:1: missing front matter: first line must be ---`},
		{"kb/x.sv.md", "---\nid: x\nlang: sv\ntitle: T\n---\n  \n", `kb/x.sv.md:5: empty body`},
		{"kb/x.sv.md", "---\nid: x\nid: x\n---\nB", `kb/x.sv.md:3: duplicate key "id"`},
		{"kb/x.sv.md", "---\nid: X Y\n---\nB", `kb/x.sv.md:2: bad id "X Y" (want lower-case letters, digits and hyphens)`},
		{"kb/x.sv.md", "---\nid: x\nlang: sv\ntitle: T\nrelated: ok, Not OK\n---\nB", `kb/x.sv.md:5: bad related id "Not OK"`},
		{"kb/x.sv.md", "---\nid: x\nlang: sv\njust text\n---\nB", `kb/x.sv.md:4: expected "key: value", got "just text"`},
		{"kb/x.sv.md", "---\nid: y\nlang: sv\ntitle: T\n---\nB", `kb/x.sv.md:2: id "y" does not match file name "x.sv.md"`},
		{"kb/x.sv.md", "---\nid: x\nlang: en\ntitle: T\n---\nB", `kb/x.sv.md:3: lang "en" does not match file name "x.sv.md"`},
		{"kb/x.sv.md", "---\nid: x\nlang: sv\ntitle:\n---\nB", `kb/x.sv.md:4: empty title`},
	}
	for _, tt := range tests {
		_, err := ParseTopic(tt.name, []byte(tt.data))
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseTopic(%q):\n got %v\nwant %s", tt.data, err, tt.want)
		}
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.sv.md":    "---\nid: a\nlang: sv\ntitle: A\n---\nText A.",
		"a.en.md":    "---\nid: a\nlang: en\ntitle: A\n---\nText A.",
		"bad.sv.md":  "---\nid: bad\nlang: sv\ntitle: Bad\nwhat: x\n---\nText.",
		"free.md":    "---\nid: b\nlang: sv\ntitle: B\n---\nText B.",
		"dup.md":     "---\nid: b\nlang: sv\ntitle: B again\n---\nText B.",
		"notes.txt":  "not a topic",
		"open.en.md": "---\nid: open\nlang: en\ntitle: Open\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	topics, errs := LoadDir(dir)
	var got []string
	for _, tp := range topics {
		got = append(got, tp.ID+"."+tp.Lang)
		if tp.Builtin {
			t.Errorf("LoadDir topic %s marked Builtin", tp.ID)
		}
	}
	if want := []string{"a.en", "a.sv", "b.sv"}; !slices.Equal(got, want) {
		t.Errorf("topics = %v, want %v", got, want)
	}
	if len(errs) != 3 {
		t.Fatalf("errs = %v, want 3", errs)
	}
	for i, re := range []string{`bad\.sv\.md:5: unknown key "what"`, `free\.md: topic b \(sv\) already loaded from .*dup\.md`, `open\.en\.md:1: front matter is not closed`} {
		if !regexp.MustCompile(re).MatchString(errs[i].Error()) {
			t.Errorf("errs[%d] = %v, want match %s", i, errs[i], re)
		}
	}
	if _, errs := LoadDir(filepath.Join(dir, "missing")); len(errs) != 1 {
		t.Errorf("missing dir: errs = %v", errs)
	}
}

// TestBuiltinBase checks the embedded knowledge base: every id has sv and
// en, ids match file names, related ids exist, bodies have 1–4 sentences.
func TestBuiltinBase(t *testing.T) {
	topics, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(topics) == 0 {
		t.Fatal("no built-in topics")
	}
	entries, err := builtinFS.ReadDir("kb")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		files = append(files, e.Name())
	}
	langs := map[string]map[string]bool{}
	for _, tp := range topics {
		if !tp.Builtin {
			t.Errorf("%s.%s: Builtin false", tp.ID, tp.Lang)
		}
		if !slices.Contains(files, tp.ID+"."+tp.Lang+".md") {
			t.Errorf("%s.%s: no file %s.%s.md", tp.ID, tp.Lang, tp.ID, tp.Lang)
		}
		if langs[tp.ID] == nil {
			langs[tp.ID] = map[string]bool{}
		}
		langs[tp.ID][tp.Lang] = true
		if n := countSentences(tp.Body); n < 1 || n > 4 {
			t.Errorf("%s.%s: body has %d sentences, want 1–4", tp.ID, tp.Lang, n)
		}
		if len(tp.Related) > 3 {
			t.Errorf("%s.%s: %d related ids, want ≤ 3", tp.ID, tp.Lang, len(tp.Related))
		}
	}
	for _, tp := range topics {
		if !langs[tp.ID]["sv"] || !langs[tp.ID]["en"] {
			t.Errorf("%s: missing a language (have %v)", tp.ID, langs[tp.ID])
		}
		for _, r := range tp.Related {
			if langs[r] == nil {
				t.Errorf("%s.%s: related id %q does not exist", tp.ID, tp.Lang, r)
			}
			if r == tp.ID {
				t.Errorf("%s.%s: related to itself", tp.ID, tp.Lang)
			}
		}
	}
	// Both variants of an id carry the same related ids.
	ix := NewIndex(topics)
	for id := range langs {
		if sv, en := ix.Topic(id, "sv"), ix.Topic(id, "en"); !slices.Equal(sv.Related, en.Related) {
			t.Errorf("%s: related differ: sv %v, en %v", id, sv.Related, en.Related)
		}
	}
}

// countSentences counts sentence ends (. ! ? followed by a space or the
// end) outside inline code, ignoring abbreviations with a dot inside
// words (lindaknordfors.com) and enumerations like "1)".
func countSentences(body string) int {
	body = regexp.MustCompile("`[^`]*`").ReplaceAllString(body, "code")
	body = regexp.MustCompile(`\*\*[^*]*\*\*`).ReplaceAllString(body, "bold")
	n := 0
	rs := []rune(strings.TrimSpace(body))
	for i, r := range rs {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		end := i+1 == len(rs)
		if !end && (rs[i+1] == ' ' || rs[i+1] == '\n' || rs[i+1] == '*') {
			// "Utbilda!**, **Skapa" inside a list is not a sentence end.
			j := i + 1
			for j < len(rs) && (rs[j] == '*' || rs[j] == ' ') {
				j++
			}
			if j < len(rs) && (rs[j] == ',' || rs[j] == 'o' && strings.HasPrefix(string(rs[j:]), "och ") || rs[j] == 'a' && strings.HasPrefix(string(rs[j:]), "and ")) {
				continue
			}
			end = true
		}
		if end {
			n++
		}
	}
	if n == 0 && utf8.RuneCountInString(body) > 0 {
		n = 1
	}
	return n
}

func topID(r Result) string {
	if r.Top == nil {
		return "<nil>"
	}
	return r.Top.ID
}

func ids(ts []*Topic) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

func FuzzSearch(f *testing.F) {
	for _, s := range []string{"vad är passionsdriven ekonomi?", "who is Linda K Nordfors", "", "🎉", "\xff", "\"more of what matters\"", "mötesplatser", "när publicerades rapporten"} {
		f.Add(s, "sv")
	}
	ix := NewIndex(append(sampleTopics(), builtinTopics(f)...))
	f.Fuzz(func(t *testing.T, q, lang string) {
		r := ix.Search(q, lang)
		if r.Score < 0 || r.Score > 1 || (r.Answered && r.Top == nil) {
			t.Fatalf("bad result %+v", r)
		}
		if len(r.Related) > 3 || len(r.Nearest) > 3 {
			t.Fatalf("too many suggestions %+v", r)
		}
		DetectLang(q)
	})
}

func FuzzParseTopic(f *testing.F) {
	f.Add("---\nid: x\nlang: sv\ntitle: T\ntags: a, b\nrelated: y\nsource: s\n---\nBody.")
	f.Add("---\nid: x\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, data string) {
		tp, err := ParseTopic("kb/x.sv.md", []byte(data))
		if err == nil {
			if tp.ID != "x" || tp.Lang != "sv" || tp.Title == "" || tp.Body == "" {
				t.Fatalf("accepted invalid topic %+v", tp)
			}
		} else if !strings.HasPrefix(err.Error(), "kb/x.sv.md:") {
			t.Fatalf("error without file:line: %v", err)
		}
	})
}

func builtinTopics(tb testing.TB) []Topic {
	topics, err := Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	return topics
}

// TestNumbersAloneDoNotAnswer: a question about something else that
// happens to share a year, a count and a place with a topic is not taken
// for that topic; a question about the topic that names its numbers still is.
func TestNumbersAloneDoNotAnswer(t *testing.T) {
	ix := builtinIndex(t)
	if r := ix.Search("how many bicycles are there in Varberg in 2020, question 141?", "en"); r.Answered {
		t.Errorf("answered %s with %.2f", topID(r), r.Score)
	}
	if r := ix.Search("what were VIAkub's results 2020-2022?", "en"); !r.Answered || r.Top.ID != "viakub-results" {
		t.Errorf("VIAkub's results: %s %.2f", topID(r), r.Score)
	}
}
