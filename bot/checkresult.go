package bot

import "fmt"

// CheckStatus is the outcome of one set-up check (`passionbot doctor`).
type CheckStatus int

const (
	// CheckPassed: what was checked is as the bot needs it.
	CheckPassed CheckStatus = iota
	// CheckFailed: something the bot needs is missing; Detail says what
	// to do.
	CheckFailed
	// CheckUnchecked: the platform gives no way to check it with the
	// bot's tokens; Detail says what to look at by hand.
	CheckUnchecked
)

// CheckResult is one line of `passionbot doctor`, and of the warnings the
// bot logs at start-up when a check fails. Adapters return them from their
// set-up checks; the words are the operator's (English, as the rest of the
// command line) and name what to do, never a token.
type CheckResult struct {
	Name   string // what was checked: "discord token", "slack scopes"
	Status CheckStatus
	Detail string // what was found; for a failure, also what to do
}

// Passed is a passed check; detail says what was found.
func Passed(name, format string, args ...any) CheckResult {
	return CheckResult{Name: name, Status: CheckPassed, Detail: fmt.Sprintf(format, args...)}
}

// Failed is a failed check; detail says what is wrong and what to do.
func Failed(name, format string, args ...any) CheckResult {
	return CheckResult{Name: name, Status: CheckFailed, Detail: fmt.Sprintf(format, args...)}
}

// Unchecked is a check the bot cannot make; detail says what to look at.
func Unchecked(name, format string, args ...any) CheckResult {
	return CheckResult{Name: name, Status: CheckUnchecked, Detail: fmt.Sprintf(format, args...)}
}

// String is the line doctor prints: "✓ name: detail", "✗ …" or "· …".
func (r CheckResult) String() string {
	mark := "✓"
	switch r.Status {
	case CheckFailed:
		mark = "✗"
	case CheckUnchecked:
		mark = "·"
	}
	return mark + " " + r.Name + ": " + r.Detail
}
