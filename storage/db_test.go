package storage

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestMigrateEmptyThenRerun(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	ms, err := Migrations()
	if err != nil || len(ms) == 0 {
		t.Fatalf("Migrations() = %v, %v", ms, err)
	}
	applied, err := db.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != len(ms) {
		t.Fatalf("applied %v on an empty file, want all %d", applied, len(ms))
	}
	again, err := db.Migrate(ctx)
	if err != nil || len(again) != 0 {
		t.Fatalf("re-run applied %v, %v; want nothing", again, err)
	}
	v, _ := db.Version(ctx)
	if v != ms[len(ms)-1].Version {
		t.Fatalf("version %d, want %d", v, ms[len(ms)-1].Version)
	}
	var mode string
	db.SQL().QueryRow("PRAGMA journal_mode").Scan(&mode)
	var fk int
	db.SQL().QueryRow("PRAGMA foreign_keys").Scan(&fk)
	if mode != "wal" || fk != 1 {
		t.Fatalf("journal_mode=%s foreign_keys=%d, want wal and 1", mode, fk)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	db.SQL().Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)")
	if _, err := db.Migrate(ctx); err == nil || !strings.Contains(err.Error(), "newer than this passionbot knows") {
		t.Fatalf("err = %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	_, err := Open(ctx, filepath.Join(dir, "missing", "p.db"))
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("missing folder: %v", err)
	}
	corrupt := filepath.Join(dir, "corrupt.db")
	os.WriteFile(corrupt, []byte(strings.Repeat("this is not a database ", 500)), 0o600)
	_, err = Open(ctx, corrupt)
	if err == nil || !strings.Contains(err.Error(), "not a valid SQLite file") {
		t.Fatalf("corrupt file: %v", err)
	}
	if os.Geteuid() != 0 { // root can write anywhere
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o500)
		if _, err := Open(ctx, filepath.Join(ro, "p.db")); err == nil || !(strings.Contains(err.Error(), "cannot be opened for writing") || strings.Contains(err.Error(), "cannot be created")) {
			t.Fatalf("unwritable folder: %v", err)
		}
	}
	if _, err := Open(ctx, ""); err == nil {
		t.Fatal("empty path accepted")
	}
}

func TestMembersAndGrants(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	db.Migrate(ctx)
	t0 := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
	kim := bot.User{Platform: bot.PlatformDiscord, ID: "123", Name: "Kim"}
	m, err := db.SeenMember(ctx, kim, t0)
	if err != nil || m.Locale != "" || m.Granted != bot.RoleMember {
		t.Fatalf("first sight: %+v, %v", m, err)
	}
	kim.Name = ""
	if _, err := db.SeenMember(ctx, kim, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	rec, err := db.Member(ctx, bot.PlatformDiscord, "123")
	if err != nil || rec.DisplayName != "Kim" || !rec.FirstSeen.Equal(t0) || !rec.LastSeen.Equal(t0.Add(time.Hour)) {
		t.Fatalf("member record %+v, %v", rec, err)
	}
	if err := db.SetLocale(ctx, kim, "en"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetLocale(ctx, kim, "de"); err == nil {
		t.Fatal("locale de accepted")
	}
	admin := bot.User{Platform: bot.PlatformDiscord, ID: "1"}
	if err := db.GrantRole(ctx, kim, bot.RoleModerator, admin); err != nil {
		t.Fatal(err)
	}
	m, _ = db.SeenMember(ctx, kim, t0)
	if m.Locale != "en" || m.Granted != bot.RoleModerator {
		t.Fatalf("after grant: %+v", m)
	}
	// Same id on another platform is another member.
	other, _ := db.SeenMember(ctx, bot.User{Platform: bot.PlatformSlack, ID: "123"}, t0)
	if other.Granted != bot.RoleMember {
		t.Fatal("grant leaked across platforms")
	}
	db.GrantRole(ctx, bot.User{Platform: bot.PlatformDiscord, ID: "050"}, bot.RoleAdmin, admin)
	gs, err := db.Grants(ctx, bot.PlatformDiscord)
	if err != nil || len(gs) != 2 || gs[0].User.ID != "050" || gs[1].Role != bot.RoleModerator || gs[1].GrantedBy != "discord:1" {
		t.Fatalf("grants = %+v, %v", gs, err)
	}
	if had, _ := db.RevokeRole(ctx, kim); !had {
		t.Fatal("revoke found no grant")
	}
	if had, _ := db.RevokeRole(ctx, kim); had {
		t.Fatal("second revoke found a grant")
	}
	if _, err := db.Member(ctx, bot.PlatformDiscord, "nobody"); err != ErrNotFound {
		t.Fatalf("unknown member: %v", err)
	}
}

func TestHostileValuesAreStoredVerbatim(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	db.Migrate(ctx)
	evil := bot.User{Platform: bot.PlatformConsole, ID: "x'); DROP TABLE members; --", Name: "Robert'); --"}
	if _, err := db.SeenMember(ctx, evil, time.Now()); err != nil {
		t.Fatal(err)
	}
	rec, err := db.Member(ctx, bot.PlatformConsole, evil.ID)
	if err != nil || rec.DisplayName != evil.Name {
		t.Fatalf("hostile id round trip: %+v, %v", rec, err)
	}
}

func TestPathsWithURICharacters(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, name := range []string{"a#b.db", "p%20q.db", "x?mode=ro.db", "mellan rum.db"} {
		db, err := Open(ctx, filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		db.Close()
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: the file has another name: %v", name, err)
		}
	}
}

// The database holds members' data: a new file and its WAL and shared-memory
// files are readable by the bot's user only, whatever the umask.
func TestNewDatabaseFilesArePrivate(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(p), err)
		}
		if mode := st.Mode().Perm(); mode != 0o600 {
			t.Errorf("%s has mode %o, want 600", filepath.Base(p), mode)
		}
	}
}
