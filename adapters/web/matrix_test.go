package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// TestRoleMatrixOnTheWeb is the role matrix (bottest.RoleMatrix) on the
// web dashboard: a signed-in caller sends the command's form against a
// target, and the page shows the outcome the rules promise (the reply's
// text, tags stripped, read by MatrixCase.Check), with 403 for a caller
// below the command's role. The caller's role comes from the platform's
// facts as the dashboard reads them on every request; each target's from
// the platform's facts (SetMember) for one and from `role grant` for
// another, by the same rules. The audit log records each outcome.
//
// One harness per caller role, in parallel.
func TestRoleMatrixOnTheWeb(t *testing.T) {
	commands := map[string]bot.Role{"warn": bot.RoleModerator, "member forget": bot.RoleAdmin}
	forms := map[string]func(target string) url.Values{
		"warn":          func(u string) url.Values { return url.Values{"user": {u}, "reason": {"test"}} },
		"member forget": func(u string) url.Values { return url.Values{"user": {u}} },
	}
	cases := bottest.RoleMatrix(commands)
	for _, caller := range bot.Roles() {
		t.Run(caller.String(), func(t *testing.T) {
			t.Parallel()
			h := bottest.New(t, bottest.WithWeb(false))
			base := h.Web()
			ctx := context.Background()
			root := h.Member("root", bot.RoleAdmin)
			// Targets: by platform facts, and by a grant.
			facts, granted := map[bot.Role]string{}, map[bot.Role]string{}
			grant := func(r bot.Role) {
				if r == bot.RoleMember {
					return
				}
				if got := h.Say(root, "role grant user:"+granted[r]+" role:"+r.String()); got == "" {
					t.Fatalf("role grant %s: no reply", granted[r])
				}
			}
			for _, r := range bot.Roles() {
				facts[r], granted[r] = "facts-"+r.String(), "grant-"+r.String()
				h.Outbox.SetMember(bot.User{ID: facts[r], Name: facts[r], Role: r})
				h.Outbox.SetMember(bot.User{ID: granted[r], Name: granted[r], Role: bot.RoleMember})
				h.Say(bot.User{Platform: h.Platform, ID: granted[r], Name: granted[r]}, "help") // seen: a member row to grant to
				grant(r)
			}
			b := signInAs(h, base, "caller-"+caller.String(), "Anropare", caller)
			csrf := b.CSRF()
			for _, c := range cases {
				if c.Caller != caller {
					continue
				}
				for _, target := range []struct{ how, id string }{{"facts", facts[c.Target]}, {"grant", granted[c.Target]}} {
					t.Run(c.Name()+"/"+target.how, func(t *testing.T) {
						form := forms[c.Command](target.id)
						form.Set("csrf", csrf)
						r := fetch(t, b, "POST", "/c/"+strings.ReplaceAll(c.Command, " ", "/"), form)
						got := replyText(t, r.Body)
						if err := c.Check(got); err != nil {
							t.Error(err)
						}
						wantCode := http.StatusOK
						if c.Want == bottest.Forbidden {
							wantCode = http.StatusForbidden
						}
						if r.Code != wantCode {
							t.Errorf("status %d, want %d", r.Code, wantCode)
						}
						// The audit log has the outcome, by the caller, on the target.
						var action, actor, tgt, result string
						err := h.DB.SQL().QueryRowContext(ctx, "SELECT action, actor_id, target, result FROM audit_log ORDER BY id DESC LIMIT 1").Scan(&action, &actor, &tgt, &result)
						wantResult := map[bottest.Outcome]string{bottest.Allowed: "ok", bottest.Forbidden: "refused", bottest.Protected: "refused"}[c.Want]
						if err != nil || action != c.Command || actor != "caller-"+caller.String() || result != wantResult || (c.Want != bottest.Forbidden && tgt != target.id) {
							t.Errorf("last audit entry: %s by %s on %s: %s (%v); want %s", action, actor, tgt, result, err, wantResult)
						}
					})
					if c.Command == "member forget" && target.how == "grant" {
						grant(c.Target) // forget removed the grant: give it back
					}
				}
			}
		})
	}
}
