package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dockerfile returns the Dockerfile's instructions (continuation lines
// joined, comments dropped), each as [keyword, rest].
func dockerfile(t *testing.T) [][2]string {
	t.Helper()
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	var cur string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#") || (line == "" && cur == "") {
			continue
		}
		cur += " " + strings.TrimSuffix(line, "\\")
		if strings.HasSuffix(line, "\\") {
			continue
		}
		kw, rest, _ := strings.Cut(strings.TrimSpace(cur), " ")
		out = append(out, [2]string{strings.ToUpper(kw), strings.TrimSpace(rest)})
		cur = ""
	}
	return out
}

// TestDockerfile checks what the image promises (no Docker engine runs on
// the test machines, so the image itself is not built here): two stages,
// a cgo build in the first, a non-root user and the database on a volume in
// the second, and a CMD that starts the bot — run here with /data mapped
// to a temporary folder, as the container would run it.
func TestDockerfile(t *testing.T) {
	ins := dockerfile(t)
	var froms, runs []string
	var user, volume, entry, cmd string
	for _, in := range ins {
		switch in[0] {
		case "FROM":
			froms = append(froms, in[1])
		case "RUN":
			runs = append(runs, in[1])
		case "USER":
			user = in[1]
		case "VOLUME":
			volume = in[1]
		case "ENTRYPOINT":
			entry = in[1]
		case "CMD":
			cmd = in[1]
		}
	}
	if len(froms) != 2 || !strings.HasSuffix(froms[0], " AS build") || !strings.HasPrefix(froms[0], "golang:1.26") {
		t.Errorf("stages: %q, want a golang:1.26 build stage and a runtime stage", froms)
	}
	cgo := false
	for _, r := range runs {
		cgo = cgo || strings.Contains(r, "CGO_ENABLED=1 go build")
	}
	if !cgo {
		t.Errorf("no cgo build (github.com/mattn/go-sqlite3 needs it) in %q", runs)
	}
	if user == "" || user == "root" || user == "0" {
		t.Errorf("USER %q: the bot must not run as root", user)
	}
	if volume != "/data" {
		t.Errorf("VOLUME %q, want /data", volume)
	}
	var ep, args []string
	if err := json.Unmarshal([]byte(entry), &ep); err != nil || len(ep) != 1 || ep[0] != "/usr/local/bin/passionbot" {
		t.Fatalf("ENTRYPOINT %s (%v)", entry, err)
	}
	if err := json.Unmarshal([]byte(cmd), &args); err != nil {
		t.Fatalf("CMD %s: %v", cmd, err)
	}
	data := inTempDir(t)
	for i, a := range args {
		args[i] = strings.Replace(a, "/data", data, 1)
	}
	code, out, errOut := runCLI(t, "help\n", args...)
	if code != 0 || !strings.Contains(out, "Kommandon") {
		t.Fatalf("the image's command %q: exit %d, %q", args, code, errOut)
	}
	if _, err := os.Stat(filepath.Join(data, "passionbot.db")); err != nil {
		t.Fatalf("no database on the volume: %v", err)
	}
}

// TestSystemdUnit checks the unit's promises and runs its ExecStart with
// the state directory mapped to a temporary folder.
func TestSystemdUnit(t *testing.T) {
	b, err := os.ReadFile("deploy/passionbot.service")
	if err != nil {
		t.Fatal(err)
	}
	unit := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "#") {
			unit[k] = v
		}
	}
	for k, v := range map[string]string{"DynamicUser": "yes", "StateDirectory": "passionbot", "ProtectSystem": "strict",
		"NoNewPrivileges": "yes", "RestartPreventExitStatus": "2", "EnvironmentFile": "/etc/passionbot/env"} {
		if unit[k] != v {
			t.Errorf("%s=%q, want %q", k, unit[k], v)
		}
	}
	args := strings.Fields(unit["ExecStart"])
	if len(args) == 0 || args[0] != "/usr/local/bin/passionbot" {
		t.Fatalf("ExecStart %q", unit["ExecStart"])
	}
	state := inTempDir(t)
	os.WriteFile(filepath.Join(state, "passionbot.toml"), []byte("name = \"passionbot\"\n"), 0o600)
	args = args[1:]
	for i, a := range args {
		a = strings.Replace(a, "/var/lib/passionbot", state, 1)
		args[i] = strings.Replace(a, "/etc/passionbot", state, 1)
	}
	if code, out, errOut := runCLI(t, "help\n", args...); code != 0 || !strings.Contains(out, "Kommandon") {
		t.Fatalf("the unit's command %q: exit %d, %q", args, code, errOut)
	}
}
