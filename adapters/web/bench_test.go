package web_test

// Benchmarks of the dashboard on a community of the size issue 18 names:
// 10,000 members, 1,000 meetups with their RSVPs and 50,000 audit
// entries, in a real SQLite file. The figures are in docs/BENCHMARKS.md
// ("Web dashboard").

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/storage"
)

// The size of the benchmarks' community.
const (
	benchMembers   = 10_000
	benchMeetups   = 1_000
	benchRSVPs     = 20 // per meetup
	benchAudit     = 50_000
	benchTags      = 400
	benchInterests = 5 // per member
	benchQuestions = 2_000
	benchAnswers   = 20_000
	benchAnnounces = 30
)

// seedBench makes the benchmarks' database at path: migrated, then one
// transaction of parameterized INSERTs (members, profiles, interests,
// meetups and RSVPs, the audit log, open questions and their askers,
// answers given and votes, announcement deliveries) and the announcements
// through storage. The community lives on the console, the platform the
// harness's members are on. Times are around now: half the meetups are
// past, half upcoming (one a day); the audit log spans a year.
func seedBench(b *testing.B, path string, now time.Time) {
	b.Helper()
	ctx := context.Background()
	start := time.Now()
	d, err := storage.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	const p = "console"
	day := int64(24 * 3600)
	at := now.Unix()
	for i := range benchAnnounces {
		spec := []string{"0 18 * * 5", "0 9 * * 1", "RRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=17;BYMINUTE=0"}[i%3]
		if _, err := d.CreateAnnouncement(ctx, storage.Announcement{Spec: spec, Text: fmt.Sprintf("Påminnelse nummer %d: fika i ateljén, alla välkomna!", i+1),
			CreatedBy: "console:olle", Targets: []storage.Target{{Platform: bot.PlatformConsole, Channel: "allmant"}, {Platform: bot.PlatformConsole, Channel: "nyheter"}}}); err != nil {
			b.Fatal(err)
		}
	}
	tx, err := d.SQL().BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	exec := func(q string, rows int, args func(i int) []any) {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		defer st.Close()
		for i := range rows {
			if _, err := st.ExecContext(ctx, args(i)...); err != nil {
				b.Fatalf("%s: row %d: %v", q, i, err)
			}
		}
	}
	user := func(i int) string { return fmt.Sprintf("u%d", i%benchMembers) }
	exec(`INSERT INTO members (platform, user_id, display_name, locale, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)`, benchMembers,
		func(i int) []any {
			return []any{p, user(i), fmt.Sprintf("Medlem %d", i), []string{"", "sv", "en"}[i%3], at - 400*day + int64(i), at - int64(i%90)*day}
		})
	exec(`INSERT INTO profiles (platform, user_id, drive, about, region, visibility, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, benchMembers/2,
		func(i int) []any {
			return []any{p, user(2 * i), []string{"passion", "market", "both", ""}[i%4], "Keramiker och bagare", "Norrbotten",
				[]string{"members", "members", "members", "organisers", "hidden"}[i%5], at - int64(i)}
		})
	exec(`INSERT INTO interests (platform, user_id, tag_key, tag, added_at) VALUES (?, ?, ?, ?, ?)`, benchMembers*benchInterests,
		func(i int) []any {
			m, k := i/benchInterests, i%benchInterests
			// Skewed towards the first tags, as real interests are.
			t := (m*7 + k*k*131) % benchTags
			if k < 2 {
				t %= 40
			}
			return []any{p, user(m), fmt.Sprintf("intresse%d", t), fmt.Sprintf("Intresse %d", t), at - int64(i%365)*day}
		})
	exec(`INSERT INTO meetups (uid, title, description, location, starts_at, ends_at, capacity, platform, channel_id, organiser_platform, organiser_id, status, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, benchMeetups,
		func(i int) []any {
			startsAt := at + int64(i-benchMeetups/2)*day + 3600
			var capacity any
			if i%5 == 0 {
				capacity = 10
			}
			status := "scheduled"
			if i%17 == 0 {
				status = "cancelled"
			}
			return []any{fmt.Sprintf("bench-%d@passionbot", i), fmt.Sprintf("Träff %d: keramik och surdeg", i+1), "Vi ses i ateljén.", "Ateljén, Storgatan 1",
				startsAt, startsAt + 3*3600, capacity, p, "allmant", p, "olle", status, startsAt - 30*day, startsAt - 30*day}
		})
	exec(`INSERT INTO rsvps (meetup_id, platform, user_id, answer, waitlisted, seq, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, benchMeetups*benchRSVPs,
		func(i int) []any {
			m, k := i/benchRSVPs, i%benchRSVPs
			answer := "yes"
			switch k % 10 {
			case 7, 8:
				answer = "maybe"
			case 9:
				answer = "no"
			}
			waitlisted := m%5 == 0 && answer == "yes" && k >= 12
			return []any{m + 1, p, user(m*37 + k*499), answer, waitlisted, i, at - int64(k)*3600}
		})
	actions := []string{"warn", "timeout", "untimeout", "channel lock", "purge", "automod", "member forget", "role grant"}
	exec(`INSERT INTO audit_log (at, platform, actor_id, action, target, reason, result, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, benchAudit,
		func(i int) []any {
			result := "ok"
			switch {
			case i%10 == 3:
				result = "refused"
			case i%50 == 7:
				result = "failed"
			}
			actor := fmt.Sprintf("mod%d", i%5)
			if actions[i%len(actions)] == "automod" {
				actor = "automod"
			}
			return []any{at - int64(benchAudit-i)*630, p, actor, actions[i%len(actions)], user(i * 13), fmt.Sprintf("anledning %d", i), result, ""}
		})
	exec(`INSERT INTO unanswered_questions (normalized, question, lang, times_asked, first_asked, last_asked, answered_by) VALUES (?, ?, ?, ?, ?, ?, ?)`, benchQuestions,
		func(i int) []any {
			var answered any
			if i%4 == 0 {
				answered = "bot-about"
			}
			q := question(i)
			return []any{strings.ToLower(strings.TrimSuffix(q, "?")), q, "sv", 1 + i%3, at - int64(i%170)*day - 3600, at - int64(i%170)*day, answered}
		})
	exec(`INSERT INTO question_askers (question_id, platform, user_id, asked_at) VALUES (?, ?, ?, ?)`, benchQuestions*2,
		func(i int) []any { return []any{i/2 + 1, p, user(i*7 + i%2), at - int64((i/2)%170)*day} })
	exec(`INSERT INTO answers (platform, user_id, question, topic_id, lang, asked_at) VALUES (?, ?, ?, ?, ?, ?)`, benchAnswers,
		func(i int) []any {
			return []any{p, user(i * 3), fmt.Sprintf("Vad är passionsdriven ekonomi, fråga %d?", i), []string{"bot-about", "bot-interests", "bot-how-to-ask"}[i%3], "sv", at - int64(i%175)*day}
		})
	exec(`INSERT INTO answer_votes (answer_id, platform, user_id, vote, voted_at) VALUES (?, ?, ?, ?, ?)`, benchAnswers/10,
		func(i int) []any {
			return []any{i*10 + 1, p, user(i * 30), []string{"down", "up"}[i%2], at - int64((i*10)%175)*day}
		})
	exec(`INSERT INTO deliveries (job, fire_at, target, status, late, attempts, claimed_at, delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, benchAnnounces*52,
		func(i int) []any {
			fire := at - int64(i/benchAnnounces+1)*7*day
			status := "delivered"
			if i%40 == 0 {
				status = "failed"
			}
			return []any{fmt.Sprintf("announce:%d", i%benchAnnounces+1), fire, "console:#allmant", status, i%25 == 0, 1, fire, fire + 2}
		})
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %s in %v", path, time.Since(start).Round(time.Millisecond))
}

// question is the i-th of 2,160 different questions (none a near-duplicate
// of another: the most work for faq unanswered's grouping).
func question(i int) string {
	verbs := []string{"söker", "hyr", "säljer", "köper", "bygger", "lagar", "marknadsför", "finansierar", "försäkrar", "deklarerar", "startar", "driver"}
	things := []string{"brännugn", "ateljé", "matbod", "surdegsbageri", "vävstol", "gårdsbutik", "hemsida", "föreningslokal", "turistboende", "keramikkurs", "kafé", "smedja", "hantverksmässa", "fotostudio", "yogastudio"}
	places := []string{"Kiruna", "Luleå", "Piteå", "Boden", "Gällivare", "Jokkmokk", "Haparanda", "Kalix", "Arvidsjaur", "Älvsbyn", "Överkalix", "Pajala"}
	return fmt.Sprintf("Hur %s man en %s i %s?", verbs[i%len(verbs)], things[(i/len(verbs))%len(things)], places[(i/(len(verbs)*len(things)))%len(places)])
}

// benchPages are the dashboard's pages as an admin sees them: the menu,
// a form page, the audit log filtered, and the command index.
var benchPages = []struct{ Name, Path string }{
	{"home", "/"},
	{"meetups", "/meetups"},
	{"interests", "/interests"},
	{"announcements", "/announcements"},
	{"faq", "/faq"},
	{"stats", "/stats"},
	{"modlog", "/modlog"},
	{"modlog_filtered", "/modlog?" + url.Values{"action": {"warn"}, "outcome": {"refused"}, "since": {"2020-01-01"}}.Encode()},
	{"form_meetup_create", "/c/meetup/create"},
	{"commands", "/c"},
}

// serve runs one request through h with the session cookie (nil: none).
func serve(h http.Handler, cookie *http.Cookie, method, path string, form url.Values) *httptest.ResponseRecorder {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if cookie != nil {
		req.AddCookie(cookie)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// benchDashboard is the bot on the seeded database with the dashboard
// (and, public, the community page) served by handlers, and an admin's
// session cookie.
func benchDashboard(b *testing.B) (dash, public http.Handler, admin *http.Cookie) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "bench.db")
	seedBench(b, path, time.Now())
	h := bottest.New(b, bottest.WithDatabase(path), bottest.WithWeb(false))
	run := func(public bool) http.Handler {
		cfg := h.Config
		cfg.Web.Public = public
		a, err := h.App.Web(cfg, h.DB, nil, h.Clock.Now)
		if err != nil || a == nil {
			b.Fatalf("web: %v", err)
		}
		ctx, stop := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { _ = a.Run(ctx, h.Bot); close(done) }()
		b.Cleanup(func() { stop(); <-done })
		return a.Handler()
	}
	dash, public = run(false), run(true)
	h.Outbox.SetMember(bot.User{ID: "ada", Name: "Ada", Role: bot.RoleAdmin})
	rec := serve(dash, nil, "POST", "/signin", url.Values{"t": {h.SignInLink(h.Member("ada", bot.RoleAdmin))}})
	for _, c := range rec.Result().Cookies() {
		if c.Name == "passionbot_session" {
			admin = c
		}
	}
	if admin == nil {
		b.Fatalf("sign in: %d %s", rec.Code, rec.Body)
	}
	for range 500 { // until Run has handed the adapter the bot
		if serve(dash, admin, "GET", "/meetups", nil).Code == http.StatusOK {
			return dash, public, admin
		}
		time.Sleep(2 * time.Millisecond)
	}
	b.Fatal("the dashboard never ran")
	return
}

// BenchmarkPage measures each page's server time through the handler
// (httptest.NewRecorder on Handler(), a signed-in admin's cookie): ns/op
// and B/op for the whole request (session, the member's facts and role,
// the commands the page runs through the core, the template), the 99th
// percentile of the requests' durations (p99-ms), the HTML's weight
// (bytes/page) and with the stylesheet (bytes+css; a browser loads it
// once and caches it for an hour).
//
//	go test -run '^$' -bench 'Page' -benchmem ./adapters/web/
func BenchmarkPage(b *testing.B) {
	dash, public, admin := benchDashboard(b)
	css := serve(dash, nil, "GET", "/static/style.css", nil).Body.Len()
	b.Logf("stylesheet: %d bytes", css)
	pages := append(slices.Clone(benchPages), struct{ Name, Path string }{"public", "/"})
	for _, p := range pages {
		h, cookie := dash, admin
		if p.Name == "public" {
			h, cookie = public, nil
		}
		b.Run(p.Name, func(b *testing.B) {
			first := serve(h, cookie, "GET", p.Path, nil)
			if body := first.Body.String(); first.Code != http.StatusOK || strings.Contains(body, "gick fel") {
				b.Fatalf("GET %s: %d %s", p.Path, first.Code, body)
			}
			size := first.Body.Len()
			durs := make([]time.Duration, 0, 4096)
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("GET", p.Path, nil)
				if cookie != nil {
					req.AddCookie(cookie)
				}
				rec := httptest.NewRecorder()
				t0 := time.Now()
				h.ServeHTTP(rec, req)
				durs = append(durs, time.Since(t0))
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s: %d", p.Path, rec.Code)
				}
			}
			b.ReportMetric(percentile(durs, 0.99).Seconds()*1000, "p99-ms")
			b.ReportMetric(float64(size), "bytes/page")
			b.ReportMetric(float64(size+css), "bytes+css")
		})
	}
}

// percentile is the q-quantile of ds (nearest rank).
func percentile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[max(0, int(math.Ceil(q*float64(len(s))))-1)]
}

// BenchmarkIdleRSSWithWeb starts the release build of passionbot (go
// build -trimpath -ldflags "-s -w") as its own process on the benchmarks'
// database (a copy of seedBench's) with the console and [http] listen,
// waits until /healthz says all is well and lets it idle 5 s: RSS-MiB is
// its resident memory (VmRSS) then. web_off is the baseline ([web]
// enabled = false); web_on has [web] enabled and public, and then signs
// in through the console (`dashboard` prints the link), fetches every
// page three times (and the community page) and idles 5 s again:
// RSS-after-pages-MiB. Each on a new database ("empty") and on the
// seeded one.
//
//	go test -run '^$' -bench IdleRSSWithWeb -benchtime 1x ./adapters/web/
func BenchmarkIdleRSSWithWeb(b *testing.B) {
	dir := b.TempDir()
	root, err := filepath.Abs("../..")
	if err != nil {
		b.Fatal(err)
	}
	bin := filepath.Join(dir, "pb")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", bin, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	seeded := filepath.Join(dir, "seed.db")
	seedBench(b, seeded, time.Now())
	for _, db := range []string{"empty", "seeded"} {
		for _, on := range []bool{false, true} {
			name := db + "/" + map[bool]string{false: "web_off", true: "web_on"}[on]
			from := seeded
			if db == "empty" {
				from = ""
			}
			b.Run(name, func(b *testing.B) {
				for n := range b.N {
					idle, after := idleRSS(b, bin, from, filepath.Join(dir, fmt.Sprintf("%s-%v-%d", db, on, n)), on)
					b.ReportMetric(idle/1024, "RSS-MiB")
					if on {
						b.ReportMetric(after/1024, "RSS-after-pages-MiB")
					}
				}
			})
		}
	}
}

// idleRSS runs bin on a copy of the database seeded ("": a new one) in
// dir and returns
// its VmRSS (kB) after start and 5 s idle, and, with the web on, after
// serving every page three times and 5 s idle.
func idleRSS(b *testing.B, bin, seeded, dir string, webOn bool) (idle, after float64) {
	b.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	addr := freeAddr(b)
	cfg := filepath.Join(dir, "pb.toml")
	conf := fmt.Sprintf("[http]\nlisten = %q\n[web]\nenabled = %v\npublic = %v\n", addr, webOn, webOn)
	if err := os.WriteFile(cfg, []byte(conf), 0o600); err != nil {
		b.Fatal(err)
	}
	db := filepath.Join(dir, "p.db")
	if seeded != "" {
		copyFile(b, seeded, db)
	}
	cmd := exec.Command(bin, "--config", cfg, "--db", db)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	links := make(chan string, 1)
	go func() {
		link := regexp.MustCompile(`/signin\?t=([A-Za-z0-9_-]+)`)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := link.FindStringSubmatch(sc.Text()); m != nil {
				links <- m[1]
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	defer func() {
		stdin.Close()
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}()
	base := "http://" + addr
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			b.Fatal("never healthy")
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(5 * time.Second)
	idle = vmRSS(b, cmd.Process.Pid)
	if !webOn {
		return idle, 0
	}
	io.WriteString(stdin, "dashboard\n")
	var token string
	select {
	case token = <-links:
	case <-time.After(10 * time.Second):
		b.Fatal("no sign-in link on the console")
	}
	browser := bottest.NewBrowser(b, base)
	if code, body := browser.Post("/signin", url.Values{"t": {token}}); code != http.StatusOK {
		b.Fatalf("sign in: %d %s", code, body)
	}
	for range 3 {
		for _, p := range benchPages {
			if code, _ := browser.Get(p.Path); code != http.StatusOK {
				b.Fatalf("GET %s: %d", p.Path, code)
			}
		}
		if code, body := bottest.NewBrowser(b, base).Get("/"); code != http.StatusOK || !strings.Contains(body, "webcal://") {
			b.Fatalf("public page: %d", code)
		}
	}
	time.Sleep(5 * time.Second)
	return idle, vmRSS(b, cmd.Process.Pid)
}

// vmRSS is a process's resident memory in kB.
func vmRSS(b *testing.B, pid int) float64 {
	b.Helper()
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb
		}
	}
	b.Fatal("no VmRSS")
	return 0
}

func freeAddr(b *testing.B) string {
	b.Helper()
	l, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// copyFile copies a closed database (and its WAL, if one was left).
func copyFile(b *testing.B, from, to string) {
	b.Helper()
	for _, suffix := range []string{"", "-wal"} {
		data, err := os.ReadFile(from + suffix)
		if os.IsNotExist(err) && suffix != "" {
			continue
		}
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(to+suffix, data, 0o600); err != nil {
			b.Fatal(err)
		}
	}
}
