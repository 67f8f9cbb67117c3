package knowledge

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Topic is one language variant of a knowledge-base entry, parsed from a
// Markdown file with front matter (see ParseTopic).
type Topic struct {
	// ID names the topic, e.g. "passion-driven-economy". The sv and en
	// variants of a topic share it.
	ID string
	// Lang is "sv" or "en".
	Lang string
	// Title is the question or heading the topic answers.
	Title string
	// Body is the answer: 1–4 sentences of plain Markdown.
	Body string
	// Source is a short human-readable name of where the facts come from.
	Source string
	// Tags are synonyms and words members might use that are not already
	// in the title or body.
	Tags []string
	// Related lists the ids of up to three related topics.
	Related []string
	// Examples are questions members ask that this topic answers, in the
	// topic's language (chat style, fragments, typos): the index matches a
	// question against them as well as against the text. Organisers add
	// members' own questions with `faq link`.
	Examples []string
	// Leads are yes/no questions this topic answers with a plain "yes",
	// "no" or "it depends" before the body; they are examples too. A
	// yes/no question that matches one of them gets its lead (Result.Lead).
	Leads []Lead
	// Builtin is true for the topics embedded in the binary (Builtin) and
	// false for organiser-written ones (LoadDir).
	Builtin bool
}

// Lead is a yes/no question and the word its answer starts with.
type Lead struct {
	// Question is the yes/no question, as a member might ask it.
	Question string
	// Answer is LeadYes, LeadNo or LeadDepends.
	Answer string
}

// The answers of a Lead.
const (
	LeadYes     = "yes"
	LeadNo      = "no"
	LeadDepends = "depends"
)

// listKeys are the front-matter keys whose value is a block list: the key
// alone on its line, then one "- item" per line.
var listKeys = map[string]string{"examples": "", "yes": LeadYes, "no": LeadNo, "depends": LeadDepends}

// ParseTopic parses one topic file:
//
//	---
//	id: passion-driven-economy
//	lang: sv
//	title: Vad är passionsdriven ekonomi?
//	tags: passionsekonomi, passionsdrivet företagande
//	related: three-principles, passion-vs-market
//	source: Region Halland / VIAkub Halland
//	examples:
//	- vad menas med passionsdriven ekonomi
//	- passionsekonomi?? förklara
//	no:
//	- handlar passionsdriven ekonomi om att tjäna pengar?
//	---
//	Answer body, 1–4 sentences of Markdown.
//
// id, lang and title are required, tags, related, source, examples and
// the yes/no leads (yes, no, depends) optional; examples and leads are
// block lists, one "- question" per line;
// lang is "sv" or "en"; ids are lower-case letters, digits and hyphens.
// When the base name of name has the form <id>.<lang>.md, the front
// matter must agree with it. Blank lines in the front matter are allowed,
// a UTF-8 byte-order mark and CRLF line ends are accepted.
//
// Errors are *FileError naming the file and line, e.g.
// `kb/x.sv.md:3: unknown key "foo"`.
func ParseTopic(name string, data []byte) (Topic, error) {
	var t Topic
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	lines := strings.Split(string(data), "\n")
	for i := range lines {
		lines[i] = strings.TrimSuffix(lines[i], "\r")
	}
	errf := func(line int, format string, args ...any) (Topic, error) {
		return Topic{}, &FileError{Name: name, Line: line, Err: fmt.Errorf(format, args...)}
	}
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return errf(1, "missing front matter: first line must be ---")
	}
	keyLine := map[string]int{}
	closing := 0
	listKey := "" // the block list being read
	for i := 1; i < len(lines); i++ {
		ln := i + 1
		line := strings.TrimSpace(lines[i])
		if line == "---" {
			closing = ln
			break
		}
		if line == "" {
			continue
		}
		if item, ok := strings.CutPrefix(line, "- "); ok && listKey != "" {
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			if listKey == "examples" {
				t.Examples = append(t.Examples, item)
			} else {
				t.Leads = append(t.Leads, Lead{Question: item, Answer: listKeys[listKey]})
			}
			continue
		}
		listKey = ""
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			if !hasClosing(lines[i:]) {
				return errf(1, "front matter is not closed with ---")
			}
			return errf(ln, "expected \"key: value\", got %q", clip(line))
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		if _, dup := keyLine[key]; dup {
			return errf(ln, "duplicate key %q", key)
		}
		switch key {
		case "id":
			if !validID(val) {
				return errf(ln, "bad id %q (want lower-case letters, digits and hyphens)", clip(val))
			}
			t.ID = val
		case "lang":
			if val != "sv" && val != "en" {
				return errf(ln, "bad lang %q (want sv or en)", clip(val))
			}
			t.Lang = val
		case "title":
			t.Title = val
		case "tags":
			t.Tags = splitList(val)
		case "related":
			t.Related = splitList(val)
			for _, r := range t.Related {
				if !validID(r) {
					return errf(ln, "bad related id %q", clip(r))
				}
			}
		case "source":
			t.Source = val
		case "examples", "yes", "no", "depends":
			if val != "" {
				return errf(ln, "%s: put each question on its own line as \"- question\"", key)
			}
			listKey = key
		default:
			return errf(ln, "unknown key %q", clip(key))
		}
		keyLine[key] = ln
	}
	if closing == 0 {
		return errf(1, "front matter is not closed with ---")
	}
	for _, k := range []string{"id", "lang", "title"} {
		if _, ok := keyLine[k]; !ok {
			return errf(closing, "missing key %q", k)
		}
	}
	if t.Title == "" {
		return errf(keyLine["title"], "empty title")
	}
	t.Body = strings.TrimSpace(strings.Join(lines[closing:], "\n"))
	if t.Body == "" {
		return errf(closing, "empty body")
	}
	base := path.Base(filepath.ToSlash(name))
	for _, l := range []string{"sv", "en"} {
		if fileID, ok := strings.CutSuffix(base, "."+l+".md"); ok {
			if fileID != t.ID {
				return errf(keyLine["id"], "id %q does not match file name %q", t.ID, base)
			}
			if l != t.Lang {
				return errf(keyLine["lang"], "lang %q does not match file name %q", t.Lang, base)
			}
		}
	}
	return t, nil
}

func hasClosing(lines []string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) == "---" {
			return true
		}
	}
	return false
}

// clip shortens s for error messages.
func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max]) + "…"
}

func validID(s string) bool {
	if s == "" || len(s) > 100 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// splitList splits a comma-separated value, trimming items and dropping
// empty ones and duplicates.
func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		s = strings.TrimSpace(s)
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

var builtinOnce = sync.OnceValues(func() ([]Topic, error) {
	entries, err := builtinFS.ReadDir("kb")
	if err != nil {
		return nil, err
	}
	var (
		topics []Topic
		errs   []error
	)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		name := "kb/" + e.Name()
		data, err := builtinFS.ReadFile(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t, err := ParseTopic(name, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t.Builtin = true
		topics = append(topics, t)
	}
	return topics, errors.Join(errs...)
})

// Builtin returns the built-in topics embedded from kb/*.md, with Builtin
// set, sorted by file name. The files are parsed once; each call returns
// a fresh slice (the Tags and Related slices are shared and must not be
// modified). A non-nil error lists the malformed files; the good topics
// are returned with it.
func Builtin() ([]Topic, error) {
	topics, err := builtinOnce()
	return slices.Clone(topics), err
}
