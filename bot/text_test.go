package bot

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSafeText(t *testing.T) {
	for _, in := range []string{"@everyone hej", "hi @here!", "<!channel> x", "<!here>", "<!everyone>", "<@&123> role", "@channel"} {
		out := SafeText(in)
		for _, bad := range []string{"@everyone", "@here", "<!", "<@&", "@channel"} {
			if strings.Contains(out, bad) {
				t.Errorf("SafeText(%q) = %q still contains %q", in, out, bad)
			}
		}
	}
	if got := SafeText("hej <@123> och **fet**"); got != "hej <@123> och **fet**" {
		t.Errorf("ordinary text changed: %q", got)
	}
	if got := SafeText("bad \xff byte"); !utf8.ValidString(got) {
		t.Errorf("invalid UTF-8 kept: %q", got)
	}
}

func TestSanitizeCard(t *testing.T) {
	r := Sanitize(Reply{Text: "@here", Card: &Card{Title: "@everyone", Body: "<!channel>", Footer: "@here",
		Fields: []Field{{Name: "@here", Value: "@everyone"}}, Buttons: []Button{{Label: "@everyone"}}}})
	all := r.Text + r.Card.Title + r.Card.Body + r.Card.Footer + r.Card.Fields[0].Name + r.Card.Fields[0].Value + r.Card.Buttons[0].Label
	if strings.Contains(all, "@everyone") || strings.Contains(all, "@here") || strings.Contains(all, "<!") {
		t.Fatalf("card not sanitized: %q", all)
	}
}

func TestSplit(t *testing.T) {
	short := "kort text"
	if got := Split(short, 2000); len(got) != 1 || got[0] != short {
		t.Fatalf("short text split: %q", got)
	}
	var lines []string
	for i := 0; i < 300; i++ {
		lines = append(lines, strings.Repeat("ord ", 5)+"rad")
	}
	long := strings.Join(lines, "\n")
	chunks := Split(long, 2000)
	if len(chunks) < 2 {
		t.Fatalf("long text not split: %d chunks", len(chunks))
	}
	for _, c := range chunks {
		if len(c) > 2000 {
			t.Errorf("chunk of %d bytes > 2000", len(c))
		}
		if strings.HasPrefix(c, "\n") || strings.HasSuffix(strings.TrimRight(c, "\n"), "ord") {
			t.Errorf("chunk not cut at a line boundary: %q…", c[:20])
		}
	}
	if strings.Join(chunks, "") != long {
		t.Error("line-split chunks do not add up to the text")
	}
	// One line far longer than the limit, with multibyte runes.
	huge := strings.Repeat("åäö", 3000)
	for _, c := range Split(huge, 1000) {
		if len(c) > 1000 || !utf8.ValidString(c) {
			t.Fatalf("bad chunk: %d bytes, valid=%v", len(c), utf8.ValidString(c))
		}
	}
	// A code fence open at a cut is closed and reopened.
	code := "```\n" + strings.Repeat("x := 1\n", 400) + "```"
	for i, c := range Split(code, 500) {
		if strings.Count(c, "```")%2 != 0 {
			t.Errorf("chunk %d leaves a code fence open", i)
		}
	}
}

func TestCoreMessagesComplete(t *testing.T) {
	for _, err := range coreMessages().Check() {
		t.Error(err)
	}
}

func TestTextCheck(t *testing.T) {
	if err := (Text{SV: "hej %s", EN: ""}).Check(); err == nil {
		t.Error("text missing in English accepted")
	}
	if err := (Text{SV: "", EN: "hi"}).Check(); err == nil {
		t.Error("text missing in Swedish accepted")
	}
	if err := (Text{SV: "%d st", EN: "%s pcs"}).Check(); err == nil {
		t.Error("different verbs accepted")
	}
	if err := (Text{SV: "100%% klart %s", EN: "100%% done %s"}).Check(); err != nil {
		t.Errorf("matching verbs refused: %v", err)
	}
}

func TestCatalogDuplicateKey(t *testing.T) {
	if _, err := NewCatalog(Messages{"err.internal": {SV: "x", EN: "x"}}); err == nil {
		t.Fatal("duplicate message key accepted")
	}
}
