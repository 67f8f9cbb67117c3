package main

import (
	"log"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/netutil"
)

// httpLimits bound what clients can hold of the [http] endpoint: how long a
// request may take to arrive and its answer to leave, how long an idle
// keep-alive connection stays open, how large the header may be and how
// many connections are open at once. Without them one client dribbling a
// byte at a time, or a few thousand idle keep-alive connections, held the
// endpoint (and file descriptors) for as long as they liked.
type httpLimits struct {
	readHeader time.Duration // the request line and headers
	read       time.Duration // the whole request, body included
	write      time.Duration // from the end of the header to the end of the answer
	idle       time.Duration // a keep-alive connection between requests
	// maxHeaderBytes caps the request line and headers (431 beyond).
	maxHeaderBytes int
	// maxConns caps open connections; more wait in the kernel's accept
	// queue until one closes.
	maxConns int
}

// defaultHTTPLimits suit what the endpoint serves: health probes,
// Prometheus scrapes and calendar apps polling a feed — small requests,
// small answers, few clients.
func defaultHTTPLimits() httpLimits {
	return httpLimits{
		readHeader:     5 * time.Second,
		read:           10 * time.Second,
		write:          30 * time.Second,
		idle:           60 * time.Second,
		maxHeaderBytes: 16 << 10,
		maxConns:       256,
	}
}

// listen opens addr with at most maxConns connections open at once.
func (l httpLimits) listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return netutil.LimitListener(ln, l.maxConns), nil
}

// server is an http.Server for h with these limits; errLog receives the
// server's own errors (a panicking handler, a failed accept).
func (l httpLimits) server(h http.Handler, errLog *log.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: l.readHeader,
		ReadTimeout:       l.read,
		WriteTimeout:      l.write,
		IdleTimeout:       l.idle,
		MaxHeaderBytes:    l.maxHeaderBytes,
		ErrorLog:          errLog,
	}
}
