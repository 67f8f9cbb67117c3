package web

import (
	"strings"
	"testing"
)

func TestMarkup(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"**Hej** _du_", "<p><strong>Hej</strong> <em>du</em></p>\n"},
		{"- a\n- `b`", "<ul>\n<li>a</li>\n<li><code>b</code></li>\n</ul>\n"},
		{"<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
		{"`<b>` **x**", "<p><code>&lt;b&gt;</code> <strong>x</strong></p>\n"},
		{"se https://example.se/a?b=1&c=2.", `<p>se <a href="https://example.se/a?b=1&amp;c=2" rel="noopener noreferrer">https://example.se/a?b=1&amp;c=2</a>.</p>` + "\n"},
		{"```\n**x**\n```", "<pre><code>**x**\n</code></pre>\n"},
		{`javascript:alert("x")`, "<p>javascript:alert(&#34;x&#34;)</p>\n"},
		{"a\nb\n\nc", "<p>a<br>b</p>\n<p>c</p>\n"},
		// Emphasis never crosses into a link, a code span never into a
		// link's address, and many code spans all survive.
		{"**a https://x.com/** b**", `<p>**a <a href="https://x.com/**" rel="noopener noreferrer">https://x.com/**</a> b**</p>` + "\n"},
		{"https://e.com/`y` z", `<p><a href="https://e.com/" rel="noopener noreferrer">https://e.com/</a><code>y</code> z</p>` + "\n"},
		{strings.Repeat("`c` ", 14), "<p>" + strings.TrimSpace(strings.Repeat("<code>c</code> ", 14)) + "</p>\n"},
	} {
		if got := string(markup(c.in)); got != c.want {
			t.Errorf("markup(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestMarkupNeverMakesAttributesFromText(t *testing.T) {
	got := string(markup(`https://x.se/"onmouseover="alert(1) **"a"**`))
	if strings.Contains(got, `"onmouseover`) {
		t.Fatalf("attribute injected: %s", got)
	}
}
