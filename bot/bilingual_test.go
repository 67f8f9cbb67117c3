package bot_test

import (
	"testing"

	"passionbot/bot"
)

// TestTextInBothLanguages: a text stored in both languages reads in the
// reader's; joined with a platform's own error, that error reads as it
// came in either; a text stored in one language reads as written.
func TestTextInBothLanguages(t *testing.T) {
	cat, err := bot.NewCatalog(bot.Messages{"x.n.one": {SV: "%d kanal", EN: "%d channel"}, "x.n.other": {SV: "%d kanaler", EN: "%d channels"}})
	if err != nil {
		t.Fatal(err)
	}
	role := cat.Both("audit.role", cat.Msg("role.moderator"), cat.Msg("role.organiser"))
	if sv, en := bot.TextIn(role, bot.LangSV), bot.TextIn(role, bot.LangEN); sv != "rollen moderator krävs; utföraren är arrangör" || en != "role moderator required; actor is organiser" {
		t.Errorf("role refusal: %q / %q", sv, en)
	}
	joined := bot.JoinBoth("; ", cat.BothN("x.n", 2, 2), "", "403 Forbidden")
	if sv, en := bot.TextIn(joined, bot.LangSV), bot.TextIn(joined, bot.LangEN); sv != "2 kanaler; 403 Forbidden" || en != "2 channels; 403 Forbidden" {
		t.Errorf("joined: %q / %q", sv, en)
	}
	if got := bot.TextIn("the platform has no ChannelAdmin", bot.LangSV); got != "the platform has no ChannelAdmin" {
		t.Errorf("an old detail: %q", got)
	}
	if bot.JoinBoth("; ", "", "") != "" {
		t.Error("nothing joined is not empty")
	}
}
