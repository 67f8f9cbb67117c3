package scheduler

import (
	"slices"
	"testing"
	"time"

	"github.com/robfig/cron/v3"
)

// TestLibraryDST records what robfig/cron v3.0.1 does on its own across
// Europe/Stockholm's 2027 transitions, the behaviour this package corrects.
// If an upgrade changes it, revisit cronSchedule.Next.
func TestLibraryDST(t *testing.T) {
	stockholm := mustLoad(t, "Europe/Stockholm")
	tests := []struct {
		spec string
		day  time.Time
		want []string
	}{
		// Fixed time in the skipped hour: skipped.
		{"30 2 * * *", date(stockholm, 2027, 3, 28), nil},
		// Fixed time in the repeated hour: fired twice.
		{"30 2 * * *", date(stockholm, 2027, 10, 31), []string{"02:30 CEST", "02:30 CET"}},
		// Outside the transition: fine.
		{"30 1 * * *", date(stockholm, 2027, 3, 28), []string{"01:30 CET"}},
		{"30 3 * * *", date(stockholm, 2027, 10, 31), []string{"03:30 CET"}},
	}
	for _, tt := range tests {
		s, err := cron.ParseStandard("CRON_TZ=Europe/Stockholm " + tt.spec)
		if err != nil {
			t.Fatal(err)
		}
		got := firingsOn(s, tt.day)
		if !slices.Equal(got, tt.want) {
			t.Errorf("library %q on %s: got %v, want %v", tt.spec, tt.day.Format(time.DateOnly), got, tt.want)
		}
	}
	// Wildcard hours already follow elapsed time in the library.
	s, err := cron.ParseStandard("CRON_TZ=Europe/Stockholm 0 * * * *")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(firingsOn(s, date(stockholm, 2027, 3, 28))); n != 23 {
		t.Errorf("library hourly on spring day: %d firings, want 23", n)
	}
	if n := len(firingsOn(s, date(stockholm, 2027, 10, 31))); n != 25 {
		t.Errorf("library hourly on fall day: %d firings, want 25", n)
	}
}

// TestLibraryTZPrefixWithoutSpacePanics records why Parse reads the
// CRON_TZ= prefix itself: the library slices with the index of a space that
// is not there.
func TestLibraryTZPrefixWithoutSpacePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("library no longer panics on \"TZ=UTC\"; the guard in Parse may be relaxed")
		}
	}()
	_, _ = cron.ParseStandard("TZ=UTC")
}

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// date returns noon on the given day: unlike midnight, it always exists.
func date(loc *time.Location, y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 12, 0, 0, 0, loc)
}

// firingsOn lists s's firings on day's local date, as "15:04 MST". It
// does not rely on day being midnight, which may not exist.
func firingsOn(s Schedule, day time.Time) []string {
	loc := day.Location()
	want := day.Format(time.DateOnly)
	var out []string
	for at := s.Next(day.Add(-48 * time.Hour)); !at.IsZero(); at = s.Next(at) {
		d := at.In(loc).Format(time.DateOnly)
		if d > want {
			break
		}
		if d == want {
			out = append(out, at.In(loc).Format("15:04 MST"))
		}
	}
	return out
}
