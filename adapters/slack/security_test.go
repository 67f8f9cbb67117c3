package slack_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/internal/slackfake"
)

// dmAnswer sends text to the bot in u's DM and returns the n-th post there.
func dmAnswer(t *testing.T, e *env, u, text string, n int) string {
	t.Helper()
	e.fake.SendEvent(slackfake.MessageEvent{User: u, Text: text})
	p := waitPosts(t, e.fake, e.fake.DMChannel(u), n)[n-1]
	return p.Text + "\n" + blockText(t, p)
}

// The role matrix on Slack: roles from workspace admin flags and user
// groups mapped by id in [roles], for callers and targets alike.
func TestRoleMatrixOnSlack(t *testing.T) {
	users := map[bot.Role][2]string{}
	e := startWith(t, func(f *slackfake.Server) map[bot.Role][]string {
		for _, r := range bot.Roles() {
			var pair [2]string
			for i := range pair {
				pair[i] = "U" + strings.ToUpper(r.String()) + string(rune('A'+i))
				f.AddUser(slackfake.User{ID: pair[i], Name: r.String(), IsAdmin: r == bot.RoleAdmin, Locale: "sv-SE"})
			}
			users[r] = pair
		}
		orgs, mods := users[bot.RoleOrganiser], users[bot.RoleModerator]
		org := f.AddUsergroup("projekt", orgs[:]...)
		mod := f.AddUsergroup("moderatorer", mods[:]...)
		return map[bot.Role][]string{bot.RoleOrganiser: {org}, bot.RoleModerator: {mod}}
	})
	lines := map[string]string{"warn": "warn user:<@%s> reason:test", "member forget": "member forget user:<@%s>"}
	posts := map[string]int{}
	for _, c := range bottest.RoleMatrix(map[string]bot.Role{"warn": bot.RoleModerator, "member forget": bot.RoleAdmin}) {
		t.Run(c.Name(), func(t *testing.T) {
			caller, target := users[c.Caller][0], users[c.Target][1]
			posts[caller]++
			got := dmAnswer(t, e, caller, strings.Replace(lines[c.Command], "%s", target, 1), posts[caller])
			if err := c.Check(got); err != nil {
				t.Error(err)
			}
		})
	}
}

// A user-group *handle* in [roles] is a name: it still works, but an id is
// what cannot be copied. A group with the mapped id's handle but another id
// gives nothing.
func TestRolesByUserGroupID(t *testing.T) {
	e := startWith(t, func(f *slackfake.Server) map[bot.Role][]string {
		f.AddUser(slackfake.User{ID: "UMOA", Name: "moa", Locale: "sv-SE"})
		f.AddUser(slackfake.User{ID: "UEVE", Name: "eve", Locale: "sv-SE"})
		real := f.AddUsergroup("styrelsen", "UMOA")
		f.AddUsergroup(real, "UEVE") // eve names her own group after the real one's id
		return map[bot.Role][]string{bot.RoleAdmin: {real}}
	})
	if got := dmAnswer(t, e, "UMOA", "role list", 1); strings.Contains(got, "kräver rollen") {
		t.Fatalf("member of the mapped group: %q", got)
	}
	if got := dmAnswer(t, e, "UEVE", "role list", 1); !strings.Contains(got, "kräver rollen administratör") {
		t.Fatalf("member of a look-alike group: %q", got)
	}
}

// Private replies in a channel are ephemeral: what other members can see in
// the channel holds none of them.
func TestPrivateRepliesOnSlackAreEphemeral(t *testing.T) {
	e := start(t)
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: e.general, Text: "interests add tags:vävning"})
	waitPosts(t, e.fake, e.general, 1)
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: e.general, Text: "mydata export"})
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: e.general, Text: "mydata delete"})
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UADA", Channel: e.general, Text: "modlog"})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var private []slackfake.Post
	e.fake.WaitUntil(ctx, func() bool {
		private = private[:0]
		for _, p := range e.fake.Posts(e.general) {
			if p.Method == "chat.postEphemeral" {
				private = append(private, p)
			}
		}
		return len(private) >= 3
	})
	if len(private) < 3 {
		t.Fatalf("%d ephemeral answers, want 3", len(private))
	}
	for _, p := range e.fake.Posts(e.general) {
		if p.Method == "chat.postEphemeral" {
			continue
		}
		text := p.Text + blockText(t, p)
		for _, secret := range []string{"passionbot-mydata", "Moderationslogg", "Radera mina uppgifter", "confirm#"} {
			if strings.Contains(text, secret) {
				t.Fatalf("a private answer in the channel: %q", text)
			}
		}
	}
	for _, m := range e.fake.History(e.general) {
		if strings.Contains(m.Text, "Moderationslogg") || strings.Contains(m.Text, "mydata") && m.User == e.fake.BotUserID() {
			t.Fatalf("a private answer in the channel's history: %q", m.Text)
		}
	}
}

// When Slack cannot list the user groups, a member whose role comes from a
// group is not taken for a plain member: a warn on a moderator by user
// group fails (and is not cached as "no groups"), never succeeds.
func TestFailedUserGroupLookupNeverLowersATarget(t *testing.T) {
	e := startWith(t, func(f *slackfake.Server) map[bot.Role][]string {
		for _, u := range []string{"UMOA", "UOLA"} {
			f.AddUser(slackfake.User{ID: u, Name: strings.ToLower(u[1:]), Locale: "sv-SE"})
		}
		return map[bot.Role][]string{bot.RoleModerator: {f.AddUsergroup("moderatorer", "UMOA")}}
	})
	// ola is a moderator by grant: her own role needs no user groups.
	if err := e.h.DB.GrantRole(context.Background(), bot.User{Platform: bot.PlatformSlack, ID: "UOLA"}, bot.RoleModerator, bot.User{Platform: bot.PlatformSlack, ID: "UADMIN"}); err != nil {
		t.Fatal(err)
	}
	// Both lookups fail: ola's own (she keeps her granted role) and moa's.
	e.fake.FailNextError("usergroups.list", "internal_error")
	e.fake.FailNextError("usergroups.list", "internal_error")
	got := dmAnswer(t, e, "UOLA", "warn user:<@UMOA> reason:test", 1)
	if strings.Contains(got, "är varnad") || !strings.Contains(got, "gick fel") {
		t.Fatalf("warn on a group moderator while usergroups.list failed: %q", got)
	}
	// The failure was not cached: the next warn sees moa's group.
	if got := dmAnswer(t, e, "UOLA", "warn user:<@UMOA> reason:test", 2); !strings.Contains(got, "kan inte agera mot") {
		t.Fatalf("warn on a group moderator after the failure: %q", got)
	}
	for _, p := range e.fake.Posts(e.fake.DMChannel("UMOA")) {
		if strings.Contains(p.Text, "varning") {
			t.Fatalf("moa got a warning: %q", p.Text)
		}
	}
}
