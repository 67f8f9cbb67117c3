//go:build soak

package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"passionbot/internal/discordfake"
	"passionbot/internal/slackfake"
)

// ---- the workload ----

// The kinds of request, and what their replies must contain (either
// language: the bot answers English questions in English).
var soakKinds = []string{"interests.add", "interests.who", "interests.mine", "interests.top", "profile.set",
	"ask.kb", "ask.unknown", "help", "meetup.list", "faq.unanswered"}

var soakWeights = map[string]int{"interests.add": 20, "interests.who": 12, "interests.mine": 5, "interests.top": 6,
	"profile.set": 10, "ask.kb": 18, "ask.unknown": 10, "help": 5, "meetup.list": 8, "faq.unanswered": 6}

var soakExpect = map[string][]string{
	"interests.add":  {"Tillagt: ", "Added: ", "högst 50 intressen", "at most 50 interests"},
	"interests.who":  {" medlemmar – ", " members – ", " medlem – ", " member – ", "Ingen (som syns)", "Nobody (visible)"},
	"interests.mine": {"Dina intressen", "Your interests", "inga intressen", "no interests"},
	"interests.top":  {"Vanligaste intressena", "Most common interests"},
	"profile.set":    {"Din profil är sparad", "Your profile is saved"},
	"ask.kb":         {"Källa: ", "Source: "},
	"ask.unknown":    {"Det vet jag inte än", "I don't know that yet"},
	"help":           {"Kommandon du kan använda", "Commands you can use"},
	"meetup.list":    {"Soakträff"},
	// By mention the list is private: a DM, and this note in the channel.
	"faq.unanswered": {"Obesvarade frågor", "Unanswered questions", "Jag skickade svaret till dig i ett DM", "I sent you the answer in a DM"},
}

var soakQuestions = []string{
	"vad är passionsdriven ekonomi?", "what is the passion economy?", "vad står PUNKS för?",
	"what does PUNKS stand for?", "vem beställde rapporten?", "who commissioned the report?",
	"vad är VIAkub Halland?", "vilka är de tre principerna?", "what are the recommendations of the report?",
}

var soakWords = []string{"keramik", "surdeg", "textil", "glas", "smide", "vävning", "biodling", "odling", "foto", "musik",
	"dans", "teater", "trä", "design", "turism", "hälsa", "mat", "konst", "litteratur", "måleri"}

var soakPlaces = []string{"Halmstad", "Varberg", "Falkenberg", "Laholm", "Kungsbacka", "Hylte"}

// soakOp is one request to make.
type soakOp struct {
	kind  string
	user  int // index into the platform's members
	org   bool
	route int // 0..99: how it goes in (mention, DM or slash command)
	seq   int
	tags  [2]string
	q     string
}

// soakNext draws the n-th request of a worker. progress (0..1) widens the
// set of members and tags as the run goes on, so that both keep growing.
// The worker's members take turns, so that one member's requests are
// seconds apart (Slack's pacing per channel applies to DMs too).
func soakNext(rng *rand.Rand, worker, workers, users int, progress float64, n int) soakOp {
	x := rng.IntN(100)
	kind := soakKinds[0]
	for _, k := range soakKinds {
		if x < soakWeights[k] {
			kind = k
			break
		}
		x -= soakWeights[k]
	}
	per := users / workers
	active := max(1, int(float64(per)*(0.2+0.8*progress)))
	seq := n*workers + worker
	op := soakOp{kind: kind, user: worker + workers*(n%active), route: rng.IntN(100), seq: seq}
	nTags := 10 + int(140*progress)
	for i := range op.tags {
		op.tags[i] = fmt.Sprintf("%s %d", soakWords[rng.IntN(len(soakWords))], rng.IntN(nTags))
	}
	switch kind {
	case "ask.kb":
		op.q = soakQuestions[rng.IntN(len(soakQuestions))]
	case "ask.unknown":
		if rng.IntN(2) == 0 {
			op.q = fmt.Sprintf("vem vann melodifestivalen %d i %s, fråga %d?", 1950+rng.IntN(50), soakPlaces[rng.IntN(len(soakPlaces))], 100000+seq)
		} else {
			op.q = fmt.Sprintf("how many bicycles were there in %s in %d, question %d?", soakPlaces[rng.IntN(len(soakPlaces))], 1950+rng.IntN(50), 100000+seq)
		}
	case "faq.unanswered", "meetup.list":
		op.org = kind == "faq.unanswered"
	}
	return op
}

// text is the request as a member types it (console, mention, DM).
func (op soakOp) text() string {
	switch op.kind {
	case "interests.add":
		return fmt.Sprintf("interests add tags:\"%s, %s\"", op.tags[0], op.tags[1])
	case "interests.who":
		return "interests who tag:" + op.tags[0]
	case "interests.mine":
		return "interests"
	case "interests.top":
		return "interests top"
	case "profile.set":
		return fmt.Sprintf("profile set about:\"Jag arbetar med %s och %s\" region:%s", op.tags[0], op.tags[1], soakPlaces[op.seq%len(soakPlaces)])
	case "ask.kb", "ask.unknown", "meetup.create":
		return op.q
	case "help":
		return "help"
	case "meetup.list":
		return "meetup list"
	case "faq.unanswered":
		return "faq unanswered"
	}
	panic("unknown kind " + op.kind)
}

// slash is the request as a slash command: the command and its text
// (Slack) or options (Discord).
func (op soakOp) slash() (string, string, []discordfake.OptionValue) {
	sub := func(name string, opts ...discordfake.OptionValue) []discordfake.OptionValue {
		return []discordfake.OptionValue{discordfake.Sub(name, opts...)}
	}
	switch op.kind {
	case "interests.add":
		tags := op.tags[0] + ", " + op.tags[1]
		return "interests", "add tags:\"" + tags + "\"", sub("add", discordfake.Str("tags", tags))
	case "interests.who":
		return "interests", "who tag:" + op.tags[0], sub("who", discordfake.Str("tag", op.tags[0]))
	case "interests.mine":
		return "interests", "", sub("start")
	case "interests.top":
		return "interests", "top", sub("top")
	case "profile.set":
		about := fmt.Sprintf("Jag arbetar med %s och %s", op.tags[0], op.tags[1])
		region := soakPlaces[op.seq%len(soakPlaces)]
		return "profile", "set about:\"" + about + "\" region:" + region, sub("set", discordfake.Str("about", about), discordfake.Str("region", region))
	case "ask.kb", "ask.unknown":
		return "ask", op.q, []discordfake.OptionValue{discordfake.Str("question", op.q)}
	case "help":
		return "help", "", nil
	case "meetup.list":
		return "meetup", "list", sub("list")
	case "faq.unanswered":
		return "faq", "unanswered", sub("unanswered")
	}
	panic("unknown kind " + op.kind)
}

// soakDriver sends one platform's share with a few requests in flight:
// each worker waits for its reply before its next request.
type soakDriver struct {
	platform string
	workers  int
	users    int
	send     func(worker int, op soakOp) *soakReq
	tr       *soakTracker

	once  sync.Once
	rngs  []*rand.Rand
	seqs  []int
	total int // requests planned, for the progress
	done  atomic.Int64
}

func (d *soakDriver) init() {
	d.once.Do(func() {
		for w := 0; w < d.workers; w++ {
			d.rngs = append(d.rngs, rand.New(rand.NewPCG(uint64(len(d.platform)), uint64(w))))
			d.seqs = append(d.seqs, 0)
		}
	})
}

// do sends one request and waits for its reply.
func (d *soakDriver) do(worker int, op soakOp) {
	r := d.send(worker, op)
	t := time.NewTimer(soakReplyTimeout)
	defer t.Stop()
	select {
	case <-r.done:
		d.tr.check(r, op.text)
	case <-t.C:
		d.tr.timeouts.Add(1) // lost (counted at the end)
	}
}

// drive sends n requests from all workers.
func (d *soakDriver) drive(n int) {
	d.init()
	var left atomic.Int64
	left.Store(int64(n))
	var wg sync.WaitGroup
	for w := 0; w < d.workers; w++ {
		wg.Go(func() {
			// A bot that stopped answering fails the test; waiting out
			// the timeout for every request left would take hours.
			for left.Add(-1) >= 0 && d.tr.timeouts.Load() < 20 {
				progress := float64(d.done.Load()) / float64(max(1, d.total))
				d.seqs[w]++
				op := soakNext(d.rngs[w], w, d.workers, d.users, progress, d.seqs[w])
				d.do(w, op)
				d.done.Add(1)
			}
		})
	}
	wg.Wait()
}

// ---- Discord: a guild with channels, members, organisers ----

type soakDiscord struct {
	fake     *discordfake.Server
	tr       *soakTracker
	guild    string
	channels []string
	users    []discordfake.User
	orgs     []discordfake.User
	mention  string
	next     []int // per worker: the next of its channels
}

func soakDiscordWorld(fake *discordfake.Server, tr *soakTracker) *soakDiscord {
	w := &soakDiscord{fake: fake, tr: tr, mention: "<@" + fake.BotID() + "> ", next: make([]int, soakDiscordWorkers)}
	g := discordfake.Guild{Name: "Passion Halland", Members: []discordfake.Member{{User: fake.NewUser("agare")}}}
	for c := 0; c < soakDiscordChannels; c++ {
		g.Channels = append(g.Channels, discordfake.Channel{Name: fmt.Sprintf("kanal-%d", c)})
	}
	roleID := fake.NewID()
	g.Roles = []discordfake.Role{{ID: roleID, Name: "Arrangör", Permissions: discordfake.PermManageEvents}}
	for i := 0; i < soakOrganisers; i++ {
		u := fake.NewUser(fmt.Sprintf("arrangor%d", i))
		w.orgs = append(w.orgs, u)
		g.Members = append(g.Members, discordfake.Member{User: u, Roles: []string{roleID}})
	}
	g = fake.AddGuild(g)
	w.guild = g.ID
	for _, c := range g.Channels {
		w.channels = append(w.channels, c.ID)
	}
	for i := 0; i < soakDiscordUsers; i++ {
		w.users = append(w.users, fake.NewUser(fmt.Sprintf("medlem%d", i)))
	}
	return w
}

// send makes op a mention in one of the worker's channels (50 %), a DM
// (20 %) or a slash command (30 %). Organisers' requests go to a channel,
// where their role counts.
func (w *soakDiscord) send(worker int, op soakOp) *soakReq {
	user, ch := soakPick(w.users, w.orgs, w.channels, w.next, soakDiscordWorkers, worker, op)
	id := w.fake.NewID()
	switch {
	case op.route < 50 || (op.org && op.route < 70):
		r := w.tr.register("discord", op.kind, "dm:"+id)
		w.fake.SendMessage(discordfake.MessageCreate{ID: id, ChannelID: ch, Author: user, Content: w.mention + op.text()})
		return r
	case op.route < 70:
		r := w.tr.register("discord", op.kind, "dm:"+id)
		w.fake.SendMessage(discordfake.MessageCreate{ID: id, Author: user, Content: op.text()})
		return r
	default:
		name, _, opts := op.slash()
		token := "soak-" + id
		w.tr.mu.Lock()
		w.tr.tokens[token] = "di:" + id
		w.tr.mu.Unlock()
		r := w.tr.register("discord", op.kind, "di:"+id)
		w.fake.SendInteraction(discordfake.Interaction{ID: id, Token: token, GuildID: w.guild, ChannelID: ch, User: user,
			CommandName: name, Options: opts, Locale: "sv-SE"})
		return r
	}
}

// ---- Slack: a workspace with channels, members, admins ----

type soakSlack struct {
	fake     *slackfake.Server
	tr       *soakTracker
	proxy    string // the proxy's URL, for response_urls
	channels []string
	users    []string
	orgs     []string
	dms      map[string]string
	next     []int
	ts       atomic.Int64
}

func soakSlackWorld(fake *slackfake.Server, tr *soakTracker) *soakSlack {
	w := &soakSlack{fake: fake, tr: tr, dms: map[string]string{}, next: make([]int, soakSlackWorkers)}
	for c := 0; c < soakSlackChannels; c++ {
		w.channels = append(w.channels, fake.AddChannel(slackfake.Channel{Name: fmt.Sprintf("kanal-%d", c)}))
	}
	for i := 0; i < soakOrganisers; i++ {
		id := fmt.Sprintf("UORG%05d", i)
		fake.AddUser(slackfake.User{ID: id, Name: fmt.Sprintf("arrangor%d", i), IsAdmin: true, Locale: "sv-SE"})
		w.orgs = append(w.orgs, id)
	}
	for i := 0; i < soakSlackUsers; i++ {
		id := fmt.Sprintf("UMED%06d", i)
		fake.AddUser(slackfake.User{ID: id, Name: fmt.Sprintf("medlem%d", i), Locale: "sv-SE"})
		w.users = append(w.users, id)
		w.dms[id] = fake.DMChannel(id)
	}
	return w
}

// send makes op a mention in one of the worker's channels (30 %), a DM
// (35 %) or a slash command (35 %); organisers' requests are mentions or
// slash commands.
func (w *soakSlack) send(worker int, op soakOp) *soakReq {
	user, ch := soakPick(w.users, w.orgs, w.channels, w.next, soakSlackWorkers, worker, op)
	switch {
	case op.route < 30 || (op.org && op.route < 65):
		n := w.ts.Add(1)
		ts := fmt.Sprintf("%d.%06d", 1500000000+n/1000000, n%1000000)
		r := w.tr.register("slack", op.kind, "sm:"+ts)
		w.fake.SendEvent(slackfake.AppMentionEvent{User: user, Channel: ch, Text: op.text(), TS: ts})
		return r
	case op.route < 65:
		dm := w.dms[user]
		r := w.tr.register("slack", op.kind, "sd:"+dm)
		w.fake.SendEvent(slackfake.MessageEvent{User: user, Channel: dm, ChannelType: "im", Text: op.text()})
		return r
	default:
		name, text, _ := op.slash()
		cmd := slackfake.SlashCommand{Command: "/" + name, Text: text, UserID: user, ChannelID: ch}
		var p struct {
			ResponseURL string `json:"response_url"`
			TriggerID   string `json:"trigger_id"`
		}
		json.Unmarshal(w.fake.SlashCommandPayload(cmd), &p) // registers the response_url
		u, _ := url.Parse(p.ResponseURL)
		cmd.ResponseURL, cmd.TriggerID = w.proxy+u.Path, p.TriggerID
		r := w.tr.register("slack", op.kind, "sh:"+u.Path)
		w.fake.SendSlashCommand(cmd)
		return r
	}
}

// soakPick chooses who sends op for worker (its member, or one of the
// worker's two organisers, alternating) and in which of the worker's own
// channels (in turn, advancing next).
func soakPick[U any](users, orgs []U, channels []string, next []int, workers, worker int, op soakOp) (U, string) {
	user := users[op.user%len(users)]
	if op.org {
		user = orgs[(worker*2+op.seq/workers%2)%len(orgs)]
	}
	per := len(channels) / workers
	ch := channels[worker*per+next[worker]%per]
	next[worker]++
	return user, ch
}
