package web

import (
	"cmp"
	"context"
	"html/template"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"passionbot/bot"
)

// page is a dashboard view: the replies of list commands run for the
// member (Read), and the forms of the commands that change what it shows.
// A page is not a feature: everything on it comes from the commands.
type page struct {
	Path string
	Key  string   // web.page.<Key>: its title
	Role bot.Role // lowest role that sees it
	Read []string // commands run on every view (as page views, not counted against the member's limit)
	// Filters shows the first Read command's arguments as a form that
	// reloads the page with them (the audit log's filters).
	Filters bool
	Forms   []string // commands whose forms are shown, those the role allows
}

// pages are the dashboard's views, in menu order.
var pages = []page{
	{Path: "/meetups", Key: "meetups", Role: bot.RoleMember, Read: []string{"meetup list"},
		Forms: []string{"meetup rsvp", "meetup show", "meetup create", "meetup edit", "meetup cancel"}},
	{Path: "/interests", Key: "interests", Role: bot.RoleMember, Read: []string{"interests", "interests top"},
		Forms: []string{"interests add", "interests remove", "interests who", "profile set"}},
	{Path: "/announcements", Key: "announcements", Role: bot.RoleOrganiser, Read: []string{"announce list"},
		Forms: []string{"announce schedule", "announce once", "announce edit", "announce preview", "announce pause", "announce resume", "announce test", "announce remove"}},
	{Path: "/faq", Key: "faq", Role: bot.RoleOrganiser, Read: []string{"faq unanswered", "faq misses", "faq topics"},
		Forms: []string{"faq answer", "faq link", "faq dismiss", "faq add", "faq edit", "faq show"}},
	{Path: "/stats", Key: "stats", Role: bot.RoleOrganiser, Read: []string{"stats"}},
	{Path: "/modlog", Key: "modlog", Role: bot.RoleModerator, Read: []string{"modlog"}, Filters: true},
}

// navItem is one entry of the menu.
type navItem struct {
	Path, Title string
	Current     bool
}

// nav is the menu for a role: the pages it may see.
func (a *Adapter) nav(lang string, role bot.Role, current string) []navItem {
	out := []navItem{{Path: "/", Title: a.t(lang, "web.home"), Current: current == "/"}}
	for _, p := range pages {
		if role >= p.Role && a.hasCommands(p.Read) {
			out = append(out, navItem{Path: p.Path, Title: a.t(lang, "web.page."+p.Key), Current: current == p.Path})
		}
	}
	return append(out, navItem{Path: "/c", Title: a.t(lang, "web.commands"), Current: current == "/c"})
}

func (a *Adapter) hasCommands(names []string) bool {
	for _, n := range names {
		if a.command(n) == nil {
			return false
		}
	}
	return true
}

// page serves a dashboard view; a member below its role gets 403 and why.
func (a *Adapter) page(p page) func(http.ResponseWriter, *http.Request, visitor) {
	return func(w http.ResponseWriter, r *http.Request, v visitor) {
		if v.role < p.Role {
			a.forbidden(w, r, v, a.t(v.lang, "web.page."+p.Key), p.Role)
			return
		}
		var out []renderedReply
		var filters *form
		ctx := requestCtx(r)
		for i, name := range p.Read {
			cmd := a.command(name)
			if cmd == nil {
				continue
			}
			opts := map[string]any{}
			if p.Filters && i == 0 {
				f := a.formFor(v.lang, cmd, r.URL.Query())
				f.Action, f.Method, f.Submit = p.Path, "get", a.t(v.lang, "web.filter")
				filters = &f
				opts = formOptions(cmd, r.URL.Query())
			}
			replies, ok := a.runCommand(ctx, v, cmd, opts, true)
			if !ok {
				a.message(w, r, v, http.StatusServiceUnavailable, "web.unavailable")
				return
			}
			out = append(out, a.renderAll(v.lang, replies)...)
		}
		a.render(w, r, http.StatusOK, "page", a.pageData(r, v, a.t(v.lang, "web.page."+p.Key), map[string]any{
			"Filters": filters, "Replies": out, "Forms": a.forms(v, p.Forms)}))
	}
}

// forms are the forms of the named commands the member's role allows.
func (a *Adapter) forms(v visitor, names []string) []form {
	var out []form
	for _, n := range names {
		if c := a.command(n); c != nil && v.role >= c.Role && webCommand(c) {
			out = append(out, a.formFor(v.lang, c, nil))
		}
	}
	return out
}

// command finds a command by all its words, written with spaces ("meetup
// create") or as a path ("meetup/create"); nil when they name none.
func (a *Adapter) command(name string) *bot.Command {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '/' || r == ' ' })
	c, n := a.core.Registry().Lookup(words)
	if c == nil || n != len(words) {
		return nil
	}
	return c
}

// group is a help group's commands, for the command index.
type group struct {
	Title    string
	Commands []commandLink
}

type commandLink struct {
	Path, Name, Help string
}

// commandIndex lists the commands the member may use, by help group.
func (a *Adapter) commandIndex(w http.ResponseWriter, r *http.Request, v visitor) {
	var groups []group
	byGroup := map[string]int{}
	for _, c := range a.core.Registry().Commands() {
		if v.role < c.Role || !webCommand(c) {
			continue
		}
		i, ok := byGroup[c.Group]
		if !ok {
			i = len(groups)
			byGroup[c.Group] = i
			title := a.core.Catalog().T(v.lang, "group."+cmp.Or(c.Group, "general"))
			groups = append(groups, group{Title: title})
		}
		groups[i].Commands = append(groups[i].Commands, commandLink{Path: commandPath(c), Name: c.Name, Help: c.Help.In(v.lang)})
	}
	a.render(w, r, http.StatusOK, "commands", a.pageData(r, v, a.t(v.lang, "web.commands"), map[string]any{"Groups": groups}))
}

// home is the dashboard's start for a member, the community page (when
// public) or how to sign in for anyone else.
func (a *Adapter) home(w http.ResponseWriter, r *http.Request) {
	v, err := a.visitor(r)
	if a.visitorFailed(w, r, v, err) {
		return
	}
	if v.signedIn {
		a.render(w, r, http.StatusOK, "home", a.pageData(r, v, a.t(v.lang, "web.home"), map[string]any{
			"Welcome": a.t(v.lang, "web.welcome", v.user.Name)}))
		return
	}
	if a.opt.Public == nil {
		a.render(w, r, http.StatusOK, "message", a.pageData(r, v, a.t(v.lang, "web.signin_how"), map[string]any{"Text": markup(a.t(v.lang, "web.signin_needed"))}))
		return
	}
	a.communityPage(w, r, v)
}

// PublicPage is what the community page shows anyone: nothing about a
// member by name.
type PublicPage struct {
	Meetups []PublicMeetup
	// About is what the passion-driven economy is, from the knowledge
	// base, in the bot's markdown subset.
	About string
	// Interests are the tags at least three members share, most held
	// first.
	Interests []TagCount
	// FeedURL is the community calendar (https:// or http://; shown as
	// webcal:// too).
	FeedURL string
}

// PublicMeetup is an upcoming meetup on the community page.
type PublicMeetup struct {
	Title      string
	Start, End time.Time
	Place      string
	Going      int
}

// TagCount is an interest and how many members hold it.
type TagCount struct {
	Tag     string
	Members int
}

// minPublicTag is the fewest members an interest needs to be shown on
// the community page.
const minPublicTag = 3

func (a *Adapter) communityPage(w http.ResponseWriter, r *http.Request, v visitor) {
	p, err := a.publicData(r.Context(), v.lang)
	if err != nil {
		a.log.ErrorContext(r.Context(), "web: the community page", "err", err)
		a.message(w, r, v, http.StatusServiceUnavailable, "web.unavailable")
		return
	}
	p.Interests = slices.DeleteFunc(p.Interests, func(t TagCount) bool { return t.Members < minPublicTag })
	var chart *bot.Chart
	if len(p.Interests) > 0 {
		chart = &bot.Chart{Kind: bot.ChartBars, Unit: a.t(v.lang, "web.public_members"), Series: []bot.Series{{Name: a.t(v.lang, "web.public_members")}}}
		for _, t := range p.Interests {
			chart.Labels = append(chart.Labels, t.Tag)
			chart.Series[0].Values = append(chart.Series[0].Values, float64(t.Members))
		}
	}
	type meetup struct {
		Title, When, Place, Going string
		Start                     string
	}
	var ms []meetup
	for _, m := range p.Meetups {
		ms = append(ms, meetup{Title: m.Title, When: a.when(v.lang, m.Start, m.End), Place: m.Place,
			Going: a.tn(v.lang, "web.public_going", m.Going, m.Going), Start: m.Start.In(a.opt.Location).Format(time.RFC3339)})
	}
	data := map[string]any{"Signin": markup(a.t(v.lang, "web.signin_needed")), "Meetups": ms, "About": markup(p.About), "Feed": p.FeedURL, "Webcal": template.URL(webcal(p.FeedURL))}
	if chart != nil {
		data["Chart"] = ChartSVG(a.t(v.lang, "web.public_interests"), chart, v.lang)
	}
	a.render(w, r, http.StatusOK, "public", a.pageData(r, v, a.opt.Name, data))
}

// webcal is a feed's address for calendar apps' "subscribe".
func webcal(u string) string {
	for _, p := range []string{"https://", "http://"} {
		if rest, ok := strings.CutPrefix(u, p); ok {
			return "webcal://" + rest
		}
	}
	return ""
}

// forbidden answers 403 with the role a page or form needs and the
// member's own.
func (a *Adapter) forbidden(w http.ResponseWriter, r *http.Request, v visitor, title string, need bot.Role) {
	a.render(w, r, http.StatusForbidden, "message", a.pageData(r, v, title,
		map[string]any{"Text": markup(a.t(v.lang, "web.forbidden", a.roleName(v.lang, need), a.roleName(v.lang, v.role)))}))
}

// publicTTL is how long the community page's data is reused: anyone may
// ask for it, as often as they like, and a meetup or an interest
// showing up half a minute later harms nobody.
const publicTTL = 30 * time.Second

// publicCache holds the community page's data per language.
type publicCache struct {
	mu   sync.Mutex
	page map[string]PublicPage
	at   map[string]time.Time
}

// publicData is the community page's data in lang, read at most once per
// publicTTL.
func (a *Adapter) publicData(ctx context.Context, lang string) (PublicPage, error) {
	c := &a.public
	c.mu.Lock()
	defer c.mu.Unlock()
	now := a.opt.Now()
	if at, ok := c.at[lang]; ok && now.Sub(at) < publicTTL && !now.Before(at) {
		return c.page[lang], nil
	}
	p, err := a.opt.Public(ctx, lang)
	if err != nil {
		return p, err
	}
	if c.page == nil {
		c.page, c.at = map[string]PublicPage{}, map[string]time.Time{}
	}
	c.page[lang], c.at[lang] = p, now
	return p, nil
}
