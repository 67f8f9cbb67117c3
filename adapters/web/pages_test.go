package web_test

// Handler tests for every page and every form of the dashboard, through
// the whole-bot harness (internal/bottest: the real core, the real
// commands, SQLite in t.TempDir()) and an httptest server. Every response
// fetched here is checked for the security headers (fetch).

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"passionbot/bot"
	"passionbot/config"
	"passionbot/internal/bottest"
)

// menu is every page of the dashboard's menu with the lowest role that
// sees it.
var menu = []struct {
	Path string
	Role bot.Role
}{
	{"/", bot.RoleMember},
	{"/meetups", bot.RoleMember},
	{"/interests", bot.RoleMember},
	{"/announcements", bot.RoleOrganiser},
	{"/faq", bot.RoleOrganiser},
	{"/stats", bot.RoleOrganiser},
	{"/modlog", bot.RoleModerator},
	{"/c", bot.RoleMember},
}

// response is one answer of the dashboard.
type response struct {
	Code   int
	Body   string
	Header http.Header
}

// fetch sends a request with b's cookies (following redirects, as a
// browser does) and checks the headers every answer must carry.
func fetch(t testing.TB, b *bottest.Browser, method, path string, form url.Values, header ...string) response {
	t.Helper()
	var body *strings.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	} else {
		body = strings.NewReader("")
	}
	req, err := http.NewRequest(method, b.Base+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := b.Client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var sb strings.Builder
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		sb.Write(buf[:n])
		if err != nil {
			break
		}
	}
	r := response{Code: resp.StatusCode, Body: sb.String(), Header: resp.Header}
	checkSecurityHeaders(t, method+" "+path, r.Header)
	return r
}

// checkSecurityHeaders: a strict CSP (nothing but this server's
// stylesheet), no framing, no sniffing, no Referer.
func checkSecurityHeaders(t testing.TB, what string, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	if !strings.HasPrefix(csp, "default-src 'none'") || !strings.Contains(csp, "style-src 'self'") ||
		!strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "form-action 'self'") || strings.Contains(csp, "script-src") {
		t.Errorf("%s: Content-Security-Policy = %q", what, csp)
	}
	for k, want := range map[string]string{"X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff"} {
		if got := h.Get(k); got != want {
			t.Errorf("%s: %s = %q, want %q", what, k, got, want)
		}
	}
}

// signInAs makes id a member whose platform role is role (as the platform
// reports it on every request) and signs them in.
func signInAs(h *bottest.Harness, base, id, name string, role bot.Role) *bottest.Browser {
	h.Outbox.SetMember(bot.User{ID: id, Name: name, Role: role})
	return h.SignIn(base, bot.User{Platform: h.Platform, ID: id, Name: name, Role: role})
}

// toEnglish switches a signed-in browser's pages to English.
func toEnglish(t testing.TB, b *bottest.Browser) {
	t.Helper()
	if r := fetch(t, b, "POST", "/lang", url.Values{"lang": {"en"}, "csrf": {b.CSRF()}}); r.Code != http.StatusOK || !strings.Contains(r.Body, `<html lang="en">`) {
		t.Fatalf("POST /lang: %d %s", r.Code, r.Body)
	}
}

// doc parses a page.
func doc(t testing.TB, body string) *html.Node {
	t.Helper()
	n, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return n
}

// findAll returns the elements under n that match.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func hasClass(name, class string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Data == name && slices.Contains(strings.Fields(attr(n, "class")), class)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	return slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == key })
}

// inline are the elements that flow within a line: no space around them.
var inline = map[string]bool{"a": true, "abbr": true, "b": true, "code": true, "em": true, "i": true, "q": true, "small": true, "span": true, "strong": true, "time": true, "kbd": true, "s": true, "del": true}

// textOf is an element's text as a reader sees it: tags stripped, a space
// between blocks, spaces collapsed.
func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			sb.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style"):
			return
		}
		block := n.Type == html.ElementNode && !inline[n.Data]
		if block {
			sb.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			sb.WriteByte(' ')
		}
	}
	walk(n)
	return strings.Join(strings.Fields(sb.String()), " ")
}

// mainText is the text of a page's <main>: what the member reads.
func mainText(t testing.TB, body string) string {
	t.Helper()
	m := findAll(doc(t, body), tag("main"))
	if len(m) != 1 {
		t.Fatalf("no <main> in %s", body)
	}
	return textOf(m[0])
}

// replyText is the text of the bot's replies on a page.
func replyText(t testing.TB, body string) string {
	t.Helper()
	var parts []string
	for _, s := range findAll(doc(t, body), hasClass("section", "reply")) {
		parts = append(parts, textOf(s))
	}
	return strings.Join(parts, "\n")
}

// navPaths are the menu's links.
func navPaths(t testing.TB, body string) []string {
	t.Helper()
	var out []string
	for _, nav := range findAll(doc(t, body), tag("nav")) {
		for _, a := range findAll(nav, tag("a")) {
			out = append(out, attr(a, "href"))
		}
	}
	return out
}

// roleNames are the roles as the pages name them.
var roleNames = map[string]map[bot.Role]string{
	bot.LangSV: {bot.RoleMember: "medlem", bot.RoleOrganiser: "arrangör", bot.RoleModerator: "moderator", bot.RoleAdmin: "administratör"},
	bot.LangEN: {bot.RoleMember: "member", bot.RoleOrganiser: "organiser", bot.RoleModerator: "moderator", bot.RoleAdmin: "admin"},
}

// TestEveryPageByRole: every page of the menu answers 200 to a role that
// may see it and 403, with the reason, to a role below it, in Swedish and
// in English; the menu lists exactly the pages the role may see.
func TestEveryPageByRole(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	browsers := map[bot.Role]*bottest.Browser{}
	for _, r := range bot.Roles() {
		browsers[r] = signInAs(h, base, "u-"+r.String(), "Namn "+r.String(), r)
	}
	for _, lang := range []string{bot.LangSV, bot.LangEN} {
		refusal := map[string]string{bot.LangSV: "Sidan kräver rollen %s; du har rollen %s.", bot.LangEN: "This page needs the role %s; you have the role %s."}[lang]
		for _, role := range bot.Roles() {
			b := browsers[role]
			if lang == bot.LangEN {
				toEnglish(t, b)
			}
			var wantNav []string
			for _, p := range menu {
				if role >= p.Role {
					wantNav = append(wantNav, p.Path)
				}
			}
			for _, p := range menu {
				r := fetch(t, b, "GET", p.Path, nil)
				if !strings.Contains(r.Body, `<html lang="`+lang+`">`) {
					t.Errorf("%s %s as %s: not in %s", lang, p.Path, role, lang)
				}
				if role < p.Role {
					want := fmt.Sprintf(refusal, roleNames[lang][p.Role], roleNames[lang][role])
					if r.Code != http.StatusForbidden || !strings.Contains(mainText(t, r.Body), want) {
						t.Errorf("%s %s as %s: %d, want 403 with %q; page: %s", lang, p.Path, role, r.Code, want, mainText(t, r.Body))
					}
					continue
				}
				if r.Code != http.StatusOK {
					t.Errorf("%s %s as %s: %d, want 200; page: %s", lang, p.Path, role, r.Code, mainText(t, r.Body))
					continue
				}
				if got := navPaths(t, r.Body); !slices.Equal(got, wantNav) {
					t.Errorf("%s %s as %s: menu %v, want %v", lang, p.Path, role, got, wantNav)
				}
				if txt := mainText(t, r.Body); strings.Contains(txt, "gick fel") || strings.Contains(txt, "went wrong") || strings.Contains(txt, "kräver rollen") || strings.Contains(txt, "needs the role") {
					t.Errorf("%s %s as %s: %s", lang, p.Path, role, txt)
				}
			}
		}
	}
}

// TestSessionCookie: signing in sets the session cookie HttpOnly,
// SameSite=Lax, for the whole site, not Secure over plain http; signing
// out deletes it the same way.
func TestSessionCookie(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	u := h.Member("kim", bot.RoleMember)
	c := signInCookie(t, base, h.SignInLink(u))
	if c.Secure {
		t.Errorf("session cookie Secure without https: %+v", c)
	}
	// The cookie works, and signing out deletes it with the same flags.
	b := bottest.NewBrowser(t, base)
	b.Client.Jar.SetCookies(mustURL(t, base), []*http.Cookie{c})
	csrf := b.CSRF()
	b.Client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	r := fetch(t, b, "POST", "/signout", url.Values{"csrf": {csrf}})
	out := sessionCookie(t, r.Header)
	if r.Code != http.StatusOK || out == nil || out.MaxAge >= 0 || out.Value != "" || !out.HttpOnly || out.SameSite != http.SameSiteLaxMode {
		t.Errorf("sign out: %d, cookie %+v", r.Code, out)
	}
}

// TestSessionCookieSecureBehindHTTPS: with [http] public_url on https,
// the sign-in link is https and the session cookie is Secure.
func TestSessionCookieSecureBehindHTTPS(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false), bottest.WithConfig(func(c *config.Config) { c.HTTP.PublicURL = "https://bot.example.se" }))
	base := h.Web()
	u := h.Member("kim", bot.RoleMember)
	if reply := h.Say(u, "dashboard"); !strings.Contains(reply, "https://bot.example.se/signin?t=") {
		t.Fatalf("the link is not on the public https address: %q", reply)
	}
	c := signInCookie(t, base, h.SignInLink(u))
	if !c.Secure {
		t.Errorf("session cookie not Secure behind https: %+v", c)
	}
}

// signInCookie uses a sign-in link without following the redirect and
// returns the session cookie it set, checked for HttpOnly, SameSite=Lax
// and Path=/.
func signInCookie(t *testing.T, base, token string) *http.Cookie {
	t.Helper()
	b := bottest.NewBrowser(t, base)
	b.Client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	r := fetch(t, b, "POST", "/signin", url.Values{"t": {token}})
	if r.Code != http.StatusSeeOther || r.Header.Get("Location") != "/" {
		t.Fatalf("sign in: %d %v", r.Code, r.Header)
	}
	c := sessionCookie(t, r.Header)
	if c == nil || c.Value == "" {
		t.Fatalf("no session cookie: %v", r.Header["Set-Cookie"])
	}
	raw := strings.Join(r.Header["Set-Cookie"], "\n")
	if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" || !strings.Contains(raw, "HttpOnly") || !strings.Contains(raw, "SameSite=Lax") {
		t.Errorf("session cookie %q", raw)
	}
	if c.MaxAge > 0 || !c.Expires.IsZero() {
		t.Errorf("the session cookie outlives the browser session: %q", raw)
	}
	return c
}

func sessionCookie(t *testing.T, h http.Header) *http.Cookie {
	t.Helper()
	for _, c := range (&http.Response{Header: h}).Cookies() {
		if c.Name == "passionbot_session" {
			return c
		}
	}
	return nil
}

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// webCommands are the commands that have a form: not the buttons-only
// ones and not the sign-in command itself.
func webCommands(h *bottest.Harness) []*bot.Command {
	var out []*bot.Command
	for _, c := range h.Bot.Registry().Commands() {
		if !c.NotNative && c.Name != "dashboard" {
			out = append(out, c)
		}
	}
	return out
}

func formPath(c *bot.Command) string { return "/c/" + strings.Join(c.Words(), "/") }

// TestEveryForm: every command with a form shows one labelled field per
// argument (label for= the field's id, required marked on the label and
// the field), choices and yes/no as selects with the words of the page's
// language, help tied to its field, and the chat usage line; in Swedish,
// then in English after switching the language. A member gets 403 for a
// form above their role.
func TestEveryForm(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	admin := signInAs(h, base, "ada", "Ada", bot.RoleAdmin)
	member := signInAs(h, base, "kim", "Kim", bot.RoleMember)
	cmds := webCommands(h)
	if len(cmds) < 50 {
		t.Fatalf("only %d commands with forms", len(cmds))
	}
	// The language is changed only with the session's CSRF token.
	if r := fetch(t, admin, "POST", "/lang", url.Values{"lang": {"en"}}); r.Code != http.StatusForbidden || strings.Contains(fetch(t, admin, "GET", "/", nil).Body, `<html lang="en">`) {
		t.Errorf("POST /lang without the CSRF token: %d", r.Code)
	}
	for _, lang := range []string{bot.LangSV, bot.LangEN} {
		if lang == bot.LangEN {
			toEnglish(t, admin)
			toEnglish(t, member)
		}
		for _, c := range cmds {
			r := fetch(t, admin, "GET", formPath(c), nil)
			if r.Code != http.StatusOK {
				t.Errorf("%s GET %s as admin: %d", lang, formPath(c), r.Code)
				continue
			}
			checkForm(t, lang, c, r.Body)
			if c.Role > bot.RoleMember {
				if r := fetch(t, member, "GET", formPath(c), nil); r.Code != http.StatusForbidden {
					t.Errorf("%s GET %s as member: %d, want 403", lang, formPath(c), r.Code)
				}
			}
		}
	}
}

// TestFormPageAboveTheRoleSaysWhy: the form of a command above the
// member's role is refused (403) with the reason, as a page of the menu
// is ("Sidan kräver rollen …") and as the core refuses the command when
// sent — not a bare 403 showing the form as if it could be used.
func TestFormPageAboveTheRoleSaysWhy(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	member := signInAs(h, base, "kim", "Kim", bot.RoleMember)
	for _, lang := range []string{bot.LangSV, bot.LangEN} {
		if lang == bot.LangEN {
			toEnglish(t, member)
		}
		var bad []string
		for _, c := range webCommands(h) {
			if c.Role == bot.RoleMember {
				continue
			}
			want := map[string]string{bot.LangSV: "kräver rollen " + roleNames[lang][c.Role], bot.LangEN: "needs the role " + roleNames[lang][c.Role]}[lang]
			r := fetch(t, member, "GET", formPath(c), nil)
			if txt := mainText(t, r.Body); r.Code != http.StatusForbidden || !strings.Contains(txt, want) {
				if len(bad) == 0 {
					t.Errorf("%s GET %s as member: %d, want 403 saying %q; the page: %.200s", lang, formPath(c), r.Code, want, txt)
				}
				bad = append(bad, c.Name)
			}
		}
		if len(bad) > 0 {
			t.Errorf("%s: %d forms above the member's role answer 403 without the reason: %s", lang, len(bad), strings.Join(bad, ", "))
		}
	}
}

// checkForm checks the one command form on a page against c's
// declaration in lang.
func checkForm(t *testing.T, lang string, c *bot.Command, body string) {
	t.Helper()
	page := doc(t, body)
	forms := findAll(page, hasClass("form", "command"))
	if len(forms) != 1 {
		t.Errorf("%s %s: %d command forms", lang, c.Name, len(forms))
		return
	}
	f := forms[0]
	if attr(f, "action") != formPath(c) || attr(f, "method") != "post" {
		t.Errorf("%s %s: form posts to %s %s", lang, c.Name, attr(f, "method"), attr(f, "action"))
	}
	if csrf := findAll(f, func(n *html.Node) bool { return n.Data == "input" && attr(n, "name") == "csrf" }); len(csrf) != 1 || attr(csrf[0], "value") == "" {
		t.Errorf("%s %s: no CSRF token in the form", lang, c.Name)
	}
	labels := map[string]*html.Node{}
	for _, l := range findAll(f, tag("label")) {
		labels[attr(l, "for")] = l
	}
	controls := findAll(f, func(n *html.Node) bool {
		return (n.Data == "input" || n.Data == "select" || n.Data == "textarea") && attr(n, "type") != "hidden"
	})
	if len(controls) != len(c.Args) || len(labels) != len(c.Args) {
		t.Errorf("%s %s: %d fields and %d labels for %d arguments", lang, c.Name, len(controls), len(labels), len(c.Args))
	}
	ids := map[string]*html.Node{}
	for _, n := range findAll(page, func(n *html.Node) bool { return attr(n, "id") != "" }) {
		if ids[attr(n, "id")] != nil {
			t.Errorf("%s %s: id %q twice on the page", lang, c.Name, attr(n, "id"))
		}
		ids[attr(n, "id")] = n
	}
	required := map[string]string{bot.LangSV: "obligatorisk", bot.LangEN: "required"}[lang]
	for i := range c.Args {
		a := &c.Args[i]
		what := fmt.Sprintf("%s %s %s", lang, c.Name, a.Name)
		var ctl *html.Node
		for _, n := range controls {
			if attr(n, "name") == a.Name {
				ctl = n
			}
		}
		if ctl == nil {
			t.Errorf("%s: no field named %q", what, a.Name)
			continue
		}
		id := attr(ctl, "id")
		l := labels[id]
		if id == "" || l == nil {
			t.Errorf("%s: field id %q has no label", what, id)
			continue
		}
		marks := findAll(l, func(n *html.Node) bool { return n.Data == "abbr" && attr(n, "title") == required })
		name := textOf(l)
		if len(marks) > 0 {
			name = strings.TrimSpace(strings.TrimSuffix(name, textOf(marks[0])))
		}
		if name != a.NameIn(lang) {
			t.Errorf("%s: label %q, want %q", what, name, a.NameIn(lang))
		}
		if a.Required != (len(marks) == 1) || a.Required != hasAttr(ctl, "required") {
			t.Errorf("%s: required %v, but label marks %d and field required=%v", what, a.Required, len(marks), hasAttr(ctl, "required"))
		}
		if help := a.Help.In(lang); help != "" {
			d := ids[attr(ctl, "aria-describedby")]
			// The help is drawn through the markup: `code` loses its backticks.
			if d == nil || textOf(d) != strings.Join(strings.Fields(strings.ReplaceAll(help, "`", "")), " ") {
				t.Errorf("%s: help %q not tied to the field (aria-describedby=%q)", what, help, attr(ctl, "aria-describedby"))
			}
		}
		var want []string // value=label of the options, after the empty one
		switch a.Kind {
		case bot.KindChoice:
			for _, ch := range a.Choices {
				want = append(want, ch+"="+a.ChoiceIn(lang, ch))
			}
		case bot.KindBool:
			want = map[string][]string{bot.LangSV: {"true=ja", "false=nej"}, bot.LangEN: {"true=yes", "false=no"}}[lang]
		case bot.KindRest:
			if ctl.Data != "textarea" {
				t.Errorf("%s: free text in a %s", what, ctl.Data)
			}
		case bot.KindInt:
			if !a.NoLimit && attr(ctl, "type") != "number" {
				t.Errorf("%s: a number in %s type=%q", what, ctl.Data, attr(ctl, "type"))
			}
		default:
			if ctl.Data != "input" || attr(ctl, "type") != "text" {
				t.Errorf("%s: %s type=%q", what, ctl.Data, attr(ctl, "type"))
			}
		}
		if want == nil {
			continue
		}
		if ctl.Data != "select" {
			t.Errorf("%s: choices in a %s", what, ctl.Data)
			continue
		}
		var got []string
		for i, o := range findAll(ctl, tag("option")) {
			if i == 0 && !a.Required {
				if attr(o, "value") != "" {
					t.Errorf("%s: an optional choice without an empty first option", what)
				}
				continue
			}
			got = append(got, attr(o, "value")+"="+textOf(o))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: options %q, want %q", what, got, want)
		}
	}
	usage := findAll(f, hasClass("p", "usage"))
	if len(usage) != 1 || !strings.Contains(textOf(usage[0]), strings.Join(strings.Fields(c.UsageIn(lang)), " ")) {
		t.Errorf("%s %s: no usage line %q", lang, c.Name, c.UsageIn(lang))
	}
}

// fillValue is a plausible value for an argument, so that a refused
// form would have done something had it been let through.
func fillValue(a *bot.Arg) string {
	switch a.Kind {
	case bot.KindInt:
		return "1"
	case bot.KindBool:
		return "true"
	case bot.KindChoice:
		return a.Choices[0]
	case bot.KindUser:
		return "kim"
	case bot.KindChannel:
		return "general"
	case bot.KindDuration:
		return "10m"
	case bot.KindCron:
		return "0 18 * * 5"
	}
	switch a.Name {
	case "when", "from", "since":
		return "2099-01-15 18:00"
	case "until":
		return "2099-01-16"
	case "cron":
		return "0 18 * * 5"
	case "lang":
		return "sv"
	}
	return "ändrat"
}

// snapshot is every table's rows but the audit log's.
func snapshot(t *testing.T, h *bottest.Harness) map[string]string {
	t.Helper()
	ctx := context.Background()
	db := h.DB.SQL()
	rows, err := db.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'sqlite_sequence')")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string]string{}
	for _, table := range tables {
		rs, err := db.QueryContext(ctx, `SELECT * FROM "`+table+`"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		var sb strings.Builder
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rs.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&sb, "%v\n", vals)
		}
		rs.Close()
		out[table] = sb.String()
	}
	return out
}

// TestFormAboveTheRoleIsRefused: a form sent for a command above the
// member's role is refused by the core (403 with its reason), and nothing
// changes: no table but the audit log differs, and the audit log gains
// refusals only.
func TestFormAboveTheRoleIsRefused(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	org := h.Member("olle", bot.RoleOrganiser)
	kim := h.Member("kim", bot.RoleMember)
	when := h.Clock.Now().Add(72 * time.Hour).In(h.Config.Location).Format("2006-01-02 15:04")
	for _, line := range []string{`meetup create title:Keramikkväll when:"` + when + `" where:Ateljén`, `announce schedule cron:"0 18 * * 5" text:Fredagsfika`} {
		if got := h.Say(org, line); strings.Contains(got, "gick fel") {
			t.Fatalf("%s: %s", line, got)
		}
	}
	h.Say(kim, "interests add tags:keramik")
	h.Say(kim, "vad kostar en ateljé i Kiruna på vintern?")
	browsers := map[bot.Role]*bottest.Browser{}
	for _, r := range []bot.Role{bot.RoleMember, bot.RoleOrganiser, bot.RoleModerator} {
		browsers[r] = signInAs(h, base, "caller-"+r.String(), "Anropare "+r.String(), r)
	}
	before := snapshot(t, h)
	var audited int
	h.DB.SQL().QueryRow("SELECT COUNT(*) FROM audit_log").Scan(&audited)
	sent := 0
	for _, c := range webCommands(h) {
		for role, b := range browsers {
			if role >= c.Role {
				continue
			}
			form := url.Values{"csrf": {b.CSRF()}}
			for i := range c.Args {
				form.Set(c.Args[i].Name, fillValue(&c.Args[i]))
			}
			r := fetch(t, b, "POST", formPath(c), form)
			want := fmt.Sprintf("Kommandot %s kräver rollen %s, och du är %s.", c.NameIn(bot.LangSV), roleNames[bot.LangSV][c.Role], roleNames[bot.LangSV][role])
			if got := replyText(t, r.Body); r.Code != http.StatusForbidden || !strings.Contains(got, want) {
				t.Errorf("POST %s as %s: %d %q, want 403 with %q", formPath(c), role, r.Code, got, want)
			}
			sent++
		}
	}
	if sent < 60 {
		t.Fatalf("only %d refused forms sent", sent)
	}
	after := snapshot(t, h)
	for table, rows := range before {
		if after[table] != rows {
			t.Errorf("table %s changed by refused forms:\nbefore %s\nafter  %s", table, rows, after[table])
		}
	}
	var ok int
	h.DB.SQL().QueryRow("SELECT COUNT(*) FROM audit_log WHERE id > ? AND result != 'refused'", audited).Scan(&ok)
	if ok != 0 {
		t.Errorf("%d audit entries other than refusals after refused forms", ok)
	}
}

// TestUnknownCommand: a form address that is no command, a group's word
// alone, the buttons-only command and the sign-in command are 404 with the
// reason, for GET and POST; an unknown page is 404.
func TestUnknownCommand(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	b := signInAs(h, base, "ada", "Ada", bot.RoleAdmin)
	for _, p := range []string{"/c/nope", "/c/meetup", "/c/meetup/list/extra", "/c/ask/feedback", "/c/dashboard", "/c/meetup/nope"} {
		for _, method := range []string{"GET", "POST"} {
			var form url.Values
			if method == "POST" {
				form = url.Values{"csrf": {b.CSRF()}, "id": {"1"}}
			}
			r := fetch(t, b, method, p, form)
			if r.Code != http.StatusNotFound || !strings.Contains(mainText(t, r.Body), "Det finns inget sådant kommando här.") {
				t.Errorf("%s %s: %d %s", method, p, r.Code, mainText(t, r.Body))
			}
		}
	}
	if r := fetch(t, b, "GET", "/nope", nil); r.Code != http.StatusNotFound {
		t.Errorf("GET /nope: %d", r.Code)
	}
}

// TestSignedOut: every member page, form and POST answers a stranger 401
// with how to sign in, in the browser's language.
func TestSignedOut(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	b := bottest.NewBrowser(t, base)
	var paths []string
	for _, p := range menu {
		if p.Path != "/" {
			paths = append(paths, p.Path)
		}
	}
	paths = append(paths, "/c/meetup/rsvp", "/c/role/grant", "/c/nope")
	how := map[string]string{
		bot.LangSV: "Du är inte inloggad. Skriv dashboard (eller webb) till boten i chatten, så får du en inloggningslänk som bara du ser.",
		bot.LangEN: "You are not signed in. Write dashboard (or webb) to the bot in chat and you get a sign-in link only you can see.",
	}
	for _, lang := range []string{bot.LangSV, bot.LangEN} {
		for _, p := range paths {
			r := fetch(t, b, "GET", p, nil, "Accept-Language", lang+"-SE,"+lang+";q=0.9")
			if r.Code != http.StatusUnauthorized || !strings.Contains(mainText(t, r.Body), how[lang]) {
				t.Errorf("%s GET %s signed out: %d %s", lang, p, r.Code, mainText(t, r.Body))
			}
		}
		for _, p := range []string{"/c/meetup/rsvp", "/c/meetup/create", "/say", "/action", "/signout", "/signout/all"} {
			r := fetch(t, b, "POST", p, url.Values{"csrf": {"x"}, "id": {"1"}, "answer": {"yes"}, "line": {"help"}, "action": {"x"}}, "Accept-Language", lang)
			if r.Code != http.StatusUnauthorized || !strings.Contains(mainText(t, r.Body), how[lang]) {
				t.Errorf("%s POST %s signed out: %d %s", lang, p, r.Code, mainText(t, r.Body))
			}
		}
	}
	// A made-up cookie is no session.
	b.Client.Jar.SetCookies(mustURL(t, base), []*http.Cookie{{Name: "passionbot_session", Value: "AAAAAAAAAAAAAAAAAAAAAA"}})
	if r := fetch(t, b, "GET", "/meetups", nil); r.Code != http.StatusUnauthorized {
		t.Errorf("a made-up session cookie: %d", r.Code)
	}
}

// TestSwedishWordsInForms: what a member types in a field is read as in
// chat: Swedish choice words (in any case) as well as the select's
// values, Swedish argument names, and ja/nej for a yes/no.
func TestSwedishWordsInForms(t *testing.T) {
	flag := &bot.Command{Name: "webbtest", Group: "general", Help: bot.Text{SV: "ett test", EN: "a test"},
		Args: []bot.Arg{{Name: "on", SV: "på", Kind: bot.KindBool, Required: true, Help: bot.Text{SV: "av eller på", EN: "off or on"}}},
		Run: func(ctx context.Context, c *bot.Call) error {
			return c.Reply(ctx, bot.Reply{Text: fmt.Sprintf("flagga=%v", c.Args.Bool("on"))})
		}}
	h := bottest.New(t, bottest.WithWeb(false), bottest.WithCommands(flag))
	base := h.Web()
	org := h.Member("olle", bot.RoleOrganiser)
	when := h.Clock.Now().Add(72 * time.Hour).In(h.Config.Location).Format("2006-01-02 15:04")
	h.Say(org, `meetup create title:Keramikkväll when:"`+when+`"`)
	b := signInAs(h, base, "kim", "Kim", bot.RoleMember)
	kim := bot.User{Platform: h.Platform, ID: "kim"}

	answer := func() string {
		t.Helper()
		rs, err := h.DB.RSVPs(context.Background(), 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if r.User.Key() == kim.Key() {
				return r.Answer
			}
		}
		return ""
	}
	for _, c := range []struct{ field, value, want string }{
		{"answer", "yes", "yes"}, // the select's value
		{"answer", "kanske", "maybe"},
		{"answer", "NEJ", "no"},
		{"answer", "Ja", "yes"},
		{"svar", "kanske", "maybe"}, // the Swedish argument name
		{"answer", "nej ", "no"},
	} {
		r := fetch(t, b, "POST", "/c/meetup/rsvp", url.Values{"csrf": {b.CSRF()}, "id": {"1"}, c.field: {c.value}})
		if r.Code != http.StatusOK || answer() != c.want {
			t.Errorf("rsvp %s=%q: %d, stored %q, want %q; reply %s", c.field, c.value, r.Code, answer(), c.want, replyText(t, r.Body))
		}
	}
	// A word that is no choice is explained with the choices, nothing stored.
	r := fetch(t, b, "POST", "/c/meetup/rsvp", url.Values{"csrf": {b.CSRF()}, "id": {"1"}, "answer": {"kanhända"}})
	if got := replyText(t, r.Body); !strings.Contains(got, "kanske") || answer() != "no" {
		t.Errorf("rsvp answer=kanhända: %q, stored %q", got, answer())
	}
	for _, c := range []struct{ value, want string }{{"ja", "true"}, {"nej", "false"}, {"true", "true"}, {"false", "false"}, {"JA", "true"}, {"på", "true"}, {"av", "false"}} {
		r := fetch(t, b, "POST", "/c/webbtest", url.Values{"csrf": {b.CSRF()}, "on": {c.value}})
		if got := replyText(t, r.Body); r.Code != http.StatusOK || got != "flagga="+c.want {
			t.Errorf("webbtest on=%q: %d %q, want flagga=%s", c.value, r.Code, got, c.want)
		}
	}
	r = fetch(t, b, "POST", "/c/webbtest", url.Values{"csrf": {b.CSRF()}, "på": {"ja"}})
	if got := replyText(t, r.Body); got != "flagga=true" {
		t.Errorf("webbtest på=ja: %q", got)
	}
	// Choices of the profile, typed in Swedish.
	r = fetch(t, b, "POST", "/c/profile/set", url.Values{"csrf": {b.CSRF()}, "synlighet": {"dold"}, "drivkraft": {"båda"}, "region": {"Norrbotten"}})
	if r.Code != http.StatusOK {
		t.Fatalf("profile set: %d %s", r.Code, replyText(t, r.Body))
	}
	p, err := h.DB.Profile(context.Background(), kim)
	if err != nil || p.Visibility != "hidden" || p.Drive != "both" || p.Region != "Norrbotten" {
		t.Errorf("profile after the Swedish form: %+v %v; reply %s", p, err, replyText(t, r.Body))
	}
}

// TestSignOut: signing out ends this browser's session only; signing out
// everywhere ends every session of the member (a second browser too) and
// no one else's; both need the CSRF token; `dashboard logout` in chat
// ends the web sessions as well.
func TestSignOut(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	kim1 := signInAs(h, base, "kim", "Kim", bot.RoleMember)
	kim2 := signInAs(h, base, "kim", "Kim", bot.RoleMember)
	kim3 := signInAs(h, base, "kim", "Kim", bot.RoleMember)
	moa := signInAs(h, base, "moa", "Moa", bot.RoleMember)
	status := func(b *bottest.Browser) int { return fetch(t, b, "GET", "/meetups", nil).Code }

	if r := fetch(t, kim1, "POST", "/signout", url.Values{}); r.Code != http.StatusForbidden || status(kim1) != http.StatusOK {
		t.Fatalf("sign out without CSRF: %d; then %d", r.Code, status(kim1))
	}
	r := fetch(t, kim1, "POST", "/signout", url.Values{"csrf": {kim1.CSRF()}})
	if r.Code != http.StatusOK || !strings.Contains(mainText(t, r.Body), "Du är utloggad.") {
		t.Fatalf("sign out: %d %s", r.Code, mainText(t, r.Body))
	}
	if got := navPaths(t, r.Body); len(got) != 0 {
		t.Errorf("menu after signing out: %v", got)
	}
	if s1, s2 := status(kim1), status(kim2); s1 != http.StatusUnauthorized || s2 != http.StatusOK {
		t.Fatalf("after signing out one browser: %d (want 401), the other %d (want 200)", s1, s2)
	}

	if r := fetch(t, kim2, "POST", "/signout/all", url.Values{"csrf": {"wrong"}}); r.Code != http.StatusForbidden || status(kim3) != http.StatusOK {
		t.Fatalf("sign out everywhere with a wrong CSRF token: %d; then %d", r.Code, status(kim3))
	}
	r = fetch(t, kim2, "POST", "/signout/all", url.Values{"csrf": {kim2.CSRF()}})
	if r.Code != http.StatusOK {
		t.Fatalf("sign out everywhere: %d %s", r.Code, mainText(t, r.Body))
	}
	// How many sessions ended (kim2's and kim3's; kim1's had already).
	if txt := mainText(t, r.Body); !strings.Contains(txt, "Du är utloggad från 2 webbsessioner.") {
		t.Errorf("sign out everywhere says %q, want the number of sessions ended (2)", txt)
	}
	for i, b := range []*bottest.Browser{kim1, kim2, kim3} {
		if s := status(b); s != http.StatusUnauthorized {
			t.Errorf("kim's browser %d after signing out everywhere: %d", i+1, s)
		}
	}
	if s := status(moa); s != http.StatusOK {
		t.Errorf("another member's session after kim signed out everywhere: %d", s)
	}
	// `dashboard logout` in chat ends the web sessions too.
	h.Say(h.Member("moa", bot.RoleMember), "dashboard logout")
	if s := status(moa); s != http.StatusUnauthorized {
		t.Errorf("after `dashboard logout`: %d", s)
	}
}

// TestPublicPage: with [web] public, a stranger sees the upcoming meetups
// with how many are going, a webcal:// subscription, what the
// passion-driven economy is, and only the interests at least 3 members
// hold; never a member's name or id.
func TestPublicPage(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(true))
	base := h.Web()
	org := bot.User{Platform: h.Platform, ID: "olle-org", Name: "Olle Arrangörsson", Role: bot.RoleOrganiser}
	var members []bot.User
	for i, name := range []string{"Ingrid Krukmakare", "Sven Vävare", "Maja Bagare", "Nils Smed"} {
		members = append(members, bot.User{Platform: h.Platform, ID: fmt.Sprintf("medlem-%d", i+1), Name: name, Role: bot.RoleMember})
	}
	when := h.Clock.Now().Add(72 * time.Hour).In(h.Config.Location)
	for _, line := range []string{
		`meetup create title:Keramikkväll when:"` + when.Format("2006-01-02 15:04") + `" where:Ateljén`,
		`meetup create title:Surdegsträff when:"` + when.Add(24*time.Hour).Format("2006-01-02 15:04") + `" where:Bageriet`,
		`meetup create title:Inställd träff when:"` + when.Add(48*time.Hour).Format("2006-01-02 15:04") + `"`,
		`meetup cancel id:3`,
	} {
		if got := h.Say(org, line); strings.Contains(got, "gick fel") || strings.Contains(got, "förstår") {
			t.Fatalf("%s: %s", line, got)
		}
	}
	for i, m := range members {
		answer := []string{"yes", "yes", "maybe", "no"}[i]
		h.Say(m, "meetup rsvp id:1 answer:"+answer)
		tags := "keramik"
		if i < 2 {
			tags += ", vävning"
		}
		if i == 3 {
			tags = "smide"
		}
		h.Say(m, "interests add tags:"+tags)
	}
	h.Say(members[0], "meetup rsvp id:2 answer:yes")

	stranger := bottest.NewBrowser(t, base)
	r := fetch(t, stranger, "GET", "/", nil)
	if r.Code != http.StatusOK {
		t.Fatalf("public page: %d %s", r.Code, r.Body)
	}
	txt := mainText(t, r.Body)
	for _, want := range []string{"Kommande träffar", "Keramikkväll", "Ateljén", "2 kommer", "Surdegsträff", "1 kommer", "Vad är passionsdriven ekonomi?", "Vanliga intressen", "keramik"} {
		if !strings.Contains(txt, want) {
			t.Errorf("public page lacks %q: %s", want, txt)
		}
	}
	for _, never := range []string{"Inställd träff", "vävning", "smide"} {
		if strings.Contains(txt, never) {
			t.Errorf("public page shows %q: %s", never, txt)
		}
	}
	for _, u := range append(members, org) {
		for _, s := range []string{u.Name, strings.Fields(u.Name)[0], u.ID} {
			if strings.Contains(r.Body, s) {
				t.Errorf("public page names a member (%q)", s)
			}
		}
	}
	links := findAll(doc(t, r.Body), func(n *html.Node) bool { return n.Data == "a" && strings.HasPrefix(attr(n, "href"), "webcal://") })
	if len(links) != 1 || !strings.HasSuffix(attr(links[0], "href"), "/calendar.ics") {
		t.Errorf("no webcal:// subscription link: %v", links)
	}
	if got := navPaths(t, r.Body); len(got) != 0 {
		t.Errorf("a stranger sees the menu: %v", got)
	}
	// In English, by the browser's language.
	r = fetch(t, stranger, "GET", "/", nil, "Accept-Language", "en-GB,en;q=0.8")
	if txt := mainText(t, r.Body); r.Code != http.StatusOK || !strings.Contains(txt, "Upcoming meetups") || !strings.Contains(txt, "2 going") {
		t.Errorf("public page in English: %d %s", r.Code, txt)
	}
	// A member who is signed in gets the dashboard at /.
	b := signInAs(h, base, members[0].ID, members[0].Name, bot.RoleMember)
	if r := fetch(t, b, "GET", "/", nil); r.Code != http.StatusOK || !strings.Contains(mainText(t, r.Body), "Välkommen, Ingrid Krukmakare!") {
		t.Errorf("signed in at /: %d %s", r.Code, mainText(t, r.Body))
	}
}

// TestNoPublicPage: without [web] public, a stranger at / is told how to
// sign in, and sees nothing of the community.
func TestNoPublicPage(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	when := h.Clock.Now().Add(72 * time.Hour).In(h.Config.Location).Format("2006-01-02 15:04")
	h.Say(h.Member("olle", bot.RoleOrganiser), `meetup create title:Keramikkväll when:"`+when+`"`)
	r := fetch(t, bottest.NewBrowser(t, base), "GET", "/", nil)
	txt := mainText(t, r.Body)
	if r.Code != http.StatusOK || !strings.Contains(txt, "Du är inte inloggad. Skriv dashboard (eller webb)") || strings.Contains(r.Body, "Keramikkväll") || strings.Contains(r.Body, "webcal:") {
		t.Errorf("/ for a stranger without the public page: %d %s", r.Code, txt)
	}
}
