package console_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"passionbot/adapters/console"
	"passionbot/bot"
)

func TestRenderCard(t *testing.T) {
	got := console.Render(bot.Reply{Text: "Ny träff!", Card: &bot.Card{
		Title:   "Julfika i ateljén",
		Body:    "Vi dricker glögg.",
		Fields:  []bot.Field{{Name: "När", Value: "15 jan 18:00"}, {Name: "Var", Value: "Ateljén"}},
		Buttons: []bot.Button{{Label: "Ja", Command: "meetup rsvp id:1 answer:yes"}},
		Footer:  "id 1",
	}})
	want := "Ny träff!\n== Julfika i ateljén ==\nVi dricker glögg.\nNär: 15 jan 18:00\nVar: Ateljén\n[Ja] → meetup rsvp id:1 answer:yes\nid 1"
	if got != want {
		t.Fatalf("Render =\n%s\nwant\n%s", got, want)
	}
}

func TestRunDeliversLinesInOrderAndStopsAtEOF(t *testing.T) {
	in := strings.NewReader("one\r\ntwo\n\n" + strings.Repeat("x", console.MaxLine+10) + "\nlast")
	var out bytes.Buffer
	a := console.New(in, &out, console.Options{Role: bot.RoleOrganiser, Lang: "en", Prompt: true})
	var got []bot.Event
	err := a.Run(context.Background(), bot.HandlerFunc(func(ctx context.Context, ev bot.Event) {
		got = append(got, ev)
		ev.Respond(ctx, bot.Reply{Text: "re:" + ev.Text[:min(len(ev.Text), 4)]})
	}))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 || got[0].Text != "one" || got[1].Text != "two" || got[2].Text != "" || got[4].Text != "last" {
		t.Fatalf("events = %d: %q", len(got), got[0].Text)
	}
	if len(got[3].Text) != console.MaxLine {
		t.Fatalf("long line kept %d bytes, want %d", len(got[3].Text), console.MaxLine)
	}
	ev := got[0]
	if !ev.Addressed || ev.User.Role != bot.RoleOrganiser || ev.Locale != "en" || ev.Platform != bot.PlatformConsole || !ev.Channel.DM {
		t.Fatalf("event = %+v", ev)
	}
	if !strings.HasPrefix(out.String(), "> re:one\n> re:two\n") {
		t.Fatalf("output = %q", out.String()[:40])
	}
}

func TestSendNamesDestinationAndDefusesPings(t *testing.T) {
	var out bytes.Buffer
	a := console.New(strings.NewReader(""), &out, console.Options{})
	ref, err := a.Send(context.Background(), bot.Target{Channel: "allmänt"}, bot.Reply{Text: "@everyone träff i kväll"})
	if err != nil || ref.ID != "1" {
		t.Fatal(ref, err)
	}
	if got := out.String(); !strings.HasPrefix(got, "[#allmänt] @\u200beveryone") {
		t.Fatalf("output = %q", got)
	}
}

func TestRenderNamesTheMentionedFirst(t *testing.T) {
	got := console.Render(bot.Reply{Text: "Påminnelse", Mentions: []bot.User{{Platform: bot.PlatformConsole, ID: "anna"}, {Platform: bot.PlatformSlack, ID: "U1"}}})
	if got != "@anna Påminnelse" {
		t.Fatalf("Render = %q", got)
	}
}
