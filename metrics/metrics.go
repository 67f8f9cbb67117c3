// Package metrics counts what passionbot does for Prometheus, on
// github.com/prometheus/client_golang: it implements bot.Observer, counts
// error log lines, and serves the text exposition format.
//
// Every metric lives in the Metrics' own registry (no global state), with
// the Go runtime and process collectors beside them.
package metrics

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"passionbot/bot"
)

// Metrics is passionbot's Prometheus registry and the bot.Observer that fills it.
type Metrics struct {
	reg         *prometheus.Registry
	messages    *prometheus.CounterVec
	commands    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	questions   *prometheus.CounterVec
	unanswered  *prometheus.CounterVec
	feedback    *prometheus.CounterVec
	rateWaits   *prometheus.CounterVec
	rateSeconds *prometheus.CounterVec
	deliveries  *prometheus.CounterVec
	errors      *prometheus.CounterVec
}

// New returns metrics registered in a registry of their own.
func New() *Metrics {
	counter := func(name, help string, labels ...string) *prometheus.CounterVec {
		return prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "passionbot", Name: name, Help: help}, labels)
	}
	// The latency buckets span a quick help (~1 ms) to a slow platform call (10 s).
	latencyBuckets := []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		messages: counter("messages_total",
			"Inbound events the platforms delivered, by platform and kind (message, command, button, join).", "platform", "kind"),
		commands: counter("commands_total",
			"Addressed messages, commands and buttons handled, by platform, command (question for free text, unknown when nothing matched) and result (ok, refused, failed).",
			"platform", "command", "result"),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: "passionbot", Name: "command_duration_seconds",
			Help: "Time from receiving an addressed message or command to its reply being sent.", Buckets: latencyBuckets}, []string{"platform"}),
		questions: counter("questions_total",
			"Questions asked of the knowledge base, by platform and language.", "platform", "lang"),
		unanswered: counter("unanswered_questions_total",
			"Questions the knowledge base could not answer (recorded for organisers), by platform and language.", "platform", "lang"),
		feedback: counter("answer_feedback_total",
			"Members' votes on knowledge answers (the first per member and answer), by vote: up (it helped) or down.", "vote"),
		rateWaits: counter("rate_limit_waits_total",
			"Times a platform answered HTTP 429 and the bot waited before retrying.", "platform"),
		rateSeconds: counter("rate_limit_wait_seconds_total",
			"Seconds the platforms asked the bot to wait (HTTP 429 Retry-After).", "platform"),
		deliveries: counter("announcements_total",
			"Scheduled messages ended, by platform, kind (announce, reminder, match, …) and outcome: sent on time, late (sent after the bot was down at its time, or more than a minute after its delivery began) or failed (given up).",
			"platform", "kind", "outcome"),
		errors: counter("errors_total",
			"Error log lines, by the part of the bot that logged them.", "part"),
	}
	m.reg.MustRegister(m.messages, m.commands, m.latency, m.questions, m.unanswered, m.feedback,
		m.rateWaits, m.rateSeconds, m.deliveries, m.errors,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Gauge registers a value read at each scrape: passionbot_<name>. A read
// that fails reports nothing for that scrape (the error is the read's to log).
func (m *Metrics) Gauge(name, help string, read func() (float64, error)) {
	m.reg.MustRegister(&readGauge{desc: prometheus.NewDesc("passionbot_"+name, help, nil, nil), read: read})
}

// readGauge is a gauge whose value is read at scrape time and may fail.
type readGauge struct {
	desc *prometheus.Desc
	read func() (float64, error)
}

// Describe sends the gauge's description.
func (g *readGauge) Describe(ch chan<- *prometheus.Desc) { ch <- g.desc }

// Collect reads the value; nothing is reported when the read fails.
func (g *readGauge) Collect(ch chan<- prometheus.Metric) {
	if v, err := g.read(); err == nil {
		ch <- prometheus.MustNewConstMetric(g.desc, prometheus.GaugeValue, v)
	}
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Received counts an inbound event.
func (m *Metrics) Received(p bot.Platform, kind bot.EventKind) {
	m.messages.WithLabelValues(string(p), kind.String()).Inc()
}

// Handled counts a handled command and observes its latency.
func (m *Metrics) Handled(p bot.Platform, command, result string, took time.Duration) {
	m.commands.WithLabelValues(string(p), command, result).Inc()
	m.latency.WithLabelValues(string(p)).Observe(took.Seconds())
}

// Asked counts a question, and an unanswered one.
func (m *Metrics) Asked(p bot.Platform, lang string, answered bool) {
	m.questions.WithLabelValues(string(p), lang).Inc()
	if !answered {
		m.unanswered.WithLabelValues(string(p), lang).Inc()
	}
}

// Feedback counts a member's vote on an answer.
func (m *Metrics) Feedback(_ bot.Platform, vote string) {
	m.feedback.WithLabelValues(vote).Inc()
}

// RateLimited counts a rate-limit wait.
func (m *Metrics) RateLimited(p bot.Platform, wait time.Duration) {
	m.rateWaits.WithLabelValues(string(p)).Inc()
	m.rateSeconds.WithLabelValues(string(p)).Add(wait.Seconds())
}

// Delivered counts a scheduled message's outcome.
func (m *Metrics) Delivered(p bot.Platform, kind, outcome string) {
	m.deliveries.WithLabelValues(string(p), kind, outcome).Inc()
}

// CountErrors wraps h so that every record at level Error or above is
// counted in passionbot_errors_total, labelled with the logger's "part"
// attribute (or its "platform"; "core" when it has neither).
func (m *Metrics) CountErrors(h slog.Handler) slog.Handler {
	return &errorCounter{next: h, part: "core", errors: m.errors}
}

type errorCounter struct {
	next   slog.Handler
	part   string
	errors *prometheus.CounterVec
}

func (e *errorCounter) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelError || e.next.Enabled(ctx, l)
}

func (e *errorCounter) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelError {
		e.errors.WithLabelValues(e.part).Inc()
	}
	if !e.next.Enabled(ctx, r.Level) {
		return nil
	}
	return e.next.Handle(ctx, r)
}

func (e *errorCounter) WithAttrs(as []slog.Attr) slog.Handler {
	c := *e
	for _, a := range as {
		if a.Key == "part" || a.Key == "platform" && c.part == "core" {
			c.part = a.Value.String()
		}
	}
	c.next = e.next.WithAttrs(as)
	return &c
}

func (e *errorCounter) WithGroup(name string) slog.Handler {
	c := *e
	c.next = e.next.WithGroup(name)
	return &c
}
