package bot

import "time"

// Observer is told what the bot does, for the operator's metrics (package
// metrics implements it with Prometheus). It is called from many
// goroutines and must be cheap.
type Observer interface {
	// Received counts one inbound event as the adapter delivered it.
	Received(p Platform, kind EventKind)
	// Handled is one addressed message, command or button (not one that
	// automatic moderation acted on: that goes to the audit log): the command's
	// name ("question" for free text answered from the knowledge base,
	// "unknown" when no command matched, "answer" for a reply to the bot's
	// own question that runs no command), its result (ok, refused, failed)
	// and how long it took.
	Handled(p Platform, command, result string, took time.Duration)
	// Asked is one question to the knowledge base and whether it was answered.
	Asked(p Platform, lang string, answered bool)
	// Feedback is one member's first vote on a knowledge answer: "up"
	// (it helped) or "down".
	Feedback(p Platform, vote string)
	// RateLimited is one wait the platform imposed (HTTP 429).
	RateLimited(p Platform, wait time.Duration)
	// Delivered is the end of one scheduled delivery (announcement,
	// reminder, introduction): outcome sent, late (sent, but more than
	// LateAfter after its time) or failed (given up).
	Delivered(p Platform, kind, outcome string)
}

// LateAfter is how long after its time a scheduled message may go out and
// still count as on time.
const LateAfter = time.Minute

// Results and delivery outcomes an Observer is told.
const (
	ResultOK      = "ok"
	ResultRefused = "refused"
	ResultFailed  = "failed"

	OutcomeSent   = "sent"
	OutcomeLate   = "late"
	OutcomeFailed = "failed"
)

// NopObserver observes nothing; Observe returns it for a nil Observer.
type NopObserver struct{}

// Received does nothing.
func (NopObserver) Received(Platform, EventKind) {}

// Handled does nothing.
func (NopObserver) Handled(Platform, string, string, time.Duration) {}

// Asked does nothing.
func (NopObserver) Asked(Platform, string, bool) {}

// Feedback does nothing.
func (NopObserver) Feedback(Platform, string) {}

// RateLimited does nothing.
func (NopObserver) RateLimited(Platform, time.Duration) {}

// Delivered does nothing.
func (NopObserver) Delivered(Platform, string, string) {}

// Observe returns o, or a NopObserver when o is nil.
func Observe(o Observer) Observer {
	if o == nil {
		return NopObserver{}
	}
	return o
}

// String names the kind for logs and metrics.
func (k EventKind) String() string {
	switch k {
	case EventMessage:
		return "message"
	case EventCommand:
		return "command"
	case EventAction:
		return "button"
	case EventMemberJoined:
		return "join"
	}
	return "other"
}

// HealthChecker is an adapter that can say whether it is connected; nil
// means healthy. Adapters without it (the console) count as connected.
type HealthChecker interface {
	Health() error
}
