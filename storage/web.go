package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"passionbot/bot"
)

// Signing in to the web dashboard: `dashboard` in chat stores a one-time
// link, the web adapter turns a used link into a session. Tokens and
// session ids travel only to the member (the link, the cookie); the
// database holds their SHA-256 (HashToken), so a copied file or backup
// signs no one in.

// WebSessionIdle is how long a web session lasts without being used: the
// dashboard's idle limit and what the nightly retention deletes after.
const WebSessionIdle = 12 * time.Hour

// seenEvery is how stale a session's seen_at may get before a use writes
// it again: most page views then only read.
const seenEvery = time.Minute

// ErrLinkInvalid is a sign-in link that is unknown, already used or expired.
var ErrLinkInvalid = errors.New("sign-in link unknown, used or expired")

// ErrNoSession is a web session that is unknown, ended or idle too long.
var ErrNoSession = errors.New("no such web session (unknown, ended or idle too long)")

// WebIdentity is who a sign-in link or session belongs to.
type WebIdentity struct {
	User bot.User // Platform, ID and Name only
	Lang string   // "sv" or "en"
}

// WebSession is a signed-in browser.
type WebSession struct {
	WebIdentity
	CSRF    string // the token every POST carries
	Created time.Time
	Seen    time.Time // last use, to the minute
}

// checkIdentity refuses what the tables' CHECKs would, in words.
func checkIdentity(id WebIdentity) error {
	if id.User.Platform == "" || id.User.ID == "" {
		return errors.New("web sign-in: no member")
	}
	if !bot.ValidLang(id.Lang) {
		return fmt.Errorf("web sign-in: language %q is neither sv nor en", id.Lang)
	}
	return nil
}

// CreateSignInLink stores a sign-in link for id, usable once until
// expires. The member is recorded as seen (they asked for the link).
func (d *DB) CreateSignInLink(ctx context.Context, tokenHash string, id WebIdentity, expires time.Time) error {
	if err := checkIdentity(id); err != nil {
		return err
	}
	now := d.now()
	if _, err := d.SeenMember(ctx, id.User, now); err != nil {
		return err
	}
	_, err := d.sql.ExecContext(ctx, `INSERT INTO web_links (token_hash, platform, user_id, name, lang, created_at, expires_at)
VALUES (?, ?, ?, ?, ?, ?, ?)`, tokenHash, string(id.User.Platform), id.User.ID, id.User.Name, id.Lang, now.Unix(), expires.Unix())
	if err != nil {
		return fmt.Errorf("create sign-in link: %w", d.explain(err))
	}
	return nil
}

// UseSignInLink marks the link used and returns whose it is. It is single
// use, atomically: one UPDATE claims it, so of two concurrent uses exactly
// one succeeds. A second use, an unknown or an expired link is
// ErrLinkInvalid.
func (d *DB) UseSignInLink(ctx context.Context, tokenHash string, now time.Time) (WebIdentity, error) {
	var id WebIdentity
	var platform string
	err := d.sql.QueryRowContext(ctx, `UPDATE web_links SET used_at = ?1
WHERE token_hash = ?2 AND used_at IS NULL AND expires_at > ?1
RETURNING platform, user_id, name, lang`, now.Unix(), tokenHash).Scan(&platform, &id.User.ID, &id.User.Name, &id.Lang)
	if isNoRows(err) {
		return id, ErrLinkInvalid
	}
	if err != nil {
		return id, fmt.Errorf("use sign-in link: %w", d.explain(err))
	}
	id.User.Platform = bot.Platform(platform)
	return id, nil
}

// SignInLink returns whose a link is while it can still be used, without
// using it (the sign-in page names the member before they click):
// ErrLinkInvalid when it is unknown, used or expired.
func (d *DB) SignInLink(ctx context.Context, tokenHash string, now time.Time) (WebIdentity, error) {
	var id WebIdentity
	var platform string
	err := d.sql.QueryRowContext(ctx, `SELECT platform, user_id, name, lang FROM web_links
WHERE token_hash = ?2 AND used_at IS NULL AND expires_at > ?1`, now.Unix(), tokenHash).Scan(&platform, &id.User.ID, &id.User.Name, &id.Lang)
	if isNoRows(err) {
		return id, ErrLinkInvalid
	}
	if err != nil {
		return id, fmt.Errorf("read sign-in link: %w", d.explain(err))
	}
	id.User.Platform = bot.Platform(platform)
	return id, nil
}

// CreateWebSession stores a session under the hash of its id. The member
// must still exist: a member forgotten since the link was used gets no
// session.
func (d *DB) CreateWebSession(ctx context.Context, idHash string, s WebSession) error {
	if err := checkIdentity(s.WebIdentity); err != nil {
		return err
	}
	seen := s.Seen
	if seen.IsZero() {
		seen = s.Created
	}
	_, err := d.sql.ExecContext(ctx, `INSERT INTO web_sessions (id_hash, platform, user_id, name, lang, csrf, created_at, seen_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, idHash, string(s.User.Platform), s.User.ID, s.User.Name, s.Lang, s.CSRF, s.Created.Unix(), seen.Unix())
	if err != nil {
		return fmt.Errorf("create web session: %w", d.explain(err))
	}
	return nil
}

// WebSession returns the session and records now as its last use when it
// was last used within idle; a session idle longer is deleted and
// ErrNoSession. To spare writes, seen_at is only updated when it is more
// than a minute old.
func (d *DB) WebSession(ctx context.Context, idHash string, now time.Time, idle time.Duration) (WebSession, error) {
	var s WebSession
	var platform string
	var created, seen int64
	err := d.sql.QueryRowContext(ctx, `SELECT platform, user_id, name, lang, csrf, created_at, seen_at
FROM web_sessions WHERE id_hash = ?`, idHash).Scan(&platform, &s.User.ID, &s.User.Name, &s.Lang, &s.CSRF, &created, &seen)
	if isNoRows(err) {
		return WebSession{}, ErrNoSession
	}
	if err != nil {
		return WebSession{}, fmt.Errorf("read web session: %w", d.explain(err))
	}
	s.User.Platform = bot.Platform(platform)
	s.Created, s.Seen = time.Unix(created, 0), time.Unix(seen, 0)
	if now.Sub(s.Seen) > idle {
		if err := d.EndWebSession(ctx, idHash); err != nil {
			return WebSession{}, err
		}
		return WebSession{}, ErrNoSession
	}
	if now.Sub(s.Seen) > seenEvery {
		// Only forward: a slower concurrent request does not move it back.
		if _, err := d.sql.ExecContext(ctx, "UPDATE web_sessions SET seen_at = ?1 WHERE id_hash = ?2 AND seen_at < ?1", now.Unix(), idHash); err != nil {
			return WebSession{}, fmt.Errorf("record web session use: %w", d.explain(err))
		}
		s.Seen = time.Unix(now.Unix(), 0)
	}
	return s, nil
}

// EndWebSession ends one session (sign out). Ending an unknown session is
// no error.
func (d *DB) EndWebSession(ctx context.Context, idHash string) error {
	if _, err := d.sql.ExecContext(ctx, "DELETE FROM web_sessions WHERE id_hash = ?", idHash); err != nil {
		return fmt.Errorf("end web session: %w", d.explain(err))
	}
	return nil
}

// EndWebSessions ends every session of u (sign out everywhere) and
// deletes their unused links, returning how many sessions ended. Like
// forgetting, it works on a full disk.
func (d *DB) EndWebSessions(ctx context.Context, u bot.User) (int, error) {
	var n int64
	err := d.deleting(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM web_sessions WHERE platform = ? AND user_id = ?", string(u.Platform), u.ID)
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM web_links WHERE platform = ? AND user_id = ? AND used_at IS NULL", string(u.Platform), u.ID)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("end web sessions of %s: %w", u.Key(), d.explain(err))
	}
	return int(n), nil
}

// SetWebSessionLang changes a session's language (the member's choice on
// the page). An unknown session is ErrNoSession.
func (d *DB) SetWebSessionLang(ctx context.Context, idHash, lang string) error {
	if !bot.ValidLang(lang) {
		return fmt.Errorf("web session: language %q is neither sv nor en", lang)
	}
	res, err := d.sql.ExecContext(ctx, "UPDATE web_sessions SET lang = ? WHERE id_hash = ?", lang, idHash)
	if err != nil {
		return fmt.Errorf("set web session language: %w", d.explain(err))
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNoSession
	}
	return nil
}

// PruneWeb deletes the sign-in links expired by now (used or not) and the
// sessions not used within idle before now, and returns how many rows it
// deleted (the nightly retention).
func (d *DB) PruneWeb(ctx context.Context, now time.Time, idle time.Duration) (int64, error) {
	var n int64
	err := d.deleting(ctx, func(tx *sql.Tx) error {
		for _, q := range []struct {
			sql string
			arg int64
		}{
			{"DELETE FROM web_links WHERE expires_at <= ?", now.Unix()},
			{"DELETE FROM web_sessions WHERE seen_at < ?", now.Add(-idle).Unix()},
		} {
			res, err := tx.ExecContext(ctx, q.sql, q.arg)
			if err != nil {
				return err
			}
			k, err := res.RowsAffected()
			if err != nil {
				return err
			}
			n += k
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("prune web sign-ins: %w", d.explain(err))
	}
	return n, nil
}
