package bot

import (
	"context"
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// The per-member command limit's defaults: a member may send
// DefaultCommandBurst commands at once, then DefaultCommandsPerMinute a
// minute (one every three seconds). Moderators and admins are not limited.
const (
	DefaultCommandsPerMinute = 20
	DefaultCommandBurst      = 5
)

// labelRateLimited is the command label the Observer is told for a message
// the limit refused.
const labelRateLimited = "rate_limited"

// memberLimits holds one token bucket per member who sent a command
// recently. A bucket that has refilled is the same as a new one, so it is
// dropped: memory follows the members active in the last few seconds, not
// the size of the community.
type memberLimits struct {
	every rate.Limit
	burst int

	mu        sync.Mutex
	buckets   map[string]*bucket // by User.Key()
	lastPrune time.Time
}

// bucket is one member's tokens and whether they were told to slow down
// since the bucket was last full.
type bucket struct {
	tokens *rate.Limiter
	warned bool
}

// verdict is what the limit decides for one command.
type verdict struct {
	allowed bool
	warn    bool          // refused, and the member has not been told yet
	wait    time.Duration // until the next command is allowed (when refused)
}

// newMemberLimits returns the limit for perMinute commands a minute in
// bursts of burst (0: the defaults), or nil when perMinute is negative
// (no limit, for load tests).
func newMemberLimits(perMinute, burst int) *memberLimits {
	if perMinute < 0 {
		return nil
	}
	if perMinute == 0 {
		perMinute = DefaultCommandsPerMinute
	}
	if burst <= 0 {
		burst = DefaultCommandBurst
	}
	return &memberLimits{every: rate.Limit(float64(perMinute) / 60), burst: burst, buckets: map[string]*bucket{}}
}

// take spends one of key's tokens at now.
func (l *memberLimits) take(key string, now time.Time) verdict {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prune(now)
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: rate.NewLimiter(l.every, l.burst)}
		l.buckets[key] = b
	}
	if b.tokens.AllowN(now, 1) {
		return verdict{allowed: true}
	}
	v := verdict{warn: !b.warned, wait: l.untilOne(b, now)}
	b.warned = true
	return v
}

// untilOne is how long until b holds a whole token again, rounded up to a
// second.
func (l *memberLimits) untilOne(b *bucket, now time.Time) time.Duration {
	missing := 1 - b.tokens.TokensAt(now)
	secs := math.Ceil(missing/float64(l.every) - 1e-6) // 2.0000001 s is 2 s
	return time.Duration(max(secs, 1)) * time.Second
}

// refill is how long an empty bucket takes to fill up.
func (l *memberLimits) refill() time.Duration {
	return time.Duration(float64(l.burst) / float64(l.every) * float64(time.Second))
}

// prune drops the buckets that are full again, at most once per refill
// period, so that a member who paused is forgiven (told again next time)
// and idle members cost nothing.
func (l *memberLimits) prune(now time.Time) {
	if now.Sub(l.lastPrune) < l.refill() && !now.Before(l.lastPrune) {
		return
	}
	l.lastPrune = now
	for key, b := range l.buckets {
		if b.tokens.TokensAt(now) >= float64(l.burst) {
			delete(l.buckets, key)
		}
	}
}

// perMinute is the refill rate in commands a minute.
func (l *memberLimits) perMinute() int { return int(math.Round(float64(l.every) * 60)) }

// size is how many members are held, for tests.
func (l *memberLimits) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}

// allow applies the per-member limit to a command: members and organisers
// get DefaultCommandBurst at once and DefaultCommandsPerMinute after that
// (Options.CommandsPerMinute, Options.CommandBurst). The first refused
// command is answered with when they can continue; the ones after it are
// dropped silently until the bucket is full again, so that a flood gets one
// reply, not one per message. Refusals are counted as the command
// "rate_limited" with result refused.
func (b *Bot) allow(ctx context.Context, c *Call) bool {
	// The console is the operator's own terminal (a piped script of
	// commands included): nobody else can flood it.
	if b.limits == nil || c.Role >= RoleModerator || c.Event.Platform == PlatformConsole || c.Event.PageView {
		return true
	}
	v := b.limits.take(c.Event.User.Key(), b.opt.Now())
	if v.allowed {
		return true
	}
	c.label, c.result = labelRateLimited, ResultRefused
	if v.warn {
		b.log.InfoContext(ctx, "member rate limited", "platform", c.Event.Platform, "user", c.Event.User.Key(), "wait", v.wait)
		c.fail(ctx, c.TN("err.slow_down", int(v.wait/time.Second), int(v.wait/time.Second), b.limits.perMinute()))
	}
	return false
}
