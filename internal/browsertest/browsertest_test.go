package browsertest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// csp is the dashboard's policy, so that the recorder is tested against
// the violations it will see there.
const csp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

func server(t *testing.T) string {
	mux := http.NewServeMux()
	page := func(status int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Security-Policy", csp)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(status)
			_, _ = w.Write([]byte(`<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>t</title><link rel="stylesheet" href="/s.css"></head><body>` + body + `</body></html>`))
		}
	}
	mux.HandleFunc("GET /s.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css")
		_, _ = w.Write([]byte("body{margin:0}"))
	})
	mux.HandleFunc("GET /ok", page(200, `<p id="p">hej</p><form method="post" action="/ok"><button id="b">go</button></form>`))
	mux.HandleFunc("POST /ok", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/forbidden", http.StatusSeeOther) })
	mux.HandleFunc("GET /forbidden", page(403, `<p>nej</p>`))
	mux.HandleFunc("GET /inline-style", page(200, `<p style="color:red">x</p>`))
	mux.HandleFunc("GET /inline-script", page(200, `<script>document.title='x'</script>`))
	mux.HandleFunc("GET /third-party", func(w http.ResponseWriter, r *http.Request) {
		// No CSP here: the request is made, and the recorder must see it.
		_, _ = w.Write([]byte(`<!doctype html><img src="http://localhost:1/x.png" alt="">`))
	})
	mux.HandleFunc("GET /missing-css", page(200, `<link rel="stylesheet" href="/nothing.css">`))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestCleanPagesPass: a page that follows the policy, a click that posts
// and is redirected to a 403 page, and a screenshot: nothing recorded.
func TestCleanPagesPass(t *testing.T) {
	ctx := New(t)
	base := server(t)
	if code := Open(ctx, base+"/ok"); code != 200 {
		t.Fatalf("status %d", code)
	}
	if got := Text(ctx, "#p"); got != "hej" {
		t.Fatalf("text %q", got)
	}
	if code := Click(ctx, "#b"); code != http.StatusForbidden {
		t.Fatalf("after the redirect: status %d", code)
	}
	if lang := Eval[string](ctx, "navigator.language"); !strings.HasPrefix(lang, "sv") {
		t.Errorf("navigator.language = %q", lang)
	}
	Resize(ctx, Phone)
	path := Screenshot(ctx, "browsertest-self")
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("screenshot: %v", err)
	}
	if p := from(ctx).take(); len(p) > 0 {
		t.Fatalf("problems on clean pages: %q", p)
	}
}

// TestViolationsRecorded: inline style and script (refused by the CSP),
// a request to another origin and a missing stylesheet are all recorded.
func TestViolationsRecorded(t *testing.T) {
	ctx := New(t)
	base := server(t)
	for _, c := range []struct{ path, want string }{
		{"/inline-style", "Content Security Policy"},
		{"/inline-script", "Content Security Policy"},
		{"/third-party", "third-party request"},
		{"/missing-css", "nothing.css"},
	} {
		Open(ctx, base+c.path)
		Open(ctx, base+"/ok") // the events of the page above have arrived
		p := from(ctx).take()
		if len(p) == 0 || !strings.Contains(strings.Join(p, "\n"), c.want) {
			t.Errorf("%s: recorded %q, want %q", c.path, p, c.want)
		}
	}
}
