package commands

import (
	"context"
	"hash/fnv"
	"regexp"
	"strings"
	"sync"
	"time"

	"passionbot/bot"
)

// AutomodRules are the automatic moderation rules; the zero value does
// nothing.
type AutomodRules struct {
	// Banned are patterns no member message may match (case-insensitive).
	Banned []*regexp.Regexp
	// MaxMentions is the most member mentions one message may hold
	// (@everyone/@here count too); 0 turns the rule off.
	MaxMentions int
	// RepeatChannels: the same text posted in this many channels within
	// RepeatWindow is cross-posting spam; 0 turns the rule off.
	RepeatChannels int
	RepeatWindow   time.Duration
}

// mentionRE finds member, role and broadcast mentions on Discord
// (<@123>, <@!123>, <@&123>) and Slack (<@U123>, <!here>, <!channel>), and
// bare @everyone/@here.
var mentionRE = regexp.MustCompile(`<@[!&]?[A-Za-z0-9]+>|<!(?:here|channel|everyone)[^>]*>|@(?:everyone|here)\b`)

// seen is one recent message of a member, for the repeat rule.
type seen struct {
	channel string
	text    uint64
	at      time.Time
}

// automod keeps the recent messages the repeat rule needs, in memory:
// nothing is lost at a restart but a window of at most RepeatWindow.
type automod struct {
	rules AutomodRules
	audit func(ctx context.Context, r bot.AuditRecord)
	now   func() time.Time

	hits *hitCounter // bounds DMs and audit entries per member (automod_limit.go)

	mu     sync.Mutex
	recent map[string][]seen
}

// automodSweepAt is how many members' recent messages are kept before the
// stale ones are swept.
const automodSweepAt = 5000

// Automod returns the bot's Inspect hook: a message that breaks a rule is
// deleted where the platform allows it, the member gets a DM saying why
// (in their language), and the audit log records it with actor "automod";
// after a member's first few hits in an hour, further ones are deleted and
// counted, and summed up in one entry (automod_limit.go). Moderators and
// admins are never inspected (the core skips them).
func Automod(rules AutomodRules, audit func(ctx context.Context, r bot.AuditRecord), now func() time.Time) func(ctx context.Context, c *bot.Call) bool {
	if len(rules.Banned) == 0 && rules.MaxMentions == 0 && rules.RepeatChannels == 0 {
		return nil
	}
	if now == nil {
		now = time.Now
	}
	m := &automod{rules: rules, audit: audit, now: now, hits: newHitCounter(), recent: map[string][]seen{}}
	return m.inspect
}

// inspect checks one message and acts when it breaks a rule: the message
// is deleted; the first hits of a member in the window are told and
// logged one by one, the later ones are counted (automod_limit.go).
func (m *automod) inspect(ctx context.Context, c *bot.Call) bool {
	now, cat := m.now(), c.Bot().Catalog()
	for _, w := range m.hits.ended(now) {
		m.record(ctx, w.summary(cat))
	}
	rule, detail := m.check(cat, c.Event)
	if rule == "" {
		return false
	}
	ev := c.Event
	n := m.hits.hit(ev.User, rule, now)
	result := "ok"
	a := c.Bot().Adapter(ev.Platform)
	if del, ok := bot.CapableOn[bot.MessageDeleter](c.Bot(), ev.Platform); ok && ev.ID != "" {
		if err := del.DeleteMessage(ctx, ev.Channel.ID, ev.ID); err != nil {
			result, detail = "failed", bot.JoinBoth("; ", detail, cat.Both("automod.audit_delete", bot.RedactURLs(err.Error())))
		}
	} else {
		detail = bot.JoinBoth("; ", detail, cat.Both("automod.audit_cannot_delete"))
	}
	if n > automodNoticed {
		if result == "failed" {
			m.hits.failedDelete(ev.User)
		}
		return true
	}
	// The log first: a moderator who reads it once the member is told
	// finds the entry there.
	m.record(ctx, bot.AuditRecord{Platform: ev.Platform, Actor: bot.User{ID: "automod", Platform: ev.Platform},
		Action: "automod " + rule, Target: ev.User.ID, Reason: ev.Channel.ID, Result: result, Detail: detail})
	if a != nil {
		text := c.T("automod.dm_"+rule, "<#"+ev.Channel.ID+">")
		if n == automodNoticed {
			text += " " + c.T("automod.dm_quiet")
		}
		a.Send(ctx, bot.Target{User: ev.User.ID}, bot.Reply{Text: text})
	}
	return true
}

// record hands an entry to the audit hook, when there is one.
func (m *automod) record(ctx context.Context, r bot.AuditRecord) {
	if m.audit != nil {
		m.audit(ctx, r)
	}
}

// check names the rule the message breaks ("" for none) and why, in both
// languages for the audit log (bot.Catalog.Both). The message text itself
// is not logged.
func (m *automod) check(cat *bot.Catalog, ev bot.Event) (rule, detail string) {
	for i, re := range m.rules.Banned {
		if re.MatchString(ev.Text) {
			return "banned", cat.Both("automod.audit_banned", i+1)
		}
	}
	if n := len(mentionRE.FindAllStringIndex(ev.Text, -1)); m.rules.MaxMentions > 0 && n > m.rules.MaxMentions {
		return "mentions", cat.Both("automod.audit_mentions", n, m.rules.MaxMentions)
	}
	if m.rules.RepeatChannels > 0 {
		if n := m.repeats(ev); n >= m.rules.RepeatChannels {
			return "repeat", cat.BothN("automod.audit_repeat", n, n, m.rules.RepeatWindow.String())
		}
	}
	return "", ""
}

// repeats records the message and counts the distinct channels the same
// text was posted in within the window.
func (m *automod) repeats(ev bot.Event) int {
	h := fnv.New64a()
	h.Write([]byte(strings.ToLower(strings.Join(strings.Fields(ev.Text), " "))))
	sum, now := h.Sum64(), m.now()
	key := string(ev.Platform) + ":" + ev.User.ID
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.recent) > automodSweepAt {
		for k, list := range m.recent {
			if len(list) == 0 || now.Sub(list[len(list)-1].at) > m.rules.RepeatWindow {
				delete(m.recent, k)
			}
		}
	}
	list := m.recent[key][:0:0]
	for _, s := range m.recent[key] {
		if now.Sub(s.at) <= m.rules.RepeatWindow {
			list = append(list, s)
		}
	}
	list = append(list, seen{channel: ev.Channel.ID, text: sum, at: now})
	if len(list) > 50 {
		list = list[len(list)-50:]
	}
	m.recent[key] = list
	channels := map[string]bool{}
	for _, s := range list {
		if s.text == sum {
			channels[s.channel] = true
		}
	}
	return len(channels)
}
