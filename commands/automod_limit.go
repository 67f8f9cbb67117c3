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

// What one member's automod hits may cost, so that a flood of banned
// messages is no flood of DMs, audit rows and mod-log lines: every hit is
// deleted, but within automodWindow of a member's first hit only the
// first automodNoticed hits get a DM and an audit entry (and so a mod-log
// line) of their own; the third DM says that further ones are removed
// without notice. The hits after those are counted, and when the window
// ends one audit entry sums them up (rules and how many), so the log
// holds at most automodNoticed+1 entries per member an hour. The count is
// kept in memory: a restart within the window loses the summary of that
// window, never a deletion.
const (
	automodWindow  = time.Hour
	automodNoticed = 3
)

// hitWindow is one member's automod hits since their first in the window.
type hitWindow struct {
	platform bot.Platform
	user     string
	since    time.Time
	hits     int            // every hit in the window
	silent   map[string]int // hits beyond automodNoticed, by rule
	failed   int            // silent hits whose deletion failed
}

// hitCounter keeps the members' current windows.
type hitCounter struct {
	mu      sync.Mutex
	windows map[string]*hitWindow // by User.Key()
	sweepAt time.Time             // the earliest end of a window; zero: none
}

func newHitCounter() *hitCounter { return &hitCounter{windows: map[string]*hitWindow{}} }

// ended removes the windows that have ended at now and returns those with
// silent hits, oldest first, for their summaries. It is cheap until the
// earliest window ends.
func (h *hitCounter) ended(now time.Time) []hitWindow {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.sweepAt.IsZero() || now.Before(h.sweepAt) {
		return nil
	}
	var out []hitWindow
	h.sweepAt = time.Time{}
	for k, w := range h.windows {
		end := w.since.Add(automodWindow)
		if now.Before(end) {
			if h.sweepAt.IsZero() || end.Before(h.sweepAt) {
				h.sweepAt = end
			}
			continue
		}
		if len(w.silent) > 0 {
			out = append(out, *w)
		}
		delete(h.windows, k)
	}
	slices.SortFunc(out, func(a, b hitWindow) int { return a.since.Compare(b.since) })
	return out
}

// hit counts one hit of rule by u at now and returns its number in the
// member's window (1 for the first).
func (h *hitCounter) hit(u bot.User, rule string, now time.Time) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	w := h.windows[u.Key()]
	if w == nil {
		w = &hitWindow{platform: u.Platform, user: u.ID, since: now, silent: map[string]int{}}
		h.windows[u.Key()] = w
		if end := now.Add(automodWindow); h.sweepAt.IsZero() || end.Before(h.sweepAt) {
			h.sweepAt = end
		}
	}
	w.hits++
	if w.hits > automodNoticed {
		w.silent[rule]++
	}
	return w.hits
}

// failedDelete records that a silent hit's deletion failed.
func (h *hitCounter) failedDelete(u bot.User) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if w := h.windows[u.Key()]; w != nil {
		w.failed++
	}
}

// summary is the audit entry for an ended window's silent hits, in both
// languages like automod's other entries.
func (w hitWindow) summary(cat *bot.Catalog) bot.AuditRecord {
	var parts []string
	n := 0
	for _, rule := range slices.Sorted(maps.Keys(w.silent)) {
		parts = append(parts, fmt.Sprintf("%s ×%d", rule, w.silent[rule]))
		n += w.silent[rule]
	}
	detail := cat.BothN("automod.audit_summary", n, n, w.since.UTC().Format("2006-01-02 15:04 UTC"), strings.Join(parts, ", "))
	result := "ok"
	if w.failed > 0 {
		result, detail = "failed", bot.JoinBoth("; ", detail, cat.BothN("automod.audit_failed_deletes", w.failed, w.failed))
	}
	return bot.AuditRecord{Platform: w.platform, Actor: bot.User{ID: "automod", Platform: w.platform},
		Action: "automod summary", Target: w.user, Result: result, Detail: detail}
}
