package scheduler

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseValid(t *testing.T) {
	stockholm := mustLoad(t, "Europe/Stockholm")
	from := time.Date(2027, 1, 6, 12, 0, 0, 0, stockholm) // a Wednesday
	tests := []struct {
		spec     string
		wantText string
		wantNext string // first firing after from, in Stockholm
	}{
		{"0 9 * * 1", "0 9 * * 1", "2027-01-11 09:00 CET"},
		{"  30   9  *  *  mon-fri ", "30 9 * * mon-fri", "2027-01-07 09:30 CET"},
		{"0 12 1 jan,JUL *", "0 12 1 jan,JUL *", "2027-07-01 12:00 CEST"},
		{"*/15 * * * *", "*/15 * * * *", "2027-01-06 12:15 CET"},
		{"0 0 29 2 *", "0 0 29 2 *", "2028-02-29 00:00 CET"},
		{"0 9 31 4 1", "0 9 31 4 1", "2027-04-05 09:00 CEST"}, // April: the 31st (none) or a Monday
		{"@weekly", "@weekly", "2027-01-10 00:00 CET"},
		{"@Daily", "@daily", "2027-01-07 00:00 CET"},
		{"@midnight", "@midnight", "2027-01-07 00:00 CET"},
		{"@hourly", "@hourly", "2027-01-06 13:00 CET"},
		{"@monthly", "@monthly", "2027-02-01 00:00 CET"},
		{"@yearly", "@yearly", "2028-01-01 00:00 CET"},
		{"@annually", "@annually", "2028-01-01 00:00 CET"},
		{"CRON_TZ=America/New_York 0 9 * * *", "CRON_TZ=America/New_York 0 9 * * *", "2027-01-06 15:00 CET"},
		{"TZ=UTC 0 9 * * *", "CRON_TZ=UTC 0 9 * * *", "2027-01-07 10:00 CET"},
		{"CRON_TZ=Asia/Tokyo @daily", "CRON_TZ=Asia/Tokyo @daily", "2027-01-06 16:00 CET"},
	}
	for _, tt := range tests {
		s, err := Parse(tt.spec, stockholm)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.spec, err)
			continue
		}
		if got := s.(interface{ String() string }).String(); got != tt.wantText {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.spec, got, tt.wantText)
		}
		if got := s.Next(from).In(stockholm).Format("2006-01-02 15:04 MST"); got != tt.wantNext {
			t.Errorf("Parse(%q).Next(%v) = %s, want %s", tt.spec, from, got, tt.wantNext)
		}
	}
}

func TestParseNilLocationIsUTC(t *testing.T) {
	s, err := Parse("0 9 * * *", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := s.Next(time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC))
	if want := time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Next = %v, want %v", got, want)
	}
}

func TestParseInvalid(t *testing.T) {
	tests := []struct {
		spec      string
		kind      ErrorKind
		field     string
		min, max  int
		wantInMsg string
	}{
		{"61 * * * *", KindRange, "minute", 0, 59, `minute "61" is out of range (allowed 0-59)`},
		{"0 25 * * *", KindRange, "hour", 0, 23, `hour "25" is out of range (allowed 0-23)`},
		{"0 0 0 * *", KindRange, "day of month", 1, 31, "day of month"},
		{"0 0 * 13 *", KindRange, "month", 1, 12, "month"},
		{"0 0 * * 7", KindRange, "day of week", 0, 6, "allowed 0-6"},
		{"0 0-30 * * *", KindRange, "hour", 0, 23, "hour"},
		{"* * *", KindSyntax, "", 0, 0, "five fields"},
		{"* * * * * * *", KindSyntax, "", 0, 0, "five fields"},
		{"", KindSyntax, "", 0, 0, "empty"},
		{"   ", KindSyntax, "", 0, 0, "empty"},
		{strings.Repeat("* ", 2560), KindTooLong, "", 0, 0, "5120 bytes"},
		{strings.Repeat("1", 201), KindTooLong, "", 0, 0, "limit is 200"},
		{"x * * * *", KindSyntax, "minute", 0, 0, "minute"},
		{"*/0 * * * *", KindSyntax, "minute", 0, 0, "minute"},
		{"5-3 * * * *", KindSyntax, "minute", 0, 0, "minute"},
		{"0 9 * * mon-", KindSyntax, "day of week", 0, 0, "day of week"},
		{"0 TZ=UTC * * *", KindSyntax, "hour", 0, 0, "hour"},
		{"0 @daily * * *", KindSyntax, "hour", 0, 0, "hour"},
		{"0 9 * * 1;rm", KindSyntax, "day of week", 0, 0, "day of week"},
		{"@every 90m", KindUnsupported, "", 0, 0, "drift"},
		{"@every 1h", KindUnsupported, "", 0, 0, "@every"},
		{"@fortnightly", KindSyntax, "", 0, 0, "unknown descriptor"},
		{"@daily extra", KindSyntax, "", 0, 0, "unknown descriptor"},
		{"CRON_TZ=Mars/Olympus 0 9 * * *", KindTimeZone, "", 0, 0, `"Mars/Olympus"`},
		{"TZ=Local 0 9 * * *", KindTimeZone, "", 0, 0, "Local"},
		{"TZ=../../etc/passwd 0 9 * * *", KindTimeZone, "", 0, 0, "time zone"},
		{"CRON_TZ= 0 9 * * *", KindTimeZone, "", 0, 0, "time zone"},
		{"TZ=UTC", KindSyntax, "", 0, 0, "not a schedule"},
		{"CRON_TZ=UTC   ", KindSyntax, "", 0, 0, "not a schedule"},
		{"0 9 31 4 *", KindNever, "", 0, 0, "never"},
		{"0 9 30,31 2 *", KindNever, "", 0, 0, "never"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.spec, time.UTC)
		var se *SpecError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%.30q) = %v, want a *SpecError", tt.spec, err)
			continue
		}
		if se.Kind != tt.kind || se.Field != tt.field || se.Min != tt.min || se.Max != tt.max {
			t.Errorf("Parse(%.30q): kind %v field %q range %d-%d, want %v %q %d-%d (%v)",
				tt.spec, se.Kind, se.Field, se.Min, se.Max, tt.kind, tt.field, tt.min, tt.max, err)
		}
		msg := err.Error()
		if !strings.Contains(msg, tt.wantInMsg) {
			t.Errorf("Parse(%.30q) message %q does not mention %q", tt.spec, msg, tt.wantInMsg)
		}
		if strings.ContainsAny(msg, "\n\r") || len(msg) > 200 {
			t.Errorf("Parse(%.30q) message is not a short one-liner: %q", tt.spec, msg)
		}
	}
}

func TestSpecErrorUnwrap(t *testing.T) {
	_, err := Parse("CRON_TZ=Nowhere/Atall 0 9 * * *", time.UTC)
	var se *SpecError
	if !errors.As(err, &se) || se.Err == nil || !errors.Is(err, se.Err) {
		t.Fatalf("want a wrapped time zone error, got %#v", err)
	}
	if KindRange.String() != "range" || ErrorKind(99).String() != "ErrorKind(99)" {
		t.Errorf("ErrorKind.String: %q %q", KindRange, ErrorKind(99))
	}
}

func TestPreview(t *testing.T) {
	stockholm := mustLoad(t, "Europe/Stockholm")
	s, err := Parse("30 2 * * *", stockholm)
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2027, 3, 26, 12, 0, 0, 0, stockholm)
	var got []string
	for _, at := range Preview(s, from, 4) {
		got = append(got, at.Format("2006-01-02 15:04 MST"))
	}
	want := []string{
		"2027-03-27 02:30 CET",
		"2027-03-28 03:00 CEST", // 02:30 does not exist: right after the jump
		"2027-03-29 02:30 CEST",
		"2027-03-30 02:30 CEST",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Preview:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if p := Preview(s, from, 0); len(p) != 0 {
		t.Errorf("Preview(n=0) = %v", p)
	}
	leap, err := Parse("0 0 29 2 *", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if p := Preview(leap, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), 3); len(p) != 3 || p[2].Year() != 2036 {
		t.Errorf("leap-day Preview = %v", p)
	}
}

func TestSixFieldsWithSeconds(t *testing.T) {
	s, err := Parse("*/5 * * * * *", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2027, 1, 1, 10, 0, 1, 0, time.UTC)
	got := Preview(s, from, 3)
	want := []time.Time{from.Add(4 * time.Second), from.Add(9 * time.Second), from.Add(14 * time.Second)}
	for i := range want {
		if !got[i].Equal(want[i]) {
			t.Fatalf("Preview = %v, want %v", got, want)
		}
	}
	for _, bad := range []string{"61 * * * * *", "* * * * * * *"} {
		if _, err := Parse(bad, time.UTC); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
