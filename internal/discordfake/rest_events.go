package discordfake

import (
	"encoding/json"
	"net/http"
	"slices"
	"time"
)

// ---- scheduled events ----

type eventBody struct {
	ChannelID      *string         `json:"channel_id"`
	Name           *string         `json:"name"`
	Description    *string         `json:"description"`
	Start          *time.Time      `json:"scheduled_start_time"`
	End            json.RawMessage `json:"scheduled_end_time"`
	PrivacyLevel   *int            `json:"privacy_level"`
	Status         *int            `json:"status"`
	EntityType     *int            `json:"entity_type"`
	EntityMetadata *struct {
		Location string `json:"location"`
	} `json:"entity_metadata"`
}

// applyEvent merges a body into e and validates the result; s.mu must be
// held.
func (s *Server) applyEvent(g *guildState, e *ScheduledEvent, b *eventBody, create bool) *apiError {
	f := formErrors{}
	if b.Name != nil {
		e.Name = *b.Name
	}
	if b.Description != nil {
		e.Description = *b.Description
	}
	if b.ChannelID != nil {
		e.ChannelID = *b.ChannelID
	}
	if b.Start != nil {
		e.StartTime = *b.Start
		if b.Start.Before(time.Now()) && e.Status == 1 {
			f.add([]string{"scheduled_start_time"}, "GUILD_SCHEDULED_EVENT_SCHEDULED_START_TIME_IN_PAST", "Cannot schedule event in the past.")
		}
	} else if create {
		f.add([]string{"scheduled_start_time"}, "BASE_TYPE_REQUIRED", "This field is required")
	}
	if present(b.End) {
		var t time.Time
		if err := json.Unmarshal(b.End, &t); err != nil {
			f.add([]string{"scheduled_end_time"}, "DATE_TIME_TYPE_PARSE", "Could not parse "+string(b.End)+". Should be ISO8601.")
		} else {
			e.EndTime = &t
		}
	} else if b.End != nil {
		e.EndTime = nil
	}
	if b.PrivacyLevel != nil {
		e.PrivacyLevel = *b.PrivacyLevel
	}
	if b.EntityType != nil {
		e.EntityType = *b.EntityType
	}
	if b.EntityMetadata != nil {
		e.Location = b.EntityMetadata.Location
	}
	if b.Status != nil {
		if !validStatusChange(e.Status, *b.Status) {
			f.add([]string{"status"}, "GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION", "Invalid status transition")
		} else {
			e.Status = *b.Status
		}
	}
	if required(f, []string{"name"}, e.Name) {
		badLen(f, []string{"name"}, e.Name, 1, 100)
	}
	maxLen(f, []string{"description"}, e.Description, 1000)
	if e.PrivacyLevel != 2 {
		f.add([]string{"privacy_level"}, "BASE_TYPE_CHOICES", "Value must be one of {2}.")
	}
	switch e.EntityType {
	case 3:
		if required(f, []string{"entity_metadata", "location"}, e.Location) {
			badLen(f, []string{"entity_metadata", "location"}, e.Location, 1, 100)
		}
		if e.EndTime == nil {
			f.add([]string{"scheduled_end_time"}, "GUILD_SCHEDULED_EVENT_END_TIME_REQUIRED", "scheduled_end_time is required for external events")
		}
		e.ChannelID = ""
	case 1, 2:
		ch := s.channels[e.ChannelID]
		if ch == nil || ch.GuildID != g.id || (ch.Type != ChannelVoice && ch.Type != 13) {
			f.add([]string{"channel_id"}, "CHANNEL_TYPE_INVALID", "A voice or stage channel is required")
		}
	default:
		f.add([]string{"entity_type"}, "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3}.")
	}
	if e.EndTime != nil && !e.EndTime.After(e.StartTime) {
		f.add([]string{"scheduled_end_time"}, "GUILD_SCHEDULED_EVENT_END_BEFORE_START", "Cannot schedule event to end before starting.")
	}
	return f.err()
}

// validStatusChange: scheduled -> active|canceled, active -> completed.
func validStatusChange(from, to int) bool {
	return from == to || (from == 1 && (to == 2 || to == 4)) || (from == 2 && to == 3)
}

func (s *Server) createEvent(x *req, b *eventBody) (int, any, *apiError) {
	ev := &ScheduledEvent{ID: s.ids.next(), GuildID: x.g.id, CreatorID: s.cfg.botID, Status: 1}
	b.Status = nil
	if e := s.applyEvent(x.g, ev, b, true); e != nil {
		return 0, nil, e
	}
	s.events[ev.ID] = ev
	s.eventOrder = append(s.eventOrder, ev.ID)
	s.eventDispatch("GUILD_SCHEDULED_EVENT_CREATE", ev)
	return 200, eventJSON(ev, s.botUser()), nil
}

func (s *Server) eventDispatch(t string, ev *ScheduledEvent) {
	d := eventJSON(ev, s.botUser())
	s.broadcast(t, IntentScheduledEvents, func(*session) any { return d })
}

func (s *Server) listEvents(x *req) (int, any, *apiError) {
	out := []any{}
	for _, id := range s.eventOrder {
		if ev := s.events[id]; ev != nil && ev.GuildID == x.g.id {
			out = append(out, eventJSON(ev, s.botUser()))
		}
	}
	return 200, out, nil
}

func (s *Server) getEvent(x *req) (int, any, *apiError) {
	return 200, eventJSON(x.ev, s.botUser()), nil
}

func (s *Server) patchEvent(x *req, b *eventBody) (int, any, *apiError) {
	ev := x.ev
	if ev.Status == 3 || ev.Status == 4 {
		return 0, nil, &apiError{status: 400, code: 180000, msg: "Cannot update a finished event"}
	}
	next := *ev
	if e := s.applyEvent(x.g, &next, b, false); e != nil {
		return 0, nil, e
	}
	*ev = next
	s.eventDispatch("GUILD_SCHEDULED_EVENT_UPDATE", ev)
	return 200, eventJSON(ev, s.botUser()), nil
}

func (s *Server) deleteEvent(x *req) (int, any, *apiError) {
	ev := x.ev
	delete(s.events, ev.ID)
	s.eventOrder = slices.DeleteFunc(s.eventOrder, func(id string) bool { return id == ev.ID })
	s.eventDispatch("GUILD_SCHEDULED_EVENT_DELETE", ev)
	return http.StatusNoContent, nil, nil
}
