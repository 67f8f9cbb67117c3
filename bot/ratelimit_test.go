package bot_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// handledLog records what the Observer is told about handled commands.
type handledLog struct {
	bot.NopObserver
	mu      sync.Mutex
	handled []string // command/result
}

func (o *handledLog) Handled(_ bot.Platform, command, result string, _ time.Duration) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.handled = append(o.handled, command+"/"+result)
}

func (o *handledLog) count(s string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	n := 0
	for _, h := range o.handled {
		if h == s {
			n++
		}
	}
	return n
}

// limited is a harness with the production limit (20 a minute, bursts of 5).
// Its members are on a chat platform: the console, the operator's own
// terminal, is never limited.
func limited(t *testing.T, obs bot.Observer) *bottest.Harness {
	h := bottest.New(t, bottest.WithObserver(obs), bottest.WithOptions(func(o *bot.Options) {
		o.CommandsPerMinute, o.CommandBurst = 0, 0
	}))
	h.Platform = bot.PlatformDiscord
	return h
}

// The console is the operator's own terminal: a piped script of commands
// is never limited, whatever role it acts as.
func TestConsoleIsNotLimited(t *testing.T) {
	h := bottest.New(t, bottest.WithOptions(func(o *bot.Options) { o.CommandsPerMinute, o.CommandBurst = 0, 0 }))
	org := h.Member("olle", bot.RoleOrganiser)
	for i := range 30 {
		if got := h.Say(org, "help"); !strings.Contains(got, "Kommandon du kan använda") {
			t.Fatalf("console command %d: %q", i+1, got)
		}
	}
}

func TestMemberFloodGetsOneSlowDownThenSilenceUntilRefilled(t *testing.T) {
	obs := &handledLog{}
	h := limited(t, obs)
	kim := h.Member("kim", bot.RoleMember)
	for i := range 5 {
		if got := h.Say(kim, "help"); !strings.Contains(got, "Kommandon du kan använda") {
			t.Fatalf("command %d of the burst: %q", i+1, got)
		}
	}
	got := h.Say(kim, "help")
	if !strings.Contains(got, "Oj, det går fort! Vänta 3 sekunder") || !strings.Contains(got, "högst 20 kommandon i minuten") {
		t.Fatalf("sixth command: %q", got)
	}
	for i := range 50 {
		if got := h.Say(kim, "vad är en hantverkare?"); got != "" {
			t.Fatalf("message %d after the warning was answered: %q", i+1, got)
		}
	}
	// Another member is not affected.
	if got := h.Say(h.Member("bo", bot.RoleMember), "help"); !strings.Contains(got, "Kommandon du kan använda") {
		t.Fatalf("another member: %q", got)
	}
	// One token back after three seconds: one answer, then silence again
	// (no second warning: the bucket has not been full since).
	h.Advance(3 * time.Second)
	if got := h.Say(kim, "help"); !strings.Contains(got, "Kommandon du kan använda") {
		t.Fatalf("after 3 s: %q", got)
	}
	if got := h.Say(kim, "help"); got != "" {
		t.Fatalf("second command after 3 s: %q", got)
	}
	// Refilled after a pause: a whole burst, and a warning again after it.
	h.Advance(time.Minute)
	for i := range 5 {
		if got := h.Say(kim, "help"); !strings.Contains(got, "Kommandon du kan använda") {
			t.Fatalf("command %d after the pause: %q", i+1, got)
		}
	}
	if got := h.SayIn(kim, "en", "help"); !strings.Contains(got, "Whoa, that's fast! Wait 3 seconds, then you can carry on.") {
		t.Fatalf("second warning, in English: %q", got)
	}
	if n := obs.count("rate_limited/refused"); n != 53 {
		t.Fatalf("observer counted %d limited messages, want 53: %v", n, obs.handled)
	}
}

func TestModeratorsAndAdminsAreNotLimited(t *testing.T) {
	h := limited(t, nil)
	for _, role := range []bot.Role{bot.RoleModerator, bot.RoleAdmin} {
		u := h.Member("staff-"+role.String(), role)
		for i := range 40 {
			if got := h.Say(u, "help"); !strings.Contains(got, "Kommandon du kan använda") {
				t.Fatalf("%s, command %d: %q", role, i+1, got)
			}
		}
	}
	// Organisers are members for the limit.
	org := h.Member("org", bot.RoleOrganiser)
	for range 5 {
		h.Say(org, "help")
	}
	if got := h.Say(org, "help"); !strings.Contains(got, "Oj, det går fort!") {
		t.Fatalf("organiser's sixth command: %q", got)
	}
}

func TestRateLimitConfigurableAndOff(t *testing.T) {
	h := bottest.New(t, bottest.WithOptions(func(o *bot.Options) { o.CommandsPerMinute, o.CommandBurst = 6, 2 }))
	h.Platform = bot.PlatformDiscord
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, "help")
	h.Say(kim, "help")
	if got := h.Say(kim, "help"); !strings.Contains(got, "Vänta 10 sekunder") || !strings.Contains(got, "högst 6 kommandon") {
		t.Fatalf("third command at 6 a minute, bursts of 2: %q", got)
	}
	off := bottest.New(t) // the harness turns the limit off (CommandsPerMinute -1)
	for i := range 100 {
		if got := off.Say(kim, "help"); !strings.Contains(got, "Kommandon du kan använda") {
			t.Fatalf("limit off, command %d: %q", i+1, got)
		}
	}
}
