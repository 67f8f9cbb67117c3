package slackfake

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Slack's documented limits that the fake enforces.
const (
	maxTextRunes  = 40000 // chat.* text: msg_too_long above it
	maxTopicRunes = 250   // conversations.setTopic: too_long above it
	maxNameRunes  = 80    // conversations.create/rename: invalid_name_maxlength
	maxHookUses   = 5     // a response_url works five times
)

// Call is one Web API request as the fake received it.
type Call struct {
	Method string
	Token  string
	// Params holds the request's fields without the token: form fields and
	// query parameters as sent; for JSON bodies, string values as they are
	// and every other value as its JSON text (e.g. blocks, true, 42).
	Params      url.Values
	Body        []byte
	ContentType string
	Status      int    // HTTP status the fake answered
	Error       string // Slack error code when the answer had "ok":false
	At          time.Time
}

// Post is one successful chat.* write by the bot.
type Post struct {
	Method   string // chat.postMessage, chat.postEphemeral, chat.update or chat.delete
	Channel  string // resolved channel ID (a DM's D... ID when posted to a user ID)
	TS       string // ts of the message posted, updated or deleted (message_ts for ephemeral)
	ThreadTS string
	Text     string
	Blocks   json.RawMessage // the blocks field as sent; nil when absent
	User     string          // chat.postEphemeral: the only user who sees it
	Params   url.Values      // every field of the call, token excluded
	At       time.Time
}

// Calls returns the Web API calls received for method, oldest first
// (every call when method is "").
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || c.Method == method {
			c.Params = cloneValues(c.Params)
			c.Body = slices.Clone(c.Body)
			out = append(out, c)
		}
	}
	return out
}

// Posts returns the bot's successful chat.* writes to channel, oldest
// first (every write when channel is ""). channel matches the resolved
// channel ID or the channel field as sent (e.g. a user ID).
func (s *Server) Posts(channel string) []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.postsLocked(channel)
}

func (s *Server) postsLocked(channel string) []Post {
	var out []Post
	for _, p := range s.posts {
		if channel == "" || p.Channel == channel || p.Params.Get("channel") == channel {
			p.Params = cloneValues(p.Params)
			p.Blocks = slices.Clone(p.Blocks)
			out = append(out, p)
		}
	}
	return out
}

// WaitPosts waits until at least n posts to channel were recorded (see
// Posts) and returns all of them.
func (s *Server) WaitPosts(ctx context.Context, channel string, n int) ([]Post, error) {
	var got []Post
	err := s.WaitUntil(ctx, func() bool {
		got = s.Posts(channel)
		return len(got) >= n
	})
	if err != nil {
		return got, waitErr(err, "%d post(s) to %q, got %d", n, channel, len(got))
	}
	return got, nil
}

// WaitCalls waits until at least n calls of method were received and
// returns all of them.
func (s *Server) WaitCalls(ctx context.Context, method string, n int) ([]Call, error) {
	var got []Call
	err := s.WaitUntil(ctx, func() bool {
		got = s.Calls(method)
		return len(got) >= n
	})
	if err != nil {
		return got, waitErr(err, "%d call(s) of %q, got %d", n, method, len(got))
	}
	return got, nil
}

// apiReq is a parsed Web API request.
type apiReq struct {
	method string
	token  string
	p      url.Values
}

// result is a Web API answer.
type result struct {
	status     int
	retryAfter string
	body       map[string]any
	raw        string
	errCode    string
}

func ok(body map[string]any) result {
	if body == nil {
		body = map[string]any{}
	}
	body["ok"] = true
	return result{status: http.StatusOK, body: body}
}

func fail(code string) result {
	return result{status: http.StatusOK, body: map[string]any{"ok": false, "error": code}, errCode: code}
}

// failDetails is an error with Slack's "errors" and
// response_metadata.messages details, as invalid_blocks has.
func failDetails(code string, errs []string) result {
	r := fail(code)
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = "[ERROR] " + e
	}
	r.body["errors"] = errs
	r.body["response_metadata"] = map[string]any{"messages": msgs}
	return r
}

func (r result) write(w http.ResponseWriter) {
	if r.retryAfter != "" {
		w.Header().Set("Retry-After", r.retryAfter)
	}
	if r.body != nil {
		data, _ := json.Marshal(r.body)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(r.status)
		_, _ = w.Write(data)
		return
	}
	(&fault{status: r.status, body: r.raw}).write(w)
}

func (s *Server) handleAPI(w http.ResponseWriter, r *http.Request) {
	method := strings.TrimPrefix(r.URL.Path, "/api/")
	body, _ := io.ReadAll(r.Body)
	params, token := parseParams(r, body)
	call := Call{
		Method:      method,
		Token:       token,
		Params:      params,
		Body:        body,
		ContentType: r.Header.Get("Content-Type"),
		At:          time.Now(),
	}

	s.mu.Lock()
	res := s.dispatchLocked(apiReq{method: method, token: token, p: params})
	call.Status, call.Error = res.status, res.errCode
	s.calls = append(s.calls, call)
	scopes, withScopes := s.scopesHeaderLocked(token)
	s.notifyLocked()
	s.mu.Unlock()
	if withScopes {
		w.Header().Set("X-Oauth-Scopes", scopes)
	}

	s.logf("%s %v -> %d %s", method, params, res.status, res.errCode)
	res.write(w)
}

// parseParams reads a request's fields (query, form or JSON body) and its
// token (Authorization: Bearer, else the token field).
func parseParams(r *http.Request, body []byte) (url.Values, string) {
	params := url.Values{}
	for k, v := range r.URL.Query() {
		params[k] = slices.Clone(v)
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "application/json":
		var m map[string]json.RawMessage
		if json.Unmarshal(body, &m) == nil {
			for k, raw := range m {
				var str string
				switch {
				case json.Unmarshal(raw, &str) == nil:
					params.Set(k, str)
				case string(raw) != "null":
					params.Set(k, string(raw))
				}
			}
		}
	default:
		if form, err := url.ParseQuery(string(body)); err == nil {
			for k, v := range form {
				params[k] = append(params[k], v...)
			}
		}
	}
	token := ""
	if auth := r.Header.Get("Authorization"); strings.HasPrefix(auth, "Bearer ") {
		token = strings.TrimSpace(strings.TrimPrefix(auth, "Bearer "))
	}
	if token == "" {
		token = params.Get("token")
	}
	params.Del("token")
	return params, token
}

func (s *Server) dispatchLocked(req apiReq) result {
	if f := s.takeFaultLocked(req.method); f != nil {
		res := result{status: f.status, retryAfter: f.retryAfter, raw: f.body}
		var b struct {
			Error string `json:"error"`
		}
		if json.Unmarshal([]byte(f.body), &b) == nil {
			res.errCode = b.Error
		}
		return res
	}
	if s.closed {
		return fail("service_unavailable")
	}
	h, appLevel := s.handler(req.method)
	if h == nil {
		res := fail("unknown_method")
		res.body["req_method"] = req.method
		return res
	}
	if code := s.authLocked(req.token, appLevel); code != "" {
		return fail(code)
	}
	res := h(req)
	if s.cfg.mistype && strings.HasPrefix(req.method, "chat.") && res.body != nil {
		res.body["message"] = map[string]any{"type": "message", "ts": 1733400000.000100, "bot_profile": "passionbot",
			"x_future_field": map[string]any{"since": 2027}, "text": res.body["text"]}
		res.body["x_future_field"] = []any{1, "two"}
	}
	return res
}

// authLocked checks a token: appLevel methods take the xapp- token, the
// others the bot token.
func (s *Server) authLocked(token string, appLevel bool) string {
	if token == "" {
		return "not_authed"
	}
	if code, ok := s.authErrors[token]; ok {
		return code
	}
	want, other := botToken, appToken
	if appLevel {
		want, other = appToken, botToken
	}
	switch token {
	case want:
		return ""
	case other:
		return "not_allowed_token_type"
	default:
		return "invalid_auth"
	}
}

// handler returns the handler of a Web API method and whether the method
// takes the app-level token. Handlers run with s.mu held.
func (s *Server) handler(method string) (func(apiReq) result, bool) {
	switch method {
	case "apps.connections.open":
		return s.appsConnectionsOpen, true
	case "auth.test":
		return s.authTest, false
	case "chat.postMessage":
		return func(r apiReq) result { return s.chatPost(r, false) }, false
	case "chat.postEphemeral":
		return func(r apiReq) result { return s.chatPost(r, true) }, false
	case "chat.update":
		return s.chatUpdate, false
	case "chat.delete":
		return s.chatDelete, false
	case "conversations.open":
		return s.conversationsOpen, false
	case "conversations.create":
		return s.conversationsCreate, false
	case "conversations.archive":
		return s.conversationsArchive, false
	case "conversations.rename":
		return s.conversationsRename, false
	case "conversations.setTopic":
		return s.conversationsSetTopic, false
	case "conversations.invite":
		return s.conversationsInvite, false
	case "conversations.info":
		return s.conversationsInfo, false
	case "conversations.history":
		return s.conversationsHistory, false
	case "conversations.members":
		return s.conversationsMembers, false
	case "users.info":
		return s.usersInfo, false
	case "usergroups.list":
		return s.usergroupsList, false
	case "usergroups.users.list":
		return s.usergroupsUsersList, false
	case "pins.add":
		return s.pinsAdd, false
	}
	return nil, false
}

// pinsAdd pins a message the bot can see: channel and timestamp, as Slack
// takes them; a message pinned twice is "already_pinned".
func (s *Server) pinsAdd(r apiReq) result {
	cs := s.channels[r.p.Get("channel")]
	if cs == nil {
		return fail("channel_not_found")
	}
	if !cs.isMember(botUserID) {
		return fail("not_in_channel")
	}
	ts := r.p.Get("timestamp")
	if _, m := cs.findMessage(ts); m == nil {
		return fail("message_not_found")
	}
	if cs.pins[ts] {
		return fail("already_pinned")
	}
	if cs.pins == nil {
		cs.pins = map[string]bool{}
	}
	cs.pins[ts] = true
	return ok(nil)
}

func (s *Server) appsConnectionsOpen(apiReq) result {
	ticket := strings.ToLower(s.nextIDLocked("tk")) + "-" + strconv.FormatInt(time.Now().UnixNano()%1_000_000, 36)
	s.tickets[ticket] = true
	host := s.http.Listener.Addr().String()
	return ok(map[string]any{"url": "ws://" + host + "/socket?ticket=" + ticket + "&app_id=" + appID})
}

func (s *Server) authTest(apiReq) result {
	return ok(map[string]any{
		"url":                   "https://" + teamDomain + ".slack.com/",
		"team":                  teamName,
		"user":                  botName,
		"team_id":               teamID,
		"user_id":               botUserID,
		"bot_id":                botID,
		"is_enterprise_install": false,
	})
}

// content holds the validated text and blocks of a message.
type content struct {
	text      string
	hasText   bool
	blocks    json.RawMessage // as sent; nil when absent
	hasBlocks bool            // blocks present and non-empty
}

// checkContent applies Slack's message limits. requireSome makes a message
// with neither text, blocks nor attachments fail with no_text.
func checkContent(text string, hasText bool, blocks string, blocksSent bool, hasAttachments, requireSome bool) (content, *result) {
	c := content{text: text, hasText: hasText}
	if utf8.RuneCountInString(text) > maxTextRunes {
		r := fail("msg_too_long")
		return c, &r
	}
	if blocksSent {
		n, code, errs := validateBlocks(blocks)
		if code != "" {
			r := failDetails(code, errs)
			return c, &r
		}
		c.blocks = json.RawMessage(blocks)
		c.hasBlocks = n > 0
	}
	if requireSome && strings.TrimSpace(text) == "" && !c.hasBlocks && !hasAttachments {
		r := fail("no_text")
		return c, &r
	}
	return c, nil
}

func contentOf(p url.Values, requireSome bool) (content, *result) {
	return checkContent(p.Get("text"), p.Has("text"), p.Get("blocks"), p.Has("blocks"),
		p.Get("attachments") != "" && p.Get("attachments") != "[]", requireSome)
}

func (s *Server) botMessageLocked(ts string, c content, threadTS string) *Message {
	m := &Message{TS: ts, User: botUserID, BotID: botID, Text: c.text, ThreadTS: threadTS}
	if c.hasBlocks {
		m.Blocks = slices.Clone(c.blocks)
	}
	return m
}

func botMessageJSON(m *Message) map[string]any {
	out := m.json()
	out["bot_profile"] = map[string]any{
		"id":      botID,
		"app_id":  appID,
		"name":    botName,
		"team_id": teamID,
		"deleted": false,
	}
	return out
}

func (s *Server) chatPost(r apiReq, ephemeral bool) result {
	cs := s.resolveChannelLocked(r.p.Get("channel"))
	if cs == nil {
		return fail("channel_not_found")
	}
	if cs.IsArchived {
		return fail("is_archived")
	}
	if !cs.isMember(botUserID) {
		return fail("not_in_channel")
	}
	c, bad := contentOf(r.p, true)
	if bad != nil {
		return *bad
	}
	user := r.p.Get("user")
	if ephemeral {
		if user == "" {
			return fail("user_not_found")
		}
		if !cs.isMember(user) {
			return fail("user_not_in_channel")
		}
	}
	ts := s.nextTSLocked()
	threadTS := r.p.Get("thread_ts")
	post := Post{
		Method:   r.method,
		Channel:  cs.ID,
		TS:       ts,
		ThreadTS: threadTS,
		Text:     c.text,
		Blocks:   slices.Clone(c.blocks),
		Params:   cloneValues(r.p),
		At:       time.Now(),
	}
	if ephemeral {
		post.User = user
		s.posts = append(s.posts, post)
		return ok(map[string]any{"message_ts": ts})
	}
	m := s.botMessageLocked(ts, c, threadTS)
	cs.messages = append(cs.messages, m)
	s.posts = append(s.posts, post)
	return ok(map[string]any{"channel": cs.ID, "ts": ts, "message": botMessageJSON(m)})
}

// botMessageInLocked finds the bot's message for chat.update/delete.
func (s *Server) botMessageInLocked(r apiReq, notMine string) (*channelState, int, *Message, *result) {
	cs := s.channels[r.p.Get("channel")]
	if cs == nil {
		res := fail("channel_not_found")
		return nil, 0, nil, &res
	}
	i, m := cs.findMessage(r.p.Get("ts"))
	if m == nil {
		res := fail("message_not_found")
		return nil, 0, nil, &res
	}
	if m.BotID != botID {
		res := fail(notMine)
		return nil, 0, nil, &res
	}
	return cs, i, m, nil
}

func (s *Server) chatUpdate(r apiReq) result {
	cs, _, m, bad := s.botMessageInLocked(r, "cant_update_message")
	if bad != nil {
		return *bad
	}
	c, bad := contentOf(r.p, true)
	if bad != nil {
		return *bad
	}
	if c.hasText {
		m.Text = c.text
	}
	if r.p.Has("blocks") {
		m.Blocks = nil
		if c.hasBlocks {
			m.Blocks = slices.Clone(c.blocks)
		}
	}
	s.posts = append(s.posts, Post{
		Method:   r.method,
		Channel:  cs.ID,
		TS:       m.TS,
		ThreadTS: m.ThreadTS,
		Text:     c.text,
		Blocks:   slices.Clone(c.blocks),
		Params:   cloneValues(r.p),
		At:       time.Now(),
	})
	return ok(map[string]any{"channel": cs.ID, "ts": m.TS, "text": m.Text, "message": botMessageJSON(m)})
}

func (s *Server) chatDelete(r apiReq) result {
	cs, i, m, bad := s.botMessageInLocked(r, "cant_delete_message")
	if bad != nil {
		return *bad
	}
	cs.messages = slices.Delete(cs.messages, i, i+1)
	s.posts = append(s.posts, Post{
		Method:   r.method,
		Channel:  cs.ID,
		TS:       m.TS,
		ThreadTS: m.ThreadTS,
		Params:   cloneValues(r.p),
		At:       time.Now(),
	})
	return ok(map[string]any{"channel": cs.ID, "ts": m.TS})
}

func splitList(v string) []string {
	var out []string
	for f := range strings.SplitSeq(v, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func (s *Server) knownUserLocked(id string) bool {
	if _, ok := s.users[id]; ok {
		return true
	}
	return strings.HasPrefix(id, "U") || strings.HasPrefix(id, "W")
}

func (s *Server) conversationsOpen(r apiReq) result {
	returnIM := r.p.Get("return_im") == "true" || r.p.Get("return_im") == "1"
	render := func(cs *channelState, existed bool) result {
		ch := map[string]any{"id": cs.ID}
		if returnIM {
			ch = cs.json(false)
		}
		return ok(map[string]any{"channel": ch, "no_op": existed, "already_open": existed})
	}
	if id := r.p.Get("channel"); id != "" {
		cs := s.channels[id]
		if cs == nil || (!cs.isIM && !cs.isMPIM) {
			return fail("channel_not_found")
		}
		return render(cs, true)
	}
	users := splitList(r.p.Get("users"))
	if len(users) == 0 {
		return fail("users_list_not_supplied")
	}
	for _, u := range users {
		if !s.knownUserLocked(u) {
			return fail("user_not_found")
		}
	}
	if len(users) == 1 {
		_, existed := s.dms[users[0]]
		return render(s.dmLocked(users[0]), existed)
	}
	if len(users) > 8 {
		return fail("too_many_users")
	}
	members := append([]string{botUserID}, users...)
	slices.Sort(members)
	for _, id := range s.channelOrder {
		cs := s.channels[id]
		if cs.isMPIM {
			have := slices.Clone(cs.Members)
			slices.Sort(have)
			if slices.Equal(have, members) {
				return render(cs, true)
			}
		}
	}
	names := make([]string, 0, len(members))
	for _, u := range members {
		name := s.users[u].Name
		if name == "" {
			name = strings.ToLower(u)
		}
		names = append(names, name)
	}
	cs := s.addChannelLocked(Channel{
		ID:        s.nextIDLocked("G"),
		Name:      "mpdm-" + strings.Join(names, "--") + "-1",
		IsPrivate: true,
		Members:   members,
	})
	cs.isMPIM = true
	return render(cs, false)
}

// checkName validates a channel name like conversations.create does.
func checkName(name string) string {
	switch {
	case name == "":
		return "invalid_name_required"
	case utf8.RuneCountInString(name) > maxNameRunes:
		return "invalid_name_maxlength"
	}
	for _, r := range name {
		if r == '-' || r == '_' || unicode.IsDigit(r) || (unicode.IsLetter(r) && !unicode.IsUpper(r)) {
			continue
		}
		return "invalid_name_specials"
	}
	if strings.Trim(name, "-_") == "" {
		return "invalid_name_punctuation"
	}
	return ""
}

func (s *Server) nameTakenLocked(name string) bool {
	for _, id := range s.channelOrder {
		if cs := s.channels[id]; !cs.isIM && !cs.isMPIM && cs.Name == name {
			return true
		}
	}
	return false
}

func (s *Server) conversationsCreate(r apiReq) result {
	name := r.p.Get("name")
	if code := checkName(name); code != "" {
		return fail(code)
	}
	if s.nameTakenLocked(name) {
		return fail("name_taken")
	}
	cs := s.addChannelLocked(Channel{
		Name:      name,
		IsPrivate: r.p.Get("is_private") == "true",
		Members:   []string{botUserID},
	})
	return ok(map[string]any{"channel": cs.json(false)})
}

// groupChannelLocked finds a channel (not a DM) the bot acts on.
func (s *Server) groupChannelLocked(r apiReq) (*channelState, *result) {
	cs := s.channels[r.p.Get("channel")]
	if cs == nil {
		res := fail("channel_not_found")
		return nil, &res
	}
	if cs.isIM || cs.isMPIM {
		res := fail("method_not_supported_for_channel_type")
		return nil, &res
	}
	return cs, nil
}

func (s *Server) conversationsArchive(r apiReq) result {
	cs, bad := s.groupChannelLocked(r)
	if bad != nil {
		return *bad
	}
	if cs.IsArchived {
		return fail("already_archived")
	}
	if !cs.isMember(botUserID) {
		return fail("not_in_channel")
	}
	cs.IsArchived = true
	return ok(nil)
}

func (s *Server) conversationsRename(r apiReq) result {
	cs, bad := s.groupChannelLocked(r)
	if bad != nil {
		return *bad
	}
	if cs.IsArchived {
		return fail("is_archived")
	}
	name := r.p.Get("name")
	if code := checkName(name); code != "" {
		return fail(code)
	}
	if name != cs.Name && s.nameTakenLocked(name) {
		return fail("name_taken")
	}
	cs.Name = name
	return ok(map[string]any{"channel": cs.json(false)})
}

func (s *Server) conversationsSetTopic(r apiReq) result {
	cs := s.channels[r.p.Get("channel")]
	if cs == nil {
		return fail("channel_not_found")
	}
	if cs.IsArchived {
		return fail("is_archived")
	}
	if !cs.isMember(botUserID) {
		return fail("not_in_channel")
	}
	topic := r.p.Get("topic")
	if utf8.RuneCountInString(topic) > maxTopicRunes {
		return fail("too_long")
	}
	cs.Topic, cs.topicSetBy = topic, botUserID
	return ok(map[string]any{"channel": cs.json(false)})
}

func (s *Server) conversationsInvite(r apiReq) result {
	cs, bad := s.groupChannelLocked(r)
	if bad != nil {
		return *bad
	}
	if cs.IsArchived {
		return fail("is_archived")
	}
	if !cs.isMember(botUserID) {
		return fail("not_in_channel")
	}
	users := splitList(r.p.Get("users"))
	if len(users) == 0 {
		return fail("no_user")
	}
	var errs []map[string]any
	var add []string
	for _, u := range users {
		code := ""
		switch {
		case u == botUserID:
			code = "cant_invite_self"
		case !s.knownUserLocked(u):
			code = "user_not_found"
		case slices.Contains(cs.Members, u) || slices.Contains(add, u):
			code = "already_in_channel"
		}
		if code != "" {
			errs = append(errs, map[string]any{"user": u, "ok": false, "error": code})
			continue
		}
		add = append(add, u)
	}
	force := r.p.Get("force") == "true"
	if len(errs) > 0 && (!force || len(add) == 0) {
		res := fail(errs[0]["error"].(string))
		res.body["errors"] = errs
		return res
	}
	for _, u := range add {
		cs.addMember(u)
	}
	body := map[string]any{"channel": cs.json(false)}
	if len(errs) > 0 {
		body["errors"] = errs
	}
	return ok(body)
}

func (s *Server) conversationsInfo(r apiReq) result {
	cs := s.channels[r.p.Get("channel")]
	if cs == nil || (cs.IsPrivate && !cs.isMember(botUserID)) {
		return fail("channel_not_found")
	}
	return ok(map[string]any{"channel": cs.json(r.p.Get("include_num_members") == "true")})
}

// conversationsMembers lists a conversation's members, a page at a time
// (limit, default 100, at most 1000; cursor). A channel without membership
// checks has every user of the workspace as a member.
func (s *Server) conversationsMembers(r apiReq) result {
	cs := s.channels[r.p.Get("channel")]
	if cs == nil || (cs.IsPrivate && !cs.isMember(botUserID)) {
		return fail("channel_not_found")
	}
	var members []string
	switch {
	case cs.isIM:
		members = []string{cs.peer, botUserID}
	case cs.checkMembers || cs.isMPIM:
		members = slices.Clone(cs.Members)
	default:
		members = slices.Clone(s.userOrder)
	}
	limit := 100
	if n, err := strconv.Atoi(r.p.Get("limit")); err == nil && n > 0 {
		limit = min(n, 1000)
	}
	offset := 0
	if cur := r.p.Get("cursor"); cur != "" {
		raw, err := base64.StdEncoding.DecodeString(cur)
		n, err2 := strconv.Atoi(strings.TrimPrefix(string(raw), "offset:"))
		if err != nil || err2 != nil || n < 0 || n > len(members) {
			return fail("invalid_cursor")
		}
		offset = n
	}
	page, next := members[offset:], ""
	if len(page) > limit {
		page = page[:limit]
		next = base64.StdEncoding.EncodeToString([]byte("offset:" + strconv.Itoa(offset+limit)))
	}
	return ok(map[string]any{"members": page, "response_metadata": map[string]any{"next_cursor": next}})
}

// tsLess compares two Slack timestamps numerically.
func tsLess(a, b string) bool {
	as, af, _ := strings.Cut(a, ".")
	bs, bf, _ := strings.Cut(b, ".")
	ai, _ := strconv.ParseInt(as, 10, 64)
	bi, _ := strconv.ParseInt(bs, 10, 64)
	if ai != bi {
		return ai < bi
	}
	return af < bf
}

func (s *Server) conversationsHistory(r apiReq) result {
	cs := s.channels[r.p.Get("channel")]
	if cs == nil {
		return fail("channel_not_found")
	}
	if !cs.isMember(botUserID) {
		return fail("not_in_channel")
	}
	latest, oldest := r.p.Get("latest"), r.p.Get("oldest")
	inclusive := r.p.Get("inclusive") == "1" || r.p.Get("inclusive") == "true"
	replies := map[string][]*Message{}
	var top []*Message
	for _, m := range cs.messages {
		if m.ThreadTS != "" && m.ThreadTS != m.TS {
			replies[m.ThreadTS] = append(replies[m.ThreadTS], m)
			if m.Subtype != "thread_broadcast" {
				continue
			}
		}
		if latest != "" && (tsLess(latest, m.TS) || (!inclusive && m.TS == latest)) {
			continue
		}
		if oldest != "" && (tsLess(m.TS, oldest) || (!inclusive && m.TS == oldest)) {
			continue
		}
		top = append(top, m)
	}
	slices.Reverse(top)

	limit := 100
	if n, err := strconv.Atoi(r.p.Get("limit")); err == nil && n > 0 {
		limit = min(n, 999)
	}
	offset := 0
	if cur := r.p.Get("cursor"); cur != "" {
		raw, err := base64.StdEncoding.DecodeString(cur)
		n, err2 := strconv.Atoi(strings.TrimPrefix(string(raw), "offset:"))
		if err != nil || err2 != nil || n < 0 || n > len(top) {
			return fail("invalid_cursor")
		}
		offset = n
	}
	page := top[offset:]
	hasMore := len(page) > limit
	if hasMore {
		page = page[:limit]
	}
	msgs := make([]map[string]any, 0, len(page))
	for _, m := range page {
		j := m.json()
		if m.BotID == botID {
			j = botMessageJSON(m)
		}
		if rs := replies[m.TS]; len(rs) > 0 {
			j["thread_ts"] = m.TS
			j["reply_count"] = len(rs)
			j["latest_reply"] = rs[len(rs)-1].TS
			var users []string
			for _, rm := range rs {
				if rm.User != "" && !slices.Contains(users, rm.User) {
					users = append(users, rm.User)
				}
			}
			j["reply_users"] = users
			j["reply_users_count"] = len(users)
		}
		msgs = append(msgs, j)
	}
	next := ""
	if hasMore {
		next = base64.StdEncoding.EncodeToString([]byte("offset:" + strconv.Itoa(offset+limit)))
	}
	return ok(map[string]any{
		"messages":          msgs,
		"has_more":          hasMore,
		"pin_count":         0,
		"response_metadata": map[string]any{"next_cursor": next},
	})
}

func (s *Server) usersInfo(r apiReq) result {
	withLocale := r.p.Get("include_locale") == "true"
	if one := r.p.Get("user"); one != "" {
		u, found := s.users[one]
		if !found {
			return fail("user_not_found")
		}
		return ok(map[string]any{"user": userJSON(u, withLocale)})
	}
	ids := splitList(r.p.Get("users"))
	if len(ids) == 0 {
		return fail("user_not_found")
	}
	var out []map[string]any
	for _, id := range ids {
		u, found := s.users[id]
		if !found {
			return fail("user_not_found")
		}
		out = append(out, userJSON(u, withLocale))
	}
	return ok(map[string]any{"users": out})
}

func (s *Server) usergroupJSON(g *usergroupState, withUsers, withCount bool) map[string]any {
	now := time.Now().Unix()
	m := map[string]any{
		"id":           g.id,
		"team_id":      teamID,
		"is_usergroup": true,
		"is_subteam":   true,
		"name":         g.name,
		"description":  "",
		"handle":       g.handle,
		"is_external":  false,
		"date_create":  now,
		"date_update":  now,
		"date_delete":  0,
		"auto_type":    nil,
		"created_by":   botUserID,
		"updated_by":   botUserID,
		"deleted_by":   nil,
		"prefs":        map[string]any{"channels": []string{}, "groups": []string{}},
	}
	if withUsers {
		m["users"] = slices.Clone(g.members)
	}
	if withCount {
		m["user_count"] = len(g.members)
	}
	return m
}

func (s *Server) usergroupsList(r apiReq) result {
	out := make([]map[string]any, 0, len(s.usergroups))
	for _, g := range s.usergroups {
		out = append(out, s.usergroupJSON(g, r.p.Get("include_users") == "true", r.p.Get("include_count") == "true"))
	}
	return ok(map[string]any{"usergroups": out})
}

func (s *Server) usergroupsUsersList(r apiReq) result {
	id := r.p.Get("usergroup")
	for _, g := range s.usergroups {
		if g.id == id {
			return ok(map[string]any{"users": slices.Clone(g.members)})
		}
	}
	return fail("no_such_subteam")
}

func cloneValues(v url.Values) url.Values {
	if v == nil {
		return nil
	}
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}
