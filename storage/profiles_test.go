package storage

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"passionbot/bot"
)

func TestVisibleTo(t *testing.T) {
	for _, tc := range []struct {
		vis  string
		want [4]bool // member, organiser, moderator, admin
	}{
		{VisibilityMembers, [4]bool{true, true, true, true}},
		{VisibilityOrganisers, [4]bool{false, true, true, true}},
		{VisibilityHidden, [4]bool{false, false, false, false}},
		{"", [4]bool{false, false, false, false}},         // unknown: nobody
		{"everyone", [4]bool{false, false, false, false}}, // unknown: nobody
	} {
		for i, r := range bot.Roles() {
			if got := VisibleTo(tc.vis, r); got != tc.want[i] {
				t.Errorf("VisibleTo(%q, %s) = %v", tc.vis, r, got)
			}
		}
	}
}

// TestInterestQueriesFollowVisibility: every query that lists, counts or
// describes other members by interest applies VisibleTo.
func TestInterestQueriesFollowVisibility(t *testing.T) {
	d := openTemp(t)
	ctx := context.Background()
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	users := map[string]bot.User{}
	for _, m := range []struct{ id, vis string }{{"anna", VisibilityMembers}, {"bo", VisibilityOrganisers}, {"cia", VisibilityHidden}, {"dan", ""}} {
		u := bot.User{Platform: bot.PlatformConsole, ID: m.id, Name: m.id}
		users[m.id] = u
		if _, err := d.AddInterests(ctx, u, []Interest{{Key: "keramik", Tag: "keramik"}}); err != nil {
			t.Fatal(err)
		}
		if m.vis != "" { // dan keeps the default
			if err := d.SaveProfile(ctx, Profile{User: u, Offers: "en brännugn", Visibility: m.vis}); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.SetMatchOptIn(ctx, u, true); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(us []bot.User) string {
		var out []string
		for _, u := range us {
			out = append(out, u.ID)
		}
		return fmt.Sprint(out)
	}
	for _, tc := range []struct {
		viewer bot.Role
		self   string
		who    string
		count  int
	}{
		{bot.RoleMember, "kim", "[anna dan]", 2},
		{bot.RoleMember, "cia", "[anna cia dan]", 2},
		{bot.RoleOrganiser, "kim", "[anna bo dan]", 3},
		{bot.RoleAdmin, "kim", "[anna bo dan]", 3},
	} {
		us, err := d.MembersWithInterest(ctx, bot.PlatformConsole, "keramik", tc.viewer, bot.User{ID: tc.self}, 50)
		if err != nil || ids(us) != tc.who {
			t.Errorf("MembersWithInterest(%s, self %s) = %s, %v; want %s", tc.viewer, tc.self, ids(us), err, tc.who)
		}
		if n, err := d.CountInterest(ctx, bot.PlatformConsole, "keramik", tc.viewer); err != nil || n != tc.count {
			t.Errorf("CountInterest(%s) = %d, %v; want %d", tc.viewer, n, err, tc.count)
		}
		for id, u := range users {
			in, err := d.VisibleInterests(ctx, u, tc.viewer)
			want := id == "anna" || id == "dan" || (id == "bo" && tc.viewer >= bot.RoleOrganiser)
			if err != nil || (len(in) == 1) != want {
				t.Errorf("VisibleInterests(%s, %s) = %v, %v; want shown %v", id, tc.viewer, in, err, want)
			}
		}
	}
	hs, err := d.MembersByInterest(ctx, bot.PlatformConsole, "keramik")
	if err != nil || fmt.Sprint(hs) != "[{anna members} {bo organisers} {cia hidden} {dan members}]" {
		t.Errorf("MembersByInterest = %v, %v", hs, err)
	}
	cands, err := d.MatchCandidates(ctx, bot.PlatformConsole)
	if err != nil || len(cands) != 4 {
		t.Fatalf("MatchCandidates = %+v, %v", cands, err)
	}
	for _, c := range cands {
		shown := slices.Contains([]string{"anna", "dan"}, c.User.ID)
		if (len(c.Interests) == 1) != shown || (c.Profile.Offers != "" && !shown) {
			t.Errorf("match candidate %s: %+v; a partner (a member) may see it: %v", c.User.ID, c, shown)
		}
	}
}
