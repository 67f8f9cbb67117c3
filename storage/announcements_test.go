package storage

import (
	"context"
	"errors"
	"testing"
	"time"

	"passionbot/bot"
)

func TestUpdateAnnouncementKeepsHistory(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	db.SetClock(func() time.Time { return now })
	a, err := db.CreateAnnouncement(ctx, Announcement{Spec: "0 9 * * 1", Text: "hej", CreatedBy: "console:olle",
		Targets: []Target{{Platform: bot.PlatformConsole, Channel: "a"}}})
	if err != nil {
		t.Fatal(err)
	}
	fired := now.Add(time.Hour)
	if err := db.RecordAnnouncementFire(ctx, a.ID, fired, "1/1"); err != nil {
		t.Fatal(err)
	}
	now = now.Add(2 * time.Hour)
	got, err := db.UpdateAnnouncement(ctx, Announcement{ID: a.ID, Spec: "RRULE:FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0", Text: "ny"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Spec != "RRULE:FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0" || got.Text != "ny" || !got.RevisedAt.Equal(now) ||
		!got.LastFire.Equal(fired) || got.LastResult != "1/1" || len(got.Targets) != 1 || got.Targets[0].Channel != "a" {
		t.Fatalf("after editing spec and text = %+v", got)
	}
	now = now.Add(time.Hour)
	got, err = db.UpdateAnnouncement(ctx, Announcement{ID: a.ID, Spec: got.Spec, Text: got.Text,
		Targets: []Target{{Platform: bot.PlatformConsole, Channel: "b"}, {Platform: bot.PlatformSlack, Channel: "C1"}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Targets) != 2 || got.Targets[0].Channel != "b" || got.Targets[1].Channel != "C1" || !got.RevisedAt.Equal(now) {
		t.Fatalf("after editing targets = %+v", got)
	}
	revs, err := db.AnnouncementRevisions(ctx, a.ID)
	if err != nil || len(revs) != 2 || revs[0].Spec != "0 9 * * 1" || revs[0].Text != "hej" || revs[1].Text != "ny" {
		t.Fatalf("revisions = %+v, %v", revs, err)
	}
	if _, err := db.UpdateAnnouncement(ctx, Announcement{ID: 99, Spec: "x", Text: "y"}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("editing a missing announcement: %v", err)
	}
	if err := db.DeleteAnnouncement(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if revs, err := db.AnnouncementRevisions(ctx, a.ID); err != nil || len(revs) != 0 {
		t.Fatalf("revisions left after removal: %+v, %v", revs, err)
	}
}
