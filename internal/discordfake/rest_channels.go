package discordfake

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// ---- channels ----

func (s *Server) getChannel(x *req) (int, any, *apiError) {
	return 200, channelJSON(x.ch), nil
}

type overwriteBody struct {
	ID    string  `json:"id"`
	Type  *int    `json:"type"`
	Allow flexInt `json:"allow"`
	Deny  flexInt `json:"deny"`
}

// flexInt is a permission set sent as a string ("8") or a number.
type flexInt int64

func (f *flexInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" || s == "" {
		*f = 0
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	*f = flexInt(n)
	return err
}

func (o overwriteBody) overwrite(f formErrors, p []string) PermissionOverwrite {
	if o.Type == nil || (*o.Type != 0 && *o.Type != 1) {
		f.add(at(p, "type"), "BASE_TYPE_CHOICES", "Value must be one of {0, 1}.")
		return PermissionOverwrite{}
	}
	return PermissionOverwrite{ID: o.ID, Type: *o.Type, Allow: int64(o.Allow), Deny: int64(o.Deny)}
}

func validateChannel(f formErrors, name, topic *string, slow *int) {
	if name != nil {
		badLen(f, []string{"name"}, *name, 1, 100)
	}
	if topic != nil {
		maxLen(f, []string{"topic"}, *topic, 1024)
	}
	if slow != nil && (*slow < 0 || *slow > 21600) {
		f.add([]string{"rate_limit_per_user"}, "NUMBER_TYPE_MAX", "int value should be less than or equal to 21600.")
	}
}

// channelName is how Discord stores a text channel's name: lower case,
// spaces as dashes.
func channelName(typ int, name string) string {
	if typ != ChannelText && typ != ChannelNews && typ != ChannelForum {
		return name
	}
	return strings.ToLower(strings.Join(strings.Fields(name), "-"))
}

type channelPatch struct {
	Name                 *string          `json:"name"`
	Topic                *string          `json:"topic"`
	RateLimitPerUser     *int             `json:"rate_limit_per_user"`
	NSFW                 *bool            `json:"nsfw"`
	Position             *int             `json:"position"`
	ParentID             *string          `json:"parent_id"`
	PermissionOverwrites *[]overwriteBody `json:"permission_overwrites"`
}

func (s *Server) patchChannel(x *req, b *channelPatch) (int, any, *apiError) {
	ch := x.ch
	f := formErrors{}
	validateChannel(f, b.Name, b.Topic, b.RateLimitPerUser)
	var ows []PermissionOverwrite
	if b.PermissionOverwrites != nil {
		for i, o := range *b.PermissionOverwrites {
			ows = append(ows, o.overwrite(f, []string{"permission_overwrites", strconv.Itoa(i)}))
		}
	}
	if e := f.err(); e != nil {
		return 0, nil, e
	}
	if b.Name != nil {
		ch.Name = channelName(ch.Type, *b.Name)
	}
	if b.Topic != nil {
		ch.Topic = *b.Topic
	}
	if b.RateLimitPerUser != nil {
		ch.RateLimitPerUser = *b.RateLimitPerUser
	}
	if b.NSFW != nil {
		ch.NSFW = *b.NSFW
	}
	if b.Position != nil {
		ch.Position = *b.Position
	}
	if b.ParentID != nil {
		ch.ParentID = *b.ParentID
	}
	if b.PermissionOverwrites != nil {
		ch.PermissionOverwrites = ows
	}
	s.channelEvent("CHANNEL_UPDATE", ch)
	return 200, channelJSON(ch), nil
}

// channelEvent dispatches CHANNEL_CREATE/UPDATE/DELETE; s.mu must be held.
func (s *Server) channelEvent(t string, ch *Channel) {
	if ch.Type == ChannelDM {
		s.notify()
		return
	}
	d := channelJSON(ch)
	s.broadcast(t, IntentGuilds, func(*session) any { return d })
}

func (s *Server) deleteChannel(x *req) (int, any, *apiError) {
	ch, g := x.ch, x.g
	delete(s.channels, ch.ID)
	if g != nil {
		g.channelOrder = slices.DeleteFunc(g.channelOrder, func(id string) bool { return id == ch.ID })
	}
	for uid, id := range s.dms {
		if id == ch.ID {
			delete(s.dms, uid)
		}
	}
	s.channelEvent("CHANNEL_DELETE", ch)
	return 200, channelJSON(ch), nil
}

func (s *Server) putOverwrite(x *req, b *overwriteBody) (int, any, *apiError) {
	ch := x.ch
	f := formErrors{}
	b.ID = x.path("oid")
	o := b.overwrite(f, nil)
	if e := f.err(); e != nil {
		return 0, nil, e
	}
	i := slices.IndexFunc(ch.PermissionOverwrites, func(x PermissionOverwrite) bool { return x.ID == o.ID })
	if i >= 0 {
		ch.PermissionOverwrites[i] = o
	} else {
		ch.PermissionOverwrites = append(ch.PermissionOverwrites, o)
	}
	s.channelEvent("CHANNEL_UPDATE", ch)
	return http.StatusNoContent, nil, nil
}

func (s *Server) deleteOverwrite(x *req) (int, any, *apiError) {
	oid := x.path("oid")
	x.ch.PermissionOverwrites = slices.DeleteFunc(x.ch.PermissionOverwrites, func(o PermissionOverwrite) bool { return o.ID == oid })
	s.channelEvent("CHANNEL_UPDATE", x.ch)
	return http.StatusNoContent, nil, nil
}

func (s *Server) typing(*req) (int, any, *apiError) {
	return http.StatusNoContent, nil, nil
}
