package bot

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Languages the bot speaks, Swedish first.
const (
	LangSV = "sv"
	LangEN = "en"
)

// ValidLang reports whether l is a language the bot speaks.
func ValidLang(l string) bool { return l == LangSV || l == LangEN }

// Text is one user-facing string in both languages.
type Text struct {
	SV, EN string
}

// In returns the text in lang (Swedish unless lang is "en").
func (t Text) In(lang string) string {
	if lang == LangEN {
		return t.EN
	}
	return t.SV
}

// Messages maps message keys to their texts. Values may hold fmt verbs.
type Messages map[string]Text

// Catalog holds every user-facing message. It is built once and only read
// afterwards, so it is safe for concurrent use.
type Catalog struct {
	msgs Messages
}

// NewCatalog returns the core messages merged with extra sets (one per
// feature package). A key defined twice is an error.
func NewCatalog(extra ...Messages) (*Catalog, error) {
	c := &Catalog{msgs: Messages{}}
	if err := c.Add(append([]Messages{coreMessages()}, extra...)...); err != nil {
		return nil, err
	}
	return c, nil
}

// Add adds message sets (a feature's) while the catalog is being built,
// before anything reads it. A key defined twice is an error.
func (c *Catalog) Add(sets ...Messages) error {
	for _, set := range sets {
		for k, v := range set {
			if _, dup := c.msgs[k]; dup {
				return fmt.Errorf("message key %q defined twice", k)
			}
			c.msgs[k] = v
		}
	}
	return nil
}

// T returns the message key in lang, formatted with args. A missing key is
// returned as "[[key]]" so that tests see it.
func (c *Catalog) T(lang, key string, args ...any) string {
	t, ok := c.msgs[key]
	if !ok {
		return "[[" + key + "]]"
	}
	s := t.In(lang)
	if len(args) > 0 {
		s = fmt.Sprintf(s, localize(lang, args)...)
	}
	return s
}

// Plural forms: a counted message is two keys, key+PluralOne (used when the
// count is 1) and key+PluralOther (every other count, 0 included), in both
// languages: "1 medlem"/"2 medlemmar", "1 channel"/"2 channels". Swedish and
// English share this rule, so two forms are all either needs.
const (
	PluralOne   = ".one"
	PluralOther = ".other"
)

// Plural returns the key of key's plural form for count n: key.one when n
// is 1 or -1, else key.other. Refusals with a count use it for their key.
func Plural(key string, n int) string {
	if n == 1 || n == -1 {
		return key + PluralOne
	}
	return key + PluralOther
}

// TN returns the plural form of key for count n in lang, formatted with
// args (which hold n where the message shows it): key.one when n is 1 or
// -1, else key.other.
func (c *Catalog) TN(lang, key string, n int, args ...any) string {
	return c.T(lang, Plural(key, n), args...)
}

// localize returns args with every Text in lang: a message argument that
// is itself language-dependent (an argument's name, a list of choices) is
// passed as a Text and read in the message's language.
func localize(lang string, args []any) []any {
	var out []any
	for i, a := range args {
		t, ok := a.(Text)
		if !ok {
			continue
		}
		if out == nil {
			out = slices.Clone(args)
		}
		out[i] = t.In(lang)
	}
	if out == nil {
		return args
	}
	return out
}

// Keys returns all message keys, sorted.
func (c *Catalog) Keys() []string { return slices.Sorted(maps.Keys(c.msgs)) }

// Check returns one error per message that is missing in a language or whose
// fmt verbs differ between the languages.
func (m Messages) Check() []error {
	var errs []error
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if err := m[k].Check(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", k, err))
		}
		for _, pair := range [][2]string{{PluralOne, PluralOther}, {PluralOther, PluralOne}} {
			if base, ok := strings.CutSuffix(k, pair[0]); ok {
				if _, ok := m[base+pair[1]]; !ok {
					errs = append(errs, fmt.Errorf("%s: plural form %s%s is missing", k, base, pair[1]))
				}
			}
		}
	}
	return errs
}

// Check reports a text missing in one language or with different fmt verbs.
func (t Text) Check() error {
	switch {
	case strings.TrimSpace(t.SV) == "" && strings.TrimSpace(t.EN) == "":
		return fmt.Errorf("empty in both languages")
	case strings.TrimSpace(t.SV) == "":
		return fmt.Errorf("missing in Swedish")
	case strings.TrimSpace(t.EN) == "":
		return fmt.Errorf("missing in English")
	}
	if a, b := verbs(t.SV), verbs(t.EN); !slices.Equal(a, b) {
		return fmt.Errorf("fmt verbs differ: sv %v, en %v", a, b)
	}
	return nil
}

// verbs lists the fmt verbs in s, in order.
func verbs(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		if s[i] != '%' || i+1 >= len(s) {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte("+-# 0123456789.[]", s[j]) >= 0 {
			j++
		}
		if j < len(s) {
			if s[j] != '%' {
				out = append(out, s[i:j+1])
			}
			i = j
		}
	}
	return out
}

// Check returns the problems of every message in the catalog.
func (c *Catalog) Check() []error { return c.msgs.Check() }
