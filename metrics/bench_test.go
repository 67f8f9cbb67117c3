package metrics_test

import (
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/metrics"
)

// BenchmarkObservePerMessage is what metrics add to one handled command:
// the event count, the command count and the latency observation.
func BenchmarkObservePerMessage(b *testing.B) {
	m := metrics.New()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			m.Received(bot.PlatformDiscord, bot.EventMessage)
			m.Handled(bot.PlatformDiscord, "question", bot.ResultOK, 3*time.Millisecond)
		}
	})
}
