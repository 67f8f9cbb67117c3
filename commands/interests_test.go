package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/storage"
)

func TestInterestsNormalizedAndFound(t *testing.T) {
	h := bottest.New(t)
	anna, bo, cia := h.Member("anna", bot.RoleMember), h.Member("bo", bot.RoleMember), h.Member("cia", bot.RoleMember)
	if got := h.Say(anna, `interests add tags:"Keramik,  surdegar , Besöksnäring"`); got != "Tillagt: keramik, surdegar, besöksnäring." {
		t.Fatalf("add = %q", got)
	}
	h.Say(bo, "interests add tags:ceramics, Sourdough")
	h.Say(cia, "interests add tags:tourism, KERAMIK")
	// keramik / ceramics / KERAMIK meet, as do surdegar / sourdough and besöksnäring / tourism.
	for q, want := range map[string]string{
		"interests who tag:keramik":   "3 medlemmar – anna, bo, cia",
		"interests who tag:Ceramics":  "3 medlemmar – anna, bo, cia",
		"interests who tag:surdeg":    "2 medlemmar – anna, bo",
		"interests who tag:turism":    "2 medlemmar – anna, cia",
		"interests who tag:vävning":   "Ingen (som syns) har intresset vävning ännu.",
		"interests who tag:Keramiké!": "3 medlemmar",
	} {
		if got := h.Say(anna, q); !strings.Contains(got, want) {
			t.Errorf("%s = %q, want %q", q, got, want)
		}
	}
	top := h.Say(anna, "interests top")
	if !strings.Contains(top, "- keramik (3)") || strings.Index(top, "keramik (3)") > strings.Index(top, "(2)") {
		t.Fatalf("top = %q", top)
	}
	if got := h.Say(anna, "interests remove tags:ceramics"); got != "1 intresse borttaget." {
		t.Fatalf("remove by synonym = %q", got)
	}
	if got := h.Say(anna, "interests"); got != "Dina intressen: besöksnäring, surdegar" {
		t.Fatalf("mine = %q", got)
	}
}

func TestInterestsBadInput(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	many := strings.Repeat("a,", 500)
	for cmd, want := range map[string]string{
		"interests add tags:" + many:                      "Det är 500 intressen på en gång; högst 20 åt gången.",
		"interests add tags:,,,":                          "Jag hittade inget intresse",
		"interests add tags:🎨🧵":                           "Jag hittade inget intresse",
		"interests add tags:" + strings.Repeat("x", 1000): "är för långt för ett intresse (högst 40 tecken)",
		"interests add":                                   "`intressen` saknas",
	} {
		if got := h.Say(kim, cmd); !strings.Contains(got, want) {
			t.Errorf("%.40s = %q, want %q", cmd, got, want)
		}
	}
	if got := h.Say(kim, "interests add tags:@everyone, <!channel>"); strings.Contains(got, "@everyone") || strings.Contains(got, "<!channel>") {
		t.Fatalf("tag pings: %q", got)
	}
	if got := h.Say(kim, "interests"); strings.Contains(got, "@") || strings.Contains(got, "<") {
		t.Fatalf("stored tags keep mention syntax: %q", got)
	}
}

func TestProfileAndVisibility(t *testing.T) {
	h := bottest.New(t)
	anna, bo := h.Member("anna", bot.RoleMember), h.Member("bo", bot.RoleMember)
	org := h.Member("olle", bot.RoleOrganiser)
	if got := h.Say(anna, `profile set drive:passion about:"Keramiker i Varberg" offers:"en brännugn" needs:"ett marknadsstånd"`); got != "Din profil är sparad." {
		t.Fatalf("set = %q", got)
	}
	h.Say(anna, "interests add tags:keramik")
	got := h.Say(bo, "profile user:anna")
	for _, want := range []string{"Drivkraft: passionsdriven", "Om: Keramiker i Varberg", "Erbjuder: en brännugn", "Behöver: ett marknadsstånd", "Intressen: keramik"} {
		if !strings.Contains(got, want) {
			t.Errorf("profile lacks %q: %q", want, got)
		}
	}
	h.Say(anna, "profile set visibility:organisers")
	if got := h.Say(bo, "profile user:anna"); got != "anna visar inte sin profil." {
		t.Fatalf("organisers-only profile shown to a member: %q", got)
	}
	if got := h.Say(bo, "interests who tag:keramik"); !strings.Contains(got, "Ingen (som syns)") {
		t.Fatalf("organisers-only interest shown to a member: %q", got)
	}
	if got := h.Say(org, "interests who tag:keramik"); !strings.Contains(got, "anna") {
		t.Fatalf("organiser cannot see: %q", got)
	}
	h.Say(anna, "profile set visibility:hidden")
	if got := h.Say(org, "profile user:anna"); got != "anna visar inte sin profil." {
		t.Fatalf("hidden profile shown: %q", got)
	}
	if got := h.Say(anna, "interests who tag:keramik"); !strings.Contains(got, "anna") {
		t.Fatalf("a hidden member cannot see themselves: %q", got)
	}
	if got := h.Say(anna, "profile set lang:en"); got != "Your profile is saved." {
		t.Fatalf("lang = %q", got)
	}
	if got := h.Say(anna, "profile set"); !strings.Contains(got, "Say what to change") {
		t.Fatalf("empty set = %q", got)
	}
}

func TestOnboardingWelcomesOnce(t *testing.T) {
	h := bottest.New(t)
	nya := h.Member("nya", bot.RoleMember)
	got := h.Send(bot.Event{Kind: bot.EventMemberJoined, User: nya}).Text()
	if !strings.HasPrefix(got, "Välkommen till gemenskapen") || strings.Count(got, "\n") != 2 || !strings.Contains(got, "`intressen lägg till intressen:") {
		t.Fatalf("welcome = %q", got)
	}
	if again := h.Send(bot.Event{Kind: bot.EventMemberJoined, User: nya}).Text(); again != "" {
		t.Fatalf("welcomed twice: %q", again)
	}
}

// BenchmarkInterestsWho answers `interests who` with 10,000 members of 5
// interests each in the database.
func BenchmarkInterestsWho(b *testing.B) {
	h := bottest.New(b)
	ctx := b.Context()
	tags := []string{"keramik", "surdeg", "textil", "foto", "odling", "musik", "dans", "teater", "glas", "smide"}
	for i := 0; i < 10000; i++ {
		u := bot.User{Platform: bot.PlatformConsole, ID: fmt.Sprintf("m%05d", i)}
		var is []storage.Interest
		for k := 0; k < 5; k++ {
			t := tags[(i+k*3)%len(tags)] + fmt.Sprint((i+k)%40)
			is = append(is, storage.Interest{Key: t, Tag: t})
		}
		if _, err := h.DB.AddInterests(ctx, u, is); err != nil {
			b.Fatal(err)
		}
	}
	kim := h.Member("kim", bot.RoleMember)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got := h.Say(kim, "interests who tag:keramik0"); !strings.Contains(got, "medlemmar") {
			b.Fatalf("who = %q", got)
		}
	}
}

func TestInterestGroupNoticeOnce(t *testing.T) {
	h := bottest.New(t) // threshold 3, notices to console:#moderatorer
	for _, id := range []string{"anna", "bo", "cia", "dan"} {
		h.Say(h.Member(id, bot.RoleMember), "interests add tags:keramik")
	}
	var notices []string
	for _, s := range h.Outbox.Sent() {
		if s.To.Channel == "moderatorer" {
			notices = append(notices, s.Reply.Text)
		}
	}
	if len(notices) != 1 || !strings.Contains(notices[0], "3 medlemmar delar nu intresset keramik") || !strings.Contains(notices[0], "`intressen kanal intresse:keramik`") {
		t.Fatalf("notices = %q", notices)
	}
	if got := h.Say(h.Member("mo", bot.RoleModerator), "interests channel tag:keramik"); !strings.Contains(got, "saknar stöd för kanalhantering") {
		t.Fatalf("channel on the console = %q", got)
	}
}
