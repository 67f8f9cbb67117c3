package commands_test

import (
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// The tests here check that a member's profile visibility (hidden,
// organisers, members) holds on every path where members with an interest
// leave the bot: `interests who`, the moderators' group notice, the shared
// interest hint of `meetup show`, reminders naming others, and match
// introductions. The Slack invite of `interests channel` is tested in
// adapters/slack (TestInterestChannelInvitesOnlyVisibleMembers).

// withInterest gives each member the tag and the visibility.
func withInterest(h *bottest.Harness, tag string, members map[string]string) {
	for id, vis := range members {
		u := h.Member(id, bot.RoleMember)
		h.Say(u, "interests add tags:"+tag)
		h.Say(u, "profile set visibility:"+vis)
	}
}

func TestInterestsWhoFollowsVisibility(t *testing.T) {
	h := bottest.New(t)
	withInterest(h, "keramik", map[string]string{"anna": "members", "bo": "organisers", "cia": "hidden"})
	for _, tc := range []struct {
		who       string
		role      bot.Role
		want, not []string
	}{
		{"kim", bot.RoleMember, []string{"1 medlem – anna"}, []string{"bo", "cia"}},
		{"olle", bot.RoleOrganiser, []string{"2 medlemmar – anna, bo"}, []string{"cia"}},
		{"ada", bot.RoleAdmin, []string{"2 medlemmar – anna, bo"}, []string{"cia"}},
		{"cia", bot.RoleMember, []string{"2 medlemmar – anna, cia"}, []string{"bo"}}, // a hidden member sees themselves
	} {
		got := h.Say(h.Member(tc.who, tc.role), "interests who tag:keramik")
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s (%s): %q lacks %q", tc.who, tc.role, got, w)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(got, n) {
				t.Errorf("%s (%s): %q names %s", tc.who, tc.role, got, n)
			}
		}
	}
}

// noticesTo returns what the bot sent to the moderators' channel.
func noticesTo(h *bottest.Harness) []string {
	var out []string
	for _, s := range h.Outbox.Sent() {
		if s.To.Channel == "moderatorer" {
			out = append(out, s.Reply.Text)
		}
	}
	return out
}

func TestGroupNoticeCountsOnlyMembersModeratorsMaySee(t *testing.T) {
	h := bottest.New(t) // threshold 3
	for _, m := range []struct{ id, vis string }{{"anna", "members"}, {"bo", "organisers"}, {"cia", "hidden"}} {
		u := h.Member(m.id, bot.RoleMember)
		h.Say(u, "profile set visibility:"+m.vis)
		h.Say(u, "interests add tags:keramik")
	}
	if n := noticesTo(h); len(n) != 0 {
		t.Fatalf("a hidden member's interest counted towards the notice: %q", n)
	}
	h.Say(h.Member("dan", bot.RoleMember), "interests add tags:keramik")
	if n := noticesTo(h); len(n) != 1 || !strings.Contains(n[0], "3 medlemmar delar nu intresset keramik") {
		t.Fatalf("notices = %q; want one counting anna, bo and dan", n)
	}
}

func TestMeetupHintCountsOnlyVisibleInterests(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	h.Say(h.Member("olle", bot.RoleOrganiser), `meetup create title:"Keramikkväll" when:"2026-12-03 18:00"`)
	withInterest(h, "keramik", map[string]string{"anna": "hidden", "bo": "organisers"})
	h.Say(h.Member("anna", bot.RoleMember), "meetup rsvp id:1 answer:yes")
	h.Say(h.Member("bo", bot.RoleMember), "meetup rsvp id:1 answer:yes")
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, "interests add tags:keramik")
	if got := h.Say(kim, "meetup show id:1"); strings.Contains(got, "För dig") {
		t.Fatalf("the hint counts hidden or organisers-only interests for a member: %q", got)
	}
	org := h.Member("ola", bot.RoleOrganiser)
	h.Say(org, "interests add tags:keramik")
	if got := h.Say(org, "meetup show id:1"); !strings.Contains(got, "För dig: 1 som kommer delar ditt intresse för keramik") {
		t.Fatalf("an organiser's hint should count bo (organisers) but not anna (hidden): %q", got)
	}
	withInterest(h, "keramik", map[string]string{"cia": "members"})
	h.Say(h.Member("cia", bot.RoleMember), "meetup rsvp id:1 answer:yes")
	if got := h.Say(kim, "meetup show id:1"); !strings.Contains(got, "För dig: 1 som kommer delar ditt intresse för keramik") {
		t.Fatalf("the hint should count cia (visible): %q", got)
	}
}

func TestReminderNamesOnlyVisibleMembers(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	h.Say(h.Member("olle", bot.RoleOrganiser), `meetup create title:"Keramikkväll" when:"2026-12-03 18:00"`)
	withInterest(h, "keramik", map[string]string{"anna": "hidden", "bo": "members", "cia": "organisers", "dan": "members"})
	for _, id := range []string{"anna", "bo", "cia", "dan"} {
		h.Say(h.Member(id, bot.RoleMember), "meetup rsvp id:1 answer:yes")
	}
	h.Advance(7*24*time.Hour + 8*time.Hour) // past the 24 h reminder
	got := map[string]string{}
	for _, s := range h.Outbox.Sent() {
		if strings.HasPrefix(s.Reply.Text, "Påminnelse") && got[s.To.User] == "" {
			got[s.To.User] = s.Reply.Text
		}
	}
	for id, want := range map[string]string{
		"anna": "bland andra bo, dan, som", // a hidden member still hears who shares their interest
		"bo":   "bland andra dan, som",     // not anna (hidden) nor cia (organisers only)
		"cia":  "bland andra bo, dan, som",
		"dan":  "bland andra bo, som",
	} {
		if !strings.Contains(got[id], want) {
			t.Errorf("%s's reminder = %q, want %q", id, got[id], want)
		}
	}
}

func TestMatchIntroNamesOnlyVisibleInterests(t *testing.T) {
	for _, tc := range []struct{ vis, want, not string }{
		{"hidden", "inga gemensamma intressen", "keramik"},
		{"organisers", "inga gemensamma intressen", "keramik"},
		{"members", "Ni delar intresset för keramik", "inga gemensamma"},
	} {
		t.Run(tc.vis, func(t *testing.T) {
			h := bottest.New(t, bottest.At(wednesday))
			withInterest(h, "keramik", map[string]string{"anna": tc.vis, "bo": "members"})
			for _, id := range []string{"anna", "bo"} {
				h.Say(h.Member(id, bot.RoleMember), "match on")
			}
			if got := h.Say(h.Member("olle", bot.RoleOrganiser), "match now"); !strings.Contains(got, "1 grupp har") {
				t.Fatalf("match now = %q", got)
			}
			var intros int
			for _, s := range h.Outbox.Sent() {
				if !strings.HasPrefix(s.Reply.Text, "Hej! Jag vill presentera") {
					continue
				}
				intros++
				if !strings.Contains(s.Reply.Text, tc.want) || strings.Contains(s.Reply.Text, tc.not) {
					t.Errorf("intro to %s = %q, want %q and not %q", s.To.User, s.Reply.Text, tc.want, tc.not)
				}
			}
			if intros != 2 {
				t.Fatalf("%d intros, want 2", intros)
			}
		})
	}
}

// `interests top` and tag autocomplete count only the members the asker
// may see: a tag held only by hidden members is not offered, and counts
// do not reveal hidden holders.
func TestTopInterestsAndAutocompleteFollowVisibility(t *testing.T) {
	h := bottest.New(t)
	withInterest(h, "keramik", map[string]string{"anna": "members", "cia": "hidden", "dan": "hidden"})
	withInterest(h, "hemlig odling", map[string]string{"cia": "hidden"})
	withInterest(h, "textilkonst", map[string]string{"bo": "organisers"})
	for _, tc := range []struct {
		who       string
		role      bot.Role
		want, not []string
	}{
		{"kim", bot.RoleMember, []string{"keramik (1)"}, []string{"hemlig", "textilkonst", "keramik (3)"}},
		{"olle", bot.RoleOrganiser, []string{"keramik (1)", "textilkonst (1)"}, []string{"hemlig", "keramik (3)"}},
		{"ada", bot.RoleAdmin, []string{"keramik (1)", "textilkonst (1)"}, []string{"hemlig"}},
	} {
		got := h.Say(h.Member(tc.who, tc.role), "interests top")
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("interests top for %s = %q, want %q", tc.who, got, w)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(got, n) {
				t.Errorf("interests top for %s = %q, must not hold %q", tc.who, got, n)
			}
		}
	}
	ctx := t.Context()
	kim, olle := h.Member("kim", bot.RoleMember), h.Member("olle", bot.RoleOrganiser)
	addCmd, _ := h.Bot.Registry().Lookup([]string{"interests", "add"})
	if got := h.Bot.Suggestions(ctx, kim, addCmd, "tags", "he"); len(got) != 0 {
		t.Errorf("autocomplete of a hidden member's tag: %q", got)
	}
	if got := h.Bot.Suggestions(ctx, kim, addCmd, "tags", "te"); len(got) != 0 {
		t.Errorf("autocomplete of a tag visible to organisers, for a member: %q", got)
	}
	if got := h.Bot.Suggestions(ctx, olle, addCmd, "tags", "te"); len(got) != 1 || got[0] != "textilkonst" {
		t.Errorf("autocomplete for an organiser = %q", got)
	}
	if got := h.Bot.Suggestions(ctx, kim, addCmd, "tags", "vävning, ke"); len(got) != 1 || got[0] != "vävning, keramik" {
		t.Errorf("autocomplete of a visible tag = %q", got)
	}
}
