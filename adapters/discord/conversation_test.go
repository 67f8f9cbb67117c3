package discord_test

import (
	"context"
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/discordfake"
)

// A confirmation asked by a mention in a channel goes by DM; a plain "ja"
// from the member there answers it, while another member's "ja" in the
// channel does nothing to it.
func TestPlainYesConfirmsOnDiscord(t *testing.T) {
	e := start(t, setup{})
	ctx := context.Background()
	kimUser := bot.User{Platform: bot.PlatformDiscord, ID: e.kim.ID}
	say(e, e.general, e.kim, "interests add tags:keramik")
	e.messages(t, 1)

	say(e, e.general, e.kim, "mydata delete")
	lastIn(t, e, e.general, 2) // "sent you a DM"
	dm, ok := e.fake.DMChannel(e.kim.ID)
	if !ok {
		t.Fatal("no DM channel")
	}
	if m := lastIn(t, e, dm.ID, 1); !strings.Contains(m.Content, "svara ja eller nej") || len(m.Components) != 1 {
		t.Fatalf("confirmation by DM: %q", m.Content)
	}
	say(e, e.general, e.mod, "ja")
	if m := lastIn(t, e, e.general, 3); strings.Contains(m.Content, "raderat") {
		t.Fatalf("moa's ja: %q", m.Content)
	}
	if tags, _ := e.h.DB.Interests(ctx, kimUser); len(tags) != 1 {
		t.Fatalf("kim's interests after moa's ja: %v", tags)
	}
	e.fake.SendMessage(discordfake.MessageCreate{Author: e.kim, Content: "ja!"})
	if m := lastIn(t, e, dm.ID, 2); !strings.Contains(m.Content, "raderat") {
		t.Fatalf("kim's ja in the DM: %q", m.Content)
	}
	if tags, _ := e.h.DB.Interests(ctx, kimUser); len(tags) != 0 {
		t.Fatalf("kim's interests after ja: %v", tags)
	}
}
