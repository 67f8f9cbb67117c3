package storage

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"os"
	"passionbot/internal/token"
	"sync"
	"testing"
	"time"

	"passionbot/bot"
)

// webDB is a migrated database on a clock stopped at at.
func webDB(t *testing.T, at time.Time) *DB {
	t.Helper()
	d := openTemp(t)
	if _, err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	d.SetClock(func() time.Time { return at })
	return d
}

// newLink stores a sign-in link for u, valid until expires, and returns
// its token.
func newLink(t *testing.T, d *DB, u bot.User, lang string, expires time.Time) string {
	t.Helper()
	tok, err := token.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.CreateSignInLink(context.Background(), token.Hash(tok), WebIdentity{User: u, Lang: lang}, expires); err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestNewTokenIs128RandomBitsInBase64URL(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		tok, err := token.New()
		if err != nil {
			t.Fatal(err)
		}
		b, err := base64.RawURLEncoding.DecodeString(tok)
		if err != nil || len(b) != 16 || seen[tok] {
			t.Fatalf("token %q: %d bytes, %v, seen before: %v", tok, len(b), err, seen[tok])
		}
		seen[tok] = true
	}
	if h := token.Hash("abc"); h != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Fatalf("token.Hash(abc) = %s, want SHA-256 in hex", h)
	}
}

func TestSignInLinkWorksOnceForItsMember(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	d := webDB(t, at)
	kim := bot.User{Platform: bot.PlatformDiscord, ID: "kim-1", Name: "Kim", Role: bot.RoleAdmin, RoleIDs: []string{"r1"}}
	tok := newLink(t, d, kim, "en", at.Add(10*time.Minute))

	id, err := d.UseSignInLink(ctx, token.Hash(tok), at.Add(time.Minute))
	want := bot.User{Platform: bot.PlatformDiscord, ID: "kim-1", Name: "Kim"} // never a role: that is checked on every request
	if err != nil || id.User.Platform != want.Platform || id.User.ID != want.ID || id.User.Name != want.Name ||
		id.User.Role != bot.RoleMember || id.User.RoleIDs != nil || id.Lang != "en" {
		t.Fatalf("first use = %+v, %v; want %+v in English", id, err, want)
	}
	if _, err := d.UseSignInLink(ctx, token.Hash(tok), at.Add(2*time.Minute)); !errors.Is(err, ErrLinkInvalid) {
		t.Fatalf("second use: %v, want ErrLinkInvalid", err)
	}
	if _, err := d.UseSignInLink(ctx, tok, at.Add(time.Minute)); !errors.Is(err, ErrLinkInvalid) {
		t.Fatalf("the raw token as a hash: %v, want ErrLinkInvalid", err)
	}
	if _, err := d.UseSignInLink(ctx, token.Hash("never-made"), at); !errors.Is(err, ErrLinkInvalid) {
		t.Fatalf("unknown link: %v, want ErrLinkInvalid", err)
	}
	// Asking for the link recorded the member.
	var n int
	d.SQL().QueryRow("SELECT count(*) FROM members WHERE platform = 'discord' AND user_id = 'kim-1'").Scan(&n)
	if n != 1 {
		t.Fatalf("members with kim's id = %d", n)
	}
	if err := d.CreateSignInLink(ctx, token.Hash("x"), WebIdentity{User: kim, Lang: "de"}, at.Add(time.Minute)); err == nil {
		t.Fatal("a link in German was stored")
	}
}

func TestSignInLinkExpires(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	d := webDB(t, at)
	kim := bot.User{Platform: bot.PlatformConsole, ID: "kim"}
	expires := at.Add(10 * time.Minute)
	late, onTime := newLink(t, d, kim, "sv", expires), newLink(t, d, kim, "sv", expires)
	if _, err := d.UseSignInLink(ctx, token.Hash(late), expires); !errors.Is(err, ErrLinkInvalid) {
		t.Fatalf("used at expiry: %v, want ErrLinkInvalid", err)
	}
	if _, err := d.UseSignInLink(ctx, token.Hash(late), expires.Add(time.Hour)); !errors.Is(err, ErrLinkInvalid) {
		t.Fatalf("used an hour late: %v, want ErrLinkInvalid", err)
	}
	if id, err := d.UseSignInLink(ctx, token.Hash(onTime), expires.Add(-time.Second)); err != nil || id.User.ID != "kim" || id.Lang != "sv" {
		t.Fatalf("used a second before expiry: %+v, %v", id, err)
	}
}

// Two browsers opening the same link at the same moment: one signs in.
func TestSignInLinkUsedTwiceAtOnceSignsInOnce(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	d := webDB(t, at)
	kim := bot.User{Platform: bot.PlatformSlack, ID: "U1"}
	for round := range 20 {
		hash := token.Hash(newLink(t, d, kim, "sv", at.Add(10*time.Minute)))
		var wg sync.WaitGroup
		start := make(chan struct{})
		results := make([]error, 2)
		for i := range results {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, results[i] = d.UseSignInLink(ctx, hash, at.Add(time.Minute))
			}()
		}
		close(start)
		wg.Wait()
		ok := 0
		for _, err := range results {
			switch {
			case err == nil:
				ok++
			case !errors.Is(err, ErrLinkInvalid):
				t.Fatalf("round %d: %v", round, err)
			}
		}
		if ok != 1 {
			t.Fatalf("round %d: %d successful uses of one link (%v), want exactly 1", round, ok, results)
		}
	}
}

func TestWebSessionEndsWhenIdle(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	d := webDB(t, at)
	kim := member(t, d, "kim", at)
	kim.Name = "Kim"
	hash := token.Hash("session-1")
	if err := d.CreateWebSession(ctx, hash, WebSession{WebIdentity: WebIdentity{User: kim, Lang: "sv"}, CSRF: "c1", Created: at, Seen: at}); err != nil {
		t.Fatal(err)
	}
	storedSeen := func() time.Time {
		var s int64
		if err := d.SQL().QueryRow("SELECT seen_at FROM web_sessions WHERE id_hash = ?", hash).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return time.Unix(s, 0)
	}

	s, err := d.WebSession(ctx, hash, at.Add(30*time.Second), WebSessionIdle)
	if err != nil || s.User.ID != "kim" || s.User.Name != "Kim" || s.Lang != "sv" || s.CSRF != "c1" || !s.Created.Equal(at) || !s.Seen.Equal(at) {
		t.Fatalf("session = %+v, %v", s, err)
	}
	if !storedSeen().Equal(at) {
		t.Fatalf("seen_at written within the minute: %v", storedSeen())
	}
	later := at.Add(11 * time.Hour)
	if s, err := d.WebSession(ctx, hash, later, WebSessionIdle); err != nil || !s.Seen.Equal(later) || !storedSeen().Equal(later) {
		t.Fatalf("use after 11 hours: %+v, %v; stored seen %v", s, err, storedSeen())
	}
	// Used 11 hours ago: still in. Then idle for more than 12 hours: out.
	if _, err := d.WebSession(ctx, hash, later.Add(WebSessionIdle), WebSessionIdle); err != nil {
		t.Fatalf("used exactly 12 hours after the last use: %v", err)
	}
	last := later.Add(WebSessionIdle)
	if _, err := d.WebSession(ctx, hash, last.Add(WebSessionIdle+time.Second), WebSessionIdle); !errors.Is(err, ErrNoSession) {
		t.Fatalf("idle past the limit: %v, want ErrNoSession", err)
	}
	var n int
	d.SQL().QueryRow("SELECT count(*) FROM web_sessions").Scan(&n)
	if n != 0 {
		t.Fatalf("idle session kept: %d rows", n)
	}
	if _, err := d.WebSession(ctx, hash, last, WebSessionIdle); !errors.Is(err, ErrNoSession) {
		t.Fatalf("ended session: %v, want ErrNoSession", err)
	}
	if _, err := d.WebSession(ctx, token.Hash("unknown"), at, WebSessionIdle); !errors.Is(err, ErrNoSession) {
		t.Fatalf("unknown session: %v, want ErrNoSession", err)
	}
}

func TestWebSessionLanguageAndSignOut(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	d := webDB(t, at)
	kim, bo := member(t, d, "kim", at), member(t, d, "bo", at)
	session := func(u bot.User, id string) string {
		t.Helper()
		h := token.Hash(id)
		if err := d.CreateWebSession(ctx, h, WebSession{WebIdentity: WebIdentity{User: u, Lang: "sv"}, CSRF: "c-" + id, Created: at}); err != nil {
			t.Fatal(err)
		}
		return h
	}
	phone, laptop, bos := session(kim, "phone"), session(kim, "laptop"), session(bo, "bo")
	if s, err := d.WebSession(ctx, phone, at, WebSessionIdle); err != nil || !s.Seen.Equal(at) {
		t.Fatalf("a session made without Seen: %+v, %v; want seen when created", s, err)
	}

	if err := d.SetWebSessionLang(ctx, phone, "en"); err != nil {
		t.Fatal(err)
	}
	if s, _ := d.WebSession(ctx, phone, at, WebSessionIdle); s.Lang != "en" {
		t.Fatalf("language after the change: %q", s.Lang)
	}
	if s, _ := d.WebSession(ctx, laptop, at, WebSessionIdle); s.Lang != "sv" {
		t.Fatalf("the other session's language: %q", s.Lang)
	}
	if err := d.SetWebSessionLang(ctx, phone, "fi"); err == nil {
		t.Fatal("a session in Finnish")
	}
	if err := d.SetWebSessionLang(ctx, token.Hash("unknown"), "en"); !errors.Is(err, ErrNoSession) {
		t.Fatalf("language of an unknown session: %v", err)
	}

	// Sign out on one device.
	if err := d.EndWebSession(ctx, laptop); err != nil {
		t.Fatal(err)
	}
	if _, err := d.WebSession(ctx, laptop, at, WebSessionIdle); !errors.Is(err, ErrNoSession) {
		t.Fatalf("signed-out session: %v", err)
	}
	if err := d.EndWebSession(ctx, laptop); err != nil {
		t.Fatalf("signing out twice: %v", err)
	}

	// Sign out everywhere: kim's sessions and unused links, not bo's.
	session(kim, "tablet")
	unused := newLink(t, d, kim, "sv", at.Add(10*time.Minute))
	used := newLink(t, d, kim, "sv", at.Add(10*time.Minute))
	if _, err := d.UseSignInLink(ctx, token.Hash(used), at); err != nil {
		t.Fatal(err)
	}
	bosLink := newLink(t, d, bo, "sv", at.Add(10*time.Minute))
	if n, err := d.EndWebSessions(ctx, kim); err != nil || n != 2 {
		t.Fatalf("EndWebSessions = %d, %v; want 2 (phone and tablet)", n, err)
	}
	if _, err := d.WebSession(ctx, phone, at, WebSessionIdle); !errors.Is(err, ErrNoSession) {
		t.Fatalf("kim's phone after signing out everywhere: %v", err)
	}
	if _, err := d.UseSignInLink(ctx, token.Hash(unused), at); !errors.Is(err, ErrLinkInvalid) {
		t.Fatalf("kim's unused link after signing out everywhere: %v", err)
	}
	if _, err := d.WebSession(ctx, bos, at, WebSessionIdle); err != nil {
		t.Fatalf("bo's session: %v", err)
	}
	if _, err := d.UseSignInLink(ctx, token.Hash(bosLink), at); err != nil {
		t.Fatalf("bo's link: %v", err)
	}
	if n, err := d.EndWebSessions(ctx, kim); err != nil || n != 0 {
		t.Fatalf("again: %d, %v", n, err)
	}
}

func TestPruneWebDeletesExpiredLinksAndIdleSessions(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	d := webDB(t, at)
	kim := member(t, d, "kim", at)
	newLink(t, d, kim, "sv", at.Add(10*time.Minute))
	fresh := newLink(t, d, kim, "sv", at.Add(13*time.Hour))
	for i, seen := range []time.Time{at, at.Add(2 * time.Hour)} {
		id := token.Hash(string(rune('a' + i)))
		if err := d.CreateWebSession(ctx, id, WebSession{WebIdentity: WebIdentity{User: kim, Lang: "sv"}, CSRF: "c", Created: at, Seen: seen}); err != nil {
			t.Fatal(err)
		}
	}
	// 13 hours on: the first link has expired, the first session is idle
	// 13 hours, the second 11.
	if n, err := d.PruneWeb(ctx, at.Add(13*time.Hour-time.Second), WebSessionIdle); err != nil || n != 2 {
		t.Fatalf("PruneWeb = %d, %v; want the expired link and the idle session", n, err)
	}
	var links, sessions int
	d.SQL().QueryRow("SELECT count(*) FROM web_links").Scan(&links)
	d.SQL().QueryRow("SELECT count(*) FROM web_sessions").Scan(&sessions)
	if links != 1 || sessions != 1 {
		t.Fatalf("left %d links and %d sessions, want 1 and 1", links, sessions)
	}
	if _, err := d.UseSignInLink(ctx, token.Hash(fresh), at); err != nil {
		t.Fatalf("the unexpired link: %v", err)
	}
}

// Whoever gets hold of the database file (a backup, a copy) finds hashes,
// never a token that signs in.
func TestNoRawTokenInTheDatabaseFile(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	d := webDB(t, at)
	kim := bot.User{Platform: bot.PlatformDiscord, ID: "kim-1", Name: "Kim"}
	link := newLink(t, d, kim, "sv", at.Add(10*time.Minute))
	session, err := token.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.CreateWebSession(ctx, token.Hash(session), WebSession{WebIdentity: WebIdentity{User: kim, Lang: "sv"}, CSRF: "csrf", Created: at}); err != nil {
		t.Fatal(err)
	}
	var file []byte
	for _, suffix := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(d.Path() + suffix)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		file = append(file, b...)
	}
	for _, tok := range []string{link, session} {
		if !bytes.Contains(file, []byte(token.Hash(tok))) {
			t.Fatalf("the hash of %q is not in the files: the search finds nothing", tok)
		}
		if bytes.Contains(file, []byte(tok)) {
			t.Fatalf("the raw token %q is in the database files", tok)
		}
	}
}
