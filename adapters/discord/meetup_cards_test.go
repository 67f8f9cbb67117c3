package discord_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"passionbot/internal/discordfake"
)

// cardIn finds the meetup card the bot posted in the channel: the message
// with an embed titled title.
func cardIn(t *testing.T, e *env, title string) discordfake.Message {
	t.Helper()
	var card discordfake.Message
	e.waitFor(t, "the meetup card", func() bool {
		for _, m := range e.fake.Messages(e.general) {
			if len(m.Embeds) == 1 && m.Embeds[0].Title == title {
				card = m
				return true
			}
		}
		return false
	})
	return card
}

// fieldsOf is a card's fields as "name: value" lines.
func fieldsOf(m discordfake.Message) string {
	if len(m.Embeds) == 0 {
		return ""
	}
	var b strings.Builder
	for _, f := range m.Embeds[0].Fields {
		fmt.Fprintf(&b, "%s: %s\n", f.Name, f.Value)
	}
	return b.String()
}

// dmTexts is what the bot wrote to u by DM.
func dmTexts(e *env, u discordfake.User) []discordfake.Message {
	dm, ok := e.fake.DMChannel(u.ID)
	if !ok {
		return nil
	}
	return e.fake.Messages(dm.ID)
}

// TestMeetupCardFollowsAnswersAndChanges: the card posted for a meetup is
// edited in place as members answer, when the organiser moves it (and the
// scheduled event moves too, and those who said yes or maybe get a DM
// saying what changed, with the new .ics attached), and when it is
// cancelled.
func TestMeetupCardFollowsAnswersAndChanges(t *testing.T) {
	e := start(t, setup{})
	mention(e, e.org, `meetup create title:"Keramikkväll" when:"2027-03-04 18:00" where:"Ateljén" capacity:10`)
	card := cardIn(t, e, "Keramikkväll")
	if len(card.Components) != 1 {
		t.Fatalf("card without its buttons: %+v", card)
	}
	e.waitFor(t, "the organiser told the card stays up to date (in Swedish, the language of the values they wrote)", func() bool {
		ms := e.fake.Messages(e.general)
		return strings.Contains(ms[len(ms)-1].Content, "Kortet ovan visar svaren")
	})
	click := func(u discordfake.User, answer string) {
		t.Helper()
		id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: u, Locale: "sv-SE",
			CustomID: "meetup rsvp id:1 answer:" + answer, MessageID: card.ID})
		e.response(t, id)
	}
	// The first answer shows at once.
	click(e.kim, "yes")
	e.waitFor(t, "the card showing kim's yes", func() bool {
		m, _ := e.fake.Message(card.ID)
		return strings.Contains(fieldsOf(m), "1 av 10 platser, 0 kanske")
	})
	// The next ones within ten seconds show together, ten seconds after it.
	click(e.mod, "maybe")
	click(e.admin, "no")
	e.h.Advance(10 * time.Second)
	e.waitFor(t, "the card showing moa's maybe", func() bool {
		m, _ := e.fake.Message(card.ID)
		return strings.Contains(fieldsOf(m), "1 av 10 platser, 1 kanske")
	})
	if m, _ := e.fake.Message(card.ID); m.Edits != 2 {
		t.Errorf("%d edits for three answers, want 2", m.Edits)
	}

	mention(e, e.org, `meetup edit id:1 when:"2027-03-05 19:00" where:"Biblioteket" capacity:12`)
	e.waitFor(t, "the edit answered", func() bool {
		ms := e.fake.Messages(e.general)
		got := ms[len(ms)-1].Content
		return strings.Contains(got, "Träff 1 är ändrad") && strings.Contains(got, "2 medlemmar som svarat ja eller kanske har fått besked") &&
			strings.Contains(got, "1 kort i kanalerna är uppdaterat")
	})
	edited, _ := e.fake.Message(card.ID)
	if f := fieldsOf(edited); !strings.Contains(f, "Var: Biblioteket") || !strings.Contains(f, "fredag 5 mars 2027 kl. 19:00") || !strings.Contains(f, "1 av 12 platser") {
		t.Fatalf("card after the edit:\n%s", f)
	}
	if len(edited.Components) != 1 {
		t.Fatalf("the edited card lost its buttons: %+v", edited.Components)
	}
	// The scheduled event in Discord's Events tab moved too.
	loc, _ := time.LoadLocation("Europe/Stockholm")
	if evs := e.fake.ScheduledEvents(e.guild.ID); len(evs) != 1 || evs[0].Location != "Biblioteket" || !evs[0].StartTime.Equal(time.Date(2027, 3, 5, 19, 0, 0, 0, loc)) {
		t.Fatalf("scheduled event after the edit: %+v", evs)
	}
	for _, u := range []discordfake.User{e.kim, e.mod} {
		var notice discordfake.Message
		e.waitFor(t, "the change notice to "+u.Username, func() bool {
			for _, m := range dmTexts(e, u) {
				if strings.Contains(m.Content, "är ändrad") {
					notice = m
					return true
				}
			}
			return false
		})
		for _, want := range []string{"“Keramikkväll” är ändrad", "När: torsdag 4 mars 2027 kl. 18:00 → fredag 5 mars 2027 kl. 19:00", "Var: Ateljén → Biblioteket", "Platser: 10 → 12"} {
			if !strings.Contains(notice.Content, want) {
				t.Errorf("notice to %s lacks %q:\n%s", u.Username, want, notice.Content)
			}
		}
		if len(notice.Attachments) != 1 || notice.Attachments[0].Filename != "meetup-1.ics" || !strings.Contains(string(notice.Attachments[0].Data), "LOCATION:Biblioteket") ||
			!strings.Contains(string(notice.Attachments[0].Data), "SEQUENCE:1") {
			t.Errorf("notice to %s: attachments %+v", u.Username, notice.Attachments)
		}
	}
	for _, m := range dmTexts(e, e.admin) {
		if strings.Contains(m.Content, "Keramikkväll") {
			t.Errorf("a member who said no was told: %q", m.Content)
		}
	}

	mention(e, e.org, "meetup cancel id:1")
	e.waitFor(t, "the card cancelled", func() bool {
		m, _ := e.fake.Message(card.ID)
		return len(m.Embeds) == 1 && m.Embeds[0].Title == "INSTÄLLT: Keramikkväll" && len(m.Components) == 0
	})
	e.waitFor(t, "the cancellation by DM with its calendar file", func() bool {
		for _, m := range dmTexts(e, e.kim) {
			if strings.Contains(m.Content, "är inställd") && len(m.Attachments) == 1 && strings.Contains(string(m.Attachments[0].Data), "STATUS:CANCELLED") {
				return true
			}
		}
		return false
	})
}

// TestMeetupCardCoalescesABurstOfAnswers: fifty answers in a burst are a
// few edits of the card, not fifty, and the last shows all of them.
func TestMeetupCardCoalescesABurstOfAnswers(t *testing.T) {
	e := start(t, setup{})
	mention(e, e.org, `meetup create title:"Vårmarknad" when:"2027-04-10 10:00"`)
	card := cardIn(t, e, "Vårmarknad")
	e.messages(t, 2) // the card, then the organiser's answer: the card is recorded
	var ids []string
	for i := range 50 {
		u := e.fake.NewUser(fmt.Sprintf("medlem%d", i))
		e.fake.AddMember(e.guild.ID, discordfake.Member{User: u})
		ids = append(ids, e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: u, Locale: "sv-SE",
			CustomID: "meetup rsvp id:1 answer:yes", MessageID: card.ID}))
	}
	for _, id := range ids {
		e.response(t, id)
	}
	e.h.Advance(10 * time.Second)
	e.waitFor(t, "the card showing fifty", func() bool {
		m, _ := e.fake.Message(card.ID)
		return strings.Contains(fieldsOf(m), "50 kommer, 0 kanske")
	})
	if m, _ := e.fake.Message(card.ID); m.Edits > 3 {
		t.Fatalf("%d edits for a burst of 50 answers", m.Edits)
	} else {
		t.Logf("%d edits for 50 answers", m.Edits)
	}
}
