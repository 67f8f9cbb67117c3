package commands_test

import (
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// TestFaqTopics: organisers list every topic with its origin, in their
// language; the reply carries the same rows as a table for the
// dashboard; members are refused.
func TestFaqTopics(t *testing.T) {
	h := bottest.New(t)
	org := h.Member("o", bot.RoleOrganiser)
	h.Say(org, `faq add id:oppettider title:"Öppettider" text:"Ateljén är öppen tisdagar."`)
	conv := h.Send(bot.Event{Kind: bot.EventMessage, Platform: h.Platform, User: org, Channel: bot.Channel{ID: "c", DM: true}, Text: "faq ämnen", Addressed: true})
	text := conv.Text()
	n := h.Library.Index().Len()
	if !strings.Contains(text, "ämnen**") || !strings.Contains(text, "`oppettider` Öppettider (arrangör)") || !strings.Contains(text, "(inbyggt)") {
		t.Fatalf("faq topics: %q", text)
	}
	var rows int
	for _, r := range conv.Replies {
		for _, v := range r.Views {
			if v.Table != nil {
				rows += len(v.Table.Rows)
				if v.Table.Columns[0] != "Ämne" {
					t.Fatalf("columns: %v", v.Table.Columns)
				}
			}
		}
	}
	if rows != n {
		t.Fatalf("%d rows in the view, %d topics", rows, n)
	}
	if en := h.SayIn(org, "en", "faq topics"); !strings.Contains(en, "topics**") || !strings.Contains(en, "(organiser)") {
		t.Fatalf("faq topics in English: %q", en)
	}
	if got := h.Say(h.Member("m", bot.RoleMember), "faq topics"); !strings.Contains(got, "kräver rollen") {
		t.Fatalf("a member: %q", got)
	}
}
