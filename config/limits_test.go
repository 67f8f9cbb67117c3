package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLimitsAndAuditRetention(t *testing.T) {
	d := Default()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	if d.Moderation.AuditRetentionDuration != 730*24*time.Hour || d.Limits != (Limits{CommandsPerMinute: 20, CommandBurst: 5}) {
		t.Fatalf("defaults: retention %v, limits %+v", d.Moderation.AuditRetentionDuration, d.Limits)
	}
	for _, tc := range []struct {
		toml string
		want time.Duration
		err  string
	}{
		{"[moderation]\naudit_retention = \"90d\"\n", 90 * 24 * time.Hour, ""},
		{"[moderation]\naudit_retention = \"8760h\"\n", 8760 * time.Hour, ""},
		{"[moderation]\naudit_retention = \"0\"\n", 0, ""},
		{"[moderation]\naudit_retention = \"1h\"\n", 0, `moderation.audit_retention: "1h"`},
		{"[moderation]\naudit_retention = \"two years\"\n", 0, `moderation.audit_retention: "two years"`},
		{"[limits]\ncommands_per_minute = -1\n", 0, "limits: commands_per_minute -1"},
		{"[limits]\ncommand_burst = 0\n", 0, "command_burst 0"},
	} {
		path := filepath.Join(t.TempDir(), "c.toml")
		if err := os.WriteFile(path, []byte(tc.toml), 0o600); err != nil {
			t.Fatal(err)
		}
		c, err := Load(path)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.toml, err, tc.err)
			}
			continue
		}
		if err != nil || c.Moderation.AuditRetentionDuration != tc.want {
			t.Errorf("%q: %v, %v; want %v", tc.toml, c.Moderation.AuditRetentionDuration, err, tc.want)
		}
	}
}
