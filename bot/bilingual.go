package bot

import "strings"

// A text written down for later, an audit record's detail, is read by
// moderators of either language: it is stored in both (Catalog.Both) and
// read in the reader's (TextIn). A text stored in one language, before
// this or from a platform's own error, reads as it was written.

// bothSep separates the Swedish and the English text of one stored text.
const bothSep = "\x1f"

// Both returns key formatted with args in Swedish and in English, as one
// string that TextIn reads in either language.
func (c *Catalog) Both(key string, args ...any) string {
	return c.T(LangSV, key, args...) + bothSep + c.T(LangEN, key, args...)
}

// BothN is Both for a counted message (Catalog.TN).
func (c *Catalog) BothN(key string, n int, args ...any) string {
	return c.Both(Plural(key, n), args...)
}

// Msg returns key's message as a Text, an argument read in the language
// of the message it is put in.
func (c *Catalog) Msg(key string) Text {
	return Text{SV: c.T(LangSV, key), EN: c.T(LangEN, key)}
}

// JoinBoth joins texts, each written by Both or in one language, with sep
// in each language, as one string that TextIn reads in either.
func JoinBoth(sep string, texts ...string) string {
	var sv, en []string
	for _, t := range texts {
		if t == "" {
			continue
		}
		sv, en = append(sv, TextIn(t, LangSV)), append(en, TextIn(t, LangEN))
	}
	if len(sv) == 0 {
		return ""
	}
	return strings.Join(sv, sep) + bothSep + strings.Join(en, sep)
}

// TextIn returns s in lang when it was written in both languages (Both),
// else s as it is.
func TextIn(s, lang string) string {
	sv, en, ok := strings.Cut(s, bothSep)
	if !ok {
		return s
	}
	if lang == LangEN {
		return en
	}
	return sv
}
