package health

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
)

// URL is where a running bot's /healthz answers, from [http] listen; an
// unspecified host ("", 0.0.0.0, ::) is asked on loopback.
func URL(listen string) (string, error) {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return "", fmt.Errorf("[http] listen %q: %w", listen, err)
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz", nil
}

// Ask asks the /healthz at url and returns its report and whether the bot
// answered healthy (HTTP 200). An error means no report came back.
func Ask(ctx context.Context, url string) (Report, bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Report{}, false, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return Report{}, false, fmt.Errorf("no answer from %s (is passionbot running?): %w", url, err)
	}
	defer resp.Body.Close()
	var rep Report
	if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
		return Report{}, false, fmt.Errorf("%s answered %d without a health report: %w", url, resp.StatusCode, err)
	}
	return rep, resp.StatusCode == http.StatusOK, nil
}
