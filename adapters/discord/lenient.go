package discord

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"

	"passionbot/bot"
)

// Discord and compatible servers add fields and change their types over
// time. discordgo decodes a message or an interaction as a whole: one
// mistyped field (a user's public_flags sent as a string, say) and the
// event reaches its typed handler empty, and a message the server accepted
// looks like an error. The adapter therefore decodes only what it needs
// and repairs what it cannot decode.

// lenientUnmarshal decodes raw into v; a field whose type does not match
// (an UnmarshalTypeError names it) is dropped and the decode tried again,
// a few times. It returns the dropped fields' paths.
func lenientUnmarshal(raw []byte, v any) ([]string, error) {
	var dropped []string
	for range 8 {
		err := json.Unmarshal(raw, v)
		var te *json.UnmarshalTypeError
		if err == nil || !errors.As(err, &te) || te.Field == "" {
			return dropped, err
		}
		fixed, ok := dropField(raw, strings.Split(te.Field, "."))
		if !ok {
			return dropped, err
		}
		raw, dropped = fixed, append(dropped, te.Field)
	}
	return dropped, errors.New("too many fields that do not decode")
}

// dropField removes the field at path (keys, arrays walked through) from
// raw. The path of a decode error may start with the names of embedded Go
// structs that the JSON does not have, so shorter and shorter tails of it
// are tried.
func dropField(raw []byte, path []string) ([]byte, bool) {
	var doc any
	if json.Unmarshal(raw, &doc) != nil {
		return nil, false
	}
	for i := range path {
		if remove(doc, path[i:]) {
			out, err := json.Marshal(doc)
			return out, err == nil
		}
	}
	return nil, false
}

// remove deletes the key at path in every object path reaches.
func remove(v any, path []string) bool {
	switch x := v.(type) {
	case []any:
		found := false
		for _, e := range x {
			found = remove(e, path) || found
		}
		return found
	case map[string]any:
		next, ok := x[path[0]]
		if !ok {
			return false
		}
		if len(path) == 1 {
			delete(x, path[0])
			return true
		}
		return remove(next, path[1:])
	}
	return false
}

// repairs remembers which (event, field) pairs were already logged, so a
// server that always sends a field its own way is logged once.
type repairs struct {
	mu   sync.Mutex
	seen map[string]bool
}

// once reports whether key is seen for the first time (at most 256 kept).
func (r *repairs) once(key string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	if r.seen[key] || len(r.seen) >= 256 {
		return false
	}
	r.seen[key] = true
	return true
}

// onRaw handles the messages and interactions discordgo could not decode
// (their typed handlers got an empty event and ignored it): they are
// decoded leniently and handled as usual.
func (a *Adapter) onRaw(ctx context.Context, h bot.Handler, e *discordgo.Event) {
	switch e.Type {
	case "MESSAGE_CREATE":
		var m discordgo.MessageCreate
		if a.repair(e, &m) {
			a.onMessage(ctx, h, &m)
		}
	case "INTERACTION_CREATE":
		var i discordgo.InteractionCreate
		if a.repair(e, &i) {
			a.onInteraction(ctx, h, &i)
		}
	}
}

// repair decodes e into v when discordgo could not: it reports false when
// discordgo could (the typed handler has the event) or nobody can.
func (a *Adapter) repair(e *discordgo.Event, v any) bool {
	if json.Unmarshal(e.RawData, v) == nil {
		return false
	}
	dropped, err := lenientUnmarshal(e.RawData, v)
	if err != nil {
		a.log.Warn("discord: an event could not be decoded and is dropped", "event", e.Type, "err", err)
		return false
	}
	for _, f := range dropped {
		if a.repaired.once(e.Type + " " + f) {
			a.log.Warn("discord: a field of the wrong type was ignored", "event", e.Type, "field", f)
		}
	}
	return true
}

// messageID reads the id of a created message from a 2xx answer, and
// nothing else: the answer is a delivered message whatever else it holds
// (an unknown or mistyped field is logged once, at debug).
func (a *Adapter) messageID(body []byte) string {
	var m struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(body, &m); err != nil && a.repaired.once("message id") {
		a.log.Debug("discord: a delivered message's answer did not decode; its id is unknown", "err", err)
	}
	return m.ID
}
