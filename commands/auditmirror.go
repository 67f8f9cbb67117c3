package commands

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"passionbot/bot"
)

// refusalWindow is how long a member's refused privileged attempts are
// counted before they are reported again in the mod-log channels.
const refusalWindow = time.Hour

// refusalCounter keeps the mod-log channels readable when a member keeps
// trying commands above their role: the first refusal in a window is
// posted, the ones after it within refusalWindow are only counted, and the
// count is posted once the window has passed (with the member's next
// refusal, or with the next audit entry of anyone). Every attempt is in
// the audit log either way. Moderators' and admins' entries are always
// posted one by one: they are the staff's own actions.
type refusalCounter struct {
	mu      sync.Mutex
	windows map[string]*refusals // by actor (User.Key())
}

// refusals are one member's attempts counted in the current window.
type refusals struct {
	platform bot.Platform
	actor    string // user id
	since    time.Time
	count    int            // attempts after the one that was posted
	actions  map[string]int // by command name
}

func newRefusalCounter() *refusalCounter {
	return &refusalCounter{windows: map[string]*refusals{}}
}

// counted reports whether r is a member's refusal.
func counted(r bot.AuditRecord) bool {
	return r.Result == "refused" && r.Role < bot.RoleModerator && r.Actor.ID != ""
}

// admit takes one audit record at at. It returns the summaries of the
// windows that have ended (to post first) and whether r itself is posted.
func (c *refusalCounter) admit(r bot.AuditRecord, at time.Time) (ended []refusals, post bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := r.Actor.Key()
	for k, w := range c.windows {
		if at.Sub(w.since) < refusalWindow && at.After(w.since.Add(-refusalWindow)) {
			continue
		}
		if w.count > 0 {
			ended = append(ended, *w)
		}
		delete(c.windows, k)
	}
	slices.SortFunc(ended, func(a, b refusals) int { return a.since.Compare(b.since) })
	if !counted(r) {
		return ended, true
	}
	if w := c.windows[key]; w != nil {
		w.count++
		w.actions[r.Action]++
		return ended, false
	}
	c.windows[key] = &refusals{platform: r.Platform, actor: r.Actor.ID, since: at, actions: map[string]int{}}
	return ended, true
}

// mirror returns what the mod-log channels get for r, in lang: the counts
// of the windows that have ended, then r's own line unless it is counted;
// "" for nothing.
func (c *refusalCounter) mirror(cat *bot.Catalog, lang string, r bot.AuditRecord) string {
	at := r.At
	if at.IsZero() { // automod's entries
		at = time.Now()
	}
	ended, post := c.admit(r, at)
	var lines []string
	for _, w := range ended {
		lines = append(lines, w.summary(cat, lang))
	}
	if post {
		line := cat.T(lang, "mod.log_line", r.Platform, r.Actor.ID, r.Action, r.Target, r.Reason, resultIn(cat, lang, r.Result))
		if r.Detail != "" {
			line += " — " + bot.TextIn(r.Detail, lang)
		}
		if counted(r) {
			line += " " + cat.T(lang, "mod.refusals_counted", r.Actor.ID)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// summary is the line posted for an ended window, in lang.
func (w refusals) summary(cat *bot.Catalog, lang string) string {
	var parts []string
	for _, a := range slices.Sorted(maps.Keys(w.actions)) {
		parts = append(parts, fmt.Sprintf("%s ×%d", a, w.actions[a]))
	}
	return cat.T(lang, "mod.refusals_summary", w.platform, w.actor, w.count, strings.Join(parts, ", "))
}

func auditMirrorMessages() bot.Messages {
	return bot.Messages{
		"mod.refusals_counted": {SV: "(fler nekade försök av %s den närmaste timmen räknas och redovisas samlat; alla finns i `modlog`)", EN: "(further refused attempts by %s within the hour are counted and reported together; all are in `modlog`)"},
		"mod.refusals_summary": {SV: "[%s] %s: fler nekade försök under timmen efter förra raden: %d (%s). Alla finns i `modlog`.", EN: "[%s] %s: further refused attempts in the hour after the last line: %d (%s). All are in `modlog`."},
	}
}
