package slack

import (
	"fmt"
	"regexp"
	"strings"

	slackapi "github.com/slack-go/slack"

	"passionbot/bot"
)

// Slack's limits.
const (
	maxSectionText = 3000
	maxBlocks      = 50
	maxButtons     = 25
	maxButtonText  = 75
	maxHeader      = 150
	maxFields      = 10
	maxFieldText   = 2000
	maxValue       = 2000
)

// escape makes text inert for Slack: &, < and > become entities, so user
// text can never become <!channel>, <!here>, <!everyone> or a mention.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

var (
	boldMD   = regexp.MustCompile(`\*\*(\S[^*\n]*?)\*\*`)
	italicMD = regexp.MustCompile(`(^|[\s(])\*(\S[^*\n]*?\S|\S)\*([\s.,;:!?)]|$)`)
	bulletMD = regexp.MustCompile(`(?m)^- `)
	codeMD   = regexp.MustCompile("(?s)```.*?```|`[^`\n]*`")
)

// mrkdwn converts the core's markdown subset to Slack mrkdwn (escaped):
// **bold** → *bold*, *italic* → _italic_, "- " items → "• "; _italic_,
// `code` and ``` blocks are the same in both, and nothing inside code is
// converted. A lone * between spaces (2 * 3) stays as it is.
func mrkdwn(s string) string {
	s = escape(s)
	var b strings.Builder
	last := 0
	for _, loc := range codeMD.FindAllStringIndex(s, -1) {
		b.WriteString(prose(s[last:loc[0]]))
		b.WriteString(s[loc[0]:loc[1]])
		last = loc[1]
	}
	b.WriteString(prose(s[last:]))
	return b.String()
}

// prose converts markdown outside code.
func prose(s string) string {
	s = boldMD.ReplaceAllString(s, "\x00$1\x00")
	s = italicMD.ReplaceAllString(s, "${1}_${2}_${3}")
	s = strings.ReplaceAll(s, "\x00", "*")
	return bulletMD.ReplaceAllString(s, "• ")
}

// message is one chat.postMessage worth of blocks, with its notification text.
type message struct {
	text   string
	blocks []slackapi.Block
}

// render turns a reply into Slack messages: text as mrkdwn sections of at
// most 3,000 characters, the card as header, section, fields, buttons and
// context blocks; at most 50 blocks a message.
func render(r bot.Reply) []message {
	if f := r.File; f != nil {
		// Files are not uploaded (no files scope): the content goes as text.
		r.Text = strings.TrimSpace(r.Text + "\n```\n" + string(f.Data) + "\n```")
		r.File = nil
	}
	var blocks []slackapi.Block
	var plain strings.Builder
	text := r.Text
	var mentions []string
	for _, u := range r.Mentions {
		if u.Platform == bot.PlatformSlack {
			mentions = append(mentions, "<@"+u.ID+">")
		}
	}
	if text != "" {
		for _, chunk := range bot.Split(mrkdwn(text), maxSectionText) {
			blocks = append(blocks, section(chunk))
		}
		plain.WriteString(text)
	}
	if c := r.Card; c != nil {
		if c.Title != "" {
			blocks = append(blocks, slackapi.NewHeaderBlock(slackapi.NewTextBlockObject(slackapi.PlainTextType, clip(c.Title, maxHeader), false, false)))
			if plain.Len() == 0 {
				plain.WriteString(c.Title)
			}
		}
		if c.Body != "" {
			for _, chunk := range bot.Split(mrkdwn(c.Body), maxSectionText) {
				blocks = append(blocks, section(chunk))
			}
		}
		var fields []*slackapi.TextBlockObject
		for _, f := range c.Fields {
			fields = append(fields, slackapi.NewTextBlockObject(slackapi.MarkdownType, clip("*"+escape(f.Name)+"*\n"+mrkdwn(f.Value), maxFieldText), false, false))
			if len(fields) == maxFields {
				blocks = append(blocks, slackapi.NewSectionBlock(nil, fields, nil))
				fields = nil
			}
		}
		if len(fields) > 0 {
			blocks = append(blocks, slackapi.NewSectionBlock(nil, fields, nil))
		}
		var buttons []slackapi.BlockElement
		for i, b := range c.Buttons {
			if b.Action == "" || len(b.Action) > maxValue || len(buttons) == maxButtons {
				continue
			}
			btn := slackapi.NewButtonBlockElement(fmt.Sprintf("pb-%d", i), b.Action,
				slackapi.NewTextBlockObject(slackapi.PlainTextType, clip(b.Label, maxButtonText), false, false))
			switch b.Style {
			case bot.ButtonPrimary:
				btn.Style = slackapi.StylePrimary
			case bot.ButtonDanger:
				btn.Style = slackapi.StyleDanger
			}
			buttons = append(buttons, btn)
		}
		if len(buttons) > 0 {
			blocks = append(blocks, slackapi.NewActionBlock("pb-actions", buttons...))
		}
		if c.Footer != "" {
			blocks = append(blocks, slackapi.NewContextBlock("", slackapi.NewTextBlockObject(slackapi.MarkdownType, clip(mrkdwn(c.Footer), maxSectionText), false, false)))
		}
	}
	if len(mentions) > 0 {
		blocks = append([]slackapi.Block{section(strings.Join(mentions, " "))}, blocks...)
	}
	notification := clip(strings.Join(append(mentions, mrkdwn(plain.String())), " "), maxSectionText)
	var out []message
	for len(blocks) > 0 {
		n := min(len(blocks), maxBlocks)
		out = append(out, message{text: notification, blocks: blocks[:n]})
		blocks = blocks[n:]
	}
	return out
}

func section(md string) *slackapi.SectionBlock {
	return slackapi.NewSectionBlock(slackapi.NewTextBlockObject(slackapi.MarkdownType, clip(md, maxSectionText), false, false), nil, nil)
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
