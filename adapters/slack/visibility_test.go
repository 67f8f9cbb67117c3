package slack_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"passionbot/internal/slackfake"
)

// TestInterestChannelInvitesOnlyVisibleMembers: `interests channel` makes a
// public channel, whose member list everyone sees, so it invites only the
// members who show their interests to every member. A hidden or
// organisers-only member is told privately, by DM, and left to join.
func TestInterestChannelInvitesOnlyVisibleMembers(t *testing.T) {
	e := start(t)
	e.fake.AddUser(slackfake.User{ID: "UVERA", Name: "vera", Locale: "sv-SE"})
	say := func(user, text string, n int) string {
		t.Helper()
		e.fake.SendEvent(slackfake.MessageEvent{User: user, Text: text})
		return blockText(t, waitPosts(t, e.fake, e.fake.DMChannel(user), n)[n-1])
	}
	say("UKIM", "interests add tags:keramik", 1)
	say("UKIM", "profile set visibility:hidden", 2)
	say("UVERA", "interests add tags:keramik", 1)
	say("UVERA", "profile set visibility:organisers", 2)
	say("UOLLE", "interests add tags:ceramics", 1)

	answer := say("UADA", "interests channel tag:keramik", 1)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	calls, err := e.fake.WaitCalls(ctx, "conversations.invite", 1)
	if err != nil {
		t.Fatalf("nobody invited: %v", err)
	}
	var invited []string
	for _, c := range calls {
		invited = append(invited, strings.Split(c.Params.Get("users"), ",")...)
	}
	if !slices.Equal(invited, []string{"UOLLE"}) {
		t.Fatalf("invited %v, want only UOLLE (kim is hidden, vera organisers-only)", invited)
	}
	ch, ok := e.fake.Channel(calls[0].Params.Get("channel"))
	if !ok || ch.IsPrivate || slices.Contains(ch.Members, "UKIM") || slices.Contains(ch.Members, "UVERA") || !slices.Contains(ch.Members, "UOLLE") {
		t.Fatalf("channel = %+v", ch)
	}
	if !strings.Contains(answer, "is created, and 2 members with the interest have been told") {
		t.Errorf("interests channel = %q; an admin sees olle and vera, not kim", answer)
	}
	for user, want := range map[string]string{
		"UKIM":  "har jag inte lagt till dig; gå med själv",
		"UVERA": "har jag inte lagt till dig; gå med själv",
		"UOLLE": "Välkommen dit!",
	} {
		n := 3
		if user == "UOLLE" {
			n = 2
		}
		if got := blockText(t, waitPosts(t, e.fake, e.fake.DMChannel(user), n)[n-1]); !strings.Contains(got, ch.ID) || !strings.Contains(got, want) {
			t.Errorf("DM to %s = %q, want %q", user, got, want)
		}
	}
}
