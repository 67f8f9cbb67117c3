package bot

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// zwsp is a zero-width space: it keeps "@everyone" readable but inert.
const zwsp = "\u200b"

// mentionDefuser turns mass pings and platform control sequences inert:
// Discord's @everyone, @here and role mentions, Slack's <!channel>,
// <!here>, <!everyone> and user-group mentions.
var mentionDefuser = strings.NewReplacer(
	"@everyone", "@"+zwsp+"everyone",
	"@here", "@"+zwsp+"here",
	"@channel", "@"+zwsp+"channel",
	"<!", "<"+zwsp+"!",
	"<@&", "<@"+zwsp+"&",
)

// SafeText returns s with mass mentions made inert, invalid UTF-8
// replaced and control characters removed (CleanText).
func SafeText(s string) string {
	return mentionDefuser.Replace(CleanText(s))
}

// CleanText returns s as valid UTF-8 without control characters: C0
// (but newline and tab), DEL and C1, which would reach a terminal as
// escape sequences or hide text. Every event's text passes through it
// before anything reads or stores it.
func CleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r < 0xa0
}

// cleanEvent cleans everything a member typed in ev (CleanText).
func cleanEvent(ev Event) Event {
	ev.Text, ev.Command, ev.Action = CleanText(ev.Text), CleanText(ev.Command), CleanText(ev.Action)
	ev.User.Name = CleanText(ev.User.Name)
	if len(ev.Options) > 0 {
		opts := make(map[string]any, len(ev.Options))
		for k, v := range ev.Options {
			if s, ok := v.(string); ok {
				v = CleanText(s)
			}
			opts[k] = v
		}
		ev.Options = opts
	}
	return ev
}

// Sanitize makes every text in a reply safe (see SafeText).
func Sanitize(r Reply) Reply {
	r.Text = SafeText(r.Text)
	if r.Card != nil {
		c := *r.Card
		c.Title, c.Body, c.Footer = SafeText(c.Title), SafeText(c.Body), SafeText(c.Footer)
		c.Fields = append([]Field(nil), c.Fields...)
		for i := range c.Fields {
			c.Fields[i].Name, c.Fields[i].Value = SafeText(c.Fields[i].Name), SafeText(c.Fields[i].Value)
		}
		c.Buttons = append([]Button(nil), c.Buttons...)
		for i := range c.Buttons {
			c.Buttons[i].Label = SafeText(c.Buttons[i].Label)
		}
		r.Card = &c
	}
	return r
}

// Quote returns user-supplied s fit to show inside `code`: no backticks, no
// newlines, at most n runes.
func Quote(s string, n int) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "`", "'")), " ")
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n]) + "…"
	}
	return s
}

// Split cuts text into chunks of at most limit bytes, at line boundaries
// where possible, else at spaces, else anywhere between runes. Code fences
// open at a cut are closed and reopened.
func Split(text string, limit int) []string {
	if limit <= 0 || len(text) <= limit {
		return []string{text}
	}
	var out []string
	var cur strings.Builder
	inFence := false
	flush := func() {
		s := cur.String()
		if inFence {
			s += "\n```"
		}
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
		cur.Reset()
		if inFence {
			cur.WriteString("```\n")
		}
	}
	room := limit - len("\n```") // keep room to close a fence
	for _, line := range strings.SplitAfter(text, "\n") {
		for len(line) > 0 {
			if cur.Len()+len(line) <= room {
				cur.WriteString(line)
				if strings.HasPrefix(strings.TrimSpace(line), "```") {
					inFence = !inFence
				}
				line = ""
				continue
			}
			if cur.Len() > len("```\n") {
				flush()
				continue
			}
			// One line longer than a whole chunk: cut it.
			n := cutPoint(line, room-cur.Len())
			cur.WriteString(line[:n])
			line = line[n:]
			flush()
		}
	}
	flush()
	return out
}

// cutPoint returns where to cut s to fit n bytes: the last space, else the
// last rune boundary.
func cutPoint(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	if n < 1 {
		n = 1
	}
	if i := strings.LastIndexByte(s[:n], ' '); i > n/2 {
		return i + 1
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	if n == 0 {
		_, w := utf8.DecodeRuneInString(s)
		return w
	}
	return n
}

// urlInText matches URLs in error texts.
var urlInText = regexp.MustCompile(`https?://[^\s"']+`)

// RedactURLs keeps only the scheme and host of every URL in s: the paths
// of webhook, interaction and response URLs are credentials.
func RedactURLs(s string) string {
	return urlInText.ReplaceAllStringFunc(s, func(u string) string {
		scheme, rest, _ := strings.Cut(u, "://")
		host, _, _ := strings.Cut(rest, "/")
		return scheme + "://" + host + "/…"
	})
}

// redactedError is an error whose text has its URLs redacted.
type redactedError struct{ err error }

func (e redactedError) Error() string { return RedactURLs(e.err.Error()) }
func (e redactedError) Unwrap() error { return e.err }

// Redacted wraps err so that its text shows no URL path (see RedactURLs).
func Redacted(err error) error {
	if err == nil {
		return nil
	}
	return redactedError{err}
}
