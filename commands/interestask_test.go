package commands_test

import (
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// TestQuestionsForMembersWithAnInterest: "vem mer gillar keramik?" in chat
// lists the other members with that interest (as `intressen vilka` does,
// hidden profiles left out), says so when the asker is the only one, and
// says how to add it when nobody has it.
func TestQuestionsForMembersWithAnInterest(t *testing.T) {
	h := bottest.New(t)
	anna, bo, cia := h.Member("anna", bot.RoleMember), h.Member("bo", bot.RoleMember), h.Member("cia", bot.RoleMember)
	h.SayIn(anna, "sv", `intressen lägg till keramik, surdeg`)
	h.SayIn(cia, "sv", `intressen lägg till keramik`)
	h.SayIn(cia, "sv", `profil ändra synlighet:dold`)
	got := h.SayIn(bo, "sv", "vem mer gillar keramik?")
	if !strings.Contains(got, "anna") || strings.Contains(got, "cia") || !strings.Contains(got, "`intressen vilka keramik`") {
		t.Errorf("vem mer gillar keramik? = %q", got)
	}
	if got := h.SayIn(anna, "sv", "finns det fler som bakar surdeg här?"); !strings.Contains(got, "bara du") {
		t.Errorf("the only one: %q", got)
	}
	if got := h.SayIn(bo, "en", "is there anyone else who does woodwork?"); !strings.Contains(got, "`interests add woodwork`") {
		t.Errorf("nobody: %q", got)
	}
	if got := h.SayIn(bo, "sv", "vem gör rapporten?"); strings.Contains(got, "intresset") {
		t.Errorf("a knowledge question read as one for members: %q", got)
	}
}

// TestInterestsWithoutCommas: three words without commas become one
// interest, and the reply says how to write several; removing an
// interest one does not have says so.
func TestInterestsWithoutCommas(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	if got := h.SayIn(kim, "sv", "intressen lägg till keramik surdeg vävning"); !strings.Contains(got, "`intressen lägg till keramik, surdeg, vävning`") {
		t.Errorf("no commas: %q", got)
	}
	if got := h.SayIn(kim, "sv", "intressen lägg till sourdough baking"); strings.Contains(got, "kommatecken") {
		t.Errorf("two words: %q", got)
	}
	if got := h.SayIn(kim, "sv", "intressen ta bort finnsinte"); !strings.Contains(got, "Du hade inte finnsinte") {
		t.Errorf("remove a missing interest: %q", got)
	}
}
