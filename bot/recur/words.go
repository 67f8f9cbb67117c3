package recur

import (
	"passionbot/bot/when"
	"strconv"
	"strings"
	"time"
)

// The word lists are switch statements rather than maps so that the
// package holds no mutable state. Swedish words are also accepted without
// å, ä and ö, as people type them on foreign keyboards.

// weekday reads a weekday name in any form: "måndag", "måndagar",
// "måndagen", "mån", "monday", "mondays", "mon".
func weekday(w string) (time.Weekday, bool) {
	if d, ok := when.Weekday(w); ok {
		return d, true
	}
	for _, suffix := range []string{"arna", "ar", "en", "s"} {
		if stem, ok := strings.CutSuffix(w, suffix); ok {
			if d, ok := when.Weekday(stem); ok && len(stem) > 3 {
				return d, true
			}
		}
	}
	return 0, false
}

// monthName reads a month name or its abbreviation, Swedish or English.
func monthName(w string) (time.Month, bool) {
	switch w {
	case "januari", "january", "jan":
		return time.January, true
	case "februari", "february", "feb":
		return time.February, true
	case "mars", "march", "mar":
		return time.March, true
	case "april", "apr":
		return time.April, true
	case "maj", "may":
		return time.May, true
	case "juni", "june", "jun":
		return time.June, true
	case "juli", "july", "jul":
		return time.July, true
	case "augusti", "august", "aug":
		return time.August, true
	case "september", "sep", "sept":
		return time.September, true
	case "oktober", "october", "okt", "oct":
		return time.October, true
	case "november", "nov":
		return time.November, true
	case "december", "dec":
		return time.December, true
	}
	return 0, false
}

// ordinalWord reads "första", "first", "1st", "1:a", ... and "sista",
// "last" (-1).
func ordinalWord(w string) (int, bool) {
	switch w {
	case "första", "forsta", "first":
		return 1, true
	case "andra", "second":
		return 2, true
	case "tredje", "third":
		return 3, true
	case "fjärde", "fjarde", "fourth":
		return 4, true
	case "femte", "fifth":
		return 5, true
	case "sista", "last":
		return -1, true
	}
	if n, ok := numberWithSuffix(w); ok && n >= 1 && n <= 5 {
		return n, true
	}
	return 0, false
}

// numberWithSuffix reads a number written as an ordinal: "15:e", "15e",
// "1:a", "15th", "1st", "2nd", "3rd".
func numberWithSuffix(w string) (int, bool) {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 {
		return 0, false
	}
	switch w[i:] {
	case ":e", ":a", "e", "a", "th", "st", "nd", "rd":
	default:
		return 0, false
	}
	n, err := strconv.Atoi(w[:i])
	return n, err == nil
}

// number reads a plain number of one or two digits.
func number(w string) (int, bool) {
	if len(w) == 0 || len(w) > 2 {
		return 0, false
	}
	for i := range len(w) {
		if w[i] < '0' || w[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(w)
	return n, err == nil
}

// dayNumber reads a day of the month: "15", "15:e", "15th", and for the
// first days "första" ("första maj").
func dayNumber(w string) (int, bool) {
	if n, ok := number(w); ok {
		return n, true
	}
	if n, ok := numberWithSuffix(w); ok {
		return n, true
	}
	if n, ok := ordinalWord(w); ok && n > 0 {
		return n, true
	}
	return 0, false
}

func isConj(w string) bool { return w == "och" || w == "and" || w == "," || w == "samt" }

func isRangeWord(w string) bool {
	return w == "-" || w == "till" || w == "to" || w == "through" || w == "thru" || w == "until" || w == "tom"
}

func isWorkdayWord(w string) bool {
	switch w {
	case "vardag", "vardagar", "vardagen", "vardagarna", "weekday", "weekdays",
		"arbetsdag", "arbetsdagar", "arbetsdagen", "workday", "workdays", "weekdagar":
		return true
	}
	return false
}

func isWeekendWord(w string) bool {
	switch w {
	case "helg", "helger", "helgen", "helgerna", "weekend", "weekends", "veckoslut", "veckosluten":
		return true
	}
	return false
}

func isDayWord(w string) bool {
	switch w {
	case "dag", "dagar", "dagen", "day", "days":
		return true
	}
	return false
}

func isEveryWord(w string) bool {
	switch w {
	case "varje", "var", "alla", "every", "each", "varenda":
		return true
	}
	return false
}

// unitOf reads a unit word: "vecka" (weekly), "månad" (monthly), "år"
// (yearly), and the adverbs "dagligen", "weekly", "monthly", which also
// say "every".
func unitOf(w string) (u freq, adverb, ok bool) {
	switch w {
	case "dagligen", "daily":
		return daily, true, true
	case "vecka", "veckan", "veckor", "week", "weeks":
		return weekly, false, true
	case "veckovis", "weekly", "veckligen":
		return weekly, true, true
	case "månad", "manad", "månaden", "manaden", "månader", "månadens", "month", "months":
		return monthly, false, true
	case "månatligen", "månadsvis", "monthly":
		return monthly, true, true
	case "år", "året", "ar", "aret", "year", "years":
		return yearly, false, true
	case "årligen", "arligen", "årsvis", "yearly", "annually":
		return yearly, true, true
	}
	return 0, false, false
}

func isFiller(w string) bool {
	switch w {
	case "on", "på", "pa", "i", "in", "the", "of", "den", "det", "at", "och", "and", ",", "-",
		"om", "vid", "per", "a", "med":
		return true
	}
	return false
}

func isStartMarker(w string) bool {
	switch w {
	case "från", "fran", "from", "starting", "start", "starts", "startar", "börjar", "beginning", "since", "fr.o.m":
		return true
	}
	return false
}

func isNoon(w string) bool {
	switch w {
	case "noon", "midday", "lunch", "lunchtime", "lunchtid", "lunchen", "tolv":
		return true
	}
	return false
}

func isMidnight(w string) bool { return w == "midnatt" || w == "midnight" }

// meridiem reads "am"/"fm" ('a') and "pm"/"em" ('p').
func meridiem(w string) byte {
	switch w {
	case "am", "fm":
		return 'a'
	case "pm", "em":
		return 'p'
	}
	return 0
}
