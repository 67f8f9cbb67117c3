package commands_test

import (
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// TestMyDataExportHoldsOnlyTheMembersOwnData: a moderator's export shows
// that they warned someone, not whom or why, nor who made them moderator;
// the warned member's export holds the warning's reason but not who gave it.
func TestMyDataExportHoldsOnlyTheMembersOwnData(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	ada := h.Member("ada-1", bot.RoleAdmin)
	mona := h.Member("mona-7", bot.RoleModerator)
	kim := h.Member("kim-3", bot.RoleMember)
	h.Say(kim, "language en")
	if got := h.Say(ada, "role grant user:mona-7 role:moderator"); !strings.Contains(got, "mona-7") {
		t.Fatalf("role grant = %q", got)
	}
	if got := h.Say(mona, "warn user:kim-3 reason:stal glasyr ur ateljén"); !strings.Contains(got, "kim-3") {
		t.Fatalf("warn = %q", got)
	}

	mine := h.Say(mona, "mydata export")
	for _, want := range []string{`"action": "warn"`, `"role": "moderator"`, `"user_id": "mona-7"`} {
		if !strings.Contains(mine, want) {
			t.Errorf("the moderator's export lacks %s:\n%s", want, mine)
		}
	}
	for _, other := range []string{"kim-3", "stal glasyr", "ada-1"} {
		if strings.Contains(mine, other) {
			t.Errorf("the moderator's export shows %q:\n%s", other, mine)
		}
	}

	theirs := h.Say(kim, "mydata export")
	if !strings.Contains(theirs, "stal glasyr ur ateljén") || !strings.Contains(theirs, `"target": "kim-3"`) {
		t.Errorf("the warned member's export lacks their warning:\n%s", theirs)
	}
	if strings.Contains(theirs, "mona-7") {
		t.Errorf("the warned member's export names the moderator:\n%s", theirs)
	}
}
