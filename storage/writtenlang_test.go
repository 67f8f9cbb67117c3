package storage

import (
	"context"
	"testing"
	"time"

	"passionbot/bot"
)

// The language a member last wrote in is kept per member and platform,
// read back with the member, shown by the export and gone after deletion.
func TestWrittenLang(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
	kim := bot.User{Platform: bot.PlatformConsole, ID: "kim"}
	kimSlack := bot.User{Platform: bot.PlatformSlack, ID: "kim"}
	if m, err := db.SeenMember(ctx, kim, t0); err != nil || m.Written != "" {
		t.Fatalf("first sight: %+v, %v", m, err)
	}
	db.SeenMember(ctx, kimSlack, t0)
	if err := db.SetWrittenLang(ctx, kim, "en"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetWrittenLang(ctx, kim, "de"); err == nil {
		t.Fatal("language de accepted")
	}
	if m, _ := db.SeenMember(ctx, kim, t0.Add(time.Minute)); m.Written != "en" || m.Locale != "" {
		t.Fatalf("after writing English: %+v", m)
	}
	if m, _ := db.SeenMember(ctx, kimSlack, t0); m.Written != "" {
		t.Fatalf("another platform's member got it: %+v", m)
	}
	// A chosen language and the written one are apart.
	db.SetLocale(ctx, kim, "sv")
	if m, _ := db.SeenMember(ctx, kim, t0); m.Written != "en" || m.Locale != "sv" {
		t.Fatalf("after language sv: %+v", m)
	}
	out, err := db.ExportMember(ctx, kim)
	if err != nil || len(out["members"]) != 1 || out["members"][0]["written_lang"] != "en" {
		t.Fatalf("export members = %v, %v", out["members"], err)
	}
	if err := db.ForgetMember(ctx, kim); err != nil {
		t.Fatal(err)
	}
	if m, _ := db.SeenMember(ctx, kim, t0); m.Written != "" || m.Locale != "" {
		t.Fatalf("after deletion: %+v", m)
	}
	// A member forgotten meanwhile is not brought back.
	db.ForgetMember(ctx, kim)
	if err := db.SetWrittenLang(ctx, kim, "en"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Member(ctx, kim.Platform, kim.ID); err != ErrNotFound {
		t.Fatalf("forgotten member stored again: %v", err)
	}
}
