package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// The role matrix on the console: the target's role comes from grants
// (the console has no platform facts), by the same rules as the caller's.
func TestRoleMatrixOnTheConsole(t *testing.T) {
	h := bottest.New(t)
	ctx := context.Background()
	grantor := bot.User{Platform: bot.PlatformConsole, ID: "root"}
	targets := map[bot.Role]string{}
	for _, r := range bot.Roles() {
		id := "target-" + r.String()
		targets[r] = id
		if err := h.DB.GrantRole(ctx, bot.User{Platform: bot.PlatformConsole, ID: id, Name: id}, r, grantor); err != nil {
			t.Fatal(err)
		}
	}
	lines := map[string]string{"warn": "warn user:%s reason:test", "member forget": "member forget user:%s"}
	for _, c := range bottest.RoleMatrix(map[string]bot.Role{"warn": bot.RoleModerator, "member forget": bot.RoleAdmin}) {
		t.Run(c.Name(), func(t *testing.T) {
			caller := h.Member("caller-"+c.Caller.String(), c.Caller)
			got := h.Say(caller, strings.Replace(lines[c.Command], "%s", targets[c.Target], 1))
			if err := c.Check(got); err != nil {
				t.Error(err)
			}
		})
		// member forget removes the grant: give it back for the next case.
		id := targets[c.Target]
		h.DB.GrantRole(ctx, bot.User{Platform: bot.PlatformConsole, ID: id, Name: id}, c.Target, grantor)
	}
}

// action clicks a button as u: the event an adapter hands the core.
func action(h *bottest.Harness, u bot.User, id string) string {
	return h.Send(bot.Event{Kind: bot.EventAction, User: u, Channel: bot.Channel{ID: "general"}, Action: id, Addressed: true, PrivateReplies: true}).Text()
}

// confirmButton asks for mydata delete as u and returns the button's action.
func confirmButton(t *testing.T, h *bottest.Harness, u bot.User) string {
	t.Helper()
	c := h.Send(bot.Event{Kind: bot.EventMessage, User: u, Channel: bot.Channel{ID: "general"}, Text: "mydata delete", Addressed: true, PrivateReplies: true})
	if len(c.Replies) != 1 || c.Replies[0].Card == nil || len(c.Replies[0].Card.Buttons) != 1 {
		t.Fatalf("no confirmation card: %+v", c.Replies)
	}
	r := c.Replies[0]
	if !r.Private || !r.Ephemeral {
		t.Fatalf("confirmation not private: %+v", r)
	}
	b := r.Card.Buttons[0]
	// The typed command in the member's language (Swedish here).
	if b.Command != "mina-data radera bekräfta:ja" || strings.Contains(b.Action, "confirm:yes") || strings.Contains(b.Action, "bekräfta") {
		t.Fatalf("button = %+v; want a nonce action and the typed command as fallback", b)
	}
	return b.Action
}

func interestsOf(t *testing.T, h *bottest.Harness, u bot.User) string {
	t.Helper()
	return h.Say(u, "interests")
}

func TestConfirmationButtonIsBoundToWhoAsked(t *testing.T) {
	h := bottest.New(t)
	kim, moa := h.Member("kim", bot.RoleMember), h.Member("moa", bot.RoleMember)
	for _, u := range []bot.User{kim, moa} {
		h.Say(u, "interests add tags:vävning")
	}
	button := confirmButton(t, h, kim)

	// Someone else clicks kim's button: refused, nothing deleted, for either.
	if got := action(h, moa, button); !strings.Contains(got, "Den här knappen är inte din") {
		t.Fatalf("other member's click = %q", got)
	}
	for _, u := range []bot.User{kim, moa} {
		if got := interestsOf(t, h, u); !strings.Contains(got, "vävning") {
			t.Fatalf("%s lost their interests after someone else's click: %q", u.ID, got)
		}
	}
	// A button that carries confirm:yes itself (posted by an older version)
	// acts for nobody.
	if got := action(h, moa, "mydata delete confirm:yes"); !strings.Contains(got, "gäller inte längre") {
		t.Fatalf("old-style button = %q", got)
	}
	if got := interestsOf(t, h, moa); !strings.Contains(got, "vävning") {
		t.Fatalf("an old-style button deleted the clicker's data: %q", got)
	}
	// kim's own click works, once.
	if got := action(h, kim, button); !strings.Contains(got, "raderat") {
		t.Fatalf("own click = %q", got)
	}
	if got := interestsOf(t, h, kim); strings.Contains(got, "vävning") {
		t.Fatalf("kim's data still there: %q", got)
	}
	if got := action(h, kim, button); !strings.Contains(got, "gäller inte längre") {
		t.Fatalf("second click = %q", got)
	}
}

func TestConfirmationButtonExpiresAfterTenMinutes(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, "interests add tags:vävning")
	button := confirmButton(t, h, kim)
	h.Clock.Advance(bot.ConfirmTTL + time.Second)
	if got := action(h, kim, button); !strings.Contains(got, "gäller inte längre") {
		t.Fatalf("click after 10 minutes = %q", got)
	}
	if got := interestsOf(t, h, kim); !strings.Contains(got, "vävning") {
		t.Fatalf("an expired button deleted data: %q", got)
	}
}

// On a platform that cannot answer privately in a channel, a private reply
// goes by DM and the channel hears only that it did; closed DMs are
// explained without the reply.
func TestPrivateReplyGoesByDMWhereThePlatformCannotHideIt(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, "interests add tags:vävning")
	public := h.Send(bot.Event{Kind: bot.EventMessage, User: kim, Channel: bot.Channel{ID: "general"}, Text: "mydata export", Addressed: true})
	if got := public.Text(); strings.Contains(got, "vävning") || !strings.Contains(got, "DM") {
		t.Fatalf("in the channel: %q", got)
	}
	sent := h.Outbox.Sent()
	if len(sent) != 1 || sent[0].To.User != "kim" || sent[0].Reply.File == nil || !strings.Contains(string(sent[0].Reply.File.Data), "vävning") {
		t.Fatalf("DM = %+v", sent)
	}
	h.Outbox.RefuseDMs("kim")
	public = h.Send(bot.Event{Kind: bot.EventMessage, User: kim, Channel: bot.Channel{ID: "general"}, Text: "mydata export", Addressed: true})
	if got := public.Text(); strings.Contains(got, "vävning") || !strings.Contains(got, "kan inte skicka DM") {
		t.Fatalf("closed DMs, in the channel: %q", got)
	}
}

func TestControlCharactersNeverReachStorageOrReplies(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	got := h.Say(kim, "interests add tags:ker\x1bamik\x00, sur\u009bdeg\r, \x07")
	if strings.ContainsAny(got, "\x1b\x00\r\u009b\x07") || !strings.Contains(got, "keramik") || !strings.Contains(got, "surdeg") {
		t.Fatalf("add = %q", got)
	}
	if got := h.Say(kim, "interests"); strings.ContainsAny(got, "\x1b\x00\u009b") || !strings.Contains(got, "keramik") {
		t.Fatalf("stored = %q", got)
	}
}
