package discord

import "reflect"

// RateLimitBuckets counts the buckets discordgo's rate limiter holds
// (its map is unexported; reflect may read its length).
func RateLimitBuckets(a *Adapter) int {
	rl := a.sess.Ratelimiter
	rl.Lock()
	defer rl.Unlock()
	return reflect.ValueOf(rl).Elem().FieldByName("buckets").Len()
}
