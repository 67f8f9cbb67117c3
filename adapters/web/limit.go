package web

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// sessionLimits is a token bucket per session (by the session id's hash):
// every request reads the member's facts from their platform (a Discord
// REST call), so one member's script must not drive the bot into the
// platform's rate limits. A person clicking through pages stays far below
// it ([web] requests_per_minute, bursts of a third of it).
type sessionLimits struct {
	perMinute int // 0: no limit
	mu        sync.Mutex
	m         map[string]*bucket
	seen      time.Time // last prune
}

type bucket struct {
	lim  *rate.Limiter
	last time.Time
}

func newSessionLimits(perMinute int) *sessionLimits {
	return &sessionLimits{perMinute: perMinute, m: map[string]*bucket{}}
}

// allow takes a token for session hash at now.
func (s *sessionLimits) allow(hash string, now time.Time) bool {
	if s.perMinute <= 0 {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if now.Sub(s.seen) > 10*time.Minute {
		// Buckets idle for ten minutes are full again: forget them.
		for k, b := range s.m {
			if now.Sub(b.last) > 10*time.Minute {
				delete(s.m, k)
			}
		}
		s.seen = now
	}
	b, ok := s.m[hash]
	if !ok {
		b = &bucket{lim: rate.NewLimiter(rate.Limit(float64(s.perMinute)/60), max(1, s.perMinute/3))}
		s.m[hash] = b
	}
	b.last = now
	return b.lim.AllowN(now, 1)
}
