package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"passionbot/bot"
)

func parseTemplates() (*template.Template, error) {
	sub, err := fs.Sub(templateFS, "templates")
	if err != nil {
		return nil, err
	}
	return template.New("").Funcs(template.FuncMap{
		// dict passes a form and the page's CSRF token and words to the
		// form template.
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[kv[i].(string)] = kv[i+1]
			}
			return m
		},
		// wrap passes replies with the CSRF token their buttons post.
		"wrap": func(replies []renderedReply, csrf string, text func(string, ...any) string) map[string]any {
			return map[string]any{"Replies": replies, "CSRF": csrf, "Text": text}
		},
	}).ParseFS(sub, "*.html")
}

// t and tn are the page's words in lang.
func (a *Adapter) t(lang, key string, args ...any) string { return a.cat.T(lang, key, args...) }
func (a *Adapter) tn(lang, key string, n int, args ...any) string {
	return a.cat.TN(lang, key, n, args...)
}

func (a *Adapter) roleName(lang string, r bot.Role) string {
	return a.core.Catalog().T(lang, r.MessageKey())
}

// data is what every template gets.
type data struct {
	Lang, OtherLang, OtherLangName string
	Back                           string // where the language button returns to
	Title, Site                    string
	Nav                            []navItem
	SignedIn                       bool
	Who                            string
	CSRF                           string
	Text                           func(key string, args ...any) string
	Page                           map[string]any
}

// pageData is the layout's data for v's request.
func (a *Adapter) pageData(r *http.Request, v visitor, title string, page map[string]any) data {
	other := bot.LangEN
	if v.lang == bot.LangEN {
		other = bot.LangSV
	}
	back := "/"
	if r.Method == http.MethodGet {
		back = r.URL.RequestURI()
	}
	d := data{Lang: v.lang, OtherLang: other, OtherLangName: a.t(v.lang, "web.other_lang"), Back: back, Title: title, Site: a.opt.Name,
		SignedIn: v.signedIn, Text: func(key string, args ...any) string { return a.t(v.lang, key, args...) }, Page: page}
	if v.signedIn {
		d.Nav = a.nav(v.lang, v.role, r.URL.Path)
		d.CSRF = v.session.CSRF
		d.Who = a.t(v.lang, "web.signed_in_as", v.user.Name, a.core.Catalog().T(v.lang, "platform."+string(v.user.Platform)), a.roleName(v.lang, v.role))
	}
	return d
}

// render writes template name with d; the page is built in memory first
// so that a template error is a clean 500.
func (a *Adapter) render(w http.ResponseWriter, r *http.Request, status int, name string, d data) {
	var buf bytes.Buffer
	if err := a.tpl.ExecuteTemplate(&buf, name+".html", d); err != nil {
		a.log.ErrorContext(r.Context(), "web: rendering", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// message is a page with one sentence of the web's catalog.
func (a *Adapter) message(w http.ResponseWriter, r *http.Request, v visitor, status int, key string) {
	a.render(w, r, status, "message", a.pageData(r, v, a.t(v.lang, key+"_title"), map[string]any{"Text": markup(a.t(v.lang, key))}))
}

// renderCommand is a command's page: its replies (after a submission)
// above its form.
func (a *Adapter) renderCommand(w http.ResponseWriter, r *http.Request, v visitor, status int, cmd *bot.Command, values url.Values, out []bot.Reply) {
	f := a.formFor(v.lang, cmd, values)
	a.render(w, r, status, "command", a.pageData(r, v, cmd.Help.In(v.lang), map[string]any{
		"Form": f, "Replies": a.renderAll(v.lang, out)}))
}

// renderReplies is a page of replies (a button's, the message box's).
func (a *Adapter) renderReplies(w http.ResponseWriter, r *http.Request, v visitor, title string, out []bot.Reply, said ...string) {
	a.render(w, r, http.StatusOK, "page", a.pageData(r, v, title, map[string]any{
		"Said": strings.Join(said, ""), "Replies": a.renderAll(v.lang, out)}))
}

// renderedReply is a reply as the templates draw it.
type renderedReply struct {
	Text  template.HTML
	Card  *renderedCard
	Views []renderedView
	File  *renderedFile
}

type renderedCard struct {
	Title   template.HTML
	Body    template.HTML
	Fields  []bot.Field
	Buttons []bot.Button
	Footer  template.HTML
}

type renderedFile struct {
	Name    string
	Content string // text files are shown; others are named
}

type renderedView struct {
	Title    string
	Table    *bot.Table
	Chart    template.HTML
	Calendar []month
}

// renderAll draws replies: text and card bodies through markup, views as
// tables, charts (SVG) and month calendars.
func (a *Adapter) renderAll(lang string, replies []bot.Reply) []renderedReply {
	var out []renderedReply
	for _, r := range replies {
		rr := renderedReply{Text: markup(r.Text)}
		if c := r.Card; c != nil {
			rr.Card = &renderedCard{Title: template.HTML(inline(c.Title)), Body: markup(c.Body), Fields: c.Fields, Buttons: c.Buttons,
				Footer: template.HTML(inline(c.Footer))}
		}
		if f := r.File; f != nil {
			rf := &renderedFile{Name: f.Name}
			if utf8.Valid(f.Data) && len(f.Data) <= 1<<20 {
				rf.Content = string(f.Data)
			}
			rr.File = rf
		}
		for _, v := range r.Views {
			rv := renderedView{Title: v.Title, Table: v.Table}
			if v.Chart != nil {
				rv.Chart = ChartSVG(v.Title, v.Chart, lang)
			}
			if len(v.Calendar) > 0 {
				rv.Calendar = a.months(lang, v.Calendar)
			}
			rr.Views = append(rr.Views, rv)
		}
		out = append(out, rr)
	}
	return out
}

// when is a meetup's time in the community's timezone, in words:
// "måndag 7 december 2026 kl. 18:00–20:00", "Monday 7 December 2026,
// 18:00–20:00".
func (a *Adapter) when(lang string, start, end time.Time) string {
	start = start.In(a.opt.Location)
	day := fmt.Sprintf("%s %d %s %d", weekdayName(lang, start.Weekday()), start.Day(), monthName(lang, start.Month()), start.Year())
	sep := " kl. "
	if lang == bot.LangEN {
		sep = ", "
	}
	s := day + sep + start.Format("15:04")
	if !end.IsZero() {
		end = end.In(a.opt.Location)
		if end.Format("2006-01-02") == start.Format("2006-01-02") {
			s += "–" + end.Format("15:04")
		} else {
			s += " – " + a.when(lang, end, time.Time{})
		}
	}
	return s
}
