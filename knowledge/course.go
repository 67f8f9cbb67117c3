package knowledge

import (
	_ "embed"
	"fmt"

	"github.com/BurntSushi/toml"
)

//go:embed course.toml
var courseTOML string

// Localized is a text in Swedish and English.
type Localized struct {
	SV string `toml:"sv"`
	EN string `toml:"en"`
}

// In returns the text in lang (Swedish unless lang is "en").
func (l Localized) In(lang string) string {
	if lang == "en" {
		return l.EN
	}
	return l.SV
}

// Lesson is one lesson of the learn course: a few lines, then a quiz.
type Lesson struct {
	ID     string     `toml:"id"`
	Topics []string   `toml:"topics"`
	Title  Localized  `toml:"title"`
	Text   Localized  `toml:"text"`
	Quiz   []QuizItem `toml:"quiz"`
}

// QuizItem is one multiple-choice question; Answer is the 1-based index of
// the correct option.
type QuizItem struct {
	Question Localized `toml:"question"`
	Options  struct {
		SV []string `toml:"sv"`
		EN []string `toml:"en"`
	} `toml:"options"`
	Answer  int       `toml:"answer"`
	Explain Localized `toml:"explain"`
}

// OptionsIn returns the options in lang.
func (q QuizItem) OptionsIn(lang string) []string {
	if lang == "en" {
		return q.Options.EN
	}
	return q.Options.SV
}

// Course returns the embedded learn course ("Utbilda!", the report's first
// recommendation): five lessons built on the knowledge base's topics, each
// with a three-question quiz, in Swedish and English.
func Course() ([]Lesson, error) {
	var c struct {
		Lesson []Lesson `toml:"lesson"`
	}
	md, err := toml.Decode(courseTOML, &c)
	if err != nil {
		return nil, fmt.Errorf("course.toml: %w", err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, fmt.Errorf("course.toml: unknown key %s", u[0])
	}
	for i, l := range c.Lesson {
		if l.Title.SV == "" || l.Title.EN == "" || l.Text.SV == "" || l.Text.EN == "" || len(l.Quiz) == 0 {
			return nil, fmt.Errorf("course.toml: lesson %d (%s) lacks a title, text or quiz in a language", i+1, l.ID)
		}
		for j, q := range l.Quiz {
			n := len(q.Options.SV)
			if n < 2 || n != len(q.Options.EN) || q.Answer < 1 || q.Answer > n || q.Question.SV == "" || q.Question.EN == "" {
				return nil, fmt.Errorf("course.toml: lesson %d question %d is malformed", i+1, j+1)
			}
		}
	}
	return c.Lesson, nil
}
