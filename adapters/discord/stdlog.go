package discord

import (
	"context"
	"log/slog"
	"strings"
)

// StdLog takes the standard log package's lines (routed into slog by
// slog.SetDefault, all at Info): discordgo logs through the log package,
// so its "[DGn] …" lines go to DG at discordgo's level (0 error, 1
// warning, 2 info, 3 debug), and other lines to Other.
type StdLog struct{ Other, DG slog.Handler }

// Enabled lets every line through to Handle, which knows its real level.
func (h StdLog) Enabled(context.Context, slog.Level) bool { return true }

// Handle sets the line's level and passes it on when that level is logged.
func (h StdLog) Handle(ctx context.Context, r slog.Record) error {
	next := h.Other
	if len(r.Message) > 5 && strings.HasPrefix(r.Message, "[DG") && r.Message[4] == ']' {
		next = h.DG
		switch r.Message[3] {
		case '0':
			r.Level = slog.LevelError
		case '1':
			r.Level = slog.LevelWarn
		case '2':
			r.Level = slog.LevelInfo
		default:
			r.Level = slog.LevelDebug
		}
	}
	if !next.Enabled(ctx, r.Level) {
		return nil
	}
	return next.Handle(ctx, r)
}

// WithAttrs adds attributes to both handlers.
func (h StdLog) WithAttrs(as []slog.Attr) slog.Handler {
	return StdLog{Other: h.Other.WithAttrs(as), DG: h.DG.WithAttrs(as)}
}

// WithGroup opens a group on both handlers.
func (h StdLog) WithGroup(name string) slog.Handler {
	return StdLog{Other: h.Other.WithGroup(name), DG: h.DG.WithGroup(name)}
}
