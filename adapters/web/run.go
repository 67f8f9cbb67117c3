package web

import (
	"context"
	"net/http"
	"passionbot/internal/token"
	"slices"
	"strings"
	"sync"

	"passionbot/bot"
)

// replies collects what the core answers an event.
type replies struct {
	mu  sync.Mutex
	out []bot.Reply
}

func (c *replies) respond(_ context.Context, r bot.Reply) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.out = append(c.out, r)
	return nil
}

func (c *replies) all() []bot.Reply {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.out)
}

// dispatch hands ev, made for the signed-in member v, to the core and
// returns its replies. The event carries the member's own platform and
// fresh facts: the core checks the role, audits, limits and runs the
// handler exactly as for a chat message. A web page is seen by the member
// alone, so private replies are shown on it, as in a DM.
func (a *Adapter) dispatch(ctx context.Context, v visitor, ev bot.Event) ([]bot.Reply, bool) {
	h := a.handler()
	if h == nil {
		return nil, false
	}
	id, _ := token.New()
	var col replies
	ev.Platform, ev.User, ev.ID = v.user.Platform, v.user, "web-"+id
	ev.Channel = bot.Channel{Name: "web", DM: true}
	ev.Addressed, ev.PrivateReplies, ev.Respond = true, true, col.respond
	ev.Locale = v.lang
	h.Handle(ctx, ev)
	out := col.all()
	if len(out) == 0 && !ev.PageView {
		// The core answers every addressed event, except a member over
		// the command limit after its one warning: say so, not nothing.
		out = []bot.Reply{{Text: a.t(v.lang, "web.no_reply")}}
	}
	return out, true
}

// runCommand runs cmd with the options read from a form.
func (a *Adapter) runCommand(ctx context.Context, v visitor, cmd *bot.Command, opts map[string]any, pageView bool) ([]bot.Reply, bool) {
	return a.dispatch(ctx, v, bot.Event{Kind: bot.EventCommand, Invoked: cmd, Options: opts, PageView: pageView})
}

// commandForm shows a command's form, filled from the query string.
func (a *Adapter) commandForm(w http.ResponseWriter, r *http.Request, v visitor) {
	cmd := a.command(r.PathValue("words"))
	if cmd == nil || !webCommand(cmd) {
		a.message(w, r, v, http.StatusNotFound, "web.no_command")
		return
	}
	if v.role < cmd.Role {
		a.forbidden(w, r, v, cmd.Help.In(v.lang), cmd.Role)
		return
	}
	a.renderCommand(w, r, v, http.StatusOK, cmd, r.URL.Query(), nil)
}

// commandRun runs a command from its form, through the core.
func (a *Adapter) commandRun(w http.ResponseWriter, r *http.Request, v visitor) {
	cmd := a.command(r.PathValue("words"))
	if cmd == nil || !webCommand(cmd) {
		a.message(w, r, v, http.StatusNotFound, "web.no_command")
		return
	}
	opts := formOptions(cmd, r.PostForm)
	out, ok := a.runCommand(requestCtx(r), v, cmd, opts, false)
	if !ok {
		a.message(w, r, v, http.StatusServiceUnavailable, "web.unavailable")
		return
	}
	status := http.StatusOK
	if v.role < cmd.Role {
		status = http.StatusForbidden // the core said why
	}
	a.renderCommand(w, r, v, status, cmd, r.PostForm, out)
}

// action is a card's button: its action id goes to the core as a click.
func (a *Adapter) action(w http.ResponseWriter, r *http.Request, v visitor) {
	act := r.PostFormValue("action")
	if act == "" || len(act) > 100 {
		a.message(w, r, v, http.StatusBadRequest, "web.no_command")
		return
	}
	out, ok := a.dispatch(requestCtx(r), v, bot.Event{Kind: bot.EventAction, Action: act})
	if !ok {
		a.message(w, r, v, http.StatusServiceUnavailable, "web.unavailable")
		return
	}
	a.renderReplies(w, r, v, a.t(v.lang, "web.result"), out)
}

// say is the dashboard's message box: a line goes to the core as a chat
// message addressed to the bot (a command, or a question).
func (a *Adapter) say(w http.ResponseWriter, r *http.Request, v visitor) {
	line := strings.TrimSpace(r.PostFormValue("line"))
	if line == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	out, ok := a.dispatch(requestCtx(r), v, bot.Event{Kind: bot.EventMessage, Text: line})
	if !ok {
		a.message(w, r, v, http.StatusServiceUnavailable, "web.unavailable")
		return
	}
	a.renderReplies(w, r, v, a.t(v.lang, "web.result"), out, bot.Quote(line, 200))
}

// webCommand reports whether a command has a form: not the buttons-only
// ones (👍/👎 feedback) and not the sign-in command itself.
func webCommand(c *bot.Command) bool {
	return !c.NotNative && c.Name != "dashboard"
}

// commandPath is a command's form address.
func commandPath(c *bot.Command) string { return "/c/" + strings.Join(c.Words(), "/") }
