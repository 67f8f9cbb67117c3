package recur

import (
	"errors"
	"strings"
	"testing"

	"passionbot/bot/scheduler"
)

func TestRefusals(t *testing.T) {
	loc := stockholm(t)
	now := at(t, loc, autumn)
	tests := []struct {
		phrase string
		kind   ErrorKind
		word   string
	}{
		{"", KindEmpty, ""},
		{strings.Repeat("varje dag ", 30), KindTooLong, ""},
		{"hej då", KindUnknownWord, "hej"},
		{"varje måndag kl 9 tack", KindUnknownWord, "tack"},
		{"kl 9", KindNoDay, ""},
		{"varje vecka", KindNoDay, ""},
		{"varannan vecka kl 9", KindNoDay, ""},
		{"varje dag kl 25", KindBadTime, "25"},
		{"every day at 9:75", KindBadTime, "9:75"},
		{"every day at 13pm", KindBadTime, "13pm"},
		{"varje måndag kl", KindBadTime, "kl"},
		{"den 32:e varje månad", KindBadDate, "32:e"},
		{"varje år den 30 februari", KindBadDate, "30 februari"},
		{"varannan tisdag från 31/11", KindBadDate, "31/11"},
		{"1 maj", KindOnce, ""},
		{"den 15:e", KindOnce, ""},
		{"varje dag varje måndag", KindConflict, ""},
		{"varje måndag kl 9 kl 10", KindConflict, ""},
		{"varannan vecka den 15:e", KindConflict, ""},
		{"0 25 * * *", KindCron, ""},
		{"@every 5m", KindCron, ""},
	}
	for _, tt := range tests {
		_, err := Parse(tt.phrase, loc, now)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) = %v, want an *Error", tt.phrase, err)
			continue
		}
		if e.Kind != tt.kind || e.Word != tt.word {
			t.Errorf("Parse(%q): kind %v word %q, want %v %q", tt.phrase, e.Kind, e.Word, tt.kind, tt.word)
		}
		if !IsError(err, tt.kind) || !strings.HasPrefix(e.Kind.Key(), "recur.") {
			t.Errorf("%q: IsError or Key wrong: %q", tt.phrase, e.Kind.Key())
		}
		sv, en := e.Message("sv"), e.Message("en")
		if !strings.Contains(sv, Examples("sv")[0]) || !strings.Contains(en, Examples("en")[0]) {
			t.Errorf("%q: no examples in %q / %q", tt.phrase, sv, en)
		}
		if tt.kind != KindCron && (strings.Contains(sv, "cron") || strings.Contains(en, "cron") || strings.Contains(en, "field")) {
			t.Errorf("%q: a cron lecture: %q", tt.phrase, en)
		}
	}
	_, err := Parse("0 25 * * *", loc, now)
	var se *scheduler.SpecError
	if !errors.As(err, &se) || se.Kind != scheduler.KindRange {
		t.Errorf("a bad cron spec should carry its *scheduler.SpecError, got %v", err)
	}
}

// TestRefusalTexts shows the whole refusal once in each language.
func TestRefusalTexts(t *testing.T) {
	_, err := Parse("varje tisdag kl 9 tack", stockholm(t), at(t, stockholm(t), autumn))
	var e *Error
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	want := map[string]string{
		"sv": "Jag förstår inte ”tack” i ett schema. Skriv till exempel: “varje måndag kl 9”, “vardagar kl. 08:30”, “varannan tisdag kl 18 från 1 december”, “första tisdagen i månaden kl 18.30”.",
		"en": "I don't understand “tack” in a schedule. Try for example: “every Monday at 9am”, “weekdays at 08:30”, “every other Tuesday at 6pm from 1 December”, “the first Tuesday of the month at 18:30”.",
	}
	for lang, w := range want {
		if got := e.Message(lang); got != w {
			t.Errorf("%s:\n got %s\nwant %s", lang, got, w)
		}
	}
}

// TestExamplesParse checks that every exported example is read, so the
// help never shows one that fails.
func TestExamplesParse(t *testing.T) {
	loc := stockholm(t)
	for _, lang := range []string{"sv", "en"} {
		for _, ex := range Examples(lang) {
			if _, err := Parse(ex, loc, at(t, loc, autumn)); err != nil {
				t.Errorf("example %q: %v", ex, err)
			}
		}
	}
}

func TestDescribe(t *testing.T) {
	loc := stockholm(t)
	now := at(t, loc, autumn)
	tests := []struct{ phrase, sv, en string }{
		{"varannan måndag kl 9", "varannan måndag kl. 09:00 — nästa: måndag 7 december", "every other Monday at 09:00 — next: Monday 7 December"},
		{"varje år den 1 maj", "varje år den 1 maj kl. 09:00 — nästa: lördag 1 maj 2027", "every year on 1 May at 09:00 — next: Saturday 1 May 2027"},
		{"0 9 * * 1", "varje måndag kl. 09:00 — nästa: måndag 7 december", "every Monday at 09:00 — next: Monday 7 December"},
		{"*/30 * * * *", "schemat `*/30 * * * *` — nästa: måndag 30 november kl. 10:30", "schedule `*/30 * * * *` — next: Monday 30 November at 10:30"},
		{"den 21:a och 22:a varje månad kl 8", "den 21:a och 22:a varje månad kl. 08:00 — nästa: måndag 21 december", "the 21st and 22nd of every month at 08:00 — next: Monday 21 December"},
	}
	for _, tt := range tests {
		r, err := Parse(tt.phrase, loc, now)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Describe("sv", now); got != tt.sv {
			t.Errorf("sv %q:\n got %s\nwant %s", tt.phrase, got, tt.sv)
		}
		if got := r.Describe("en", now); got != tt.en {
			t.Errorf("en %q:\n got %s\nwant %s", tt.phrase, got, tt.en)
		}
	}
	spring := at(t, loc, "2027-03-27 12:00")
	r, _ := Parse("varje dag kl 02:30", loc, spring)
	if got, want := r.Describe("sv", spring), "varje dag kl. 02:30 — nästa: söndag 28 mars kl. 03:00"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got := (Rule{}).Describe("en", now); got != "no schedule — never again" {
		t.Errorf("zero rule: %s", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, p := range phrases() {
		f.Add(p.text)
	}
	for _, s := range []string{"kl 9", "1/5 varje år", "varannan tisdag från 2026-12-01", "första gången 3 dec", "0 9 * * *", "RRULE:FREQ=DAILY"} {
		f.Add(s)
	}
	loc := stockholm(f)
	now := at(f, loc, autumn)
	f.Fuzz(func(t *testing.T, phrase string) {
		r, err := Parse(phrase, loc, now)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q): %T %v", phrase, err, err)
			}
			_ = e.Message("sv") + e.Message("en")
			return
		}
		_ = r.Describe("sv", now) + r.Describe("en", now)
		if n := r.Next(now); n.IsZero() || !n.After(now) {
			t.Fatalf("Parse(%q).Next = %v", phrase, n)
		}
		back, err := Load(r.Spec(), loc)
		if err != nil || back.Spec() != r.Spec() {
			t.Fatalf("Parse(%q): spec %q loads as %q, %v", phrase, r.Spec(), back.Spec(), err)
		}
	})
}
