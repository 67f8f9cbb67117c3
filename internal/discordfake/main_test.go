package discordfake_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
	"go.uber.org/goleak"

	"passionbot/internal/discordfake"
)

// TestMain checks that no goroutine survives the tests: neither the fake's
// nor discordgo's (its heartbeat and listen loops end with Session.Close).
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// rewrite sends requests for https://discord.com to the fake.
type rewrite struct {
	base *url.URL
	next http.RoundTripper
}

func (t rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host == "discord.com" {
		r = r.Clone(r.Context())
		r.URL.Scheme, r.URL.Host, r.Host = t.base.Scheme, t.base.Host, t.base.Host
	}
	return t.next.RoundTrip(r)
}

// newSession returns an unopened discordgo session wired to the fake; the
// test's cleanup closes it before the fake shuts down.
func newSession(t *testing.T, fake *discordfake.Server, intents discordgo.Intent) *discordgo.Session {
	t.Helper()
	s, err := discordgo.New("Bot " + fake.Token())
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse(fake.URL())
	tr := &http.Transport{}
	s.Client = &http.Client{Timeout: 10 * time.Second, Transport: rewrite{base: base, next: tr}}
	s.Dialer = &websocket.Dialer{HandshakeTimeout: 5 * time.Second}
	s.Identify.Intents = intents
	t.Cleanup(func() {
		// A heartbeat failing after Close would otherwise start
		// discordgo's endless reconnect loop.
		s.Lock()
		s.ShouldReconnectOnError = false
		s.Unlock()
		_ = s.Close()
		tr.CloseIdleConnections()
	})
	return s
}

// open opens the session and waits for the GUILD_CREATE of every guild.
func open(t *testing.T, s *discordgo.Session, guilds int) {
	t.Helper()
	got := make(chan *discordgo.GuildCreate, 16)
	remove := s.AddHandler(func(_ *discordgo.Session, g *discordgo.GuildCreate) { got <- g })
	defer remove()
	if err := s.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	for range guilds {
		next(t, got)
	}
}

// next receives from ch, failing the test after 5 s.
func next[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(5 * time.Second):
		t.Fatalf("no %T within 5 s", *new(T))
		return *new(T)
	}
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	return c
}
