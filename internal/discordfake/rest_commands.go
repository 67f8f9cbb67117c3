package discordfake

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// ---- application commands ----

// resolveApp checks the application and guild of a commands route; s.mu
// must be held.
func (s *Server) resolveApp(x *req) *apiError {
	if x.path("app") != s.cfg.appID {
		return errMissingAccess
	}
	gid := x.path("gid")
	if gid != "" && s.guilds[gid] == nil {
		return errMissingAccess
	}
	x.gid = gid
	return nil
}

func (s *Server) listCommands(x *req) (int, any, *apiError) {
	out := []json.RawMessage{}
	for _, cmd := range s.commands[x.gid] {
		out = append(out, commandJSON(cmd))
	}
	return 200, out, nil
}

func (s *Server) getCommand(x *req) (int, any, *apiError) {
	for _, cmd := range s.commands[x.gid] {
		if cmd.ID == x.path("cmd") {
			return 200, commandJSON(cmd), nil
		}
	}
	return 0, nil, errUnknownCmd
}

func (s *Server) deleteCommand(x *req) (int, any, *apiError) {
	gid := x.gid
	n := len(s.commands[gid])
	s.commands[gid] = slices.DeleteFunc(s.commands[gid], func(c *Command) bool { return c.ID == x.path("cmd") })
	if len(s.commands[gid]) == n {
		return 0, nil, errUnknownCmd
	}
	s.notify()
	return http.StatusNoContent, nil, nil
}

// newCommand makes a stored command, keeping the ID of an existing command
// with the same name and type; s.mu must be held.
func (s *Server) newCommand(gid string, b *commandBody, raw json.RawMessage) *Command {
	cmd := &Command{
		ID: s.ids.next(), ApplicationID: s.cfg.appID, GuildID: gid, Version: s.ids.next(),
		Type: b.Type, Name: b.Name, Description: b.Description,
		NameLocalizations: b.NameLocalizations, DescriptionLocalizations: b.DescriptionLocalizations,
		DMPermission: b.DMPermission, Options: b.Options, Raw: slices.Clone(raw),
	}
	if present(b.DefaultMemberPermissions) {
		p := strings.Trim(string(b.DefaultMemberPermissions), `"`)
		cmd.DefaultMemberPermissions = &p
	}
	for _, old := range s.commands[gid] {
		if old.Name == b.Name && old.Type == b.Type {
			cmd.ID = old.ID
		}
	}
	return cmd
}

// commandList is the body of a bulk overwrite: each command as sent (kept
// as the stored command's Raw) and decoded.
type commandList struct {
	raws   []json.RawMessage
	bodies []commandBody
}

func (l *commandList) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &l.raws); err != nil {
		return err
	}
	l.bodies = make([]commandBody, len(l.raws))
	for i, r := range l.raws {
		if err := json.Unmarshal(r, &l.bodies[i]); err != nil {
			return err
		}
	}
	return nil
}

func (s *Server) putCommands(x *req, l *commandList) (int, any, *apiError) {
	gid, bodies := x.gid, l.bodies
	f := formErrors{}
	seen := map[string]bool{}
	counts := map[int]int{}
	for i := range bodies {
		b := &bodies[i]
		validateCommand(f, []string{strconv.Itoa(i)}, b)
		key := strconv.Itoa(b.Type) + "/" + b.Name
		if seen[key] {
			f.add([]string{strconv.Itoa(i), "name"}, "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
		}
		seen[key] = true
		counts[b.Type]++
	}
	if counts[1] > 100 || counts[2] > 15 || counts[3] > 15 {
		f.add(nil, "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
	}
	if e := f.err(); e != nil {
		return 0, nil, e
	}
	cmds := make([]*Command, len(bodies))
	out := make([]json.RawMessage, len(bodies))
	for i := range bodies {
		cmds[i] = s.newCommand(gid, &bodies[i], l.raws[i])
		out[i] = commandJSON(cmds[i])
	}
	s.commands[gid] = cmds
	s.commandPuts++
	s.notify()
	return 200, out, nil
}

func (s *Server) createCommand(x *req, b *commandBody) (int, any, *apiError) {
	gid := x.gid
	f := formErrors{}
	validateCommand(f, nil, b)
	if e := f.err(); e != nil {
		return 0, nil, e
	}
	cmd := s.newCommand(gid, b, x.c.body)
	status := http.StatusCreated
	i := slices.IndexFunc(s.commands[gid], func(c *Command) bool { return c.ID == cmd.ID })
	if i >= 0 {
		s.commands[gid][i], status = cmd, 200
	} else {
		s.commands[gid] = append(s.commands[gid], cmd)
	}
	s.notify()
	return status, commandJSON(cmd), nil
}
