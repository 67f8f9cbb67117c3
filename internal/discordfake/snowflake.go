package discordfake

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"sync"
	"time"
)

// discordEpoch is the first millisecond of 2015, Discord's snowflake epoch.
const discordEpoch = 1420070400000

// Snowflake returns a Discord snowflake ID for time t (worker 1, process 0,
// increment 0). Use it for messages that must look old, e.g. to test the
// 14-day limit of bulk deletes.
func Snowflake(t time.Time) string {
	ms := max(t.UnixMilli()-discordEpoch, 0)
	return strconv.FormatUint(uint64(ms)<<22|1<<17, 10)
}

// SnowflakeTime returns the creation time encoded in a snowflake ID.
func SnowflakeTime(id string) (time.Time, error) {
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return time.Time{}, err
	}
	return time.UnixMilli(int64(n>>22) + discordEpoch), nil
}

// idGen makes strictly increasing snowflakes.
type idGen struct {
	mu     sync.Mutex
	lastMs int64
	inc    int64
}

func (g *idGen) next() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	ms := time.Now().UnixMilli() - discordEpoch
	if ms <= g.lastMs {
		ms = g.lastMs
		g.inc++
		if g.inc >= 1<<12 {
			ms++
			g.inc = 0
		}
	} else {
		g.inc = 0
	}
	g.lastMs = ms
	return strconv.FormatUint(uint64(ms)<<22|1<<17|uint64(g.inc), 10)
}

// randomHex returns n random bytes as hex (session IDs, interaction tokens).
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
