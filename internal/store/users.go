package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/herald-news/herald/internal/news"
)

const userCols = `id, email, name, role, password_hash, COALESCE(author_id, 0), created_at, disabled`

func scanUser(sc interface{ Scan(...any) error }, u *news.User) error {
	var role string
	if err := sc.Scan(&u.ID, &u.Email, &u.Name, &role, &u.PasswordHash, &u.AuthorID, timeScan{&u.CreatedAt}, &u.Disabled); err != nil {
		return err
	}
	u.Role = news.Role(role)
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// CreateUser validates and stores a new user and sets its ID.
func (s *Store) CreateUser(ctx context.Context, u *news.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	if u.CreatedAt.IsZero() {
		u.CreatedAt = time.Now().UTC()
	}
	err := s.db.QueryRowContext(ctx, s.q(`INSERT INTO users (email, name, role, password_hash, author_id, created_at, disabled)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		u.Email, u.Name, string(u.Role), u.PasswordHash, nullID(u.AuthorID), dbTime(u.CreatedAt), u.Disabled).Scan(&u.ID)
	return s.wrap(err, "create user %q", u.Email)
}

// UpdateUser saves a user's name, role, byline and disabled flag. Disabling a
// user or changing their role ends their sessions.
func (s *Store) UpdateUser(ctx context.Context, u *news.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var oldRole string
		var oldDisabled bool
		if err := tx.QueryRowContext(ctx, s.q(`SELECT role, disabled FROM users WHERE id = ?`), u.ID).Scan(&oldRole, &oldDisabled); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE users SET email = ?, name = ?, role = ?, author_id = ?, disabled = ? WHERE id = ?`),
			u.Email, u.Name, string(u.Role), nullID(u.AuthorID), u.Disabled, u.ID); err != nil {
			return err
		}
		if oldRole != string(u.Role) || (u.Disabled && !oldDisabled) {
			_, err := tx.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE user_id = ?`), u.ID)
			return err
		}
		return nil
	})
	return s.wrap(err, "update user %d", u.ID)
}

// SetPassword stores a new password hash and ends every session of the user.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE users SET password_hash = ? WHERE id = ?`), hash, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return sql.ErrNoRows
		}
		_, err = tx.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE user_id = ?`), userID)
		return err
	})
	return s.wrap(err, "user %d: set password", userID)
}

// UserByEmail loads a user by address, whatever its case.
func (s *Store) UserByEmail(ctx context.Context, email string) (*news.User, error) {
	var u news.User
	err := scanUser(s.db.QueryRowContext(ctx, s.q(`SELECT `+userCols+` FROM users WHERE email = ?`), news.NormalizeEmail(email)), &u)
	if err != nil {
		return nil, s.wrap(err, "user %q", email)
	}
	return &u, nil
}

// UserByID loads a user.
func (s *Store) UserByID(ctx context.Context, id int64) (*news.User, error) {
	var u news.User
	if err := scanUser(s.db.QueryRowContext(ctx, s.q(`SELECT `+userCols+` FROM users WHERE id = ?`), id), &u); err != nil {
		return nil, s.wrap(err, "user %d", id)
	}
	return &u, nil
}

// Users lists every user by name.
func (s *Store) Users(ctx context.Context) ([]news.User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+userCols+` FROM users ORDER BY name, id`)
	if err != nil {
		return nil, s.wrap(err, "users")
	}
	defer rows.Close()
	var out []news.User
	for rows.Next() {
		var u news.User
		if err := scanUser(rows, &u); err != nil {
			return nil, s.wrap(err, "users")
		}
		out = append(out, u)
	}
	return out, s.wrap(rows.Err(), "users")
}

// CountUsers reports how many users exist.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&n)
	return n, s.wrap(err, "count users")
}

// CreateFirstUser stores u only when there is no user yet, in one
// transaction, so two people racing through the setup page cannot both win.
func (s *Store) CreateFirstUser(ctx context.Context, u *news.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	u.CreatedAt = time.Now().UTC()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return news.ErrConflict
		}
		return tx.QueryRowContext(ctx, s.q(`INSERT INTO users (email, name, role, password_hash, author_id, created_at, disabled)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			u.Email, u.Name, string(u.Role), u.PasswordHash, nullID(u.AuthorID), dbTime(u.CreatedAt), false).Scan(&u.ID)
	})
	return s.wrap(err, "create first user")
}

// CreateSession stores a session by the hash of its token.
func (s *Store) CreateSession(ctx context.Context, userID int64, tokenHash string, expires time.Time) error {
	now := time.Now().UTC()
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO sessions (token_hash, user_id, created_at, expires_at, seen_at) VALUES (?, ?, ?, ?, ?)`),
		tokenHash, userID, dbTime(now), dbTime(expires), dbTime(now))
	return s.wrap(err, "create session")
}

// SessionUser loads the unexpired session with the token hash and its user.
// A disabled user has no session.
func (s *Store) SessionUser(ctx context.Context, tokenHash string, now time.Time) (*news.Session, *news.User, error) {
	var sess news.Session
	var u news.User
	var role string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT s.id, s.user_id, s.created_at, s.expires_at, s.seen_at,
			u.id, u.email, u.name, u.role, u.password_hash, COALESCE(u.author_id, 0), u.created_at, u.disabled
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = ? AND s.expires_at > ? AND NOT u.disabled`), tokenHash, dbTime(now)).
		Scan(&sess.ID, &sess.UserID, timeScan{&sess.CreatedAt}, timeScan{&sess.ExpiresAt}, timeScan{&sess.SeenAt},
			&u.ID, &u.Email, &u.Name, &role, &u.PasswordHash, &u.AuthorID, timeScan{&u.CreatedAt}, &u.Disabled)
	if err != nil {
		return nil, nil, s.wrap(err, "session")
	}
	u.Role = news.Role(role)
	return &sess, &u, nil
}

// TouchSession records that a session was used and moves its expiry.
func (s *Store) TouchSession(ctx context.Context, id int64, now, expires time.Time) error {
	_, err := s.db.ExecContext(ctx, s.q(`UPDATE sessions SET seen_at = ?, expires_at = ? WHERE id = ?`), dbTime(now), dbTime(expires), id)
	return s.wrap(err, "touch session %d", id)
}

// DeleteSession ends one session.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	_, err := s.db.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE token_hash = ?`), tokenHash)
	return s.wrap(err, "delete session")
}

// DeleteUserSessions ends every session of a user ("sign out everywhere").
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := s.db.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE user_id = ?`), userID)
	return s.wrap(err, "user %d: delete sessions", userID)
}

// PruneSessions deletes expired sessions and old sign-in failures.
func (s *Store) PruneSessions(ctx context.Context, now time.Time) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE expires_at <= ?`), dbTime(now)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.q(`DELETE FROM signin_failures WHERE created_at < ?`), dbTime(now.Add(-24*time.Hour)))
		return err
	})
	return s.wrap(err, "prune sessions")
}

// RecordSigninFailure counts one failed sign-in against each key.
func (s *Store) RecordSigninFailure(ctx context.Context, now time.Time, keys ...string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO signin_failures (key, created_at) VALUES (?, ?)`), k, dbTime(now)); err != nil {
				return err
			}
		}
		return nil
	})
	return s.wrap(err, "record sign-in failure")
}

// SigninFailures counts the failures against key since t.
func (s *Store) SigninFailures(ctx context.Context, key string, since time.Time) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM signin_failures WHERE key = ? AND created_at > ?`), key, dbTime(since)).Scan(&n)
	return n, s.wrap(err, "sign-in failures")
}

// ClearSigninFailures forgets the failures against key after a success.
func (s *Store) ClearSigninFailures(ctx context.Context, key string) error {
	_, err := s.db.ExecContext(ctx, s.q(`DELETE FROM signin_failures WHERE key = ?`), key)
	return s.wrap(err, "clear sign-in failures")
}

// AddAudit appends to the audit log.
func (s *Store) AddAudit(ctx context.Context, e news.AuditEntry) error {
	if e.CreatedAt.IsZero() {
		e.CreatedAt = time.Now().UTC()
	}
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO audit_log (user_id, action, target, detail, created_at) VALUES (?, ?, ?, ?, ?)`),
		nullID(e.UserID), e.Action, e.Target, e.Detail, dbTime(e.CreatedAt))
	return s.wrap(err, "audit %s", e.Action)
}

// AuditLog lists the audit log, newest first, and its length.
func (s *Store) AuditLog(ctx context.Context, limit, offset int) ([]news.AuditEntry, int, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT a.id, COALESCE(a.user_id, 0), COALESCE(u.name, ''), a.action, a.target, a.detail, a.created_at
		FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?`), limit, offset)
	if err != nil {
		return nil, 0, s.wrap(err, "audit log")
	}
	defer rows.Close()
	var out []news.AuditEntry
	for rows.Next() {
		var e news.AuditEntry
		if err := rows.Scan(&e.ID, &e.UserID, &e.UserName, &e.Action, &e.Target, &e.Detail, timeScan{&e.CreatedAt}); err != nil {
			return nil, 0, s.wrap(err, "audit log")
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, s.wrap(err, "audit log")
	}
	var total int
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log`).Scan(&total)
	return out, total, s.wrap(err, "audit log")
}

// MarkPresence records that a user has a story open in the editor now.
func (s *Store) MarkPresence(ctx context.Context, articleID, userID int64, now time.Time) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO presence (article_id, user_id, seen_at) VALUES (?, ?, ?)
		ON CONFLICT (article_id, user_id) DO UPDATE SET seen_at = excluded.seen_at`), articleID, userID, dbTime(now))
	return s.wrap(err, "presence")
}

// Presence lists the users other than userID seen editing a story since t.
func (s *Store) Presence(ctx context.Context, articleID, userID int64, since time.Time) ([]news.User, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT u.id, u.email, u.name, u.role, u.password_hash, COALESCE(u.author_id, 0), u.created_at, u.disabled FROM presence p JOIN users u ON u.id = p.user_id
		WHERE p.article_id = ? AND p.user_id <> ? AND p.seen_at > ? ORDER BY u.name`), articleID, userID, dbTime(since))
	if err != nil {
		return nil, s.wrap(err, "presence")
	}
	defer rows.Close()
	var out []news.User
	for rows.Next() {
		var u news.User
		if err := scanUser(rows, &u); err != nil {
			return nil, s.wrap(err, "presence")
		}
		out = append(out, u)
	}
	return out, s.wrap(rows.Err(), "presence")
}
