package slack

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// lenientTransport reads only what the adapter needs from the answers to
// chat.postMessage, chat.postEphemeral and chat.update: ok, error, the
// channel and the timestamps. slack-go decodes the echoed message whole,
// and a compatible server (or a future Slack) that types one of its fields
// otherwise would turn a delivered message into an error; a 2xx with
// "ok": true is a delivered message.
type lenientTransport struct{ next http.RoundTripper }

// chatAnswerFields are the fields of a chat.* answer the adapter reads.
var chatAnswerFields = []string{"ok", "error", "warning", "needed", "provided", "channel", "ts", "message_ts", "response_metadata"}

func (t lenientTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(r)
	if err != nil || resp.StatusCode/100 != 2 || !isChatWrite(r.URL.Path) {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(trimChatAnswer(body)))
	resp.ContentLength = -1
	resp.Header.Del("Content-Length")
	return resp, nil
}

// isChatWrite reports the Web API methods whose answers echo a message.
func isChatWrite(path string) bool {
	for _, m := range []string{"/chat.postMessage", "/chat.postEphemeral", "/chat.update"} {
		if strings.HasSuffix(path, m) {
			return true
		}
	}
	return false
}

// trimChatAnswer keeps the fields the adapter reads; a body that is not a
// JSON object is passed on as it came.
func trimChatAnswer(body []byte) []byte {
	var all map[string]json.RawMessage
	if json.Unmarshal(body, &all) != nil {
		return body
	}
	kept := map[string]json.RawMessage{}
	for _, k := range chatAnswerFields {
		if v, ok := all[k]; ok {
			kept[k] = v
		}
	}
	out, err := json.Marshal(kept)
	if err != nil {
		return body
	}
	return out
}

// CloseIdleConnections closes the wrapped transport's idle connections
// (http.Client.CloseIdleConnections reaches it through here).
func (t lenientTransport) CloseIdleConnections() {
	if c, ok := t.next.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}
