package commands

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/bot/scheduler"
	"passionbot/storage"
)

// The limits on one scheduled announcement, so that a schedule cannot turn
// the bot into a flood: at most one firing an hour, to at most
// maxAnnounceTargets distinct channels.
//
// Nor can many schedules or tests: the community has at most
// maxActiveSchedules active (unpaused) schedules, whoever made them (a
// limit per organiser would grow with the number of organisers), and
// `announce test` posts one schedule at most once per testGap.
const (
	minAnnounceGap     = time.Hour
	maxAnnounceTargets = 10
	maxActiveSchedules = 25
	testGap            = 10 * time.Minute
	// gapSample is how many firings tooOften looks at. A cron schedule is
	// a product of its fields, so two firings closer than an hour show up
	// within the first few firings of any hour it fires in.
	gapSample = 64
)

// tooOften returns the shortest gap between s's firings when it is below
// minAnnounceGap, and zero when s fires at most once an hour.
func tooOften(s scheduler.Schedule) time.Duration {
	// From a fixed time, so that a spec always gets the same answer.
	from := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	fires := scheduler.Preview(s, from, gapSample)
	shortest := time.Duration(0)
	for i := 1; i < len(fires); i++ {
		if gap := fires[i].Sub(fires[i-1]); gap < minAnnounceGap && (shortest == 0 || gap < shortest) {
			shortest = gap
		}
	}
	return shortest
}

// checkFrequency refuses a schedule that fires more often than once an hour.
func checkFrequency(c *bot.Call, spec string, s scheduler.Schedule) error {
	gap := tooOften(s)
	if gap == 0 {
		return nil
	}
	every := fmt.Sprintf("%d min", int(gap/time.Minute))
	if gap < time.Minute {
		every = fmt.Sprintf("%d s", int(gap/time.Second))
	}
	return c.Refuse("announce.too_often", bot.Quote(spec, 60), every)
}

var targetRE = regexp.MustCompile(`^(?:([a-z]+):)?(?:<#([A-Za-z0-9]+)(?:\|[^>]*)?>|#?([\p{L}\p{N}._-]{1,80}))$`)

// targets reads "#allmänt, discord:#123, slack:#C1" relative to the caller
// (none: the channel the command came from, never a DM) and applies the
// rules for where an announcement may go: duplicates are dropped, at most
// maxAnnounceTargets channels, channels of another platform only for
// moderators, and only channels of the community the caller can see
// (checkChannel).
func (f *announcements) targets(ctx context.Context, c *bot.Call, s string) ([]storage.Target, error) {
	if strings.TrimSpace(s) == "" {
		// The channel the command came from, under the same rule; a DM
		// is no channel of the community.
		if err := checkOwnChannel(ctx, c, "announce.need_channel"); err != nil {
			return nil, err
		}
		return []storage.Target{{Platform: c.Event.Platform, Channel: c.Event.Channel.ID}}, nil
	}
	out, err := f.parseTargets(c, s)
	if err != nil {
		return nil, err
	}
	if len(out) > maxAnnounceTargets {
		return nil, c.Refuse("announce.too_many", maxAnnounceTargets, len(out))
	}
	if err := f.checkOtherPlatforms(c, out); err != nil {
		return nil, err
	}
	for _, t := range out {
		if err := checkChannel(ctx, c, t.Platform, t.Channel, t.String()); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// checkOtherPlatforms refuses channels of another platform than the
// caller's unless the caller is a moderator (also when an organiser edits
// an announcement a moderator pointed there).
func (f *announcements) checkOtherPlatforms(c *bot.Call, ts []storage.Target) error {
	for _, t := range ts {
		if t.Platform != c.Event.Platform && c.Role < bot.RoleModerator {
			return c.Refuse("announce.other_platform", bot.Quote(t.String(), 60), string(c.Event.Platform))
		}
	}
	return nil
}

// parseTargets reads the channel list, each channel once, in the order
// given.
func (f *announcements) parseTargets(c *bot.Call, s string) ([]storage.Target, error) {
	var out []storage.Target
	for _, part := range storage.SplitList(s) {
		m := targetRE.FindStringSubmatch(strings.ReplaceAll(part, " ", ""))
		if m == nil {
			return nil, c.Refuse("announce.bad_channel", bot.Quote(part, 60))
		}
		p := c.Event.Platform
		if m[1] != "" {
			p = bot.Platform(m[1])
		}
		if !f.adapters[p] {
			return nil, c.Refuse("announce.no_platform", bot.Quote(string(p), 20))
		}
		if t := (storage.Target{Platform: p, Channel: m[2] + m[3]}); !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out, nil
}

// checkRoom refuses one more active announcement when the community has
// maxActiveSchedules already (for `announce schedule`, `announce once`,
// `announce resume` and an edit that gives a sent one-off a new time).
// Announcement except (0: none) is the one being made active and is not
// counted. A one-off counts until its time.
func (f *announcements) checkRoom(ctx context.Context, c *bot.Call, except int64) error {
	all, err := f.store.Announcements(ctx)
	if err != nil {
		return err
	}
	active := 0
	for _, a := range all {
		if a.ID != except && f.active(a) {
			active++
		}
	}
	if active >= maxActiveSchedules {
		return c.Refuse("announce.too_many_schedules", active, maxActiveSchedules)
	}
	return nil
}

// active reports whether a will still be sent: not paused, readable, and
// for a one-off, neither sent nor past its time.
func (f *announcements) active(a storage.Announcement) bool {
	if a.Paused {
		return false
	}
	p, err := f.loadPlan(a.Spec)
	if err != nil {
		return false
	}
	return !p.isOnce() || !p.sent(a) && p.once.After(f.now())
}

// checkTestGap refuses `announce test` of schedule id within testGap of
// its last test (the delivery log's claim, so a restart does not reset
// it), and says when it can be tested again.
func (f *announcements) checkTestGap(ctx context.Context, c *bot.Call, id int64) error {
	last, err := f.store.LastDelivered(ctx, testJob(id))
	if err != nil || last.IsZero() {
		return err
	}
	wait := last.Add(testGap).Sub(f.now())
	if wait <= 0 {
		return nil
	}
	minutes := int((wait + time.Minute - 1) / time.Minute)
	return c.Refuse("announce.test_wait", id, int(testGap/time.Minute), minutes)
}

// testJob is the delivery-log job of schedule id's tests.
func testJob(id int64) string { return fmt.Sprintf("announce-test:%d", id) }
