// Package browsertest drives a real headless Chromium from tests, through
// the DevTools protocol (github.com/chromedp/chromedp), so that the web
// dashboard is tested as members see it: real layout, real forms, real
// keyboard focus, and the page's Content-Security-Policy enforced.
//
// New starts a fresh browser for one test. While the test runs it records
// every network request the page makes and every console error, uncaught
// exception and CSP violation; at the end the test fails on a request to
// another origin than the test server's (no third-party requests) and on
// any error in the console (the CSP forbids inline styles and scripts, so a
// violation means a page is broken). A page's own HTTP status (a 403 page
// the test asked for) is not an error: the test checks it; nor is the
// browser's own request for /favicon.ico.
//
// When no Chromium is installed the tests are skipped, unless
// PASSIONBOT_REQUIRE_BROWSER=1 (CI) makes that a failure.
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Timeout bounds one helper's work in the browser (a navigation, a click
// and the page it loads): a page that never loads fails the test instead
// of hanging it.
const Timeout = 10 * time.Second

// Phone and Desktop are the viewports screenshots are taken at.
var (
	Phone   = Size{Width: 390, Height: 844, Mobile: true}
	Desktop = Size{Width: 1280, Height: 900}
)

// Size is a viewport.
type Size struct {
	Width, Height int64
	Mobile        bool // emulate a phone (its viewport meta, touch-sized UI)
}

// String names a size in screenshot names: "phone" or "desktop" for the
// two above, else WxH.
func (s Size) String() string {
	switch s {
	case Phone:
		return "phone"
	case Desktop:
		return "desktop"
	}
	return fmt.Sprintf("%dx%d", s.Width, s.Height)
}

// Executable finds Chromium: $CHROMIUM, else /usr/bin/chromium, else
// chromium, chromium-browser or google-chrome in PATH. "" when there is
// none.
func Executable() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	if fi, err := os.Stat("/usr/bin/chromium"); err == nil && !fi.IsDir() {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// RequireEnv is the environment variable that makes a missing browser a
// failure instead of a skip.
const RequireEnv = "PASSIONBOT_REQUIRE_BROWSER"

type key struct{}

// recorder is one test's browser: what the page did that the test must
// not let pass.
type recorder struct {
	t testing.TB

	mu       sync.Mutex
	origin   string                     // scheme://host:port of the first page loaded
	docs     map[network.RequestID]bool // requests for documents (navigations)
	page     string                     // the document last requested, for messages
	problems []string
}

func from(ctx context.Context) *recorder {
	r, _ := ctx.Value(key{}).(*recorder)
	if r == nil {
		panic("browsertest: the context does not come from browsertest.New")
	}
	return r
}

// New starts a headless Chromium with a fresh profile in t.TempDir() and
// returns the context of its tab; the browser is closed when the test ends.
// The browser asks for Swedish pages (Accept-Language sv-SE), as the
// community's members mostly do.
//
// The first page the tab loads fixes the test server's origin: a request
// to any other origin fails the test, as does an error in the console.
func New(t testing.TB) context.Context {
	t.Helper()
	path := Executable()
	if path == "" {
		if os.Getenv(RequireEnv) == "1" {
			t.Fatalf("chromium not installed, and %s=1: apt-get install chromium (or set CHROMIUM to the browser)", RequireEnv)
		}
		t.Skip("chromium not installed: apt-get install chromium; these tests run in CI")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		// A closed network: nothing of Google's may be tried.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("accept-lang", "sv-SE,sv"),
		chromedp.Flag("lang", "sv-SE"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(int(Desktop.Width), int(Desktop.Height)),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	rec := &recorder{t: t, docs: map[network.RequestID]bool{}}
	ctx, cancel := chromedp.NewContext(context.WithValue(allocCtx, key{}, rec), chromedp.WithListener(rec.event),
		// chromedp's own complaints (an event it cannot decode) are no
		// concern of the page's; they would outlive the test's log.
		chromedp.WithLogf(func(string, ...any) {}), chromedp.WithErrorf(func(string, ...any) {}))
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		cancel()
		cancelAlloc()
		t.Fatalf("starting %s: %v", path, err)
	}
	t.Cleanup(func() {
		rec.report()
		cctx, ccancel := context.WithTimeout(ctx, 10*time.Second)
		defer ccancel()
		_ = chromedp.Cancel(cctx)
		cancel()
		cancelAlloc()
	})
	return ctx
}

// Another opens another window of ctx's browser with cookies of its own:
// a second member's browser beside the first. Its requests and console
// are checked as New's are; it closes when the test ends.
func Another(ctx context.Context) context.Context {
	r := from(ctx)
	r.t.Helper()
	rec := &recorder{t: r.t, docs: map[network.RequestID]bool{}}
	actx, cancel := chromedp.NewContext(context.WithValue(ctx, key{}, rec), chromedp.WithNewBrowserContext(), chromedp.WithListener(rec.event))
	if err := chromedp.Do(actx); err != nil {
		cancel()
		r.t.Fatalf("opening another window: %v", err)
	}
	r.t.Cleanup(func() {
		rec.report()
		cancel()
	})
	return actx
}

// event records what matters of the tab's events. It runs in chromedp's
// read loop: it must be quick and run no command.
func (r *recorder) event(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		if ev.Type == network.ResourceTypeDocument {
			r.docs[ev.RequestID] = true
			r.page = u
			if r.origin == "" {
				r.origin = origin(u)
			}
		}
		if o := origin(u); o != "" && r.origin != "" && o != r.origin {
			r.problems = append(r.problems, fmt.Sprintf("third-party request (%s) to %s from %s", ev.Type, u, r.page))
		}
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level != log.EntryLevelError {
			return
		}
		if e.Source == log.EntrySourceNetwork && r.docs[e.NetworkRequestID] {
			return // a page's own status: the test checks it
		}
		if e.Source == log.EntrySourceNetwork && strings.HasSuffix(e.URL, "/favicon.ico") {
			// The browser asks for it by itself; a page that names no
			// icon is not broken.
			return
		}
		r.problems = append(r.problems, fmt.Sprintf("console error (%s) on %s: %s %s", e.Source, r.page, e.Text, e.URL))
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		r.problems = append(r.problems, fmt.Sprintf("uncaught exception on %s: %s", r.page, text))
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError && ev.Type != runtime.ConsoleAPICalledTypeAssert {
			return
		}
		var parts []string
		for _, a := range ev.Args {
			parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
		}
		r.problems = append(r.problems, fmt.Sprintf("console.%s on %s: %s", ev.Type, r.page, strings.Join(parts, " ")))
	}
}

// origin is scheme://host:port of a network URL, "" for others (data:,
// about:, blob:).
func origin(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	switch u.Scheme {
	case "http", "https", "ws", "wss", "ftp":
		return u.Scheme + "://" + u.Host
	}
	return ""
}

// report fails the test on what the page did wrong.
func (r *recorder) report() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range r.problems {
		r.t.Errorf("browser: %s", p)
	}
	r.problems = nil
}

// take returns and forgets the problems recorded so far (for the package's
// own tests).
func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.problems
	r.problems = nil
	return p
}

// Check fails the test now on what the page did wrong so far (New's
// cleanup checks at the end anyway); useful right after a step to see
// which one broke a page.
func Check(ctx context.Context) {
	r := from(ctx)
	r.t.Helper()
	r.report()
}

// run runs steps with Timeout.
func run(ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	r := from(ctx)
	r.t.Helper()
	tctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	if err := chromedp.Do(tctx, steps...); err != nil {
		r.t.Fatalf("browser: %s: %v", what, err)
	}
}

// Do runs chromedp actions (each helper's Timeout overall) and fails the
// test on an error.
func Do(ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	from(ctx).t.Helper()
	run(ctx, "actions", steps...)
}

// Get runs a chromedp action that returns a value (with Timeout) and fails
// the test on an error.
func Get[T any](ctx context.Context, a chromedp.Action[T]) T {
	r := from(ctx)
	r.t.Helper()
	tctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	v, err := chromedp.Run(tctx, a)
	if err != nil {
		r.t.Fatalf("browser: %v", err)
	}
	return v
}

// Open loads a page and returns its HTTP status.
func Open(ctx context.Context, u string) int {
	r := from(ctx)
	r.t.Helper()
	tctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	resp, err := chromedp.Run(tctx, chromedp.NavigateResponse(u))
	if err != nil {
		r.t.Fatalf("browser: open %s: %v", u, err)
	}
	return int(resp.Status)
}

// Click clicks the element sel (CSS) that loads a page (a link, a form's
// button) and returns the loaded page's HTTP status; after a redirect, the
// status of the page redirected to.
func Click(ctx context.Context, sel string) int {
	r := from(ctx)
	r.t.Helper()
	tctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	resp, err := chromedp.RunResponse(tctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		r.t.Fatalf("browser: click %s: %v", sel, err)
	}
	return int(resp.Status)
}

// Text is the rendered text of the first element sel (CSS) matches.
func Text(ctx context.Context, sel string) string {
	from(ctx).t.Helper()
	return Get(ctx, chromedp.Text(chromedp.CSS(sel)))
}

// Eval evaluates a JavaScript expression in the page (through the
// protocol: the page's CSP does not apply) and decodes its value.
func Eval[T any](ctx context.Context, expr string) T {
	from(ctx).t.Helper()
	return Get(ctx, chromedp.Evaluate[T](expr))
}

// Resize sets the viewport; the page lays itself out again.
func Resize(ctx context.Context, s Size) {
	from(ctx).t.Helper()
	var opts []chromedp.EmulateViewportOption
	if s.Mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	run(ctx, "resize to "+s.String(), chromedp.EmulateViewport(s.Width, s.Height, opts...))
}

// Dir is where screenshots go: $TMPDIR/passionbot-screenshots.
func Dir() string { return filepath.Join(os.TempDir(), "passionbot-screenshots") }

// Screenshot writes a full-page PNG of the tab to Dir()/<name>.png and logs
// its path.
func Screenshot(ctx context.Context, name string) string {
	r := from(ctx)
	r.t.Helper()
	png := Get(ctx, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		m, err := cdp.Call(ctx, t, page.GetLayoutMetrics, cdp.Empty{})
		if err != nil {
			return nil, err
		}
		if m.CSSContentSize == nil || m.CSSLayoutViewport == nil {
			return nil, errors.New("no layout metrics")
		}
		w := max(m.CSSContentSize.Width, float64(m.CSSLayoutViewport.ClientWidth))
		h := max(m.CSSContentSize.Height, float64(m.CSSLayoutViewport.ClientHeight))
		res, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format: page.CaptureScreenshotFormatPng, CaptureBeyondViewport: new(true), FromSurface: new(true), OptimizeForSpeed: new(true),
			Clip: &page.Viewport{Width: w, Height: h, Scale: 1},
		})
		return res.Data, err
	})
	if err := os.MkdirAll(Dir(), 0o755); err != nil {
		r.t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(Dir(), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		r.t.Fatalf("screenshot: %v", err)
	}
	r.t.Logf("screenshot %s", path)
	return path
}
