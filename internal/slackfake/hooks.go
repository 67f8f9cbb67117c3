package slackfake

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
)

// ResponseURLPost is one POST to a response_url handed out in a slash
// command or block_actions payload.
type ResponseURLPost struct {
	URL             string
	Body            json.RawMessage
	Text            string
	Blocks          json.RawMessage // nil when absent
	ResponseType    string          // "ephemeral" (also when absent) or "in_channel"
	ReplaceOriginal bool
	DeleteOriginal  bool
	ThreadTS        string
	Status          int    // HTTP status the fake answered
	Error           string // error the fake answered, if any
	At              time.Time
}

type hookState struct {
	channel   string
	user      string
	messageTS string // for actions: the message the element was in
	uses      int
}

// newHookLocked registers a response URL and returns it.
func (s *Server) newHookLocked(kind, channel, user, messageTS string) string {
	s.seq++
	path := fmt.Sprintf("/hooks/%s/%s/%d/r%08x", kind, teamID, 1000000+s.seq, s.seq*2654435761%(1<<32))
	s.hooks[path] = &hookState{channel: channel, user: user, messageTS: messageTS}
	return s.http.URL + path
}

// ResponseURLPosts returns the POSTs to url, oldest first (every POST to
// any response URL when url is "").
func (s *Server) ResponseURLPosts(url string) []ResponseURLPost {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []ResponseURLPost
	for _, p := range s.hookPosts {
		if url == "" || p.URL == url {
			p.Body = slices.Clone(p.Body)
			p.Blocks = slices.Clone(p.Blocks)
			out = append(out, p)
		}
	}
	return out
}

// WaitResponseURLPosts waits until at least n POSTs to url (any response
// URL when url is "") were received and returns all of them.
func (s *Server) WaitResponseURLPosts(ctx context.Context, url string, n int) ([]ResponseURLPost, error) {
	var got []ResponseURLPost
	err := s.WaitUntil(ctx, func() bool {
		got = s.ResponseURLPosts(url)
		return len(got) >= n
	})
	if err != nil {
		return got, waitErr(err, "%d response_url post(s), got %d", n, len(got))
	}
	return got, nil
}

// handleHook serves response URLs. Like Slack, a response URL works five
// times; the answer is {"ok":true} or {"ok":false,"error":...}.
func (s *Server) handleHook(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	post := ResponseURLPost{URL: s.http.URL + r.URL.Path, Body: body, At: time.Now()}
	var msg struct {
		Text            string          `json:"text"`
		Blocks          json.RawMessage `json:"blocks"`
		ResponseType    string          `json:"response_type"`
		ReplaceOriginal bool            `json:"replace_original"`
		DeleteOriginal  bool            `json:"delete_original"`
		ThreadTS        string          `json:"thread_ts"`
	}
	jsonErr := json.Unmarshal(body, &msg)
	post.Text, post.ResponseType, post.ThreadTS = msg.Text, msg.ResponseType, msg.ThreadTS
	post.ReplaceOriginal, post.DeleteOriginal = msg.ReplaceOriginal, msg.DeleteOriginal
	if len(msg.Blocks) > 0 && string(msg.Blocks) != "null" {
		post.Blocks = msg.Blocks
	}

	s.mu.Lock()
	res := s.hookLocked(r, msg.Text, post, jsonErr)
	post.Status, post.Error = res.status, res.errCode
	s.hookPosts = append(s.hookPosts, post)
	s.notifyLocked()
	s.mu.Unlock()
	s.logf("response_url %s %s -> %d %s", r.URL.Path, body, res.status, res.errCode)
	res.write(w)
}

func (s *Server) hookLocked(r *http.Request, text string, post ResponseURLPost, jsonErr error) result {
	if f := s.takeFaultLocked("response_url"); f != nil {
		res := result{status: f.status, retryAfter: f.retryAfter, raw: f.body}
		var b struct {
			Error string `json:"error"`
		}
		if json.Unmarshal([]byte(f.body), &b) == nil {
			res.errCode = b.Error
		}
		return res
	}
	h := s.hooks[r.URL.Path]
	switch {
	case r.Method != http.MethodPost:
		return result{status: http.StatusMethodNotAllowed, raw: "method_not_allowed", errCode: "method_not_allowed"}
	case h == nil:
		return result{status: http.StatusNotFound, raw: "no_service", errCode: "no_service"}
	case h.uses >= maxHookUses:
		return result{status: http.StatusNotFound, raw: "used_url", errCode: "used_url"}
	case jsonErr != nil:
		return result{status: http.StatusBadRequest, raw: "invalid_payload", errCode: "invalid_payload"}
	}
	h.uses++

	c := content{}
	if !post.DeleteOriginal {
		var bad *result
		c, bad = checkContent(text, true, string(post.Blocks), post.Blocks != nil, false, true)
		if bad != nil {
			return *bad
		}
	}
	cs := s.channels[h.channel]
	var orig *Message
	origIdx := -1
	if cs != nil && h.messageTS != "" {
		origIdx, orig = cs.findMessage(h.messageTS)
	}
	switch {
	case post.DeleteOriginal:
		if orig != nil {
			cs.messages = slices.Delete(cs.messages, origIdx, origIdx+1)
		}
	case post.ReplaceOriginal:
		if orig != nil {
			orig.Text = c.text
			orig.Blocks = nil
			if c.hasBlocks {
				orig.Blocks = slices.Clone(c.blocks)
			}
		}
	case strings.EqualFold(post.ResponseType, "in_channel") && cs != nil:
		cs.messages = append(cs.messages, s.botMessageLocked(s.nextTSLocked(), c, post.ThreadTS))
	}
	return ok(nil)
}
