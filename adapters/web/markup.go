package web

import (
	"html"
	"html/template"
	"regexp"
	"strings"
)

// markup renders the bot's small markdown subset as HTML: paragraphs,
// "- " lists, ``` blocks, **bold**, _italic_, `code` and bare links.
// Everything is escaped first; only the tags made here are HTML.
func markup(s string) template.HTML {
	var b strings.Builder
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	inList, inCode := false, false
	var para []string
	flush := func() {
		if len(para) > 0 {
			b.WriteString("<p>" + strings.Join(para, "<br>") + "</p>\n")
			para = nil
		}
	}
	closeList := func() {
		if inList {
			b.WriteString("</ul>\n")
			inList = false
		}
	}
	for _, ln := range lines {
		if strings.HasPrefix(strings.TrimSpace(ln), "```") {
			flush()
			closeList()
			if inCode {
				b.WriteString("</code></pre>\n")
			} else {
				b.WriteString("<pre><code>")
			}
			inCode = !inCode
			continue
		}
		if inCode {
			b.WriteString(html.EscapeString(ln) + "\n")
			continue
		}
		t := strings.TrimSpace(ln)
		switch {
		case t == "":
			flush()
			closeList()
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "• "):
			flush()
			if !inList {
				b.WriteString("<ul>\n")
				inList = true
			}
			b.WriteString("<li>" + inline(strings.TrimSpace(t[strings.Index(t, " ")+1:])) + "</li>\n")
		default:
			closeList()
			para = append(para, inline(t))
		}
	}
	if inCode {
		b.WriteString("</code></pre>\n")
	}
	flush()
	closeList()
	return template.HTML(b.String())
}

var (
	codeRE   = regexp.MustCompile("`([^`]+)`")
	boldRE   = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	italicRE = regexp.MustCompile(`(^|[\s(])_([^_]+)_($|[\s).,!?:;])`)
	linkRE   = regexp.MustCompile(`https?://[^\s<>"']+[^\s<>"'.,!?:;)]`)
)

// inline renders one line's emphasis, code and links. The line is cut
// into code spans, links and plain text first, and each piece is escaped
// and drawn on its own: nothing inside a code span or a link is read as
// markup, and emphasis never crosses into a link or a code span.
func inline(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		loc := codeRE.FindStringIndex(s)
		if loc == nil {
			b.WriteString(links(s))
			break
		}
		b.WriteString(links(s[:loc[0]]))
		b.WriteString("<code>" + html.EscapeString(s[loc[0]+1:loc[1]-1]) + "</code>")
		s = s[loc[1]:]
	}
	return b.String()
}

// links draws the links of a piece of text without code spans, and the
// emphasis of the text between them.
func links(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		loc := linkRE.FindStringIndex(s)
		if loc == nil {
			b.WriteString(emphasis(s))
			break
		}
		b.WriteString(emphasis(s[:loc[0]]))
		u := html.EscapeString(s[loc[0]:loc[1]])
		b.WriteString(`<a href="` + u + `" rel="noopener noreferrer">` + u + `</a>`)
		s = s[loc[1]:]
	}
	return b.String()
}

// emphasis escapes plain text and draws its **bold** and _italic_.
func emphasis(s string) string {
	s = html.EscapeString(s)
	s = boldRE.ReplaceAllString(s, "<strong>$1</strong>")
	return italicRE.ReplaceAllString(s, "$1<em>$2</em>$3")
}
