package discordfake

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// apiError is a Discord JSON error answer.
type apiError struct {
	status, code int
	msg          string
	errs         formErrors
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %d %s", e.status, e.code, e.msg) }

// formErrors is the nested "errors" object of a 50035 Invalid Form Body:
// {"content": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": ...}]}}.
type formErrors map[string]any

func (f formErrors) add(path []string, code, msg string) {
	m := map[string]any(f)
	for _, p := range path {
		child, ok := m[p].(map[string]any)
		if !ok {
			child = map[string]any{}
			m[p] = child
		}
		m = child
	}
	errs, _ := m["_errors"].([]any)
	m["_errors"] = append(errs, map[string]any{"code": code, "message": msg})
}

func (f formErrors) err() *apiError {
	if len(f) == 0 {
		return nil
	}
	return &apiError{status: 400, code: 50035, msg: "Invalid Form Body", errs: f}
}

func at(prefix []string, more ...any) []string {
	p := slices.Clone(prefix)
	for _, m := range more {
		switch v := m.(type) {
		case string:
			p = append(p, v)
		case int:
			p = append(p, strconv.Itoa(v))
		}
	}
	return p
}

func maxLen(f formErrors, path []string, s string, n int) {
	if utf8.RuneCountInString(s) > n {
		f.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", n))
	}
}

func badLen(f formErrors, path []string, s string, lo, hi int) {
	if n := utf8.RuneCountInString(s); n < lo || n > hi {
		f.add(path, "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between %d and %d in length.", lo, hi))
	}
}

func required(f formErrors, path []string, s string) bool {
	if s == "" {
		f.add(path, "BASE_TYPE_REQUIRED", "This field is required")
		return false
	}
	return true
}

var (
	errEmptyMessage  = &apiError{status: 400, code: 50006, msg: "Cannot send an empty message"}
	errInvalidJSON   = &apiError{status: 400, code: 50109, msg: "The request body contains invalid JSON."}
	errUnknownMsg    = &apiError{status: 404, code: 10008, msg: "Unknown Message"}
	errUnknownChan   = &apiError{status: 404, code: 10003, msg: "Unknown Channel"}
	errUnknownGuild  = &apiError{status: 404, code: 10004, msg: "Unknown Guild"}
	errUnknownMember = &apiError{status: 404, code: 10007, msg: "Unknown Member"}
	errUnknownRole   = &apiError{status: 404, code: 10011, msg: "Unknown Role"}
	errUnknownUser   = &apiError{status: 404, code: 10013, msg: "Unknown User"}
	errUnknownHook   = &apiError{status: 404, code: 10015, msg: "Unknown Webhook"}
	errUnknownEvent  = &apiError{status: 404, code: 10070, msg: "Unknown Guild Scheduled Event"}
	errUnknownInter  = &apiError{status: 404, code: 10062, msg: "Unknown interaction"}
	errUnknownCmd    = &apiError{status: 404, code: 10063, msg: "Unknown application command"}
	errMissingAccess = &apiError{status: 403, code: 50001, msg: "Missing Access"}
	errMissingPerms  = &apiError{status: 403, code: 50013, msg: "Missing Permissions"}
	errDMChannel     = &apiError{status: 400, code: 50003, msg: "Cannot execute action on a DM channel"}
	errAlreadyAcked  = &apiError{status: 400, code: 40060, msg: "Interaction has already been acknowledged."}
	errOthersMessage = &apiError{status: 403, code: 50005, msg: "Cannot edit a message authored by another user"}
	errTooOld        = &apiError{status: 400, code: 50034, msg: "You can only bulk delete messages that are under 14 days old."}
)

// messageBody is the JSON of a message create/edit, an interaction
// response's data or a webhook execute.
type messageBody struct {
	Content          *string           `json:"content"`
	Embeds           *[]Embed          `json:"embeds"`
	Components       json.RawMessage   `json:"components"`
	AllowedMentions  *AllowedMentions  `json:"allowed_mentions"`
	MessageReference *MessageReference `json:"message_reference"`
	Flags            *int              `json:"flags"`
	TTS              bool              `json:"tts"`
	StickerIDs       []string          `json:"sticker_ids"`
	Attachments      json.RawMessage   `json:"attachments"`
	Poll             json.RawMessage   `json:"poll"`
	Nonce            json.RawMessage   `json:"nonce"`
	EnforceNonce     bool              `json:"enforce_nonce"`
}

func present(raw json.RawMessage) bool { return len(raw) > 0 && string(raw) != "null" }

// apply merges the body into d (an edit keeps what the body leaves out).
func (b *messageBody) apply(d *MessageData, raw *json.RawMessage) error {
	if b.Content != nil {
		d.Content = *b.Content
	}
	if b.Embeds != nil {
		d.Embeds = slices.Clone(*b.Embeds)
	}
	if present(b.Components) {
		var cs []Component
		if err := json.Unmarshal(b.Components, &cs); err != nil {
			return err
		}
		d.Components, *raw = cs, slices.Clone(b.Components)
	} else if b.Components != nil {
		d.Components, *raw = nil, nil
	}
	if b.AllowedMentions != nil {
		d.AllowedMentions = b.AllowedMentions
	}
	if b.MessageReference != nil {
		d.MessageReference = b.MessageReference
	}
	if b.Flags != nil {
		d.Flags = *b.Flags
	}
	d.TTS = d.TTS || b.TTS
	if b.StickerIDs != nil {
		d.StickerIDs = b.StickerIDs
	}
	return nil
}

// validateMessage checks Discord's message limits; prefix is the path of
// the message object in the request ("data" for interaction responses).
func validateMessage(f formErrors, prefix []string, d *MessageData) {
	maxLen(f, at(prefix, "content"), d.Content, 2000)
	v2 := d.Flags&FlagComponentsV2 != 0
	if v2 && (d.Content != "" || len(d.Embeds) > 0) {
		f.add(at(prefix, "content"), "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
			"The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2")
	}
	validateEmbeds(f, at(prefix, "embeds"), d.Embeds)
	validateComponents(f, at(prefix, "components"), d.Components, v2)
	if am := d.AllowedMentions; am != nil {
		p := at(prefix, "allowed_mentions")
		for i, x := range am.Parse {
			if x != "users" && x != "roles" && x != "everyone" {
				f.add(at(p, "parse", i), "BASE_TYPE_CHOICES", `Value must be one of ('roles', 'users', 'everyone').`)
			}
		}
		if slices.Contains(am.Parse, "users") && len(am.Users) > 0 {
			f.add(p, "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", `parse:["users"] and users: [ids...] are mutually exclusive.`)
		}
		if slices.Contains(am.Parse, "roles") && len(am.Roles) > 0 {
			f.add(p, "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", `parse:["roles"] and roles: [ids...] are mutually exclusive.`)
		}
		if len(am.Users) > 100 {
			f.add(at(p, "users"), "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
		}
		if len(am.Roles) > 100 {
			f.add(at(p, "roles"), "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
		}
	}
	if len(d.StickerIDs) > 3 {
		f.add(at(prefix, "sticker_ids"), "BASE_TYPE_MAX_LENGTH", "Must be 3 or fewer in length.")
	}
}

// empty reports a message with nothing to show (Discord's 50006).
func (d *MessageData) empty() bool {
	return d.Content == "" && len(d.Embeds) == 0 && len(d.Components) == 0 &&
		len(d.StickerIDs) == 0 && len(d.Attachments) == 0
}

func validateEmbeds(f formErrors, p []string, es []Embed) {
	if len(es) > 10 {
		f.add(p, "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
	}
	total := 0
	for i, e := range es {
		ep := at(p, i)
		maxLen(f, at(ep, "title"), e.Title, 256)
		maxLen(f, at(ep, "description"), e.Description, 4096)
		total += utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
		if len(e.Fields) > 25 {
			f.add(at(ep, "fields"), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		for j, fl := range e.Fields {
			fp := at(ep, "fields", j)
			if required(f, at(fp, "name"), fl.Name) {
				maxLen(f, at(fp, "name"), fl.Name, 256)
			}
			if required(f, at(fp, "value"), fl.Value) {
				maxLen(f, at(fp, "value"), fl.Value, 1024)
			}
			total += utf8.RuneCountInString(fl.Name) + utf8.RuneCountInString(fl.Value)
		}
		if e.Footer != nil {
			maxLen(f, at(ep, "footer", "text"), e.Footer.Text, 2048)
			total += utf8.RuneCountInString(e.Footer.Text)
		}
		if e.Author != nil {
			maxLen(f, at(ep, "author", "name"), e.Author.Name, 256)
			total += utf8.RuneCountInString(e.Author.Name)
		}
	}
	if total > 6000 {
		f.add(p, "BASE_TYPE_MAX_LENGTH", "Embed size exceeds maximum size of 6000")
	}
}

func isSelect(t int) bool { return t == 3 || (t >= 5 && t <= 8) }

func validateComponents(f formErrors, p []string, cs []Component, v2 bool) {
	seen := map[string]bool{}
	if v2 {
		if n := countComponents(cs); n > 40 {
			f.add(p, "BASE_TYPE_MAX_LENGTH", "Must be 40 or fewer in total.")
		}
		var walk func([]string, []Component)
		walk = func(p []string, cs []Component) {
			for i, c := range cs {
				cp := at(p, i)
				if c.Type == 2 || isSelect(c.Type) {
					validateInteractive(f, cp, c, seen)
				}
				walk(at(cp, "components"), c.Components)
			}
		}
		walk(p, cs)
		return
	}
	if len(cs) > 5 {
		f.add(p, "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
	}
	for i, row := range cs {
		rp := at(p, i)
		if row.Type != 1 {
			f.add(at(rp, "type"), "UNION_TYPE_CHOICES", `Value of field "type" must be one of (1,).`)
			continue
		}
		kp := at(rp, "components")
		switch n := len(row.Components); {
		case n == 0:
			f.add(kp, "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.")
		case n > 5:
			f.add(kp, "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
		}
		selects := 0
		for j, c := range row.Components {
			cp := at(kp, j)
			switch {
			case c.Type == 2 || isSelect(c.Type):
				validateInteractive(f, cp, c, seen)
				if isSelect(c.Type) {
					selects++
				}
			default:
				f.add(at(cp, "type"), "UNION_TYPE_CHOICES", `Value of field "type" must be one of (2, 3, 5, 6, 7, 8).`)
			}
		}
		if selects > 0 && len(row.Components) > 1 {
			f.add(kp, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width")
		}
	}
}

func countComponents(cs []Component) int {
	n := len(cs)
	for _, c := range cs {
		n += countComponents(c.Components)
	}
	return n
}

// validateInteractive checks a button or select menu.
func validateInteractive(f formErrors, p []string, c Component, seen map[string]bool) {
	if c.CustomID != "" {
		maxLen(f, at(p, "custom_id"), c.CustomID, 100)
		if seen[c.CustomID] {
			f.add(at(p, "custom_id"), "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated")
		}
		seen[c.CustomID] = true
	}
	if c.Type == 2 {
		switch {
		case c.Style < 1 || c.Style > 6:
			f.add(at(p, "style"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6}.")
		case c.Style == 5:
			required(f, at(p, "url"), c.URL)
			if c.CustomID != "" {
				f.add(at(p, "custom_id"), "BUTTON_COMPONENT_CUSTOM_ID_AND_URL_MUTUALLY_EXCLUSIVE", "A custom id and url cannot both be specified")
			}
		case c.Style != 6:
			required(f, at(p, "custom_id"), c.CustomID)
			if c.URL != "" {
				f.add(at(p, "url"), "BUTTON_COMPONENT_URL_REQUIRES_LINK_STYLE", "A url can only be specified for link buttons")
			}
		}
		maxLen(f, at(p, "label"), c.Label, 80)
		if c.Label == "" && c.Emoji == nil && c.Style != 6 {
			f.add(at(p, "label"), "BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED", "A label or emoji must be specified")
		}
		return
	}
	required(f, at(p, "custom_id"), c.CustomID)
	maxLen(f, at(p, "placeholder"), c.Placeholder, 150)
	if c.MaxValues > 25 {
		f.add(at(p, "max_values"), "NUMBER_TYPE_MAX", "int value should be less than or equal to 25.")
	}
	if c.Type == 3 {
		switch n := len(c.Options); {
		case n == 0:
			f.add(at(p, "options"), "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.")
		case n > 25:
			f.add(at(p, "options"), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		for k, o := range c.Options {
			op := at(p, "options", k)
			badLen(f, at(op, "label"), o.Label, 1, 100)
			badLen(f, at(op, "value"), o.Value, 1, 100)
			maxLen(f, at(op, "description"), o.Description, 100)
		}
	}
}

// ---- application commands ----

var commandName = regexp.MustCompile(`^[-_\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// locales are Discord's supported locales (keys of *_localizations).
var locales = map[string]bool{
	"id": true, "da": true, "de": true, "en-GB": true, "en-US": true, "es-ES": true, "es-419": true,
	"fr": true, "hr": true, "it": true, "lt": true, "hu": true, "nl": true, "no": true, "pl": true,
	"pt-BR": true, "ro": true, "fi": true, "sv-SE": true, "vi": true, "tr": true, "cs": true, "el": true,
	"bg": true, "ru": true, "uk": true, "hi": true, "th": true, "zh-CN": true, "ja": true, "zh-TW": true,
	"ko": true,
}

// commandBody is one command of a create or bulk overwrite.
type commandBody struct {
	Type                     int               `json:"type"`
	Name                     string            `json:"name"`
	Description              string            `json:"description"`
	NameLocalizations        map[string]string `json:"name_localizations"`
	DescriptionLocalizations map[string]string `json:"description_localizations"`
	DefaultMemberPermissions json.RawMessage   `json:"default_member_permissions"`
	DMPermission             *bool             `json:"dm_permission"`
	Options                  []CommandOption   `json:"options"`
}

func validName(name string, chat bool) bool {
	if !chat {
		n := utf8.RuneCountInString(name)
		return n >= 1 && n <= 32
	}
	return commandName.MatchString(name) && strings.ToLower(name) == name
}

func validateLocalizations(f formErrors, p []string, m map[string]string, name bool, chat bool) {
	for k, v := range m {
		kp := at(p, k)
		if !locales[k] {
			f.add(kp, "LOCALE_INVALID", "Invalid locale")
			continue
		}
		if name && !validName(v, chat) {
			f.add(kp, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
		}
		if !name {
			badLen(f, kp, v, 1, 100)
		}
	}
}

// validateCommand checks a command the way Discord does on create and bulk
// overwrite; p is its path ("0" in a bulk overwrite).
func validateCommand(f formErrors, p []string, c *commandBody) {
	if c.Type == 0 {
		c.Type = 1
	}
	chat := c.Type == 1
	if c.Type < 1 || c.Type > 4 {
		f.add(at(p, "type"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4}.")
		return
	}
	if !validName(c.Name, chat) {
		f.add(at(p, "name"), "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
	}
	validateLocalizations(f, at(p, "name_localizations"), c.NameLocalizations, true, chat)
	if chat {
		badLen(f, at(p, "description"), c.Description, 1, 100)
		validateLocalizations(f, at(p, "description_localizations"), c.DescriptionLocalizations, false, chat)
		validateOptions(f, at(p, "options"), c.Options, 0)
	} else if len(c.Options) > 0 {
		f.add(at(p, "options"), "APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED", "Context menu commands cannot have options")
	}
	if size := commandSize(longest(c.Name, c.NameLocalizations), longest(c.Description, c.DescriptionLocalizations), c.Options); size > 4000 {
		f.add(p, "APPLICATION_COMMAND_TOO_LARGE", "Command exceeds maximum size (4000)")
	}
}

// commandSize counts a command's characters toward Discord's 4000; where
// a field is localized, only its longest version counts (Discord's rule).
func commandSize(name, desc int, opts []CommandOption) int {
	n := name + desc
	for _, o := range opts {
		n += commandSize(longest(o.Name, o.NameLocalizations), longest(o.Description, o.DescriptionLocalizations), o.Options)
		for _, ch := range o.Choices {
			n += longest(ch.Name, ch.NameLocalizations)
			if s, ok := ch.Value.(string); ok {
				n += utf8.RuneCountInString(s)
			}
		}
	}
	return n
}

// longest is the length in runes of the longest of s and its localizations.
func longest(s string, m map[string]string) int {
	n := utf8.RuneCountInString(s)
	for _, v := range m {
		n = max(n, utf8.RuneCountInString(v))
	}
	return n
}

// validateLocalizedNames checks that options on one level keep distinct
// names in every locale: an option's name there is its localization, or
// its name when it has none.
func validateLocalizedNames(f formErrors, p []string, opts []CommandOption) {
	locs := map[string]bool{}
	for _, o := range opts {
		for l := range o.NameLocalizations {
			locs[l] = true
		}
	}
	for l := range locs {
		seen := map[string]bool{}
		for i, o := range opts {
			n := o.Name
			if v, ok := o.NameLocalizations[l]; ok {
				n = v
			}
			if seen[n] {
				f.add(at(p, i, "name_localizations", l), "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique")
			}
			seen[n] = true
		}
	}
}

// validateOptions checks one level of options; depth 0 is the command's own.
func validateOptions(f formErrors, p []string, opts []CommandOption, depth int) {
	if len(opts) > 25 {
		f.add(p, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
	}
	subs, optional := 0, false
	names := map[string]bool{}
	for i, o := range opts {
		op := at(p, i)
		if o.Type < 1 || o.Type > 11 {
			f.add(at(op, "type"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.")
			continue
		}
		if !validName(o.Name, true) {
			f.add(at(op, "name"), "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
		}
		if names[o.Name] {
			f.add(at(op, "name"), "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique")
		}
		names[o.Name] = true
		badLen(f, at(op, "description"), o.Description, 1, 100)
		validateLocalizations(f, at(op, "name_localizations"), o.NameLocalizations, true, true)
		validateLocalizations(f, at(op, "description_localizations"), o.DescriptionLocalizations, false, true)
		switch o.Type {
		case OptSubCommandGroup:
			subs++
			if depth > 0 {
				f.add(at(op, "type"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-command groups can only be nested in commands")
			}
			for j, so := range o.Options {
				if so.Type != OptSubCommand {
					f.add(at(op, "options", j, "type"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-command groups can only contain sub-commands")
				}
			}
			validateOptions(f, at(op, "options"), o.Options, depth+1)
		case OptSubCommand:
			subs++
			if depth > 1 {
				f.add(at(op, "type"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-commands can only be nested in commands or groups")
			}
			for j, so := range o.Options {
				if so.Type == OptSubCommand || so.Type == OptSubCommandGroup {
					f.add(at(op, "options", j, "type"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-commands cannot contain sub-commands")
				}
			}
			validateOptions(f, at(op, "options"), o.Options, 2)
		default:
			if len(o.Options) > 0 {
				f.add(at(op, "options"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Only sub-commands and groups can have options")
			}
			if o.Required && optional {
				f.add(at(op, "required"), "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options")
			}
			if !o.Required {
				optional = true
			}
			validateChoices(f, op, o)
		}
	}
	validateLocalizedNames(f, p, opts)
	if subs > 0 && subs != len(opts) {
		f.add(p, "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-command and sub-command group option types are mutually exclusive to all other types")
	}
}

func validateChoices(f formErrors, op []string, o CommandOption) {
	if len(o.Choices) == 0 {
		return
	}
	cp := at(op, "choices")
	if o.Type != OptString && o.Type != OptInteger && o.Type != OptNumber {
		f.add(cp, "APPLICATION_COMMAND_OPTION_CHOICES_NOT_ALLOWED", "Choices are only allowed for string, integer and number options")
		return
	}
	if o.Autocomplete {
		f.add(at(op, "autocomplete"), "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID", "Autocomplete and choices are mutually exclusive")
	}
	if len(o.Choices) > 25 {
		f.add(cp, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
	}
	for k, ch := range o.Choices {
		kp := at(cp, k)
		badLen(f, at(kp, "name"), ch.Name, 1, 100)
		validateLocalizations(f, at(kp, "name_localizations"), ch.NameLocalizations, false, true)
		switch v := ch.Value.(type) {
		case string:
			if o.Type != OptString {
				f.add(at(kp, "value"), "NUMBER_TYPE_COERCE", fmt.Sprintf("Value %q is not int.", v))
			}
			badLen(f, at(kp, "value"), v, 1, 100)
		case float64:
			if o.Type == OptString {
				f.add(at(kp, "value"), "STRING_TYPE_CONVERT", "Could not interpret value as string.")
			} else if o.Type == OptInteger && v != float64(int64(v)) {
				f.add(at(kp, "value"), "NUMBER_TYPE_COERCE", fmt.Sprintf("Value \"%v\" is not int.", v))
			}
		default:
			f.add(at(kp, "value"), "BASE_TYPE_REQUIRED", "This field is required")
		}
	}
}
