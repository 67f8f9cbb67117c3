package main

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passionbot/config"
	"passionbot/metrics"
	"passionbot/storage"
)

// serveWith starts the real [http] endpoint (calendars, /healthz,
// /metrics on a real database) with lim and returns its address.
func serveWith(t *testing.T, lim httpLimits) string {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "passionbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.HTTP.Listen = freeAddr(t)
	a := &program{cfg: cfg, log: slog.New(slog.DiscardHandler), httpLimits: lim}
	srv, err := a.serveHTTP(db, metrics.New(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return cfg.HTTP.Listen
}

// closedBy reports when the server closes c: a read returns an error
// (EOF or a reset), whatever the server may have answered before.
func closedBy(c net.Conn) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		io.Copy(io.Discard, c)
	}()
	return done
}

// dribble sends prefix, then one byte at a time, until the server closes
// the connection; it fails when the server is still listening after
// guard, which is far beyond the limits the test set.
func dribble(t *testing.T, addr, prefix string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	closed := closedBy(c)
	if _, err := io.WriteString(c, prefix); err != nil {
		t.Fatal(err)
	}
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	guard := time.After(10 * time.Second)
	for {
		select {
		case <-closed:
			return
		case <-guard:
			t.Fatalf("the server kept a connection sending %q one byte at a time open", prefix)
		case <-tick.C:
			if _, err := c.Write([]byte("a")); err != nil {
				return // reset by the server
			}
		}
	}
}

// TestHTTPSlowClientsAreCutOff: a request whose header or body arrives one
// byte at a time is cut off once its read timeout passes, and a header
// beyond the size limit is refused with 431.
func TestHTTPSlowClientsAreCutOff(t *testing.T) {
	lim := defaultHTTPLimits()
	lim.readHeader, lim.read, lim.write, lim.idle = 200*time.Millisecond, 400*time.Millisecond, 400*time.Millisecond, 400*time.Millisecond
	addr := serveWith(t, lim)
	t.Run("header", func(t *testing.T) {
		dribble(t, addr, "GET /healthz HTTP/1.1\r\nHost: bot\r\nX-Slow: ")
	})
	t.Run("body", func(t *testing.T) {
		dribble(t, addr, "POST /healthz HTTP/1.1\r\nHost: bot\r\nContent-Length: 100000\r\n\r\n")
	})
	t.Run("big header", func(t *testing.T) {
		req, err := http.NewRequest("GET", "http://"+addr+"/healthz", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("X-Big", strings.Repeat("a", 2*lim.maxHeaderBytes))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Fatalf("a %d-byte header: %s, want 431", 2*lim.maxHeaderBytes, resp.Status)
		}
	})
}

// get sends GET /healthz on c (keep-alive) and returns the answer's status.
func get(c net.Conn, r *bufio.Reader) (int, error) {
	if _, err := io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n"); err != nil {
		return 0, err
	}
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// TestHTTPConnectionLimit: with every allowed connection held open (idle
// keep-alive), one more gets no answer until one of them closes.
func TestHTTPConnectionLimit(t *testing.T) {
	lim := defaultHTTPLimits()
	lim.maxConns = 2
	addr := serveWith(t, lim)
	var held []net.Conn
	for range lim.maxConns {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if code, err := get(c, bufio.NewReader(c)); err != nil || code != http.StatusOK {
			t.Fatalf("connection %d within the limit: %d %v", len(held)+1, code, err)
		}
		held = append(held, c)
	}
	extra, err := net.Dial("tcp", addr) // the kernel queues it
	if err != nil {
		t.Fatal(err)
	}
	defer extra.Close()
	type answer struct {
		code int
		err  error
	}
	got := make(chan answer, 1)
	go func() {
		code, err := get(extra, bufio.NewReader(extra))
		got <- answer{code, err}
	}()
	select {
	case a := <-got:
		t.Fatalf("a connection beyond the limit was served: %d %v", a.code, a.err)
	case <-time.After(300 * time.Millisecond):
	}
	held[0].Close()
	select {
	case a := <-got:
		if a.err != nil || a.code != http.StatusOK {
			t.Fatalf("the waiting connection, once one closed: %d %v", a.code, a.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the waiting connection was not served after one closed")
	}
}
