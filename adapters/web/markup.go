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

// inline renders one escaped line's emphasis, code and links. Code spans
// are set aside first so that nothing inside them is read as markup.
func inline(s string) string {
	var codes []string
	s = codeRE.ReplaceAllStringFunc(s, func(m string) string {
		codes = append(codes, "<code>"+html.EscapeString(m[1:len(m)-1])+"</code>")
		return "\x00" + string(rune('0'+len(codes)-1)) + "\x00"
	})
	s = html.EscapeString(s)
	s = linkRE.ReplaceAllStringFunc(s, func(u string) string {
		return `<a href="` + u + `" rel="noopener noreferrer">` + u + `</a>`
	})
	s = boldRE.ReplaceAllString(s, "<strong>$1</strong>")
	s = italicRE.ReplaceAllString(s, "$1<em>$2</em>$3")
	for i, c := range codes {
		s = strings.Replace(s, "\x00"+string(rune('0'+i))+"\x00", c, 1)
	}
	return s
}
