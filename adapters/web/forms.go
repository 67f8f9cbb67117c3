package web

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"passionbot/bot"
)

// field is one argument of a command as a form field.
type field struct {
	Name     string // the canonical argument name: the form field's name
	ID       string // the element id
	Label    string // the argument's name in the page language
	Help     template.HTML
	Kind     string // input, number, textarea, select
	Required bool
	Value    string
	Min, Max string
	MaxLen   int
	Hint     string // placeholder: an example of what to write
	Options  []option
}

// option is one choice of a select.
type option struct {
	Value, Label string
	Selected     bool
}

// form is a command's generated form.
type form struct {
	Command string // "meetup create", for the heading
	Help    template.HTML
	Action  string // where it posts (or, for a page's filters, gets)
	Method  string
	Fields  []field
	Submit  string
	Usage   string // the chat usage line, to learn the typed form
}

// formFor declares cmd's form in lang, filled with values (by canonical
// or Swedish argument name).
func (a *Adapter) formFor(lang string, cmd *bot.Command, values url.Values) form {
	f := form{Command: cmd.Name, Help: template.HTML(inline(cmd.Help.In(lang))), Action: commandPath(cmd), Method: "post",
		Submit: a.t(lang, "web.run"), Usage: cmd.UsageIn(lang)}
	for i := range cmd.Args {
		arg := &cmd.Args[i]
		fd := field{Name: arg.Name, ID: "f-" + strings.ReplaceAll(cmd.Name, " ", "-") + "-" + arg.Name, Label: arg.NameIn(lang),
			Help: template.HTML(inline(arg.Help.In(lang))), Required: arg.Required, Kind: "input", Value: valueOf(values, arg)}
		switch arg.Kind {
		case bot.KindInt:
			fd.Kind = "number"
			if arg.Max > arg.Min {
				fd.Min, fd.Max = strconv.Itoa(arg.Min), strconv.Itoa(arg.Max)
			}
			if arg.NoLimit {
				fd.Kind, fd.Hint = "input", a.t(lang, "web.hint_nolimit")
			}
		case bot.KindBool:
			fd.Kind = "select"
			fd.Options = a.choices(lang, fd.Value, !arg.Required,
				option{Value: "true", Label: a.t(lang, "web.yes")}, option{Value: "false", Label: a.t(lang, "web.no")})
		case bot.KindChoice:
			fd.Kind = "select"
			var opts []option
			for _, c := range arg.Choices {
				opts = append(opts, option{Value: c, Label: arg.ChoiceIn(lang, c)})
			}
			if v, ok := arg.Choice(fd.Value); ok {
				fd.Value = v
			}
			fd.Options = a.choices(lang, fd.Value, !arg.Required, opts...)
		case bot.KindRest:
			fd.Kind = "textarea"
		case bot.KindTime:
			fd.Hint = a.t(lang, "web.hint_time")
		case bot.KindDuration:
			fd.Hint = a.t(lang, "web.hint_duration")
		case bot.KindChannel:
			fd.Hint = a.t(lang, "web.hint_channel")
		case bot.KindUser:
			fd.Hint = a.t(lang, "web.hint_user")
		case bot.KindCron:
			fd.Hint = "0 18 * * 5"
		}
		if arg.Kind == bot.KindText || arg.Kind == bot.KindRest {
			fd.MaxLen = arg.MaxLen
			if fd.MaxLen == 0 {
				fd.MaxLen = 2000
			}
		}
		f.Fields = append(f.Fields, fd)
	}
	return f
}

// choices makes a select's options, with an empty first one when the
// argument may be left out.
func (a *Adapter) choices(lang, value string, optional bool, opts ...option) []option {
	var out []option
	if optional {
		out = append(out, option{Value: "", Label: a.t(lang, "web.choose"), Selected: value == ""})
	}
	for _, o := range opts {
		o.Selected = o.Value == value
		out = append(out, o)
	}
	return out
}

// valueOf is an argument's value in a form or query: by its canonical
// name, else its Swedish one.
func valueOf(values url.Values, arg *bot.Arg) string {
	if v := values.Get(arg.Name); v != "" {
		return v
	}
	if arg.SV != "" {
		return values.Get(arg.SV)
	}
	return ""
}

// formOptions reads a submitted form into the options of an invocation:
// the declared arguments only, the empty ones left out (the core says
// which are missing). The core parses each value as it parses a typed
// one, Swedish words and all.
func formOptions(cmd *bot.Command, values url.Values) map[string]any {
	opts := map[string]any{}
	for i := range cmd.Args {
		arg := &cmd.Args[i]
		if v := strings.TrimSpace(valueOf(values, arg)); v != "" {
			opts[arg.Name] = v
		}
	}
	return opts
}
