package discord_test

import (
	"context"
	"strings"
	"testing"

	"passionbot/internal/discordfake"
)

// voteButtons returns the custom ids of the 👍 and 👎 buttons under an answer.
func voteButtons(t *testing.T, d discordfake.MessageData) (up, down string) {
	t.Helper()
	if len(d.Components) != 1 || len(d.Components[0].Components) != 2 {
		t.Fatalf("no vote buttons under the answer: %+v", d)
	}
	return d.Components[0].Components[0].CustomID, d.Components[0].Components[1].CustomID
}

// A 👍 on an answer, to a slash command or to a mention, is stored once per
// member; a second click says the first vote counts.
func TestVoteButtonsOnAnswers(t *testing.T) {
	e := start(t, setup{})
	ctx := context.Background()
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "ask", Locale: "sv-SE",
		Options: []discordfake.OptionValue{discordfake.Str("question", "vad står PUNKS för?")}})
	r := e.response(t, id)
	if !strings.Contains(r.Data.Content, "Passionsdriven Utveckling") {
		t.Fatalf("/ask: %q", r.Data.Content)
	}
	up, _ := voteButtons(t, r.Data)
	click := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CustomID: up, Locale: "sv-SE"})
	if r := e.response(t, click); !strings.Contains(r.Data.Content, "Kul att svaret hjälpte") || r.Data.Flags&ephemeral == 0 {
		t.Fatalf("kim's 👍: %q (flags %d)", r.Data.Content, r.Data.Flags)
	}
	click = e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CustomID: up, Locale: "sv-SE"})
	if r := e.response(t, click); !strings.Contains(r.Data.Content, "Du har redan röstat") {
		t.Fatalf("kim's second 👍: %q", r.Data.Content)
	}
	if a, err := e.h.DB.GivenAnswer(ctx, 1); err != nil || a.Up != 1 || a.Question != "vad står PUNKS för?" {
		t.Fatalf("answer 1 after the votes: %+v, %v", a, err)
	}

	// An answer to a mention has the buttons too; another member's 👎 counts.
	say(e, e.general, e.kim, "vem beställde rapporten?")
	m := lastIn(t, e, e.general, 1)
	_, down := voteButtons(t, m.MessageData)
	click = e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.mod, CustomID: down, Locale: "sv-SE"})
	if r := e.response(t, click); !strings.Contains(r.Data.Content, "Arrangörerna ser att svaret inte hjälpte") {
		t.Fatalf("moa's 👎: %q", r.Data.Content)
	}
	if a, err := e.h.DB.GivenAnswer(ctx, 2); err != nil || a.Down != 1 {
		t.Fatalf("answer 2 after moa's vote: %+v, %v", a, err)
	}
	// The vote command is not a slash command: /ask stays one command.
	for _, c := range e.fake.Commands(e.guild.ID) {
		if c.Name == "ask" && len(c.Options) > 0 && c.Options[0].Type == 1 {
			t.Fatalf("/ask became a group: %+v", c)
		}
	}
}
