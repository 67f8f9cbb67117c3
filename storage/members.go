package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"passionbot/bot"
)

// SeenMember records that u was seen at t (creating the member on first
// sight, refreshing the display name and last-seen time after) and returns
// the stored facts: chosen locale, the language last written in, the
// language their client last stated and granted role. It implements
// bot.MemberStore.
func (d *DB) SeenMember(ctx context.Context, u bot.User, t time.Time) (bot.Member, error) {
	m := bot.Member{User: u}
	var locale, written, client string
	var role sql.NullString
	err := d.sql.QueryRowContext(ctx, `
INSERT INTO members (platform, user_id, display_name, first_seen, last_seen)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (platform, user_id) DO UPDATE SET
    display_name = CASE WHEN excluded.display_name = '' THEN display_name ELSE excluded.display_name END,
    last_seen = excluded.last_seen
RETURNING locale, written_lang, client_lang, (SELECT role FROM role_grants g WHERE g.platform = members.platform AND g.user_id = members.user_id)`,
		string(u.Platform), u.ID, u.Name, t.Unix(), t.Unix()).Scan(&locale, &written, &client, &role)
	if err != nil {
		return m, fmt.Errorf("record member %s: %w", u.Key(), d.explain(err))
	}
	m.Locale, m.Written, m.Client = locale, written, client
	if role.Valid {
		m.Granted, _ = bot.ParseRole(role.String)
	}
	return m, nil
}

// MemberRecord is a stored member row.
type MemberRecord struct {
	Platform    bot.Platform
	UserID      string
	DisplayName string
	Locale      string
	Written     string // the language they last wrote in (SetWrittenLang)
	Client      string // the language their client last stated (SetClientLang)
	FirstSeen   time.Time
	LastSeen    time.Time
}

// Member returns the stored member, or ErrNotFound.
func (d *DB) Member(ctx context.Context, p bot.Platform, userID string) (MemberRecord, error) {
	r := MemberRecord{Platform: p, UserID: userID}
	var first, last int64
	err := d.sql.QueryRowContext(ctx,
		"SELECT display_name, locale, written_lang, client_lang, first_seen, last_seen FROM members WHERE platform = ? AND user_id = ?",
		string(p), userID).Scan(&r.DisplayName, &r.Locale, &r.Written, &r.Client, &first, &last)
	if isNoRows(err) {
		return r, ErrNotFound
	}
	if err != nil {
		return r, fmt.Errorf("read member: %w", d.explain(err))
	}
	r.FirstSeen, r.LastSeen = time.Unix(first, 0), time.Unix(last, 0)
	return r, nil
}

// SetLocale stores a member's chosen language ("" to clear it).
func (d *DB) SetLocale(ctx context.Context, u bot.User, locale string) error {
	if locale != "" && !bot.ValidLang(locale) {
		return fmt.Errorf("unknown locale %q", locale)
	}
	if _, err := d.SeenMember(ctx, u, d.now()); err != nil {
		return err
	}
	_, err := d.sql.ExecContext(ctx, "UPDATE members SET locale = ? WHERE platform = ? AND user_id = ?", locale, string(u.Platform), u.ID)
	if err != nil {
		return fmt.Errorf("set locale: %w", d.explain(err))
	}
	return nil
}

// SetWrittenLang stores the language u last wrote in ("" to clear it). A
// member not stored (forgotten meanwhile) is left so. It implements
// bot.WrittenLangStore.
func (d *DB) SetWrittenLang(ctx context.Context, u bot.User, lang string) error {
	return d.setMemberLang(ctx, u, "UPDATE members SET written_lang = ? WHERE platform = ? AND user_id = ?", "written", lang)
}

// SetClientLang stores the language u's console or client last stated
// ("" to clear it). A member not stored is left so. It implements
// bot.ClientLangStore.
func (d *DB) SetClientLang(ctx context.Context, u bot.User, lang string) error {
	return d.setMemberLang(ctx, u, "UPDATE members SET client_lang = ? WHERE platform = ? AND user_id = ?", "client", lang)
}

// setMemberLang runs update, a fixed statement that sets one of u's
// language columns, with lang ("" or a language the bot speaks); what
// names the column in the error.
func (d *DB) setMemberLang(ctx context.Context, u bot.User, update, what, lang string) error {
	if lang != "" && !bot.ValidLang(lang) {
		return fmt.Errorf("unknown language %q", lang)
	}
	if _, err := d.sql.ExecContext(ctx, update, lang, string(u.Platform), u.ID); err != nil {
		return fmt.Errorf("set %s language: %w", what, d.explain(err))
	}
	return nil
}

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
