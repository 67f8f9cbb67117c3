//go:build soak

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ---- the recording proxy in front of each fake ----

// soakProxy forwards every request to the fake unchanged and shows the
// request and the fake's answer to observe.
type soakProxy struct {
	target  string
	observe func(method, path string, body []byte, status int, resp []byte, at time.Time)
	once    sync.Once
	client  *http.Client
}

func (p *soakProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.once.Do(func() {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = 4
		p.client = &http.Client{Transport: tr}
	})
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	out, err := http.NewRequestWithContext(r.Context(), r.Method, p.target+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	out.Header = r.Header.Clone()
	resp, err := p.client.Do(out)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	rb, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	at := time.Now()
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.StatusCode)
	w.Write(rb)
	p.observe(r.Method, r.URL.Path, body, resp.StatusCode, rb, at)
}

func (p *soakProxy) closeIdle() {
	if p.client != nil {
		p.client.CloseIdleConnections()
	}
}

// soakDiscordBody is what a reply's JSON holds, for both messages and
// interaction callbacks ({"type":4,"data":{...}}).
type soakDiscordBody struct {
	Type    int    `json:"type"`
	Content string `json:"content"`
	Embeds  []struct {
		Title       string `json:"title"`
		Description string `json:"description"`
		Fields      []struct {
			Name  string `json:"name"`
			Value string `json:"value"`
		} `json:"fields"`
	} `json:"embeds"`
	Reference *struct {
		MessageID string `json:"message_id"`
	} `json:"message_reference"`
	Data *soakDiscordBody `json:"data"`
}

func (b *soakDiscordBody) text() string {
	if b.Data != nil {
		return b.Data.text()
	}
	var s strings.Builder
	s.WriteString(b.Content)
	for _, e := range b.Embeds {
		s.WriteString("\n" + e.Title + "\n" + e.Description)
		for _, f := range e.Fields {
			s.WriteString("\n" + f.Name + ": " + f.Value)
		}
	}
	return s.String()
}

// observeDiscord attributes the bot's REST calls that answer a member:
// channel messages by message_reference, interaction callbacks by id,
// edits of a deferred answer and follow-ups by the interaction token.
func (tr *soakTracker) observeDiscord(method, path string, body []byte, status int, resp []byte, at time.Time) {
	parts := strings.Split(strings.Trim(path, "/"), "/") // api v9 ...
	if len(parts) < 3 {
		return
	}
	parts = parts[2:]
	if method == "POST" && strings.Join(parts, "/") == "users/@me/channels" && status < 300 {
		var dm struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(resp, &dm) == nil {
			tr.mu.Lock()
			tr.dms[dm.ID] = true
			tr.mu.Unlock()
		}
		return
	}
	reply := false
	switch {
	case method == "POST" && len(parts) == 3 && parts[0] == "channels" && parts[2] == "messages",
		method == "POST" && len(parts) == 4 && parts[0] == "interactions" && parts[3] == "callback",
		method == "PATCH" && len(parts) == 5 && parts[0] == "webhooks" && parts[4] == "@original",
		method == "POST" && len(parts) == 3 && parts[0] == "webhooks":
		reply = true
	}
	if !reply {
		return
	}
	if status >= 300 {
		tr.refuse(fmt.Sprintf("discord %s %s: %d %s", method, path, status, resp))
		return
	}
	var b soakDiscordBody
	if err := json.Unmarshal(body, &b); err != nil {
		tr.refuse(fmt.Sprintf("discord %s %s: unreadable body: %v", method, path, err))
		return
	}
	switch parts[0] {
	case "channels":
		tr.mu.Lock()
		defer tr.mu.Unlock()
		if tr.dms[parts[1]] {
			return // a private reply by DM; its note in the channel is the reply counted
		}
		if b.Reference == nil {
			// The rest of a reply split at 2,000 characters: each worker
			// has its own channels and one request in flight, and a
			// channel is reused only after the worker's other channels.
			if r := tr.inChan[parts[1]]; r != nil {
				r.chunks++
			} else {
				tr.strayLocked("discord message without reference in " + parts[1] + ": " + b.text())
			}
			return
		}
		r := tr.byKey["dm:"+b.Reference.MessageID]
		if r == nil {
			tr.strayLocked("discord reply to an unknown message: " + b.text())
			return
		}
		tr.inChan[parts[1]] = r
		tr.replyLocked(r, at, b.text())
	case "interactions":
		switch b.Type {
		case 4, 7:
			tr.reply("di:"+parts[1], at, b.text())
		case 5, 6:
			tr.mu.Lock()
			tr.deferred++
			tr.mu.Unlock()
		}
	case "webhooks":
		tr.mu.Lock()
		defer tr.mu.Unlock()
		r := tr.byKey[tr.tokens[parts[2]]]
		switch {
		case r == nil:
			tr.strayLocked("discord webhook message for an unknown interaction: " + b.text())
		case method == "POST" && r.replies > 0:
			r.chunks++ // a follow-up: the rest of a split reply
		default:
			tr.replyLocked(r, at, b.text())
		}
	}
}

// observeSlack attributes chat.postMessage/postEphemeral by thread_ts (a
// mention's answer goes to its thread) or channel (a DM's answer), and
// response_url POSTs by the URL.
func (tr *soakTracker) observeSlack(method, path string, body []byte, status int, resp []byte, at time.Time) {
	switch {
	case path == "/api/chat.postMessage" || path == "/api/chat.postEphemeral":
		if status >= 300 || !bytes.Contains(resp, []byte(`"ok":true`)) {
			tr.refuse(fmt.Sprintf("slack %s: %d %s", path, status, resp))
			return
		}
		form, err := url.ParseQuery(string(body))
		if err != nil {
			tr.refuse(fmt.Sprintf("slack %s: unreadable body: %v", path, err))
			return
		}
		text := form.Get("text") + "\n" + form.Get("blocks")
		if ts := form.Get("thread_ts"); ts != "" {
			tr.reply("sm:"+ts, at, text)
		} else {
			tr.reply("sd:"+form.Get("channel"), at, text)
		}
	case strings.HasPrefix(path, "/hooks/"):
		if status >= 300 || !bytes.Contains(resp, []byte(`"ok":true`)) {
			tr.refuse(fmt.Sprintf("slack response_url %s: %d %s", path, status, resp))
			return
		}
		tr.reply("sh:"+path, at, string(body))
	}
}

// ---- the console ----

// soakConsole is the console process's standard input and output: each
// Write is one reply (the console writes a reply in one call).
type soakConsole struct {
	tr *soakTracker
	in io.Writer
	// proactive counts messages the bot started itself ("[#channel] …").
	proactive atomic.Int64
}

func (c *soakConsole) Write(p []byte) (int, error) {
	at := time.Now()
	text := string(p)
	if strings.HasPrefix(text, "[#") || strings.HasPrefix(text, "[@") {
		c.proactive.Add(1)
		return len(p), nil
	}
	tr := c.tr
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if len(tr.consoleQ) == 0 {
		tr.strayLocked("console: " + text)
		return len(p), nil
	}
	r := tr.consoleQ[0]
	tr.consoleQ = tr.consoleQ[1:]
	tr.replyLocked(r, at, text)
	return len(p), nil
}

func (c *soakConsole) send(_ int, op soakOp) *soakReq {
	r := c.tr.register("console", op.kind, "")
	c.tr.mu.Lock()
	c.tr.consoleQ = append(c.tr.consoleQ, r)
	c.tr.mu.Unlock()
	io.WriteString(c.in, op.text()+"\n")
	return r
}
