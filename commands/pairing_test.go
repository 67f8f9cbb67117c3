package commands_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/quick"
	"time"

	"passionbot/bot"
	"passionbot/commands"
	"passionbot/internal/bottest"
	"passionbot/storage"
)

// cands builds n candidates with interests chosen from tags by bits.
func cands(n int, bits []uint8) []storage.MatchCandidate {
	tags := []string{"keramik", "surdeg", "textil", "foto", "odling"}
	var out []storage.MatchCandidate
	for i := 0; i < n; i++ {
		c := storage.MatchCandidate{User: bot.User{Platform: bot.PlatformConsole, ID: fmt.Sprintf("m%02d", i)}}
		b := uint8(i * 7)
		if i < len(bits) {
			b = bits[i]
		}
		for t, tag := range tags {
			if b&(1<<t) != 0 {
				c.Interests = append(c.Interests, storage.Interest{Key: tag, Tag: tag})
			}
		}
		out = append(out, c)
	}
	return out
}

func TestMatchProperties(t *testing.T) {
	prop := func(n8 uint8, bits []uint8, seed int64) bool {
		n := int(n8%30) + 2
		cs := cands(n, bits)
		groups := commands.Match(cs, nil, seed)
		seen := map[string]int{}
		trios := 0
		for _, g := range groups {
			if len(g.Members) < 2 || len(g.Members) > 3 {
				return false
			}
			if len(g.Members) == 3 {
				trios++
			}
			for _, m := range g.Members {
				seen[m]++
			}
		}
		// Everyone matched exactly once; one trio exactly when n is odd.
		if len(seen) != n || trios != n%2 {
			return false
		}
		for _, c := range seen {
			if c != 1 {
				return false
			}
		}
		// Deterministic for a seed.
		again := commands.Match(cs, nil, seed)
		return fmt.Sprint(again) == fmt.Sprint(groups)
	}
	if err := quick.Check(prop, &quick.Config{MaxCount: 300}); err != nil {
		t.Fatal(err)
	}
}

func TestMatchNeverRepeatsARecentPair(t *testing.T) {
	prop := func(n8 uint8, bits []uint8, seed int64) bool {
		n := int(n8%20) + 2
		cs := cands(n, bits)
		first := commands.Match(cs, nil, seed)
		recent := map[[2]string]bool{}
		for _, g := range first {
			for i := range g.Members {
				for j := i + 1; j < len(g.Members); j++ {
					a, b := g.Members[i], g.Members[j]
					if a > b {
						a, b = b, a
					}
					recent[[2]string{a, b}] = true
				}
			}
		}
		for _, g := range commands.Match(cs, recent, seed+1) {
			for i := range g.Members {
				for j := i + 1; j < len(g.Members); j++ {
					a, b := g.Members[i], g.Members[j]
					if a > b {
						a, b = b, a
					}
					if recent[[2]string{a, b}] {
						return false
					}
				}
			}
		}
		return true
	}
	if err := quick.Check(prop, &quick.Config{MaxCount: 300}); err != nil {
		t.Fatal(err)
	}
}

func TestMatchPrefersSharedInterestsAndNamesThem(t *testing.T) {
	c := func(id string, drive string, tags ...string) storage.MatchCandidate {
		m := storage.MatchCandidate{User: bot.User{ID: id}, Profile: storage.Profile{Drive: drive}}
		for _, tg := range tags {
			m.Interests = append(m.Interests, storage.Interest{Key: tg, Tag: tg})
		}
		return m
	}
	cs := []storage.MatchCandidate{
		c("a", "passion", "keramik", "surdeg"), c("b", "market", "foto"), c("c", "market", "keramik", "surdeg"), c("d", "passion", "foto"),
	}
	for seed := int64(0); seed < 20; seed++ {
		groups := commands.Match(cs, nil, seed)
		var ac *commands.Group
		for i := range groups {
			if slices.Contains(groups[i].Members, "a") {
				ac = &groups[i]
			}
		}
		if ac == nil || !slices.Contains(ac.Members, "c") || fmt.Sprint(ac.Shared) != "[keramik surdeg]" {
			t.Fatalf("seed %d: groups %+v; want a with c, sharing keramik and surdeg", seed, groups)
		}
	}
}

func TestMatchOnNowHistory(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	for _, m := range []struct{ id, tags string }{{"anna", "keramik, surdeg"}, {"bo", "keramik"}, {"cia", "foto"}} {
		u := h.Member(m.id, bot.RoleMember)
		h.Say(u, "interests add tags:"+m.tags)
		if got := h.Say(u, "match on"); !strings.Contains(got, "Du är med i nästa matchning") {
			t.Fatalf("match on = %q", got)
		}
	}
	h.Say(h.Member("dan", bot.RoleMember), "interests add tags:keramik") // not opted in
	if got := h.Say(h.Member("kim", bot.RoleMember), "match now"); !strings.Contains(got, "kräver rollen arrangör") {
		t.Fatalf("member ran matching: %q", got)
	}
	if got := h.Say(org, "match now"); got != "Matchningen är klar: 1 grupp har fått en presentation." {
		t.Fatalf("match now = %q", got)
	}
	var sent []bottest.Sent
	for _, s := range h.Outbox.Sent() {
		if s.To.User != "" { // intros are DMs (a moderators' notice may go to a channel)
			sent = append(sent, s)
		}
	}
	if len(sent) != 3 {
		t.Fatalf("%d intros for a trio, want 3: %+v", len(sent), sent)
	}
	for _, s := range sent {
		if s.To.User == "dan" {
			t.Fatal("a member who did not opt in was matched")
		}
		if !strings.HasPrefix(s.Reply.Text, "Hej! Jag vill presentera dig för") {
			t.Errorf("intro = %q", s.Reply.Text)
		}
	}
	if got := h.Say(h.Member("anna", bot.RoleMember), "match history"); !strings.Contains(got, "2026-11-25: bo, cia") {
		t.Fatalf("history = %q", got)
	}
	h.Say(h.Member("cia", bot.RoleMember), "match off")
	// anna and bo were matched this week: a second run does not pair them again.
	if got := h.Say(org, "match now"); got != "Matchningen är klar: 0 grupper har fått en presentation." {
		t.Fatalf("second run = %q", got)
	}
}

func TestScheduledMatchingEveryOtherMonday(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday)) // week 48 of 2026
	for _, id := range []string{"anna", "bo"} {
		u := h.Member(id, bot.RoleMember)
		h.Say(u, "interests add tags:keramik")
		h.Say(u, "match on")
	}
	h.Advance(5*24*time.Hour + 23*time.Hour) // Monday 30 Nov 09:00: week 49, odd: no run
	if n := len(h.Outbox.Sent()); n != 0 {
		t.Fatalf("%d intros in an odd week", n)
	}
	h.Advance(7 * 24 * time.Hour) // Monday 7 Dec: week 50
	sent := h.Outbox.Sent()
	if len(sent) != 2 || !strings.Contains(sent[0].Reply.Text, "Ni delar intresset för keramik") {
		t.Fatalf("intros = %+v", sent)
	}
}

// BenchmarkMatch10k matches 10,000 members with 5 interests each.
func BenchmarkMatch10k(b *testing.B) {
	tags := []string{"keramik", "surdeg", "textil", "foto", "odling", "musik", "dans", "teater", "glas", "smide"}
	var cs []storage.MatchCandidate
	for i := 0; i < 10000; i++ {
		c := storage.MatchCandidate{User: bot.User{ID: fmt.Sprintf("m%05d", i)}}
		for k := 0; k < 5; k++ {
			t := fmt.Sprintf("%s%d", tags[(i*7+k*3)%len(tags)], (i/10+k)%20)
			c.Interests = append(c.Interests, storage.Interest{Key: t, Tag: t})
		}
		cs = append(cs, c)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		groups := commands.Match(cs, nil, int64(i))
		matched := 0
		for _, g := range groups {
			matched += len(g.Members)
		}
		if matched != len(cs) {
			b.Fatalf("%d of %d matched", matched, len(cs))
		}
	}
}

// TestIntroClaimedBeforeACrashSentAfterTheRestart: a run saved a match and
// claimed its introductions, then died before sending them; the next run
// re-creates each from the stored match, in each member's language, once.
func TestIntroClaimedBeforeACrashSentAfterTheRestart(t *testing.T) {
	path := t.TempDir() + "/p.db"
	h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
	anna, bo := h.Member("anna", bot.RoleMember), h.Member("bo", bot.RoleMember)
	h.Say(anna, "language lang:en")
	h.Say(bo, "interests add tags:keramik")
	ctx := context.Background()
	id, err := h.DB.SaveMatch(ctx, bot.PlatformConsole, []string{"anna", "bo"}, []string{"keramik"})
	if err != nil {
		t.Fatal(err)
	}
	job := fmt.Sprintf("match:%d", id)
	if _, err := h.DB.ClaimDeliveries(ctx, job, wednesday, []string{"console:@anna", "console:@bo"}, false, "a-run-that-died"); err != nil {
		t.Fatal(err)
	}
	h.DB.Close()
	h = bottest.New(t, bottest.At(wednesday.Add(10*time.Minute)), bottest.WithDatabase(path))
	got := map[string]string{}
	for _, s := range h.Outbox.Sent() {
		got[s.To.User] = s.Reply.Text
	}
	if len(got) != 2 || !strings.HasPrefix(got["anna"], "Hi! I'd like to introduce you to bo.") || !strings.Contains(got["anna"], "keramik") ||
		!strings.HasPrefix(got["bo"], "Hej! Jag vill presentera dig för anna.") {
		t.Fatalf("resumed intros = %q", got)
	}
	h.Advance(time.Hour)
	if n := len(h.Outbox.Sent()); n != 2 {
		t.Fatalf("%d messages: a resumed intro was sent again", n)
	}
}

// TestIntroNotResumedWhenThePartnerIsGone: bo forgot his data before the
// restart; anna is not introduced to nobody.
func TestIntroNotResumedWhenThePartnerIsGone(t *testing.T) {
	path := t.TempDir() + "/p.db"
	h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
	h.Say(h.Member("anna", bot.RoleMember), "interests add tags:keramik")
	bo := h.Member("bo", bot.RoleMember)
	h.Say(bo, "interests add tags:keramik")
	ctx := context.Background()
	id, err := h.DB.SaveMatch(ctx, bot.PlatformConsole, []string{"anna", "bo"}, []string{"keramik"})
	if err != nil {
		t.Fatal(err)
	}
	h.DB.ClaimDeliveries(ctx, fmt.Sprintf("match:%d", id), wednesday, []string{"console:@anna", "console:@bo"}, false, "a-run-that-died")
	if err := h.DB.ForgetMember(ctx, bo); err != nil {
		t.Fatal(err)
	}
	h.DB.Close()
	h = bottest.New(t, bottest.At(wednesday.Add(10*time.Minute)), bottest.WithDatabase(path))
	if sent := h.Outbox.Sent(); len(sent) != 0 {
		t.Fatalf("sent %+v", sent)
	}
}
